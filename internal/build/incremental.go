package build

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
)

// What each output is made from, so that serve renders again only what an edit changed.
//
// Every output records its sig: the articles whose content it shows, in order, and a note of
// anything else about the site that it depends on (how many pages its list has, a term's name,
// where its language switcher leads). An article is identified by its loaded *content.Page: a file
// that did not change keeps the same one from build to build, an edited file gets a new one. So
// when the articles are resolved again after an edit, an output whose sig is unchanged would come
// out byte for byte the same, and is not rendered. For each kind of output:
//
//   - an article page: the article, its translations, and its older and newer neighbours (the page
//     links to them by title);
//   - a list page (home, archive month, service or tag, page N): the articles on it, and the number
//     of pages of the list; a service's first page shows the service's whole history, so all of its
//     articles, and the reference instant its figures end at; the archive, its years and the
//     service and tag indexes count articles, so they depend on all the articles they count;
//   - feeds, incidents.json, the search index: all the language's articles (the RSS and Atom feeds:
//     their newest ones); the sitemap: all the site's;
//   - the landing page: each language's latest articles (render.LandingReports of them) and its
//     ongoing incidents, as of the reference instant; the first home page and status.json: the
//     language's ongoing incidents as of it too (an edit that starts or ends one plans again:
//     Session.inPlace);
//   - a maintenance window's page, the maintenance list, maintenance.ics and maintenance.json: the
//     language's windows and the reference instant (a window's status follows the clock); the
//     status blocks list every window too, for an edit may move one into or out of those coming;
//   - 404, robots.txt, .nojekyll, CNAME and static files: nothing an article can change.
//
// Layouts, catalogs and the configuration are not part of any sig: a change to those rebuilds
// everything (Session decides), and so does a site with layouts of its own.
type sig struct {
	deps  []*content.Page
	extra string
	at    time.Time // the reference instant, for an output whose figures end at it (see job.ref)
}

func (a sig) equal(b sig) bool {
	return a.extra == b.extra && a.at.Equal(b.at) && slices.Equal(a.deps, b.deps)
}

// contents lists the articles behind pages.
func contents(pages []*site.Page) []*content.Page {
	out := make([]*content.Page, len(pages))
	for i, p := range pages {
		out[i] = p.Page
	}
	return out
}

// orNil is p's article, or nil for no page, so that a missing neighbour is part of a sig too.
func orNil(p *site.Page) *content.Page {
	if p == nil {
		return nil
	}
	return p.Page
}

// withTranslations is the sig of an output that shows pages and links their translations: each
// page followed by its translations, with nil between pages.
func withTranslations(pages []*site.Page) sig {
	var deps []*content.Page
	for _, p := range pages {
		deps = append(deps, p.Page)
		deps = append(deps, contents(p.Translations)...)
		deps = append(deps, nil)
	}
	return sig{deps: deps}
}

func singleSig(s *site.Site, p *site.Page) sig {
	deps := make([]*content.Page, 0, 3+len(p.Translations))
	deps = append(deps, p.Page, orNil(p.Prev), orNil(p.Next))
	deps = append(deps, contents(p.Translations)...)
	g := sig{deps: deps}
	if site.IsMaintenance(p.Page) {
		g.at = s.Reference // a window's page tells its status as of the reference instant
	}
	return g
}

// maintenanceSig is every maintenance window of l and the reference instant: what shows
// the windows coming and under way (the status blocks, the maintenance list, status.json) or their
// status (maintenance.ics and .json). All the windows, not only those coming: an edit that moves
// one into or out of the coming ones changes the output, and so does the reference moving past one.
func maintenanceSig(s *site.Site, l *site.Lang) sig {
	return sig{deps: contents(site.Maintenances(l.Pages)), at: s.Reference}
}

// pagerSig is the sig of page n of a list of pages in pagers of size each: its articles and the
// length of the list.
func pagerSig(pages []*site.Page, size, n int, extra string) sig {
	return sig{deps: contents(site.PagerPages(pages, size, n)), extra: extra + "\x00" + strconv.Itoa(site.PagerCount(len(pages), size))}
}

