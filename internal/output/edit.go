package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ReplaceFile writes data to the existing file name in one step, as readers see it: the bytes go
// to a temporary file beside it, which then takes its place with its permissions, so a crash
// leaves either the old file or the new one, never a part. It is how rokhdad edits a user's own
// files (check --fix, import).
func ReplaceFile(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(name, data, st.Mode().Perm())
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, name)
}

// CreateNew writes data to the new file name in one step, and fails with an error wrapping
// fs.ErrExist, writing nothing, when a file of that name exists: also one that another process
// made a moment ago.
func CreateNew(name string, data []byte) error {
	tmp, err := writeTemp(name, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, name); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while rokhdad was writing it: %w", name, fs.ErrExist)
		}
		return err
	}
	return nil
}

func writeTemp(name string, data []byte, perm fs.FileMode) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}
