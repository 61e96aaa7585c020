package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLandingGreetsBothLanguages: / does not send the reader anywhere (no refresh, no script); it
// names both languages, in their own lang and dir, with the latest reports of each (title, link
// and date), and declares the alternates and x-default.
func TestLandingGreetsBothLanguages(t *testing.T) {
	dest := buildSite(t, switcherSite(t))
	page := read(t, filepath.Join(dest, "index.html"))
	for _, bad := range []string{`http-equiv="refresh"`, "<script", "location"} {
		if strings.Contains(strings.ToLower(page), strings.ToLower(bad)) {
			t.Errorf("the landing page contains %s", bad)
		}
	}
	for _, want := range []string{
		`<link rel="alternate" hreflang="fa" href="https://example.org/news/fa/">`,
		`<link rel="alternate" hreflang="en" href="https://example.org/news/en/">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/news/">`,
		`<link rel="canonical" href="https://example.org/news/">`,
		`<meta name="description"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the landing page lacks %s", want)
		}
	}
	// Each language's status block (a section of its own) first, then the language sections.
	status := regexp.MustCompile(`(?s)<section class="status-now[^>]*>.*?</section>`)
	if n := len(status.FindAllString(page, -1)); n != 2 {
		t.Errorf("the landing page has %d status blocks, want one per language", n)
	}
	page = status.ReplaceAllString(page, "")
	sections := regexp.MustCompile(`(?s)<section[^>]*\blang="(\w+)" dir="(\w+)"[^>]*>(.*?)</section>`).FindAllStringSubmatch(page, -1)
	if len(sections) != 2 {
		t.Fatalf("the landing page has %d language sections, want 2:\n%s", len(sections), page)
	}
	for i, c := range []struct{ lang, dir, name, first, date, home string }{
		{"fa", "rtl", "فارسی", "پاسخ‌های کند", "۱۷ آبان ۱۴۰۲", "/news/fa/"},
		{"en", "ltr", "English", "Slow answers", "8 November 2023", "/news/en/"},
	} {
		s := sections[i]
		if s[1] != c.lang || s[2] != c.dir {
			t.Errorf("section %d: lang=%q dir=%q, want %q %q", i, s[1], s[2], c.lang, c.dir)
		}
		for _, want := range []string{c.name, c.first, c.date, `href="` + c.home + `"`, `href="` + c.home + `incidents/a/"`,
			`<time datetime="2023-11-08`} {
			if !strings.Contains(s[3], want) {
				t.Errorf("the %s section lacks %q:\n%s", c.lang, want, s[3])
			}
		}
		if n := strings.Count(s[3], "<time"); n != 3 {
			t.Errorf("the %s section shows %d reports, want the latest 3", c.lang, n)
		}
	}
}
