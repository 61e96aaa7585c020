package render

import (
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// StatusView is what is down now, as of the site's reference instant (SOURCE_DATE_EPOCH, or the
// newest instant the content names): the ongoing incidents of a language, or a line saying there
// are none, dated with that instant. The home page and the landing page show it.
type StatusView struct {
	Heading string
	AsOf    string // the reference instant, in the reader's date and time
	ISO     string // the same, for datetime
	None    string // "No ongoing incidents as of …" when Ongoing is empty
	Ongoing []OngoingView

	// The maintenance windows coming or under way as of the reference instant (none: no block).
	MaintHeading string
	Maintenance  []MaintenanceItem
	MaintURL     string // the maintenance list
	MaintAll     string // its name, for the link
}

// OngoingView is one ongoing incident in a StatusView.
type OngoingView struct {
	Title       template.HTML
	URL         string
	Status      timeline.Status
	StatusLabel string
	Since       string // how long ago it began: "began 3 hours 12 minutes ago"
	BeganISO    string
	Latest      template.HTML // the text of its latest timeline entry, or ""
	LatestAt    string        // "last update: 8 November 2023, 17:14 UTC"
	LatestISO   string
	LatestURL   string // the entry on the article's page
}

// statusView is the StatusView of pages (a language's, or a service's) in site s.
func (r *langRenderer) statusView(s *site.Site, pages []*site.Page) (*StatusView, error) {
	ref := s.Reference
	sv := &StatusView{AsOf: r.when.DateTime(ref), ISO: utc(ref)}
	var err error
	if sv.Heading, err = r.cat.T("status_now"); err != nil {
		return nil, err
	}
	for _, p := range s.Ongoing(pages) {
		ov, err := r.ongoingView(p, ref)
		if err != nil {
			return nil, err
		}
		sv.Ongoing = append(sv.Ongoing, ov)
	}
	if len(sv.Ongoing) == 0 {
		if sv.None, err = r.cat.Format("status_none", "date", sv.AsOf); err != nil {
			return nil, err
		}
	}
	if err := r.upcoming(s, pages, sv); err != nil {
		return nil, err
	}
	return sv, nil
}

func (r *langRenderer) ongoingView(p *site.Page, ref time.Time) (OngoingView, error) {
	st := site.State(p.Page)
	began := site.Began(p.Page)
	ov := OngoingView{Title: r.prose(p.Title), URL: p.URL, Status: st, BeganISO: utc(began)}
	var err error
	if ov.StatusLabel, err = r.cat.T("status_" + string(st)); err != nil {
		return ov, err
	}
	if ov.Since, err = r.cat.Format("began_ago", "duration", r.loc.Duration(max(ref.Sub(began), 0))); err != nil {
		return ov, err
	}
	if n := len(p.Timeline); n > 0 {
		if ov.Latest, err = r.entryHTML(p, n-1); err != nil {
			return ov, err
		}
		e := &p.Timeline[n-1]
		ov.LatestISO, ov.LatestURL = utc(e.At), p.URL+"#"+updateAnchor(e)
		if ov.LatestAt, err = r.cat.Format("last_update", "time", r.when.DateTime(e.At)); err != nil {
			return ov, err
		}
	}
	return ov, nil
}

// LiveView is the line at the top of an ongoing incident's page: "Ongoing — last update at …",
// linking the update.
type LiveView struct {
	Text string
	ISO  string
	URL  string // the latest entry on the page, or ""
}

// liveView is the LiveView of p, or nil when its incident is not ongoing. It depends on the
// article alone (not on the reference instant), so the page changes only when the article does.
func (r *langRenderer) liveView(p *site.Page) (*LiveView, error) {
	if !site.IsOngoing(p.Page) {
		return nil, nil
	}
	last := site.LastUpdate(p.Page)
	lv := &LiveView{ISO: utc(last)}
	if n := len(p.Timeline); n > 0 {
		lv.URL = "#" + updateAnchor(&p.Timeline[n-1])
	}
	var err error
	lv.Text, err = r.cat.Format("live_banner", "time", r.when.DateTime(last))
	return lv, err
}
