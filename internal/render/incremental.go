package render

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/site"
)

// Incremental rebuilds.
//
// Every output records what it is made from: its sig, the articles whose content it shows, in
// order, and a note of anything else about the site that it depends on (how many pages its list
// has, a term's name). An article is identified by its loaded *content.Page: a file that did not
// change keeps the same one from build to build, an edited file gets a new one. So when the articles
// are re-resolved after an edit, an output whose sig is unchanged would come out byte for byte the
// same, and Rerender skips it. For each kind of output:
//
//   - an article page: the article, its translations, and its older and newer neighbours (the page
//     links to them by title);
//   - a list page (home, archive month, service or tag, page N): the articles on it, and the number
//     of pages of the list; a service's first page shows the service's whole history, so all of its
//     articles; the archive, its years and the service and tag indexes count articles, so they
//     depend on all the articles they count;
//   - feeds, incidents.json, the search index: all the language's articles; the sitemap: all the
//     site's;
//   - the landing page: each language's latest articles (LandingReports of them);
//   - 404, robots.txt, .nojekyll, CNAME and static files: nothing an article can change.
//
// Layouts, catalogs and the configuration are not part of any sig: a change to those rebuilds
// everything (build.Session decides).
type sig struct {
	deps  []*content.Page
	extra string
}

func (a sig) equal(b sig) bool { return a.extra == b.extra && slices.Equal(a.deps, b.deps) }

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

func singleSig(p *site.Page) sig {
	deps := make([]*content.Page, 0, 3+len(p.Translations))
	deps = append(deps, p.Page, orNil(p.Prev), orNil(p.Next))
	deps = append(deps, contents(p.Translations)...)
	return sig{deps: deps}
}

// pagerSig is a list page's sig: its articles and the length of the list.
func pagerSig(p *site.Pager, extra string) sig {
	return sig{deps: contents(p.Pages), extra: extra + "\x00" + strconv.Itoa(p.Total)}
}

func sigsOf(jobs []job) map[string]sig {
	m := make(map[string]sig, len(jobs))
	for _, j := range jobs {
		m[j.out] = j.sig
	}
	return m
}

// Changes is what Rerender did.
type Changes struct {
	Pages   int      // pages rendered again, before ready was called
	Late    int      // machine-readable files rendered again, after it
	Written []string // every file written, pages first
	Removed []string // outputs the site no longer has
}

// Remover is a sink that can delete a file it holds.
type Remover interface {
	Remove(path string) error
}

// Rerender moves the renderer to s — the same site after some articles were edited, added or
// deleted, resolved again from the same configuration — and writes to sink only the outputs whose
// sig changed, removing (when sink is a Remover) those s no longer has. Pages go first; then ready,
// when not nil, is called with the outputs still to come — the feeds, indexes and sitemap, which
// cover a whole language and take longest — and those follow: the page an editor is looking at can
// be reloaded while they are being written, on one core, leaving the others to serve it. When
// nothing changed, ready is not called. After an
// error the renderer must not be used again.
func (r *Renderer) Rerender(s *site.Site, sink Sink, ready func(late []string)) (Changes, error) {
	var ch Changes
	if r.sigs == nil {
		return ch, fmt.Errorf("internal error: Rerender before Render")
	}
	r.site = s
	for _, l := range s.Langs {
		lr := r.langs[l.Code]
		if lr == nil {
			return ch, fmt.Errorf("internal error: language %s appeared without a configuration change", l.Code)
		}
		lr.site, lr.lang = s, l
	}
	jobs, _, err := r.plan()
	if err != nil {
		return ch, err
	}
	var now, late []job
	seen := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		seen[j.out] = true
		if old, ok := r.sigs[j.out]; ok && old.equal(j.sig) {
			continue
		}
		if j.page != nil {
			// A card layout may show more than the article's own fields.
			r.langs[j.page.Lang.Code].cards.Delete(j.page.Page)
		}
		if j.late {
			late = append(late, j)
		} else {
			now = append(now, j)
		}
	}
	r.forget()
	for out := range r.sigs {
		if !seen[out] {
			ch.Removed = append(ch.Removed, out)
		}
	}
	slices.Sort(ch.Removed)
	if err := r.runPhases(&ch, now, late, sink, ready); err != nil {
		return ch, err
	}
	r.keep(jobs)
	return ch, nil
}

// keep remembers a complete plan's outputs and what they were made from.
func (r *Renderer) keep(jobs []job) {
	r.jobs, r.sigs = jobs, sigsOf(jobs)
	r.index, r.pageOf = nil, nil
}

