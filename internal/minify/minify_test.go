package minify

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/output"
)

func TestBytes(t *testing.T) {
	tests := []struct {
		path, in string
		want     []string // substrings of the output
		not      []string // what must be gone
	}{
		{"a/index.html", "<!DOCTYPE html>\n<html lang=\"fa\">\n<head>\n  <title>T</title>\n</head>\n<body>\n  <p>قطعی   <bdi>ChatGPT</bdi> <bdi>API</bdi>  ادامه</p>\n  <pre><code>line 1\n    indented\n\n  end</code></pre>\n</body>\n</html>\n",
			[]string{"<html lang=\"fa\">", "<head>", "<body>", "</p>", "قطعی <bdi>ChatGPT</bdi> <bdi>API</bdi> ادامه", "<pre><code>line 1\n    indented\n\n  end</code></pre>"},
			[]string{"\n  <p>"}},
		{"x/index.html", `<script type="application/ld+json">{ "a": 1,  "b": [1, 2] }</script>`,
			[]string{`{"a":1,"b":[1,2]}`}, nil},
		{"css/style.css", "a {\n  color: #ff0000;\n}\n", []string{"a{color:red}"}, nil},
		{"js/x.js", "function f ( a ) {\n  return a + 1 ;\n}\n", []string{"function f(e){return e+1}"}, nil},
		{"search.json", "{\n  \"k\": [ 1, 2 ]\n}\n", []string{`{"k":[1,2]}`}, nil},
		{"atom.xml", "<?xml version=\"1.0\"?>\n<feed>\n  <title>T &amp; U</title>\n</feed>\n", []string{"<feed><title>T &amp; U</title></feed>"}, nil},
		{"robots.txt", "User-agent: *\n\nAllow: /\n", []string{"User-agent: *\n\nAllow: /\n"}, nil},
		{"favicon.svg", "<svg>\n  <g/>\n</svg>\n", []string{"<svg>\n  <g/>\n</svg>\n"}, nil},
	}
	for _, tt := range tests {
		got, err := Bytes(tt.path, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s: %q lacks %q", tt.path, got, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(string(got), n) {
				t.Errorf("%s: %q still has %q", tt.path, got, n)
			}
		}
	}
}

// memSink records what it is given, and how.
type memSink struct{ files map[string]string }

func (m *memSink) WriteFile(p string, b []byte) error { m.files[p] = "write:" + string(b); return nil }
func (m *memSink) Create(p string) (io.WriteCloser, error) {
	return &memFile{m: m, p: p}, nil
}
func (m *memSink) Remove(p string) error { delete(m.files, p); return nil }

type memFile struct {
	m    *memSink
	p    string
	data bytes.Buffer
}

func (f *memFile) Write(b []byte) (int, error) { return f.data.Write(b) }
func (f *memFile) Close() error                { f.m.files[f.p] = "create:" + f.data.String(); return nil }

// TestSink: every way a file reaches the sink is minified when its kind is, and passes through
// as it came otherwise, the way it came: written whole, or streamed into the next sink's file.
func TestSink(t *testing.T) {
	m := &memSink{files: map[string]string{}}
	s := Sink(m)
	_ = s.WriteFile("a.css", []byte("a { color : red ; }"))
	_ = s.WriteFile("a.woff2", []byte("a { }"))
	_ = output.Copy(s, "b.js", strings.NewReader("var  x = 1 ;"))
	_ = output.Copy(s, "b.png", strings.NewReader("var  x = 1 ;"))
	for _, p := range []string{"c.json", "c.txt"} {
		w, _ := s.Create(p)
		io.WriteString(w, "[ 1 ,\n 2 ]")
		w.Close()
	}
	want := map[string]string{
		"a.css":   "write:a{color:red}",
		"a.woff2": "write:a { }",
		"b.js":    "create:var x=1",
		"b.png":   "create:var  x = 1 ;",
		"c.json":  "create:[1,2]",
		"c.txt":   "create:[ 1 ,\n 2 ]",
	}
	for p, w := range want {
		if m.files[p] != w {
			t.Errorf("%s = %q, want %q", p, m.files[p], w)
		}
	}
	if err := s.Remove("a.css"); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.files["a.css"]; ok || len(m.files) != len(want)-1 {
		t.Errorf("after Remove(a.css): %v", m.files)
	}
}
