package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// BackSuffix names the folder beside the destination that holds the previous output between
// builds: for public/ it is .public.rokhdad-prev/. See DirSink.
const BackSuffix = ".rokhdad-prev"

// BackDir is the folder beside dest in which the output before the current one is kept.
func BackDir(dest string) string {
	dest = filepath.Clean(dest)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+BackSuffix)
}

// DirSink writes a build into a folder beside the destination that Commit swaps with it, so the
// destination is either the previous output or the complete new one, never a mixture.
//
// The folder is double-buffered. Creating a file or folder costs a file system several times more
// than rewriting one that exists (on ext4, creating 2,800 page folders and files takes about five
// times as long as overwriting the same files), and removing the previous output costs as much
// again. So Commit does not delete the previous output: it keeps it beside the destination
// (BackDir), and the next build writes over it — same folders, same file names — removes only what
// the new site no longer has, and swaps again. The first build, or one after the back folder was
// deleted, writes a fresh folder. Deleting the back folder is always safe.
type DirSink struct {
	dest  string
	tmp   string // where this build writes: the back folder, or a new temporary folder
	reuse bool   // tmp is the back folder, holding an older output

	scan    chan struct{} // closed when the back folder's inventory is known
	scanErr error
	old     map[string]bool // reuse: files (slash paths) the back folder held before this build
	oldDirs []string        // reuse: folders it held, parents first

	mu      sync.Mutex
	dirs    map[string]bool // folders known to exist (full paths)
	written map[string]bool // files written by this build (slash paths)
	emptied []string        // folders from which Remove deleted a file (full paths)
	files   atomic.Int64

	destMarked    bool          // the destination exists and carries rokhdad's marker
	destScan      chan struct{} // closed when the destination has been compared with its marker
	destStrangers []string      // what the destination holds that its marker does not list
	destErr       error
}

// NewDirSink prepares a folder beside dest to build into. dest must be rokhdad's (see
// checkForeignDest); a build also checks it with CheckDest and holds its lock (LockDest).
func NewDirSink(dest string) (*DirSink, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	destMarker, err := checkForeignDest(dest, true)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder %s that holds the destination %s: %w", parent, dest, err)
	}
	s := &DirSink{dest: dest, dirs: map[string]bool{}, written: map[string]bool{}, scan: make(chan struct{}),
		destMarked: destMarker.state == Marker, destScan: make(chan struct{})}
	if s.destMarked {
		go func() { // what a user added to the output since it was built stops the build at Commit
			defer close(s.destScan)
			s.destStrangers, s.destErr = strangers(dest, destMarker)
		}()
	} else {
		close(s.destScan)
	}
	back := BackDir(dest)
	if st, err := os.Lstat(back); err == nil && st.IsDir() {
		m, err := readMarker(back)
		if err != nil {
			close(s.scan)
			return nil, err
		}
		if m.state == "" {
			close(s.scan)
			return nil, fmt.Errorf("%s is in the way: rokhdad keeps the previous output of %s there, but this folder has no %s marker of a rokhdad build; if it holds nothing of yours (an older rokhdad's output), delete it and build again", back, dest, Marker)
		}
		if err := markBuilding(back); err != nil {
			close(s.scan)
			return nil, fmt.Errorf("cannot write in the previous output %s: %w", back, err)
		}
		s.tmp, s.reuse = back, true
		s.dirs[back] = true
		if m.state == Marker {
			go s.listed(m.files)
		} else {
			go s.inventory() // a build was stopped while writing it: see what is there
		}
		return s, nil
	} else if err == nil {
		// Not a folder: not ours to reuse, and in the way of the swap later.
		close(s.scan)
		return nil, fmt.Errorf("%s is in the way: rokhdad keeps the previous output of %s there; remove it", back, dest)
	}
	close(s.scan)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".rokhdad-tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside the destination %s (rokhdad builds into a temporary folder in %s, which must be writable): %w", dest, parent, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	s.tmp = tmp
	s.dirs[tmp] = true
	return s, nil
}

// listed takes the back folder's inventory from its marker: between builds it holds just what the
// marker lists, so it need not be walked. Files someone removed from it since are recreated.
func (s *DirSink) listed(files map[string]bool) {
	defer close(s.scan)
	dirs := dirsOf(files)
	full := make([]string, 0, len(dirs))
	for d := range dirs {
		full = append(full, filepath.Join(s.tmp, filepath.FromSlash(d)))
	}
	s.old, s.oldDirs = files, full
	s.mu.Lock()
	for _, d := range full {
		s.dirs[d] = true
	}
	s.mu.Unlock()
}

