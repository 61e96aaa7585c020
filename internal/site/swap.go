package site

import "github.com/rokhdad/rokhdad/internal/content"

// Swap returns the site with each article in swaps (old → new) replaced by its new version, which
// keeps the old one's place in the site: the same file, date, draft flag, services and tags (serve's
// edit of an article's text). The site keeps its shape — the same pages, lists, order and terms —
// so nothing is resolved again: every page, list and term is copied with the new articles in place,
// and the result is what Resolve would return for the new articles (TestSwapIsResolve). s is not
// changed; the two share the configuration and the unchanged articles.
func (s *Site) Swap(swaps map[*content.Page]*content.Page) *Site {
	c := &Site{Config: s.Config, URLs: s.URLs, Langs: make([]*Lang, len(s.Langs))}
	copies := make([][]Page, len(s.Langs)) // each language's pages, in the same places
	c.newest = s.newest
	stale := false
	for i, l := range s.Langs {
		nl := *l
		c.Langs[i] = &nl
		copies[i] = make([]Page, len(l.Pages))
		for k, p := range l.Pages {
			copies[i][k] = *p
			if n := swaps[p.Page]; n != nil {
				copies[i][k].Page = n
				// The newest instant moves only if an edited article held it or now names a
				// later one.
				if !newestOf(p.Page).Before(s.newest) {
					stale = true
				}
				c.newest = Later(c.newest, newestOf(n))
			}
		}
	}
	// at is the copy of p: the page at the same place of the same language.
	at := func(p *Page) *Page {
		if p == nil {
			return nil
		}
		return &copies[p.Lang.index][p.index]
	}
	var backing []*Page // the lists' new slices, carved from one allocation
	remap := func(ps []*Page) []*Page {
		if ps == nil {
			return nil
		}
		if len(backing) < len(ps) {
			backing = make([]*Page, max(len(ps), 4096))
		}
		out := backing[:len(ps):len(ps)]
		backing = backing[len(ps):]
		for i, p := range ps {
			out[i] = at(p)
		}
		return out
	}
	terms := map[*Term]*Term{}
	copyTerms := func(ts []*Term) []*Term {
		if ts == nil {
			return nil
		}
		out := make([]*Term, len(ts))
		for i, t := range ts {
			nt := *t
			nt.Pages = remap(t.Pages)
			out[i], terms[t] = &nt, &nt
		}
		return out
	}
	for i, l := range s.Langs {
		nl := c.Langs[i]
		nl.Pages = make([]*Page, len(l.Pages))
		for k := range copies[i] {
			p := &copies[i][k]
			nl.Pages[k] = p
			p.Lang = nl
			p.Translations = remap(p.Translations)
			p.Prev, p.Next = at(p.Prev), at(p.Next)
		}
		nl.Services, nl.Tags = copyTerms(l.Services), copyTerms(l.Tags)
		if l.Years != nil {
			nl.Years = make([]*Year, len(l.Years))
		}
		for k, y := range l.Years {
			ny := *y
			ny.Months = make([]*Month, len(y.Months))
			for j, m := range y.Months {
				nm := *m
				nm.Pages = remap(m.Pages)
				ny.Months[j] = &nm
			}
			nl.Years[k] = &ny
		}
	}
	for _, t := range terms {
		if t.Peers == nil {
			continue
		}
		peers := make(map[string]*Term, len(t.Peers))
		for code, p := range t.Peers {
			peers[code] = terms[p]
		}
		t.Peers = peers
	}
	if stale {
		c.newest = Newest(c)
	}
	c.Reference = c.newest
	return c
}
