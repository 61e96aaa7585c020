package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/content"
)

const siteTOML = `baseURL = "https://example.org/"
defaultLanguage = "en"

[languages.en]
name = "English"
title = "Test"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
`

func article(title, extra string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2024-01-02T03:04:05Z\n" + extra + "+++\n\nBody.\n"
}

// writeSite writes files (slash paths) into a new site folder with siteTOML.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["site.toml"] = siteTOML
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, dir string, drafts bool) *Site {
	t.Helper()
	s, err := Load(Options{Source: dir, Drafts: drafts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func files(arts []*Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.File)
	}
	return out
}

func pageFiles(pages []*content.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.File)
	}
	return out
}

func problems(s *Site) string {
	var out []string
	for _, d := range s.Problems {
		out = append(out, d.Error())
	}
	return strings.Join(out, "\n")
}

// TestLoad: Articles are every article file, drafts and files that do not parse too, in path order;
// Problems are every problem; Published leaves out drafts unless asked for.
func TestLoad(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/en/news/b.md":       article("B", "draft = true\n"),
		"content/en/news/a.md":       article("A", ""),
		"content/en/news/c.md":       "no front matter\n",
		"content/en/misplaced.md":    article("M", ""),
		"content/de/news/d.md":       article("D", ""),
		"content/en/incidents/e.md":  article("E", ""),
		"content/en/news/.hidden.md": "not an article",
		"content/en/news/notes.txt":  "not an article",
		"elsewhere/dir/x":            "",
	})
	// A file that cannot be read is a problem, not an article.
	if err := os.Symlink(filepath.Join("..", "..", "..", "elsewhere", "dir"), filepath.Join(dir, "content", "en", "news", "f.md")); err != nil {
		t.Fatal(err)
	}
	for _, drafts := range []bool{false, true} {
		s := load(t, dir, drafts)
		if got, want := files(s.Articles), []string{"content/en/incidents/e.md", "content/en/news/a.md", "content/en/news/b.md", "content/en/news/c.md"}; !slices.Equal(got, want) {
			t.Errorf("Articles = %q, want %q", got, want)
		}
		for _, a := range s.Articles {
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a.File)))
			if err != nil || string(a.Src) != string(src) {
				t.Errorf("%s: Src = %q, want the file %q", a.File, a.Src, src)
			}
			if (a.Page == nil) != (a.File == "content/en/news/c.md") {
				t.Errorf("%s: Page = %v", a.File, a.Page)
			}
		}
		if p := s.Page("content/en/news/b.md"); p == nil || p.Title != "B" || p.Lang != "en" || p.Section != "news" || p.Name != "b" {
			t.Errorf("Page(b.md) = %+v", p)
		}
		got := problems(s)
		for _, want := range []string{"content/de: language folder de is not configured",
			"content/en/misplaced.md: articles live at content/<language>/<section>/<name>.md",
			"content/en/news/c.md:1:1:", "content/en/news/f.md: cannot read"} {
			if !strings.Contains(got, want) {
				t.Errorf("Problems:\n%s\nwant one starting %q", got, want)
			}
		}
		if len(s.Problems) != 4 {
			t.Errorf("%d problems, want 4:\n%s", len(s.Problems), got)
		}
		if s.Err() == nil {
			t.Error("Err() = nil with problems")
		}
		want := []string{"content/en/incidents/e.md", "content/en/news/a.md"}
		if drafts {
			want = []string{"content/en/incidents/e.md", "content/en/news/a.md", "content/en/news/b.md"}
		}
		if got := pageFiles(s.Published()); !slices.Equal(got, want) {
			t.Errorf("drafts %v: Published() = %q, want %q", drafts, got, want)
		}
	}
}

// TestLoadDraftImage: a draft's missing image is a problem only when drafts are published.
func TestLoadDraftImage(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/en/news/a.md": article("A", "draft = true\nimage = \"images/x.jpg\"\nimage_alt = \"x\"\n"),
	})
	if s := load(t, dir, false); s.Err() != nil {
		t.Errorf("without drafts: %v", s.Err())
	}
	if s := load(t, dir, true); !strings.Contains(problems(s), "static/images/x.jpg") {
		t.Errorf("with drafts: problems %q, want the missing image", problems(s))
	}
}

func TestLoadStops(t *testing.T) {
	if _, err := Load(Options{Source: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no site.toml") {
		t.Errorf("Load without site.toml: %v", err)
	}
}

// TestReadWith: Read reads one article again; With makes a new Site and leaves the old one as it was.
func TestReadWith(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/en/news/a.md": article("A", ""),
		"content/en/news/b.md": article("B", ""),
		"content/en/news/c.md": article("C", ""),
	})
	s := load(t, dir, false)
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/en/news/a.md", article("A2", ""))
	write("content/en/news/ab.md", article("AB", ""))
	write("content/en/news/bad.md", article("Bad", "nokey = 1\n"))
	if err := os.Remove(filepath.Join(dir, "content", "en", "news", "c.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "content", "en", "news", "dir.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	a, err := s.Read("content/en/news/a.md")
	if err != nil || a.Title != "A2" || a.Name != "a" {
		t.Fatalf("Read(a.md) = %+v, %v", a, err)
	}
	ab, err := s.Read("content/en/news/ab.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Read("content/en/news/c.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read of a deleted file: %v, want fs.ErrNotExist", err)
	}
	var pe *fs.PathError
	if _, err := s.Read("content/en/news/dir.md"); !errors.As(err, &pe) {
		t.Errorf("Read of a folder: %v, want a *fs.PathError", err)
	}
	if _, err := s.Read("content/en/news/bad.md"); err == nil || errors.As(err, &pe) || !strings.Contains(err.Error(), "nokey") {
		t.Errorf("Read of a bad article: %v, want its problem", err)
	}

	n := s.With(map[string]*content.Page{"content/en/news/a.md": a, "content/en/news/ab.md": ab, "content/en/news/c.md": nil})
	if got, want := files(n.Articles), []string{"content/en/news/a.md", "content/en/news/ab.md", "content/en/news/b.md"}; !slices.Equal(got, want) {
		t.Errorf("With: Articles = %q, want %q", got, want)
	}
	if n.Page("content/en/news/a.md") != a || n.Page("content/en/news/ab.md") != ab || n.Page("content/en/news/c.md") != nil {
		t.Error("With: the pages are not the changed ones")
	}
	if n.Articles[2] != s.Articles[1] {
		t.Error("With: an unchanged article is not shared")
	}
	if got, want := files(s.Articles), []string{"content/en/news/a.md", "content/en/news/b.md", "content/en/news/c.md"}; !slices.Equal(got, want) {
		t.Errorf("With changed the old site: Articles = %q, want %q", got, want)
	}
	if s.Page("content/en/news/a.md").Title != "A" {
		t.Error("With changed the old site's article")
	}
	if n.Config != s.Config || n.FS != s.FS {
		t.Error("With: the new site does not share the configuration and the folder")
	}
}
