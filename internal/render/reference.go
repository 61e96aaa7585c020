package render

import (
	"time"

	"github.com/rokhdad/rokhdad/internal/site"
)

// Newest returns the newest instant the site's content names: an article's date or lastmod, or a
// timeline entry; zero for a site without articles. It is the reference instant of a build without
// SOURCE_DATE_EPOCH, so that the same content always builds the same pages, whenever it is built.
func Newest(s *site.Site) time.Time {
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

// reference is the instant the service pages' figures end at: Options.Reference, or Newest.
func (r *Renderer) reference() time.Time {
	if !r.opts.Reference.IsZero() {
		return r.opts.Reference
	}
	return Newest(r.site)
}

// setReference fixes the reference instant for the pages about to be rendered.
func (r *Renderer) setReference() {
	r.ref = r.reference()
	for _, lr := range r.langs {
		lr.ref = r.ref
	}
}
