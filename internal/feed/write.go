package feed

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	rfc822Layout  = "Mon, 02 Jan 2006 15:04:05 -0700" // time.RFC1123Z
	rfc3339Layout = "2006-01-02T15:04:05Z"            // always written in UTC, so the zone is "Z"
	bufSize       = 16 << 10
)

// xmlWriter streams XML through a buffer. bufio.Writer's errors are sticky, so the writing code ignores
// them and finish reports the first one.
type xmlWriter struct {
	w *bufio.Writer
}

func newXMLWriter(w io.Writer) *xmlWriter {
	x := &xmlWriter{w: bufio.NewWriterSize(w, bufSize)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	return x
}

func (x *xmlWriter) finish() error { return x.w.Flush() }

// raw writes s as it is: markup the package itself wrote.
func (x *xmlWriter) raw(s string) { x.w.WriteString(s) }

// The contexts text is escaped for. Each output writes every value through exactly one of them:
//
//	inXMLText   character data that is plain text: Atom's type="text" elements, ids, links, dates
//	inXMLAttr   a double-quoted attribute value: href, term, xml:lang
//	inHTMLText  character data that readers take as HTML, holding plain text: RSS title,
//	            description and category. The text is escaped for HTML (& < >) and the result for
//	            XML, so that "AT&T" is written AT&amp;amp;T and reaches the reader as the text AT&T,
//	            never as markup.
//
// HTML itself (Atom <content type="html">, RSS <content:encoded>) is written with inXMLText: it is
// already HTML and is escaped for XML once.
type context uint8

const (
	inXMLText context = iota
	inXMLAttr
	inHTMLText
)

// text writes s escaped as character data.
func (x *xmlWriter) text(s string) { x.escape(s, inXMLText) }

// attr writes ` name="value"` with value escaped.
func (x *xmlWriter) attr(name, value string) {
	x.w.WriteByte(' ')
	x.w.WriteString(name)
	x.w.WriteString(`="`)
	x.escape(value, inXMLAttr)
	x.w.WriteByte('"')
}

// elem writes indent<name>text</name> and a line feed, text escaped as plain text.
func (x *xmlWriter) elem(indent, name, text string) { x.elemIn(indent, name, text, inXMLText) }

// htmlElem writes indent<name>text</name> and a line feed for an element whose content readers
// take as HTML: the plain text is escaped for HTML, then for XML.
func (x *xmlWriter) htmlElem(indent, name, text string) { x.elemIn(indent, name, text, inHTMLText) }

func (x *xmlWriter) elemIn(indent, name, text string, ctx context) {
	x.w.WriteString(indent)
	x.w.WriteByte('<')
	x.w.WriteString(name)
	x.w.WriteByte('>')
	x.escape(text, ctx)
	x.w.WriteString("</")
	x.w.WriteString(name)
	x.w.WriteString(">\n")
}

// timeElem writes indent<name>date</name> and a line feed, the date in UTC in layout.
func (x *xmlWriter) timeElem(indent, name string, t time.Time, layout string) {
	x.w.WriteString(indent)
	x.w.WriteByte('<')
	x.w.WriteString(name)
	x.w.WriteByte('>')
	x.w.Write(t.UTC().AppendFormat(x.w.AvailableBuffer(), layout))
	x.w.WriteString("</")
	x.w.WriteString(name)
	x.w.WriteString(">\n")
}

// escTable says, for each ASCII byte, whether a context changes it and into what ("" drops it).
type escTable struct {
	special [utf8.RuneSelf]bool
	esc     [utf8.RuneSelf]string
}

// escapes are the contexts' tables: one lookup per ASCII byte, however many rules a context has.
var escapes = func() (t [3]escTable) {
	set := func(ctx context, c byte, esc string) { t[ctx].special[c], t[ctx].esc[c] = true, esc }
	for ctx := range t {
		for c := byte(0); c < 0x20; c++ {
			if c != '\t' && c != '\n' {
				set(context(ctx), c, "") // not an XML 1.0 character: dropped
			}
		}
		set(context(ctx), '\r', "&#xD;") // survives XML's line-end normalization
		set(context(ctx), '&', "&amp;")
		set(context(ctx), '<', "&lt;")
		set(context(ctx), '>', "&gt;")
	}
	set(inXMLAttr, '"', "&quot;")
	set(inXMLAttr, '\n', "&#xA;")
	set(inXMLAttr, '\t', "&#x9;")
	set(inHTMLText, '&', "&amp;amp;")
	set(inHTMLText, '<', "&amp;lt;")
	set(inHTMLText, '>', "&amp;gt;")
	return t
}()

// escape writes s for ctx, cleaned as the package documentation says. It never writes CDATA: '>' is
// always escaped, so "]]>" cannot end anything.
func (x *xmlWriter) escape(s string, ctx context) {
	t := &escapes[ctx]
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !t.special[c] {
				i++
				continue
			}
			x.w.WriteString(s[last:i])
			x.w.WriteString(t.esc[c])
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			x.w.WriteString(s[last:i])
			x.w.WriteString("\uFFFD")
		case r == 0xFFFE || r == 0xFFFF:
			x.w.WriteString(s[last:i])
		default:
			i += size
			continue
		}
		i += size
		last = i
	}
	x.w.WriteString(s[last:])
}

