package build

import (
	"path"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// job is one output file of a site: what to render, or which static file to copy, and what it is
// made from (see sig). A job names its subject by indexes into the site (render.Target), so a plan
// stays valid for a site of the same shape (site.Site.Swap).
type job struct {
	out    string
	target render.Target
	static *source.File // a static file to copy, instead of a target
	sig    sig
	ref    bool // shows figures that end at the site's reference instant (a service's first page)
}

// late reports whether j is one of the files over a whole language or site (the feeds, indexes and
// sitemap), which serve writes after the pages.
func (j *job) late() bool { return j.static == nil && j.target.Kind.Large() }

// plan lists every output of s, in the order they are rendered: the long single jobs (feeds,
// search indexes) first, so that they overlap with the many short page jobs instead of running
// alone at the end; then each language's article and list pages, the landing and 404 pages; then
// the static files, the site's over the theme's. It returns how many of the jobs are pages.
func plan(s *site.Site, static []source.File) (jobs []job, pages int) {
	size := s.Config.Paginate
	add := func(out string, t render.Target, g sig) { jobs = append(jobs, job{out: out, target: t, sig: g}) }

	var all []*content.Page
	for i, l := range s.Langs {
		code := l.Code + "/"
		every := sig{deps: contents(l.Pages)}
		all = append(all, every.deps...)
		newest := sig{deps: contents(s.FeedPages(l))}
		add(code+"rss.xml", render.Target{Kind: render.RSS, Lang: i}, newest)
		add(code+"atom.xml", render.Target{Kind: render.Atom, Lang: i}, newest)
		add(code+"updates.xml", render.Target{Kind: render.Updates, Lang: i}, every)
		add(code+"incidents.json", render.Target{Kind: render.Incidents, Lang: i}, withTranslations(l.Pages)) // it links them
		add(code+"search.json", render.Target{Kind: render.SearchIndex, Lang: i}, every)
		add(code+"status.json", render.Target{Kind: render.StatusJSON, Lang: i}, ongoingSig(s, l.Pages, sig{extra: termKey(l.Services)}))
		jobs[len(jobs)-1].ref = true
		add(code+"incidents.ics", render.Target{Kind: render.IncidentsICS, Lang: i}, sig{deps: every.deps, at: s.Reference})
		jobs[len(jobs)-1].ref = true // an ongoing incident's event ends at the reference instant
		add(code+"maintenance.ics", render.Target{Kind: render.MaintenanceICS, Lang: i}, maintenanceSig(s, l))
		jobs[len(jobs)-1].ref = true
		links := withTranslations(site.Maintenances(l.Pages)) // it links the translations
		add(code+"maintenance.json", render.Target{Kind: render.MaintenanceJSON, Lang: i}, sig{deps: links.deps, at: s.Reference})
		jobs[len(jobs)-1].ref = true
	}
	add("sitemap.xml", render.Target{Kind: render.Sitemap}, sig{deps: all})
	add("robots.txt", render.Target{Kind: render.Robots}, sig{})
	add(".nojekyll", render.Target{Kind: render.NoJekyll}, sig{})
	if s.Config.CNAME != "" {
		add("CNAME", render.Target{Kind: render.CNAME}, sig{})
	}
	machine := len(jobs)

	for i, l := range s.Langs {
		code := l.Code + "/"
		for k, p := range l.Pages {
			add(p.OutPath, render.Target{Kind: render.Single, Lang: i, Index: k}, singleSig(s, p))
			jobs[len(jobs)-1].ref = site.IsMaintenance(p.Page) // its status is told as of the reference
			if len(p.Timeline) > 0 || site.IsMaintenance(p.Page) {
				ongoing := site.IsOngoing(p.Page)
				g := sig{deps: []*content.Page{p.Page}}
				if ongoing {
					g.at = s.Reference // its event ends at the reference instant
				}
				add(path.Join(path.Dir(p.OutPath), "event.ics"), render.Target{Kind: render.EventICS, Lang: i, Index: k}, g)
				jobs[len(jobs)-1].ref = ongoing
			}
		}
		every := sig{deps: contents(l.Pages)}
		for n := 1; n <= site.PagerCount(len(l.Pages), size); n++ {
			g := pagerSig(l.Pages, size, n, switchKey(s, l, site.Place{Kind: site.KindHome, Page: n}))
			if n == 1 {
				g = ongoingSig(s, l.Pages, g) // the first page shows what is down now
			}
			add(site.PagerPath(code, n), render.Target{Kind: render.Home, Lang: i, Page: n}, g)
			jobs[len(jobs)-1].ref = n == 1
		}
		add(code+"archive/index.html", render.Target{Kind: render.Archive, Lang: i}, every)
		for y, yr := range l.Years {
			var deps []*content.Page
			for _, m := range yr.Months {
				deps = append(deps, contents(m.Pages)...)
			}
			add(site.YearPath(l.Code, yr.Year)+"index.html", render.Target{Kind: render.Year, Lang: i, Index: y},
				sig{deps: deps, extra: switchKey(s, l, site.Place{Kind: site.KindYear, Year: yr.Year})})
			for m, mo := range yr.Months {
				add(site.MonthPath(l.Code, mo.Year, mo.Month)+"index.html", render.Target{Kind: render.Month, Lang: i, Index: y, Month: m},
					sig{deps: contents(mo.Pages), extra: switchKey(s, l, site.Place{Kind: site.KindMonth, Year: mo.Year, Month: mo.Month})})
			}
		}
		for _, tags := range []bool{false, true} {
			kind, terms := "services/", l.Services
			if tags {
				kind, terms = "tags/", l.Tags
			}
			add(code+kind+"index.html", render.Target{Kind: render.Terms, Lang: i, Tags: tags}, every)
			for k, t := range terms {
				tpath := code + kind + t.Slug + "/"
				for n := 1; n <= site.PagerCount(len(t.Pages), size); n++ {
					pl := site.Place{Kind: site.KindTerm, Term: t, Tags: tags, Page: n}
					g := pagerSig(t.Pages, size, n, t.Name+"\x00"+switchKey(s, l, pl))
					first := !tags && n == 1
					if first {
						g = historySig(t, g, s)
					}
					add(site.PagerPath(tpath, n), render.Target{Kind: render.Term, Lang: i, Index: k, Page: n, Tags: tags}, g)
					jobs[len(jobs)-1].ref = first
				}
			}
		}
		add(code+"search/index.html", render.Target{Kind: render.Search, Lang: i}, sig{})
		add(code+"maintenance/index.html", render.Target{Kind: render.MaintenanceList, Lang: i}, maintenanceSig(s, l))
		jobs[len(jobs)-1].ref = true
	}
	add("index.html", render.Target{Kind: render.Landing}, landingSig(s))
	jobs[len(jobs)-1].ref = true
	add("404.html", render.Target{Kind: render.NotFound}, sig{})
	pages = len(jobs) - machine
	for i := range static {
		jobs = append(jobs, job{out: source.Rel("static", static[i].Path), static: &static[i]})
	}
	return jobs, pages
}

// pageOf is the article whose page (or event.ics, beside it) j renders, or nil.
func (j *job) pageOf(s *site.Site) *site.Page {
	if j.static != nil || j.target.Kind != render.Single && j.target.Kind != render.EventICS {
		return nil
	}
	return s.Langs[j.target.Lang].Pages[j.target.Index]
}
