package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestScreenshotsEveryPage writes a full-page PNG of every kind of page the theme makes
// (pageVisits, on the generated site) at 1280×900 and on a 375×800 phone, in the light and the
// dark color scheme, to test-output/screenshots/pages/NAME-DEVICE-SCHEME.png, for a person to
// look at: the layout test measures the geometry, but only eyes see what reads wrong. It fails
// only when a screenshot cannot be taken or written (or a page logs an error).
func TestScreenshotsEveryPage(t *testing.T) {
	dir := filepath.Join(screenshotDir, "pages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	visits := pageVisits()
	genURL(t, "")
	for _, d := range devices {
		for _, v := range visits {
			// A tab for each page: a tab lives testTimeout, too short for all of them.
			t.Run(d.name+"/"+v.name, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.viewport(d.w, d.h, d.mobile)
				for _, scheme := range []string{"light", "dark"} {
					tb.colorScheme(scheme)
					if _, left := openVisit(tb, v); left {
						t.Skipf("%s: the landing page goes on to another at once; no screenshot", v.name)
					}
					png := fullPageScreenshot(tb, d.w, d.h, d.mobile)
					file := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", v.name, d.name, scheme))
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}
