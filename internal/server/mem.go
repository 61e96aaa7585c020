package server

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/rokhdad/rokhdad/internal/output"
)

var _ output.Sink = (*MemSink)(nil)

// MemSink is an output.Sink that keeps the files in memory, keyed by their slash path.
type MemSink struct {
	mu      sync.Mutex
	files   map[string][]byte
	pending map[string]bool // files being written again: Get waits for them (see Hold)
	done    chan struct{}   // closed by Release
}

// NewMemSink returns an empty MemSink.
func NewMemSink() *MemSink { return &MemSink{files: map[string][]byte{}} }

func memKey(p string) (string, error) {
	clean := path.Clean("/" + strings.ReplaceAll(p, "\\", "/"))
	if clean == "/" || hasDotDot(p) {
		return "", fmt.Errorf("refusing to write %q outside the site", p)
	}
	return clean[1:], nil
}

// WriteFile implements output.Sink.
func (m *MemSink) WriteFile(p string, data []byte) error {
	key, err := memKey(p)
	if err != nil {
		return err
	}
	b := bytes.Clone(data)
	m.mu.Lock()
	m.files[key] = b
	m.mu.Unlock()
	return nil
}

// Create implements output.Sink: the file is gathered as it is written and stored when it is
// closed; until then Get returns the version before.
func (m *MemSink) Create(p string) (io.WriteCloser, error) {
	key, err := memKey(p)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	before := len(m.files[key])
	m.mu.Unlock()
	f := &memFile{m: m, key: key}
	f.buf.Grow(before + before/16) // a file written again is about as long as it was
	return f, nil
}

// memFile is a file being streamed into a MemSink.
type memFile struct {
	m   *MemSink
	key string
	buf bytes.Buffer
}

func (f *memFile) Write(b []byte) (int, error) { return f.buf.Write(b) }

func (f *memFile) Close() error {
	b := f.buf.Bytes()
	if cap(b)-len(b) > len(b)/8 {
		b = bytes.Clone(b) // the buffer grew by doubling: keep no more than the file
	}
	f.m.mu.Lock()
	f.m.files[f.key] = b
	f.m.mu.Unlock()
	return nil
}

// Get returns the file at slash path p ("en/index.html"). While p is held (see Hold), Get waits
// for the new version.
func (m *MemSink) Get(p string) ([]byte, bool) {
	m.mu.Lock()
	if m.pending[p] {
		done := m.done
		m.mu.Unlock()
		<-done
		m.mu.Lock()
	}
	defer m.mu.Unlock()
	b, ok := m.files[p]
	return b, ok
}

// Remove implements output.Sink: it deletes the file at slash path p.
func (m *MemSink) Remove(p string) error {
	key, err := memKey(p)
	if err != nil {
		return err
	}
	m.mu.Lock()
	delete(m.files, key)
	m.mu.Unlock()
	return nil
}

// Clone returns a MemSink with the same files, which can be changed without changing m.
func (m *MemSink) Clone() *MemSink {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := &MemSink{files: make(map[string][]byte, len(m.files))}
	for k, v := range m.files {
		c.files[k] = v // file contents are never changed in place
	}
	return c
}

// Hold marks files as about to be written again: until Release, Get waits for them rather than
// return the old version.
func (m *MemSink) Hold(paths []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending = make(map[string]bool, len(paths))
	for _, p := range paths {
		if key, err := memKey(p); err == nil {
			m.pending[key] = true
		}
	}
	m.done = make(chan struct{})
}

// Release ends a Hold.
func (m *MemSink) Release() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done != nil {
		close(m.done)
	}
	m.pending, m.done = nil, nil
}

// Len is the number of files.
func (m *MemSink) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.files)
}

// hasDotDot reports whether a slash path has a ".." segment.
func hasDotDot(p string) bool {
	for _, seg := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == ".." {
			return true
		}
	}
	return false
}
