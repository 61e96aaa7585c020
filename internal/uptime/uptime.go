// Package uptime measures a service's availability from its incidents, for the service pages.
//
// The definitions, which the service pages state to their readers:
//
//   - An incident's outage runs from its first timeline entry to its first entry with status
//     resolved. An incident that is not resolved is counted as down up to the reference instant
//     (the build's SOURCE_DATE_EPOCH, or the newest date in the content): the build cannot know
//     more.
//   - Scheduled maintenance is not downtime: the time a service's completed maintenance window
//     covered is taken out of its outages (Subtract), so an incident during planned work counts
//     only outside the window.
//   - The outages of one service are merged before they are measured: two incidents that overlap
//     count the time they share once.
//   - A period is a half-open interval [from, to) of instants, cut at the reference instant: the
//     90 days are the 90 calendar days (in the reader's zone) ending with the reference day, from
//     the first one's midnight up to the reference instant; a year is the calendar year (in the
//     language's calendar and the reader's zone) up to the reference instant.
//   - Uptime is (length − downtime) / length, in hundredths of a percent, rounded down, so it
//     never overstates: any downtime at all shows at most 99.99%, and 100% means none.
package uptime

import (
	"math/bits"
	"slices"
	"time"
)

// Interval is the half-open span [Start, End) of instants during which a service was down.
type Interval struct{ Start, End time.Time }

// Merge returns the union of in as sorted, disjoint, non-touching intervals. Empty and inverted
// intervals are dropped. in is not modified.
func Merge(in []Interval) []Interval {
	out := make([]Interval, 0, len(in))
	for _, iv := range in {
		if iv.End.After(iv.Start) {
			out = append(out, iv)
		}
	}
	slices.SortFunc(out, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	n := 0
	for _, iv := range out {
		if n > 0 && !iv.Start.After(out[n-1].End) {
			if iv.End.After(out[n-1].End) {
				out[n-1].End = iv.End
			}
			continue
		}
		out[n] = iv
		n++
	}
	return out[:n]
}

// Subtract returns the parts of merged (as Merge returns them) that cut (likewise merged) does not
// cover, merged the same way. Neither is modified.
func Subtract(merged, cut []Interval) []Interval {
	if len(cut) == 0 {
		return merged
	}
	out := make([]Interval, 0, len(merged))
	j := 0
	for _, iv := range merged {
		a := iv.Start
		for j < len(cut) && !cut[j].End.After(a) {
			j++
		}
		for k := j; k < len(cut) && cut[k].Start.Before(iv.End); k++ {
			if cut[k].Start.After(a) {
				out = append(out, Interval{Start: a, End: cut[k].Start})
			}
			if cut[k].End.After(a) {
				a = cut[k].End
			}
		}
		if iv.End.After(a) {
			out = append(out, Interval{Start: a, End: iv.End})
		}
	}
	return out
}

// Down returns how much of [from, to) the merged intervals (as Merge returns them) cover.
func Down(merged []Interval, from, to time.Time) time.Duration {
	var d time.Duration
	for _, iv := range merged {
		if !iv.Start.Before(to) {
			break
		}
		a, b := iv.Start, iv.End
		if a.Before(from) {
			a = from
		}
		if b.After(to) {
			b = to
		}
		if b.After(a) {
			d += b.Sub(a)
		}
	}
	return d
}

// Full is 100% in the hundredths of a percent that BasisPoints returns.
const Full = 10000

// BasisPoints returns the uptime of a period of length window with down of downtime, in
// hundredths of a percent (9995 is 99.95%), rounded down; it is Full only when down is zero.
// ok is false for an empty period (window ≤ 0), which has no uptime to show.
func BasisPoints(down, window time.Duration) (bp int, ok bool) {
	if window <= 0 {
		return 0, false
	}
	if down <= 0 {
		return Full, true
	}
	if down >= window {
		return 0, true
	}
	// (window-down)·Full/window in 128 bits: a year is 3.2e16 ns, times 1e4 overflows int64. The
	// quotient is below Full, so Div64 cannot overflow.
	hi, lo := bits.Mul64(uint64(window-down), Full)
	q, _ := bits.Div64(hi, lo, uint64(window))
	return min(int(q), Full-1), true
}
