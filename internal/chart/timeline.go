package chart

import (
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"
)

// Phase is one stretch of an incident in a single status.
type Phase struct {
	// Status is "investigating", "identified", "monitoring" or "resolved". It becomes the CSS
	// class suffix of the phase's shapes (.ph-investigating …); any other value gets the neutral
	// class .ph-other.
	Status string
	// Label is the localized status name shown in the legend, in the band when it fits, and in
	// the <desc>, e.g. "در حال بررسی". Empty means Status.
	Label string
	Start time.Time
	// End is when the next phase began. End == Start (the final "resolved" update, usually)
	// draws a marker instead of a band.
	End time.Time
}

// Update is one update of an incident, marked on the timeline.
type Update struct {
	At    time.Time
	Label string // the mark's tooltip, e.g. "07:22 در حال بررسی"
}

// TimelineSpec describes an incident timeline picture.
type TimelineSpec struct {
	Phases []Phase // chronological and contiguous
	// Updates are marked above the bands, each at least tlMinBand from the next (the axis gives
	// the time between two updates that width too). Usually every timeline entry.
	Updates []Update
	// Desc is the picture's text equivalent for screen readers, e.g. every update in words; ""
	// lists the phases.
	Desc string
	Zone *time.Location // the reader's zone: ticks fall on whole hours/minutes/days in it
	RTL  bool           // right-to-left page: time flows from right to left
	// Tick formats a tick label in the page's digits, e.g. "۰۷:۰۰". It is called only for the
	// ticks drawn, with times in Zone. Nil formats "15:04".
	Tick  func(t time.Time) string
	Title string // accessible summary sentence, e.g. "گاه‌شمار رخداد از ۰۷:۲۲ تا ۱۹:۱۶، …"
	ID    string // unique id prefix within the page, e.g. "tl"; ids are ID+"-t" and ID+"-d"
}

// Timeline layout, in viewBox units. Vertically: a band is a tint from y=4 to 34 with a solid
// strip from 34 to 40 under it; markers run from y=2 to the axis; tick marks are 5 long.
const (
	tlMargin  = 20.0 // plot inset on both sides, room for the end tick labels and markers
	tlAxisY   = 41.5
	tlTickY   = 63.0 // tick label baseline
	tlLegendY = 88.0 // first legend row baseline
	tlRowH    = 24.0
	tlMinBand = 6.0 // minimum band width: 4.4 px on a 330 px wide picture
	tlLabelY  = 25.0
	tlPad     = 10.0 // padding around an in-band label (clears a marker at the band's end)
)

const tlStyle = `<style>.rkc{max-width:30rem}.rkc .t{fill-opacity:.2}` +
	`.rkc .ph-investigating{fill:var(--bad,#b91c1c)}.rkc .ph-identified{fill:var(--warn,#b45309)}` +
	`.rkc .ph-monitoring{fill:var(--info,#1d4ed8)}.rkc .ph-resolved{fill:var(--ok,#15803d)}` +
	`.rkc .ph-other{fill:var(--muted,#71717a)}.rkc .h{stroke:var(--bg,#fff);stroke-width:2}.rkc .u{fill:currentColor}</style>`

// phaseClass maps a status to its class. The known statuses are constants, so no allocation.
func phaseClass(status string) string {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case "investigating":
		return "ph-investigating"
	case "identified":
		return "ph-identified"
	case "monitoring":
		return "ph-monitoring"
	case "resolved":
		return "ph-resolved"
	}
	return "ph-other"
}

func (p *Phase) label() string {
	if p.Label != "" {
		return p.Label
	}
	return p.Status
}

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

