package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// The bad-input corpus: every folder under testdata/bad is a small site plus expect.txt, which holds
// either "ok" (the site must build) or what the error must contain, one substring per line, the first
// being the position (file:line, or file or folder alone where no line means anything) with which one of
// the reported diagnostics must start. The cases share testdata/bad/site.toml; a case whose
// configuration is part of what it tests carries its own.

// badSite makes the case testdata/bad/NAME a site: a copy of its folder in a temporary one, with the
// shared site.toml added unless the case has its own, which must then differ from the shared one.
func badSite(t *testing.T, name string) string {
	t.Helper()
	dir := copyDir(t, filepath.Join("testdata", "bad", name))
	shared := read(t, filepath.Join("testdata", "bad", "site.toml"))
	own, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(shared), 0o644); err != nil {
			t.Fatal(err)
		}
	case err != nil:
		t.Fatal(err)
	case string(own) == shared:
		t.Fatalf("testdata/bad/%s/site.toml is the shared testdata/bad/site.toml: remove the copy", name)
	}
	return dir
}

// previousBuild makes a destination holding a good build and returns it with its tree hash.
func previousBuild(t *testing.T) (string, map[string]string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest); err != nil {
		t.Fatal(err)
	}
	return dest, treeHash(t, dest)
}

// safeToDir builds like ToDir but turns a panic into an error.
func safeToDir(o Options, dest string) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
			res = nil
		}
	}()
	return ToDir(o, dest)
}

// checkBad builds site over a previous good build and checks the outcome against expect.
func checkBad(t *testing.T, site string, expect []string) string {
	t.Helper()
	dest, before := previousBuild(t)
	_, err := safeToDir(Options{Source: site, Theme: rokhdad.Theme}, dest)
	if err != nil && strings.HasPrefix(err.Error(), "panic: ") {
		t.Fatalf("build panicked: %v", err)
	}
	defer assertNoTemp(t, filepath.Dir(dest))
	if len(expect) == 1 && expect[0] == "ok" {
		if err != nil {
			t.Fatalf("want a build, got: %v", err)
		}
		return dest
	}
	if err == nil {
		t.Fatalf("built, want an error containing %q", expect)
	}
	msg := err.Error()
	prefixed := false
	for _, d := range diag.Flatten(err) {
		if strings.HasPrefix(d.Error(), expect[0]+":") || d.Pos() == expect[0] {
			prefixed = true
		}
	}
	if !prefixed {
		t.Errorf("no diagnostic at %s:\n%s", expect[0], msg)
	}
	for _, want := range expect[1:] {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	assertUnchanged(t, dest, before, "previous output after the failed build")
	if testing.Verbose() {
		t.Logf("%s", msg)
	}
	return ""
}

func readExpect(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(read(t, filepath.Join(dir, "expect.txt")), "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s/expect.txt is empty", dir)
	}
	return out
}

func TestBadInput(t *testing.T) {
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) < 16 {
		t.Fatalf("found %d cases under testdata/bad", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dir := badSite(t, name)
			checkBad(t, dir, readExpect(t, dir))
		})
	}
}

