package render

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/feed"
	"github.com/rokhdad/rokhdad/internal/search"
	"github.com/rokhdad/rokhdad/internal/site"
)

// machineJobs are the files for programs rather than readers: per language the RSS and Atom feeds
// of articles, the Atom feed of timeline updates and incidents.json; for the site the sitemap,
// robots.txt, .nojekyll and, when configured, CNAME.
func (r *Renderer) machineJobs() []job {
	var jobs []job
	var all []*content.Page
	for _, l := range r.site.Langs {
		lr := r.langs[l.Code]
		code := l.Code + "/"
		pages := sig{deps: contents(l.Pages)}
		all = append(all, pages.deps...)
		jobs = append(jobs,
			job{out: code + "rss.xml", stream: func(w io.Writer) error { return feed.RSS(w, lr.articleChannel("rss.xml")) }},
			job{out: code + "atom.xml", stream: func(w io.Writer) error { return feed.Atom(w, lr.articleChannel("atom.xml")) }},
			job{out: code + "updates.xml", stream: lr.updatesFeed},
			job{out: code + "incidents.json", stream: lr.incidentsJSON},
			job{out: code + "search.json", stream: lr.searchIndex},
		)
		for i := len(jobs) - 5; i < len(jobs); i++ {
			jobs[i].sig, jobs[i].late = pages, true
		}
		newest := sig{deps: contents(limit(l.Pages, r.site.Config.FeedLimit))}
		jobs[len(jobs)-5].sig, jobs[len(jobs)-4].sig = newest, newest // rss.xml, atom.xml
		jobs[len(jobs)-2].sig = withTranslations(l.Pages)             // incidents.json links them
	}
	jobs = append(jobs,
		job{out: "sitemap.xml", stream: r.sitemap, sig: sig{deps: all}, late: true},
		job{out: "robots.txt", run: func(w *bytes.Buffer) error {
			_, err := w.Write(feed.Robots(r.site.AbsURL("sitemap.xml")))
			return err
		}},
		job{out: ".nojekyll", run: func(*bytes.Buffer) error { return nil }},
	)
	if c := r.site.Config.CNAME; c != "" {
		jobs = append(jobs, job{out: "CNAME", run: func(w *bytes.Buffer) error {
			_, err := w.WriteString(c + "\n")
			return err
		}})
	}
	return jobs
}

