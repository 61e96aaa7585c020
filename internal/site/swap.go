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
	langs := make(map[*Lang]*Lang, len(s.Langs))
	pages := map[*Page]*Page{}
	for i, l := range s.Langs {
		nl := *l
		c.Langs[i], langs[l] = &nl, &nl
		copies := make([]Page, len(l.Pages))
		for k, p := range l.Pages {
			copies[k] = *p
			if n := swaps[p.Page]; n != nil {
				copies[k].Page = n
			}
			pages[p] = &copies[k]
		}
	}
	remap := func(ps []*Page) []*Page {
		if ps == nil {
			return nil
		}
		out := make([]*Page, len(ps))
		for i, p := range ps {
			out[i] = pages[p]
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
		nl.Pages = remap(l.Pages)
		for _, p := range nl.Pages {
			p.Lang = nl
			p.Translations = remap(p.Translations)
			p.Prev, p.Next = pages[p.Prev], pages[p.Next]
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
	c.Reference = Newest(c)
	return c
}
