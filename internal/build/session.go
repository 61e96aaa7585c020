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
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Session is a build kept in memory so that it can be brought up to date after files change, as
// serve does: the configuration, the open site folder, every loaded article, the parsed layouts
// and catalogs, and what each output was made from (see sig).
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
	st   *stage         // the current site, its renderer and plan; a new one after each update
	why  string         // why Update cannot work incrementally, or ""
}

// ErrFullBuild is returned by Session.Update when the changes need a whole build.
var ErrFullBuild = errors.New("a whole build is needed")

// NewSession builds the whole site into sink, like Run, and keeps what it needs for Update.
func NewSession(o Options, sink output.Sink) (*Session, *Result, error) {
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
	resolved, err := resolve(ld, o.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	if s.st, err = newStage(o, resolved, fsys); err != nil {
		return nil, nil, err
	}
	if own := s.st.r.SiteLayouts(); len(own) > 0 {
		s.why = "the site has layouts of its own (" + strings.Join(own, ", ") + ")"
	}
	if err := s.st.all(sink); err != nil {
		return nil, nil, err
	}
	ok = true
	return s, &Result{Site: s.st.site, Pages: s.st.pages}, nil
}

// Close releases the site folder.
func (s *Session) Close() error { return s.fsys.Close() }

// Incremental says whether Update can work incrementally at all, and if not, why.
func (s *Session) Incremental() (bool, string) { return s.why == "", s.why }

// Update brings the build in sink up to date after the files changed (slash paths relative to the
// site folder) were written, created or deleted, and returns what is left to do: it writes the
// pages that changed and removes the outputs the site no longer has; the feeds, indexes and
// sitemap, which cover a whole language and take longest, are left to the returned Update's Finish
// — so that the page an editor is looking at can be reloaded while they are written. It returns
// ErrFullBuild when it cannot work incrementally; any other error is the site's (a broken article,
// say), and leaves the session as it was, so that fixing the file and calling Update again works.
func (s *Session) Update(changed []string, sink output.Sink) (*Update, error) {
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
	u := &Update{sess: s}
	if len(next) == 0 && len(gone) == 0 {
		u.Ready = time.Since(start)
		return u, nil
	}
	ref, err := reference()
	if err != nil {
		return nil, err
	}
	for f := range gone {
		next[f] = nil
	}
	nl := s.ld.With(next) // the articles after the change, the unchanged ones shared
	cur := s.st
	st := &stage{o: s.o, r: cur.r, fsys: s.fsys, pages: cur.pages}
	var dirty []job
	if swaps := s.inPlace(next, gone); swaps != nil {
		// Only the articles' content changed, not their place in the site: no resolving.
		st.site = cur.site.Swap(swaps).At(ref)
		st.jobs, dirty = swapped(cur.jobs, swaps, st.site)
		u.InPlace = true
	} else {
		resolved, err := resolve(nl, s.o.BaseURL)
		if err != nil {
			return nil, err
		}
		st.site = resolved.At(ref)
		if err := st.plan(); err != nil {
			return nil, err
		}
		dirty, u.Removed = diff(cur.jobs, st.jobs)
	}
	u.Resolve = time.Since(start)
	var now []job
	for _, j := range dirty {
		if j.late() {
			u.late = append(u.late, j)
		} else {
			now = append(now, j)
		}
	}
	if err := st.runner(sink).run(now, s.o.Workers); err != nil {
		// Some pages of the new site may be written: only a whole build can continue.
		s.why = "the last update failed"
		return nil, err
	}
	for _, out := range u.Removed {
		if err := sink.Remove(out); err != nil {
			s.why = "the last update failed"
			return nil, err
		}
	}
	s.ld, s.st, u.st = nl, st, st
	u.Pages = len(now)
	for _, j := range now {
		u.Written = append(u.Written, j.out)
	}
	u.Ready = time.Since(start)
	return u, nil
}

// Update is what Session.Update did, and what it left to do.
type Update struct {
	Pages   int           // pages rendered again
	Late    int           // feeds, indexes and sitemap rendered again by Finish
	Written []string      // every file written, pages first, then those of Finish
	Removed []string      // outputs the site no longer has
	InPlace bool          // the articles kept their places: nothing was resolved again (site.Site.Swap)
	Resolve time.Duration // reading the changed files and resolving the site
	Ready   time.Duration // until the pages were written

	sess *Session
	st   *stage
	late []job
}

// Pending lists the outputs Finish will write: the feeds, indexes and sitemap whose articles
// changed.
func (u *Update) Pending() []string {
	out := make([]string, len(u.late))
	for i, j := range u.late {
		out[i] = j.out
	}
	return out
}

// Finish writes the pending outputs into sink, on one worker: the other cores stay free for the
// reloading browser's requests. After an error only a whole build can continue.
func (u *Update) Finish(sink output.Sink) error {
	if len(u.late) == 0 {
		return nil
	}
	if err := u.st.runner(sink).run(u.late, 1); err != nil {
		u.sess.why = "the last update failed"
		return err
	}
	u.Late = len(u.late)
	for _, j := range u.late {
		u.Written = append(u.Written, j.out)
	}
	u.late = nil
	return nil
}

// inPlace returns, when every change is an edit of an existing article that keeps its place in
// the site — its date, draft flag, services and tags — the old articles mapped to the new ones;
// else nil. Such edits leave the site's shape as it was (see site.Site.Swap).
func (s *Session) inPlace(next map[string]*content.Page, gone map[string]bool) map[*content.Page]*content.Page {
	if len(gone) > 0 {
		return nil
	}
	swaps := make(map[*content.Page]*content.Page, len(next))
	for f, p := range next {
		old := s.ld.Page(f)
		if old == nil || !old.Date.Equal(p.Date) || old.Draft != p.Draft ||
			!slices.Equal(old.Services, p.Services) || !slices.Equal(old.Tags, p.Tags) ||
			site.IsOngoing(old) != site.IsOngoing(p) { // the status blocks list the ongoing ones
			return nil
		}
		swaps[old] = p
	}
	return swaps
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
