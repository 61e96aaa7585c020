package build

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// switcherSite writes a two-language site, two articles a page, whose pages of every type have a
// counterpart in the other language or lack one:
//
//	a 2023-11-08 fa+en  services ChatGPT; tags قطعی ↔ outage, هوش ↔ AI
//	b 2023-10-20 fa+en  services ChatGPT; tags قطعی ↔ outage
//	c 2023-10-10 fa     tags قطعی, فقط-فارسی
//	d 2023-09-01 en
//	e 2023-08-01 en     tags outage
//	f 2023-07-01 en
//
// fa's home has 2 pages, en's 3; fa's قطعی and en's outage have 2 each.
func switcherSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": `baseURL = "https://example.org/news/"
defaultLanguage = "fa"
paginate = 2

[languages.fa]
name = "فارسی"
title = "رخداد"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Incidents"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`,
	}
	art := func(lang, name, date, title string, services, tags []string) {
		q := func(list []string) string {
			if list == nil {
				list = []string{}
			}
			b, _ := json.Marshal(list)
			return string(b)
		}
		files["content/"+lang+"/incidents/"+name+".md"] = "+++\ntitle = \"" + title + "\"\ndate = " + date +
			"T12:00:00Z\nsummary = \"" + title + "\"\nservices = " + q(services) + "\ntags = " + q(tags) + "\n+++\n\n" + title + "\n"
	}
	art("fa", "a", "2023-11-08", "پاسخ‌های کند", []string{"ChatGPT"}, []string{"قطعی", "هوش"})
	art("en", "a", "2023-11-08", "Slow answers", []string{"ChatGPT"}, []string{"outage", "AI"})
	art("fa", "b", "2023-10-20", "خطای ورود", []string{"ChatGPT"}, []string{"قطعی"})
	art("en", "b", "2023-10-20", "Login errors", []string{"ChatGPT"}, []string{"outage"})
	art("fa", "c", "2023-10-10", "کندی", nil, []string{"قطعی", "فقط فارسی"})
	art("en", "d", "2023-09-01", "Slow", nil, nil)
	art("en", "e", "2023-08-01", "Down", nil, []string{"outage"})
	art("en", "f", "2023-07-01", "Dark", nil, nil)
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var switcherLink = regexp.MustCompile(`(?s)<nav class="langs"[^>]*>.*?<a href="([^"]*)"`)

// TestSwitcherKeepsPlace builds switcherSite and follows the language switcher from a page of
// every type: it must lead to the same place in the other language, a page that was built, and
// to the other language's home only where there is no such place.
func TestSwitcherKeepsPlace(t *testing.T) {
	dest := buildSite(t, switcherSite(t))
	const base = "/news/"
	for _, c := range []struct{ from, want string }{
		{"fa/", "en/"},
		{"fa/page/2/", "en/page/2/"},
		{"en/page/3/", "fa/"}, // fa has two pages
		{"fa/archive/", "en/archive/"},
		{"fa/services/", "en/services/"},
		{"en/tags/", "fa/tags/"},
		{"fa/search/", "en/search/"},
		{"fa/services/chatgpt/", "en/services/chatgpt/"}, // the same slug
		{"fa/tags/هوش/", "en/tags/ai/"},                  // the translation's tag at the same index
		{"en/tags/outage/", "fa/tags/قطعی/"},
		{"en/tags/outage/page/2/", "fa/tags/قطعی/page/2/"},
		{"fa/tags/قطعی/page/2/", "en/tags/outage/page/2/"},
		{"fa/tags/فقط-فارسی/", "en/"},                  // no counterpart
		{"fa/archive/1402/", "en/archive/2023/"},       // 1 Farvardin 1402 is 21 March 2023
		{"en/archive/2023/", "fa/"},                    // 1 January 2023 is 11 Dey 1401: no fa article
		{"fa/archive/1402/08/", "en/archive/2023/10/"}, // 1 Aban 1402 is 23 October 2023
		{"en/archive/2023/11/", "fa/archive/1402/08/"}, // 1 November 2023 is 10 Aban 1402
		{"en/archive/2023/10/", "fa/archive/1402/07/"}, // 1 October 2023 is 9 Mehr 1402
		{"en/archive/2023/09/", "fa/"},                 // 1 September 2023 is 10 Shahrivar: no fa article
		{"fa/incidents/a/", "en/incidents/a/"},
		{"en/incidents/d/", "fa/"},
	} {
		page := read(t, filepath.Join(dest, filepath.FromSlash(c.from), "index.html"))
		m := switcherLink.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("%s: no language switcher", c.from)
			continue
		}
		got, err := url.PathUnescape(m[1])
		if err != nil {
			t.Fatal(err)
		}
		if got != base+c.want {
			t.Errorf("switcher on %s leads to %s, want %s", c.from, got, base+c.want)
			continue
		}
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(got, base)), "index.html")); err != nil {
			t.Errorf("switcher on %s leads to %s, which was not built", c.from, got)
		}
	}
}

// An article added in one language changes where the switcher leads on the other's pages: an
// incremental update renders them again, as a whole build would.
func TestSwitcherAfterUpdate(t *testing.T) {
	dir := switcherSite(t)
	o := Options{Source: dir, Theme: rokhdad.Theme}
	sink := newMapSink()
	sess, _, err := NewSession(o, sink)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	// c gets its English translation, with a tag at the index of فقط فارسی, in a month en lacked.
	write(t, dir, "content/en/incidents/c.md", "+++\ntitle = \"Slow\"\ndate = 2023-10-10T12:00:00Z\nsummary = \"Slow\"\n"+
		"services = []\ntags = [\"outage\", \"fa only\"]\n+++\n\nSlow.\n")
	if _, err := updateAll(sess, []string{"content/en/incidents/c.md"}, sink); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"fa/tags/فقط-فارسی/index.html": "/news/en/tags/fa-only/",
		"fa/incidents/c/index.html":    "/news/en/incidents/c/",
	} {
		m := switcherLink.FindSubmatch(sink.files[page])
		if m == nil {
			t.Errorf("%s: no switcher", page)
			continue
		}
		if got, _ := url.PathUnescape(string(m[1])); got != want {
			t.Errorf("after the update, the switcher on %s leads to %s, want %s", page, got, want)
		}
	}
}
