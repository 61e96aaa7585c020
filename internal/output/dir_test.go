package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var _ Sink = (*DirSink)(nil)

// Generated paths never leave the destination.
func TestSinkRefusesPathsOutside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	sink, err := NewDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Abort()
	for _, p := range []string{"../x.html", "/etc/x", "a/../../x", ".."} {
		if err := sink.WriteFile(p, []byte("x")); err == nil {
			t.Errorf("wrote %q", p)
		}
		if err := sink.Remove(p); err == nil {
			t.Errorf("removed %q", p)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "x.html")); !os.IsNotExist(err) {
		t.Error("a file was written beside the destination")
	}
}

// commit writes files (slash path → content) into dest through a DirSink, removes the paths in
// remove after writing them, and commits.
func commit(t *testing.T, dest string, files map[string]string, remove ...string) *DirSink {
	t.Helper()
	s, err := NewDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	for p, body := range files {
		if err := s.WriteFile(p, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range remove {
		if err := s.Remove(p); err != nil {
			t.Fatalf("Remove(%s): %v", p, err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	return s
}

// tree lists the files and folders under dir (slash paths, folders with a trailing slash),
// without the marker.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			out = append(out, rel+"/")
		case rel != Marker:
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A file written and then removed in the same build is not in the output, nor in its marker, nor
// is a folder it leaves empty; the next build over that output goes on (it holds nothing the
// marker does not list), and so does Remove of a file this build did not write.
func TestDirSinkRemove(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"a/keep.html": "k", "a/b/gone.html": "g", "c/gone.html": "g", "top.html": "t"}
	for build := range 3 { // a fresh folder twice, then the back folder
		s := commit(t, dest, files, "a/b/gone.html", "c/gone.html", "never/written.html")
		if got, want := tree(t, dest), []string{"a/", "a/keep.html", "top.html"}; !slices.Equal(got, want) {
			t.Errorf("build %d: output %v, want %v", build, got, want)
		}
		if s.Files() != 2 {
			t.Errorf("build %d: Files() = %d, want 2", build, s.Files())
		}
		m, err := readMarker(dest)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.files) != 2 || !m.files["a/keep.html"] || !m.files["top.html"] {
			t.Errorf("build %d: marker lists %v", build, m.files)
		}
	}
	// The back folder held a/b/gone.html once; a build that writes it and removes it again leaves
	// it out too.
	commit(t, dest, map[string]string{"a/b/gone.html": "g", "x.html": "x"}, "a/b/gone.html")
	if got := tree(t, dest); strings.Join(got, " ") != "x.html" {
		t.Errorf("after a build over the back folder: %v", got)
	}
}
