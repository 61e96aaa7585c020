package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// newsSite is the basic fixture with a publisher, a default author, a default image and locales in
// site.toml, and authors on the Persian article.
func newsSite(t *testing.T) string {
	t.Helper()
	dir := copyDir(t, "testdata/sites/basic")
	cfg := read(t, filepath.Join(dir, "site.toml"))
	cfg = strings.Replace(cfg, "[languages.fa]", `image = "images/share.png"

[publisher]
name = "Test News"
url = "https://example.org/news/"
logo = "logo.png"

[author]
name = "Test desk"

[languages.fa]`, 1)
	cfg = strings.Replace(cfg, "weight = 1\n", "weight = 1\n\n[languages.fa.publisher]\nname = \"خبر آزمایشی\"\n", 1)
	cfg = strings.Replace(cfg, "weight = 2\n", "weight = 2\nlocale = \"en_GB\"\n", 1)
	write(t, dir, "site.toml", cfg)
	write(t, dir, "static/logo.png", "not really a PNG")
	write(t, dir, "static/images/share.png", "not really a PNG")
	fa := read(t, filepath.Join(dir, "content/fa/incidents/api-outage.md"))
	write(t, dir, "content/fa/incidents/api-outage.md", strings.Replace(fa, "services = ", "authors = [\"مریم\", \"Sam Lee\"]\nservices = ", 1))
	return dir
}

var ldScript = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

