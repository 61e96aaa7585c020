package chart

// This file holds the timeline picture's input (TimelineSpec, Phase, Update), its layout constants
// and style, and Timeline, which checks the input and draws the parts in order: the axis geometry
// is in timeline_axis.go, the SVG elements in timeline_draw.go, the legend in timeline_legend.go.

import (
	"errors"
	"fmt"
	"html/template"
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
	tick := s.Tick
	if tick == nil {
		tick = func(t time.Time) string { return t.Format("15:04") }
	}
	var lbuf [6]legendEntry
	legend, row := layoutLegend(ph, s.RTL, lbuf[:0])
	height := tlLegendY + float64(row)*tlRowH + 8

	tl := tlPlot{spec: s, ax: newAxis(ph, s.Updates, t0, tlMargin, viewW-tlMargin), t0: t0}
	var w buf
	w.b = make([]byte, 0, 2560+len(s.Title)+len(s.Desc)+160*len(ph)+96*len(s.Updates))
	w.open("rk-tl", 0, height, s.RTL, s.ID, "tl", []string{"-t", "-d"}, tlStyle, s.Title)
	w = tl.desc(w)
	w = tl.bands(w)
	w = tl.timeAxis(w, t0, t1, tick)
	w = tl.markers(w)
	w = tl.updateMarks(w)
	w = tl.legend(w, legend)
	w.s(`</svg>`)
	return template.HTML(w.b), nil
}
