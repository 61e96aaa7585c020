// Package check reports what is wrong with a site without writing it: everything build would reject
// (as errors), and as warnings what build lets through but a reader would notice — an article without
// its translation, broken internal links and missing images, timeline entries without a status, a
// resolved article whose timeline does not end resolved, and Persian typography in the content of
// right-to-left languages (Arabic letters, Latin punctuation, missing zero-width non-joiners, quotation
// marks, double spaces, kashida), and in every language the front matter characters the build
// removes or closes (control characters, unbalanced bidi controls: see bidi.Clean).
//
// The typography pass is rune-based and reads the prose of goldmark's tree (markdown.Prose): it never
// looks inside code spans, code blocks, HTML, link destinations or URLs, and the links rule takes the
// links from the same tree. Fix applies the safe typography fixes; FixSite applies them in place to a
// site's Markdown files, atomically.
package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/source"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Site-level rules.
const (
	RuleTranslation    = "translation"
	RuleLink           = "link"
	RuleTimelineStatus = "timeline-status"
	RuleResolved       = "resolved"
)

// Options say what to check.
type Options struct {
	Source string // site directory
	Drafts bool   // include articles with draft = true
	Theme  fs.FS  // the default theme
}

// discard is a render.Sink that writes nothing and remembers the paths it was given.
type discard struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (d *discard) add(p string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.paths == nil {
		d.paths = map[string]bool{}
	}
	d.paths[path.Clean(p)] = true
}

func (d *discard) WriteFile(p string, _ []byte) error { d.add(p); return nil }

func (d *discard) CopyFile(p string, r io.Reader) error {
	d.add(p)
	_, err := io.Copy(io.Discard, r)
	return err
}

// article is one content file as check sees it.
type article struct {
	file string
	key  string // section/name
	src  string
	lang *config.Language
	page *content.Page // nil when the file does not parse (build reports why)
	lo   layout
	body *markdown.Layout // of the body, for typography and links; see proseOf
}

// Site checks the site in o.Source and returns every finding sorted by file, line and column. The error
// is for problems that stop the check itself (such as an unreadable content folder), not the site's.
func Site(o Options) (diag.List, error) {
	sink := &discard{}
	_, err := build.Run(build.Options{Source: o.Source, Drafts: o.Drafts, Theme: o.Theme}, sink)
	list := diag.Flatten(err)
	for _, d := range list {
		d.Severity = diag.Error
	}
	cfg, err := config.Load(o.Source)
	if err != nil {
		list.Sort()
		return list, nil // build reported it
	}
	fsys, err := source.Open(o.Source, o.Theme)
	if err != nil {
		return list, err
	}
	defer fsys.Close()
	arts, err := articles(fsys, cfg, o.Drafts)
	if err != nil {
		return list, err
	}

	keys := map[string][]*article{}
	known := map[string]bool{"": true}
	for p := range sink.paths {
		known[p] = true
	}
	for _, l := range cfg.Languages {
		known[l.Code] = true
	}
	for _, a := range arts {
		keys[a.key] = append(keys[a.key], a) // a file that does not parse still counts as a translation
		known[a.lang.Code+"/"+a.key] = true
	}
	for _, a := range arts {
		list = append(list, controls(a.file, a.src)...)
		if a.lang.Direction == "rtl" {
			for _, b := range a.lo.blocks {
				list = append(list, typography(a.file, b.line, b.col, a.src[b.start:b.end], a.proseOf(b), b.inline)...)
			}
		}
		if a.page == nil {
			continue
		}
		p := a.page
		if len(cfg.Languages) > 1 {
			if g := keys[a.key]; len(g) == 1 {
				var others []string
				for _, l := range cfg.Languages {
					if l.Code != p.Lang {
						others = append(others, path.Join("content", l.Code, p.Section, p.Name+".md"))
					}
				}
				list = append(list, warn(a.file, 1, 1, RuleTranslation,
					fmt.Sprintf("the article exists in %s only", p.Lang),
					"add its translation as "+strings.Join(others, " or ")))
			}
		}
		for _, e := range p.Timeline {
			if e.Status == "" {
				list = append(list, warn(a.file, e.Line, 1, RuleTimelineStatus, "the timeline entry has no status",
					`add status = "investigating", "identified", "monitoring" or "resolved"`))
			}
		}
		if n := len(p.Timeline); p.Status == timeline.Resolved && n > 0 && p.Timeline[n-1].Status != timeline.Resolved {
			line := a.lo.statusLine
			if line == 0 {
				line = 1
			}
			last := p.Timeline[n-1]
			st := string(last.Status)
			if st == "" {
				st = "no status"
			}
			list = append(list, warn(a.file, line, 1, RuleResolved,
				fmt.Sprintf("the article is resolved but its last timeline entry (line %d) has %s", last.Line, st),
				`add a timeline entry with status = "resolved", or change the article's status`))
		}
		if a.lo.body != nil {
			list = append(list, links(a, cfg, fsys, known)...)
		}
	}
	list.Sort()
	return list, nil
}