// Timeline draws an incident timeline: each phase as a coloured band on a horizontal time axis,
// zero-length phases (the final "resolved" point) as markers, ticks in s.Zone labelled by s.Tick,
// and a legend. On RTL pages the picture is mirrored: the earliest time is at the right.
//
// Bands are at least a few pixels wide however short the phase; labels that would not fit inside
// their band, or would overlap another tick label, are left out (the legend and the page's list
// carry them). A timeline of zero length is drawn as a single marker.
//
// The error reports invalid input: no phases, a phase that ends before it starts, or a nil zone.
func Timeline(s TimelineSpec) (template.HTML, error) {
	if len(s.Phases) == 0 {
		return "", errors.New("chart: timeline has no phases")
	}
	if s.Zone == nil {
		return "", errors.New("chart: timeline has no zone")
	}
	ph := s.Phases
	t0, t1 := ph[0].Start, ph[0].End
	for i := range ph {
		if ph[i].End.Before(ph[i].Start) {
			return "", fmt.Errorf("chart: phase %d (%s) ends before it starts", i+1, ph[i].Status)
		}
		if ph[i].Start.Before(t0) {
			t0 = ph[i].Start
		}
		if ph[i].End.After(t1) {
			t1 = ph[i].End
		}
	}
	for i := range s.Updates {
		if u := s.Updates[i].At; u.Before(t0) {
			t0 = u
		} else if u.After(t1) {
			t1 = u
		}
	}
	ax := newAxis(ph, s.Updates, t0, tlMargin, viewW-tlMargin)
	X := func(t time.Time) float64 {
		x := ax.pos(secs(t, t0))
		if s.RTL {
			return viewW - x
		}
		return x
	}
	tick := s.Tick
	if tick == nil {
		tick = func(t time.Time) string { return t.Format("15:04") }
	}

	// Legend: one entry per distinct status and label, in order of first appearance, laid out in
	// rows in reading order.
	type entry struct {
		cls, label string
		marker     bool
		x, y       float64 // swatch's inner edge (towards the text) and row baseline
	}
	legend := make([]entry, 0, 6)
	for i := range ph {
		e := entry{cls: phaseClass(ph[i].Status), label: ph[i].label(), marker: !ph[i].End.After(ph[i].Start)}
		dup := false
		for _, o := range legend {
			if o.cls == e.cls && o.label == e.label {
				dup = true
				break
			}
		}
		if !dup {
			legend = append(legend, e)
		}
	}
	const sw, gap, itemGap, lm = 12.0, 6.0, 14.0, 2.0
	cur, row := 0.0, 0
	for i := range legend {
		w := sw + gap + textWidth(legend[i].label)*fontSize
		if cur > 0 && cur+w > viewW-2*lm {
			cur, row = 0, row+1
		}
		if s.RTL {
			legend[i].x = viewW - lm - cur - sw
		} else {
			legend[i].x = lm + cur + sw
		}
		legend[i].y = tlLegendY + float64(row)*tlRowH
		cur += w + itemGap
	}
	height := tlLegendY + float64(row)*tlRowH + 8

	var w buf
	w.b = make([]byte, 0, 2560+len(s.Title)+len(s.Desc)+160*len(ph)+96*len(s.Updates))
	w.open("rk-tl", 0, height, s.RTL, s.ID, "tl", []string{"-t", "-d"}, tlStyle, s.Title)
	w.s(`<desc id="`)
	w.id(s.ID, "tl")
	w.s(`-d">`)
	if s.Desc != "" {
		w.esc(s.Desc)
	} else {
		sep := " → "
		if s.RTL {
			sep = " ← "
		}
		for i := range ph {
			if i > 0 {
				w.s(sep)
			}
			w.esc(ph[i].label())
		}
	}
	w.s(`</desc>`)

	// Bands: a light tint with the label, and a solid strip along the axis.
	for i := range ph {
		p := &ph[i]
		if !p.End.After(p.Start) {
			continue
		}
		xa, xb := X(p.Start), X(p.End)
		if xb < xa {
			xa, xb = xb, xa
		}
		cls := phaseClass(p.Status)
		w.s(`<rect class="t `)
		w.s(cls)
		w.s(`" x="`)
		w.num(xa)
		w.s(`" y="4" width="`)
		w.num(xb - xa)
		w.s(`" height="30"/><rect class="`)
		w.s(cls)
		w.s(`" x="`)
		w.num(xa)
		w.s(`" y="34" width="`)
		w.num(xb - xa)
		w.s(`" height="6"/>`)
		if l := p.label(); l != "" && textWidth(l)*fontSize+2*tlPad <= xb-xa {
			w.s(`<text x="`)
			w.num((xa + xb) / 2)
			w.s(`" y="`)
			w.num(tlLabelY)
			w.s(`" text-anchor="middle">`)
			w.esc(l)
			w.s(`</text>`)
		}
	}

	// Axis line and tick marks in one path, then the tick labels.
	var tbuf [12]time.Time
	var tk []time.Time
	if t1.After(t0) {
		tk = ticks(t0, t1, tickStep(t1.Sub(t0)), s.Zone, tbuf[:0])
		if len(tk) < 2 {
			tk = append(tk[:0], t0.In(s.Zone), t1.In(s.Zone))
		}
	} else {
		tk = append(tbuf[:0], t0.In(s.Zone))
	}
	w.s(`<path stroke="currentColor" d="M`)
	w.num(tlMargin)
	w.b = append(w.b, ' ')
	w.num(tlAxisY)
	w.s(`H`)
	w.num(viewW - tlMargin)
	for _, t := range tk {
		w.s(`M`)
		w.num(X(t))
		w.b = append(w.b, ' ')
		w.num(tlAxisY)
		w.s(`v5`)
	}
	w.s(`"/>`)
	var lastA, lastB float64
	var lastL string
	kept := 0
	for _, t := range tk {
		l := tick(t)
		if l == "" || kept > 0 && l == lastL {
			continue // nothing to say, or the same as the label before (a span within a minute)
		}
		half := textWidth(l) * fontSize / 2
		x := X(t)
		x = max(x, half+1)
		x = min(x, viewW-half-1)
		a, b := x-half, x+half
		if kept > 0 && a < lastB+6 && b > lastA-6 {
			continue // would overlap the previous label
		}
		lastA, lastB, lastL = a, b, l
		kept++
		w.s(`<text x="`)
		w.num(x)
		w.s(`" y="`)
		w.num(tlTickY)
		w.s(`" text-anchor="middle">`)
		w.esc(l)
		w.s(`</text>`)
	}

	// Markers for zero-length phases, over the bands.
	for i := range ph {
		p := &ph[i]
		if p.End.After(p.Start) {
			continue
		}
		x := X(p.Start)
		cls := phaseClass(p.Status)
		w.s(`<rect class="`)
		w.s(cls)
		w.s(`" x="`)
		w.num(x - 1.5)
		w.s(`" y="2" width="3" height="39.5"/><circle class="h `)
		w.s(cls)
		w.s(`" cx="`)
		w.num(x)
		w.s(`" cy="19" r="6"/>`)
	}

	// Update marks: a small triangle above the bands pointing at each update's time.
	for i := range s.Updates {
		w.s(`<path class="u" d="M`)
		w.num(X(s.Updates[i].At) - 2.5)
		w.s(` 0h5l-2.5 5z">`)
		if l := s.Updates[i].Label; l != "" {
			w.s(`<title>`)
			w.esc(l)
			w.s(`</title>`)
		}
		w.s(`</path>`)
	}

	// Legend.
	for _, e := range legend {
		sx := e.x - sw // swatch left edge
		if s.RTL {
			sx = e.x
		}
		if e.marker {
			w.s(`<circle class="`)
			w.s(e.cls)
			w.s(`" cx="`)
			w.num(sx + sw/2)
			w.s(`" cy="`)
			w.num(e.y - 5)
			w.s(`" r="6"/>`)
		} else {
			w.s(`<rect class="`)
			w.s(e.cls)
			w.s(`" x="`)
			w.num(sx)
			w.s(`" y="`)
			w.num(e.y - 11)
			w.s(`" width="12" height="12"/>`)
		}
		tx := e.x + gap
		if s.RTL {
			tx = e.x - gap
		}
		w.s(`<text x="`)
		w.num(tx)
		w.s(`" y="`)
		w.num(e.y)
		w.s(`">`) // text-anchor start: the text's start is next to the swatch in both directions
		w.esc(e.label)
		w.s(`</text>`)
	}
	w.s(`</svg>`)
	return template.HTML(w.b), nil
}
