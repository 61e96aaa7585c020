// Package build runs the stages in order — load, resolve, plan, render, write — top to bottom in
// Run: load.Load reads the site, site.Resolve makes it a site, plan lists every output file and
// what it is made from, and a pool of workers renders each (package render) into an output.Sink
// (package output) — a folder beside the destination swapped in only when everything succeeded,
// or memory. A failed build leaves the previous output exactly as it was. Session keeps a build in
// memory and brings it up to date after files change, for serve: it renders again only the outputs
// whose articles changed (see sig). docs/architecture.md has the whole map.
package build

import (
	"context"
	"io/fs"
	"net/url"

	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/minify"
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Options say what to build.
type Options struct {
	Source  string   // site directory
	BaseURL *url.URL // overrides site.toml's baseURL when not nil
	Drafts  bool     // include articles with draft = true
	Theme   fs.FS    // the default theme
	Workers int      // 0: one per CPU
	// Ctx, when not nil, stops the build early when it is cancelled (Ctrl-C): no further page is
	// rendered, and ToDir leaves the destination as it was.
	Ctx context.Context
	// Minify minifies the HTML, CSS, JavaScript, XML and JSON that Run and ToDir write (see package
	// minify); a Session (serve) does not minify.
	Minify bool
}

// Result describes a finished build.
type Result struct {
	Site  *site.Site
	Pages int // HTML pages written
	Files int // all files written
}

// Site loads and resolves a site without rendering it.
func Site(o Options) (*site.Site, *source.FS, error) {
	ld, err := load.Load(o.loadOptions())
	if err != nil {
		return nil, nil, err
	}
	s, err := resolve(ld, o.BaseURL)
	if err != nil {
		ld.Close()
		return nil, nil, err
	}
	return s, ld.FS, nil
}

// loadOptions say what to load.
func (o Options) loadOptions() load.Options {
	return load.Options{Source: o.Source, Theme: o.Theme, Drafts: o.Drafts}
}

// resolve resolves the articles a loaded site publishes, when it loaded without problems.
func resolve(ld *load.Site, base *url.URL) (*site.Site, error) {
	if err := ld.Err(); err != nil {
		return nil, err
	}
	return site.Resolve(ld.Config, base, ld.Published())
}

// Run builds the site into sink: Load, then Render.
func Run(o Options, sink output.Sink) (*Result, error) {
	ld, err := load.Load(o.loadOptions())
	if err != nil {
		return nil, err
	}
	defer ld.Close()
	return Render(ld, o, sink)
}

// Render resolves and renders a loaded site into sink. What to load (o.Source, o.Drafts, o.Theme)
// is ld's: Render reads neither the options nor the site folder again for it.
func Render(ld *load.Site, o Options, sink output.Sink) (*Result, error) {
	s, err := resolve(ld, o.BaseURL)
	if err != nil {
		return nil, err
	}
	if o.Minify {
		sink = minify.Sink(sink)
	}
	st, err := newStage(o, s, ld.FS)
	if err != nil {
		return nil, err
	}
	if err := st.all(sink); err != nil {
		return nil, err
	}
	return &Result{Site: st.site, Pages: st.pages}, nil
}

// stage is a resolved site made into files: the renderer of its configuration, the site at its
// reference instant, and the plan of its outputs once rendered.
type stage struct {
	o     Options
	r     *render.Renderer
	site  *site.Site
	fsys  *source.FS
	jobs  []job
	pages int
}

// newStage prepares rendering s: it parses the layouts and catalogs, and fixes the reference
// instant (SOURCE_DATE_EPOCH, else the newest date in the content).
func newStage(o Options, s *site.Site, fsys *source.FS) (*stage, error) {
	ref, err := reference()
	if err != nil {
		return nil, err
	}
	r, err := render.New(fsys, s.Config, s.URLs)
	if err != nil {
		return nil, err
	}
	return &stage{o: o, r: r, site: s.At(ref), fsys: fsys}, nil
}

// all renders every output of the stage's site into sink, and keeps the plan. A static file in the
// way of a generated output is an error naming both, found before anything is written.
func (st *stage) all(sink output.Sink) error {
	if err := st.plan(); err != nil {
		return err
	}
	return st.runner(sink).run(st.jobs, st.o.Workers)
}

// plan lists the outputs of the stage's site and the static files, and refuses a static file in
// the way of a generated output.
func (st *stage) plan() error {
	static, err := st.fsys.Files("static")
	if err != nil {
		return err
	}
	st.jobs, st.pages = plan(st.site, static)
	return collisions(st.site, st.jobs, static)
}

func (st *stage) runner(sink output.Sink) *runner {
	return &runner{r: st.r, s: st.site, fsys: st.fsys, sink: sink, ctx: st.o.Ctx}
}
