package source

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
