package e2e

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pageVisit is one page of one kind that the default theme makes, in one language, on the
// generated site (see gensite_test.go).
type pageVisit struct {
	name   string // kind of page and language, such as "fa-services"
	rel    string // below the site's base
	status int64
	chrome bool   // the page has the site's header and footer
	ready  string // a JavaScript expression to wait for before measuring, if any
}

// searchQuery finds several articles of the generated site in both languages.
const searchQuery = "Cloudflare"

// searchReady is true once search.js has listed the results of the query in the page's address.
const searchReady = `!!document.querySelector(".search-results:not([hidden]) li")`

// pageVisits lists every kind of page the default theme makes: the landing page and the 404 page
// (both bilingual), and for each language the home page and its page 2, an article, the archive
// and one of its years and months, the services index and a service, the tags index and a tag,
// the search page, empty and with results, the maintenance list and a maintenance window's page
// (the one in progress).
func pageVisits() []pageVisit {
	vs := []pageVisit{
		{name: "landing", rel: "", status: http.StatusOK},
		{name: "404", rel: "fa/no/such/page/", status: http.StatusNotFound},
	}
	perLang := map[string]map[string]string{
		"fa": {"year": "archive/1402/", "month": "archive/1402/08/", "tag": "tags/قطعی-سرویس/"},
		"en": {"year": "archive/2023/", "month": "archive/2023/11/", "tag": "tags/outage/"},
	}
	for _, lang := range []string{"fa", "en"} {
		own := perLang[lang]
		for _, p := range []struct{ name, rel, ready string }{
			{"home", "", ""},
			{"home-page-2", "page/2/", ""},
			{"article", article, ""},
			{"article-ongoing", "incidents/generated-25/", ""},
			{"archive", "archive/", ""},
			{"year", own["year"], ""},
			{"month", own["month"], ""},
			{"services", "services/", ""},
			{"service", "services/chatgpt/", ""},
			{"service-ongoing", "services/zoom/", ""},
			{"tags", "tags/", ""},
			{"tag", own["tag"], ""},
			{"search", "search/", ""},
			{"search-results", "search/?q=" + searchQuery, searchReady},
			{"maintenance", "maintenance/", ""},
			{"maintenance-article", "maintenance/" + genInProgress + "/", ""},
		} {
			vs = append(vs, pageVisit{name: lang + "-" + p.name, rel: lang + "/" + p.rel, status: http.StatusOK, chrome: true, ready: p.ready})
		}
	}
	return vs
}

// openVisit opens the page of v on the generated site and waits until it is ready. The browser's
// log entry for the 404 of a missing page's document is expected and forgotten.
// It returns the page's URL, and whether the page went on to another at once (the landing page's
// zero-second refresh): such a page has no layout of its own to measure.
func openVisit(tb *tab, v pageVisit) (string, bool) {
	tb.t.Helper()
	u := genURL(tb.t, v.rel)
	if v.name == "landing" {
		resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(u))
		if err != nil || resp == nil || resp.Status != v.status {
			tb.t.Fatalf("open %s: %v %v", u, resp, err)
		}
		time.Sleep(500 * time.Millisecond)
		if loc, err := chromedp.Run(tb.ctx, chromedp.Location()); err != nil || loc != u {
			tb.settle()
			return u, true
		}
		tb.settle()
		return u, false
	}
	tb.openURL(u, v.status)
	if v.status == http.StatusNotFound {
		for _, p := range tb.takeProblems() {
			if strings.Contains(p.text, "404") && p.url == u {
				continue
			}
			tb.t.Errorf("page error: %s", p)
		}
	}
	waitFor(tb, v.ready)
	return u, false
}

// waitFor waits up to 8 s for the JavaScript expression ready to be true; "" is true at once.
func waitFor(tb *tab, ready string) {
	tb.t.Helper()
	if ready == "" {
		return
	}
	js := fmt.Sprintf(`new Promise((ok, no) => { const t0 = Date.now(); (function poll() {
		if (%s) ok(true); else if (Date.now() - t0 > 8000) no(new Error("not ready after 8 s: %s")); else setTimeout(poll, 50);
	})(); })`, ready, strings.ReplaceAll(ready, `"`, `'`))
	eval[bool](tb, js)
}

