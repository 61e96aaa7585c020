package feed

import "io"

const (
	atomNS    = "http://www.w3.org/2005/Atom"
	contentNS = "http://purl.org/rss/1.0/modules/content/"
)

// RSS writes c as an RSS 2.0 feed:
//
//	<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xml:lang="fa">
//	  <channel>
//	    <title> <link> <description> <language> <generator> <lastBuildDate>
//	    <atom:link href="Self" rel="self" type="application/rss+xml"/>
//	    <item> <title> <link> <guid> <pubDate> <category>… <description> <content:encoded> </item>…
//
// An item's guid is its ID, with isPermaLink="false" unless the ID is the item's Link; its pubDate is
// Published (or Updated when Published is zero); its description is the Summary, and its Content, if
// any, goes into content:encoded, whose namespace the root element then declares.
//
// RSS readers take title, description and category as HTML, so those plain texts are escaped for
// HTML and then for XML ("AT&T" is written AT&amp;amp;T); content:encoded is HTML already and is
// escaped for XML only. Atom says what each element holds (type="text" or "html"), so Atom escapes
// everything once. lastBuildDate is
// left out for a channel without items and without Updated.
func RSS(w io.Writer, c *Channel) error {
	if err := checkChannel("rss", c); err != nil {
		return err
	}
	hasContent := false
	for i := range c.Items {
		if c.Items[i].Content != "" {
			hasContent = true
			break
		}
	}

	x := newXMLWriter(w)
	x.raw(`<rss version="2.0" xmlns:atom="` + atomNS + `"`)
	if hasContent {
		x.raw(` xmlns:content="` + contentNS + `"`)
	}
	x.attr("xml:lang", c.Lang)
	x.raw(">\n  <channel>\n")
	x.htmlElem("    ", "title", c.Title)
	x.elem("    ", "link", c.Link)
	x.htmlElem("    ", "description", c.Description)
	x.elem("    ", "language", c.Lang)
	if c.Generator != "" {
		x.elem("    ", "generator", c.Generator)
	}
	if u := channelUpdated(c); !u.IsZero() {
		x.timeElem("    ", "lastBuildDate", u, rfc822Layout)
	}
	x.raw("    <atom:link")
	x.attr("href", c.Self)
	x.raw(` rel="self" type="application/rss+xml"/>` + "\n")

	for i := range c.Items {
		it := &c.Items[i]
		x.raw("    <item")
		if it.Lang != "" && it.Lang != c.Lang {
			x.attr("xml:lang", it.Lang)
		}
		x.raw(">\n")
		x.htmlElem("      ", "title", it.Title)
		x.elem("      ", "link", it.Link)
		id := it.id()
		if id == it.Link {
			x.raw(`      <guid isPermaLink="true">`)
		} else {
			x.raw(`      <guid isPermaLink="false">`)
		}
		x.text(id)
		x.raw("</guid>\n")
		x.timeElem("      ", "pubDate", it.published(), rfc822Layout)
		for _, cat := range it.Categories {
			if cat != "" {
				x.htmlElem("      ", "category", cat)
			}
		}
		if it.Summary != "" {
			x.htmlElem("      ", "description", it.Summary)
		}
		if it.Content != "" {
			x.elem("      ", "content:encoded", it.Content)
		}
		x.raw("    </item>\n")
	}
	x.raw("  </channel>\n</rss>\n")
	return x.finish()
}
