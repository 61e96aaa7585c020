// Package newsld writes the structured data of an article's page: its schema.org NewsArticle as
// JSON-LD, which search engines and news readers take the headline, dates, byline and publisher
// from.
//
// Who wrote an article and who publishes it come from site.toml's [author] and [publisher] and an
// article's authors = […]; the byline shows the same names.
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
package newsld

import (
	"encoding/json"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/site"
)

// Author is one name of the byline, linked when site.toml gives a url.
type Author struct {
	Name string
	URL  string
}

// Input is what an article's NewsArticle is made from.
type Input struct {
	Page    *site.Page
	Config  *config.Config
	Lang    *config.Language
	URLs    site.URLs
	Authors []Author            // the byline as the page shows it
	Image   string              // the page's picture, absolute; "" for none
	Digits  func(string) string // a text in the language's digits, as the page shows it
}

// ImageURL is an image or logo from site.toml as an absolute URL ("" for none).
func ImageURL(urls site.URLs, img string) string {
	if img == "" || isHTTP(img) {
		return img
	}
	return urls.AbsURL(img)
}

func isHTTP(s string) bool {
	return len(s) > 7 && (s[:7] == "http://" || len(s) > 8 && s[:8] == "https://")
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

// Article is the schema.org NewsArticle of an article's page, as JSON that is safe inside <script>:
// encoding/json writes <, > and & as \u003c, \u003e and \u0026.
func Article(in Input) ([]byte, error) {
	p, cfg, lang := in.Page, in.Config, in.Lang
	home := in.URLs.AbsURL(lang.Code + "/")
	pub := cfg.Publisher(lang)
	publisher := ldThing{Type: "Organization", Name: pub.Name, URL: pub.URL}
	if publisher.Name == "" {
		publisher.Name = lang.Title
	}
	if publisher.URL == "" {
		publisher.URL = home
	}
	logo := ImageURL(in.URLs, pub.Logo)
	if logo != "" {
		publisher.Logo = &ldObject{"ImageObject", logo}
	}
	var authors []ldThing
	switch {
	case len(p.Authors) > 0:
		for _, a := range in.Authors {
			authors = append(authors, ldThing{Type: "Person", Name: a.Name})
		}
	case len(in.Authors) > 0:
		authors = []ldThing{{Type: cfg.Author(lang).Type, Name: in.Authors[0].Name, URL: in.Authors[0].URL}}
	default:
		authors = []ldThing{{Type: "Organization", Name: in.Digits(publisher.Name), URL: publisher.URL}}
	}
	image := in.Image
	if image == "" {
		image = logo
	}
	about := make([]ldThing, len(p.Services))
	for i, s := range p.Services {
		about[i] = ldThing{Type: "Service", Name: s, URL: in.URLs.AbsURL(lang.Code + "/services/" + site.Slug(s) + "/")}
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
		Context: "https://schema.org", Type: "NewsArticle", Headline: in.Digits(p.Title), Description: in.Digits(p.Summary),
		DatePublished: p.Date.UTC().Format(time.RFC3339), DateModified: site.Modified(p).UTC().Format(time.RFC3339),
		InLanguage: lang.Code, URL: p.Permalink, MainEntity: p.Permalink, Image: image,
		Author: authors, Publisher: publisher, IsPartOf: ldThing{Type: "WebSite", Name: lang.Title, URL: home},
		About: about, Keywords: append(append([]string{}, p.Services...), p.Tags...),
	}
	return json.Marshal(v)
}
