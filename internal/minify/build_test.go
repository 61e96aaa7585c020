package minify_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/linkcheck"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// site copies the repository's example site and gives one article a code block, so that the
// output has a <pre> whose whitespace matters.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(dir, "content", "en", "incidents", "openai-outage-november-2023.md")
	b, err = os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	code := "\n\nThe status page answered:\n\n```\nHTTP/1.1 503 Service Unavailable\n    Retry-After:   120\n\n  {\"error\": \"overloaded\"}\n```\n"
	if err := os.WriteFile(art, append(b, code...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func buildInto(t *testing.T, src string, minify bool) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, Minify: minify}, dest); err != nil {
		t.Fatal(err)
	}
	return dest
}

func files(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMinifiedBuild: a minified build is the same on every run, smaller, and says the same
// things: the same elements and attributes, the same words, every <pre> byte for byte, JSON and
// XML that decode to what they did, scripts that still parse, and links that all resolve.
func TestMinifiedBuild(t *testing.T) {
	src := site(t)
	plain, min, again := files(t, buildInto(t, src, false)), buildInto(t, src, true), buildInto(t, src, true)
	mfiles := files(t, min)
	if a, b := treeHash(mfiles), treeHash(files(t, again)); a != b {
		t.Error("two minified builds differ")
	}
	if len(plain) != len(mfiles) {
		t.Errorf("%d files plain, %d minified", len(plain), len(mfiles))
	}
	plainSize, minSize := map[string]int{}, map[string]int{} // by extension, of the kinds minified
	sawPre := false
	for p, want := range plain {
		got, ok := mfiles[p]
		if !ok {
			t.Errorf("%s missing from the minified build", p)
			continue
		}
		plainSize[filepath.Ext(p)] += len(want)
		minSize[filepath.Ext(p)] += len(got)
		if len(got) > len(want) {
			t.Errorf("%s grew from %d to %d bytes", p, len(want), len(got))
		}
		switch filepath.Ext(p) {
		case ".html":
			sawPre = sawPre || bytes.Contains(want, []byte("<pre"))
			sameHTML(t, p, want, got)
		case ".json":
			sameJSON(t, p, want, got)
		case ".xml":
			sameXML(t, p, want, got)
		case ".js":
			if bytes.Equal(got, want) {
				t.Errorf("%s was not minified", p)
			}
			if node, err := exec.LookPath("node"); err == nil {
				f := filepath.Join(t.TempDir(), "x.js")
				os.WriteFile(f, got, 0o644)
				if out, err := exec.Command(node, "--check", f).CombinedOutput(); err != nil {
					t.Errorf("minified %s does not parse: %s", p, out)
				}
			}
		case ".css":
			if bytes.Equal(got, want) {
				t.Errorf("%s was not minified", p)
			}
		default:
			if !bytes.Equal(got, want) {
				t.Errorf("%s was changed", p)
			}
			delete(plainSize, filepath.Ext(p))
			delete(minSize, filepath.Ext(p))
		}
	}
	if !sawPre {
		t.Error("no page has a <pre>: the test site lost its code block")
	}
	for ext, n := range plainSize {
		if minSize[ext] >= n {
			t.Errorf("%s files: %d bytes minified, %d plain", ext, minSize[ext], n)
		}
		t.Logf("%s files: %d bytes minified, %d plain (%.1f%%)", ext, minSize[ext], n, 100*float64(minSize[ext])/float64(n))
	}
	base, _ := url.Parse("https://user.github.io/repo/")
	if _, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, Minify: true, BaseURL: base}, min); err != nil {
		t.Fatal(err)
	}
	problems, err := linkcheck.Check(min, base)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("minified build: broken link %s", p)
	}
}

func treeHash(files map[string][]byte) string {
	h := sha256.New()
	for _, p := range sortedKeys(files) {
		h.Write([]byte(p + "\x00"))
		h.Write(files[p])
		h.Write([]byte{0})
	}
	return string(h.Sum(nil))
}

func sortedKeys(m map[string][]byte) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

var seen = map[string]bool{}

var preRE = regexp.MustCompile(`(?s)<pre[ >].*?</pre>`)

