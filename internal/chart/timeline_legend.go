package chart

// This file holds the timeline's legend: which entries it has (layoutLegend, with their places in
// rows in reading order) and how each is drawn (tlPlot.legend).

// Legend geometry, in viewBox units: the swatch's size, the gap between swatch and text, the gap
// between two entries and the margin at both sides.
const tlSwatch, tlSwatchGap, tlItemGap, tlLegendMargin = 12.0, 6.0, 14.0, 2.0

// legendEntry is one entry of the timeline's legend: a phase's swatch (a marker for a
// zero-length phase) and its label.
type legendEntry struct {
	cls, label string
	marker     bool
	x, y       float64 // swatch's inner edge (towards the text) and row baseline
}

// layoutLegend appends to legend one entry per distinct status and label of ph, in order of first
// appearance, laid out in rows in reading order, and returns it with the index of the last row.
func layoutLegend(ph []Phase, rtl bool, legend []legendEntry) ([]legendEntry, int) {
	const sw, gap, itemGap, lm = tlSwatch, tlSwatchGap, tlItemGap, tlLegendMargin
	for i := range ph {
		e := legendEntry{cls: phaseClass(ph[i].Status), label: ph[i].label(), marker: !ph[i].End.After(ph[i].Start)}
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
	cur, row := 0.0, 0
	for i := range legend {
		w := sw + gap + textWidth(legend[i].label)*fontSize
		if cur > 0 && cur+w > viewW-2*lm {
			cur, row = 0, row+1
		}
		if rtl {
			legend[i].x = viewW - lm - cur - sw
		} else {
			legend[i].x = lm + cur + sw
		}
		legend[i].y = tlLegendY + float64(row)*tlRowH
		cur += w + itemGap
	}
	return legend, row
}

// legend draws the entries layoutLegend placed: each swatch, then its label.
func (tl *tlPlot) legend(w buf, legend []legendEntry) buf {
	const sw, gap = tlSwatch, tlSwatchGap
	for _, e := range legend {
		sx := e.x - sw // swatch left edge
		if tl.spec.RTL {
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
		if tl.spec.RTL {
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
	return w
}
