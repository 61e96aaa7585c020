package chart

// This file holds the geometry of the timeline's time axis: axis, which maps times to x positions,
// and newAxis, which lays the phase boundaries and updates out so that short phases stay visible.

import (
	"sort"
	"time"
)

// axis maps times (seconds after the first start) to x positions in LTR layout. It is piecewise
// linear between the phase boundaries, so that a short phase can be widened to tlMinBand without
// the ticks and the bands disagreeing.
type axis struct {
	at []float64 // sorted unique boundary times, seconds after t0
	x  []float64 // x of each boundary
}

func (a *axis) pos(s float64) float64 {
	n := len(a.at)
	if s <= a.at[0] {
		return a.x[0]
	}
	if s >= a.at[n-1] {
		return a.x[n-1]
	}
	i := sort.SearchFloat64s(a.at, s) // a.at[i-1] < s <= a.at[i]
	f := (s - a.at[i-1]) / (a.at[i] - a.at[i-1])
	return a.x[i-1] + f*(a.x[i]-a.x[i-1])
}

// secs is t-t0 in seconds without the ±292-year limit of time.Duration.
func secs(t, t0 time.Time) float64 {
	return float64(t.Unix()-t0.Unix()) + float64(t.Nanosecond()-t0.Nanosecond())/1e9
}

// newAxis lays the boundaries — the phases' ends and the updates — out over [x0, x1]. Segments
// that some phase covers get at least minW; the rest of the width is shared in proportion to
// duration. So a short phase, and the time between two close updates, is widened, and the times
// around it are squeezed: every boundary still sits at its own time on the ticks.
func newAxis(ph []Phase, ups []Update, t0 time.Time, x0, x1 float64) axis {
	at := make([]float64, 0, 2*len(ph)+len(ups))
	for i := range ph {
		at = append(at, secs(ph[i].Start, t0), secs(ph[i].End, t0))
	}
	for i := range ups {
		at = append(at, secs(ups[i].At, t0))
	}
	sort.Float64s(at)
	u := at[:1]
	for _, v := range at[1:] {
		if v != u[len(u)-1] {
			u = append(u, v)
		}
	}
	at = u
	n := len(at) - 1 // segments
	xs := make([]float64, len(at))
	if n == 0 {
		xs[0] = (x0 + x1) / 2
		return axis{at, xs}
	}
	// Which segments lie inside a band?
	covered := make([]bool, n)
	for i := range ph {
		if !ph[i].End.After(ph[i].Start) {
			continue
		}
		a, b := secs(ph[i].Start, t0), secs(ph[i].End, t0)
		j := sort.SearchFloat64s(at, a)
		for ; j < n && at[j+1] <= b; j++ {
			covered[j] = true
		}
	}
	ncov := 0
	for _, c := range covered {
		if c {
			ncov++
		}
	}
	width := x1 - x0
	minW := tlMinBand
	if float64(ncov)*minW > width {
		minW = width / float64(ncov)
	}
	// Fix the covered segments that would be narrower than minW, until none is.
	fixed := make([]bool, n)
	nfixed := 0
	var free float64
	for {
		free = 0
		for j := 0; j < n; j++ {
			if !fixed[j] {
				free += at[j+1] - at[j]
			}
		}
		avail := width - float64(nfixed)*minW
		changed := false
		for j := 0; j < n; j++ {
			if !fixed[j] && covered[j] && (free <= 0 || (at[j+1]-at[j])/free*avail < minW) {
				fixed[j] = true
				nfixed++
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	avail := width - float64(nfixed)*minW
	scale := 1.0
	if free <= 0 && nfixed > 0 {
		// Everything is at the minimum: spread it over the whole width.
		scale = width / (float64(nfixed) * minW)
	}
	xs[0] = x0
	for j := 0; j < n; j++ {
		w := 0.0
		switch {
		case fixed[j]:
			w = minW * scale
		case free > 0:
			w = (at[j+1] - at[j]) / free * avail
		}
		xs[j+1] = xs[j] + w
	}
	return axis{at, xs}
}
