// Package newsite makes the files of a new site repository — site.toml, an example incident in
// each language, .gitignore, a README for the newsroom and a GitHub Pages workflow — from the
// template under files/, and writes them into an empty folder, all or nothing.
//
// The template is data: files/common/ holds the site's own files, files/lang/<code>/ what one
// language brings (its [languages.<code>] block of site.toml and its example incident). A name
// starting with "dot-" is written with a leading dot instead; a name ending in ".tmpl" is a
// text/template with [% %] delimiters (so that GitHub's ${{ }} and TOML's [[ ]] stay as they are).
package newsite

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/diag"
)

//go:embed files
var files embed.FS

// ExampleName is the file name of the example incident in every language.
const ExampleName = "example-sign-in-outage.md"

// File is one file of the new site: a slash-separated path relative to the site and its bytes.
type File struct {
	Path string
	Data []byte
}

// Options says what site to make.
type Options struct {
	Languages []string // language codes, the first being the default; each one of Known()
	// Pin is the rokhdad version the Pages workflow installs (`go install …@Pin`); "" installs
	// @latest, with a comment saying why.
	Pin string
}

// Known lists the languages the template has a starting point for, sorted.
func Known() []string {
	entries, _ := fs.ReadDir(files, "files/lang")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// ParseLanguages reads a --lang value ("fa,en"): codes separated by commas, spaces around them
// ignored, each known and named once.
func ParseLanguages(s string) ([]string, error) {
	var out []string
	known := Known()
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			return nil, errors.New("--lang: name at least one language, separated by commas (such as --lang fa,en), without an empty one")
		}
		if !slices.Contains(known, c) {
			return nil, fmt.Errorf("--lang %s: rokhdad has no starting point for %s (it knows %s); make the site with those, then add [languages.%s] to site.toml and an i18n/%s.toml with the keys of the theme's i18n/en.toml",
				c, diag.Quote(c), strings.Join(known, ", "), c, c)
		}
		if slices.Contains(out, c) {
			return nil, fmt.Errorf("--lang: %s is named twice", diag.Quote(c))
		}
		out = append(out, c)
	}
	return out, nil
}

// Prepare makes every file of the site in memory, and checks that its site.toml is one rokhdad
// reads; nothing is written.
func Prepare(o Options) ([]File, error) {
	if len(o.Languages) == 0 {
		return nil, errors.New("no languages")
	}
	type lang struct {
		Code  string
		Block string
	}
	data := struct {
		Languages []lang
		Default   string
		Title     string
		Pin       string
		Pinned    bool
		HasFa     bool
	}{Default: o.Languages[0], Pin: o.Pin, Pinned: o.Pin != ""}
	if !data.Pinned {
		data.Pin = "latest"
	}
	var out []File
	for i, code := range o.Languages {
		dir := "files/lang/" + code
		if _, err := fs.Stat(files, dir); err != nil {
			return nil, fmt.Errorf("rokhdad has no starting point for the language %s", diag.Quote(code))
		}
		block, err := render(dir+"/language.toml.tmpl", struct{ Weight int }{i + 1})
		if err != nil {
			return nil, err
		}
		data.Languages = append(data.Languages, lang{code, string(block)})
		data.HasFa = data.HasFa || code == "fa"
		example, err := fs.ReadFile(files, dir+"/incident.md")
		if err != nil {
			return nil, err
		}
		out = append(out, File{path.Join("content", code, "incidents", ExampleName), example})
	}
	// site.toml first: it must be one rokhdad reads, and the README takes its title from it.
	toml, err := render("files/common/site.toml.tmpl", data)
	if err != nil {
		return nil, err
	}
	cfg, err := config.Parse(config.FileName, toml)
	if err != nil {
		return nil, fmt.Errorf("the template made a site.toml that rokhdad cannot read (a bug in rokhdad): %w", err)
	}
	data.Title = cfg.Language(data.Default).Title
	out = append(out, File{config.FileName, toml})
	err = fs.WalkDir(files, "files/common", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "files/common/site.toml.tmpl" {
			return err
		}
		rel := strings.TrimPrefix(p, "files/common/")
		var b []byte
		if name, ok := strings.CutSuffix(rel, ".tmpl"); ok {
			rel = name
			b, err = render(p, data)
		} else {
			b, err = fs.ReadFile(files, p)
		}
		if err != nil {
			return err
		}
		out = append(out, File{undot(rel), b})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// undot turns each leading "dot-" of a path's elements into ".".
func undot(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if rest, ok := strings.CutPrefix(s, "dot-"); ok {
			parts[i] = "." + rest
		}
	}
	return strings.Join(parts, "/")
}

func render(name string, data any) ([]byte, error) {
	src, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, err
	}
	t, err := template.New(path.Base(name)).Delims("[%", "%]").Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CheckEmpty returns nil when dir does not exist or is an empty folder (a folder holding only
// .git, as a fresh clone of an empty repository does, counts as empty), and otherwise an error
// naming it and what it holds.
func CheckEmpty(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("refusing to create a site in %s: %s is a file (choose a new or empty folder)", dir, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.Name() != ".git" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil
	}
	more := ""
	if len(names) > 3 {
		more = fmt.Sprintf(" and %d more", len(names)-3)
		names = names[:3]
	}
	return fmt.Errorf("refusing to create a site in %s: it is not empty (it holds %s%s); choose a new or empty folder", dir, strings.Join(names, ", "), more)
}

// Write writes files into dir, which must be empty or missing (CheckEmpty); it creates dir and
// the folders the files need. It never overwrites a file: on any error it removes what it made
// and leaves dir as it was.
func Write(dir string, list []File) (err error) {
	if err := CheckEmpty(dir); err != nil {
		return err
	}
	var made []string // files and folders made, in order
	defer func() {
		if err != nil {
			for i := len(made) - 1; i >= 0; i-- {
				os.Remove(made[i]) // folders only if empty: nothing that is not ours goes
			}
		}
	}()
	mkdir := func(d string) error {
		var missing []string
		for p := d; ; p = filepath.Dir(p) {
			if _, err := os.Lstat(p); err == nil {
				break
			} else if !errors.Is(err, os.ErrNotExist) {
				return err
			}
			missing = append(missing, p)
			if filepath.Dir(p) == p {
				break
			}
		}
		for i := len(missing) - 1; i >= 0; i-- {
			if err := os.Mkdir(missing[i], 0o755); err != nil {
				return err
			}
			made = append(made, missing[i])
		}
		return nil
	}
	if err := mkdir(dir); err != nil {
		return err
	}
	for _, f := range list {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := mkdir(filepath.Dir(p)); err != nil {
			return err
		}
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		made = append(made, p)
		_, err = w.Write(f.Data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", p, err)
		}
	}
	return nil
}
