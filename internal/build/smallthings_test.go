package build

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmallThings: what a reader notices on the pages of the test site.
func TestSmallThings(t *testing.T) {
	dest := buildSite(t, "testdata/sites/basic")
	page := func(p string) string { return read(t, filepath.Join(dest, p)) }
	has := func(p string, subs ...string) {
		t.Helper()
		s := page(p)
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				t.Errorf("%s lacks %s", p, sub)
			}
		}
	}
	hasNot := func(p string, subs ...string) {
		t.Helper()
		s := page(p)
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				t.Errorf("%s has %s", p, sub)
			}
		}
	}
	// Tags joined in the page's language (the repository's article has three).
	own := buildSite(t, "../..")
	for lang, sep := range map[string]string{"en": ", ", "fa": "، "} {
		a := read(t, filepath.Join(own, lang, "incidents/openai-outage-november-2023/index.html"))
		i := strings.Index(a, `<p class="tags">`)
		tags := a[max(i, 0):]
		tags = tags[:strings.Index(tags, "</p>")]
		if i < 0 || strings.Count(tags, "</a>"+sep+"<a") != 2 {
			t.Errorf("%s tags are not joined with %q: %s", lang, sep, tags)
		}
	}
	// Archive counts say what they count.
	has("en/archive/index.html", `<span class="count">1 report</span>`)
	has("fa/archive/index.html", `<span class="count">۱ گزارش</span>`)
	has("en/services/index.html", `<span class="count">1 report</span>`)
	// The credit of a photo the article does not have is not shown.
	hasNot("fa/incidents/api-outage/index.html", "Photographer/Agency")
	// Subscribe links on the home page and articles.
	for _, p := range []string{"en/index.html", "fa/index.html", "en/incidents/api-outage/index.html", "fa/incidents/api-outage/index.html"} {
		lang := p[:2]
		has(p, `<p class="subscribe">`, `href="/news/`+lang+`/rss.xml"`+` type="application/rss+xml">RSS</a>`,
			`href="/news/`+lang+`/atom.xml" type="application/atom+xml">Atom</a>`, `href="/news/`+lang+`/updates.xml" type="application/atom+xml">`)
	}
	// A favicon, valid SVG, linked from every page; a meta description on every page.
	var fav struct{ XMLName xml.Name }
	if err := xml.Unmarshal([]byte(page("favicon.svg")), &fav); err != nil || fav.XMLName.Local != "svg" {
		t.Errorf("favicon.svg: %v %v", fav.XMLName, err)
	}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel == "index.html" {
			return nil // the bilingual landing page: issue 13.5's
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		if !strings.Contains(s, `<meta name="description" content="`) || strings.Contains(s, `<meta name="description" content="">`) {
			t.Errorf("%s has no meta description", rel)
		}
		if rel != "404.html" && !strings.Contains(s, `<link rel="icon" href="/news/favicon.svg" type="image/svg+xml">`) {
			t.Errorf("%s links no favicon", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Printing drops the navigation and the language switcher and keeps timeline entries whole.
	css := page("css/site.css")
	i := strings.LastIndex(css, "@media print")
	if i < 0 || !strings.Contains(css[i:], ".langs") || !strings.Contains(css[i:], ".entry") || !strings.Contains(css[i:], "break-inside: avoid") {
		t.Errorf("no print rules for the switcher and whole entries")
	}
}