// TestBadInputAtRunTime covers the cases that cannot be committed as files: a symbolic link out of the
// site and a 10 MB article.
func TestBadInputAtRunTime(t *testing.T) {
	good := read(t, "testdata/bad/bom-crlf/content/en/incidents/a.md")
	good = strings.ReplaceAll(strings.TrimPrefix(good, "\ufeff"), "\r\n", "\n")

	// Two names that differ only in case map to one URL. Made at run time: a checkout on a
	// case-insensitive file system could not hold both files.
	t.Run("case-collision", func(t *testing.T) {
		site := copyDir(t, "testdata/sites/basic")
		dir := filepath.Join(site, "content", "en", "incidents")
		if err := os.WriteFile(filepath.Join(dir, "Older-En-Only.md"), []byte(read(t, filepath.Join(dir, "older-en-only.md"))), 0o644); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) < 3 {
			t.Skip("case-insensitive file system: the two names are one file here")
		}
		checkBad(t, site, []string{"content/en/incidents/older-en-only.md", "would both be published at /news/en/incidents/older-en-only/"})
	})

	t.Run("symlink-outside", func(t *testing.T) {
		outside := filepath.Join(t.TempDir(), "secret.md")
		if err := os.WriteFile(outside, []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
		site := copyDir(t, "testdata/sites/basic")
		if err := os.Symlink(outside, filepath.Join(site, "content", "en", "incidents", "link.md")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		checkBad(t, site, []string{"content/en/incidents/link.md", "symbolic link", outside, "outside the site directory", "copy the file"})
	})

	t.Run("symlink-dir-outside", func(t *testing.T) {
		outside := t.TempDir()
		if err := os.WriteFile(filepath.Join(outside, "x.md"), []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
		site := copyDir(t, "testdata/sites/basic")
		if err := os.Symlink(outside, filepath.Join(site, "content", "en", "notes")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		checkBad(t, site, []string{"content/en/notes", "outside the site directory"})
	})

	t.Run("symlink-inside", func(t *testing.T) {
		// A link that stays inside the site is read like the file it points to.
		site := copyDir(t, "testdata/sites/basic")
		if err := os.WriteFile(filepath.Join(site, "shared.md"), []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("../../../shared.md", filepath.Join(site, "content", "en", "incidents", "shared.md")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		dest := checkBad(t, site, []string{"ok"})
		if _, err := os.Stat(filepath.Join(dest, "en", "incidents", "shared", "index.html")); err != nil {
			t.Error(err)
		}
	})

	// There is no size limit: a 10 MB article builds.
	t.Run("10MB-article", func(t *testing.T) {
		if testing.Short() {
			t.Skip("short")
		}
		site := copyDir(t, "testdata/sites/basic")
		var b strings.Builder
		b.WriteString(good)
		para := "The API returned errors to some callers while the database failed over; **engineers** rolled back the [change](https://example.org/) and watched the error rate fall.\n\n"
		for b.Len() < 10<<20 {
			b.WriteString(para)
		}
		if err := os.WriteFile(filepath.Join(site, "content", "en", "incidents", "big.md"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		dest := checkBad(t, site, []string{"ok"})
		st, err := os.Stat(filepath.Join(dest, "en", "incidents", "big", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() < 10<<20 {
			t.Errorf("big article page is %d bytes", st.Size())
		}
	})
}

// TestURLPolicy checks the URL policy of package site on the name fixtures: upper-case ASCII letters
// are lower-cased, Persian letters kept and percent-encoded the same way in links, sitemap and feeds.
func TestURLPolicy(t *testing.T) {
	dest := buildSite(t, badSite(t, "name-upper-case"))
	if _, err := os.Stat(filepath.Join(dest, "en", "incidents", "api-outage", "index.html")); err != nil {
		t.Errorf("API-Outage.md is not published at en/incidents/api-outage/: %v", err)
	}
	if home := read(t, filepath.Join(dest, "en", "index.html")); !strings.Contains(home, `href="/news/en/incidents/api-outage/"`) {
		t.Error("en home does not link /news/en/incidents/api-outage/")
	}

	dest = buildSite(t, badSite(t, "name-persian"))
	const name = "قطعی\u200cاینترنت"
	for _, lang := range []string{"fa", "en"} {
		if _, err := os.Stat(filepath.Join(dest, lang, "incidents", name, "index.html")); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
	sitemap := read(t, filepath.Join(dest, "sitemap.xml"))
	locs := regexp.MustCompile(`<loc>([^<]*/fa/incidents/[^<]*)</loc>`).FindAllStringSubmatch(sitemap, -1)
	if len(locs) != 1 {
		t.Fatalf("sitemap has %d fa article URLs: %q", len(locs), locs)
	}
	loc := locs[0][1]
	if !strings.HasPrefix(loc, "https://example.org/news/fa/incidents/%D9%82%D8%B7") || !strings.HasSuffix(loc, "/") {
		t.Errorf("sitemap URL %s is not the percent-encoded Persian name", loc)
	}
	rel := strings.TrimPrefix(loc, "https://example.org")
	home := read(t, filepath.Join(dest, "fa", "index.html"))
	if !strings.Contains(home, `href="`+rel+`"`) {
		t.Errorf("fa home has no href=%q (the sitemap's URL)", rel)
	}
	article := read(t, filepath.Join(dest, "en", "incidents", name, "index.html"))
	if !strings.Contains(article, `hreflang="fa" href="`+loc+`"`) {
		t.Errorf("en article's alternate link differs from the sitemap's %s", loc)
	}
	for _, f := range []string{"fa/index.xml", "fa/index.json", "incidents.json"} {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(f)))
		if err != nil {
			continue
		}
		if strings.Contains(string(b), "/fa/incidents/") && !strings.Contains(string(b), loc) {
			t.Errorf("%s links the article with another URL than the sitemap's %s", f, loc)
		}
	}
}
