package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

// bidiCase is a phrase of a Persian article and the pieces it is cut into, in the order they are
// written (logical order), with the visual order a Persian reader expects: the indices of the
// pieces from left to right on the screen.
type bidiCase struct {
	name string
	// phrase is the text of the paragraph as the page shows it (after the digits pass).
	phrase string
	pieces []string
	// visual lists the pieces from left to right.
	visual []int
	// isolated: the expected order is not the Unicode bidi algorithm's default for the plain text,
	// because the pass isolates a unit (a time with its zone) as one left-to-right run.
	isolated bool
}

// bidiCases are written in the article of bidiSite; the Markdown there and the phrase here differ
// only by the digits pass (ASCII digits in the source, Persian on the page).
var bidiCases = []bidiCase{
	// A number before a Latin word reads in the sentence's order: نسخهٔ → ۳ → SDK, right to left.
	{name: "number before Latin", phrase: "نسخهٔ ۳ SDK منتشر شد.",
		pieces: []string{"نسخهٔ", "۳", "SDK", "منتشر"}, visual: []int{3, 2, 1, 0}},
	{name: "number before Latin words", phrase: "پیام ۵۰۳ Service Unavailable دیدند.",
		pieces: []string{"پیام", "۵۰۳", "Service", "Unavailable", "دیدند"}, visual: []int{4, 2, 3, 1, 0}},
	// A Latin word takes the number after it into its left-to-right run: SDK ۳.
	{name: "Latin before number", phrase: "بستهٔ SDK ۳ منتشر شد.",
		pieces: []string{"بستهٔ", "SDK", "۳", "منتشر"}, visual: []int{3, 1, 2, 0}},
	{name: "unit", phrase: "حجم ۵ GB بود.",
		pieces: []string{"حجم", "۵", "GB", "بود"}, visual: []int{3, 2, 1, 0}},
	{name: "version", phrase: "روی iOS 17 کار نکرد.",
		pieces: []string{"روی", "iOS", "17", "کار"}, visual: []int{3, 1, 2, 0}},
	{name: "dotted version", phrase: "نسخهٔ v1.2.3 منتشر شد.",
		pieces: []string{"نسخهٔ", "v1", "2", "3", "منتشر"}, visual: []int{4, 1, 2, 3, 0}},
	{name: "percentage", phrase: "۹۹٫۹٪ درخواست‌ها پاسخ گرفتند.",
		pieces: []string{"۹۹", "۹٪", "درخواست‌ها"}, visual: []int{2, 0, 1}},
	// A range reads right to left like the sentence: ۱۰ on the right, then ۱۲.
	{name: "range", phrase: "بین ۱۰–۱۲ ساعت طول کشید.",
		pieces: []string{"بین", "۱۰", "۱۲", "ساعت"}, visual: []int{3, 2, 1, 0}},
	// A time with its zone is one left-to-right unit, placed in the sentence's order.
	{name: "time with zone", phrase: "ساعت ۱۹:۵۲ PST بود.",
		pieces: []string{"ساعت", "۱۹:۵۲", "PST", "بود"}, visual: []int{3, 1, 2, 0}, isolated: true},
	{name: "time with zone in brackets", phrase: "گزارش اصلی (۱۹:۵۲ PST) را نوشت.",
		pieces: []string{"اصلی", "۱۹:۵۲", "PST", "نوشت"}, visual: []int{3, 1, 2, 0}, isolated: true},
}

// bidiSite is a Persian site with one article holding the phrases of bidiCases, one paragraph
// each, written as an editor would (ASCII digits), so that the page shows what the digits pass
// and the isolation pass make of them. The title holds a time with its zone too.
const bidiArticle = `+++
title = "قطعی ساعت 19:52 PST در نسخهٔ 3 SDK"
date = 2023-11-08T10:00:00Z
summary = "حجم 5 GB و 99.9% درخواست‌ها."
+++

نسخهٔ 3 SDK منتشر شد.

پیام 503 Service Unavailable دیدند.

بستهٔ SDK ۳ منتشر شد.

حجم 5 GB بود.

روی iOS 17 کار نکرد.

نسخهٔ v1.2.3 منتشر شد.

99.9% درخواست‌ها پاسخ گرفتند.

بین 10–12 ساعت طول کشید.

ساعت 19:52 PST بود.

گزارش اصلی (19:52 PST) را نوشت.
`

const bidiSiteConfig = `baseURL = "%s"
defaultLanguage = "fa"

[languages.fa]
name = "فارسی"
title = "رخداد آزمایشی"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Test incidents"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`

