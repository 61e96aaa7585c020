package build

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSourceTimeDated: the time as the source gave it carries a visible label, shows its own date
// when that date is not the day heading it sits under (19:52 PST on Tuesday 7 November is under
// Wednesday 8 November in UTC and Tehran), in the page's calendar and digits, and is left out when
// the source's clock is the reader's.
func TestSourceTimeDated(t *testing.T) {
	dest := buildSite(t, "testdata/sites/basic")
	cases := []struct {
		file      string
		want, not []string
	}{
		{"en/incidents/api-outage/index.html", []string{
			`<span class="source-label">as reported</span> <bdi dir="ltr">19:52 PST</bdi>, <bdi>Tuesday 7 November</bdi>`,
			`<span class="source-label">as reported</span> <bdi dir="ltr">06:02 PST</bdi></span>`, // 14:02 UTC, the same day
			// the inline time in the prose, under "8 November 2023, 03:52 UTC"
			`</time> (<span class="source"><span class="source-label">as reported</span> <bdi dir="ltr">19:52 PST</bdi>, <bdi>Tuesday 7 November</bdi></span>)`,
		}, []string{`title="Time in the original report"`}},
		{"fa/incidents/api-outage/index.html", []string{
			`<span class="source-label">به گزارش منبع</span> <bdi dir="ltr">۱۹:۵۲ PST</bdi>، <bdi>سه‌شنبه ۱۶ آبان</bdi>`,
			`<span class="source-label">به گزارش منبع</span> <bdi dir="ltr">۰۶:۰۲ PST</bdi></span>`,
		}, []string{"Tuesday", "19:52 PST"}},
		// Asia/Tehran source, UTC reader: 12:00 Tehran time is 07:30 UTC, the same day.
		{"en/incidents/older-en-only/index.html", []string{
			`<span class="source-label">as reported</span> <bdi dir="ltr">12:00 Tehran time</bdi></span>`,
		}, nil},
	}
	for _, c := range cases {
		page := read(t, filepath.Join(dest, c.file))
		for _, s := range c.want {
			if !strings.Contains(page, s) {
				t.Errorf("%s lacks %s", c.file, s)
			}
		}
		for _, s := range c.not {
			if strings.Contains(page, s) {
				t.Errorf("%s has %s", c.file, s)
			}
		}
	}
}
