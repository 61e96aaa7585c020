package feed

import (
	"io"
	"strings"
	"time"
)

// MaxSitemapURLs is the most URLs one sitemap file may list (sitemaps.org).
const MaxSitemapURLs = 50000

// URL is one page of a sitemap.
type URL struct {
	Loc        string      // absolute URL of the page
	LastMod    time.Time   // zero → left out; written in UTC as 2023-11-08T15:46:00Z
	Alternates []Alternate // the page in every language, itself included, in the order to write
}

// Alternate is one language version of a page: <xhtml:link rel="alternate" hreflang="Lang"
// href="Href"/>. Lang is a language tag or "x-default"; the caller includes the page itself and
// passes x-default when it has one.
type Alternate struct{ Lang, Href string }

// Sitemap writes urls, in the order given, as a sitemap (sitemaps.org protocol 0.9) with hreflang
// alternates:
//
//	<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
//	  <url> <loc> <lastmod> <xhtml:link rel="alternate" hreflang href/>… </url>…
//
// It returns an error, and writes nothing, for more than MaxSitemapURLs URLs (the caller would
// split them across a sitemap index), a Loc that appears twice, or a URL that is not absolute.
func Sitemap(w io.Writer, urls []URL) error {
	ck := &checker{format: "sitemap"}
	if len(urls) > MaxSitemapURLs {
		ck.fail("%d URLs is more than the %d one sitemap may list; split them across a sitemap index", len(urls), MaxSitemapURLs)
		return ck.err
	}
	seen := make(map[string]int, len(urls))
	for i := range urls {
		u := &urls[i]
		ck.at("url", i, u.Loc)
		ck.absURL("loc", u.Loc)
		if j, dup := seen[u.Loc]; dup {
			ck.fail("loc is also the loc of url %d; a sitemap lists a page once", j+1)
		}
		seen[u.Loc] = i
		ck.time("lastmod", u.LastMod)
		for _, a := range u.Alternates {
			ck.lang("alternate hreflang", a.Lang) // "x-default" has the shape of a tag
			ck.absURL("alternate href", a.Href)
		}
		if ck.err != nil {
			return ck.err
		}
	}

	x := newXMLWriter(w)
	x.raw(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for i := range urls {
		u := &urls[i]
		x.raw("  <url>\n")
		x.elem("    ", "loc", u.Loc)
		if !u.LastMod.IsZero() {
			x.timeElem("    ", "lastmod", u.LastMod, rfc3339Layout)
		}
		for _, a := range u.Alternates {
			x.raw(`    <xhtml:link rel="alternate"`)
			x.attr("hreflang", a.Lang)
			x.attr("href", a.Href)
			x.raw("/>\n")
		}
		x.raw("  </url>\n")
	}
	x.raw("</urlset>\n")
	return x.finish()
}

// Robots returns a robots.txt that allows everything and names the sitemap:
//
//	User-agent: *
//	Allow: /
//
//	Sitemap: https://example.com/sitemap.xml
//
// Control characters (line breaks included, so the URL cannot add lines of its own) are dropped
// from sitemapURL and invalid UTF-8 becomes U+FFFD; an empty sitemapURL leaves the Sitemap line out.
func Robots(sitemapURL string) []byte {
	const head = "User-agent: *\nAllow: /\n"
	var b strings.Builder
	for _, r := range sitemapURL {
		if r >= 0x20 && r != 0x7F && isXMLChar(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return []byte(head)
	}
	return []byte(head + "\nSitemap: " + b.String() + "\n")
}