// serveBidiSite builds the bidi site with rokhdad itself and serves it on its own port; it
// returns the URL of the article.
func serveBidiSite(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	root := "http://" + ln.Addr().String() + "/"
	base, err := config.ParseBaseURL(root)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	for name, text := range map[string]string{
		"site.toml":                 fmt.Sprintf(bidiSiteConfig, root),
		"content/fa/incidents/b.md": bidiArticle,
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, BaseURL: base}, dest); err != nil {
		t.Fatalf("building the bidi site: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dest)))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := &http.Server{Handler: noStore(mux), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return root + "fa/incidents/b/"
}

// bidiMeasureJS measures, for the element of the article whose text is PHRASE, the left edge of
// each of PIECES (found in order in its text) with Range.getBoundingClientRect, twice: as the page
// shows it, and in a copy holding only its plain text (no <bdi>, no isolate controls) laid out in
// the same place, which is the order the Unicode bidi algorithm gives by default.
const bidiMeasureJS = `((phrase, pieces) => {
	const strip = s => s.replace(/[\u2066-\u2069]/g, '');
	const el = [...document.querySelectorAll('h1, .prose p, .prose li')].find(e => strip(e.textContent).trim() === phrase);
	if (!el) return {error: 'no element shows ' + JSON.stringify(phrase)};
	const measure = root => {
		const nodes = [];
		const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		let text = '';
		for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, text.length]); text += n.data; }
		const at = i => { let k = nodes.length - 1; while (nodes[k][1] > i) k--; return [nodes[k][0], i - nodes[k][1]]; };
		let from = 0;
		const out = [];
		for (const p of pieces) {
			const i = text.indexOf(p, from);
			if (i < 0) return {error: 'no piece ' + JSON.stringify(p) + ' in ' + JSON.stringify(text)};
			from = i + p.length;
			const r = document.createRange();
			const [sn, so] = at(i), [en, eo] = at(i + p.length - 1);
			r.setStart(sn, so); r.setEnd(en, eo + 1);
			const b = r.getBoundingClientRect();
			out.push({left: b.left, right: b.right, top: b.top, width: b.width});
		}
		return {rects: out};
	};
	const shown = measure(el);
	const plain = el.cloneNode(false);
	plain.removeAttribute('id');
	plain.textContent = strip(el.textContent);
	el.after(plain);
	const def = measure(plain);
	plain.remove();
	return {shown, plain: def, html: el.innerHTML};
})`

type bidiRect struct{ Left, Right, Top, Width float64 }

// bidiResult is what bidiMeasureJS returns.
type bidiResult struct {
	Error        string
	Shown, Plain bidiMeasure
	HTML         string
}

type bidiMeasure struct {
	Error string
	Rects []bidiRect
}

// order returns the indices of the pieces from left to right.
func (m bidiMeasure) order() []int {
	idx := make([]int, len(m.Rects))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ca, cb := m.Rects[a].Left+m.Rects[a].Right, m.Rects[b].Left+m.Rects[b].Right
		switch {
		case ca < cb:
			return -1
		case ca > cb:
			return 1
		}
		return 0
	})
	return idx
}

func (c bidiCase) names(order []int) string {
	s := make([]string, len(order))
	for i, k := range order {
		s[i] = c.pieces[k]
	}
	return "[" + strings.Join(s, " | ") + "]"
}

// TestBidiVisualOrder opens a Persian article built by rokhdad (the digits pass and the isolation
// pass of the real build) and checks, from the x positions of each piece of text in Chromium, that
// numbers and Latin words appear in the order a Persian reader expects: a number before a Latin
// word, a Latin word before a number, a unit, versions, a percentage and a range as the bidi
// algorithm orders the plain text by default (the pass must not change them), and a time with its
// zone abbreviation as one left-to-right unit (which the default would reverse).
func TestBidiVisualOrder(t *testing.T) {
	url := serveBidiSite(t)
	tb := newTab(t)
	tb.viewport(1280, 900, false)
	tb.openURL(url, http.StatusOK)

	cases := append(slices.Clone(bidiCases),
		bidiCase{name: "time with zone in the title", phrase: "قطعی ساعت ۱۹:۵۲ PST در نسخهٔ ۳ SDK",
			pieces: []string{"ساعت", "۱۹:۵۲", "PST", "نسخهٔ", "۳", "SDK"}, visual: []int{5, 4, 3, 1, 2, 0}, isolated: true})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args, _ := json.Marshal([]any{c.phrase, c.pieces})
			got := eval[bidiResult](tb, bidiMeasureJS+"(..."+string(args)+")")
			for _, e := range []string{got.Error, got.Shown.Error, got.Plain.Error} {
				if e != "" {
					t.Fatal(e)
				}
			}
			for i, r := range got.Shown.Rects {
				if r.Width <= 0 {
					t.Fatalf("piece %q has no width", c.pieces[i])
				}
				if r.Top != got.Shown.Rects[0].Top {
					t.Fatalf("the pieces are not on one line: %+v", got.Shown.Rects)
				}
			}
			shown, plain := got.Shown.order(), got.Plain.order()
			if !slices.Equal(shown, c.visual) {
				t.Errorf("%q is shown, left to right, as %s; a Persian reader expects %s\nmarkup: %s",
					c.phrase, c.names(shown), c.names(c.visual), got.HTML)
			}
			// The oracle: the browser's default order of the plain text. The page must keep it,
			// except where a unit is isolated on purpose.
			if c.isolated == slices.Equal(plain, c.visual) {
				if c.isolated {
					t.Errorf("the plain text of %q already reads %s: nothing to isolate", c.phrase, c.names(plain))
				} else {
					t.Errorf("the plain text of %q reads %s by default, not %s: the expectation is wrong", c.phrase, c.names(plain), c.names(c.visual))
				}
			}
		})
	}
	bidiScreenshots(t, url)
}

// bidiScreenshots writes the article of the bidi site at 1280 and 375 px, light and dark, to
// test-output/screenshots/bidi-fa-<width>-<scheme>.png for a person to look at.
func bidiScreenshots(t *testing.T, url string) {
	dir := filepath.Join(repoRoot, "test-output", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int64{1280, 375} {
		for _, scheme := range []string{"light", "dark"} {
			tb := newTab(t)
			tb.viewport(w, 1400, w < 600)
			tb.colorScheme(scheme)
			tb.openURL(url, http.StatusOK)
			png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			file := filepath.Join(dir, fmt.Sprintf("bidi-fa-%d-%s.png", w, scheme))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
