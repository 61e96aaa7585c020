package render

import (
	"fmt"
	"html/template"
	"io"

	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/when"
	"github.com/rokhdad/rokhdad/internal/window"
)

// Scheduled maintenance as readers see it: each window in their zone and calendar with the
// source's time beside it, its real length and what to know about midnight and clock changes; on
// its own page, in the status blocks (what is coming, as of the reference instant) and in the
// maintenance list.

// MaintenanceItem is one window in a list: the status blocks and the maintenance list. Every text
// is worded here, for the landing page's layout has no catalog of its own.
type MaintenanceItem struct {
	Title            template.HTML
	URL              string
	Status           window.Status
	StatusLabel      string
	Span             template.HTML // the window on the reader's clock (when.WindowText), Latin runs isolated on right-to-left pages
	Source           template.HTML // the window as the source gave it, or ""
	Length           string        // "Length: 2 h"
	Relative         string        // "starts in 3 d", "ends in 40 min", or ""
	StartISO, EndISO string
	Services         []TermLink
	Notes            []template.HTML
}

// TermLink is a service's name and page.
type TermLink struct{ Name, URL string }

// MaintenanceView is a maintenance article's window on its page.
type MaintenanceView struct {
	Status           window.Status
	StatusLabel      string
	AsOf             string // "Status as of 8 November 2023, 03:00 UTC"
	AsOfISO          string
	Relative         string
	Window           when.WindowText
	Span             template.HTML   // Window.Span for the page (see MaintenanceItem.Span)
	Notes            []template.HTML // Window.Notes likewise
	StartISO, EndISO string
}

// MaintenanceListView is the maintenance list's content: what is coming, and the past by month.
type MaintenanceListView struct {
	Upcoming []MaintenanceItem
	None     string // "No maintenance scheduled as of …" when Upcoming is empty
	Past     []MaintenanceMonth
	PastNone string
}

// MaintenanceMonth is the past windows that began in one month of the language's calendar.
type MaintenanceMonth struct {
	Heading string
	ID      string // YYYY-MM in the language's calendar, for the month's anchor
	Items   []MaintenanceItem
}

func (r *langRenderer) maintenanceItem(s *site.Site, p *site.Page) (MaintenanceItem, error) {
	m := p.Maintenance
	st := site.MaintenanceStatus(p.Page, s.Reference)
	wt := r.when.Window(m.Window)
	it := MaintenanceItem{Title: r.prose(p.Title), URL: p.URL, Status: st, Span: r.prose(wt.Span), Source: wt.Source,
		Relative: r.when.Relative(m.Window, st, s.Reference), StartISO: utc(m.Start), EndISO: utc(m.End), Notes: r.proseAll(wt.Notes)}
	var err error
	if it.StatusLabel, err = r.cat.T("status_" + string(st)); err != nil {
		return it, err
	}
	label, err := r.cat.T("maintenance_length")
	if err != nil {
		return it, err
	}
	it.Length = label + ": " + wt.Length
	for _, name := range p.Services {
		it.Services = append(it.Services, TermLink{Name: name, URL: r.urls.RelURL(r.conf.Code + "/services/" + site.Slug(name) + "/")})
	}
	return it, nil
}

// proseAll is prose of each of ss.
func (r *langRenderer) proseAll(ss []string) []template.HTML {
	out := make([]template.HTML, len(ss))
	for i, s := range ss {
		out[i] = r.prose(s)
	}
	return out
}

// maintenanceView is the window of a maintenance article's page, as of the reference instant.
func (r *langRenderer) maintenanceView(s *site.Site, p *site.Page) (*MaintenanceView, error) {
	m := p.Maintenance
	if m == nil {
		return nil, nil
	}
	st := site.MaintenanceStatus(p.Page, s.Reference)
	mv := &MaintenanceView{Status: st, Window: r.when.Window(m.Window), StartISO: utc(m.Start), EndISO: utc(m.End),
		AsOfISO: utc(s.Reference), Relative: r.when.Relative(m.Window, st, s.Reference)}
	mv.Span, mv.Notes = r.prose(mv.Window.Span), r.proseAll(mv.Window.Notes)
	var err error
	if mv.StatusLabel, err = r.cat.T("status_" + string(st)); err != nil {
		return nil, err
	}
	if mv.AsOf, err = r.cat.Format("maintenance_status", "date", r.when.DateTimeZone(s.Reference)); err != nil {
		return nil, err
	}
	return mv, nil
}

// upcoming words the windows of pages that are coming or under way, for a status block.
func (r *langRenderer) upcoming(s *site.Site, pages []*site.Page, sv *StatusView) error {
	var err error
	if sv.MaintHeading, err = r.cat.T("maintenance_upcoming"); err != nil {
		return err
	}
	if sv.MaintAll, err = r.cat.T("maintenance_all"); err != nil {
		return err
	}
	sv.MaintURL = r.urls.RelURL(r.conf.Code + "/maintenance/")
	for _, p := range s.Upcoming(pages) {
		it, err := r.maintenanceItem(s, p)
		if err != nil {
			return err
		}
		sv.Maintenance = append(sv.Maintenance, it)
	}
	return nil
}

// renderMaintenance writes /<lang>/maintenance/: the windows coming or under way as of the
// reference instant, then the past ones by the month (of the language's calendar, in its zone)
// they began in.
func (r *view) renderMaintenance(w io.Writer) error {
	heading, err := r.cat.T("maintenance")
	if err != nil {
		return err
	}
	d := r.listData("maintenance", r.conf.Code+"/maintenance/", true, heading, nil)
	ml := &MaintenanceListView{}
	s := r.site
	for _, p := range s.Upcoming(r.lang.Pages) {
		it, err := r.maintenanceItem(s, p)
		if err != nil {
			return err
		}
		ml.Upcoming = append(ml.Upcoming, it)
	}
	if len(ml.Upcoming) == 0 {
		if ml.None, err = r.cat.Format("maintenance_none", "date", r.when.DateTimeZone(s.Reference)); err != nil {
			return err
		}
	}
	for _, p := range s.PastMaintenance(r.lang.Pages) {
		it, err := r.maintenanceItem(s, p)
		if err != nil {
			return err
		}
		date := r.loc.CalendarDate(p.Maintenance.Start)
		id := monthID(date)
		if n := len(ml.Past); n == 0 || ml.Past[n-1].ID != id {
			ml.Past = append(ml.Past, MaintenanceMonth{ID: id, Heading: r.loc.MonthName(date.Month) + " " + r.loc.Year(date.Year)})
		}
		ml.Past[len(ml.Past)-1].Items = append(ml.Past[len(ml.Past)-1].Items, it)
	}
	if len(ml.Past) == 0 {
		if ml.PastNone, err = r.cat.T("maintenance_past_none"); err != nil {
			return err
		}
	}
	d.MaintenanceList = ml
	return exec(r.kinds[d.Kind], w, d)
}

func monthID(d locale.Date) string { return fmt.Sprintf("m-%04d-%02d", d.Year, d.Month) }
