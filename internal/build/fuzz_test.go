package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// fuzzFile is where FuzzRenderArticle's article stands in its site.
const fuzzFile = "content/fa/incidents/a.md"

// articleSite is a site prepared once — configuration, theme, layouts and catalogs — that renders
// one article at a time.
type articleSite struct {
	cfg *config.Config
	r   *render.Renderer
	buf bytes.Buffer
}

// newArticleSite prepares the test site basic's configuration with the default theme.
func newArticleSite(tb testing.TB) *articleSite {
	tb.Helper()
	dir := tb.TempDir()
	cfgSrc, err := os.ReadFile("testdata/sites/basic/site.toml")
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), cfgSrc, 0o644); err != nil {
		tb.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	fsys, err := source.Open(dir, rokhdad.Theme)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { fsys.Close() })
	r, err := render.New(fsys, cfg, site.URLs{Base: cfg.BaseURL})
	if err != nil {
		tb.Fatal(err)
	}
	return &articleSite{cfg: cfg, r: r}
}

// render loads src as the article at fuzzFile, as a build with --drafts would, resolves a site of
// that one article and renders its page. The page is valid until the next call.
func (a *articleSite) render(src []byte) ([]byte, error) {
	p, err := load.Parse(a.cfg, fuzzFile, src)
	if err != nil {
		return nil, err
	}
	s, err := site.Resolve(a.cfg, nil, []*content.Page{p})
	if err != nil {
		return nil, err
	}
	a.buf.Reset()
	if err := a.r.Render(&a.buf, s, render.Target{Kind: render.Single, Lang: langIndex(s, "fa")}); err != nil {
		return nil, err
	}
	return a.buf.Bytes(), nil
}

// FuzzRenderArticle renders an arbitrary article: never a panic; either diagnostics that all name
// the article (or a layout) at a line it has, or a well-formed page in valid UTF-8 whose title and
// scripts are escaped.
func FuzzRenderArticle(f *testing.F) {
	for _, name := range []string{"fa/incidents/api-outage.md", "en/incidents/api-outage.md"} {
		if b, err := os.ReadFile(filepath.Join("testdata/sites/basic/content", name)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("+++\ntitle = \"<script>alert(1)</script> \\\"q\\\" ]]>\"\ndate = 2023-11-08T10:00:00Z\nsummary = \"</script>\"\nservices = [\"<b>\"]\n+++\n<script>x</script> [a](javascript:alert(1))\n")
	a := newArticleSite(f)
	f.Fuzz(func(t *testing.T, src string) {
		page, err := a.render([]byte(src))
		if err != nil {
			checkArticleErr(t, src, err)
			return
		}
		checkArticlePage(t, src, page)
	})
}

// checkArticleErr: every diagnostic names the article (or a layout), at a line the article has.
func checkArticleErr(t *testing.T, src string, err error) {
	t.Helper()
	var d *diag.Diagnostic
	var l diag.List
	if !errors.As(err, &d) && !errors.As(err, &l) {
		t.Fatalf("error is not a diagnostic: %q", err)
	}
	lines := strings.Count(src, "\n") + 1
	for _, d := range diag.Flatten(err) {
		if d.File != fuzzFile && !strings.HasPrefix(d.File, "layouts/") {
			t.Fatalf("error does not name the file: %q", d.Error())
		}
		if d.Line < 0 || d.Line > lines || d.Col < 0 {
			t.Fatalf("error names line %d col %d of a %d-line file: %q", d.Line, d.Col, lines, d.Error())
		}
		if strings.HasPrefix(d.Msg, "internal error") {
			t.Fatalf("internal error: %q", d.Error())
		}
	}
}

// checkArticlePage: a whole page in valid UTF-8, with each script closed once, no markup from the
// article in <title> or a script, and JSON-LD that is JSON.
func checkArticlePage(t *testing.T, src string, page []byte) {
	t.Helper()
	s := string(page)
	if !strings.HasPrefix(s, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(s), "</html>") {
		t.Fatalf("not a whole page:\n%.200s", s)
	}
	if utf8.ValidString(src) && !utf8.Valid(page) {
		t.Fatal("invalid UTF-8 in the page")
	}
	if strings.Contains(s, "<script>alert") || strings.Contains(s, "<script>x</script>") {
		t.Fatalf("raw script in the page")
	}
	if open, closed := strings.Count(s, "<script"), strings.Count(s, "</script>"); open != closed {
		t.Fatalf("%d <script> but %d </script>: something closed or opened a script", open, closed)
	}
	if title, ok := between(s, "<title>", "</title>"); !ok || strings.Contains(title, "<") {
		t.Fatalf("<title> is missing or holds markup: %q", title)
	}
	if ld, ok := between(s, `<script type="application/ld+json">`, "</script>"); !ok || !json.Valid([]byte(ld)) {
		t.Fatalf("the JSON-LD is missing or not JSON: %q", ld)
	}
}

// between is the text of s between the first open and the close that follows it.
func between(s, open, close string) (string, bool) {
	_, rest, ok := strings.Cut(s, open)
	if !ok {
		return "", false
	}
	in, _, ok := strings.Cut(rest, close)
	return in, ok
}

// The prepared site renders an article as the whole build does, and one article after another.
func TestArticleSiteRendersLikeBuild(t *testing.T) {
	src, err := os.ReadFile("testdata/sites/basic/content/fa/incidents/api-outage.md")
	if err != nil {
		t.Fatal(err)
	}
	a := newArticleSite(t)
	for range 2 {
		page, err := a.render(src)
		if err != nil {
			t.Fatal(err)
		}
		checkArticlePage(t, string(src), page)
		for _, want := range []string{`<html lang="fa" dir="rtl"`, "https://example.org/news/fa/incidents/a/", `class="timeline`} {
			if !bytes.Contains(page, []byte(want)) {
				t.Errorf("page lacks %s", want)
			}
		}
	}
	if _, err := a.render([]byte("+++\ntitle = 1\n+++\n")); err == nil || !strings.Contains(err.Error(), fuzzFile+":2:1: title must be a string") {
		t.Errorf("wrong type: %v", err)
	}
}
