// Package output is the writer stage of a build: where a build's files go. Every destination is a
// Sink. DirSink writes a folder on disk and swaps it in as a whole when the build succeeded, so that
// a failed build leaves the previous output exactly as it was; the guards around it (CheckDest,
// LockDest and the marker, see guard.go) make sure the folder it replaces is rokhdad's own.
package output

import (
	"fmt"
	"io"
)

// Sink receives a build's files. Its methods may be called from several goroutines at once.
type Sink interface {
	// WriteFile writes data as path, a slash path relative to the site's root.
	WriteFile(path string, data []byte) error
	// Create opens path for a large file written as it is made; what is written is the file's
	// content once Close returns nil.
	Create(path string) (io.WriteCloser, error)
	// Remove deletes path, an output the site no longer has.
	Remove(path string) error
}

// Copy writes what r holds as path in s, as it is read (a static file).
func Copy(s Sink, path string, r io.Reader) error {
	f, err := s.Create(path)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	return finish(f, path, err)
}

// finish closes f, a file of path that was written with the result err, and names path in the
// error.
func finish(f io.WriteCloser, path string, err error) error {
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
