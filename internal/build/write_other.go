//go:build !unix

package build

import (
	"io"
	"os"
)

func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

func createFile(name string) (io.WriteCloser, error) { return os.Create(name) }
