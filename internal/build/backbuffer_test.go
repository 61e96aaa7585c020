package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/output"
)

// Builds write over the output before the previous one (output.BackDir). Whatever that folder holds —
// pages of articles since deleted, a file where a folder is now needed, a folder where a file is,
// a stray link — the result is byte for byte what a build into an empty folder gives, and the
// previous output is what the back folder holds afterwards.
func TestBackFolderGivesTheSameOutput(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	dest := filepath.Join(t.TempDir(), "public")
	back := output.BackDir(dest)
	o := Options{Source: site, Theme: rokhdad.Theme}
	build := func() {
		t.Helper()
		if _, err := ToDir(o, dest); err != nil {
			t.Fatal(err)
		}
	}
	build() // fresh folder, no back folder yet
	if _, err := os.Stat(back); !os.IsNotExist(err) {
		t.Fatalf("after the first build: back folder %v", err)
	}
	first := treeHash(t, dest)
	build() // fresh folder again; the first output becomes the back folder
	assertUnchanged(t, back, first, "back folder after the second build")

	// Make the back folder (the next build's scratch) as unlike the site as possible.
	mess := map[string]func(string) error{
		"en/incidents/older-en-only/index.html": nil, // exists; the article is deleted below
		"en/incidents/api-outage":               func(p string) error { return os.RemoveAll(p) },
		"fa/index.html/x":                       nil,
		"stray/dir/file.txt":                    nil,
		"link":                                  nil,
	}
	for rel, fn := range mess {
		p := filepath.Join(back, filepath.FromSlash(rel))
		switch {
		case fn != nil:
			if err := fn(p); err != nil {
				t.Fatal(err)
			}
		case rel == "link":
			if err := os.Symlink("/etc", p); err != nil {
				t.Fatal(err)
			}
		case rel == "fa/index.html/x":
			os.Remove(filepath.Dir(p))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		default:
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte("stale"), 0o644)
		}
	}
	// A longer file than the build writes: it must be cut to length.
	long := filepath.Join(back, "en", "index.html")
	if err := os.WriteFile(long, append([]byte(read(t, long)), make([]byte, 100000)...), 0o644); err != nil {
		t.Fatal(err)
	}
	// A page hard-linked elsewhere (a backup made with cp -al): the build must not change the copy.
	linked := filepath.Join(t.TempDir(), "backup.html")
	if err := os.Link(filepath.Join(back, "en", "archive", "index.html"), linked); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(linked, []byte("backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file where the build needs a folder.
	os.RemoveAll(filepath.Join(back, "en", "tags"))
	os.WriteFile(filepath.Join(back, "en", "tags"), []byte("in the way"), 0o644)

	// Such a mess is what a build that was killed while writing the back folder may leave; it then
	// carries the in-progress marker, and the next build walks it instead of trusting its list.
	if err := os.Rename(filepath.Join(back, output.Marker), filepath.Join(back, output.MarkerBuilding)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(site, "content", "en", "incidents", "older-en-only.md")); err != nil {
		t.Fatal(err)
	}
	second := treeHash(t, dest)
	build() // writes over the messed-up back folder
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(o, fresh); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, dest, treeHash(t, fresh), "output built over the back folder, against a fresh build")
	assertUnchanged(t, back, second, "back folder after the third build")
	if _, err := os.Lstat(filepath.Join(dest, "link")); !os.IsNotExist(err) {
		t.Errorf("a link in the back folder survived: %v", err)
	}
	if got := read(t, linked); got != "backup" {
		t.Errorf("the hard-linked copy changed: %.40q", got)
	}
	assertNoTemp(t, filepath.Dir(dest))

	// Deleting the back folder is safe: the next build starts a fresh one.
	if err := os.RemoveAll(back); err != nil {
		t.Fatal(err)
	}
	build()
	assertUnchanged(t, dest, treeHash(t, fresh), "after the back folder was deleted")
}

// A file (not a folder) at the back folder's name is not rokhdad's: the build refuses to touch it.
func TestBackFolderNameTaken(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.WriteFile(output.BackDir(dest), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil {
		t.Fatal("built over a file at the back folder's name")
	}
	if b, _ := os.ReadFile(output.BackDir(dest)); string(b) != "mine" {
		t.Errorf("the file was changed: %q", b)
	}
}
