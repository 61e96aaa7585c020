// Package source opens a site as one file tree: the site directory laid over the default theme embedded
// in the binary, so that a site file at the same relative path overrides the theme's. Reads through the
// site directory never leave it, even through a symbolic link.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// FS is a site directory over a theme.
type FS struct {
	Dir   string // the site directory as given
	site  fs.FS
	theme fs.FS
	root  *os.Root
}

// Open opens dir over theme (which may be nil).
func Open(dir string, theme fs.FS) (*FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{Dir: dir, site: r.FS(), theme: theme, root: r}, nil
}

// Close releases the site directory.
func (f *FS) Close() error { return f.root.Close() }

// Site is the site directory alone.
func (f *FS) Site() fs.FS { return f.site }

// CheckLink returns nil when the site file name is not a symbolic link or is one that resolves inside
// the site directory; otherwise an error saying where it points. rokhdad never follows a link out of
// the site (os.Root refuses it), so such a link is an error rather than a silently missing file.
func (f *FS) CheckLink(name string) error {
	target, err := f.root.Readlink(name)
	if err != nil {
		return nil // not a link
	}
	if _, err := f.root.Stat(name); err == nil {
		return nil
	} else if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("this is a symbolic link to %s, which does not exist", target)
	}
	return fmt.Errorf("this is a symbolic link to %s, outside the site directory: rokhdad never reads files outside the site", target)
}

// ReadFile reads name from the site, or else from the theme. fromTheme tells which.
func (f *FS) ReadFile(name string) (data []byte, fromTheme bool, err error) {
	data, err = fs.ReadFile(f.site, name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || f.theme == nil {
		return data, false, err
	}
	data, err = fs.ReadFile(f.theme, name)
	return data, true, err
}

// ThemeHas reports whether the theme has the file name with exactly these contents: a site file
// that is a copy of the theme's changes nothing.
func (f *FS) ThemeHas(name string, data []byte) bool {
	if f.theme == nil {
		return false
	}
	t, err := fs.ReadFile(f.theme, name)
	return err == nil && bytes.Equal(t, data)
}

// Exists reports whether name is a regular file in the site or the theme.
func (f *FS) Exists(name string) bool {
	if st, err := fs.Stat(f.site, name); err == nil {
		return st.Mode().IsRegular()
	}
	if f.theme != nil {
		if st, err := fs.Stat(f.theme, name); err == nil {
			return st.Mode().IsRegular()
		}
	}
	return false
}

// Label names a file for messages: the site path, or "theme:" and the path for an embedded file.
func Label(name string, fromTheme bool) string {
	if fromTheme {
		return "(default theme) " + name
	}
	return name
}

// Files lists the regular files under dir in the site and the theme together, as slash paths relative
// to the overlay root, sorted, each once (the site's copy wins). A symbolic link in the site that
// stays inside it is followed: a link to a file is listed as that file, a link to a folder as the
// files in it, under the link's path. A link that leaves the site, leads nowhere or leads to a
// folder that contains it is a diagnostic naming the link; all of them are reported together.
func (f *FS) Files(dir string) ([]File, error) {
	seen := map[string]File{}
	var links diag.List
	var walk func(fsys fs.FS, root string, theme bool) error
	walk = func(fsys fs.FS, root string, theme bool) error {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if d.Type()&fs.ModeSymlink != 0 && !theme {
				st, err := f.followLink(p)
				switch {
				case err != nil:
					links = append(links, err)
				case st.Mode().IsRegular():
					if _, ok := seen[p]; !ok {
						seen[p] = File{Path: p}
					}
				case st.IsDir():
					return walk(fsys, p, false)
				}
				return nil
			}
			if d.Type().IsRegular() {
				if _, ok := seen[p]; !ok {
					seen[p] = File{Path: p, Theme: theme}
				}
			}
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	if err := f.CheckLink(dir); err != nil {
		links = append(links, &diag.Diagnostic{File: dir, Rule: "link", Msg: err.Error(),
			Hint: "copy the folder into the site instead of linking to it, or remove the link"})
	} else if err := walk(f.site, dir, false); err != nil {
		return nil, err
	}
	if len(links) > 0 {
		return nil, links
	}
	if f.theme != nil {
		if err := walk(f.theme, dir, true); err != nil {
			return nil, err
		}
	}
	out := make([]File, 0, len(seen))
	for _, v := range seen {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// followLink returns what the site's symbolic link name leads to, or a diagnostic when rokhdad must
// not follow it: it leaves the site, leads nowhere, or leads to a folder that contains the link,
// which would be walked without end.
func (f *FS) followLink(name string) (fs.FileInfo, *diag.Diagnostic) {
	bad := func(err error, hint string) (fs.FileInfo, *diag.Diagnostic) {
		return nil, &diag.Diagnostic{File: name, Rule: "link", Msg: err.Error(), Hint: hint}
	}
	if err := f.CheckLink(name); err != nil {
		if f.dangling(name) {
			return bad(err, "point the link at a file inside the site, or remove it")
		}
		return bad(err, "copy the file into the site instead of linking to it, or remove the link")
	}
	st, err := f.root.Stat(name)
	if err != nil {
		return bad(err, "")
	}
	if !st.IsDir() {
		return st, nil
	}
	for d := path.Dir(name); ; d = path.Dir(d) {
		if up, err := f.root.Stat(d); err == nil && os.SameFile(st, up) {
			target, _ := f.root.Readlink(name)
			return bad(fmt.Errorf("this is a symbolic link to %s, which contains itself: following it would never end", target),
				"point the link at a folder that does not contain it, or remove it")
		}
		if d == "." {
			return st, nil
		}
	}
}

// dangling reports whether the link name leads to nothing inside the site.
func (f *FS) dangling(name string) bool {
	_, err := f.root.Stat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// File is one file of the overlay.
type File struct {
	Path  string // slash path relative to the overlay root, e.g. "static/css/site.css"
	Theme bool   // true when it comes from the embedded theme
}

// Open opens the file for reading from where it lives.
func (f *FS) Open(file File) (fs.File, error) {
	if file.Theme {
		return f.theme.Open(file.Path)
	}
	return f.site.Open(file.Path)
}

// Rel returns p relative to dir, for slash paths.
func Rel(dir, p string) string {
	if dir == "." || dir == "" {
		return p
	}
	r := p[len(dir):]
	if len(r) > 0 && r[0] == '/' {
		r = r[1:]
	}
	return path.Clean(r)
}
