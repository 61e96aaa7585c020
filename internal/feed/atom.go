package feed

import (
	"io"
	"time"
)

// Atom writes c as an Atom 1.0 feed (RFC 4287):
//
//	<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">
//	  <id> <title> <subtitle> <updated>
//	  <link rel="self" type="application/atom+xml" href="Self"/>
//	  <link rel="alternate" type="text/html" href="Link"/>
//	  <author><name> <generator>
//	  <entry> <id> <title> <link rel="alternate"> <published> <updated> <summary> <content type="html"> <category term>… </entry>…
//
// The feed id is c.ID, or c.Self when it is empty; its author is c.Author, or c.Title. An entry's
// updated is Updated, or Published when Updated is zero; published is left out when Published is
// zero, as are an empty subtitle, summary and content. A channel without items and without Updated
// gets the updated date 1970-01-01T00:00:00Z, because Atom requires one and the package never reads
// the clock.
func Atom(w io.Writer, c *Channel) error {
	if err := checkChannel("atom", c); err != nil {
		return err
	}
	id := c.ID
	if id == "" {
		id = c.Self
	}
	updated := channelUpdated(c)
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	author := c.Author
	if author == "" {
		author = c.Title
	}

	x := newXMLWriter(w)
	x.raw(`<feed xmlns="` + atomNS + `"`)
	x.attr("xml:lang", c.Lang)
	x.raw(">\n")
	x.elem("  ", "id", id)
	x.elem("  ", "title", c.Title)
	if c.Description != "" {
		x.elem("  ", "subtitle", c.Description)
	}
	x.timeElem("  ", "updated", updated, rfc3339Layout)
	x.raw(`  <link rel="self" type="application/atom+xml"`)
	x.attr("href", c.Self)
	x.raw("/>\n")
	x.raw(`  <link rel="alternate" type="text/html"`)
	x.attr("href", c.Link)
	x.raw("/>\n")
	x.raw("  <author>\n")
	x.elem("    ", "name", author)
	x.raw("  </author>\n")
	if c.Generator != "" {
		x.elem("  ", "generator", c.Generator)
	}

	for i := range c.Items {
		it := &c.Items[i]
		x.raw("  <entry")
		if it.Lang != "" && it.Lang != c.Lang {
			x.attr("xml:lang", it.Lang)
		}
		x.raw(">\n")
		x.elem("    ", "id", it.id())
		x.elem("    ", "title", it.Title)
		x.raw(`    <link rel="alternate" type="text/html"`)
		x.attr("href", it.Link)
		x.raw("/>\n")
		if !it.Published.IsZero() {
			x.timeElem("    ", "published", it.Published, rfc3339Layout)
		}
		x.timeElem("    ", "updated", it.updated(), rfc3339Layout)
		if it.Summary != "" {
			x.elem("    ", "summary", it.Summary)
		}
		if it.Content != "" {
			x.raw(`    <content type="html">`)
			x.text(it.Content)
			x.raw("</content>\n")
		}
		for _, cat := range it.Categories {
			if cat != "" {
				x.raw("    <category")
				x.attr("term", cat)
				x.raw("/>\n")
			}
		}
		x.raw("  </entry>\n")
	}
	x.raw("</feed>\n")
	return x.finish()
}
