package feed

import (
	"sort"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/site"
)

// Words is what a language's feeds need from its renderer: the texts in the language's words and
// digits.
type Words interface {
	Plain(inline string) string                    // inline Markdown as plain text, as the page shows it
	Digits(text string) string                     // text with the language's digits
	EntryHTML(p *site.Page, i int) (string, error) // timeline entry i of p as HTML
	Anchor(p *site.Page, i int) string             // the fragment that names that entry on p's page
	T(key string) (string, error)                  // a catalog string
	Window(p *site.Page) string                    // a maintenance window on the reader's clock, with its length; "" for another article
}

// Newest is the date of a language's newest article, or of the newest article of the site when the
// language has none: feeds and JSON carry it instead of the build time, so that two builds of the
// same input are byte-identical.
func Newest(s *site.Site, l *site.Lang) time.Time {
	if len(l.Pages) > 0 {
		return site.Later(l.Pages[0].Date, l.Pages[0].Updated)
	}
	var t time.Time
	for _, o := range s.Langs {
		if len(o.Pages) > 0 && o.Pages[0].Date.After(t) {
			t = o.Pages[0].Date
		}
	}
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// limit is the first n of list, or all of it when n is 0.
func limit[T any](list []T, n int) []T {
	if n > 0 && len(list) > n {
		return list[:n]
	}
	return list
}

func langChannel(s *site.Site, l *site.Lang, file, title, desc string) *Channel {
	return &Channel{
		Title: title, Description: desc, Lang: l.Code,
		Link: s.AbsURL(l.Code + "/"), Self: s.AbsURL(l.Code + "/" + file),
		Generator: "rokhdad",
	}
}

// Articles is the channel of a language's newest articles (FeedLimit of them), for RSS or Atom at
// file (rss.xml, atom.xml).
func Articles(s *site.Site, l *site.Lang, file string, w Words) *Channel {
	tagline, _ := w.T("site_tagline")
	c := langChannel(s, l, file, l.Title, tagline)
	c.Updated = Newest(s, l)
	pages := s.FeedPages(l)
	c.Items = make([]Item, 0, len(pages))
	maint, _ := w.T("maintenance")
	for _, p := range pages {
		cats := append(append([]string{}, p.Services...), p.Tags...)
		summary := w.Plain(p.Summary)
		if span := w.Window(p); span != "" {
			// A maintenance announcement says when, first: a reader decides from the feed alone.
			cats = append([]string{maint}, cats...)
			summary = strings.TrimSpace(span + "\n" + summary)
		}
		c.Items = append(c.Items, Item{
			ID: p.Permalink, Title: w.Plain(p.Title), Link: p.Permalink, Summary: summary,
			Published: p.Date, Updated: site.Modified(p), Categories: cats,
		})
	}
	return c
}

// feedUpdate is one timeline entry of one article.
type feedUpdate struct {
	page  *site.Page
	index int
	title string // the article's title as plain text, made once per article
}

// Updates is the channel of a language's newest timeline entries (FeedLimit of them), for the Atom
// feed updates.xml: each entry links to its place on its article's page.
func Updates(s *site.Site, l *site.Lang, w Words) (*Channel, error) {
	title, err := w.T("updates_feed")
	if err != nil {
		return nil, err
	}
	c := langChannel(s, l, "updates.xml", l.Title+": "+title, title)
	n := 0
	for _, p := range l.Pages {
		n += len(p.Timeline)
	}
	ups := make([]feedUpdate, 0, n)
	for _, p := range l.Pages {
		title := w.Plain(p.Title)
		for i := range p.Timeline {
			ups = append(ups, feedUpdate{p, i, title})
		}
	}
	// Newest first; ties (two updates at one instant) keep article and entry order.
	sort.SliceStable(ups, func(i, j int) bool {
		return ups[i].page.Timeline[ups[i].index].At.After(ups[j].page.Timeline[ups[j].index].At)
	})
	ups = limit(ups, s.Config.FeedLimit)
	for _, u := range ups {
		e := u.page.Timeline[u.index]
		label := ""
		if e.Status != "" {
			if label, err = w.T("status_" + string(e.Status)); err != nil {
				return nil, err
			}
			label += ": "
		}
		anchor := u.page.Permalink + "#" + w.Anchor(u.page, u.index)
		text, err := w.EntryHTML(u.page, u.index)
		if err != nil {
			return nil, err
		}
		c.Items = append(c.Items, Item{
			ID: anchor, Link: anchor, Title: label + u.title,
			Summary: w.Plain(e.Text), Content: text, Published: e.At, Updated: site.Later(e.At, e.Updated),
		})
	}
	// The feed changed when its latest entry was written or corrected.
	for i := range c.Items {
		c.Updated = site.Later(c.Updated, c.Items[i].Updated)
	}
	if len(ups) == 0 {
		c.Updated = Newest(s, l)
	}
	return c, nil
}

// Incidents lists a language's articles for incidents.json: every article but the maintenance
// windows, which maintenance.json lists.
func Incidents(l *site.Lang, w Words) []Incident {
	list := make([]Incident, 0, len(l.Pages))
	for _, p := range l.Pages {
		if !site.IsIncident(p.Page) {
			continue
		}
		in := Incident{
			ID: p.Key, Title: w.Digits(p.Title), URL: p.Permalink, Status: string(p.Timeline.Status()),
			Severity: string(p.Severity), Services: p.Services, Tags: p.Tags, Published: p.Date,
		}
		if p.Status != "" {
			in.Status = string(p.Status)
		}
		in.Start, _ = p.Timeline.Start()
		in.Resolved, _ = p.Timeline.Resolved()
		in.Duration, in.HasDuration = p.Timeline.Duration()
		for _, t := range p.Translations {
			in.Translations = append(in.Translations, Translation{Lang: t.Lang.Code, URL: t.Permalink})
		}
		list = append(list, in)
	}
	return list
}

// SiteURLs lists the sitemap's pages: the landing page, each language's home, archive, services,
// tags, search and maintenance pages with their counterparts, every article with its translations, every year
// and month of each language's archive, and every service and tag page. A page that exists in
// several languages names each and an x-default: the landing page for the homes, else the default
// language's version.
func SiteURLs(s *site.Site) []URL {
	var urls []URL
	def := s.Config.DefaultLanguage
	for _, sub := range []string{"", "archive/", "services/", "tags/", "search/", "maintenance/"} {
		var alts []Alternate
		xdef := s.AbsURL(def + "/" + sub)
		if sub == "" {
			xdef = s.AbsURL("")
		}
		for _, l := range s.Langs {
			alts = append(alts, Alternate{Lang: l.Code, Href: s.AbsURL(l.Code + "/" + sub)})
		}
		alts = append(alts, Alternate{Lang: "x-default", Href: xdef})
		if sub == "" {
			urls = append(urls, URL{Loc: xdef, LastMod: Newest(s, s.Lang(def)), Alternates: alts})
		}
		for _, l := range s.Langs {
			u := URL{Loc: s.AbsURL(l.Code + "/" + sub), Alternates: alts}
			if sub == "" {
				u.LastMod = Newest(s, l)
			}
			urls = append(urls, u)
		}
	}
	for _, l := range s.Langs {
		for _, p := range l.Pages {
			u := URL{Loc: p.Permalink, LastMod: site.Modified(p)}
			if len(p.Translations) > 0 {
				all := append([]*site.Page{p}, p.Translations...)
				sort.SliceStable(all, func(i, j int) bool { return site.LangIndex(s, all[i]) < site.LangIndex(s, all[j]) })
				xdef := all[0].Permalink
				for _, q := range all {
					u.Alternates = append(u.Alternates, Alternate{Lang: q.Lang.Code, Href: q.Permalink})
					if q.Lang.Code == def {
						xdef = q.Permalink
					}
				}
				u.Alternates = append(u.Alternates, Alternate{Lang: "x-default", Href: xdef})
			}
			urls = append(urls, u)
		}
		// The archive is in the language's calendar: its years and months have no counterparts.
		for _, y := range l.Years {
			yi := len(urls)
			urls = append(urls, URL{Loc: s.AbsURL(site.YearPath(l.Code, y.Year))})
			for _, m := range y.Months {
				mu := URL{Loc: s.AbsURL(site.MonthPath(l.Code, y.Year, m.Month))}
				for _, p := range m.Pages {
					mu.LastMod = site.Later(mu.LastMod, site.Modified(p))
				}
				urls[yi].LastMod = site.Later(urls[yi].LastMod, mu.LastMod)
				urls = append(urls, mu)
			}
		}
		for _, k := range []struct {
			kind  string
			terms []*site.Term
		}{{"services", l.Services}, {"tags", l.Tags}} {
			for _, t := range k.terms {
				urls = append(urls, URL{Loc: s.AbsURL(l.Code + "/" + k.kind + "/" + t.Slug + "/")})
			}
		}
	}
	return urls
}
