package e2e

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const article = "incidents/openai-outage-november-2023/"

// TestDirection: the Persian article is laid out right to left and the English one left to right,
// as the browser computes it (not only as the markup says).
func TestDirection(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"fa", "rtl"}, {"en", "ltr"}} {
		t.Run(c.lang, func(t *testing.T) {
			tb := newTab(t)
			tb.open(c.lang + "/" + article)
			got := eval[string](tb, `getComputedStyle(document.documentElement).direction`)
			if got != c.want {
				t.Errorf("%s article: computed direction of <html> = %q, want %q", c.lang, got, c.want)
			}
			// The body text must follow: a stray dir or direction on a wrapper would break it.
			if got := eval[string](tb, `getComputedStyle(document.querySelector("main .prose p")).direction`); got != c.want {
				t.Errorf("%s article: computed direction of the first paragraph = %q, want %q", c.lang, got, c.want)
			}
		})
	}
}

// TestLanguageSwitcher clicks the link in nav.langs from the fa article to the en one and back.
func TestLanguageSwitcher(t *testing.T) {
	tb := newTab(t)
	tb.open("fa/" + article)
	steps := []struct{ hreflang, want string }{
		{"en", pageURL("en/" + article)},
		{"fa", pageURL("fa/" + article)},
	}
	for _, s := range steps {
		sel := chromedp.CSS(`nav.langs a[hreflang="` + s.hreflang + `"]`)
		resp, err := chromedp.RunResponse(tb.ctx, chromedp.Click(sel))
		if err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
		if resp.Status != http.StatusOK {
			t.Errorf("click %s: status %d", sel, resp.Status)
		}
		loc, err := chromedp.Run(tb.ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if loc != s.want {
			t.Fatalf("after clicking %s: location %s, want %s", sel, loc, s.want)
		}
		if lang := eval[string](tb, `document.documentElement.lang`); lang != s.hreflang {
			t.Errorf("after clicking %s: <html lang=%q>, want %q", sel, lang, s.hreflang)
		}
	}
}

// TestTimelinePersianDigits: the timeline of the fa article writes times and dates in Persian
// digits, and so does the reader's-time note that localtime.js adds (the tab runs in UTC).
func TestTimelinePersianDigits(t *testing.T) {
	tb := newTab(t)
	tb.open("fa/" + article)
	text := eval[string](tb, `document.querySelector(".timeline").textContent`)
	for _, want := range []string{"۰۷:۲۲", "۱۷ آبان ۱۴۰۲"} {
		if !strings.Contains(text, want) {
			t.Errorf(".timeline text does not contain %q:\n%s", want, text)
		}
	}
	times := eval[[]string](tb, `[...document.querySelectorAll(".entry .when > time")].map(e => e.textContent)`)
	if len(times) == 0 {
		t.Fatal("no .entry .when > time in the timeline")
	}
	ascii := regexp.MustCompile(`[0-9]`)
	for _, s := range times {
		if ascii.MatchString(s) {
			t.Errorf("timeline time %q has ASCII digits", s)
		}
	}
	// 03:52 UTC, the first entry, shown beside Tehran's ۰۷:۲۲ for a reader in UTC.
	local := eval[[]string](tb, `[...document.querySelectorAll(".timeline .local-time")].map(e => e.textContent)`)
	if len(local) == 0 {
		t.Errorf("localtime.js added no .local-time to the timeline for a reader in UTC")
	} else if !strings.Contains(local[0], "۰۳:۵۲") || ascii.MatchString(strings.Join(local, " ")) {
		t.Errorf("reader's-time notes %q: want Persian digits, the first with ۰۳:۵۲", local)
	}
}

// TestTimelineMarkers: the timeline draws its own dot for each entry (.entry::before, on the
// rail), so its list has no numbers beside them. On a right-to-left page such a number would sit
// on the rail, over the dot, and at 360 px past the right edge of the screen, where it is cut off
// (overflow to that side cannot be scrolled to, so the overflow test does not see it).
func TestTimelineMarkers(t *testing.T) {
	for _, lang := range []string{"fa", "en"} {
		t.Run(lang, func(t *testing.T) {
			tb := newTab(t)
			tb.open(lang + "/" + article)
			got := eval[[]string](tb, `[...document.querySelectorAll(".timeline ol.entries")].map(ol => getComputedStyle(ol).listStyleType)`)
			if len(got) == 0 {
				t.Fatal("no .timeline ol.entries")
			}
			for _, s := range got {
				if s != "none" {
					t.Errorf("%s article: .timeline ol.entries has list-style-type %q, want none: numbers are drawn beside the timeline's own dots", lang, s)
				}
			}
		})
	}
}

// TestNotFoundPage: a missing page deep under the base gets the 404 page, with its stylesheet
// applied and links that resolve, although its address is not the site's root.
func TestNotFoundPage(t *testing.T) {
	tb := newTab(t)
	tb.openNotFound("fa/no/such/page/")

	if h1 := eval[string](tb, `document.querySelector("h1") && document.querySelector("h1").textContent`); h1 != "این صفحه پیدا نشد" {
		t.Errorf("first <h1> = %q, want the 404 page's", h1)
	}
	type styled struct {
		Sheets  int    `json:"sheets"`
		Rules   int    `json:"rules"`
		Display string `json:"display"`
		Font    string `json:"font"`
		Vazir   bool   `json:"vazir"`
	}
	s := eval[styled](tb, `(() => {
		const main = document.querySelector("main");
		let rules = 0;
		for (const sh of document.styleSheets) { try { rules += sh.cssRules.length } catch (e) {} }
		return {
			sheets: document.styleSheets.length, rules,
			display: getComputedStyle(main).display,
			font: getComputedStyle(document.querySelector("section[lang=fa] h1")).fontFamily,
			vazir: document.fonts.check("16px Vazirmatn", "رخداد"),
		};
	})()`)
	if s.Sheets == 0 || s.Rules == 0 {
		t.Errorf("the stylesheet did not load: %d sheets, %d rules", s.Sheets, s.Rules)
	}
	if s.Display != "grid" { // .page-not-found main { display: grid }
		t.Errorf("the stylesheet is not applied: main has display %q, want grid", s.Display)
	}
	if !strings.Contains(s.Font, "Vazirmatn") {
		t.Errorf("the Persian heading's font-family is %q, want Vazirmatn first", s.Font)
	}
	if !s.Vazir {
		t.Errorf("the Vazirmatn web font did not load")
	}

	type link struct {
		Href   string `json:"href"`
		Status int    `json:"status"`
	}
	links := eval[[]link](tb, `Promise.all([...document.querySelectorAll("a[href], link[rel=stylesheet]")].map(a =>
		fetch(a.href).then(r => ({href: a.href, status: r.status}), e => ({href: a.href, status: 0}))))`)
	if len(links) < 3 {
		t.Errorf("the 404 page has %d links and stylesheets, want at least 3", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l.Href, origin+basePath) {
			t.Errorf("link %s leaves the site's base %s", l.Href, basePath)
		}
		if l.Status != http.StatusOK {
			t.Errorf("link %s: status %d", l.Href, l.Status)
		}
	}
	// Follow the Persian link, as a reader would.
	if _, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(`section[lang=fa] a`))); err != nil {
		t.Fatal(err)
	}
	if loc, _ := chromedp.Run(tb.ctx, chromedp.Location()); loc != pageURL("fa/") {
		t.Errorf("the 404 page's Persian link went to %s, want %s", loc, pageURL("fa/"))
	}
}
