package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad"
)

// FuzzRenderArticle builds a one-article site from an arbitrary article: never a panic; either a
// positioned error or a page whose title is escaped wherever it appears.
func FuzzRenderArticle(f *testing.F) {
	for _, name := range []string{"fa/incidents/api-outage.md", "en/incidents/api-outage.md"} {
		if b, err := os.ReadFile(filepath.Join("testdata/sites/basic/content", name)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("+++\ntitle = \"<script>alert(1)</script> \\\"q\\\" ]]>\"\ndate = 2023-11-08T10:00:00Z\nsummary = \"</script>\"\nservices = [\"<b>\"]\n+++\n<script>x</script> [a](javascript:alert(1))\n")
	site := f.TempDir()
	cfg, err := os.ReadFile("testdata/sites/basic/site.toml")
	if err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.toml"), cfg, 0o644); err != nil {
		f.Fatal(err)
	}
	dir := filepath.Join(site, "content", "fa", "incidents")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		sink := newMapSink()
		_, err := Run(Options{Source: site, Theme: rokhdad.Theme, Workers: 1}, sink)
		if err != nil {
			if msg := err.Error(); !strings.Contains(msg, "content/fa/incidents/a.md") && !strings.Contains(msg, "layouts/") {
				t.Fatalf("error does not name the file: %q", msg)
			}
			return
		}
		page := sink.files["fa/incidents/a/index.html"]
		if page == nil {
			t.Fatal("no page written")
		}
		if utf8.ValidString(src) && !utf8.Valid(page) {
			t.Fatal("invalid UTF-8 in the page")
		}
		if strings.Contains(string(page), "<script>alert") || strings.Contains(string(page), "<script>x</script>") {
			t.Fatalf("raw script in the page")
		}
	})
}
