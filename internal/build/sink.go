package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rokhdad/rokhdad/internal/render"
)

// DirSink writes files under a temporary directory that Commit moves into place.
type DirSink struct {
	dest  string
	tmp   string
	mu    sync.Mutex
	dirs  map[string]bool
	files atomic.Int64
}

// NewDirSink creates a temporary directory beside dest.
func NewDirSink(dest string) (*DirSink, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if st, err := os.Stat(dest); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("the destination %s exists and is not a folder; rokhdad replaces the destination as a whole, so choose another one", dest)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder %s that holds the destination %s: %w", parent, dest, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".rokhdad-tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside the destination %s (rokhdad builds into a temporary folder in %s, which must be writable): %w", dest, parent, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &DirSink{dest: dest, tmp: tmp, dirs: map[string]bool{}}, nil
}

// Files is how many files were written.
func (s *DirSink) Files() int { return int(s.files.Load()) }

// target resolves a slash path inside the temporary directory, refusing any path that would leave it.
func (s *DirSink) target(p string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(p))
	if clean == "." || filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("refusing to write %q outside the destination", p)
	}
	full := filepath.Join(s.tmp, clean)
	dir := filepath.Dir(full)
	s.mu.Lock()
	ok := s.dirs[dir]
	s.mu.Unlock()
	if !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		s.mu.Lock()
		s.dirs[dir] = true
		s.mu.Unlock()
	}
	return full, nil
}

// WriteFile implements render.Sink.
func (s *DirSink) WriteFile(p string, data []byte) error {
	full, err := s.target(p)
	if err != nil {
		return err
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	s.files.Add(1)
	return nil
}

// CopyFile implements render.Sink.
func (s *DirSink) CopyFile(p string, r io.Reader) error {
	full, err := s.target(p)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	s.files.Add(1)
	return nil
}

// Commit replaces the destination with what was written: the old tree is moved aside, the new one
// renamed into place, then the old one removed. If the rename fails the old tree is put back.
func (s *DirSink) Commit() error {
	old := ""
	if _, err := os.Lstat(s.dest); err == nil {
		old = s.tmp + ".old"
		if err := os.Rename(s.dest, old); err != nil {
			s.Abort()
			return fmt.Errorf("cannot replace %s: %w", s.dest, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		s.Abort()
		return err
	}
	if err := os.Rename(s.tmp, s.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, s.dest)
		}
		s.Abort()
		return fmt.Errorf("cannot move the new site into %s: %w", s.dest, err)
	}
	if old != "" {
		if err := removeTree(old); err != nil {
			return fmt.Errorf("the site was built, but the previous output could not be removed from %s: %w", old, err)
		}
	}
	return nil
}

// Abort removes the temporary directory; the destination is untouched.
func (s *DirSink) Abort() { _ = os.RemoveAll(s.tmp) }

// ToDir builds into dest atomically.
func ToDir(o Options, dest string) (*Result, error) { return toDir(o, dest, nil) }

// toDir is ToDir with a hook for tests: wrap, when not nil, wraps the sink the build writes through.
func toDir(o Options, dest string, wrap func(render.Sink) render.Sink) (*Result, error) {
	sink, err := NewDirSink(dest)
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

// removeTree deletes a directory tree like os.RemoveAll, unlinking files from several goroutines:
// the previous output of a large site is thousands of files, and removing them one by one was a
// sixth of a whole build. Directories are removed afterwards, deepest first.
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
	if err != nil {
		return os.RemoveAll(root)
	}
	workers := 2 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var failed atomic.Bool
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				if err := os.Remove(files[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	for i := len(dirs) - 1; i >= 0; i-- { // WalkDir lists parents before children
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			failed.Store(true)
		}
	}
	if failed.Load() {
		return os.RemoveAll(root) // report the real error, if it persists
	}
	return nil
}
