package render

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/site"
)

// News metadata: who wrote an article and who publishes it (site.toml's [author] and
// [publisher], an article's authors = […]), as the byline shows them and as search engines read
// them in the page's schema.org NewsArticle; the Open Graph locales and the x-default alternate of
// every page.
//
// The NewsArticle has what Google asks of one: headline, image, datePublished, dateModified,
// author and publisher with a logo (structured-data-testing-tool's Google preset checks the
// built pages, see internal/build's TestStructuredDataPassesGoogle), and also inLanguage,
// isPartOf (the language's home as a WebSite) and about (each affected service, with its page).
//
//   - author: the article's authors, each a Person; else site.toml's [author] (an Organization
//     unless type = "Person"); else the publisher.
//   - publisher: [languages.<code>.publisher] over [publisher]; its name defaults to the
//     language's site title, its url to the language's home; the logo is an ImageObject, left out
//     when none is configured.
//   - image: the article's image, else site.toml's image, else the publisher's logo.
//   - dateModified: the latest of the article's date, its lastmod, and its timeline updates (an
//     entry's at, or its updated when corrected) — the article cannot have been written before
//     the last thing it reports; the sitemap's lastmod and atom.xml's updated are the same.
//
// x-default: a language's home points at the landing page (the site's root, where a reader
// chooses a language); every other page at its version in the default language, or, when it has
// none, at the first version in language order (the page itself when it exists in one language).

// Author is one name of the byline, linked when site.toml gives a url.
type Author struct {
	Name string
	URL  string
}

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

// imageURL is an image or logo from site.toml as an absolute URL ("" for none).
func (r *langRenderer) imageURL(img string) string {
	if img == "" || isHTTP(img) {
		return img
	}
	return r.urls.AbsURL(img)
}

func isHTTP(s string) bool {
	return len(s) > 7 && (s[:7] == "http://" || len(s) > 8 && s[:8] == "https://")
}

// pageImage is the absolute URL of an article's picture for Open Graph: its own, else the site's.
func (r *langRenderer) pageImage(p *site.Page) string {
	if img := r.urls.ImageURL(p.Page, true); img != "" {
		return img
	}
	return r.imageURL(r.cfg.Image)
}

type ldThing struct {
	Type string    `json:"@type"`
	Name string    `json:"name"`
	URL  string    `json:"url,omitempty"`
	Logo *ldObject `json:"logo,omitempty"`
}

type ldObject struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// newsArticle is the schema.org NewsArticle of a page, as JSON that is safe inside <script>:
// encoding/json writes <, > and & as \u003c, \u003e and \u0026.
func (r *langRenderer) newsArticle(p *site.Page, d *Data) (template.JS, error) {
	cfg := r.cfg
	home := r.urls.AbsURL(r.conf.Code + "/")
	pub := cfg.Publisher(r.conf)
	publisher := ldThing{Type: "Organization", Name: pub.Name, URL: pub.URL}
	if publisher.Name == "" {
		publisher.Name = r.conf.Title
	}
	if publisher.URL == "" {
		publisher.URL = home
	}
	logo := r.imageURL(pub.Logo)
	if logo != "" {
		publisher.Logo = &ldObject{"ImageObject", logo}
	}
	var authors []ldThing
	switch {
	case len(p.Authors) > 0:
		for _, a := range d.Authors {
			authors = append(authors, ldThing{Type: "Person", Name: a.Name})
		}
	case len(d.Authors) > 0:
		authors = []ldThing{{Type: cfg.Author(r.conf).Type, Name: d.Authors[0].Name, URL: d.Authors[0].URL}}
	default:
		authors = []ldThing{{Type: "Organization", Name: r.digits(publisher.Name), URL: publisher.URL}}
	}
	image := d.Image
	if image == "" {
		image = logo
	}
	about := make([]ldThing, len(p.Services))
	for i, s := range p.Services {
		about[i] = ldThing{Type: "Service", Name: s, URL: r.urls.AbsURL(r.conf.Code + "/services/" + site.Slug(s) + "/")}
	}
	v := struct {
		Context       string    `json:"@context"`
		Type          string    `json:"@type"`
		Headline      string    `json:"headline"`
		Description   string    `json:"description,omitempty"`
		DatePublished string    `json:"datePublished"`
		DateModified  string    `json:"dateModified"`
		InLanguage    string    `json:"inLanguage"`
		URL           string    `json:"url"`
		MainEntity    string    `json:"mainEntityOfPage"`
		Image         string    `json:"image,omitempty"`
		Author        []ldThing `json:"author"`
		Publisher     ldThing   `json:"publisher"`
		IsPartOf      ldThing   `json:"isPartOf"`
		About         []ldThing `json:"about,omitempty"`
		Keywords      []string  `json:"keywords,omitempty"`
	}{
		Context: "https://schema.org", Type: "NewsArticle", Headline: r.digits(p.Title), Description: r.digits(p.Summary),
		DatePublished: p.Date.UTC().Format(time.RFC3339), DateModified: site.Modified(p).UTC().Format(time.RFC3339),
		InLanguage: r.conf.Code, URL: p.Permalink, MainEntity: p.Permalink, Image: image,
		Author: authors, Publisher: publisher, IsPartOf: ldThing{Type: "WebSite", Name: r.conf.Title, URL: home},
		About: about, Keywords: append(append([]string{}, p.Services...), p.Tags...),
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
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
