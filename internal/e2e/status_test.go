package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// statusBox is what the browser says of a page's status blocks (partials/status.html).
type statusBox struct {
	N         int     // blocks on the page
	Down      bool    // the first shows an ongoing incident
	Text      string  // the first block's visible text
	Dir       string  // its computed direction
	Left      float64 // its box
	Right     float64
	Top       float64
	Height    float64
	FirstCard float64 // the top of the first card below it, or -1
	Href      string  // its first link's address
	InLang    []string
}

const statusJS = `(() => {
	const all = [...document.querySelectorAll('.status-now')];
	const s = all[0];
	if (!s) return {N: 0};
	const r = s.getBoundingClientRect();
	const card = document.querySelector('.cards .card');
	const a = s.querySelector('a');
	return {N: all.length, Down: s.classList.contains('status-down'), Text: s.innerText, Dir: getComputedStyle(s).direction,
		Left: r.left, Right: r.right, Top: r.top + scrollY, Height: r.height,
		FirstCard: card ? card.getBoundingClientRect().top + scrollY : -1, Href: a ? a.href : '',
		InLang: all.map(b => (b.closest('[lang]') || document.documentElement).getAttribute('lang') + ':' + getComputedStyle(b).direction)};
})()`

// TestStatusBlock: what is down now, as a reader in each language sees it on a desktop and a
// phone. The generated site's newest incident is still going on (genOngoing): the home page shows
// it first, above the articles, with its latest update and how long ago it began, in the
// language's digits and direction, linking the incident; the landing page shows one block per
// language inside that language's half; the incident's page says it is ongoing and links its
// latest update; a service it affects says so, another that it is operating normally.
func TestStatusBlock(t *testing.T) {
	dir := filepath.Join(screenshotDir, "status")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	latin := regexp.MustCompile(`[0-9]`)
	persian := regexp.MustCompile(`[۰-۹]`)
	for _, w := range []int64{1280, 375} {
		for _, lang := range []string{"fa", "en"} {
			t.Run(fmt.Sprintf("%s-%d", lang, w), func(t *testing.T) {
				tb := newTab(t)
				tb.viewport(w, 900, w < 600)
				tb.openURL(genURL(t, lang+"/"), 200)
				tb.settle()
				b := eval[statusBox](tb, statusJS)
				if b.N != 1 || !b.Down {
					t.Fatalf("home: %d status blocks, down %v; want one showing the ongoing incident", b.N, b.Down)
				}
				if b.Left < 0 || b.Right > float64(w)+0.5 || b.Height < 40 {
					t.Errorf("home: the block is at %.0f…%.0f (height %.0f) in a %d px viewport", b.Left, b.Right, b.Height, w)
				}
				if b.FirstCard >= 0 && b.Top > b.FirstCard {
					t.Errorf("home: the block (top %.0f) is below the first article (top %.0f)", b.Top, b.FirstCard)
				}
				if !strings.HasSuffix(b.Href, "/"+lang+"/incidents/generated-25/") {
					t.Errorf("home: the block links %q, not the ongoing incident", b.Href)
				}
				wantDir, ago := "ltr", "ago"
				if lang == "fa" {
					wantDir, ago = "rtl", "پیش آغاز شد"
					if latin.MatchString(b.Text) || !persian.MatchString(b.Text) {
						t.Errorf("home: the Persian block's digits: %q", b.Text)
					}
				}
				if b.Dir != wantDir || !strings.Contains(b.Text, ago) {
					t.Errorf("home: direction %s, text %q", b.Dir, b.Text)
				}
				shot, err := chromedp.Run(tb.ctx, chromedp.Screenshot(".status-now"))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("home-%s-%d.png", lang, w)), shot, 0o644)

				// The incident's own page.
				tb.openURL(genURL(t, lang+"/incidents/generated-25/"), 200)
				live := eval[string](tb, `(() => { const l = document.querySelector('.live'); return l ? l.innerText + '|' + (l.querySelector('a')?.getAttribute('href') ?? '') : '' })()`)
				if !strings.Contains(live, "|#update-") {
					t.Errorf("the ongoing incident's page: %q, want the line linking its latest update", live)
				}
				if src := eval[string](tb, `document.querySelector('.facts a[rel=external]')?.href ?? ''`); src != "https://status.example.com/incidents/gen25" {
					t.Errorf("the imported incident's page links its source %q", src)
				}
				tb.openURL(genURL(t, lang+"/incidents/generated-24/"), 200)
				if n := eval[int](tb, `document.querySelectorAll('.live').length`); n != 0 {
					t.Error("a resolved incident's page says it is ongoing")
				}

				// Services: one it affects, one it does not.
				tb.openURL(genURL(t, lang+"/services/zoom/"), 200)
				if b := eval[statusBox](tb, statusJS); b.N != 1 || !b.Down {
					t.Errorf("the Zoom page: %+v, want the ongoing incident", b)
				}
				tb.openURL(genURL(t, lang+"/services/slack/"), 200)
				if b := eval[statusBox](tb, statusJS); b.N != 1 || b.Down || b.Text == "" {
					t.Errorf("the Slack page: %+v, want a no-incident line", b)
				}
			})
		}
		t.Run(fmt.Sprintf("landing-%d", w), func(t *testing.T) {
			tb := newTab(t)
			tb.viewport(w, 900, w < 600)
			tb.openURL(genURL(t, ""), 200)
			tb.settle()
			b := eval[statusBox](tb, statusJS)
			if b.N != 2 || strings.Join(b.InLang, " ") != "fa:rtl en:ltr" {
				t.Errorf("landing: %d blocks in %v, want one in each language's half", b.N, b.InLang)
			}
			png := fullPageScreenshot(tb, w, 900, w < 600)
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("landing-%d.png", w)), png, 0o644)
		})
	}
}
