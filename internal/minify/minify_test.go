package minify

import (
	"bytes"
	"io"
	"strings"
	"testing"
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

// memSink records what it is given; it streams when stream is set.
type memSink struct {
	files  map[string]string
	stream bool
}

func (m *memSink) WriteFile(p string, b []byte) error { m.files[p] = "write:" + string(b); return nil }
func (m *memSink) CopyFile(p string, r io.Reader) error {
	b, _ := io.ReadAll(r)
	m.files[p] = "copy:" + string(b)
	return nil
}

type memFile struct {
	m    *memSink
	p    string
	data bytes.Buffer
}

func (f *memFile) Write(b []byte) (int, error) { return f.data.Write(b) }
func (f *memFile) Close() error                { f.m.files[f.p] = "create:" + f.data.String(); return nil }

type streamSink struct{ *memSink }

func (s streamSink) Create(p string) (io.WriteCloser, error) {
	return &memFile{m: s.memSink, p: p}, nil
}

// TestSink: every way a file reaches the sink is minified when its kind is, and passes through
// as it came otherwise, streaming into a sink that streams.
func TestSink(t *testing.T) {
	m := &memSink{files: map[string]string{}}
	for _, next := range []interface {
		WriteFile(string, []byte) error
		CopyFile(string, io.Reader) error
	}{m, streamSink{m}} {
		clear(m.files)
		s := Sink(next)
		_ = s.WriteFile("a.css", []byte("a { color : red ; }"))
		_ = s.WriteFile("a.woff2", []byte("a { }"))
		_ = s.CopyFile("b.js", strings.NewReader("var  x = 1 ;"))
		_ = s.CopyFile("b.png", strings.NewReader("var  x = 1 ;"))
		st := s.(interface {
			Create(string) (io.WriteCloser, error)
		})
		for _, p := range []string{"c.json", "c.txt"} {
			w, _ := st.Create(p)
			io.WriteString(w, "[ 1 ,\n 2 ]")
			w.Close()
		}
		_, streams := next.(streamSink)
		created := "write:"
		if streams {
			created = "create:"
		}
		want := map[string]string{
			"a.css":   "write:a{color:red}",
			"a.woff2": "write:a { }",
			"b.js":    "write:var x=1",
			"b.png":   "copy:var  x = 1 ;",
			"c.json":  created + "[1,2]",
			"c.txt":   created + "[ 1 ,\n 2 ]",
		}
		for p, w := range want {
			if m.files[p] != w {
				t.Errorf("streams %v: %s = %q, want %q", streams, p, m.files[p], w)
			}
		}
	}
}
