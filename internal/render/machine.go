package render

import (
	"io"
	"time"

	"github.com/rokhdad/rokhdad/internal/feed"
	"github.com/rokhdad/rokhdad/internal/ical"
	"github.com/rokhdad/rokhdad/internal/search"
	"github.com/rokhdad/rokhdad/internal/site"
)

// The files for programs rather than readers: per language the RSS and Atom feeds of articles, the
// Atom feed of timeline updates, incidents.json and the search index; for the site the sitemap and
// robots.txt. The feeds' channels are assembled in package feed; this file gives them the
// language's words.

func (r *view) rss(w io.Writer) error {
	return feed.RSS(w, feed.Articles(r.site, r.lang, "rss.xml", words{r.langRenderer}))
}
func (r *view) atom(w io.Writer) error {
	return feed.Atom(w, feed.Articles(r.site, r.lang, "atom.xml", words{r.langRenderer}))
}

func (r *view) updatesFeed(w io.Writer) error {
	c, err := feed.Updates(r.site, r.lang, words{r.langRenderer})
	if err != nil {
		return err
	}
	return feed.Atom(w, c)
}

func (r *view) incidentsJSON(w io.Writer) error {
	return feed.IncidentsJSON(w, r.conf.Code, feed.Newest(r.site, r.lang), feed.Incidents(r.lang, words{r.langRenderer}))
}

// statusJSON writes /<lang>/status.json (see feed.CurrentStatus).
func (r *view) statusJSON(w io.Writer) error {
	st, err := feed.CurrentStatus(r.site, r.lang, words{r.langRenderer})
	if err != nil {
		return err
	}
	return feed.StatusJSON(w, st)
}

// incidentsICS writes /<lang>/incidents.ics (see feed.IncidentCalendar).
func (r *view) incidentsICS(w io.Writer) error {
	c, err := feed.IncidentCalendar(r.site, r.lang, words{r.langRenderer})
	if err != nil {
		return err
	}
	return ical.Write(w, c)
}

// eventICS writes an article's own event.ics, beside its page: one event, to add to a calendar.
func (r *view) eventICS(w io.Writer, p *site.Page) error {
	c := &ical.Calendar{Name: r.plain(p.Title), Lang: r.conf.Code}
	if e, ok := feed.IncidentEvent(r.site, p, words{r.langRenderer}); ok {
		c.Events = append(c.Events, e)
	}
	if e, ok := feed.MaintenanceEvent(r.site, p, words{r.langRenderer}); ok {
		c.Events = append(c.Events, e)
	}
	return ical.Write(w, c)
}

// maintenanceICS writes /<lang>/maintenance.ics (see feed.MaintenanceCalendar).
func (r *view) maintenanceICS(w io.Writer) error {
	c, err := feed.MaintenanceCalendar(r.site, r.lang, words{r.langRenderer})
	if err != nil {
		return err
	}
	return ical.Write(w, c)
}

// maintenanceJSON writes /<lang>/maintenance.json (see feed.MaintenanceJSON).
func (r *view) maintenanceJSON(w io.Writer) error {
	return feed.MaintenanceJSON(w, r.site, r.lang, words{r.langRenderer})
}

func (r *Renderer) sitemap(w io.Writer, s *site.Site) error { return feed.Sitemap(w, feed.SiteURLs(s)) }

func robots(s *site.Site) []byte { return feed.Robots(s.AbsURL("sitemap.xml")) }

// words gives the feeds and the search index a language's texts (feed.Words, search.Words).
type words struct{ *langRenderer }

func (w words) Date(t time.Time) string          { return w.loc.Date(t) }
func (w words) SecondaryDate(t time.Time) string { return w.secondaryDate(t) }

func (w words) Plain(s string) string { return w.plain(s) }
func (w words) Window(p *site.Page) string {
	if p.Maintenance == nil {
		return ""
	}
	wt := w.when.Window(p.Maintenance.Window)
	label, _ := w.cat.T("maintenance_length")
	text := wt.Span + " · " + label + ": " + wt.Length
	if site.IsCancelled(p.Page) {
		// Called off: the feed says so before anything else (a feed has no reference instant of
		// its own, so only a cancellation the article states is told).
		st, _ := w.cat.T("status_cancelled")
		text = st + " · " + text
	}
	return w.plain(text)
}
func (w words) Digits(s string) string            { return w.digits(s) }
func (w words) T(key string) (string, error)      { return w.cat.T(key) }
func (w words) Anchor(p *site.Page, i int) string { return updateAnchor(&p.Timeline[i]) }
func (w words) EntryHTML(p *site.Page, i int) (string, error) {
	h, err := w.entryHTML(p, i)
	return string(h), err
}

// searchIndex writes /<lang>/search.json (see search.Docs).
func (r *view) searchIndex(w io.Writer) error {
	return search.Write(w, search.Docs(r.lang, words{r.langRenderer}))
}