// box is an element's border box in document coordinates (CSS px).
type box struct {
	Left, Right, Top, Bottom, Width, Height float64
}

func (b box) String() string {
	return fmt.Sprintf("x %.0f–%.0f, y %.0f–%.0f (%.0f×%.0f)", b.Left, b.Right, b.Top, b.Bottom, b.Width, b.Height)
}

// overlap is the area two boxes share.
func (b box) overlap(o box) float64 {
	w := math.Min(b.Right, o.Right) - math.Max(b.Left, o.Left)
	h := math.Min(b.Bottom, o.Bottom) - math.Max(b.Top, o.Top)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// geometry is what geometryJS measures of a page.
type geometry struct {
	URL         string  `json:"url"`
	BodyClass   string  `json:"bodyClass"`
	Background  string  `json:"background"`
	InnerWidth  float64 `json:"innerWidth"`
	ClientWidth float64 `json:"clientWidth"`
	ScrollWidth float64 `json:"scrollWidth"`
	Header      *box    `json:"header"`
	Main        *box    `json:"main"`
	Column      *box    `json:"column"`
	ColumnName  string  `json:"columnName"`
	Footer      *box    `json:"footer"`
	Taps        []struct {
		Name   string  `json:"name"`
		Text   string  `json:"text"`
		Height float64 `json:"height"`
	} `json:"taps"`
}

// geometryJS measures the page's header, main and footer (the body's own), main's column (main
// itself when it is a .wrap, else its first child), the width of the document, and the height of
// every visible tap target in a nav and every chip (a service or tag link, an entry of a terms
// index).
const geometryJS = `(() => {
	const de = document.documentElement;
	const box = el => {
		if (!el) return null;
		const r = el.getBoundingClientRect();
		return {Left: r.left + scrollX, Right: r.right + scrollX, Top: r.top + scrollY, Bottom: r.bottom + scrollY, Width: r.width, Height: r.height};
	};
	const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map(c => "." + c).join("");
	const main = document.querySelector("body > main");
	const col = main && (main.classList.contains("wrap") ? main : main.firstElementChild);
	const taps = [...document.querySelectorAll("nav a, .services a, a.tag, .terms a")]
		.filter(a => a.getClientRects().length > 0 && getComputedStyle(a).visibility !== "hidden")
		.map(a => ({name: name(a.parentElement.closest("[class]") || a.parentElement) + " " + name(a), text: a.textContent.trim().slice(0, 40), height: a.getBoundingClientRect().height}));
	return {
		url: location.href, bodyClass: document.body.className, background: getComputedStyle(document.body).backgroundColor,
		innerWidth: innerWidth, clientWidth: de.clientWidth, scrollWidth: de.scrollWidth,
		header: box(document.querySelector("body > header")), main: box(main),
		column: box(col), columnName: col ? name(col) : "", footer: box(document.querySelector("body > footer")),
		taps,
	};
})()`

// minTap is the least height of a tap target on a phone (WCAG 2.2, 2.5.8 Target Size (Minimum)).
const minTap = 24

// check returns what is wrong with the page's layout at the viewport width vw.
func (g geometry) check(v pageVisit, vw float64, phone bool) []string {
	var bad []string
	add := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	const eps = 0.5
	if g.ScrollWidth > vw+eps || g.InnerWidth > vw+eps {
		add("the page scrolls sideways: the document is %.0f px wide (innerWidth %.0f) in a %.0f px viewport", g.ScrollWidth, g.InnerWidth, vw)
	}
	for _, c := range strings.Fields(g.BodyClass) {
		if !strings.HasPrefix(c, "page-") {
			add("the body's class %q is not page-KIND: a rule for a kind of page must not share its name with a component's (body.terms once took .terms' grid)", c)
		}
	}
	if g.Main == nil {
		add("no <main> child of <body>")
		return bad
	}
	want := math.Min(vw-32, 600)
	if g.Main.Width < want-eps {
		add("<main> is %.0f px wide, want at least %.0f: %s", g.Main.Width, want, g.Main)
	}
	if g.Column == nil {
		add("<main> has no column (a .wrap or a first child)")
	} else if g.Column.Width < want-eps {
		add("main's column %s is %.0f px wide, want at least %.0f: %s", g.ColumnName, g.Column.Width, want, g.Column)
	}
	parts := []struct {
		name string
		b    *box
	}{{"header", g.Header}, {"main", g.Main}, {"footer", g.Footer}}
	if v.chrome {
		for _, p := range []struct {
			name string
			b    *box
		}{{"header", g.Header}, {"footer", g.Footer}} {
			switch {
			case p.b == nil:
				add("no <%s> child of <body>", p.name)
			case p.b.Left > eps || p.b.Right < vw-eps:
				add("<%s> does not span the %.0f px viewport: %s", p.name, vw, p.b)
			}
		}
		if g.Header != nil && g.Main.Top < g.Header.Bottom-eps {
			add("<main> starts above the header's bottom (beside it, not below): main %s, header %s", g.Main, g.Header)
		}
		if g.Footer != nil && g.Footer.Top < g.Main.Bottom-eps {
			add("<footer> starts above main's bottom: footer %s, main %s", g.Footer, g.Main)
		}
	}
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			a, b := parts[i], parts[j]
			if a.b != nil && b.b != nil && a.b.overlap(*b.b) > 1 {
				add("<%s> and <%s> overlap: %s and %s", a.name, b.name, a.b, b.b)
			}
		}
	}
	if phone {
		var small []string
		for _, tp := range g.Taps {
			if tp.Height < minTap-0.01 {
				small = append(small, fmt.Sprintf("%s %q (%.1f px)", tp.Name, tp.Text, tp.Height))
			}
		}
		if n := len(small); n > 0 {
			if n > 4 {
				small = append(small[:4], fmt.Sprintf("and %d more", n-4))
			}
			add("%d tap targets are less than %d px high: %s", n, minTap, strings.Join(small, ", "))
		}
	}
	return bad
}

