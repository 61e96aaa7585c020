package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// What a build may do to the folders it is pointed at. rokhdad replaces its destination as a whole,
// so it must be sure that the destination is its own:
//
//   - Every output carries a marker file at its top (Marker) listing the files the build wrote. A
//     destination that exists, is not empty and has no marker was not made by rokhdad, and is
//     refused before anything is touched.
//   - A marked destination holding anything its marker does not list (a file or folder added by
//     hand since) stops the build, naming them, instead of being swapped aside and later deleted.
//   - A destination that is the site, lies inside its source folders, or holds the site is refused.
//   - One build at a time writes a destination: an OS file lock (flock) beside it, held for the
//     whole build and released by the kernel when the process ends, however it ends.
//
// The marker also makes the double-buffered back folder (see DirSink) cheap: between builds it holds
// exactly what its marker lists, so the next build knows what is there without walking it. While a
// build writes into the back folder, the marker is renamed to MarkerBuilding; a back folder found in
// that state (a build was killed) is walked instead.

// Marker is the file at the top of every output folder that says rokhdad wrote the folder, and
// which files in it. It is published with the site (as small as a sitemap, and saying no more).
const Marker = ".rokhdad-output"

// MarkerBuilding is the marker's name while a build is writing the folder.
const MarkerBuilding = Marker + ".building"

// markerHeader is the marker's first lines; the file names written follow, one per line, sorted.
const markerHeader = "# Written by rokhdad build. The next build replaces this folder as a whole; it stops instead if\n" +
	"# the folder holds anything that is not listed below. Files to publish belong in the site's static/.\n" +
	"rokhdad-output 1\n"

// LockFile is the file beside dest that a build holds locked while it writes dest.
func LockFile(dest string) string {
	dest = filepath.Clean(dest)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".rokhdad-lock")
}

// LockDest takes the build lock of dest, a canonical path (see CheckDest), creating the folder that
// holds it, or fails at once when another build holds the lock. It is held until Unlock, or until
// the process ends, however it ends.
func LockDest(dest string) (*Lock, error) {
	if parent := filepath.Dir(dest); parent != dest {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, fmt.Errorf("cannot create the folder %s that holds the destination %s: %w", parent, dest, err)
		}
	}
	return takeLock(dest)
}

// maxDestName is the longest destination name whose neighbours (the temporary folder
// ".NAME.rokhdad-tmp-123456789", the back folder and the lock file) fit the 255 bytes a file system
// allows a name.
const maxDestName = 255 - len("..rokhdad-tmp-") - 10

// CheckDest refuses a destination that a build of the site in source may not replace: the site's
// source, a folder inside it or holding it, a name too long for the folders kept beside it, or a
// folder of files rokhdad did not write. It returns dest's canonical path, with which LockDest and
// NewDirSink are called (NewDirSink checks the folder's files again, under the lock).
func CheckDest(dest, source string) (string, error) {
	cdest, err := canonical(dest)
	if err != nil {
		return "", fmt.Errorf("cannot resolve the destination %s: %w", dest, err)
	}
	csrc, err := canonical(source)
	if err != nil {
		return "", fmt.Errorf("cannot resolve the site directory %s: %w", source, err)
	}
	if err := checkOverSource(dest, cdest, source, csrc); err != nil {
		return "", err
	}
	if n := len(filepath.Base(cdest)); n > maxDestName {
		return "", fmt.Errorf("the destination's name %s is %d bytes long; rokhdad keeps its previous output and a lock beside it under longer names (%s), so the name can be at most %d bytes: choose a shorter one", diag.Quote(filepath.Base(cdest)), n, ".NAME"+BackSuffix, maxDestName)
	}
	// Refuse someone else's folder before even the lock file is made beside it.
	if _, err := checkForeignDest(cdest, false); err != nil {
		return "", err
	}
	return cdest, nil
}

// canonical makes p absolute with every symbolic link in its existing part resolved, so that two
// spellings of one folder compare equal. The part that does not exist yet is kept as written.
func canonical(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for at := abs; ; at = filepath.Dir(at) {
		if r, err := filepath.EvalSymlinks(at); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(at) == at {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(at), rest)
	}
}

// within reports whether p is dir or inside it (both canonical).
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}

// sourceParts are the parts of a site that a build reads; a destination may not be any of them.
var sourceParts = []string{"content", "layouts", "static", "i18n", "site.toml", ".git"}

// checkOverSource refuses a destination that would write over the site's source. dest and src are
// as the user gave them; cdest and csrc canonical.
func checkOverSource(dest, cdest, src, csrc string) error {
	shown := dest
	if cdest != filepath.Clean(dest) {
		shown = fmt.Sprintf("%s (that is, %s)", dest, cdest)
	}
	switch {
	case cdest == csrc:
		return fmt.Errorf("refusing to build into %s: it is the site directory %s, and the build would replace the site's own files; choose a folder of its own, such as the default %s", shown, csrc, filepath.Join(csrc, "public"))
	case within(csrc, cdest):
		return fmt.Errorf("refusing to build into %s: it holds the site directory %s, and the build would replace the site's own files; choose a folder of its own, such as the default %s", shown, csrc, filepath.Join(csrc, "public"))
	}
	for _, part := range sourceParts {
		if p := filepath.Join(csrc, part); within(cdest, p) {
			if part != "site.toml" {
				part += "/ folder"
			}
			return fmt.Errorf("refusing to build into %s: it is inside the site's %s (%s), which the build reads; choose a folder outside content/, layouts/, static/ and i18n/, such as the default %s", shown, part, p, filepath.Join(csrc, "public"))
		}
	}
	return nil
}

