package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// TestStaticOverridesTheme: a site's static file replaces the theme's file of the same path — that
// is how a theme is customised, not a collision — and a static file beside an article's page is
// published with it.
func TestStaticOverridesTheme(t *testing.T) {
	dest := buildSite(t, badSite(t, "static-overrides-theme"))
	if got := read(t, filepath.Join(dest, "css", "site.css")); got != "a user's static/css/site.css\n" {
		t.Errorf("css/site.css is %q, want the site's own", got)
	}
	if got := read(t, filepath.Join(dest, "en", "incidents", "a", "diagram.txt")); got != "a user's static/en/incidents/a/diagram.txt\n" {
		t.Errorf("en/incidents/a/diagram.txt is %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "en", "incidents", "a", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestStaticSymlinks: symbolic links under static/ that stay inside the site are followed and their
// files published; links that leave the site, lead nowhere or contain themselves are errors naming
// the link. Made at run time: links cannot be committed portably.
func TestStaticSymlinks(t *testing.T) {
	link := func(t *testing.T, target, name string) string {
		t.Helper()
		site := badSite(t, "static-overrides-theme")
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		return site
	}
	write := func(t *testing.T, name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("file-inside", func(t *testing.T) {
		site := link(t, "../../shared/logo.txt", "static/img/logo.txt")
		write(t, filepath.Join(site, "shared", "logo.txt"), "logo")
		dest := checkBad(t, site, []string{"ok"})
		if got := read(t, filepath.Join(dest, "img", "logo.txt")); got != "logo" {
			t.Errorf("img/logo.txt is %q, want the linked file's contents", got)
		}
	})
	t.Run("dir-inside", func(t *testing.T) {
		site := link(t, "../assets", "static/assets")
		write(t, filepath.Join(site, "assets", "a.txt"), "a")
		write(t, filepath.Join(site, "assets", "sub", "b.txt"), "b")
		dest := checkBad(t, site, []string{"ok"})
		for name, want := range map[string]string{"assets/a.txt": "a", "assets/sub/b.txt": "b"} {
			if got := read(t, filepath.Join(dest, filepath.FromSlash(name))); got != want {
				t.Errorf("%s is %q, want %q", name, got, want)
			}
		}
	})
	t.Run("file-outside", func(t *testing.T) {
		outside := filepath.Join(t.TempDir(), "secret.txt")
		write(t, outside, "secret")
		site := link(t, outside, "static/secret.txt")
		checkBad(t, site, []string{"static/secret.txt", "symbolic link", outside, "outside the site directory", "copy the file"})
	})
	t.Run("dir-outside", func(t *testing.T) {
		outside := t.TempDir()
		write(t, filepath.Join(outside, "x.txt"), "x")
		site := link(t, outside, "static/docs")
		checkBad(t, site, []string{"static/docs", "outside the site directory"})
	})
	t.Run("dangling", func(t *testing.T) {
		site := link(t, "missing.txt", "static/gone.txt")
		checkBad(t, site, []string{"static/gone.txt", "does not exist"})
	})
	t.Run("loop", func(t *testing.T) {
		site := link(t, "..", "static/sub/loop")
		checkBad(t, site, []string{"static/sub/loop", "contains itself"})
	})
	t.Run("inside-collides", func(t *testing.T) {
		// A followed link is a static file like any other: it may not replace a generated one.
		site := link(t, "../robots.txt", "static/robots.txt")
		write(t, filepath.Join(site, "robots.txt"), "User-agent: *\n")
		checkBad(t, site, []string{"static/robots.txt", "would replace robots.txt"})
	})
}

// serve's incremental updates refuse the same collisions as a build: a new article in a taken
// section folder, and a new article whose page a static file already holds.
func TestSessionCollisions(t *testing.T) {
	dir := incrementalSite(t, 3)
	write(t, dir, "static/en/incidents/new/index.html", "a user's page")
	sink := newMapSink()
	sess, _, err := NewSession(Options{Source: dir, Theme: rokhdad.Theme}, sink)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()

	write(t, dir, "content/en/tags/outage.md", article(9, "en", ""))
	_, err = updateAll(sess, []string{"content/en/tags/outage.md"}, sink)
	if err == nil || !strings.HasPrefix(err.Error(), "content/en/tags/outage.md: ") || !strings.Contains(err.Error(), "/news/en/tags/outage/") {
		t.Errorf("new article in tags/: got %v", err)
	}
	if err := os.Remove(filepath.Join(dir, "content", "en", "tags", "outage.md")); err != nil {
		t.Fatal(err)
	}

	write(t, dir, "content/en/incidents/new.md", article(8, "en", ""))
	_, err = updateAll(sess, []string{"content/en/incidents/new.md"}, sink)
	if err == nil || !strings.HasPrefix(err.Error(), "static/en/incidents/new/index.html: ") || !strings.Contains(err.Error(), "content/en/incidents/new.md") {
		t.Errorf("new article over a static page: got %v", err)
	}
	if got := string(sink.files["en/incidents/new/index.html"]); got != "a user's page" {
		t.Errorf("the static page became %.40q", got)
	}
}