// inventory lists what the back folder holds, while the site loads. Anything that is neither a
// regular file nor a folder (rokhdad writes nothing else) is removed now.
func (s *DirSink) inventory() {
	defer close(s.scan)
	old := map[string]bool{}
	var dirs []string
	s.scanErr = filepath.WalkDir(s.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == s.tmp {
			return nil
		}
		rel, err := filepath.Rel(s.tmp, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			dirs = append(dirs, p)
		case rel == Marker || rel == MarkerBuilding:
			// the marker is rewritten at Commit, not pruned
		case d.Type().IsRegular():
			old[filepath.ToSlash(rel)] = true
		default:
			return os.Remove(p)
		}
		return nil
	})
	s.old, s.oldDirs = old, dirs
	s.mu.Lock()
	for _, d := range dirs {
		s.dirs[d] = true
	}
	s.mu.Unlock()
}

// Files is how many files were written (and not removed again).
func (s *DirSink) Files() int { return int(s.files.Load()) }

// target resolves a slash path inside the build folder, refusing any path that would leave it, and
// makes sure its folder exists.
func (s *DirSink) target(p string) (string, error) {
	clean, err := s.inside(p, "write")
	if err != nil {
		return "", err
	}
	full := filepath.Join(s.tmp, clean)
	dir := filepath.Dir(full)
	s.mu.Lock()
	ok := s.dirs[dir]
	s.written[filepath.ToSlash(clean)] = true
	s.mu.Unlock()
	if !ok {
		if err := s.mkdirAll(dir); err != nil {
			return "", err
		}
	}
	return full, nil
}

// inside cleans the slash path p, once the back folder's inventory is known, refusing any path that
// would leave the build folder; what ("write", "remove") is what the refusal says was refused.
func (s *DirSink) inside(p, what string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(p))
	if clean == "." || filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("refusing to %s %q outside the destination", what, p)
	}
	<-s.scan
	if s.scanErr != nil {
		return "", fmt.Errorf("reading the previous output in %s: %w", s.tmp, s.scanErr)
	}
	return clean, nil
}

// mkdirAll creates dir and its missing parents inside the build folder. In a reused back folder a
// file may stand where a folder is now wanted; it is removed.
func (s *DirSink) mkdirAll(dir string) error {
	err := os.MkdirAll(dir, 0o755)
	if err != nil && s.reuse {
		rel, _ := filepath.Rel(s.tmp, dir)
		at := s.tmp
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			at = filepath.Join(at, part)
			if st, serr := os.Lstat(at); serr == nil && !st.IsDir() {
				os.Remove(at)
				break
			}
		}
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	for d := dir; d != s.tmp && !s.dirs[d]; d = filepath.Dir(d) {
		s.dirs[d] = true
	}
	s.mu.Unlock()
	return nil
}

// remakeDir makes dir again in a back folder from which someone removed it, or put a file in its
// way, after the marker listed it.
func (s *DirSink) remakeDir(dir string) error {
	s.mu.Lock()
	for d := dir; d != s.tmp && s.dirs[d]; d = filepath.Dir(d) {
		delete(s.dirs, d)
	}
	s.mu.Unlock()
	return s.mkdirAll(dir)
}

// WriteFile implements Sink.
func (s *DirSink) WriteFile(p string, data []byte) error {
	f, err := s.Create(p)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return finish(f, p, err)
}

// Create implements Sink: the file is written as it is produced, not held in memory.
// In a reused back folder, a folder that stands where the file goes is removed first.
func (s *DirSink) Create(p string) (io.WriteCloser, error) {
	full, err := s.target(p)
	if err != nil {
		return nil, err
	}
	f, err := CreateFile(full)
	if err != nil && s.reuse {
		if st, serr := os.Lstat(full); serr == nil && st.IsDir() && os.RemoveAll(full) == nil {
			f, err = CreateFile(full)
		} else if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) && s.remakeDir(filepath.Dir(full)) == nil {
			f, err = CreateFile(full) // its folder was removed from the back folder by hand
		}
	}
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	s.files.Add(1)
	return f, nil
}

// Remove implements Sink: a file written in this build is deleted, and left out of the output that
// Commit swaps in, as is a folder it leaves empty. A file this build did not write is not in the
// output anyway (Commit removes what the back folder holds of it).
func (s *DirSink) Remove(p string) error {
	clean, err := s.inside(p, "remove")
	if err != nil {
		return err
	}
	rel := filepath.ToSlash(clean)
	s.mu.Lock()
	written := s.written[rel]
	delete(s.written, rel)
	s.mu.Unlock()
	if !written {
		return nil
	}
	full := filepath.Join(s.tmp, clean)
	if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", p, err)
	}
	s.files.Add(-1)
	s.mu.Lock()
	s.emptied = append(s.emptied, filepath.Dir(full))
	s.mu.Unlock()
	return nil
}