// marker is what a folder's marker says.
type marker struct {
	state string          // "": no marker; Marker; MarkerBuilding
	files map[string]bool // Marker: the files listed (slash paths)
}

// readMarker reads the marker of dir. A marker that cannot be read is an error; none is not.
func readMarker(dir string) (marker, error) {
	if _, err := os.Lstat(filepath.Join(dir, MarkerBuilding)); err == nil {
		return marker{state: MarkerBuilding}, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		return marker{}, nil
	}
	if err != nil {
		return marker{}, fmt.Errorf("cannot read rokhdad's marker %s: %w", filepath.Join(dir, Marker), err)
	}
	if !bytes.HasPrefix(b, []byte(markerHeader)) {
		return marker{}, fmt.Errorf("%s is not a marker this version of rokhdad wrote; if %s holds an older rokhdad output, delete the folder and build again", filepath.Join(dir, Marker), dir)
	}
	files := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b[len(markerHeader):]))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			files[line] = true
		}
	}
	return marker{state: Marker, files: files}, nil
}

// markerState is readMarker without reading the list of files.
func markerState(dir string) (marker, error) {
	for _, name := range []string{MarkerBuilding, Marker} {
		_, err := os.Lstat(filepath.Join(dir, name))
		if err == nil {
			return marker{state: name}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return marker{}, fmt.Errorf("cannot read rokhdad's marker %s: %w", filepath.Join(dir, name), err)
		}
	}
	return marker{}, nil
}

// writeMarker writes dir's marker listing files, replacing a MarkerBuilding marker atomically.
func writeMarker(dir string, files []string) error {
	sort.Strings(files)
	n := len(markerHeader)
	for _, f := range files {
		n += len(f) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, markerHeader...)
	for _, f := range files {
		b = append(b, f...)
		b = append(b, '\n')
	}
	building := filepath.Join(dir, MarkerBuilding)
	if err := os.WriteFile(building, b, 0o644); err != nil {
		return err
	}
	return os.Rename(building, filepath.Join(dir, Marker))
}

// markBuilding marks a back folder as being written, before its first file changes.
func markBuilding(dir string) error {
	err := os.Rename(filepath.Join(dir, Marker), filepath.Join(dir, MarkerBuilding))
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Lstat(filepath.Join(dir, MarkerBuilding)); serr == nil {
			return nil // already so: a build was stopped while writing it
		}
	}
	return err
}

// dirsOf lists the folders (slash paths) that the files imply, parents included.
func dirsOf(files map[string]bool) map[string]bool {
	dirs := map[string]bool{}
	for f := range files {
		for d := f; ; {
			i := strings.LastIndexByte(d, '/')
			if i < 0 {
				break
			}
			d = d[:i]
			if dirs[d] {
				break
			}
			dirs[d] = true
		}
	}
	return dirs
}

// strangers walks dir and lists (slash paths, folders with a trailing slash) what its marker
// does not: anything a user put there after the build that wrote it.
func strangers(dir string, m marker) ([]string, error) {
	dirs := dirsOf(m.files)
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if !dirs[rel] {
				out = append(out, rel+"/")
				return fs.SkipDir
			}
		case rel == Marker:
		case !d.Type().IsRegular() || !m.files[rel]:
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// someNames shows the first few of names, and how many more there are.
func someNames(names []string) string {
	const show = 8
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:show], ", "), len(names)-show)
}

// foreignError says that dest holds things that are not rokhdad's.
func foreignError(dest string, names []string) error {
	return fmt.Errorf("%s holds files that rokhdad did not write: %s. A build replaces %s as a whole, so rokhdad stops rather than lose them: move them out (files to publish belong in the site's static/) and build again", dest, someNames(names), dest)
}

// checkForeignDest refuses a destination that exists, is not empty and carries no marker. It
// returns the destination's marker, with its list of files only when list is set: a site's list
// is thousands of lines, and the check before the lock needs no more than the marker's presence.
func checkForeignDest(dest string, list bool) (marker, error) {
	st, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return marker{}, nil
	}
	if err != nil {
		return marker{}, err
	}
	if !st.IsDir() {
		return marker{}, fmt.Errorf("the destination %s exists and is not a folder; rokhdad replaces the destination as a whole, so choose another one", dest)
	}
	var m marker
	if list {
		m, err = readMarker(dest)
	} else {
		m, err = markerState(dest)
	}
	if err != nil {
		return m, err
	}
	if m.state == Marker {
		return m, nil
	}
	es, err := os.ReadDir(dest)
	if err != nil {
		return m, fmt.Errorf("cannot read the destination %s: %w", dest, err)
	}
	if len(es) == 0 {
		return m, nil
	}
	var names []string
	for _, e := range es {
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	hint := ""
	if _, err := os.Lstat(BackDir(dest)); err == nil {
		hint = fmt.Sprintf(" If it is the output of an older rokhdad, delete it and %s beside it.", BackDir(dest))
	}
	return m, fmt.Errorf("refusing to build into %s: it holds files not written by rokhdad (%s) and no %s marker of an earlier build, and a build replaces its destination as a whole. Empty it, or choose another folder with -d.%s", dest, someNames(names), Marker, hint)
}