func warn(file string, line, col int, rule, msg, hint string) *diag.Diagnostic {
	return &diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Warning, Rule: rule, Msg: msg, Hint: hint}
}

// articles reads every content/<lang>/<section>/<name>.md of a configured language, leaving out drafts
// unless drafts is set.
func articles(fsys *source.FS, cfg *config.Config, drafts bool) ([]*article, error) {
	var out []*article
	err := fs.WalkDir(fsys.Site(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // build reports it
		}
		parts := strings.Split(p, "/")
		if d.IsDir() || len(parts) != 4 || path.Ext(p) != ".md" || strings.HasPrefix(path.Base(p), ".") {
			return nil
		}
		lang := cfg.Language(parts[1])
		if lang == nil {
			return nil
		}
		src, err := fs.ReadFile(fsys.Site(), p)
		if err != nil {
			return nil
		}
		a := &article{file: p, key: parts[2] + "/" + strings.TrimSuffix(parts[3], ".md"), src: string(src), lang: lang,
			lo: splitFile(string(src))}
		if page, err := content.Parse(p, src, lang.Zone); err == nil {
			page.Lang, page.Section, page.Name = parts[1], parts[2], strings.TrimSuffix(parts[3], ".md")
			a.page = page
			if page.Draft && !drafts {
				return nil
			}
		}
		out = append(out, a)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].file < out[j].file })
	return out, nil
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// links reports the body's internal links and images that lead nowhere.
func links(a *article, cfg *config.Config, fsys *source.FS, known map[string]bool) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	b := a.lo.body
	p := a.page
	base := "/"
	if cfg.BaseURL != nil {
		base = cfg.BaseURL.Path
	}
	self := "/" + p.Lang + "/" + p.Section + "/" + p.Name + "/"
	body := a.src[b.start:b.end]
	for _, lk := range a.proseOf(*b).Links {
		dest := strings.TrimSpace(lk.Dest)
		if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || scheme.MatchString(dest) {
			continue
		}
		if i := strings.IndexAny(dest, "?#"); i >= 0 {
			dest = dest[:i]
		}
		if u, err := url.PathUnescape(dest); err == nil {
			dest = u
		}
		var target string
		if strings.HasPrefix(dest, "/") {
			target = dest
			if base != "/" && strings.HasPrefix(dest, base) {
				target = "/" + strings.TrimPrefix(dest, base)
			}
		} else {
			target = path.Join(self, dest)
		}
		target = path.Clean(target)
		if resolves(strings.TrimPrefix(target, "/"), fsys, known) {
			continue
		}
		what, hint := "link", "link to an article's URL such as /"+p.Lang+"/"+p.Section+"/NAME/, or to a file under static/"
		if lk.Image {
			what, hint = "image", "put the image under static/ and write its path from the site root, e.g. /images/x.jpg"
		}
		n, c := lineCol(body, lk.Pos)
		line, col := pos(b.line, b.col, n, c)
		out = append(out, warn(a.file, line, col, RuleLink,
			fmt.Sprintf("%s %q leads to no article and no static file", what, lk.Dest), hint))
	}
	return out
}

func resolves(p string, fsys *source.FS, known map[string]bool) bool {
	if p == "." || p == "" {
		return true
	}
	if strings.HasPrefix(p, "..") {
		return false
	}
	return known[p] || known[path.Join(p, "index.html")] || fsys.Exists(path.Join("static", p))
}

// FixSite applies the typography fixes in place to the Markdown files of the site's right-to-left
// languages and returns the changes, by file and position. Each file is replaced atomically.
func FixSite(o Options) ([]Change, error) {
	cfg, err := config.Load(o.Source)
	if err != nil {
		return nil, err
	}
	fsys, err := source.Open(o.Source, o.Theme)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	arts, err := articles(fsys, cfg, o.Drafts)
	if err != nil {
		return nil, err
	}
	var all []Change
	for _, a := range arts {
		if a.lang.Direction != "rtl" {
			continue
		}
		fixed, changes := fixFile(a.file, a.src)
		if len(changes) == 0 || fixed == a.src {
			continue
		}
		if err := writeAtomic(filepath.Join(o.Source, filepath.FromSlash(a.file)), []byte(fixed)); err != nil {
			return all, err
		}
		all = append(all, changes...)
	}
	return all, nil
}

// writeAtomic replaces name with data through a temporary file in the same folder.
func writeAtomic(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
