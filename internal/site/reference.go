package site

import (
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
)

// Newest returns the newest instant the site's content names: an article's date or lastmod, or a
// timeline entry; zero for a site without articles. It is the reference instant of a build without
// SOURCE_DATE_EPOCH, so that the same content always builds the same pages, whenever it is built.
func Newest(s *Site) time.Time {
	var t time.Time
	for _, l := range s.Langs {
		for _, p := range l.Pages {
			t = Later(t, newestOf(p.Page))
		}
	}
	return t
}

// newestOf is the newest instant an article names: its date, lastmod or a timeline entry's.
func newestOf(p *content.Page) time.Time {
	t := Later(p.Date, p.Updated)
	for i := range p.Timeline {
		t = Later(t, p.Timeline[i].At)
	}
	return t
}

// At returns the site with its figures ending at ref instead (SOURCE_DATE_EPOCH); a zero ref
// returns s. The two share everything else. A ref earlier than the newest instant the content
// names is that instant: a site is never told "as of" a moment before its own news (the Pages
// workflow dates its builds at the start of the UTC day, and an incident that began since then
// must still be what is down now).
func (s *Site) At(ref time.Time) *Site {
	if ref.Before(s.newest) {
		ref = s.newest
	}
	if ref.IsZero() || ref.Equal(s.Reference) {
		return s
	}
	c := *s
	c.Reference = ref
	return &c
}

// Modified is when an article last changed, as far as its file says: the latest of its date,
// lastmod and timeline entries and their corrections.
func Modified(p *Page) time.Time { return p.Page.Modified() }

// Later is the later of a and b.
func Later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// LangIndex is the position of p's language in s.Langs.
func LangIndex(s *Site, p *Page) int {
	for i, l := range s.Langs {
		if l == p.Lang {
			return i
		}
	}
	return len(s.Langs)
}

// FeedPages are the articles a language's RSS and Atom feeds carry: its newest, FeedLimit of them
// (all when it is 0).
func (s *Site) FeedPages(l *Lang) []*Page {
	if n := s.Config.FeedLimit; n > 0 && len(l.Pages) > n {
		return l.Pages[:n]
	}
	return l.Pages
}
