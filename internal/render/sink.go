package render

import "io"

// Sink receives the rendered files. WriteFile may be called from several goroutines at once.
type Sink interface {
	WriteFile(path string, data []byte) error
	// CopyFile writes the contents of r as path.
	CopyFile(path string, r io.Reader) error
}

// Streamer is a sink that can also take a file as it is produced.
type Streamer interface {
	// Create opens path for writing; what is written is the file's content once Close returns nil.
	Create(path string) (io.WriteCloser, error)
}

// Remover is a sink that can delete a file it holds.
type Remover interface {
	Remove(path string) error
}
