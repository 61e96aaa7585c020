//go:build unix || windows

package output

import (
	"fmt"
	"os"
)

// Lock is a build's hold on its destination: a lock on the file LockFile(dest) that the system
// drops when the descriptor closes, also when the process is killed, so a crash leaves no stale
// lock (flock(2) on Unix, LockFileEx on Windows; see lockFile). The lock file itself stays beside
// the destination: removing it would let a build that opened it a moment earlier hold a lock on a
// file nobody else sees.
type Lock struct{ f *os.File }

// takeLock takes dest's build lock, or fails at once when another build holds it.
func takeLock(dest string) (*Lock, error) {
	p := LockFile(dest)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|openCloexec, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create the lock file %s that keeps two builds of %s apart: %w", p, dest, err)
	}
	if busy, err := lockFile(f); err != nil {
		f.Close()
		if busy {
			return nil, fmt.Errorf("another build is writing %s; wait for it to finish and build again (the build holds a lock on %s)", dest, p)
		}
		return nil, fmt.Errorf("cannot lock %s to keep two builds of %s apart: %w", p, dest, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock.
func (l *Lock) Unlock() { l.f.Close() }

// LockExisting takes an exclusive lock on the existing file name (a site's site.toml, say), so
// that two processes editing the same site's files take turns; it fails at once when another
// holds it, with an error that says what is busy.
func LockExisting(name, what string) (*Lock, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openCloexec, 0)
	if err != nil {
		return nil, err
	}
	if busy, err := lockFile(f); err != nil {
		f.Close()
		if busy {
			return nil, fmt.Errorf("another rokhdad is %s; wait for it to finish and run again (it holds a lock on %s)", what, name)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", name, err)
	}
	return &Lock{f: f}, nil
}
