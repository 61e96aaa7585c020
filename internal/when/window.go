package when

import (
	"html/template"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/window"
)

// WindowText is a maintenance window as a reader reads it: when it runs on their clock and
// calendar, how long it really lasts, the window as its source gave it, and what a reader
// planning around it must be told.
type WindowText struct {
	// Span is the window on the reader's clock: "8 November 2023, 10:00–12:00 UTC", or with two
	// dates when it ends on another day: "7 November 2023, 22:00 UTC – 8 November 2023, 02:00 UTC".
	// The zone is always named (its abbreviation, or the catalog's label such as "Tehran time"),
	// on both ends when the clock changes offset in between.
	Span string
	// Source is the window as the source gave it, HTML with the same label as a timeline's source
	// times ("as reported 02:00–04:00 PST"); "" when its clock reads as the reader's.
	Source template.HTML
	Length string   // how long it really lasts (window.Duration), not the clock difference
	Notes  []string // crossing midnight, a change of the reader's clock: each a sentence
}

// Window words w for the reader.
func (r *Reader) Window(w window.Window) WindowText {
	rd := w.In(r.loc.Zone())
	t := WindowText{Length: r.loc.Duration(w.Duration())}
	// Dated twice whenever the ends fall on two dates, even when it ends at midnight: "00:00–00:00"
	// under one date would read as no time at all.
	t.Span = r.span(rd.Start, rd.End, !sameDate(rd.Start, rd.End), rd.OffsetChange, r.loc.Date, r.loc.ClockAt)
	if rd.Days {
		n, _ := r.cat.Format("window_days", "zone", r.zoneName(), "date", r.DateTime(rd.End))
		t.Notes = append(t.Notes, n)
	}
	if rd.OffsetChange {
		key := "window_clock_change"
		if rd.Clock <= 0 || rd.Clock == w.Duration() {
			// The clock reads backwards, or two changes cancel out: no reading to compare.
			key = "window_clock_changes"
		}
		n, _ := r.cat.Format(key, "zone", r.zoneName(), "clock", r.loc.Duration(rd.Clock), "length", t.Length)
		t.Notes = append(t.Notes, n)
	}
	t.Source = r.sourceWindow(w)
	return t
}

// zoneName names the reader's zone in a sentence: the catalog's label ("Tehran time"), else the
// place the IANA name ends with ("Los Angeles"), else the name itself ("UTC").
func (r *Reader) zoneName() string {
	z := r.loc.Zone().String()
	if l, ok := r.cat.Zone(z); ok {
		return l
	}
	if i := strings.LastIndexByte(z, '/'); i >= 0 {
		return strings.ReplaceAll(z[i+1:], "_", " ")
	}
	return z
}

// span words [a, b) on their own clocks: dated once when both fall on one day (days false), the zone
// named once at the end unless the offset changes (change true).
func (r *Reader) span(a, b time.Time, days, change bool, date func(time.Time) string, clock func(time.Time) string) string {
	from, to := clock(a), clock(b)+" "+r.ZoneLabel(b)
	if change {
		from += " " + r.ZoneLabel(a)
	}
	if !days {
		s, _ := r.cat.Format("window_same_day", "date", date(a), "from", from, "to", to)
		return s
	}
	if !change {
		from += " " + r.ZoneLabel(a)
	}
	start, _ := r.cat.Format("datetime", "date", date(a), "time", from)
	end, _ := r.cat.Format("datetime", "date", date(b), "time", to)
	s, _ := r.cat.Format("window_span", "start", start, "end", end)
	return s
}

// sourceWindow is the window as its source wrote it, labelled as a timeline's source times are;
// "" when both ends read on the source's clock as on the reader's.
func (r *Reader) sourceWindow(w window.Window) template.HTML {
	showA, _, _ := SourceDating(w.Start, r.loc.Zone(), r.loc.Calendar())
	showB, _, _ := SourceDating(w.End, r.loc.Zone(), r.loc.Calendar())
	if !showA && !showB {
		return ""
	}
	src := w.In(w.Start.Location())
	sameDay := !src.Days && sameDate(w.Start, w.Start.In(r.loc.Zone()))
	withYear := func(t time.Time) string {
		_, _, y := SourceDating(t, r.loc.Zone(), r.loc.Calendar())
		return r.loc.DayAt(t, y)
	}
	var text string
	if !sameDay {
		text = r.span(w.Start, w.End, src.Days, src.OffsetChange, withYear, r.loc.ClockAt)
	} else {
		// The reader's span already dates the day: the source's clock alone.
		text = r.loc.ClockAt(w.Start)
		if src.OffsetChange {
			text += " " + r.ZoneLabel(w.Start)
		}
		s, _ := r.cat.Format("window_clock_span", "from", text, "to", r.loc.ClockAt(w.End)+" "+r.ZoneLabel(w.End))
		text = s
	}
	label, _ := r.cat.T("source_label")
	return template.HTML(`<span class="source"><span class="source-label">` + template.HTMLEscapeString(label) +
		`</span> <bdi>` + template.HTMLEscapeString(text) + `</bdi></span>`)
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// Relative says where a window of status st stands at ref, for a list of what is coming: "starts
// in 2 d 3 h", "ends in 40 min", "running 20 min over its end"; "" for a window that is over
// (whatever status is written).
func (r *Reader) Relative(w window.Window, st window.Status, ref time.Time) string {
	if st != window.Scheduled && st != window.InProgress {
		return ""
	}
	var s string
	switch {
	case ref.Before(w.Start) && st == window.Scheduled:
		s, _ = r.cat.Format("starts_in", "duration", r.loc.Duration(w.Start.Sub(ref)))
	case ref.Before(w.End):
		s, _ = r.cat.Format("ends_in", "duration", r.loc.Duration(w.End.Sub(ref)))
	case st == window.InProgress: // running over, as an update says
		s, _ = r.cat.Format("overrun", "duration", r.loc.Duration(ref.Sub(w.End)))
	}
	return s
}

// ISO is t as RFC 3339 in UTC, for datetime attributes.
func ISO(t time.Time) string { return timeline.UTCString(t) }
