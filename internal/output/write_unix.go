//go:build unix

package output

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// rawFile writes a file through its descriptor. os.File would cost more than twice the system
// calls for a small page: it registers with the runtime's poller (four fcntl calls and an
// epoll_ctl that fails for regular files), which a site's thousands of files pay for nothing.
type rawFile struct {
	name    string
	fd      int
	n, size int64 // bytes written; the size the file had
}

// CreateFile opens name for writing, as DirSink writes its files. An existing file (the back
// folder's, see DirSink) is overwritten in place and cut to length when closed, not opened with
// O_TRUNC: ext4 flushes a file truncated to zero and rewritten when it is closed (its
// auto_da_alloc safeguard), which made rewriting 2,800 pages three to eight times slower on the
// benchmark machine. A file with other hard links is replaced instead, so that a copy made with
// cp -al never changes behind its owner's back.
func CreateFile(name string) (io.WriteCloser, error) {
	for {
		fd, err := retry(func() (int, error) {
			return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0o644)
		})
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil {
			syscall.Close(fd)
			return nil, &os.PathError{Op: "stat", Path: name, Err: err}
		}
		if st.Nlink > 1 {
			syscall.Close(fd)
			if err := syscall.Unlink(name); err != nil {
				return nil, &os.PathError{Op: "unlink", Path: name, Err: err}
			}
			continue
		}
		return &rawFile{name: name, fd: fd, size: st.Size}, nil
	}
}

func (f *rawFile) Write(b []byte) (int, error) {
	written := 0
	for len(b) > 0 {
		n, err := syscall.Write(f.fd, b)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return written, &os.PathError{Op: "write", Path: f.name, Err: err}
		}
		written += n
		f.n += int64(n)
		b = b[n:]
	}
	return written, nil
}

func (f *rawFile) Close() error {
	var err error
	if f.size > f.n {
		if terr := syscall.Ftruncate(f.fd, f.n); terr != nil {
			err = &os.PathError{Op: "truncate", Path: f.name, Err: terr}
		}
	}
	if cerr := syscall.Close(f.fd); cerr != nil && err == nil {
		err = &os.PathError{Op: "close", Path: f.name, Err: cerr}
	}
	return err
}

func retry(f func() (int, error)) (int, error) {
	for {
		fd, err := f()
		if !errors.Is(err, syscall.EINTR) {
			return fd, err
		}
	}
}
