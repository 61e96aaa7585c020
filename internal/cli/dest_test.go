package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build -d refuses, with exit 1 and one sentence naming the paths, every destination that would
// cost the user files: the site itself, its source folders, a folder that holds the site, and a
// folder of someone else's files. Whatever was there stays byte for byte.
func TestBuildRefusesDestinations(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	copyTree(t, "../build/testdata/sites/basic", site)
	mine := filepath.Join(t.TempDir(), "mine")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "thesis.tex"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := hashTree(t, site)
	mineBefore := hashTree(t, mine)
	cases := []struct{ dest, want string }{
		{site, "it is the site directory " + site},
		{filepath.Join(site, "content"), "it is inside the site's content/ folder (" + filepath.Join(site, "content") + ")"},
		{filepath.Join(site, "content", "en"), "inside the site's content/ folder"},
		{filepath.Dir(site), "it holds the site directory " + site},
		{"/", "it holds the site directory " + site},
		{mine, "refusing to build into " + mine + ": it holds files not written by rokhdad (thesis.tex)"},
	}
	for _, c := range cases {
		code, out, errOut := run("build", "-s", site, "-d", c.dest)
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("-d %s: exit %d, stdout %q, stderr %q; want 1 and %q", c.dest, code, out, errOut, c.want)
		}
		if strings.Contains(errOut, "rename") || strings.Contains(errOut, "mkdirtemp") {
			t.Errorf("-d %s: a raw system message: %s", c.dest, errOut)
		}
		if !sameTree(before, hashTree(t, site)) || !sameTree(mineBefore, hashTree(t, mine)) {
			t.Fatalf("-d %s changed the site or the user's folder", c.dest)
		}
	}
	// Its own folder, twice; then a file added by hand stops the third build, and stays.
	dest := filepath.Join(site, "public")
	for range 2 {
		if code, _, errOut := run("build", "-s", site, "-d", dest); code != 0 {
			t.Fatal(errOut)
		}
	}
	if err := os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run("build", "-s", site, "-d", dest)
	if code != 1 || !strings.Contains(errOut, dest+" holds files that rokhdad did not write: notes.txt") {
		t.Errorf("with a file added: exit %d, %s", code, errOut)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the added file: %q, %v", b, err)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
