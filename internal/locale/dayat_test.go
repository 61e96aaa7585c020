package locale

import (
	"testing"
	"time"
)

func TestDayAt(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "Asia/Tehran", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	la := mustZone(t, "America/Los_Angeles")
	// 19:52 PST on Tuesday 7 November 2023 is already Wednesday in UTC and Tehran: DayAt uses
	// the time's own zone, not the locale's.
	pst := time.Date(2023, 11, 7, 19, 52, 0, 0, la)
	cases := []struct {
		l        *Locale
		t        time.Time
		withYear bool
		want     string
	}{
		{en, pst, false, "Tuesday 7 November"},
		{en, pst, true, "Tuesday 7 November 2023"},
		{fa, pst, false, "سه\u200cشنبه ۱۶ آبان"},
		{fa, pst, true, "سه\u200cشنبه ۱۶ آبان ۱۴۰۲"},
		{fa, time.Date(2024, 3, 19, 23, 0, 0, 0, la), true, "سه\u200cشنبه ۲۹ اسفند ۱۴۰۲"},
	}
	for _, c := range cases {
		if got := c.l.DayAt(c.t, c.withYear); got != c.want {
			t.Errorf("%s DayAt(%v, %v) = %q, want %q", c.l, c.t, c.withYear, got, c.want)
		}
	}
}