// newest is the date of a language's newest article, or of the newest article of the site when
// the language has none: feeds and JSON carry it instead of the build time, so that two builds of
// the same input are byte-identical.
func (r *langRenderer) newest() time.Time {
	if len(r.lang.Pages) > 0 {
		return updated(r.lang.Pages[0].Page.Date, r.lang.Pages[0].Page.Updated)
	}
	var t time.Time
	for _, l := range r.site.Langs {
		if len(l.Pages) > 0 && l.Pages[0].Date.After(t) {
			t = l.Pages[0].Date
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

func updated(date, lastmod time.Time) time.Time {
	if lastmod.After(date) {
		return lastmod
	}
	return date
}

func (r *langRenderer) channel(file, title, desc string) *feed.Channel {
	return &feed.Channel{
		Title: title, Description: desc, Lang: r.lang.Code,
		Link: r.site.AbsURL(r.lang.Code + "/"), Self: r.site.AbsURL(r.lang.Code + "/" + file),
		Generator: "rokhdad",
	}
}

func (r *langRenderer) articleChannel(file string) *feed.Channel {
	tagline, _ := r.cat.T("site_tagline")
	c := r.channel(file, r.lang.Title, tagline)
	c.Updated = r.newest()
	pages := limit(r.lang.Pages, r.site.Config.FeedLimit)
	c.Items = make([]feed.Item, 0, len(pages))
	for _, p := range pages {
		cats := append(append([]string{}, p.Services...), p.Tags...)
		c.Items = append(c.Items, feed.Item{
			ID: p.Permalink, Title: r.plain(p.Title), Link: p.Permalink, Summary: r.plain(p.Summary),
			Published: p.Date, Updated: modified(p), Categories: cats,
		})
	}
	return c
}

// update is one timeline entry of one article.
type update struct {
	page  *site.Page
	index int
	title string // the article's title as plain text, made once per article
}

func (r *langRenderer) updatesFeed(w io.Writer) error {
	title, err := r.cat.T("updates_feed")
	if err != nil {
		return err
	}
	c := r.channel("updates.xml", r.lang.Title+": "+title, title)
	n := 0
	for _, p := range r.lang.Pages {
		n += len(p.Timeline)
	}
	ups := make([]update, 0, n)
	for _, p := range r.lang.Pages {
		title := r.plain(p.Title)
		for i := range p.Timeline {
			ups = append(ups, update{p, i, title})
		}
	}
	// Newest first; ties (two updates at one instant) keep article and entry order.
	sort.SliceStable(ups, func(i, j int) bool {
		return ups[i].page.Timeline[ups[i].index].At.After(ups[j].page.Timeline[ups[j].index].At)
	})
	ups = limit(ups, r.site.Config.FeedLimit)
	for _, u := range ups {
		e := u.page.Timeline[u.index]
		label := ""
		if e.Status != "" {
			if label, err = r.cat.T("status_" + string(e.Status)); err != nil {
				return err
			}
			label += ": "
		}
		anchor := u.page.Permalink + "#" + updateAnchor(&u.page.Timeline[u.index])
		text, err := r.entryHTML(u.page, u.index)
		if err != nil {
			return err
		}
		c.Items = append(c.Items, feed.Item{
			ID: anchor, Link: anchor, Title: label + u.title,
			Summary: r.plain(e.Text), Content: string(text), Published: e.At, Updated: updated(e.At, e.Updated),
		})
	}
	// The feed changed when its latest entry was written or corrected.
	for i := range c.Items {
		c.Updated = updated(c.Updated, c.Items[i].Updated)
	}
	if len(ups) == 0 {
		c.Updated = r.newest()
	}
	return feed.Atom(w, c)
}

func (r *langRenderer) incidentsJSON(w io.Writer) error {
	list := make([]feed.Incident, 0, len(r.lang.Pages))
	for _, p := range r.lang.Pages {
		in := feed.Incident{
			ID: p.Key, Title: r.digits(p.Title), URL: p.Permalink, Status: string(p.Timeline.Status()),
			Severity: string(p.Severity), Services: p.Services, Tags: p.Tags, Published: p.Date,
		}
		if p.Status != "" {
			in.Status = string(p.Status)
		}
		in.Start, _ = p.Timeline.Start()
		in.Resolved, _ = p.Timeline.Resolved()
		in.Duration, in.HasDuration = p.Timeline.Duration()
		for _, t := range p.Translations {
			in.Translations = append(in.Translations, feed.Translation{Lang: t.Lang.Code, URL: t.Permalink})
		}
		list = append(list, in)
	}
	return feed.IncidentsJSON(w, r.lang.Code, r.newest(), list)
}

// sitemap lists the landing page, each language's home, archive, services, tags and search pages
// with their counterparts, every article with its translations, every year and month of each
// language's archive, and every service and tag page. A page that exists in several languages
// names each and an x-default (see Data.XDefault): the landing page for the homes, else the
// default language's version.
func (r *Renderer) sitemap(w io.Writer) error {
	var urls []feed.URL
	def := r.site.Config.DefaultLanguage
	for _, sub := range []string{"", "archive/", "services/", "tags/", "search/"} {
		var alts []feed.Alternate
		xdef := r.site.AbsURL(def + "/" + sub)
		if sub == "" {
			xdef = r.site.AbsURL("")
		}
		for _, l := range r.site.Langs {
			alts = append(alts, feed.Alternate{Lang: l.Code, Href: r.site.AbsURL(l.Code + "/" + sub)})
		}
		alts = append(alts, feed.Alternate{Lang: "x-default", Href: xdef})
		if sub == "" {
			urls = append(urls, feed.URL{Loc: xdef, LastMod: r.langs[def].newest(), Alternates: alts})
		}
		for _, l := range r.site.Langs {
			u := feed.URL{Loc: r.site.AbsURL(l.Code + "/" + sub), Alternates: alts}
			if sub == "" {
				u.LastMod = r.langs[l.Code].newest()
			}
			urls = append(urls, u)
		}
	}
	for _, l := range r.site.Langs {
		for _, p := range l.Pages {
			u := feed.URL{Loc: p.Permalink, LastMod: modified(p)}
			if len(p.Translations) > 0 {
				all := append([]*site.Page{p}, p.Translations...)
				sort.SliceStable(all, func(i, j int) bool { return langIndex(r.site, all[i]) < langIndex(r.site, all[j]) })
				xdef := all[0].Permalink
				for _, q := range all {
					u.Alternates = append(u.Alternates, feed.Alternate{Lang: q.Lang.Code, Href: q.Permalink})
					if q.Lang.Code == def {
						xdef = q.Permalink
					}
				}
				u.Alternates = append(u.Alternates, feed.Alternate{Lang: "x-default", Href: xdef})
			}
			urls = append(urls, u)
		}
		// The archive is in the language's calendar: its years and months have no counterparts.
		for _, y := range l.Years {
			yi := len(urls)
			urls = append(urls, feed.URL{Loc: r.site.AbsURL(fmt.Sprintf("%s/archive/%d/", l.Code, y.Year))})
			for _, m := range y.Months {
				mu := feed.URL{Loc: r.site.AbsURL(fmt.Sprintf("%s/archive/%d/%02d/", l.Code, y.Year, m.Month))}
				for _, p := range m.Pages {
					mu.LastMod = updated(mu.LastMod, modified(p))
				}
				urls[yi].LastMod = updated(urls[yi].LastMod, mu.LastMod)
				urls = append(urls, mu)
			}
		}
		for _, k := range []struct {
			kind  string
			terms []*site.Term
		}{{"services", l.Services}, {"tags", l.Tags}} {
			kind := k.kind
			for _, t := range k.terms {
				urls = append(urls, feed.URL{Loc: r.site.AbsURL(l.Code + "/" + kind + "/" + t.Slug + "/")})
			}
		}
	}
	return feed.Sitemap(w, urls)
}

func langIndex(s *site.Site, p *site.Page) int {
	for i, l := range s.Langs {
		if l == p.Lang {
			return i
		}
	}
	return len(s.Langs)
}

// searchIndex writes /<lang>/search.json: every article's title, date (and its Gregorian date, when
// the language's calendar is another), summary, services, tags, timeline texts and body text (the index caps how many distinct terms one article contributes).
func (r *langRenderer) searchIndex(w io.Writer) error {
	docs := make([]search.Doc, 0, len(r.lang.Pages))
	for _, p := range r.lang.Pages {
		terms := make([]string, 0, len(p.Services)+len(p.Tags)+len(p.Timeline)+3)
		// The Gregorian dates a page in another calendar shows beside its own (secondaryDate):
		// the article's and its timeline's first and last days.
		if g := r.secondaryDate(p.Date); g != "" {
			terms = append(terms, g)
			if n := len(p.Timeline); n > 0 {
				terms = append(terms, r.secondaryDate(p.Timeline[0].At), r.secondaryDate(p.Timeline[n-1].At))
			}
		}
		terms = append(terms, p.Services...)
		terms = append(terms, p.Tags...)
		for _, e := range p.Timeline {
			terms = append(terms, withoutDestinations(e.Text))
		}
		terms = append(terms, withoutDestinations(frozen(p.Body)))
		docs = append(docs, search.Doc{URL: p.URL, Title: r.digits(p.Title), Date: r.loc.Date(p.Date),
			Summary: r.digits(p.Summary), Terms: terms})
	}
	return search.Write(w, docs)
}

// withoutDestinations drops the destinations of Markdown links and images ("](…)") and autolinks
// ("<https://…>") from text for the search index: readers search what they read, not URLs or the
// at: values of inline times. The rest of the Markdown syntax is punctuation, which the index
// ignores anyway.
func withoutDestinations(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "<http") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ']' && i+1 < len(s) && s[i+1] == '(':
			depth := 0
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '(' {
					depth++
				} else if s[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				} else if s[j] == '\n' {
					j-- // keep the line break
					break
				}
			}
			b.WriteByte(' ')
			i = j
		case s[i] == '<' && strings.HasPrefix(s[i:], "<http"):
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			i += j
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
