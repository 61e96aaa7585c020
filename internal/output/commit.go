package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

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
	used := s.usedDirs()
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

// usedDirs is the set of folders (full paths) that hold a file this build wrote.
func (s *DirSink) usedDirs() map[string]bool {
	used := map[string]bool{}
	for rel := range s.written {
		for d := filepath.Dir(filepath.Join(s.tmp, filepath.FromSlash(rel))); d != s.tmp && !used[d]; d = filepath.Dir(d) {
			used[d] = true
		}
	}
	return used
}

// tidy removes the folders that Remove left empty: the output holds no folder its marker does not
// imply, which the next build would take for one a user added.
func (s *DirSink) tidy() {
	if len(s.emptied) == 0 {
		return
	}
	used := s.usedDirs()
	for _, dir := range s.emptied {
		for d := dir; d != s.tmp && !used[d]; d = filepath.Dir(d) {
			if err := os.Remove(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
				break // not empty yet: a folder below it is removed later, and this one with it
			}
		}
	}
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
	s.tidy()
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