// historySig is the sig of a service's first page g, which shows the service's whole history up
// to the site's reference instant.
func historySig(t *site.Term, g sig, s *site.Site) sig {
	return sig{deps: contents(t.Pages), extra: g.extra, at: s.Reference}
}

// landingSig is what the landing page shows of the articles: each language's latest ones and
// what is down now in it.
func landingSig(s *site.Site) sig {
	var deps []*content.Page
	for _, l := range s.Langs {
		deps = append(deps, contents(l.Pages[:min(render.LandingReports, len(l.Pages))])...)
		deps = append(deps, nil)
		deps = append(deps, contents(s.Ongoing(l.Pages))...)
		deps = append(deps, nil)
		deps = append(deps, contents(site.Maintenances(l.Pages))...)
		deps = append(deps, nil)
	}
	return sig{deps: deps, at: s.Reference}
}

// ongoingSig is g with what is down now among pages (see site.Ongoing) and the reference instant
// it is told as of: the status block of a home page, status.json.
func ongoingSig(s *site.Site, pages []*site.Page, g sig) sig {
	deps := append(slices.Clone(g.deps), nil)
	deps = append(deps, contents(s.Ongoing(pages))...)
	deps = append(deps, nil) // and every maintenance window: the block lists those coming
	deps = append(deps, contents(site.Maintenances(pages))...)
	return sig{deps: deps, extra: g.extra, at: s.Reference}
}

// termKey names the terms, for the sig of an output that lists them all (status.json's services).
func termKey(terms []*site.Term) string {
	var b []byte
	for _, t := range terms {
		b = append(b, t.Name...)
		b = append(b, 0)
		b = append(b, t.URL...)
		b = append(b, 0)
	}
	return string(b)
}

// switchKey is what the language switcher of place pl leads to, for the page's sig: an edit in
// another language (a tag's first article there, a month that gets one) changes it.
func switchKey(s *site.Site, from *site.Lang, pl site.Place) string {
	var b []byte
	for _, l := range s.Langs {
		if l != from {
			b = append(b, s.SwitchURL(from, l, pl, "")...)
			b = append(b, ' ')
		}
	}
	return string(b)
}

// diff compares the plan of a new site with the previous one: the jobs whose sig changed or
// that are new, and the outputs the new site no longer has, sorted.
func diff(prev, next []job) (dirty []job, removed []string) {
	old := make(map[string]sig, len(prev))
	for _, j := range prev {
		old[j.out] = j.sig
	}
	for _, j := range next {
		if g, ok := old[j.out]; ok && g.equal(j.sig) {
			delete(old, j.out)
			continue
		}
		delete(old, j.out)
		dirty = append(dirty, j)
	}
	for out := range old {
		removed = append(removed, out)
	}
	slices.Sort(removed)
	return dirty, removed
}

// swapped is the plan of s.Swap(swaps) made from the plan of s, which has the same shape: each
// job's sig with the new articles in place of the old, and a service page's reference instant
// moved to the new site's. It returns the new plan and the jobs whose sig changed.
func swapped(prev []job, swaps map[*content.Page]*content.Page, s *site.Site) (next, dirty []job) {
	olds := slices.Collect(maps.Keys(swaps))
	named := func(d *content.Page) bool {
		if len(olds) > 8 {
			return swaps[d] != nil
		}
		return slices.Contains(olds, d) // an editor's save: one or two articles, no hashing
	}
	next = make([]job, len(prev))
	for i, j := range prev {
		hit := -1
		for k, d := range j.sig.deps {
			if d != nil && named(d) {
				hit = k
				break
			}
		}
		if hit >= 0 {
			deps := slices.Clone(j.sig.deps)
			for k := hit; k < len(deps); k++ {
				if n := swaps[deps[k]]; n != nil {
					deps[k] = n
				}
			}
			j.sig.deps = deps
		}
		if j.ref && !j.sig.at.Equal(s.Reference) {
			j.sig.at = s.Reference
			hit = 0
		}
		next[i] = j
		if hit >= 0 {
			dirty = append(dirty, j)
		}
	}
	return next, dirty
}
