package feed

import (
	"strings"

	"github.com/rokhdad/rokhdad/internal/ical"
	"github.com/rokhdad/rokhdad/internal/site"
)

// IncidentCalendar is a language's incidents as a calendar, /<lang>/incidents.ics: one event per
// article with a timeline, from its first entry to its resolution (an ongoing one up to the site's
// reference instant, tentative), newest first.
func IncidentCalendar(s *site.Site, l *site.Lang, w Words) (*ical.Calendar, error) {
	name, err := w.T("calendar_incidents")
	if err != nil {
		return nil, err
	}
	c := &ical.Calendar{Name: l.Title + ": " + name, Lang: l.Code}
	for _, p := range l.Pages {
		if e, ok := IncidentEvent(s, p, w); ok {
			c.Events = append(c.Events, e)
		}
	}
	return c, nil
}

// IncidentEvent is an article's incident as a calendar event, for incidents.ics and the article's
// own event.ics; false for an article without a timeline, which has no time span, and for a
// maintenance window (MaintenanceEvent).
//
// Its UID is the article's language and key at the site's host, which no edit changes. SEQUENCE
// counts the timeline's entries after the first: each update may move the event's end, and
// updates are only ever added. DTSTAMP is the article's last change, or for an ongoing incident
// the reference instant its end is told at, so the same content always gives the same bytes.
func IncidentEvent(s *site.Site, p *site.Page, w Words) (ical.Event, bool) {
	start, ok := p.Timeline.Start()
	if !ok || !site.IsIncident(p.Page) {
		return ical.Event{}, false
	}
	e := ical.Event{
		UID:      p.Lang.Code + "/" + p.Key + "@" + s.Base.Host,
		Sequence: len(p.Timeline) - 1,
		Start:    start,
		Summary:  w.Plain(p.Title),
		URL:      p.Permalink,
		Status:   ical.Confirmed,
		Stamp:    site.Modified(p),
		Modified: site.Modified(p),
	}
	switch end, resolved := p.Timeline.Resolved(); {
	case site.IsOngoing(p.Page):
		e.End, e.Status, e.Stamp = site.Later(s.Reference, start), ical.Tentative, site.Later(s.Reference, e.Stamp)
	case resolved:
		e.End = end
	default:
		e.End = p.Timeline[len(p.Timeline)-1].At // no resolution written: up to the last update
	}
	var desc []string
	if p.Summary != "" {
		desc = append(desc, w.Plain(p.Summary))
	}
	if st := site.State(p.Page); st != "" {
		if label, err := w.T("status_" + string(st)); err == nil {
			desc = append(desc, label)
		}
	}
	if len(p.Services) > 0 {
		desc = append(desc, strings.Join(p.Services, ", "))
	}
	e.Desc = strings.Join(desc, "\n")
	return e, true
}
