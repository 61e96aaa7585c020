package chart

// This file writes the timeline's SVG elements, in drawing order: the <desc>, the phases' bands,
// the time axis with its tick labels, the markers of zero-length phases and the update marks.
// The legend is in timeline_legend.go, the axis geometry in timeline_axis.go.

import "time"

// tlPlot is what the parts of one timeline picture are drawn from: the spec and the axis.
//
// Each part takes the SVG buffer by value and returns it, so that the buffer is a local variable
// while the part writes: appends to a buffer behind a pointer need a GC write barrier each, which
// made Timeline a quarter slower.
type tlPlot struct {
	spec TimelineSpec
	ax   axis
	t0   time.Time // the axis's origin, the earliest time drawn
}

// x is t's x position, mirrored on RTL pages.
func (tl *tlPlot) x(t time.Time) float64 {
	x := tl.ax.pos(secs(t, tl.t0))
	if tl.spec.RTL {
		return viewW - x
	}
	return x
}

// desc writes the <desc>: the spec's Desc, or else the phases' labels in order.
func (tl *tlPlot) desc(w buf) buf {
	s := &tl.spec
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
		for i := range s.Phases {
			if i > 0 {
				w.s(sep)
			}
			w.esc(s.Phases[i].label())
		}
	}
	w.s(`</desc>`)
	return w
}

// bands draws each phase that lasts: a light tint with the label when it fits, and a solid strip
// along the axis.
func (tl *tlPlot) bands(w buf) buf {
	ph := tl.spec.Phases
	for i := range ph {
		p := &ph[i]
		if !p.End.After(p.Start) {
			continue
		}
		xa, xb := tl.x(p.Start), tl.x(p.End)
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
			w = middleText(w, (xa+xb)/2, tlLabelY, l)
		}
	}
	return w
}

// timeAxis draws the axis line and tick marks in one path for the span t0 to t1, then the tick
// labels that tick gives, leaving out those that repeat the one before or would overlap it.
func (tl *tlPlot) timeAxis(w buf, t0, t1 time.Time, tick func(time.Time) string) buf {
	zone := tl.spec.Zone
	var tbuf [12]time.Time
	var tk []time.Time
	if t1.After(t0) {
		tk = ticks(t0, t1, tickStep(t1.Sub(t0)), zone, tbuf[:0])
		if len(tk) < 2 {
			tk = append(tk[:0], t0.In(zone), t1.In(zone))
		}
	} else {
		tk = append(tbuf[:0], t0.In(zone))
	}
	w.s(`<path stroke="currentColor" d="M`)
	w.num(tlMargin)
	w.b = append(w.b, ' ')
	w.num(tlAxisY)
	w.s(`H`)
	w.num(viewW - tlMargin)
	for _, t := range tk {
		w.s(`M`)
		w.num(tl.x(t))
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
		x := tl.x(t)
		x = max(x, half+1)
		x = min(x, viewW-half-1)
		a, b := x-half, x+half
		if kept > 0 && a < lastB+6 && b > lastA-6 {
			continue // would overlap the previous label
		}
		lastA, lastB, lastL = a, b, l
		kept++
		w = middleText(w, x, tlTickY, l)
	}
	return w
}

// middleText writes the text l centred on x, with its baseline at y (to w, by value as the parts).
func middleText(w buf, x, y float64, l string) buf {
	w.s(`<text x="`)
	w.num(x)
	w.s(`" y="`)
	w.num(y)
	w.s(`" text-anchor="middle">`)
	w.esc(l)
	w.s(`</text>`)
	return w
}

// markers draws the zero-length phases as markers, over the bands.
func (tl *tlPlot) markers(w buf) buf {
	ph := tl.spec.Phases
	for i := range ph {
		p := &ph[i]
		if p.End.After(p.Start) {
			continue
		}
		x := tl.x(p.Start)
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
	return w
}

// updateMarks draws a small triangle above the bands pointing at each update's time, with the
// update's label as its tooltip.
func (tl *tlPlot) updateMarks(w buf) buf {
	ups := tl.spec.Updates
	for i := range ups {
		w.s(`<path class="u" d="M`)
		w.num(tl.x(ups[i].At) - 2.5)
		w.s(` 0h5l-2.5 5z">`)
		if l := ups[i].Label; l != "" {
			w.s(`<title>`)
			w.esc(l)
			w.s(`</title>`)
		}
		w.s(`</path>`)
	}
	return w
}
