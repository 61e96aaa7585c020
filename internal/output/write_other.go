//go:build !unix

package output

import (
	"io"
	"os"
)

// CreateFile opens name for writing, as DirSink writes its files.
func CreateFile(name string) (io.WriteCloser, error) { return os.Create(name) }