// devices are the two viewports every page is measured at.
var devices = []struct {
	name   string
	w, h   int64
	mobile bool
}{
	{"desktop", 1280, 900, false},
	{"phone", 375, 800, true},
}

// TestLayoutEveryPage is the layout net: it opens every kind of page the default theme makes
// (pageVisits), in both languages, at 1280×900 and on a 375×800 phone, in the light and the dark
// color scheme, and checks the geometry as the browser computed it: the header and footer span the
// viewport; main and its column are at least min(viewport − 32 px, 600 px) wide; main starts below
// the header and the footer below main, and no two of them overlap; nothing scrolls sideways; on
// the phone, every link of a nav and every chip is at least 24 px high. A rule for a kind of page
// that leaks onto a component of the same name (body.terms picking up .terms' grid) puts the
// header, main and footer side by side, which this sees at once.
func TestLayoutEveryPage(t *testing.T) {
	visits := pageVisits()
	genURL(t, "") // build the site before the clock of the tabs starts
	for _, d := range devices {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.viewport(d.w, d.h, d.mobile)
			start := time.Now()
			for _, v := range visits {
				tb.colorScheme("light")
				u, left := openVisit(tb, v)
				if left {
					t.Logf("%s: the landing page went on to %s at once; its layout is not measured", u, eval[string](tb, `location.href`))
					continue
				}
				// The same fault in both schemes is reported once.
				var light string
				var faults []string
				schemes := map[string][]string{}
				for _, scheme := range []string{"light", "dark"} {
					if scheme == "dark" {
						tb.colorScheme("dark")
						tb.settle()
					}
					g := eval[geometry](tb, geometryJS)
					if scheme == "light" {
						light = g.Background
					} else if g.Background == light {
						t.Errorf("%s: the dark color scheme did not apply (the body's background is %s in both)", u, light)
					}
					for _, why := range g.check(v, float64(d.w), d.mobile) {
						why = fmt.Sprintf("<body class=%q>: %s", g.BodyClass, why)
						if schemes[why] == nil {
							faults = append(faults, why)
						}
						schemes[why] = append(schemes[why], scheme)
					}
				}
				for _, why := range faults {
					t.Errorf("%s (%s, %d×%d, %s): %s", v.name, u, d.w, d.h, strings.Join(schemes[why], " and "), why)
				}
			}
			t.Logf("%d pages in %v", len(visits), time.Since(start).Round(time.Millisecond))
		})
	}
}
