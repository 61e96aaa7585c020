package linkcheck

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

func write(t *testing.T, dir, name, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "index.html", `<a href="/repo/fa/">fa</a><a href="fa/#top">top</a><img src="img/a.png" srcset="img/a.png 1x, img/b.png 2x">
<a href="https://other.org/x">external</a><a href="mailto:a@b.c">mail</a><!-- <a href="/repo/nope/"> -->
<script>var x = '<a href="/repo/in-script/">';</script>
<meta property="og:url" content="https://user.github.io/repo/og-missing/"><form data-index="/repo/fa/search.json"></form>
<script type="application/ld+json">{"url":"https://user.github.io/repo/ld-missing/"}</script>
<a href="/style.css">outside</a><a href="fa/#missing">bad fragment</a><a href="/repo/fa">no slash</a><a href="/repo/gone/">gone</a>`)
	write(t, dir, "fa/index.html", `<h1 id="top">x</h1>`)
	write(t, dir, "img/a.png", "png")
	write(t, dir, "sitemap.xml", `<urlset><url><loc>https://user.github.io/repo/fa/</loc><xhtml:link href="https://user.github.io/repo/en/"/></url></urlset>`)
	base, _ := url.Parse("https://user.github.io/repo/")
	problems, err := Check(dir, base)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Page+" "+p.Link)
	}
	want := []string{
		"index.html /repo/fa/search.json",
		"index.html /style.css",
		"index.html fa/#missing",
		"index.html /repo/gone/",
		"index.html https://user.github.io/repo/og-missing/",
		"index.html https://user.github.io/repo/ld-missing/",
		"index.html img/b.png",
		"sitemap.xml https://user.github.io/repo/en/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBuiltSiteUnderEitherBase builds the repository's own site for a project site and for a custom
// domain: every internal link, asset and fragment resolves in both.
func TestBuiltSiteUnderEitherBase(t *testing.T) {
	for _, b := range []string{"https://user.github.io/repo/", "https://example.org/"} {
		base, err := config.ParseBaseURL(b)
		if err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := build.ToDir(build.Options{Source: "../..", Theme: rokhdad.Theme, BaseURL: base}, dest); err != nil {
			t.Fatal(err)
		}
		problems, err := Check(dest, base)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", b, p)
		}
		// The 404 page works at any depth: its links are absolute from the base.
		nf, _ := os.ReadFile(filepath.Join(dest, "404.html"))
		if !strings.Contains(string(nf), `href="`+base.Path+`css/site.css"`) {
			t.Errorf("%s: 404.html does not link its stylesheet from the base path", b)
		}
	}
}
