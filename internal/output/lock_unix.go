//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

const openCloexec = syscall.O_CLOEXEC

// lockFile takes an exclusive flock(2) on f without waiting; busy says another process holds it.
func lockFile(f *os.File) (busy bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	return errors.Is(err, syscall.EWOULDBLOCK), err
}
