package site

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
)

func testConfig(t testing.TB) *config.Config {
	t.Helper()
	base, err := url.Parse("https://example.org/news/")
	if err != nil {
		t.Fatal(err)
	}
	return &config.Config{BaseURL: base, DefaultLanguage: "en", CNAME: "status.example.org", Languages: []*config.Language{
		{Code: "fa", Zone: time.UTC, Calendar: "persian", Direction: "rtl"},
		{Code: "en", Zone: time.UTC, Calendar: "gregorian", Direction: "ltr"},
	}}
}

func article(lang, section, name string) *content.Page {
	return &content.Page{File: "content/" + lang + "/" + section + "/" + name + ".md", Lang: lang, Section: section, Name: name,
		Title: "x", Date: time.Date(2023, 11, 8, 10, 0, 0, 0, time.UTC)}
}

// A section folder named after something rokhdad publishes in a language folder is an error naming
// the file, its URL and what is published there; other names are sections like any.
func TestSectionTakesGeneratedName(t *testing.T) {
	cfg := testConfig(t)
	cases := []struct{ section, what string }{
		{"Archive", "the archive"},
		{"Search", "the search page"},
	}
	for _, o := range LangOutputs {
		if !o.Section {
			cases = append(cases, struct{ section, what string }{o.Name, o.What})
		}
	}
	for _, tc := range cases {
		p := article("en", tc.section, "2023")
		_, err := Resolve(cfg, nil, []*content.Page{article("en", "incidents", "a"), p})
		if err == nil {
			t.Errorf("section %q: resolved, want an error", tc.section)
			continue
		}
		ds := diag.Flatten(err)
		seg, _ := Segment(tc.section)
		want := "/news/en/" + seg + "/2023/"
		if len(ds) != 1 || ds[0].File != p.File || !strings.Contains(ds[0].Msg, want) || !strings.Contains(ds[0].Msg, tc.what) ||
			!strings.Contains(ds[0].Msg, "/news/en/"+seg) {
			t.Errorf("section %q: got %v; want one error at %s naming %s and %q", tc.section, err, p.File, want, tc.what)
		}
	}
	for _, section := range []string{"incidents", "archives", "tag", "pages", "feed.xml", "searches", "maintenance", "Maintenance"} {
		if _, err := Resolve(cfg, nil, []*content.Page{article("en", section, "a"), article("fa", section, "a")}); err != nil {
			t.Errorf("section %q: %v", section, err)
		}
	}
}

// Two articles at one URL are an error naming both.
func TestTwoArticlesOneURL(t *testing.T) {
	a, b := article("en", "incidents", "API"), article("en", "Incidents", "api")
	_, err := Resolve(testConfig(t), nil, []*content.Page{a, b})
	if err == nil || !strings.Contains(err.Error(), a.File) || !strings.Contains(err.Error(), b.File) ||
		!strings.Contains(err.Error(), "/news/en/incidents/api/") {
		t.Errorf("got %v, want an error naming %s, %s and their URL", err, a.File, b.File)
	}
}

func TestClaim(t *testing.T) {
	s, err := Resolve(testConfig(t), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for out, want := range map[string]string{
		"index.html":                       "the landing page",
		"404.html":                         "the page for a missing URL",
		"sitemap.xml":                      "the sitemap",
		"robots.txt":                       "robots.txt",
		".nojekyll":                        "Jekyll",
		"CNAME":                            "CNAME",
		"en/index.html":                    "home page",
		"fa/page/2/index.html":             "further pages",
		"en/rss.xml":                       "RSS feed",
		"en/atom.xml":                      "Atom feed",
		"en/updates.xml":                   "timeline updates",
		"en/incidents.json":                "JSON list",
		"fa/search.json":                   "search index",
		"fa/archive/1402/08/index.html":    "archive",
		"en/services/api/index.html":       "service pages",
		"en/tags/outage/page/2/index.html": "tag pages",
		"en/search/index.html":             "search page",
	} {
		o, _ := s.Claim(out)
		if o == nil || !strings.Contains(o.What, want) {
			t.Errorf("Claim(%q) = %v, want %q", out, o, want)
		}
	}
	for _, out := range []string{"en/incidents/a/index.html", "css/site.css", "de/rss.xml", "rss.xml", "en", "fa/archive.html"} {
		if o, _ := s.Claim(out); o != nil {
			t.Errorf("Claim(%q) = %q, want nothing", out, o.What)
		}
	}
	s.Config.CNAME = ""
	if o, _ := s.Claim("CNAME"); o != nil {
		t.Errorf("Claim(CNAME) without cname = %q", o.What)
	}
}
