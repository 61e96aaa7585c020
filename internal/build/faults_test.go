package build

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/render"
)

// failingSink passes writes through until the n-th, which fails, as a full disk would.
type failingSink struct {
	render.Sink
	n, count atomic.Int64
}

var errDiskFull = errors.New("no space left on device (simulated)")

func (f *failingSink) fail() bool { return f.count.Add(1) >= f.n.Load() }

func (f *failingSink) WriteFile(p string, b []byte) error {
	if f.fail() {
		return errDiskFull
	}
	return f.Sink.WriteFile(p, b)
}

func (f *failingSink) CopyFile(p string, r io.Reader) error {
	if f.fail() {
		return errDiskFull
	}
	return f.Sink.CopyFile(p, r)
}

// A build that fails midway, after some files were written, leaves the previous output exactly as it
// was and no temporary folder beside it.
func TestFaultMidwayWrite(t *testing.T) {
	for _, n := range []int64{1, 10, 25} {
		dest, before := previousBuild(t)
		var fsink *failingSink
		_, err := toDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest, func(s render.Sink) render.Sink {
			fsink = &failingSink{Sink: s}
			fsink.n.Store(n)
			return fsink
		})
		if !errors.Is(err, errDiskFull) && (err == nil || !strings.Contains(err.Error(), errDiskFull.Error())) {
			t.Fatalf("write %d failing: err = %v", n, err)
		}
		if fsink.count.Load() < n {
			t.Fatalf("only %d writes", fsink.count.Load())
		}
		after := treeHash(t, dest)
		if len(after) != len(before) {
			t.Errorf("write %d failing: %d files after, %d before", n, len(after), len(before))
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("write %d failing: %s changed", n, k)
			}
		}
		assertNoTemp(t, filepath.Dir(dest))
	}
}

// A destination whose parent is a regular file cannot be written beside (this stands in for a read-only
// parent, which root would ignore): a clear error naming the path, and nothing created.
func TestFaultParentIsFile(t *testing.T) {
	dir := t.TempDir()
	parent := filepath.Join(dir, "notafolder")
	if err := os.WriteFile(parent, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(parent, "public")
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil {
		t.Fatal("built under a regular file")
	}
	for _, want := range []string{parent, dest, "not a directory"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if b := read(t, parent); b != "x" {
		t.Errorf("the file in the way changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left beside: %v", entries)
	}
}

// A destination that is itself a regular file is never replaced by the site.
func TestFaultDestinationIsFile(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	if err := os.WriteFile(dest, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil || !strings.Contains(err.Error(), dest) || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("err = %v", err)
	}
	if b := read(t, dest); b != "keep me" {
		t.Errorf("destination file changed: %q", b)
	}
	assertNoTemp(t, dir)
}

// A read-only parent: only meaningful when not running as root, which ignores permissions.
func TestFaultReadOnlyParent(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores permissions; TestFaultParentIsFile covers an unwritable parent")
	}
	dest, before := previousBuild(t)
	parent := filepath.Dir(dest)
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o755)
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil || !strings.Contains(err.Error(), dest) {
		t.Fatalf("err = %v", err)
	}
	after := treeHash(t, dest)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed", k)
		}
	}
	assertNoTemp(t, parent)
}
