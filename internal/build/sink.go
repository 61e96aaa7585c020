package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/render"
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
	files   atomic.Int64

	destMarked    bool          // the destination exists and carries rokhdad's marker
	destScan      chan struct{} // closed when the destination has been compared with its marker
	destStrangers []string      // what the destination holds that its marker does not list
	destErr       error
}

// NewDirSink prepares a folder beside dest to build into. dest must be rokhdad's (see
// checkForeignDest); ToDir also makes sure it is not the site's source and holds its lock.
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
		case rel == Marker || rel == markerBuilding:
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

// Files is how many files were written.
func (s *DirSink) Files() int { return int(s.files.Load()) }

// target resolves a slash path inside the build folder, refusing any path that would leave it, and
// makes sure its folder exists.
func (s *DirSink) target(p string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(p))
	if clean == "." || filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("refusing to write %q outside the destination", p)
	}
	<-s.scan
	if s.scanErr != nil {
		return "", fmt.Errorf("reading the previous output in %s: %w", s.tmp, s.scanErr)
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

// WriteFile implements render.Sink.
func (s *DirSink) WriteFile(p string, data []byte) error {
	f, err := s.Create(p)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	return nil
}

// CopyFile implements render.Sink.
func (s *DirSink) CopyFile(p string, r io.Reader) error {
	f, err := s.Create(p)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	return nil
}

// Create implements render.Streamer: the file is written as it is produced, not held in memory.
// In a reused back folder, a folder that stands where the file goes is removed first.
func (s *DirSink) Create(p string) (io.WriteCloser, error) {
	full, err := s.target(p)
	if err != nil {
		return nil, err
	}
	f, err := createFile(full)
	if err != nil && s.reuse {
		if st, serr := os.Lstat(full); serr == nil && st.IsDir() && os.RemoveAll(full) == nil {
			f, err = createFile(full)
		} else if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) && s.remakeDir(filepath.Dir(full)) == nil {
			f, err = createFile(full) // its folder was removed from the back folder by hand
		}
	}
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	s.files.Add(1)
	return f, nil
}

// prune removes from a reused back folder what this build did not write: files of articles since
// deleted, then folders left empty, deepest first.
func (s *DirSink) prune() error {
	<-s.scan
	if s.scanErr != nil {
		return s.scanErr
	}
	var stale []string
	for rel := range s.old {
		full := filepath.Join(s.tmp, filepath.FromSlash(rel))
		if !s.written[rel] && !s.dirs[full] { // a folder of this build may stand where the file was
			stale = append(stale, full)
		}
	}
	if err := removeFiles(stale); err != nil {
		return err
	}
	used := map[string]bool{}
	for rel := range s.written {
		for d := filepath.Dir(filepath.Join(s.tmp, filepath.FromSlash(rel))); d != s.tmp && !used[d]; d = filepath.Dir(d) {
			used[d] = true
		}
	}
	sort.Strings(s.oldDirs)
	for i := len(s.oldDirs) - 1; i >= 0; i-- {
		d := s.oldDirs[i]
		if used[d] {
			continue
		}
		// The folder may have been replaced by a page of the same name since the inventory.
		if st, err := os.Lstat(d); err != nil || !st.IsDir() {
			continue
		}
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	return nil
}

// Commit makes what was written the destination. The previous destination becomes the back folder
// for the next build. On any failure the destination is left as it was.
func (s *DirSink) Commit() error {
	<-s.destScan
	if s.destErr != nil {
		s.Abort()
		return fmt.Errorf("cannot read the destination %s to see that it holds only rokhdad's files: %w", s.dest, s.destErr)
	}
	if len(s.destStrangers) > 0 {
		s.Abort()
		return foreignError(s.dest, s.destStrangers)
	}
	if s.reuse {
		if err := s.prune(); err != nil {
			return fmt.Errorf("cannot tidy %s before swapping it in: %w", s.tmp, err)
		}
	}
	s.mu.Lock()
	list := make([]string, 0, len(s.written))
	for rel := range s.written {
		list = append(list, rel)
	}
	s.mu.Unlock()
	if err := writeMarker(s.tmp, list); err != nil {
		s.Abort()
		return fmt.Errorf("cannot write rokhdad's marker into %s: %w", s.tmp, err)
	}
	if _, err := os.Lstat(s.dest); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(s.tmp, s.dest); err != nil {
			s.Abort()
			return fmt.Errorf("cannot move the new site into %s: %w", s.dest, err)
		}
		return nil
	} else if err != nil {
		s.Abort()
		return err
	}
	if err := swap(s.tmp, s.dest); err != nil {
		s.Abort()
		return fmt.Errorf("cannot replace %s: %w", s.dest, err)
	}
	// s.tmp now holds the previous output.
	if !s.destMarked {
		// It was an empty folder (checkForeignDest refuses any other without a marker). Should
		// someone have put a file in it meanwhile, it stays where it is.
		_ = os.Remove(s.tmp)
		return nil
	}
	// A fresh temporary folder becomes the back folder.
	if !s.reuse {
		if err := os.Rename(s.tmp, BackDir(s.dest)); err != nil {
			if rerr := removeTree(s.tmp); rerr != nil {
				return fmt.Errorf("the site was built, but the previous output could not be removed from %s: %w", s.tmp, rerr)
			}
		}
	}
	return nil
}

