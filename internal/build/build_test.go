package build

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// buildSite builds the site in dir into a new temporary destination and returns it.
func buildSite(t *testing.T, dir string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(Options{Source: dir, Theme: rokhdad.Theme}, dest); err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	return dest
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// copyDir copies a site directory so a test can change it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() && (rel == "public" || rel == ".git" || rel == "node_modules" || rel == "test-output") {
			return fs.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// treeHash maps every file under dir to a hash of its bytes.
func treeHash(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGoldenArticlePages(t *testing.T) {
	dest := buildSite(t, "testdata/sites/basic")
	for _, lang := range []string{"fa", "en"} {
		got := read(t, filepath.Join(dest, lang, "incidents", "api-outage", "index.html"))
		golden := filepath.Join("testdata", "golden", "api-outage."+lang+".html")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want := read(t, golden)
		if got != want {
			t.Errorf("%s differs from %s (run go test ./internal/build -update and review the diff)\n%s", lang, golden, firstDiff(want, got))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return ""
}

// TestOwnSite builds the repository's own site and checks what every page must have.
func TestOwnSite(t *testing.T) {
	dest := buildSite(t, "../..")
	const name = "openai-outage-november-2023"
	fa := read(t, filepath.Join(dest, "fa", "incidents", name, "index.html"))
	en := read(t, filepath.Join(dest, "en", "incidents", name, "index.html"))
	faHome := read(t, filepath.Join(dest, "fa", "index.html"))
	enHome := read(t, filepath.Join(dest, "en", "index.html"))
	landing := read(t, filepath.Join(dest, "index.html"))

	for _, c := range []struct {
		name, html, lang, dir string
	}{{"fa article", fa, "fa", "rtl"}, {"en article", en, "en", "ltr"}, {"fa home", faHome, "fa", "rtl"}, {"en home", enHome, "en", "ltr"}} {
		if !strings.Contains(c.html, `<html lang="`+c.lang+`" dir="`+c.dir+`">`) {
			t.Errorf("%s: no <html lang=%q dir=%q>", c.name, c.lang, c.dir)
		}
	}
	faURL := "https://rokhdad.github.io/rokhdad/fa/incidents/" + name + "/"
	enURL := "https://rokhdad.github.io/rokhdad/en/incidents/" + name + "/"
	for _, page := range []string{fa, en} {
		for _, want := range []string{
			`<link rel="alternate" hreflang="fa" href="` + faURL + `">`,
			`<link rel="alternate" hreflang="en" href="` + enURL + `">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("article lacks %s", want)
			}
		}
	}
	// The language switcher links the translation.
	if !regexp.MustCompile(`<nav class="langs"[^>]*>\s*<a href="/rokhdad/en/incidents/` + name + `/" hreflang="en"`).MatchString(fa) {
		t.Error("fa article's language switcher does not link the English translation")
	}
	if !regexp.MustCompile(`<nav class="langs"[^>]*>\s*<a href="/rokhdad/fa/incidents/` + name + `/" hreflang="fa"`).MatchString(en) {
		t.Error("en article's language switcher does not link the Persian translation")
	}
	// Homes list the article, newest first, and link each other.
	if !strings.Contains(faHome, `href="/rokhdad/fa/incidents/`+name+`/"`) || !strings.Contains(enHome, `href="/rokhdad/en/incidents/`+name+`/"`) {
		t.Error("a language home does not list the article")
	}
	// The landing page links both languages and their latest reports, and sends no one anywhere.
	for _, want := range []string{`href="/rokhdad/fa/"`, `href="/rokhdad/en/"`, `href="/rokhdad/fa/incidents/` + name + `/"`, `href="/rokhdad/en/incidents/` + name + `/"`} {
		if !strings.Contains(landing, want) {
			t.Errorf("landing page lacks %s", want)
		}
	}
	if strings.Contains(landing, `http-equiv="refresh"`) {
		t.Error("the landing page sends readers to one language")
	}
	// The timeline in each reader's terms.
	for _, want := range []string{`datetime="2023-11-08T03:52:00Z">۰۷:۲۲</time>`, `۱۹:۵۲ PST`, `datetime="2023-11-08T15:46:00Z">۱۹:۱۶</time>`, `۱۷ آبان ۱۴۰۲`, `۸ نوامبر ۲۰۲۳`, `۱۱ ساعت و ۵۴ دقیقه`} {
		if !strings.Contains(fa, want) {
			t.Errorf("fa article lacks %s", want)
		}
	}
	if i, j := strings.Index(fa, `۱۷ آبان ۱۴۰۲</time>`), strings.Index(fa, `>۰۷:۲۲</time>`); i < 0 || j < i {
		t.Error("fa timeline: ۰۷:۲۲ is not under the ۱۷ آبان ۱۴۰۲ heading")
	}
	for _, want := range []string{`datetime="2023-11-08T03:52:00Z">03:52 UTC</time>`, `<bdi dir="ltr">19:52 PST</bdi>`, `8 November 2023`, `11 h 54 min`} {
		if !strings.Contains(en, want) {
			t.Errorf("en article lacks %s", want)
		}
	}
	// An article page's HTML plus CSS stays under 50 KB uncompressed (fonts and images aside).
	css, err := os.Stat(filepath.Join(dest, "css", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{fa, en} {
		if n := int64(len(page)) + css.Size(); n > 50*1024 {
			t.Errorf("article HTML + CSS is %d bytes, over 50 KB", n)
		}
	}
	// Static files of the embedded theme are there.
	for _, f := range []string{"css/site.css", "js/localtime.js"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	dest := filepath.Join(t.TempDir(), "public")
	o := Options{Source: site, Theme: rokhdad.Theme}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	bad := filepath.Join(site, "content", "en", "incidents", "api-outage.md")
	src := read(t, bad)
	broken := strings.Replace(src, `severity = "major"`, `severity = "major`, 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ToDir(o, dest)
	if err == nil {
		t.Fatal("a malformed front matter built")
	}
	d := diag.Flatten(err)[0]
	if d.File != "content/en/incidents/api-outage.md" || d.Line != 8 {
		t.Errorf("error at %s, want content/en/incidents/api-outage.md:8: %v", d.Pos(), err)
	}
	assertUnchanged(t, dest, before, "after the failed build")
	assertNoTemp(t, filepath.Dir(dest))
}

func TestRebuildRemovesDeletedArticle(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	dest := filepath.Join(t.TempDir(), "public")
	o := Options{Source: site, Theme: rokhdad.Theme}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dest, "en", "incidents", "older-en-only", "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(site, "content", "en", "incidents", "older-en-only.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("page of the deleted article remains: %v", err)
	}
	assertNoTemp(t, filepath.Dir(dest))
}

// assertUnchanged reports every way the tree at dir differs from before (a treeHash): files added,
// removed or changed. when says in which situation, for the messages.
func assertUnchanged(t *testing.T, dir string, before map[string]string, when string) {
	t.Helper()
	after := treeHash(t, dir)
	if len(after) != len(before) {
		t.Errorf("%s: %d files, %d before", when, len(after), len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s changed", when, k)
		}
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	kept := names[:0]
	for _, n := range names {
		// the previous output, kept for the next build, and the lock file that keeps builds apart
		if n != filepath.Base(output.BackDir(filepath.Join(dir, "public"))) && n != filepath.Base(output.LockFile(filepath.Join(dir, "public"))) {
			kept = append(kept, n)
		}
	}
	names = kept
	sort.Strings(names)
	if len(names) != 1 || names[0] != "public" {
		t.Errorf("beside the destination: %v, want only public (and its back folder)", names)
	}
}

func TestUnknownLanguageFolder(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	if err := os.MkdirAll(filepath.Join(site, "content", "de", "incidents"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := ToDir(Options{Source: site, Theme: rokhdad.Theme}, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), "content/de") || !strings.Contains(err.Error(), "not configured") {
		t.Errorf("err = %v", err)
	}
}

func TestMissingI18nKey(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	if err := os.MkdirAll(filepath.Join(site, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	en, err := rokhdad.Theme.ReadFile("i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	trimmed := regexp.MustCompile(`(?m)^older = .*\n`).ReplaceAll(en, nil)
	if err := os.WriteFile(filepath.Join(site, "i18n", "en.toml"), trimmed, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ToDir(Options{Source: site, Theme: rokhdad.Theme}, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), `"older"`) || !strings.Contains(err.Error(), `"en"`) {
		t.Errorf("err = %v", err)
	}
}
