package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestTime13Pages: the service page, an article's timeline and chart, and the home page, as a
// reader sees them in both languages on a desktop and a phone, light and dark: the uptime figure,
// the source time's visible label and date, every update marked on a chart as wide as the column,
// and the subscribe links. Each view is written to test-output/time13/ for a person to look at.
func TestTime13Pages(t *testing.T) {
	dir := filepath.Join(repoRoot, "test-output", "time13")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []struct{ name, rel string }{{"service", "services/chatgpt/"}, {"article", article}, {"home", ""}}
	for _, lang := range []string{"fa", "en"} {
		for _, p := range pages {
			for _, w := range []int64{1280, 375} {
				for _, scheme := range []string{"light", "dark"} {
					name := fmt.Sprintf("%s-%s-%d-%s", lang, p.name, w, scheme)
					t.Run(name, func(t *testing.T) {
						tb := newTab(t)
						tb.viewport(w, 800, w < 600)
						tb.colorScheme(scheme)
						tb.open(lang + "/" + p.rel)
						tb.settle()
						switch p.name {
						case "service":
							if v := eval[string](tb, `document.querySelector('.uptime-pct')?.textContent ?? ''`); v == "" {
								t.Error("no uptime figure")
							}
						case "article":
							// The chart fills the column: its width is the timeline section's.
							ratio := eval[float64](tb, `document.querySelector('.timeline-chart svg').getBoundingClientRect().width / document.querySelector('.timeline').getBoundingClientRect().width`)
							if w < 600 && ratio < 0.95 {
								t.Errorf("the chart is %.0f%% of the column on a phone", ratio*100)
							}
							marks := eval[int](tb, `[...document.querySelectorAll('.timeline-chart path.u')].filter(p => p.getBoundingClientRect().width > 2).length`)
							if marks != 4 {
								t.Errorf("%d update marks visible, want 4", marks)
							}
							label := eval[float64](tb, `document.querySelector('.entry .source-label')?.getBoundingClientRect().height ?? 0`)
							if label < 8 {
								t.Errorf("the source time's label is not visible (%v px high)", label)
							}
							tb.viewport(w, 5000, w < 600)
							tb.settle()
							shot, err := chromedp.Run(tb.ctx, chromedp.Screenshot(".timeline"))
							if err != nil {
								t.Fatal(err)
							}
							tb.viewport(w, 800, w < 600)
							if err := os.WriteFile(filepath.Join(dir, name+"-timeline.png"), shot, 0o644); err != nil {
								t.Fatal(err)
							}
						case "home":
							// The feeds and the two calendars, in this order, and nothing else.
							links := eval[[]string](tb, `[...document.querySelectorAll('.subscribe a')].map(a => a.getAttribute('href').replace(/^.*\//, '') + ' ' + a.type)`)
							want := []string{"rss.xml application/rss+xml", "atom.xml application/atom+xml", "updates.xml application/atom+xml",
								"incidents.ics text/calendar", "maintenance.ics text/calendar"}
							if strings.Join(links, ", ") != strings.Join(want, ", ") {
								t.Errorf("subscribe links %q, want %q (RSS, Atom, updates, the incidents' and the maintenance calendars)", links, want)
							}
						}
						png := fullPageScreenshot(tb, w, 800, w < 600)
						if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
							t.Fatal(err)
						}
					})
				}
			}
		}
	}
}

// TestTime13Print: printed, an article has no navigation, switcher or subscribe links, and its
// timeline entries are not split across pages.
func TestTime13Print(t *testing.T) {
	for _, lang := range []string{"fa", "en"} {
		tb := newTab(t)
		tb.open(lang + "/" + article)
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		tb.settle()
		for _, sel := range []string{".site-header nav.sections", "nav.langs", ".subscribe"} {
			if d := eval[string](tb, `getComputedStyle(document.querySelector('`+sel+`')).display`); d != "none" {
				t.Errorf("%s: printed %s is display %s", lang, sel, d)
			}
		}
		if b := eval[string](tb, `getComputedStyle(document.querySelector('.entry')).breakInside`); b != "avoid" {
			t.Errorf("%s: a timeline entry has break-inside %s", lang, b)
		}
	}
}
