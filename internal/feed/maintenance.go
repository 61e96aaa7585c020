package feed

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/ical"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/window"
)

// MaintenanceCalendar is a language's maintenance windows as a calendar, /<lang>/maintenance.ics:
// one event per window, in the order of the language's articles (newest first).
func MaintenanceCalendar(s *site.Site, l *site.Lang, w Words) (*ical.Calendar, error) {
	name, err := w.T("calendar_maintenance")
	if err != nil {
		return nil, err
	}
	c := &ical.Calendar{Name: l.Title + ": " + name, Lang: l.Code}
	for _, p := range l.Pages {
		if e, ok := MaintenanceEvent(s, p, w); ok {
			c.Events = append(c.Events, e)
		}
	}
	return c, nil
}

// MaintenanceEvent is a maintenance article's window as a calendar event, for maintenance.ics
// and the article's own event.ics; false for an article that is no window.
//
// Its UID is the article's language and key at the site's host, as an incident's. STATUS is
// CANCELLED for a window called off, else CONFIRMED. SEQUENCE is the whole minutes from the
// article's date to its last dated change (site.Modified: lastmod, an update, a correction), and
// one more once the window is cancelled, so each dated edit — and moving a window is one the
// editing guide tells editors to date — raises it; DTSTAMP is that last change.
func MaintenanceEvent(s *site.Site, p *site.Page, w Words) (ical.Event, bool) {
	m := p.Maintenance
	if m == nil {
		return ical.Event{}, false
	}
	mod := site.Modified(p)
	e := ical.Event{
		UID:      p.Lang.Code + "/" + p.Key + "@" + s.Base.Host,
		Sequence: Sequence(p),
		Start:    m.Start,
		End:      m.End,
		Summary:  w.Plain(p.Title),
		URL:      p.Permalink,
		Status:   ical.Confirmed,
		Stamp:    mod,
		Modified: mod,
	}
	st := site.MaintenanceStatus(p.Page, s.Reference)
	if st == window.Cancelled {
		e.Status = ical.Cancelled
	}
	var desc []string
	if p.Summary != "" {
		desc = append(desc, w.Plain(p.Summary))
	}
	if st == window.Cancelled {
		if label, err := w.T("status_cancelled"); err == nil {
			desc = append(desc, label)
		}
	}
	if len(p.Services) > 0 {
		desc = append(desc, strings.Join(p.Services, ", "))
	}
	e.Desc = strings.Join(desc, "\n")
	return e, true
}

// Sequence is a maintenance event's SEQUENCE (see MaintenanceEvent): the whole minutes from the
// article's date to its last dated change, one more for a cancelled window (calling it off is a
// revision calendars must take, dated or not).
func Sequence(p *site.Page) int {
	n := 0
	if d := site.Modified(p).Sub(p.Date); d > 0 {
		n = int(d / time.Minute)
	}
	if p.Maintenance != nil && site.IsCancelled(p.Page) {
		n++
	}
	return n
}

// MaintenanceVersion is the version of the maintenance.json schema (docs/incidents-json.md).
const MaintenanceVersion = 1

type jsonMaintenanceDoc struct {
	Version     int               `json:"version"`
	Language    string            `json:"language"`
	AsOf        *string           `json:"as_of"`
	Maintenance []jsonMaintenance `json:"maintenance"`
}

type jsonMaintenance struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	URL             string            `json:"url"`
	Status          string            `json:"status"`
	StatusWritten   bool              `json:"status_written"`
	Starts          *string           `json:"starts"`
	Ends            *string           `json:"ends"`
	DurationSeconds int64             `json:"duration_seconds"`
	Timezone        string            `json:"timezone"`
	Services        []string          `json:"services"`
	Published       *string           `json:"published"`
	Updated         *string           `json:"updated"`
	Sequence        int               `json:"sequence"`
	Translations    []jsonTranslation `json:"translations"`
}

// MaintenanceJSON writes /<lang>/maintenance.json (docs/incidents-json.md): every maintenance
// window of the language, the soonest-starting last (newest start first), with its status as of
// the site's reference instant.
func MaintenanceJSON(w io.Writer, s *site.Site, l *site.Lang, words Words) error {
	ck := &checker{format: "maintenance.json"}
	ck.lang("language", l.Code)
	ck.time("as_of", s.Reference)
	doc := jsonMaintenanceDoc{Version: MaintenanceVersion, Language: l.Code, AsOf: jsonTime(s.Reference), Maintenance: []jsonMaintenance{}}
	list := site.Maintenances(l.Pages)
	sortByStart(list)
	for i, p := range list {
		m := p.Maintenance
		ck.at("window", i, p.Key)
		ck.absURL("url", p.Permalink)
		ck.time("starts", m.Start)
		ck.time("ends", m.End)
		j := jsonMaintenance{ID: clean(p.Key), Title: clean(words.Digits(p.Title)), URL: clean(p.Permalink),
			Status: string(site.MaintenanceStatus(p.Page, s.Reference)), StatusWritten: m.Status != "",
			Starts: jsonTime(m.Start), Ends: jsonTime(m.End), DurationSeconds: int64(m.Duration() / time.Second),
			Timezone: p.ZoneName, Services: cleanAll(p.Services), Published: jsonTime(p.Date), Updated: jsonTime(site.Modified(p)),
			Sequence: Sequence(p), Translations: []jsonTranslation{}}
		for _, t := range p.Translations {
			j.Translations = append(j.Translations, jsonTranslation{Lang: t.Lang.Code, URL: clean(t.Permalink)})
		}
		doc.Maintenance = append(doc.Maintenance, j)
	}
	if ck.err != nil {
		return ck.err
	}
	return writeIndented(w, doc)
}

// sortByStart orders windows by their start, the latest first (then by key).
func sortByStart(list []*site.Page) {
	slices.SortStableFunc(list, func(a, b *site.Page) int {
		if c := b.Maintenance.Start.Compare(a.Maintenance.Start); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
}
