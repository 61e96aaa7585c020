//go:build !unix

package build

import (
	"io"
	"os"
)

func createFile(name string) (io.WriteCloser, error) { return os.Create(name) }
