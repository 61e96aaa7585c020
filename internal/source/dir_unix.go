//go:build unix

package source

import (
	"bytes"
	"errors"
	"sync"
	"syscall"
)

var readBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

func (d *Dir) open() error {
	f, err := d.fs.root.Open(d.name)
	if err != nil {
		return err
	}
	d.dir, d.fd = f, int(f.Fd())
	return nil
}

// readAt reads name relative to the open folder. ok is false when the fast path does not apply
// (a symbolic link, an error): the caller then reads through the site root, which reports errors
// the usual way.
func (d *Dir) readAt(name string) (data []byte, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Openat(d.fd, name, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	// Most articles are a few kilobytes: one read into a buffer tells the whole file, without the
	// fstat for its size. A regular file reads short only at its end; anything larger, or not a
	// regular file, takes the checked path below.
	buf := readBufs.Get().(*[]byte)
	defer readBufs.Put(buf)
	n, err := syscall.Read(fd, *buf)
	if err == nil && n < len(*buf) {
		var st syscall.Stat_t
		if n > 0 || syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
			return bytes.Clone((*buf)[:n]), true
		}
		return nil, false
	}
	if _, err := syscall.Seek(fd, 0, 0); err != nil {
		return nil, false
	}
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false
	}
	// One byte more than the size, so that a file that grew since is read whole, to its end.
	data = make([]byte, 0, st.Size+1)
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return data, true
		}
		data = data[:len(data)+n]
		if len(data) < cap(data) {
			return data, true // a regular file reads short only at its end
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow
		}
	}
}
