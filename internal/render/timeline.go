package render

import (
	"html/template"
	"strings"
	"time"
	"weak"

	"github.com/rokhdad/rokhdad/internal/chart"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// TimelineView is an article's timeline as a reader in the page's language and zone sees it.
type TimelineView struct {
	Note     string // which zone the times are in
	Days     []DayView
	Began    string        // date and time of the first entry
	Ended    string        // date and time of the resolved entry, or ""
	Duration string        // from the first to the resolved entry, or "" while unresolved
	Chart    template.HTML // the same timeline as a picture
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
	N           int           // 1-based position in the timeline
	Anchor      string        // the entry's id on the page, "update-" + its stable id (see updateAnchor)
	ISO         string        // UTC RFC 3339 for datetime
	Clock       string        // HH:MM in the reader's zone, with the zone's abbreviation when it has letters
	Source      template.HTML // the time as the source gave it, labelled and dated (see sourceHTML); "" when it is the reader's
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
	note, err := r.cat.Format("times_in", "zone", r.when.ZoneLabel(start.In(zone)))
	if err != nil {
		return nil, err
	}
	tv.Note = note
	tv.Began = r.when.DateTime(start)
	if end, ok := tl.Resolved(); ok {
		tv.Ended = r.when.DateTime(end)
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
		ev := EntryView{N: i + 1, Anchor: updateAnchor(&tl[i]), ISO: utc(e.At), Clock: r.when.Clock(e.At), Source: template.HTML(r.when.SourceHTML(e.At)), Status: e.Status}
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
		text, err := r.entryHTML(p, i)
		if err != nil {
			return nil, err
		}
		ev.Text = text
		day.Entries = append(day.Entries, ev)
	}
	return tv, nil
}

// updateAnchor is the fragment that names a timeline entry on its page and, after the permalink,
// in updates.xml: "update-" + the entry's stable id (content sets it from an explicit id, or the
// entry's instant and status; never its position), or its instant alone for an entry made without
// content.Parse.
func updateAnchor(e *timeline.Entry) string {
	if e.ID != "" {
		return "update-" + e.ID
	}
	return "update-" + content.DerivedID(e)
}

func utc(t time.Time) string { return timeline.UTCString(t) }

// markdownDoc says where a piece of an article's Markdown starts.
func markdownDoc(p *site.Page, line int) markdown.Doc {
	return markdown.Doc{File: p.File, Line: line, Zone: p.Zone}
}

// timelineChart draws the timeline's phases on a time axis in the reader's zone.
func (r *langRenderer) timelineChart(p *site.Page, tv *TimelineView) (template.HTML, error) {
	tl := p.Timeline
	var phases []chart.Phase
	status := timeline.Status("")
	for i, e := range tl {
		if e.Status != "" {
			status = e.Status
		}
		label := ""
		if status != "" {
			var err error
			if label, err = r.cat.T("status_" + string(status)); err != nil {
				return "", err
			}
		}
		end := e.At
		if i+1 < len(tl) {
			end = tl[i+1].At
		} else if status != timeline.Resolved {
			break // an open incident: the last update starts no phase yet
		}
		if i > 0 && phases[len(phases)-1].Status == string(status) && end.After(e.At) {
			phases[len(phases)-1].End = end // the same phase goes on
			continue
		}
		phases = append(phases, chart.Phase{Status: string(status), Label: label, Start: e.At, End: end})
	}
	if len(phases) == 0 {
		return "", nil
	}
	start, _ := tl.Start()
	last := tl[len(tl)-1].At
	dur := tv.Duration
	if dur == "" {
		dur = r.loc.Duration(last.Sub(start))
	}
	title, err := r.cat.Format("chart_summary", "start", r.when.DateTime(start), "end", r.when.DateTime(last), "duration", dur)
	if err != nil {
		return "", err
	}
	zone := r.loc.Zone()
	ups, desc, err := r.chartUpdates(tl)
	if err != nil {
		return "", err
	}
	return chart.Timeline(chart.TimelineSpec{
		Phases: phases, Updates: ups, Desc: desc, Zone: zone, RTL: r.rtl, Title: title, ID: "timeline-chart",
		Tick: func(t time.Time) string {
			if l := t.In(zone); l.Hour() == 0 && l.Minute() == 0 {
				d := r.loc.CalendarDate(t)
				return r.loc.Int(d.Day) + " " + r.loc.MonthName(d.Month)
			}
			return r.loc.Clock(t)
		},
	})
}

// chartUpdates marks every entry on the chart, titled by its time and the status then in effect,
// and says them all in words for screen readers: "Updates: 8 November 2023, 03:52 UTC
// Investigating; 14:02 UTC Identified; …", the date again whenever the day changes.
func (r *langRenderer) chartUpdates(tl timeline.Timeline) ([]chart.Update, string, error) {
	ups := make([]chart.Update, len(tl))
	sep, err := r.cat.T("chart_updates_sep")
	if err != nil {
		return nil, "", err
	}
	var list strings.Builder
	status, day := timeline.Status(""), ""
	for i, e := range tl {
		if e.Status != "" {
			status = e.Status
		}
		when := r.when.Clock(e.At)
		if d := r.loc.Date(e.At); d != day {
			when, day = r.when.DateTime(e.At), d
		}
		label := when
		if status != "" {
			s, err := r.cat.T("status_" + string(status))
			if err != nil {
				return nil, "", err
			}
			label += " " + s
		}
		ups[i] = chart.Update{At: e.At, Label: label}
		if i > 0 {
			list.WriteString(sep)
		}
		list.WriteString(label)
	}
	desc, err := r.cat.Format("chart_desc", "list", list.String())
	return ups, desc, err
}

// entryHTML renders the text of entry i of p once per language: the article page and the updates
// feed both show it.
func (r *langRenderer) entryHTML(p *site.Page, i int) (template.HTML, error) {
	k := entryKey{weak.Make(p.Page), i}
	if h, ok := r.entries.load(k); ok {
		return h, nil
	}
	text, err := r.md.RenderInline(p.Timeline[i].Text, markdownDoc(p, p.Timeline[i].Line))
	if err != nil {
		return "", err
	}
	h := r.html(text)
	r.entries.store(p.Page, k, h)
	return h, nil
}
