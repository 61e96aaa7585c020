//go:build unix

package build

import (
	"errors"
	"os"
	"syscall"
)

// writeFile writes data to name with raw system calls. os.WriteFile would cost more than twice as
// many: an os.File registers with the runtime's poller (four fcntl calls and an epoll_ctl that
// fails for regular files), which a site's thousands of small files pay for nothing.
//
// An existing file (the back folder's, see DirSink) is overwritten in place and then cut to length,
// not opened with O_TRUNC: ext4 flushes a file truncated to zero and rewritten when it is closed
// (its auto_da_alloc safeguard), which made rewriting 2,800 pages three to eight times slower on
// the benchmark machine. A file with other hard links is replaced instead, so that a copy made
// with cp -al never changes behind its owner's back.
func writeFile(name string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0o644)
	})
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Nlink > 1 {
		syscall.Close(fd)
		if err := syscall.Unlink(name); err != nil {
			return &os.PathError{Op: "unlink", Path: name, Err: err}
		}
		return writeFile(name, data)
	}
	size := int64(len(data))
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if st.Size > size {
		if err := syscall.Ftruncate(fd, size); err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "truncate", Path: name, Err: err}
		}
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func retry(f func() (int, error)) (int, error) {
	for {
		fd, err := f()
		if !errors.Is(err, syscall.EINTR) {
			return fd, err
		}
	}
}
