package site

import (
	"sort"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// State is where an article's incident stands: its status in the front matter, or else the status
// of its last timeline entry that has one; "" for an article that gives none.
func State(p *content.Page) timeline.Status {
	if p.Status != "" {
		return p.Status
	}
	return p.Timeline.Status()
}

// IsOngoing reports whether the article is of an incident that is not over: its State is
// investigating, identified or monitoring. (A news article without a status is no incident.)
func IsOngoing(p *content.Page) bool {
	switch State(p) {
	case timeline.Investigating, timeline.Identified, timeline.Monitoring:
		return true
	}
	return false
}

// Began is when the article's incident began: its first timeline entry, else its date.
func Began(p *content.Page) time.Time {
	if t, ok := p.Timeline.Start(); ok {
		return t
	}
	return p.Date
}

// LastUpdate is the instant of the article's latest timeline entry, else its lastmod, else its
// date.
func LastUpdate(p *content.Page) time.Time {
	if n := len(p.Timeline); n > 0 {
		return p.Timeline[n-1].At
	}
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}

// Ongoing returns the incidents of pages that are going on at the site's reference instant: the
// ongoing ones that began at or before it, the most recently updated first (then the most
// recently begun, then in the pages' order).
func (s *Site) Ongoing(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if IsOngoing(p.Page) && !Began(p.Page).After(s.Reference) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := LastUpdate(out[i].Page), LastUpdate(out[j].Page)
		if !a.Equal(b) {
			return a.After(b)
		}
		return Began(out[i].Page).After(Began(out[j].Page))
	})
	return out
}
