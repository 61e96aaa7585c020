//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// Lock is a build's hold on its destination: an flock(2) on LockFile(dest). The kernel drops it
// when the descriptor closes, also when the process is killed, so a crash leaves no stale lock. The
// lock file itself stays beside the destination: removing it would let a build that opened it a
// moment earlier hold a lock on a file nobody else sees.
type Lock struct{ f *os.File }

// takeLock takes dest's build lock, or fails at once when another build holds it.
func takeLock(dest string) (*Lock, error) {
	p := LockFile(dest)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create the lock file %s that keeps two builds of %s apart: %w", p, dest, err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another build is writing %s; wait for it to finish and build again (the build holds a lock on %s)", dest, p)
		}
		return nil, fmt.Errorf("cannot lock %s to keep two builds of %s apart: %w", p, dest, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock.
func (l *Lock) Unlock() { l.f.Close() }
