//go:build windows

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// Lock is a build's hold on its destination: a LockFileEx lock on LockFile(dest), which
// Windows releases when the process ends, however it ends.
type Lock struct{ f *os.File }

// takeLock takes dest's build lock, or fails at once when another build holds it.
func takeLock(dest string) (*Lock, error) {
	p := LockFile(dest)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create the lock file %s that keeps two builds of %s apart: %w", p, dest, err)
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, fmt.Errorf("another build is writing %s; wait for it to finish and build again (the build holds a lock on %s)", dest, p)
		}
		return nil, fmt.Errorf("cannot lock %s to keep two builds of %s apart: %w", p, dest, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock.
func (l *Lock) Unlock() { l.f.Close() }