// clean returns s as the XML writers would carry it, for the outputs that are not XML: invalid UTF-8
// bytes become U+FFFD, characters XML 1.0 cannot hold are dropped. It returns s itself when it is
// already clean.
func clean(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteString(s[:i])
	for _, r := range s[i:] { // ranging turns each invalid byte into U+FFFD
		if isXMLChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isXMLChar reports whether r is in XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// checker collects the first problem found while validating input before anything is written. at
// sets what the following checks are about; the message naming it is built only on failure.
type checker struct {
	format string // "rss", "atom", "sitemap", "incidents.json"
	kind   string // "channel", "item", "url", "incident" or "" for the document
	index  int    // of the item, from 0; -1 for none
	id     string // of the item
	err    error
}

func (c *checker) at(kind string, index int, id string) {
	c.kind, c.index, c.id = kind, index, id
}

func (c *checker) fail(msg string, args ...any) {
	if c.err != nil {
		return
	}
	where := ""
	switch {
	case c.kind != "" && c.index >= 0:
		where = fmt.Sprintf("%s %d (%q): ", c.kind, c.index+1, c.id)
	case c.kind != "":
		where = c.kind + ": "
	}
	c.err = fmt.Errorf("feed: %s: %s%s", c.format, where, fmt.Sprintf(msg, args...))
}

// absURL checks that u is an absolute URL with a host: "scheme://host…".
func (c *checker) absURL(what, u string) {
	n := schemeLen(u)
	if n == 0 || !strings.HasPrefix(u[n:], "//") || len(u) == n+2 || u[n+2] == '/' {
		c.fail("%s %q is not an absolute URL (scheme://host/…)", what, u)
	}
}

// iri checks that id has a scheme, as an Atom id (an IRI) must: "https://…", "urn:…", "tag:…".
func (c *checker) iri(what, id string) {
	if schemeLen(id) == 0 {
		c.fail("%s %q is not an absolute IRI (it has no scheme)", what, id)
	}
}

// schemeLen returns the length of u's scheme and its colon (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" /
// "-" / "." ) ":"), or 0 if u does not start with one.
func schemeLen(u string) int {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// lang checks that tag is a well-formed BCP 47 language tag in shape: subtags of 1–8 letters or
// digits separated by '-', the first letters only ("fa", "en-US", "zh-Hant-TW", "x-default").
func (c *checker) lang(what, tag string) {
	if !validLang(tag) {
		c.fail("%s %q is not a language tag such as \"fa\" or \"en-US\"", what, tag)
	}
}

func validLang(tag string) bool {
	if tag == "" {
		return false
	}
	first := true
	for sub := range strings.SplitSeq(tag, "-") {
		if len(sub) == 0 || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j]
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (first || c < '0' || c > '9') {
				return false
			}
		}
		first = false
	}
	return true
}

// time checks that t can be written: RFC 3339 and RFC 822 dates have four-digit years.
func (c *checker) time(what string, t time.Time) {
	if y := t.UTC().Year(); y < 0 || y > 9999 {
		c.fail("%s %s is outside the years 0000–9999", what, t.UTC().Format(time.RFC3339))
	}
}
