package render

import (
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// TimelineView is an article's timeline as a reader in the page's language and zone sees it.
type TimelineView struct {
	Note     string // which zone the times are in
	Days     []DayView
	Began    string // date and time of the first entry
	Ended    string // date and time of the resolved entry, or ""
	Duration string // from the first to the resolved entry, or "" while unresolved
}

// DayView is the entries that fall on one date in the reader's zone.
type DayView struct {
	ISO       string // YYYY-MM-DD in the reader's zone (Gregorian), for datetime
	Weekday   string
	Date      string // in the language's calendar
	Secondary string // the Gregorian date when the calendar is another
	Entries   []EntryView
}

// EntryView is one timeline entry.
type EntryView struct {
	N           int    // 1-based position in the timeline, for the entry's anchor (#update-N)
	ISO         string // UTC RFC 3339 for datetime
	Clock       string // HH:MM in the reader's zone, with the zone's abbreviation when it has letters
	Source      string // the time as the source wrote it, with its zone's label
	Status      timeline.Status
	StatusLabel string
	Elapsed     string // time since the first entry, as a phrase; "" for the first entry
	Text        template.HTML
}

func (r *langRenderer) timelineView(p *site.Page) (*TimelineView, error) {
	tl := p.Timeline
	zone := r.loc.Zone()
	tv := &TimelineView{}
	start, _ := tl.Start()
	note, err := r.cat.Format("times_in", "zone", r.zoneLabel(start.In(zone)))
	if err != nil {
		return nil, err
	}
	tv.Note = note
	tv.Began = r.dateTime(start)
	if end, ok := tl.Resolved(); ok {
		tv.Ended = r.dateTime(end)
	}
	if d, ok := tl.Duration(); ok {
		tv.Duration = r.loc.Duration(d)
	}
	var day *DayView
	for i, e := range tl {
		local := e.At.In(zone)
		iso := local.Format("2006-01-02")
		if day == nil || day.ISO != iso {
			tv.Days = append(tv.Days, DayView{ISO: iso, Weekday: r.loc.Weekday(e.At), Date: r.loc.Date(e.At),
				Secondary: r.secondaryDate(e.At)})
			day = &tv.Days[len(tv.Days)-1]
		}
		ev := EntryView{N: i + 1, ISO: utc(e.At), Clock: r.readerClock(e.At), Source: r.sourceClock(e.At), Status: e.Status}
		if e.Status != "" {
			if ev.StatusLabel, err = r.cat.T("status_" + string(e.Status)); err != nil {
				return nil, err
			}
		}
		if i > 0 {
			if ev.Elapsed, err = r.cat.Format("elapsed", "duration", r.loc.Duration(tl.Elapsed(i))); err != nil {
				return nil, err
			}
		}
		text, err := r.md.RenderInline(e.Text, markdownDoc(p, e.Line))
		if err != nil {
			return nil, err
		}
		ev.Text = r.html(text)
		day.Entries = append(day.Entries, ev)
	}
	return tv, nil
}

// dateTime is "date, time" in the reader's zone.
func (r *langRenderer) dateTime(t time.Time) string {
	s, _ := r.cat.Format("datetime", "date", r.loc.Date(t), "time", r.readerClock(t))
	return s
}

// readerClock is the time in the reader's zone, followed by the zone's abbreviation when it is made
// of letters ("03:52 UTC"); a numeric zone is named once in the timeline's note instead.
func (r *langRenderer) readerClock(t time.Time) string {
	c := r.loc.Clock(t)
	if abbr, numeric := timeline.ZoneAbbrev(t.In(r.loc.Zone())); !numeric {
		return c + " " + abbr
	}
	return c
}

// sourceClock is the time in its own zone with that zone's label: "19:52 PST", "07:22 Tehran time".
func (r *langRenderer) sourceClock(t time.Time) string {
	return r.loc.ClockAt(t) + " " + r.zoneLabel(t)
}

// zoneLabel names t's zone: its abbreviation when it has letters (PST, PDT, UTC), else the catalog's
// label for the zone ("به وقت تهران"), else its offset from UTC.
func (r *langRenderer) zoneLabel(t time.Time) string {
	abbr, numeric := timeline.ZoneAbbrev(t)
	if !numeric {
		return abbr
	}
	if l, ok := r.cat.Zone(t.Location().String()); ok {
		return l
	}
	return "UTC" + r.loc.Digits(t.Format("-07:00"))
}

func utc(t time.Time) string { return timeline.UTCString(t) }

// markdownDoc says where a piece of an article's Markdown starts.
func markdownDoc(p *site.Page, line int) markdown.Doc {
	return markdown.Doc{File: p.File, Line: line, Zone: p.Zone}
}
