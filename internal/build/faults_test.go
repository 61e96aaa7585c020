package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/output"
)

// failingSink passes writes through until the n-th, which fails, as a full disk would.
type failingSink struct {
	output.Sink
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

func (f *failingSink) Create(p string) (io.WriteCloser, error) {
	if f.fail() {
		return nil, errDiskFull
	}
	return f.Sink.Create(p)
}

// A build that fails midway, after some files were written, leaves the previous output exactly as it
// was and no temporary folder beside it.
func TestFaultMidwayWrite(t *testing.T) {
	for _, n := range []int64{1, 10, 25} {
		dest, before := previousBuild(t)
		var fsink *failingSink
		_, err := toDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest, func(s output.Sink) output.Sink {
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
		assertUnchanged(t, dest, before, fmt.Sprintf("write %d failing", n))
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

// A read-only parent. Root ignores permission bits, so as root the folder is made immutable with
// chattr +i instead, which root cannot write into either.
func TestFaultReadOnlyParent(t *testing.T) {
	dest, before := previousBuild(t)
	parent := filepath.Dir(dest)
	if os.Geteuid() == 0 {
		if err := exec.Command("chattr", "+i", parent).Run(); err != nil {
			t.Skipf("as root and without chattr +i here (%v); TestFaultParentIsFile covers an unwritable parent", err)
		}
		defer exec.Command("chattr", "-i", parent).Run()
	} else {
		if err := os.Chmod(parent, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(parent, 0o755)
	}
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil || !strings.Contains(err.Error(), dest) {
		t.Fatalf("err = %v", err)
	}
	assertUnchanged(t, dest, before, "read-only parent")
	assertNoTemp(t, parent)
}

// A full disk: the destination's folder is a 256 KiB tmpfs (as root, where mount is allowed), too
// small for the site. The build fails naming what it could not write, and the previous output —
// here, a marker file — stays.
func TestFaultFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", mnt).Run()
	dest := filepath.Join(mnt, "public")
	prev, err := output.NewDirSink(dest) // a previous output of one file, as a build writes it
	if err != nil {
		t.Fatal(err)
	}
	if err := prev.WriteFile("marker", []byte("previous")); err != nil {
		t.Fatal(err)
	}
	if err := prev.Commit(); err != nil {
		t.Fatal(err)
	}
	_, err = ToDir(Options{Source: "../..", Theme: rokhdad.Theme}, dest)
	if err == nil {
		t.Fatal("a site larger than the disk built")
	}
	if !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("err = %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "marker")); err != nil || string(b) != "previous" {
		t.Errorf("previous output lost: %q, %v", b, err)
	}
	assertNoTemp(t, mnt)
}
