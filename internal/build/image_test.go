package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// A front-matter image under static/ and an https one are published as such: the <img>, Open Graph
// and JSON-LD name the site's copy or the URL as written; a draft's picture that does not exist yet
// is no error until the draft is built.
func TestFrontMatterImage(t *testing.T) {
	site := badSite(t, "image-ok")
	dest := checkBad(t, site, []string{"ok"})
	if got := read(t, filepath.Join(dest, "images", "outage.jpg")); !strings.Contains(got, "not really a jpeg") {
		t.Errorf("static/images/outage.jpg not published: %q", got)
	}
	for _, c := range []struct {
		page string
		want []string
	}{
		{"en/incidents/a/index.html", []string{
			`<img src="/news/images/outage.jpg" alt="A dark data centre">`,
			`<meta property="og:image" content="https://example.org/news/images/outage.jpg">`,
			`"image":"https://example.org/news/images/outage.jpg"`,
		}},
		{"fa/incidents/a/index.html", []string{`<img src="/news/images/outage.jpg"`}},
		{"en/incidents/b/index.html", []string{
			`<img src="https://cdn.example.org/photos/outage.jpg?w=1200&amp;h=630" alt="A dark data centre">`,
			`<meta property="og:image" content="https://cdn.example.org/photos/outage.jpg?w=1200&amp;h=630">`,
			`"image":"https://cdn.example.org/photos/outage.jpg?w=1200\u0026h=630"`,
		}},
	} {
		page := read(t, filepath.Join(dest, filepath.FromSlash(c.page)))
		for _, want := range c.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", c.page, want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "en", "incidents", "draft")); !os.IsNotExist(err) {
		t.Errorf("the draft was published: %v", err)
	}
	_, err := ToDir(Options{Source: site, Theme: rokhdad.Theme, Drafts: true}, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), `content/en/incidents/draft.md:7:1: image "images/not-yet.jpg": there is no file static/images/not-yet.jpg`) {
		t.Errorf("with drafts: %v", err)
	}
}

// serve checks an edited article's image too, also when the edit keeps the article in its place.
func TestSessionImage(t *testing.T) {
	dir := incrementalSite(t, 3)
	write(t, dir, "static/images/x.jpg", "jpeg")
	sink := newMapSink()
	sess, _, err := NewSession(Options{Source: dir, Theme: rokhdad.Theme}, sink)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	const f = "content/en/incidents/a02.md"
	write(t, dir, f, article(2, "en", "image = \"images/x.jpg\"\nimage_alt = \"x\"\n"))
	if _, err := updateAll(sess, []string{f}, sink); err != nil {
		t.Fatalf("existing image: %v", err)
	}
	write(t, dir, f, article(2, "en", "image = \"images/nope.jpg\"\nimage_alt = \"x\"\n"))
	if _, err := updateAll(sess, []string{f}, sink); err == nil || !strings.Contains(err.Error(), f+`:3:1: image "images/nope.jpg": there is no file static/images/nope.jpg`) {
		t.Errorf("missing image: %v", err)
	}
	write(t, dir, f, article(2, "en", "draft = true\nimage = \"images/nope.jpg\"\nimage_alt = \"x\"\n"))
	if _, err := updateAll(sess, []string{f}, sink); err != nil {
		t.Errorf("a draft's missing image: %v", err)
	}
}