// sameHTML compares two pages as a reader and a browser see them.
func sameHTML(t *testing.T, p string, want, got []byte) {
	t.Helper()
	w, g := htmlTokens(t, p, want), htmlTokens(t, p, got)
	if len(w.tags) != len(g.tags) {
		t.Errorf("%s: %d tags, was %d", p, len(g.tags), len(w.tags))
	}
	for i := range min(len(w.tags), len(g.tags)) {
		if w.tags[i] != g.tags[i] && !seen[w.tags[i]+g.tags[i]] {
			seen[w.tags[i]+g.tags[i]] = true
			t.Errorf("%s: element %d is %q, was %q", p, i, g.tags[i], w.tags[i])
		}
	}
	if !reflect.DeepEqual(w.words, g.words) {
		t.Errorf("%s: the text changed:\n got %q\nwant %q", p, strings.Join(g.words, " "), strings.Join(w.words, " "))
	}
	if a, b := preRE.FindAll(want, -1), preRE.FindAll(got, -1); !reflect.DeepEqual(a, b) {
		t.Errorf("%s: <pre> changed:\n got %q\nwant %q", p, b, a)
	}
	if len(w.ldjson) != len(g.ldjson) {
		t.Errorf("%s: %d JSON-LD scripts, was %d", p, len(g.ldjson), len(w.ldjson))
	}
	for i := range min(len(w.ldjson), len(g.ldjson)) {
		sameJSON(t, p+" JSON-LD", w.ldjson[i], g.ldjson[i])
	}
}

type page struct {
	tags   []string // "<a href=x>" with attributes sorted as written, "</a>"
	words  []string // the text outside scripts and styles, split at white space
	ldjson [][]byte
}

func htmlTokens(t *testing.T, p string, b []byte) page {
	var pg page
	l := phtml.NewLexer(parse.NewInputBytes(b))
	inScript, ldjson := "", false
	var tag strings.Builder
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			if !errors.Is(l.Err(), io.EOF) {
				t.Errorf("%s: %v", p, l.Err())
			}
			return pg
		case phtml.StartTagToken:
			name := strings.ToLower(string(l.Text()))
			tag.Reset()
			tag.WriteString("<" + name)
			inScript, ldjson = "", false
			if name == "script" || name == "style" {
				inScript = name
			}
		case phtml.AttributeToken:
			v := strings.Trim(string(l.AttrVal()), `"'`)
			v = strings.Join(strings.Fields(html.UnescapeString(v)), " ")
			if strings.HasPrefix(v, "width=") { // <meta name="viewport">, whose list loses its spaces
				v = strings.ReplaceAll(v, ", ", ",")
			}
			tag.WriteString(" " + strings.ToLower(string(l.AttrKey())) + "=" + v)
			if strings.EqualFold(string(l.AttrKey()), "type") && v == "application/ld+json" {
				ldjson = true
			}
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			pg.tags = append(pg.tags, tag.String()+">")
		case phtml.EndTagToken:
			pg.tags = append(pg.tags, strings.ToLower(string(data)))
			inScript = ""
		case phtml.TextToken:
			if inScript != "" {
				if ldjson {
					pg.ldjson = append(pg.ldjson, append([]byte(nil), data...))
				}
				continue
			}
			pg.words = append(pg.words, strings.Fields(html.UnescapeString(string(data)))...)
		case phtml.SVGToken, phtml.MathToken:
			pg.tags = append(pg.tags, string(data))
		}
	}
}

func sameJSON(t *testing.T, p string, want, got []byte) {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(want, &a); err != nil {
		t.Errorf("%s: the plain build's JSON does not parse: %v", p, err)
		return
	}
	if err := json.Unmarshal(got, &b); err != nil {
		t.Errorf("%s: minified JSON does not parse: %v", p, err)
		return
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: minified JSON means something else", p)
	}
}

// sameXML decodes both documents (feeds, sitemap) and compares their elements, attributes and
// text, white space collapsed.
func sameXML(t *testing.T, p string, want, got []byte) {
	t.Helper()
	a, err := xmlTokens(want)
	if err != nil {
		t.Errorf("%s: the plain build's XML: %v", p, err)
	}
	b, err := xmlTokens(got)
	if err != nil {
		t.Errorf("%s: minified XML does not parse: %v", p, err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: minified XML says something else:\n got %q\nwant %q", p, b, a)
	}
}

func xmlTokens(b []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			s := "<" + tok.Name.Space + ":" + tok.Name.Local
			for _, a := range tok.Attr {
				s += " " + a.Name.Space + ":" + a.Name.Local + "=" + a.Value
			}
			out = append(out, s)
		case xml.EndElement:
			out = append(out, "</"+tok.Name.Local)
		case xml.CharData:
			if f := strings.Fields(string(tok)); len(f) > 0 {
				out = append(out, strings.Join(f, " "))
			}
		}
	}
}