// swap exchanges the folders a and b: atomically where the system can (renameat2 with
// RENAME_EXCHANGE on Linux), else by three renames, undone if the second fails.
func swap(a, b string) error {
	if err := exchange(a, b); err == nil {
		return nil
	}
	aside := a + ".swap"
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		_ = os.Rename(aside, b)
		return err
	}
	return os.Rename(aside, a)
}

// Abort ends a build that will not be committed; the destination is untouched. A fresh temporary
// folder is removed; a reused back folder stays for the next build.
func (s *DirSink) Abort() {
	<-s.scan
	if !s.reuse {
		_ = os.RemoveAll(s.tmp)
	}
}

// maxDestName is the longest destination name whose neighbours (the temporary folder
// ".NAME.rokhdad-tmp-123456789", the back folder and the lock file) fit the 255 bytes a file system
// allows a name.
const maxDestName = 255 - len("..rokhdad-tmp-") - 10

// ToDir builds into dest atomically.
func ToDir(o Options, dest string) (*Result, error) { return toDir(o, dest, nil) }

// toDir is ToDir with a hook for tests: wrap, when not nil, wraps the sink the build writes through.
func toDir(o Options, dest string, wrap func(render.Sink) render.Sink) (*Result, error) {
	cdest, err := canonical(dest)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve the destination %s: %w", dest, err)
	}
	csrc, err := canonical(o.Source)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve the site directory %s: %w", o.Source, err)
	}
	if err := checkOverSource(dest, cdest, o.Source, csrc); err != nil {
		return nil, err
	}
	if n := len(filepath.Base(cdest)); n > maxDestName {
		return nil, fmt.Errorf("the destination's name %s is %d bytes long; rokhdad keeps its previous output and a lock beside it under longer names (%s), so the name can be at most %d bytes: choose a shorter one", diag.Quote(filepath.Base(cdest)), n, ".NAME"+BackSuffix, maxDestName)
	}
	// Refuse someone else's folder before even the lock file is made beside it; NewDirSink checks
	// again under the lock.
	if _, err := checkForeignDest(cdest, false); err != nil {
		return nil, err
	}
	if parent := filepath.Dir(cdest); parent != cdest {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, fmt.Errorf("cannot create the folder %s that holds the destination %s: %w", parent, cdest, err)
		}
	}
	lock, err := lockDest(cdest)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	sink, err := NewDirSink(cdest)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			sink.Abort() // also when the build panics: no temporary folder is left behind
		}
	}()
	var out render.Sink = sink
	if wrap != nil {
		out = wrap(sink)
	}
	res, err := Run(o, out)
	if err != nil {
		return nil, err
	}
	if o.Ctx != nil && o.Ctx.Err() != nil {
		return nil, o.Ctx.Err() // interrupted after rendering: still leave the destination alone
	}
	res.Files = sink.Files()
	committed = true // Commit cleans up after itself
	if err := sink.Commit(); err != nil {
		return nil, err
	}
	return res, nil
}

// removeFiles unlinks files from several goroutines: a site's output is thousands of files.
func removeFiles(files []string) error {
	workers := 2 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var first atomic.Value
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				err := os.Remove(files[i])
				if err == nil || errors.Is(err, os.ErrNotExist) {
					continue
				}
				if _, serr := os.Lstat(files[i]); serr != nil {
					continue // gone with a folder that was replaced (ENOTDIR)
				}
				first.CompareAndSwap(nil, err)
			}
		}()
	}
	wg.Wait()
	if err, ok := first.Load().(error); ok {
		return err
	}
	return nil
}

// removeTree deletes a directory tree like os.RemoveAll, unlinking its files in parallel.
// Directories are removed afterwards, deepest first.
func removeTree(root string) error {
	var files, dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		} else {
			files = append(files, p)
		}
		return nil
	})
	if err != nil || removeFiles(files) != nil {
		return os.RemoveAll(root)
	}
	for i := len(dirs) - 1; i >= 0; i-- { // WalkDir lists parents before children
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return os.RemoveAll(root) // report the real error, if it persists
		}
	}
	return nil
}
