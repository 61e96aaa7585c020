package e2e

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

// The search and landing tests need more articles than the repository's site has: search13Site is
// a generated site, built once and served on its own port under basePath like the main one.
//
//	fa: 26 reports «پاسخ‌های کند …», 1–26 November 2023; the newest ends in a Latin word
//	en: 3 reports; the newest, "Slow replies from دیجی‌کالا", ends in a Persian word
var (
	s13Once   sync.Once
	s13Origin string
	s13Err    error
)

const s13Persian = 26

func search13Site(t *testing.T) string {
	t.Helper()
	s13Once.Do(func() { s13Origin, s13Err = buildSearch13Site() })
	if s13Err != nil {
		t.Fatal(s13Err)
	}
	return s13Origin
}

func buildSearch13Site() (string, error) {
	src, err := os.MkdirTemp("", "rokhdad-e2e-search13-")
	if err != nil {
		return "", err
	}
	files := map[string]string{"site.toml": `baseURL = "https://example.org/"
defaultLanguage = "fa"
paginate = 10

[languages.fa]
name = "فارسی"
title = "رخداد"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Rokhdad"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`}
	art := func(lang, name, title, summary string, day int) {
		files["content/"+lang+"/incidents/"+name+".md"] = fmt.Sprintf("+++\ntitle = %q\ndate = 2023-11-%02dT12:00:00Z\nsummary = %q\n"+
			"services = [\"ChatGPT\"]\ntags = []\n+++\n\n%s\n", title, day, summary, summary)
	}
	for i := 1; i <= s13Persian; i++ {
		title := fmt.Sprintf("پاسخ‌های کند سرویس، بار %d", i)
		if i == s13Persian {
			title = "پاسخ‌های کند سرویس ChatGPT"
		}
		art("fa", fmt.Sprintf("r%02d", i), title, "پاسخ‌ها چند ساعت دیر رسید.", i)
	}
	art("en", "r26", "Slow replies from دیجی‌کالا", "Replies came hours late.", 26)
	art("en", "r25", "Slow replies, again", "Replies came late again.", 25)
	art("en", "r24", "Slow replies", "Replies came late.", 24)
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	o := "http://" + ln.Addr().String()
	base, err := config.ParseBaseURL(o + basePath)
	if err != nil {
		return "", err
	}
	dest := filepath.Join(src, "public")
	if _, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, BaseURL: base}, dest); err != nil {
		return "", fmt.Errorf("building the search13 site: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle(basePath, siteHandler(dest))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	go (&http.Server{Handler: noStore(mux), ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	return o, nil
}

// s13Open opens a page of search13Site.
func s13Open(t *testing.T, tb *tab, rel string) {
	t.Helper()
	tb.openURL(search13Site(t)+basePath+rel, http.StatusOK)
}

// s13Search opens the search page of lang with the query q and waits until the script has shown
// its status; it returns how many results the list shows.
func s13Search(t *testing.T, tb *tab, lang, q string) int {
	t.Helper()
	s13Open(t, tb, lang+"/search/?q="+urlQuery(q))
	var n int
	_, err := chromedp.Run(tb.ctx, chromedp.PollFunction[bool](`() => document.querySelector(".search-status").textContent !== ""`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("search %q on %s: no status within 5 s: %v", q, lang, err)
	}
	n = eval[int](tb, `document.querySelectorAll("ol.search-results > li").length`)
	return n
}

func urlQuery(q string) string { return strings.ReplaceAll(urlEscape(q), "%20", "+") }

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// TestSearch13Queries: a space where Persian writes a ZWNJ finds what the ZWNJ finds, and so do
// the Gregorian month names a Persian page shows («نوامبر»).
func TestSearch13Queries(t *testing.T) {
	tb := newTab(t)
	tb.viewport(1280, 900, false)
	with := s13Search(t, tb, "fa", "پاسخ‌ها")
	status := eval[string](tb, `document.querySelector(".search-status").textContent`)
	if !strings.Contains(status, "۲۶") {
		t.Errorf("status %q does not count the 26 results in Persian digits", status)
	}
	if with == 0 {
		t.Fatal("«پاسخ‌ها» finds nothing")
	}
	for _, q := range []string{"پاسخ ها", "پاسخ  ها کند", "نوامبر", "۲۰۲۳ نوامبر", "۱۴۰۲"} {
		s13Search(t, tb, "fa", q)
		got := eval[string](tb, `document.querySelector(".search-status").textContent`)
		if got != status {
			t.Errorf("«%s»: %q, want %q as for «پاسخ‌ها»", q, got, status)
		}
	}
}

// TestSearch13More: the first 20 results are shown, then a button names how many more there are
// (in the page's digits) and shows them; focus goes to the first of them.
func TestSearch13More(t *testing.T) {
	tb := newTab(t)
	tb.viewport(mobileWidth, 740, true)
	if n := s13Search(t, tb, "fa", "پاسخ"); n != 20 {
		t.Fatalf("%d results shown at first, want 20", n)
	}
	label := eval[string](tb, `(document.querySelector("button.search-more") || {}).textContent || ""`)
	if !strings.Contains(label, "۶") {
		t.Fatalf("the more button says %q, want the 6 more in Persian digits", label)
	}
	if h := eval[float64](tb, `document.querySelector("button.search-more").getBoundingClientRect().height`); h < 24 {
		t.Errorf("the more button is %.0f px high on a phone", h)
	}
	eval[bool](tb, `(document.querySelector("button.search-more").click(), true)`)
	if n := eval[int](tb, `document.querySelectorAll("ol.search-results > li").length`); n != s13Persian {
		t.Errorf("after more: %d results, want %d", n, s13Persian)
	}
	if eval[bool](tb, `!!document.querySelector("button.search-more")`) {
		t.Error("the more button stays after showing the rest")
	}
	if !eval[bool](tb, `document.activeElement === document.querySelectorAll("ol.search-results > li")[20].querySelector("a")`) {
		t.Error("focus is not on the 21st result")
	}
	if n := s13Search(t, tb, "en", "دیجی"); n != 1 {
		t.Errorf("one result: %d shown", n)
	} else if eval[bool](tb, `!!document.querySelector("button.search-more")`) {
		t.Error("a more button with nothing more")
	}
}

// TestSearch13Numbers: every ordered list a Persian page shows counts in Persian digits (the
// search results and an article's lists alike), English ones in ASCII digits; lists that show no
// numbers (the pager) keep none.
func TestSearch13Numbers(t *testing.T) {
	tb := newTab(t)
	tb.viewport(1280, 900, false)
	for _, c := range []struct{ lang, want string }{{"fa", "persian"}, {"en", "decimal"}} {
		s13Search(t, tb, c.lang, map[string]string{"fa": "پاسخ", "en": "slow"}[c.lang])
		if got := eval[string](tb, `getComputedStyle(document.querySelector("ol.search-results")).listStyleType`); got != c.want {
			t.Errorf("%s search results: list-style-type %s, want %s", c.lang, got, c.want)
		}
		// An ordered list in any other place of the page, as an article's Markdown makes one.
		got := eval[string](tb, `(() => { const ol = document.createElement("ol"); ol.innerHTML = "<li>x</li>";
			document.querySelector("main .wrap, main").appendChild(ol); return getComputedStyle(ol).listStyleType; })()`)
		if got != c.want {
			t.Errorf("%s: an <ol> in main has list-style-type %s, want %s", c.lang, got, c.want)
		}
		s13Open(t, tb, c.lang+"/")
		if got := eval[string](tb, `(() => { const ol = document.querySelector(".pager ol"); return ol ? getComputedStyle(ol).listStyleType : "none"; })()`); got != "none" {
			t.Errorf("%s home: the pager's list shows %s numbers", c.lang, got)
		}
	}
}

// TestSearch13Isolation: a result's date reads after its title, whatever script the title ends in:
// below it, or on the same line on an English page right of the title's Persian last word, on a
// Persian page left of its Latin last word. Checked by the positions of the glyphs.
func TestSearch13Isolation(t *testing.T) {
	tb := newTab(t)
	tb.viewport(1280, 900, false)
	for _, c := range []struct{ lang, q string }{{"en", "دیجی"}, {"fa", "ChatGPT کند"}} {
		s13Search(t, tb, c.lang, c.q)
		type geo struct {
			TitleLeft, TitleRight, DateLeft, DateRight float64
			TitleBottom, DateTop                       float64
			Isolated                                   bool
			HTML                                       string
		}
		g := eval[geo](tb, `(() => {
			const li = document.querySelector("ol.search-results > li");
			if (!li) return {HTML: "no result"};
			const a = li.querySelector("a"), time = li.querySelector("time");
			const r = document.createRange();
			r.setStart(time.firstChild, 0); r.setEnd(time.firstChild, 1);
			const d = r.getBoundingClientRect();
			const t = [...a.getClientRects()];
			const iso = el => el && getComputedStyle(el).unicodeBidi.includes("isolate");
			return {TitleLeft: Math.min(...t.map(x => x.left)), TitleRight: Math.max(...t.map(x => x.right)),
				DateLeft: d.left, DateRight: d.right, TitleBottom: Math.max(...t.map(x => x.bottom)), DateTop: d.top,
				Isolated: iso(a.querySelector("bdi") || a) && iso(time), HTML: li.outerHTML};
		})()`)
		if !g.Isolated {
			t.Errorf("%s: the title or the date is not isolated: %s", c.lang, g.HTML)
		}
		if g.DateTop >= g.TitleBottom-1 {
			continue // on a line of its own, below the title: nothing can jump into it
		}
		if c.lang == "en" && g.DateLeft < g.TitleRight {
			t.Errorf("en: the date's first digit (x %.0f) is not right of the title (ends at %.0f): %s", g.DateLeft, g.TitleRight, g.HTML)
		}
		if c.lang == "fa" && g.DateRight > g.TitleLeft {
			t.Errorf("fa: the date's first digit (x %.0f) is not left of the title (starts at %.0f): %s", g.DateRight, g.TitleLeft, g.HTML)
		}
	}
}

// TestSearch13Landing: / greets both languages and stays there (no refresh, JavaScript or not):
// each block in its own direction, side by side on a desktop and one above the other on a phone,
// nothing sideways, no serious axe violation in light or dark. It writes screenshots of it and
// of search results to test-output/screenshots/search13-*.png.
func TestSearch13Landing(t *testing.T) {
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := axeScript(t)
	for _, d := range []struct {
		name   string
		w, h   int64
		mobile bool
	}{{"desktop", 1280, 900, false}, {"mobile", 375, 800, true}} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(d.name+"-"+scheme, func(t *testing.T) {
				tb := newTab(t)
				tb.viewport(d.w, d.h, d.mobile)
				tb.colorScheme(scheme)
				s13Open(t, tb, "")
				time.Sleep(300 * time.Millisecond)
				if u := eval[string](tb, `location.pathname`); u != basePath {
					t.Fatalf("the landing page went to %s", u)
				}
				type block struct {
					Lang, Dir, Direction string
					Left, Right, Top     float64
					Reports              int
				}
				bs := eval[[]block](tb, `[...document.querySelectorAll("section.landing-lang")].map(s => {
					const r = s.getBoundingClientRect();
					return {Lang: s.lang, Dir: s.dir, Direction: getComputedStyle(s).direction, Left: r.left, Right: r.right, Top: r.top,
						Reports: s.querySelectorAll("li a[href] + time").length};
				})`)
				if len(bs) != 2 || bs[0].Lang != "fa" || bs[1].Lang != "en" {
					t.Fatalf("language blocks %+v, want fa then en", bs)
				}
				for _, b := range bs {
					if want := map[string]string{"fa": "rtl", "en": "ltr"}[b.Lang]; b.Direction != want {
						t.Errorf("%s block is %s", b.Lang, b.Direction)
					}
					if b.Reports != 3 {
						t.Errorf("%s block lists %d reports with dates, want 3", b.Lang, b.Reports)
					}
				}
				if d.mobile && bs[1].Top <= bs[0].Top {
					t.Errorf("on a phone the en block is not below the fa one: %+v", bs)
				}
				if !d.mobile && (bs[0].Top != bs[1].Top || bs[0].Left < bs[1].Right) {
					t.Errorf("on a desktop the blocks are not side by side, fa on the right: %+v", bs)
				}
				if w := eval[float64](tb, `document.documentElement.scrollWidth`); w > float64(d.w) {
					t.Errorf("the page is %.0f px wide at %d", w, d.w)
				}
				for _, v := range runAxe(tb, src) {
					if blocking(v) {
						t.Errorf("axe: %s", v)
					}
				}
				tb.settle()
				writeS13Shot(t, tb, fmt.Sprintf("search13-landing-%s-%s", d.name, scheme), d.w, d.h, d.mobile)
				for _, lang := range []string{"fa", "en"} {
					s13Search(t, tb, lang, map[string]string{"fa": "پاسخ ها", "en": "slow"}[lang])
					tb.settle()
					for _, v := range runAxe(tb, src) {
						if blocking(v) {
							t.Errorf("axe on %s search: %s", lang, v)
						}
					}
					writeS13Shot(t, tb, fmt.Sprintf("search13-search-%s-%s-%s", lang, d.name, scheme), d.w, d.h, d.mobile)
				}
			})
		}
	}
}

func writeS13Shot(t *testing.T, tb *tab, name string, w, h int64, mobile bool) {
	t.Helper()
	png := fullPageScreenshot(tb, w, h, mobile)
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