func newsArticle(t *testing.T, page string) map[string]any {
	t.Helper()
	m := ldScript.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD on the page")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	return v
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestNewsMetadata: the NewsArticle names its authors (the article's, else the site's), its
// publisher with a logo, an image (the article's, else the site's), when it was modified, its
// language, the site it is part of and the services it is about; the page has a byline, Open Graph
// locales and an x-default alternate; the sitemap has x-default alternates and the archive pages.
func TestNewsMetadata(t *testing.T) {
	dest := buildSite(t, newsSite(t))
	fa := read(t, filepath.Join(dest, "fa/incidents/api-outage/index.html"))
	en := read(t, filepath.Join(dest, "en/incidents/api-outage/index.html"))
	only := read(t, filepath.Join(dest, "en/incidents/older-en-only/index.html"))

	for _, c := range []struct {
		name string
		got  any
		want string
	}{
		{"fa author", newsArticle(t, fa)["author"], `[{"@type":"Person","name":"مریم"},{"@type":"Person","name":"Sam Lee"}]`},
		{"en author", newsArticle(t, en)["author"], `[{"@type":"Organization","name":"Test desk"}]`},
		{"fa publisher", newsArticle(t, fa)["publisher"], `{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://example.org/news/logo.png"},"name":"خبر آزمایشی","url":"https://example.org/news/"}`},
		{"en publisher", newsArticle(t, en)["publisher"], `{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://example.org/news/logo.png"},"name":"Test News","url":"https://example.org/news/"}`},
		{"image", newsArticle(t, en)["image"], `"https://example.org/news/images/share.png"`},
		{"isPartOf", newsArticle(t, en)["isPartOf"], `{"@type":"WebSite","name":"Test incidents","url":"https://example.org/news/en/"}`},
		{"about", newsArticle(t, en)["about"], `[{"@type":"Service","name":"API","url":"https://example.org/news/en/services/api/"},{"@type":"Service","name":"ChatGPT","url":"https://example.org/news/en/services/chatgpt/"}]`},
		{"inLanguage", newsArticle(t, fa)["inLanguage"], `"fa"`},
		// The last update (12:00 +04:30) is after the article's date: the article changed then.
		{"dateModified", newsArticle(t, only)["dateModified"], `"2021-07-01T07:30:00Z"`},
	} {
		if got := jsonOf(c.got); got != c.want {
			t.Errorf("%s = %s, want %s", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		name, page string
		want       []string
		not        []string
	}{
		{"fa", fa, []string{
			`<p class="byline">نوشتهٔ <bdi>مریم</bdi>، <bdi>Sam Lee</bdi></p>`,
			`<meta property="og:locale" content="fa_IR">`,
			`<meta property="og:locale:alternate" content="en_GB">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/news/fa/incidents/api-outage/">`,
			`<meta property="og:image" content="https://example.org/news/images/share.png">`,
		}, nil},
		{"en", en, []string{
			`<p class="byline">By <bdi>Test desk</bdi></p>`,
			`<meta property="og:locale" content="en_GB">`,
			`<meta property="og:locale:alternate" content="fa_IR">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/news/fa/incidents/api-outage/">`,
		}, nil},
		{"en only", only, []string{`<link rel="alternate" hreflang="x-default" href="https://example.org/news/en/incidents/older-en-only/">`},
			[]string{`og:locale:alternate`}},
		{"en home", read(t, filepath.Join(dest, "en/index.html")), []string{
			`<link rel="alternate" hreflang="x-default" href="https://example.org/news/">`,
			`<meta property="og:locale:alternate" content="fa_IR">`,
		}, nil},
		{"fa archive", read(t, filepath.Join(dest, "fa/archive/index.html")), []string{
			`<link rel="alternate" hreflang="x-default" href="https://example.org/news/fa/archive/">`,
		}, nil},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.page, w) {
				t.Errorf("%s page lacks %s", c.name, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(c.page, w) {
				t.Errorf("%s page has %s", c.name, w)
			}
		}
	}

	sm := read(t, filepath.Join(dest, "sitemap.xml"))
	checkWellFormed(t, "sitemap.xml", sm)
	for _, w := range []string{
		`<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/news/fa/incidents/api-outage/"/>`,
		`<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/news/"/>`,
		`<loc>https://example.org/news/</loc>`,
		`<loc>https://example.org/news/en/archive/2023/</loc>`,
		`<loc>https://example.org/news/en/archive/2023/11/</loc>`,
		`<loc>https://example.org/news/en/archive/2021/07/</loc>`,
		`<loc>https://example.org/news/fa/archive/1402/08/</loc>`,
	} {
		if !strings.Contains(sm, w) {
			t.Errorf("sitemap lacks %s", w)
		}
	}
}

// sdttScript runs structured-data-testing-tool's API on every file named after the module folder,
// requiring a NewsArticle and Google's preset, and fails on any failed test or warning.
const sdttScript = `
const [mod, ...files] = process.argv.slice(1);
const { structuredDataTest } = require(mod);
const { Google } = require(mod + "/presets");
const fs = require("fs");
(async () => {
  let bad = 0;
  for (const f of files) {
    let res;
    try { res = await structuredDataTest(fs.readFileSync(f), { presets: [Google], schemas: ["NewsArticle"] }); }
    catch (err) { if (err.type !== "VALIDATION_FAILED") throw err; res = err.res; }
    const problems = [...res.failed, ...res.warnings];
    for (const t of problems) console.log(f + ": " + (t.warning ? "warning" : "failed") + ": " + t.test + (t.error ? " (" + t.error.message + ")" : ""));
    if (res.passed.length === 0) { console.log(f + ": no test ran"); bad++; }
    bad += problems.length;
  }
  process.exit(bad ? 1 : 0);
})().catch(err => { console.error(err); process.exit(2); });
`

// TestStructuredDataPassesGoogle runs structured-data-testing-tool's Google preset (npm ci
// installs it; without it the test skips) on article pages of this repository's own site and of
// the news fixture: every test Google's preset has, warnings included, passes.
func TestStructuredDataPassesGoogle(t *testing.T) {
	mod, err := filepath.Abs("../../node_modules/structured-data-testing-tool")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(mod, "presets.js")); err != nil {
		t.Skip("structured-data-testing-tool is not installed (npm ci)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node")
	}
	own := buildSite(t, "../..")
	news := buildSite(t, newsSite(t))
	args := []string{"-e", sdttScript, mod,
		filepath.Join(news, "fa/incidents/api-outage/index.html"), filepath.Join(news, "en/incidents/older-en-only/index.html")}
	for _, lang := range []string{"fa", "en"} {
		found, _ := filepath.Glob(filepath.Join(own, lang, "incidents", "*", "index.html"))
		if len(found) == 0 {
			t.Fatalf("no %s articles in the site", lang)
		}
		args = append(args, found...)
	}
	if out, err := exec.Command("node", args...).CombinedOutput(); err != nil {
		t.Errorf("structured-data-testing-tool, Google preset: %v\n%s", err, out)
	}
}
