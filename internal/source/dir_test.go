package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// Dir reads a folder's files by name, the same bytes os.ReadFile gives, never outside the site.
func TestDirReadFile(t *testing.T) {
	site := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(site, "content", "fa", "incidents")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("۰۱۲۳ abc\n"), 100000)
	files := map[string][]byte{"a.md": []byte("+++\ntitle = \"x\"\n+++\n"), "empty.md": nil, "big.md": big}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "inside.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out.md")); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open(site, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	d, err := fsys.OpenDir("content/fa/incidents")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for name, want := range files {
		got, err := d.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%q) = %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
	}
	if got, err := d.ReadFile("inside.md"); err != nil || !bytes.Equal(got, files["a.md"]) {
		t.Errorf("link inside the site: %q, %v", got, err)
	}
	for _, name := range []string{"out.md", "../../../../" + filepath.Base(outside), "sub", "missing.md", "", "..", "sub/../a.md"} {
		if got, err := d.ReadFile(name); err == nil {
			t.Errorf("ReadFile(%q) = %q, want an error", name, got)
		}
	}
	if _, err := fsys.OpenDir("../" + filepath.Base(filepath.Dir(outside))); err == nil {
		t.Error("opened a folder outside the site")
	}
}

// Files follows the site's symbolic links that stay inside it, listing a linked file under the
// link's name and a linked folder's files under the link's path, and reports every link that leaves
// the site, leads nowhere or contains itself, by the link's name; the theme's files come after.
func TestFilesSymlinks(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	write := func(name string) {
		t.Helper()
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	write("static/a.txt")
	write("shared/img/b.png")
	write("shared/img/sub/c.png")
	link("a.txt", "static/in.txt")
	link("../shared/img", "static/img")
	fsys, err := Open(site, fstest.MapFS{"static/a.txt": {Data: []byte("theme")}, "static/css/site.css": {Data: []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	files, err := fsys.Files("static")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, fmt.Sprintf("%s %v", f.Path, f.Theme))
	}
	want := []string{"static/a.txt false", "static/css/site.css true", "static/img/b.png false", "static/img/sub/c.png false", "static/in.txt false"}
	if !slices.Equal(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if f, err := fsys.Open(File{Path: "static/img/sub/c.png"}); err != nil {
		t.Error(err)
	} else {
		f.Close()
	}

	link(outside, "static/out")
	link(filepath.Join(outside, "x.txt"), "static/out.txt")
	link("missing.txt", "static/gone.txt")
	link("..", "static/img2")
	link("../../img", "shared/img/sub/up")
	_, err = fsys.Files("static")
	var bad []string
	for _, d := range diag.Flatten(err) {
		bad = append(bad, d.File)
	}
	slices.Sort(bad)
	if want := []string{"static/gone.txt", "static/img/sub/up", "static/img2", "static/out", "static/out.txt"}; !slices.Equal(bad, want) {
		t.Errorf("Files reported %q, want %q: %v", bad, want, err)
	}
}
