package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mobileWidth is the narrowest phone the layout is made for.
const mobileWidth = 360

// overflowPages are the pages of each language checked at mobileWidth.
var overflowPages = []struct{ name, rel string }{
	{"home", ""},
	{"article", article},
	{"archive", "archive/"},
	{"service", "services/chatgpt/"},
	{"search", "search/"},
}

// overflowReport is the result of testdata/overflow.js.
type overflowReport struct {
	ScrollX     float64 `json:"scrollX"`
	ScrollWidth int64   `json:"scrollWidth"`
	InnerWidth  int64   `json:"innerWidth"`
	ClientWidth int64   `json:"clientWidth"`
	Offenders   []struct {
		Selector string `json:"selector"`
		Left     int64  `json:"left"`
		Right    int64  `json:"right"`
		Width    int64  `json:"width"`
	} `json:"offenders"`
}

// measureOverflow runs testdata/overflow.js on the tab's page.
func measureOverflow(tb *tab, width int) overflowReport {
	tb.t.Helper()
	js := fmt.Sprintf("(%s)(%d)", readTestdata(tb.t, "overflow.js"), width)
	return eval[overflowReport](tb, js)
}

// overflows reports whether the page is wider than width, and says where.
func (r overflowReport) overflows(width int64) (bool, string) {
	if r.ScrollWidth <= r.InnerWidth && r.InnerWidth <= width {
		return false, ""
	}
	var b strings.Builder
	// With a mobile viewport, a page that overflows can also make the browser zoom out, so that
	// innerWidth grows to the content: that counts as overflow too.
	fmt.Fprintf(&b, "document is %d px wide in a %d px viewport (innerWidth %d, clientWidth %d, scrollX %g); in document coordinates:",
		r.ScrollWidth, width, r.InnerWidth, r.ClientWidth, r.ScrollX)
	if len(r.Offenders) == 0 {
		b.WriteString("; no element or text found outside the viewport")
	}
	for _, o := range r.Offenders {
		fmt.Fprintf(&b, "\n\t%s: left %d, right %d, width %d", o.Selector, o.Left, o.Right, o.Width)
	}
	return true, b.String()
}

// TestNoHorizontalOverflow: at 360 px (a mobile viewport, device scale 1) no page is wider than
// the screen, in either language.
func TestNoHorizontalOverflow(t *testing.T) {
	for _, lang := range []string{"fa", "en"} {
		for _, p := range overflowPages {
			t.Run(lang+"-"+p.name, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.viewport(mobileWidth, 740, true)
				tb.open(lang + "/" + p.rel)
				if bad, why := measureOverflow(tb, mobileWidth).overflows(mobileWidth); bad {
					t.Errorf("%s: horizontal overflow at %d px: %s", pageURL(lang+"/"+p.rel), mobileWidth, why)
				}
			})
		}
	}
}

// screenshotDir is where TestScreenshots writes, relative to this package.
var screenshotDir = filepath.Join(repoRoot, "test-output", "screenshots")

// fullPageScreenshot captures the whole page as a PNG by growing the viewport to the height of the
// document. (chromedp.FullScreenshot, which captures beyond the viewport, draws right-to-left pages
// shifted sideways in Chromium 156, so it would show a layout bug the site does not have.)
func fullPageScreenshot(tb *tab, w, h int64, mobile bool) []byte {
	tb.t.Helper()
	height := h
	for range 3 { // growing the viewport can change the height of the page once more
		doc := eval[int64](tb, `Math.ceil(document.documentElement.scrollHeight)`)
		if doc <= height {
			break
		}
		height = doc
		tb.viewport(w, height, mobile)
		tb.settle()
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	tb.viewport(w, h, mobile)
	return png
}

// TestScreenshots writes full-page PNGs of the home, article, services index and search (with the
// results for "ChatGPT") pages of both languages, on a desktop and a phone, to
// test-output/screenshots for a person to look at; docs/screenshots holds copies for the README.
// It fails only when a screenshot cannot be taken or written (or a page logs an error).
func TestScreenshots(t *testing.T) {
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	devices := []struct {
		name   string
		w, h   int64
		mobile bool
	}{
		{"desktop", 1280, 900, false},
		{"mobile", mobileWidth, 740, true},
	}
	for _, lang := range []string{"fa", "en"} {
		for _, p := range []struct{ name, rel, ready string }{
			{"home", "", ""},
			{"article", article, ""},
			{"services", "services/", ""},
			{"search", "search/?q=ChatGPT", searchReady},
		} {
			for _, d := range devices {
				name := fmt.Sprintf("%s-%s-%s", lang, p.name, d.name)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					tb := newTab(t)
					tb.viewport(d.w, d.h, d.mobile)
					tb.colorScheme("light")
					tb.open(lang + "/" + p.rel)
					waitFor(tb, p.ready)
					png := fullPageScreenshot(tb, d.w, d.h, d.mobile)
					if len(png) < 8 || string(png[1:4]) != "PNG" {
						t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
					}
					file := filepath.Join(screenshotDir, name+".png")
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote %s (%d bytes)", file, len(png))
				})
			}
		}
	}
}
