// Package load is the first stage: it reads a site from disk — site.toml, the site folder laid over
// the theme, and every article under content/, parsed — and reports every problem it finds, not
// just the first. build resolves and renders what it loads, check lints it, and serve's session
// keeps it and makes a new one for each change (Site.With).
//
// Drafts are filtered here and only here: Site.Published is what the site publishes.
package load

import (
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Options say what to load.
type Options struct {
	Source string // site directory
	Theme  fs.FS  // the default theme
	Drafts bool   // publish articles with draft = true
}

// Site is a loaded site. Nothing writes it after Load returns.
type Site struct {
	Config *config.Config
	FS     *source.FS // the site folder over the theme; Close releases it
	// Articles are the article files under content/<lang>/<section>/ of the configured languages,
	// sorted by path: drafts and files that do not parse too, but not a file that cannot be read.
	Articles []*Article
	// Problems are every problem found, in the order found: a folder that cannot be walked, a
	// misplaced file, an unconfigured language folder, a link out of the site, a file that cannot be
	// read or does not parse, a missing image of a published article, a missing file that
	// site.toml names (config.CheckFiles).
	Problems diag.List
	drafts   bool
}

// Article is one article file.
type Article struct {
	File string        // content/<lang>/<section>/<name>.md
	Src  []byte        // the file as read; nil in a Site made by With for the articles it replaced
	Page *content.Page // nil when the file does not parse (Problems say why)
}

// Load reads the site in o.Source. The error is for what stops loading itself: site.toml cannot be
// read or is not valid, the folder or one of its content folders cannot be opened; the site's own
// problems are in Problems.
func Load(o Options) (*Site, error) {
	cfg, err := config.Load(o.Source)
	if err != nil {
		return nil, err
	}
	fsys, err := source.Open(o.Source, o.Theme)
	if err != nil {
		return nil, err
	}
	s := &Site{Config: cfg, FS: fsys, drafts: o.Drafts}
	if err := s.load(); err != nil {
		fsys.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the site folder.
func (s *Site) Close() error { return s.FS.Close() }

// Err returns Problems as an error, or nil when there are none.
func (s *Site) Err() error {
	if len(s.Problems) > 0 {
		return s.Problems
	}
	return nil
}

// Publishes reports whether the site publishes the parsed article p: a draft only when loaded with
// Options.Drafts.
func (s *Site) Publishes(p *content.Page) bool { return publishes(p, s.drafts) }

func publishes(p *content.Page, drafts bool) bool { return drafts || !p.Draft }

// Published returns the parsed articles the site publishes (see Publishes), in path order.
func (s *Site) Published() []*content.Page {
	out := make([]*content.Page, 0, len(s.Articles))
	for _, a := range s.Articles {
		if a.Page != nil && s.Publishes(a.Page) {
			out = append(out, a.Page)
		}
	}
	return out
}

// Page returns the parsed article at file, or nil.
func (s *Site) Page(file string) *content.Page {
	if i, ok := s.find(file); ok {
		return s.Articles[i].Page
	}
	return nil
}

func (s *Site) find(file string) (int, bool) {
	return slices.BinarySearchFunc(s.Articles, file, func(a *Article, f string) int { return strings.Compare(a.File, f) })
}

// Read reads and parses the article file (content/<lang>/<section>/<name>.md of a configured
// language) again, as Load does, and checks its image when the site publishes it. The error is a
// *fs.PathError when the file cannot be read (fs.ErrNotExist when it is gone), else the article's
// problems.
func (s *Site) Read(file string) (*content.Page, error) {
	src, err := fs.ReadFile(s.FS.Site(), file)
	if err != nil {
		return nil, err
	}
	p, err := Parse(s.Config, file, src)
	if err == nil {
		err = checkImages(s.FS, []*content.Page{p}, s.drafts)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// With returns a new Site that has the articles of s with the changed ones, by file, replaced or
// added, and those whose value is nil removed; s is unchanged, and the two share everything else.
// It is meant for a site that loaded without problems: the new one keeps s's.
func (s *Site) With(changed map[string]*content.Page) *Site {
	n := *s
	n.Articles = make([]*Article, 0, len(s.Articles)+len(changed))
	for _, a := range s.Articles {
		p, ok := changed[a.File]
		switch {
		case !ok:
			n.Articles = append(n.Articles, a)
		case p != nil:
			n.Articles = append(n.Articles, &Article{File: a.File, Page: p})
		}
	}
	added := false
	for f, p := range changed {
		if _, ok := s.find(f); !ok && p != nil {
			n.Articles = append(n.Articles, &Article{File: f, Page: p})
			added = true
		}
	}
	if added {
		sort.Slice(n.Articles, func(i, j int) bool { return n.Articles[i].File < n.Articles[j].File })
	}
	return &n
}
