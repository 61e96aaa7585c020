package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the test zones, independent of the machine's zone database
	"unicode/utf8"
)

// Documents as the tests read them back with encoding/xml. Namespaced fields come before
// un-namespaced ones of the same local name, which would otherwise match them too.

const xmlNS = "http://www.w3.org/XML/1998/namespace"

type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Channel struct {
		AtomLink struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
			Type string `xml:"type,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Title         string    `xml:"title"`
		Link          string    `xml:"link"`
		Description   string    `xml:"description"`
		Language      string    `xml:"language"`
		Generator     string    `xml:"generator"`
		LastBuildDate string    `xml:"lastBuildDate"`
		Items         []rssItem `xml:"item"`
	} `xml:"channel"`
}

type rssItem struct {
	Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Encoded string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Title   string `xml:"title"`
	Link    string `xml:"link"`
	GUID    struct {
		Value       string `xml:",chardata"`
		IsPermaLink string `xml:"isPermaLink,attr"`
	} `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomDoc struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    string      `xml:"author>name"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Lang      string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Link      atomLink `xml:"link"`
	Published string   `xml:"published"`
	Updated   string   `xml:"updated"`
	Summary   string   `xml:"summary"`
	Content   struct {
		Type  string `xml:"type,attr"`
		Value string `xml:",chardata"`
	} `xml:"content"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Links []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

// wellFormed fails t unless b is valid UTF-8 holding only XML 1.0 characters, and one well-formed
// XML document: a declaration, one root element, nothing but white space around it, no CDATA.
func wellFormed(t testing.TB, b []byte) {
	t.Helper()
	if !utf8.Valid(b) {
		t.Fatalf("output is not valid UTF-8:\n%s", b)
	}
	for i, r := range string(b) {
		if !(r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF) {
			t.Fatalf("output holds %U at byte %d, which XML 1.0 does not allow", r, i)
		}
	}
	if bytes.Contains(b, []byte("<![CDATA[")) {
		t.Fatalf("output uses CDATA:\n%s", b)
	}
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n")) {
		t.Fatalf("output does not start with the XML declaration:\n%s", b)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				t.Fatalf("text %q outside the root element", tok)
			}
		case xml.Directive:
			t.Fatalf("unexpected directive %q", tok)
		}
	}
	if roots != 1 || depth != 0 {
		t.Fatalf("want one complete root element, got %d roots, depth %d at the end", roots, depth)
	}
}

func parseRSS(t testing.TB, b []byte) rssDoc {
	t.Helper()
	wellFormed(t, b)
	var d rssDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("read back RSS: %v\n%s", err, b)
	}
	return d
}

func parseAtom(t testing.TB, b []byte) atomDoc {
	t.Helper()
	wellFormed(t, b)
	var d atomDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("read back Atom: %v\n%s", err, b)
	}
	return d
}

func parseSitemap(t testing.TB, b []byte) sitemapDoc {
	t.Helper()
	wellFormed(t, b)
	var d sitemapDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("read back sitemap: %v\n%s", err, b)
	}
	return d
}

// carried is what the outputs promise to carry of s, computed independently of the package: ranging
// over a string turns each invalid byte into U+FFFD, and the runes outside XML 1.0's Char production
// are dropped.
func carried(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func rss(t testing.TB, c *Channel) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := RSS(&b, c); err != nil {
		t.Fatalf("RSS: %v", err)
	}
	return b.Bytes()
}

func atom(t testing.TB, c *Channel) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Atom(&b, c); err != nil {
		t.Fatalf("Atom: %v", err)
	}
	return b.Bytes()
}

// htmlText fails t unless got, a value read back from the XML, is HTML that a reader shows as the
// text want and that creates no element: it holds no '<' (so an HTML tokenizer sees no tag, comment
// or CDATA), and its character references decode to want.
func htmlText(t testing.TB, what, got, want string) {
	t.Helper()
	if i := strings.IndexByte(got, '<'); i >= 0 {
		t.Errorf("%s: %q holds markup at byte %d; want it escaped for HTML", what, got, i)
		return
	}
	if text := html.UnescapeString(got); text != want {
		t.Errorf("%s: read as HTML %q (from %q), want %q", what, text, got, want)
	}
}
