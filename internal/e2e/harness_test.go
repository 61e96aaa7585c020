package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// TestHarnessCatchesFailures opens deliberately broken pages in testdata/ and checks that each
// detector of the package sees what is wrong with them: the console watch (a 404 image, a
// console.error, an uncaught exception), the overflow measure (a box and a word wider than 360 px,
// to the right on a left-to-right page and to the left on a right-to-left one) and axe-core (an
// image without alternative text). If one of these stopped working, the site's tests would pass
// for the wrong reason.
func TestHarnessCatchesFailures(t *testing.T) {
	t.Run("ltr", func(t *testing.T) {
		tb := newTab(t)
		tb.viewport(mobileWidth, 740, true)
		tb.openURL(origin+"/testdata/broken.html", http.StatusOK)

		var got []string
		for _, p := range tb.takeProblems() {
			got = append(got, p.String())
		}
		all := strings.Join(got, "\n")
		for _, want := range []string{"console.error: console error on purpose", "uncaught exception", "thrown on purpose", "404", "missing.png"} {
			if !strings.Contains(all, want) {
				t.Errorf("the console watch missed %q; it recorded:\n%s", want, all)
			}
		}

		bad, why := measureOverflow(tb, mobileWidth).overflows(mobileWidth)
		if !bad {
			t.Errorf("the overflow check passed a page with a 500 px box at %d px", mobileWidth)
		}
		for _, want := range []string{"div#too-wide", "p#long-word (text:"} {
			if !strings.Contains(why, want) {
				t.Errorf("the overflow report does not name %s:\n%s", want, why)
			}
		}

		src := axeScript(t)
		var ids []string
		found := false
		for _, v := range runAxe(tb, src) {
			ids = append(ids, v.ID+"/"+v.Impact)
			found = found || (v.ID == "image-alt" && blocking(v))
		}
		if !found {
			t.Errorf("axe did not report image-alt as serious or critical; it reported %v", ids)
		}
	})

	t.Run("rtl", func(t *testing.T) {
		tb := newTab(t)
		tb.viewport(mobileWidth, 740, true)
		tb.openURL(origin+"/testdata/broken-rtl.html", http.StatusOK)
		r := measureOverflow(tb, mobileWidth)
		bad, why := r.overflows(mobileWidth)
		if !bad {
			t.Errorf("the overflow check passed a right-to-left page with a 500 px box at %d px", mobileWidth)
		}
		if !strings.Contains(why, "div#too-wide: left -") {
			t.Errorf("the overflow report does not name div#too-wide sticking out to the left:\n%s", why)
		}
	})
}
