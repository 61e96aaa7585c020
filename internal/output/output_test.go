package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

// Copy writes what it reads as the file; a failing read is an error that names the file.
func TestCopy(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := NewDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := Copy(s, "css/site.css", strings.NewReader("a{}")); err != nil {
		t.Fatal(err)
	}
	if err := Copy(s, "bad.css", failingReader{}); err == nil || !strings.Contains(err.Error(), "bad.css") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a failing read: %v", err)
	}
	if err := s.Remove("bad.css"); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "css", "site.css")); err != nil || string(b) != "a{}" {
		t.Errorf("css/site.css = %q, %v", b, err)
	}
}

// One lock at a time: a second LockDest fails at once, saying so, until the first is released. The
// folder that holds the destination is made for the lock file.
func TestLockDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out", "public")
	l, err := LockDest(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockDest(dest); err == nil || !strings.Contains(err.Error(), "another build is writing "+dest) {
		t.Errorf("a second lock: %v", err)
	}
	l.Unlock()
	l, err = LockDest(dest)
	if err != nil {
		t.Fatalf("after Unlock: %v", err)
	}
	l.Unlock()
	if _, err := os.Stat(LockFile(dest)); err != nil {
		t.Errorf("no lock file: %v", err)
	}
}

// CheckDest gives the destination's canonical path, and refuses the site itself.
func TestCheckDest(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(site, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	got, err := CheckDest(filepath.Join(root, "link", "public"), site)
	if real, _ := filepath.EvalSymlinks(site); err != nil || got != filepath.Join(real, "public") {
		t.Errorf("CheckDest = %q, %v", got, err)
	}
	if _, err := CheckDest(filepath.Join(root, "link"), site); err == nil || !strings.Contains(err.Error(), "is the site") {
		t.Errorf("the site itself: %v", err)
	}
}