// Replace brings the output up to date after articles were edited without moving: each old
// article in swaps is replaced by its new version, which has the same file, date, draft flag,
// services and tags, so that the site keeps its shape — the same pages, lists, order and terms —
// and nothing needs resolving again. The outputs whose sig names an old article are rendered again
// (pages first, then ready, then the feeds and indexes, as in Rerender). An article that is not
// part of the site (a draft) is only swapped. After an error the renderer must not be used again.
func (r *Renderer) Replace(swaps map[*content.Page]*content.Page, sink Sink, ready func(late []string)) (Changes, error) {
	var ch Changes
	if r.jobs == nil {
		return ch, fmt.Errorf("internal error: Replace before Render")
	}
	if r.index == nil {
		r.index = map[*content.Page][]int{}
		r.pageOf = map[*content.Page]*site.Page{}
		last := map[*content.Page]int{} // the last job listed for an article: each job once
		for i, j := range r.jobs {
			if j.page != nil {
				r.pageOf[j.page.Page] = j.page
			}
			for _, d := range j.sig.deps {
				if l, ok := last[d]; d == nil || ok && l == i {
					continue
				}
				last[d] = i
				r.index[d] = append(r.index[d], i)
			}
		}
	}
	dirty := map[int]bool{}
	for old, nw := range swaps {
		p := r.pageOf[old]
		if p == nil {
			continue // not published
		}
		p.Page = nw
		for _, i := range r.index[old] {
			dirty[i] = true
			deps := r.jobs[i].sig.deps
			for k := range deps {
				if deps[k] == old {
					deps[k] = nw
				}
			}
		}
		r.index[nw], r.pageOf[nw] = r.index[old], p
		delete(r.index, old)
		delete(r.pageOf, old)
		for _, lr := range r.langs {
			lr.cards.Delete(old)
			for i := range old.Timeline {
				lr.entries.Delete(entryKey{old, i})
			}
		}
	}
	if ref := r.reference(); !ref.Equal(r.ref) {
		r.setReference()
		for i, j := range r.jobs {
			if j.ref {
				dirty[i] = true
			}
		}
	}
	var now, late []job
	for i, j := range r.jobs {
		if !dirty[i] {
			continue
		}
		if j.page != nil {
			// A card layout may show more than the article's own fields.
			r.langs[j.page.Lang.Code].cards.Delete(j.page.Page)
		}
		if j.late {
			late = append(late, j)
		} else {
			now = append(now, j)
		}
	}
	return ch, r.runPhases(&ch, now, late, sink, ready)
}

// runPhases renders the pages, calls ready, then renders the late outputs.
func (r *Renderer) runPhases(ch *Changes, now, late []job, sink Sink, ready func(late []string)) error {
	if err := r.runJobs(now, sink); err != nil {
		return err
	}
	if rm, ok := sink.(Remover); ok {
		for _, out := range ch.Removed {
			if err := rm.Remove(out); err != nil {
				return err
			}
		}
	}
	ch.Pages = len(now)
	for _, j := range now {
		ch.Written = append(ch.Written, j.out)
	}
	if ready != nil && len(now)+len(late)+len(ch.Removed) > 0 {
		outs := make([]string, len(late))
		for i, j := range late {
			outs[i] = j.out
		}
		ready(outs)
	}
	// One worker: the other cores stay free for the reloading browser's requests.
	if err := r.runJobsOn(1, late, sink); err != nil {
		return err
	}
	ch.Late = len(late)
	for _, j := range late {
		ch.Written = append(ch.Written, j.out)
	}
	return nil
}

// forget drops the cached cards and timeline entries of articles no longer in the site.
func (r *Renderer) forget() {
	live := map[*content.Page]bool{}
	for _, l := range r.site.Langs {
		for _, p := range l.Pages {
			live[p.Page] = true
		}
	}
	for _, l := range r.site.Langs {
		lr := r.langs[l.Code]
		lr.cards.Range(func(k, _ any) bool {
			if !live[k.(*content.Page)] {
				lr.cards.Delete(k)
			}
			return true
		})
		lr.entries.Range(func(k, _ any) bool {
			if !live[k.(entryKey).page] {
				lr.entries.Delete(k)
			}
			return true
		})
	}
}

// SiteLayouts lists the layouts of the site's own — files under layouts/ that differ from the
// default theme's — sorted. Rerender's sigs describe what the default layouts show of the site; a
// site's own layout may show more (every article of the language on every page, say), so
// build.Session rebuilds everything when there is any.
func (r *Renderer) SiteLayouts() []string {
	own := slices.Clone(r.tmpl.own)
	slices.Sort(own)
	return own
}

// RenderArticle renders p's own page, and nothing else, into w, as Render would write it at
// p.OutPath. s is the site p was resolved in, from the renderer's configuration; the renderer moves
// to it as in Rerender and forgets its previous outputs, so Rerender and Replace must not follow.
// It lets a test render one article per input against layouts and catalogs parsed once (see
// FuzzRenderArticle in package build).
func (r *Renderer) RenderArticle(s *site.Site, p *site.Page, w *bytes.Buffer) error {
	r.site = s
	for _, l := range s.Langs {
		lr := r.langs[l.Code]
		if lr == nil {
			return fmt.Errorf("internal error: language %s appeared without a configuration change", l.Code)
		}
		lr.site, lr.lang = s, l
	}
	r.jobs, r.sigs, r.index, r.pageOf = nil, nil, nil, nil
	r.forget()
	lr := r.langs[p.Lang.Code]
	if err := runJob(job{out: p.OutPath, run: func(w *bytes.Buffer) error { return lr.renderSingle(w, p) }}, w); err != nil {
		return r.diagnose(err)
	}
	return nil
}
