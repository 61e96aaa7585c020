//go:build windows

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

const openCloexec = 0 // Windows handles are not inherited unless asked

// lockFile takes an exclusive LockFileEx lock on f without waiting; busy says another process
// holds it.
func lockFile(f *os.File) (busy bool, err error) {
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, new(windows.Overlapped))
	return errors.Is(err, windows.ERROR_LOCK_VIOLATION), err
}
