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
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/source"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Site-level rules.
const (
	RuleTranslation    = "translation"
	RuleLink           = "link"
	RuleTimelineStatus = "timeline-status"
	RuleResolved       = "resolved"
	RuleUntranslated   = "untranslated"
	RuleWindow         = "window"
)

// Options say what to check.
type Options struct {
	Source string // site directory
	Drafts bool   // include articles with draft = true
	Theme  fs.FS  // the default theme
}

// discard is an output.Sink that writes nothing and remembers the paths it was given.
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

func (d *discard) Create(p string) (io.WriteCloser, error) {
	d.add(p)
	return nopCloser{io.Discard}, nil
}

func (d *discard) Remove(p string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.paths, path.Clean(p))
	return nil
}

func (d *discard) CopyFile(p string, r io.Reader) error { return output.Copy(d, p, r) }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// article is one content file as check sees it.
type article struct {
	file string
	key  string // section/name
	src  string
	lang *config.Language
	page *content.Page // nil when the file does not parse (load reports why)
	lo   layout
	body *markdown.Layout // of the body, for typography and links; see proseOf
}

// Site checks the site in o.Source and returns every finding sorted by file, line and column. The error
// is for problems that stop the check itself (such as a site folder that cannot be opened), not the
// site's. The site is loaded once: the build's errors and the warnings are of the same reading.
func Site(o Options) (diag.List, error) {
	ld, err := load.Load(o.load())
	if err != nil {
		list := errorsOf(err)
		var d *diag.Diagnostic
		var l diag.List
		if errors.As(err, &d) || errors.As(err, &l) {
			list.Sort()
			return list, nil // the site's: site.toml, say
		}
		return list, err
	}
	defer ld.Close()
	sink := &discard{}
	if err = ld.Err(); err == nil {
		_, err = build.Render(ld, build.Options{}, sink)
	}
	list := errorsOf(err)
	cfg, fsys := ld.Config, ld.FS
	arts := articles(ld)
	st, bad := styleOf(cfg)
	list = append(list, bad...)

	keys := map[string][]*article{}
	known := map[string]bool{"": true}
	for p := range sink.paths {
		known[p] = true
	}
	for _, l := range cfg.Languages {
		known[l.Code] = true
	}
	all := allTranslations(ld) // drafts too: a published translation may still be a draft's copy
	for _, a := range arts {
		keys[a.key] = append(keys[a.key], a) // a file that does not parse still counts as a translation
		known[a.lang.Code+"/"+a.key] = true
	}
	moved := map[string]diag.List{}
	for _, d := range movedWindows(o.Source, arts) {
		moved[d.File] = append(moved[d.File], d)
	}
	for _, a := range arts {
		fst, badIgnores := st.forFile(a.src)
		var found diag.List
		found = append(found, controls(a.file, a.src)...)
		if a.lang.Direction == "rtl" {
			for _, b := range a.lo.blocks {
				found = append(found, typography(a.file, b.line, b.col, a.src[b.start:b.end], a.proseOf(b), b.kind, fst)...)
			}
		}
		found = append(found, a.warnings(cfg, fsys, keys, known)...)
		found = append(found, untranslated(a, all[a.key], cfg)...)
		found = append(found, windowRules(a, all[a.key])...)
		found = append(found, moved[a.file]...)
		for _, d := range found {
			if d.Severity == diag.Warning && fst.off(d.Line, d.Rule) {
				continue
			}
			list = append(list, explain(d))
		}
		for _, b := range badIgnores {
			list = append(list, warn(a.file, b.line, b.col, "ignore", fmt.Sprintf("rokhdad:ignore names %q, which is no rule", b.name),
				"use one of: "+strings.Join(RuleNames(), ", ")))
		}
	}
	list.Sort()
	return list, nil
}

// explain appends its rule's Persian explanation to a warning's message.
func explain(d *diag.Diagnostic) *diag.Diagnostic {
	if r := RuleNamed(d.Rule); r != nil && d.Severity == diag.Warning {
		d.Msg += " — " + r.Fa
	}
	return d
}

// styleOf returns the site's check style, and an error for each name in [check] disable that is
// no rule.
func styleOf(cfg *config.Config) (*Style, diag.List) {
	st := &Style{Disable: map[string]bool{}, Ezafe: cfg.Check.Ezafe}
	var bad diag.List
	for _, name := range cfg.Check.Disable {
		if RuleNamed(name) == nil {
			p := cfg.Check.DisablePos
			bad = append(bad, &diag.Diagnostic{File: config.FileName, Line: p.Line, Col: p.Col, Severity: diag.Error, Rule: "config",
				Msg: fmt.Sprintf("[check] disable names %q, which is no rule", name), Hint: "use one of: " + strings.Join(RuleNames(), ", ")})
			continue
		}
		st.Disable[name] = true
	}
	return st, bad
}

// warnings are the site-level warnings of one article: translation, timeline status, resolved, links.
func (a *article) warnings(cfg *config.Config, fsys *source.FS, keys map[string][]*article, known map[string]bool) diag.List {
	if a.page == nil {
		return nil
	}
	var list diag.List
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
		if e.Status == "" && p.Maintenance == nil { // a window's update may be news alone
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
	return list
}

func warn(file string, line, col int, rule, msg, hint string) *diag.Diagnostic {
	return &diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Warning, Rule: rule, Msg: msg, Hint: hint}
}

// load says what to load.
func (o Options) load() load.Options {
	return load.Options{Source: o.Source, Theme: o.Theme, Drafts: o.Drafts}
}

// errorsOf returns the diagnostics of err, each an error.
func errorsOf(err error) diag.List {
	var list diag.List
	for _, d := range diag.Flatten(err) {
		e := *d
		e.Severity = diag.Error
		list = append(list, &e)
	}
	return list
}

// articles are the loaded article files that check reads: every one that the site publishes or that
// does not parse, in path order.
func articles(ld *load.Site) []*article {
	var out []*article
	for _, la := range ld.Articles {
		if la.Page != nil && !ld.Publishes(la.Page) {
			continue
		}
		parts := strings.Split(la.File, "/")
		src := string(la.Src)
		out = append(out, &article{file: la.File, key: parts[2] + "/" + strings.TrimSuffix(parts[3], ".md"), src: src,
			lang: ld.Config.Language(parts[1]), page: la.Page, lo: splitFile(src)})
	}
	return out
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
	ld, err := load.Load(o.load())
	if err != nil {
		return nil, err
	}
	defer ld.Close()
	var all []Change
	st, bad := styleOf(ld.Config)
	if len(bad) > 0 {
		return nil, bad
	}
	for _, a := range articles(ld) {
		if a.lang.Direction != "rtl" {
			continue
		}
		fst, _ := st.forFile(a.src)
		fixed, changes := fixFile(a.file, a.src, fst)
		if len(changes) == 0 || fixed == a.src {
			continue
		}
		if err := output.ReplaceFile(filepath.Join(o.Source, filepath.FromSlash(a.file)), []byte(fixed)); err != nil {
			return all, err
		}
		all = append(all, changes...)
	}
	return all, nil
}
