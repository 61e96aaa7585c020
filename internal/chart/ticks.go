package chart

import (
	"time"
)

// maxTicks is the most ticks an axis gets for a span that is a whole multiple of the step; the
// step is the smallest one for which the span is shorter than maxTicks steps.
const maxTicks = 7

// tickSteps are the candidate tick steps, shortest first. Spans longer than 7×7 days use a
// whole number of weeks.
var tickSteps = [...]time.Duration{
	5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
	24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour,
}

const day = 24 * time.Hour

// tickStep picks the step for a span: the smallest candidate with fewer than maxTicks+1 ticks.
func tickStep(span time.Duration) time.Duration {
	for _, s := range tickSteps {
		if span < maxTicks*s {
			return s
		}
	}
	week := 7 * day
	n := span/(maxTicks*week) + 1
	if n > 1<<20 { // far beyond any real incident; keeps the multiplication in range
		n = 1 << 20
	}
	return n * week
}

// ticks returns the tick instants in [t0, t1] for step, aligned to the step in zone's wall clock.
//
// Sub-day steps fall on the local times whose time of day is a multiple of the step (so whole
// hours in Asia/Tehran, which is +03:30, not the :30 of UTC). They are worked out for each
// stretch of constant UTC offset in turn, so they are evenly spaced in real time within it:
// a wall time skipped by a DST change gets no tick, and a repeated one gets a tick each time.
//
// Day steps fall on local midnights. Two-day steps fall on days whose civil day number is even;
// weekly steps fall on Saturdays, the first day of the Persian week.
func ticks(t0, t1 time.Time, step time.Duration, zone *time.Location, out []time.Time) []time.Time {
	const limit = 64 // safety net: a step from tickStep never yields more than maxTicks ticks
	if step < day {
		st := int64(step / time.Second)
		c := t0
		for n := 0; n < limit; n++ {
			l := c.In(zone)
			_, off := l.Zone()
			_, end := l.ZoneBounds() // end of this offset; zero if it never ends
			u := c.Unix()
			if c.Nanosecond() > 0 {
				u++
			}
			// The first instant at or after c whose local time is a multiple of the step.
			a := ceilDiv(u+int64(off), st)*st - int64(off)
			for ; n < limit; n++ {
				if !end.IsZero() && a >= end.Unix() {
					break
				}
				tk := time.Unix(a, 0).In(zone)
				if tk.After(t1) {
					return out
				}
				out = append(out, tk)
				a += st
			}
			if end.IsZero() || !end.After(c) || end.After(t1) {
				return out
			}
			c = end
		}
		return out
	}
	l0 := t0.In(zone)
	y, mo, d := l0.Date()
	var prev time.Time
	n := int(step / day)
	// Find the first local midnight at or after t0 whose day number is aligned.
	first := time.Date(y, mo, d, 0, 0, 0, 0, zone)
	if first.Before(t0) {
		first = time.Date(y, mo, d+1, 0, 0, 0, 0, zone)
	}
	fy, fm, fd := first.Date()
	num := civilDay(fy, fm, fd)
	var off int64
	if n%7 == 0 {
		// 1970-01-01 was a Thursday; Saturday is two days later.
		off = 2
	}
	skip := int(mod(off-num, int64(n)))
	for i := 0; i < limit; i++ {
		c := time.Date(fy, fm, fd+skip+i*n, 0, 0, 0, 0, zone)
		if c.After(t1) {
			break
		}
		if c.Before(t0) || !c.After(prev) && len(out) > 0 {
			continue
		}
		out = append(out, c)
		prev = c
	}
	return out
}

// civilDay numbers a calendar day: days since 1970-01-01.
func civilDay(y int, m time.Month, d int) int64 {
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	q := u / 86400
	if u%86400 != 0 && u < 0 {
		q--
	}
	return q
}

func mod(a, n int64) int64 {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}

// ceilDiv is a/b rounded up, for b > 0.
func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}
