package build

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// TestMachineReadableOutput checks the feeds, the sitemap, robots.txt, .nojekyll and incidents.json
// of the fixture site: well-formed, in the right language, with absolute URLs and one entry per
// article (or per timeline update).
// Feeds carry the newest feedLimit entries; incidents.json and the sitemap every article.
func TestFeedLimit(t *testing.T) {
	dir := incrementalSite(t, 12) // 12 Persian articles, 11 English, two updates each
	write(t, dir, "site.toml", strings.Replace(read(t, filepath.Join(dir, "site.toml")), "feedLimit = 4", "feedLimit = 5", 1))
	dest := buildSite(t, dir)
	for file, want := range map[string]int{"fa/rss.xml": 5, "fa/atom.xml": 5, "fa/updates.xml": 5, "en/rss.xml": 5} {
		tag := "<entry>"
		if strings.HasSuffix(file, "rss.xml") {
			tag = "<item>"
		}
		b := read(t, filepath.Join(dest, file))
		if got := strings.Count(b, tag); got != want {
			t.Errorf("%s: %d entries, want %d", file, got, want)
		}
	}
	// The newest: article 11 has the latest date (2023-12-12) among 1..12.
	if b := read(t, filepath.Join(dest, "fa/rss.xml")); !strings.Contains(b, "incidents/a11/") || strings.Contains(b, "incidents/a12/") {
		t.Errorf("fa/rss.xml does not hold the newest articles")
	}
	if got := strings.Count(read(t, filepath.Join(dest, "fa/incidents.json")), `"id":`); got != 12 {
		t.Errorf("fa/incidents.json: %d incidents, want 12", got)
	}
	if got := strings.Count(read(t, filepath.Join(dest, "sitemap.xml")), "/incidents/a"); got < 23 {
		t.Errorf("sitemap: %d article URLs, want every one", got)
	}
}

func TestMachineReadableOutput(t *testing.T) {
	dest := buildSite(t, "testdata/sites/basic")
	articles := map[string]int{"fa": 1, "en": 2}
	updates := map[string]int{"fa": 3, "en": 4}
	for lang, n := range articles {
		for _, f := range []string{"rss.xml", "atom.xml", "updates.xml"} {
			b := read(t, filepath.Join(dest, lang, f))
			checkWellFormed(t, lang+"/"+f, b)
			if !strings.Contains(b, `xml:lang="`+lang+`"`) {
				t.Errorf("%s/%s: no xml:lang", lang, f)
			}
			want := n
			tag := "<entry>"
			if f == "rss.xml" {
				tag = "<item>"
			}
			if f == "updates.xml" {
				want = updates[lang]
			}
			if got := strings.Count(b, tag); got != want {
				t.Errorf("%s/%s: %d entries, want %d", lang, f, got, want)
			}
			if strings.Contains(b, `href="/`) {
				t.Errorf("%s/%s has a relative link", lang, f)
			}
		}
		var doc struct {
			Language  string `json:"language"`
			Incidents []struct {
				ID, URL  string
				Start    *string `json:"start"`
				Resolved *string `json:"resolved"`
				Duration *int64  `json:"duration_seconds"`
			} `json:"incidents"`
		}
		if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, lang, "incidents.json"))), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Language != lang || len(doc.Incidents) != n {
			t.Errorf("%s/incidents.json: language %q, %d incidents", lang, doc.Language, len(doc.Incidents))
		}
		for _, in := range doc.Incidents {
			if in.ID == "incidents/api-outage" && (in.Duration == nil || *in.Duration != 11*3600+54*60 || *in.Start != "2023-11-08T03:52:00Z") {
				t.Errorf("%s: api-outage start %v duration %v", lang, in.Start, in.Duration)
			}
		}
	}
	// Updates come newest first: "resolved" before "investigating".
	up := read(t, filepath.Join(dest, "en", "updates.xml"))
	if strings.Index(up, "Resolved: ") > strings.Index(up, "Investigating: ") {
		t.Error("updates.xml is not newest first")
	}
	sm := read(t, filepath.Join(dest, "sitemap.xml"))
	checkWellFormed(t, "sitemap.xml", sm)
	for _, want := range []string{
		`<xhtml:link rel="alternate" hreflang="fa" href="https://example.org/news/fa/incidents/api-outage/"/>`,
		`<xhtml:link rel="alternate" hreflang="en" href="https://example.org/news/en/incidents/api-outage/"/>`,
		`<loc>https://example.org/news/en/incidents/older-en-only/</loc>`,
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if got := read(t, filepath.Join(dest, "robots.txt")); !strings.Contains(got, "Sitemap: https://example.org/news/sitemap.xml") {
		t.Errorf("robots.txt = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, ".nojekyll")); err != nil {
		t.Error(err)
	}
	page := read(t, filepath.Join(dest, "fa", "incidents", "api-outage", "index.html"))
	for _, want := range []string{`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"`,
		`"datePublished":"2023-11-08T18:00:00Z"`, `"inLanguage":"fa"`, `<meta property="og:url" content="https://example.org/news/fa/incidents/api-outage/">`,
		`<meta name="twitter:card"`} {
		if !strings.Contains(page, want) {
			t.Errorf("article lacks %s", want)
		}
	}
}

func checkWellFormed(t *testing.T, name, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
			return
		}
	}
}

// TestReproducible builds the same site twice, in different places and with different numbers of
// workers: the trees are byte-identical.
func TestReproducible(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a", "public")
	b := filepath.Join(t.TempDir(), "elsewhere", "b")
	if _, err := ToDir(Options{Source: "../..", Theme: rokhdad.Theme, Workers: 1}, a); err != nil {
		t.Fatal(err)
	}
	site := copyDir(t, "../..")
	if _, err := ToDir(Options{Source: site, Theme: rokhdad.Theme, Workers: 8}, b); err != nil {
		t.Fatal(err)
	}
	ha, hb := treeHash(t, a), treeHash(t, b)
	if len(ha) != len(hb) {
		t.Errorf("%d files vs %d", len(ha), len(hb))
	}
	for k, v := range ha {
		if hb[k] != v {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

// TestCNAME: cname in site.toml writes CNAME for branch deploys; without it there is none.
func TestCNAME(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	cfg := filepath.Join(site, "site.toml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("cname = \"news.example.org\"\n"+string(b)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := buildSite(t, site)
	if got := read(t, filepath.Join(dest, "CNAME")); got != "news.example.org\n" {
		t.Errorf("CNAME = %q", got)
	}
	if _, err := os.Stat(filepath.Join(buildSite(t, "testdata/sites/basic"), "CNAME")); !os.IsNotExist(err) {
		t.Error("CNAME written without cname in site.toml")
	}
}
