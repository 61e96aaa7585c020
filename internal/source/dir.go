package source

import (
	"io/fs"
	"os"
	"path"
	"strings"
)

// Dir reads the files of one folder of the site. A site's content is thousands of small files in a
// few folders; reading each by its path through the site root costs a dozen system calls (the root
// opens every folder on the way, and an os.File registers with the runtime's poller), reading it
// relative to its already open folder four or five. Reads never leave the folder: names must be
// single path elements, and a file that is a symbolic link is read through the site root instead,
// which refuses links out of the site.
type Dir struct {
	fs   *FS
	name string   // slash path of the folder in the site
	dir  *os.File // the open folder; nil where the system offers no fast path
	fd   int
}

// OpenDir opens the site folder name for reading its files.
func (f *FS) OpenDir(name string) (*Dir, error) {
	d := &Dir{fs: f, name: name}
	if err := d.open(); err != nil {
		return nil, err
	}
	return d, nil
}

// ReadFile reads the file name (a single path element) of the folder.
func (d *Dir) ReadFile(name string) ([]byte, error) {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return nil, &fs.PathError{Op: "read", Path: path.Join(d.name, name), Err: fs.ErrInvalid}
	}
	if d.dir != nil {
		if data, ok := d.readAt(name); ok {
			return data, nil
		}
	}
	return fs.ReadFile(d.fs.site, path.Join(d.name, name))
}

// Close closes the folder.
func (d *Dir) Close() error {
	if d.dir != nil {
		return d.dir.Close()
	}
	return nil
}
