package build

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Session is a build kept in memory so that it can be brought up to date after files change, as
// serve does: the configuration, the open site folder, every loaded article, the parsed layouts
// and catalogs, and what each output was made from (see render.Rerender).
//
// Update re-reads only the articles that changed and re-resolves the site from the articles in
// memory — cheap next to rendering — then renders again only the outputs that show a changed
// article or whose list of articles changed. A change to anything else (site.toml, layouts/,
// i18n/, static/, a file in content/ that is not an article) needs a whole build: Update says so
// with ErrFullBuild, and so it does while the site overrides any layout, whose dependencies it
// cannot know.
type Session struct {
	o    Options
	cfg  *config.Config // ld's
	fsys *source.FS     // ld's
	ld   *load.Site     // every article, drafts too
	site *site.Site
	r    *render.Renderer
	why  string // why Update cannot work incrementally, or ""
}

// ErrFullBuild is returned by Session.Update when the changes need a whole build.
var ErrFullBuild = errors.New("a whole build is needed")

// NewSession builds the whole site into sink, like Run, and keeps what it needs for Update.
func NewSession(o Options, sink render.Sink) (*Session, *Result, error) {
	ld, err := load.Load(o.loadOptions())
	if err != nil {
		return nil, nil, err
	}
	fsys := ld.FS
	ok := false
	defer func() {
		if !ok {
			fsys.Close()
		}
	}()
	s := &Session{o: o, cfg: ld.Config, fsys: fsys, ld: ld}
	if s.site, err = resolve(ld, o.BaseURL); err != nil {
		return nil, nil, err
	}
	ref, err := reference()
	if err != nil {
		return nil, nil, err
	}
	if s.r, err = render.New(s.site, fsys, render.Options{Workers: o.Workers, Ctx: o.Ctx, Reference: ref}); err != nil {
		return nil, nil, err
	}
	if own := s.r.SiteLayouts(); len(own) > 0 {
		s.why = "the site has layouts of its own (" + strings.Join(own, ", ") + ")"
	}
	n, err := s.r.Render(sink)
	if err != nil {
		return nil, nil, err
	}
	ok = true
	return s, &Result{Site: s.site, Pages: n}, nil
}

// Close releases the site folder.
func (s *Session) Close() error { return s.fsys.Close() }

// Incremental says whether Update can work incrementally at all, and if not, why.
func (s *Session) Incremental() (bool, string) { return s.why == "", s.why }

// Update brings the build in sink up to date after the files changed (slash paths relative to the
// site folder) were written, created or deleted. It returns ErrFullBuild when it cannot; any other
// error is the site's (a broken article, say), and leaves the session as it was, so that fixing
// the file and calling Update again works. ready, when not nil, is called once the pages are
// written, with the feeds and indexes still to come (see render.Rerender).
func (s *Session) Update(changed []string, sink render.Sink, ready func(late []string)) (*Update, error) {
	if s.why != "" {
		return nil, ErrFullBuild
	}
	start := time.Now()
	next := make(map[string]*content.Page, len(changed))
	gone := map[string]bool{}
	var errs diag.List
	for _, f := range changed {
		switch s.kindOf(f) {
		case changeIgnored:
			continue
		case changeWhole:
			return nil, ErrFullBuild
		}
		p, err := s.ld.Read(f)
		if errors.Is(err, fs.ErrNotExist) {
			gone[f] = true
			continue
		}
		var unread *fs.PathError
		if errors.As(err, &unread) {
			return nil, ErrFullBuild // a link, a folder: let the whole build report it
		}
		if err != nil {
			errs = append(errs, diag.Flatten(err)...)
			continue
		}
		next[f] = p
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(next) == 0 && len(gone) == 0 {
		return &Update{Total: time.Since(start)}, nil
	}
	var readyAt time.Duration
	readyTimed := func(late []string) {
		readyAt = time.Since(start)
		if ready != nil {
			ready(late)
		}
	}
	if swaps := s.inPlace(next, gone); swaps != nil {
		// Only the articles' content changed, not their place in the site: no resolving.
		s.ld = s.ld.With(next)
		resolved := time.Since(start)
		ch, err := s.r.Replace(swaps, sink, readyTimed)
		if err != nil {
			s.why = "the last update failed"
			return nil, err
		}
		return &Update{Changes: ch, InPlace: true, Resolve: resolved, Ready: readyAt, Total: time.Since(start)}, nil
	}
	// Resolve with the changes; keep the old articles until that succeeded.
	for f := range gone {
		next[f] = nil
	}
	nl := s.ld.With(next)
	ns, err := resolve(nl, s.o.BaseURL)
	if err != nil {
		return nil, err
	}
	s.ld = nl
	resolved := time.Since(start)
	ch, err := s.r.Rerender(ns, sink, readyTimed)
	if err != nil {
		// The renderer is half moved to the new site: only a whole build can continue.
		s.why = "the last update failed"
		return nil, err
	}
	s.site = ns
	return &Update{Changes: ch, Resolve: resolved, Ready: readyAt, Total: time.Since(start)}, nil
}

// inPlace returns, when every change is an edit of an existing article that keeps its place in
// the site — its date, draft flag, services and tags — the old articles mapped to the new ones;
// else nil. Such edits leave the site's shape as it was (see render.Replace).
func (s *Session) inPlace(next map[string]*content.Page, gone map[string]bool) map[*content.Page]*content.Page {
	if len(gone) > 0 {
		return nil
	}
	swaps := make(map[*content.Page]*content.Page, len(next))
	for f, p := range next {
		old := s.ld.Page(f)
		if old == nil || !old.Date.Equal(p.Date) || old.Draft != p.Draft ||
			!slices.Equal(old.Services, p.Services) || !slices.Equal(old.Tags, p.Tags) {
			return nil
		}
		swaps[old] = p
	}
	return swaps
}

// Update is what Session.Update did.
type Update struct {
	render.Changes
	InPlace bool          // the articles kept their places: nothing was resolved again (render.Replace)
	Resolve time.Duration // reading the changed files and resolving the site
	Ready   time.Duration // until the pages were written (ready was called)
	Total   time.Duration // until the feeds and indexes were written too
}

type changeKind int

const (
	changeIgnored changeKind = iota // nothing the build reads: an editor's swap or backup file
	changeArticle                   // an article: read it again
	changeWhole                     // anything else: a whole build
)

// kindOf classifies a changed site path.
func (s *Session) kindOf(f string) changeKind {
	parts := strings.Split(f, "/")
	if parts[0] != "content" {
		return changeWhole // site.toml, layouts/, i18n/, static/
	}
	base := parts[len(parts)-1]
	if path.Ext(base) == ".md" && !strings.HasPrefix(base, ".") {
		if len(parts) == 4 && s.cfg.Language(parts[1]) != nil && !strings.HasPrefix(parts[2], ".") {
			return changeArticle
		}
		return changeWhole // misplaced: the whole build reports it
	}
	// Not an article. A folder (created, renamed, deleted) may hold articles.
	if st, err := fs.Stat(s.fsys.Site(), f); err == nil {
		if st.IsDir() {
			return changeWhole
		}
		return changeIgnored
	}
	for _, a := range s.ld.Articles {
		if strings.HasPrefix(a.File, f+"/") {
			return changeWhole
		}
	}
	return changeIgnored
}
