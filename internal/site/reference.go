package site

import "time"

// Newest returns the newest instant the site's content names: an article's date or lastmod, or a
// timeline entry; zero for a site without articles. It is the reference instant of a build without
// SOURCE_DATE_EPOCH, so that the same content always builds the same pages, whenever it is built.
func Newest(s *Site) time.Time {
	var t time.Time
	later := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	for _, l := range s.Langs {
		for _, p := range l.Pages {
			later(p.Date)
			later(p.Updated)
			for i := range p.Timeline {
				later(p.Timeline[i].At)
			}
		}
	}
	return t
}

// At returns the site with its figures ending at ref instead (SOURCE_DATE_EPOCH); a zero ref
// returns s. The two share everything else.
func (s *Site) At(ref time.Time) *Site {
	if ref.IsZero() || ref.Equal(s.Reference) {
		return s
	}
	c := *s
	c.Reference = ref
	return &c
}
