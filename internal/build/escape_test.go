package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestHostileStringsAreEscaped puts markup into a title, summary, service and tag and checks every
// place they come out: HTML text and attributes, JSON-LD, feeds, the sitemap and JSON. Raw HTML in
// the body is left out unless [markup] unsafe = true.
func TestHostileStringsAreEscaped(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	const evil = `<script>alert(1)</script> "q" 'a' ]]> </script>`
	q := strconv.Quote(evil)
	article := "+++\n" +
		"title = " + q + "\n" +
		"date = 2023-11-09T10:00:00Z\n" +
		"summary = " + q + "\n" +
		"services = [" + q + "]\n" +
		"tags = [" + q + "]\n" +
		"+++\n\n<script>alert(2)</script>\n\n<b onmouseover=\"x()\">bold</b>\n"
	if err := os.WriteFile(filepath.Join(site, "content", "en", "incidents", "evil.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := buildSite(t, site)
	page := read(t, filepath.Join(dest, "en", "incidents", "evil", "index.html"))
	for _, bad := range []string{"<script>alert", "alert(2)", "onmouseover", `"q" 'a'`} {
		if strings.Contains(page, bad) {
			t.Errorf("article page contains %q unescaped", bad)
		}
	}
	// JSON-LD: exactly one </script> per <script>, and the headline decodes back to the title.
	ld := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if ld == nil {
		t.Fatal("no JSON-LD")
	}
	var v struct{ Headline string }
	if err := json.Unmarshal([]byte(ld[1]), &v); err != nil || v.Headline != evil {
		t.Errorf("JSON-LD headline = %q, %v", v.Headline, err)
	}
	for _, f := range []string{"en/index.html", "en/services/index.html", "en/tags/index.html", "en/archive/2023/11/index.html"} {
		if b := read(t, filepath.Join(dest, f)); strings.Contains(b, "<script>alert") {
			t.Errorf("%s contains the title unescaped", f)
		}
	}
	for _, f := range []string{"en/rss.xml", "en/atom.xml", "sitemap.xml"} {
		b := read(t, filepath.Join(dest, f))
		checkWellFormed(t, f, b)
		if strings.Contains(b, "<script>") || strings.Contains(b, "]]>") {
			t.Errorf("%s contains markup unescaped", f)
		}
	}
	var inc struct{ Incidents []struct{ Title string } }
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, "en", "incidents.json"))), &inc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range inc.Incidents {
		found = found || in.Title == evil
	}
	if !found {
		t.Error("incidents.json does not carry the title exactly")
	}
	if b := read(t, filepath.Join(dest, "en", "search.json")); strings.Contains(b, "<script>") {
		t.Error("search.json contains <script> unescaped")
	}
}
