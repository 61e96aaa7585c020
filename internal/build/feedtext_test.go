package build

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// feedText is an element of a built feed, read back with encoding/xml.
type feedText struct {
	file, path string // the feed, and the element's path in it ("rss/channel/item/title")
	typ        string // Atom's type attribute, "" when absent
	value      string // after XML decoding
}

// feedTexts reads every *.xml file under dest that is an RSS or Atom feed and returns the text of
// its elements.
func feedTexts(t *testing.T, dest string) (rss, atom []feedText) {
	t.Helper()
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		dec := xml.NewDecoder(bytes.NewReader(b))
		var stack []string
		var types []string
		var text strings.Builder
		var root string
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", rel, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				if root == "" {
					root = tok.Name.Local
				}
				typ := ""
				for _, a := range tok.Attr {
					if a.Name.Local == "type" && a.Name.Space == "" {
						typ = a.Value
					}
				}
				stack = append(stack, tok.Name.Local)
				types = append(types, typ)
				text.Reset()
			case xml.CharData:
				text.Write(tok)
			case xml.EndElement:
				ft := feedText{file: rel, path: strings.Join(stack, "/"), typ: types[len(types)-1], value: text.String()}
				switch root {
				case "rss":
					rss = append(rss, ft)
				case "feed":
					atom = append(atom, ft)
				}
				stack, types = stack[:len(stack)-1], types[:len(types)-1]
				text.Reset()
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rss, atom
}

// TestFeedsCarryTextAsText builds a site whose title, summary, service, tag and timeline text hold
// markup and ampersands, decodes every RSS and Atom file the build wrote, and reads each value the
// way a feed reader does: RSS title, description and category as HTML, which must create no
// element and show the text exactly; Atom text elements as text; HTML content as the same HTML the
// article page shows.
func TestFeedsCarryTextAsText(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	const (
		title   = `<img src=x onerror=alert(1)> AT&T &amp; Q`
		summary = `AT&T <b>bold</b> &lt; <script>alert(2)</script>`
		service = `AT&T <i>`
		tag     = `<script>x</script>`
		entry   = `Broke at AT&T: <img src=x onerror=alert(3)> and **bold**`
	)
	q := func(s string) string { return `'` + s + `'` } // TOML literal strings: no escapes
	article := "+++\n" +
		"title = " + q(title) + "\n" +
		"date = 2023-11-09T10:00:00Z\n" +
		"summary = " + q(summary) + "\n" +
		"services = [" + q(service) + "]\n" +
		"tags = [" + q(tag) + "]\n" +
		"timezone = \"UTC\"\n\n" +
		"[[timeline]]\nat = \"2023-11-09 10:00\"\nstatus = \"investigating\"\ntext = " + q(entry) + "\n" +
		"+++\n\nBody.\n"
	for _, lang := range []string{"en", "fa"} {
		if err := os.WriteFile(filepath.Join(site, "content", lang, "incidents", "evil.md"), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := buildSite(t, site)
	rss, atom := feedTexts(t, dest)
	if len(rss) == 0 || len(atom) == 0 {
		t.Fatalf("found %d RSS and %d Atom elements", len(rss), len(atom))
	}

	// RSS: every title, description and category is HTML holding text.
	seen := map[string]bool{}
	for _, ft := range rss {
		base := ft.path[strings.LastIndexByte(ft.path, '/')+1:]
		if base != "title" && base != "description" && base != "category" {
			continue
		}
		if i := strings.IndexByte(ft.value, '<'); i >= 0 {
			t.Errorf("%s %s: %q would be read as markup (at byte %d)", ft.file, ft.path, ft.value, i)
			continue
		}
		shown := html.UnescapeString(ft.value)
		for _, s := range []string{title, summary, service, tag} {
			if strings.Contains(shown, s) {
				seen[ft.file+" "+s] = true
			}
		}
	}
	for _, f := range []string{"en/rss.xml"} { // fa's digits and isolates change the text; en's are exact
		for _, s := range []string{title, summary, service, tag} {
			if !seen[f+" "+s] {
				t.Errorf("%s shows no title, description or category reading %q", f, s)
			}
		}
	}

	// Atom: text elements carry the text as it is; type="html" carries the page's HTML.
	page := read(t, filepath.Join(dest, "en", "incidents", "evil", "index.html"))
	contents := 0
	for _, ft := range atom {
		switch {
		case ft.typ == "html":
			if strings.Contains(ft.value, "<img") || strings.Contains(ft.value, "<script") {
				t.Errorf("%s %s: HTML content holds raw markup: %q", ft.file, ft.path, ft.value)
			}
			if ft.file == filepath.Join("en", "updates.xml") && strings.Contains(ft.value, "AT&amp;T") {
				contents++
				if !strings.Contains(page, ft.value) {
					t.Errorf("%s: content %q is not the HTML the article page shows", ft.file, ft.value)
				}
			}
		case strings.HasSuffix(ft.path, "/title") && ft.file == filepath.Join("en", "atom.xml") && strings.Contains(ft.value, "AT&T"):
			if ft.value != title {
				t.Errorf("%s %s = %q, want %q", ft.file, ft.path, ft.value, title)
			}
		}
	}
	if contents != 1 {
		t.Errorf("en/updates.xml: %d entries carry the timeline text, want 1", contents)
	}
}
