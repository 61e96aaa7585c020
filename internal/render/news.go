package render

import (
	"html/template"

	"github.com/rokhdad/rokhdad/internal/newsld"

	"github.com/rokhdad/rokhdad/internal/site"
)

// News metadata: the byline, the page's picture and its NewsArticle (package newsld), the Open
// Graph locales and the x-default alternate of every page.
//
// x-default: a language's home points at the landing page (the site's root, where a reader
// chooses a language); every other page at its version in the default language, or, when it has
// none, at the first version in language order (the page itself when it exists in one language).

// Author is one name of the byline (see package newsld).
type Author = newsld.Author

// authors is the byline of p: its authors, else the site's default author; none when neither.
func (r *langRenderer) authors(p *site.Page) []Author {
	if len(p.Authors) > 0 {
		out := make([]Author, len(p.Authors))
		for i, a := range p.Authors {
			out[i] = Author{Name: r.digits(a)}
		}
		return out
	}
	if a := r.cfg.Author(r.conf); a.Name != "" {
		return []Author{{Name: r.digits(a.Name), URL: a.URL}}
	}
	return nil
}

// pageImage is the absolute URL of an article's picture for Open Graph: its own, else the site's.
func (r *langRenderer) pageImage(p *site.Page) string {
	if img := r.urls.ImageURL(p.Page, true); img != "" {
		return img
	}
	return newsld.ImageURL(r.urls, r.cfg.Image)
}

// newsArticle is the page's NewsArticle (see package newsld).
func (r *langRenderer) newsArticle(p *site.Page, d *Data) (template.JS, error) {
	b, err := newsld.Article(newsld.Input{Page: p, Config: r.cfg, Lang: r.conf, URLs: r.urls,
		Authors: d.Authors, Image: d.Image, Digits: r.digits})
	return template.JS(b), err
}

// XDefault is the page's x-default alternate (see above): for layouts, <link rel="alternate"
// hreflang="x-default">.
func (d *Data) XDefault() string {
	if len(d.Alternates) == 0 {
		return ""
	}
	if d.Kind == "home" && (d.Pager == nil || d.Pager.Number <= 1) {
		return d.Site.AbsURL("")
	}
	def := d.Site.Config.DefaultLanguage
	for _, a := range d.Alternates {
		if a.Lang == def {
			return a.Href
		}
	}
	first, best := d.Alternates[0].Href, len(d.Site.Langs)
	for _, a := range d.Alternates {
		for i, l := range d.Site.Langs {
			if l.Code == a.Lang && i < best {
				first, best = a.Href, i
			}
		}
	}
	return first
}

// AltLocales are the Open Graph locales of the page's other languages (og:locale:alternate).
func (d *Data) AltLocales() []string {
	var out []string
	for _, a := range d.Alternates {
		if a.Lang == d.Lang.Code {
			continue
		}
		if l := d.Site.Lang(a.Lang); l != nil {
			out = append(out, l.Locale)
		}
	}
	return out
}
