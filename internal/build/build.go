// Package build runs the stages — load, resolve, render, write — and writes the result through a sink:
// a folder beside the destination that is swapped in only when everything succeeded (DirSink, which
// reuses the output before last), or memory. A failed build leaves the previous output exactly as
// it was. Session keeps a build in memory and brings it up to date after files change, for serve.
package build

import (
	"context"
	"io/fs"
	"net/url"

	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/minify"
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
func Run(o Options, sink render.Sink) (*Result, error) {
	ld, err := load.Load(o.loadOptions())
	if err != nil {
		return nil, err
	}
	defer ld.Close()
	return Render(ld, o, sink)
}

// Render resolves and renders a loaded site into sink. What to load (o.Source, o.Drafts, o.Theme)
// is ld's: Render reads neither the options nor the site folder again for it.
func Render(ld *load.Site, o Options, sink render.Sink) (*Result, error) {
	s, err := resolve(ld, o.BaseURL)
	if err != nil {
		return nil, err
	}
	ref, err := reference()
	if err != nil {
		return nil, err
	}
	r, err := render.New(s, ld.FS, render.Options{Workers: o.Workers, Ctx: o.Ctx, Reference: ref})
	if err != nil {
		return nil, err
	}
	if o.Minify {
		sink = minify.Sink(sink)
	}
	n, err := r.Render(sink)
	if err != nil {
		return nil, err
	}
	return &Result{Site: s, Pages: n}, nil
}
