// Package build runs the stages — load, resolve, render, write — and writes the result through a sink:
// a folder beside the destination that is swapped in only when everything succeeded (output.DirSink, which
// reuses the output before last), or memory. A failed build leaves the previous output exactly as
// it was. Session keeps a build in memory and brings it up to date after files change, for serve.
package build

import (
	"context"
	"io/fs"
	"net/url"

	"github.com/rokhdad/rokhdad/internal/config"
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
	cfg, err := config.Load(o.Source)
	if err != nil {
		return nil, nil, err
	}
	fsys, err := source.Open(o.Source, o.Theme)
	if err != nil {
		return nil, nil, err
	}
	pages, err := LoadContent(fsys, cfg, o.Drafts)
	if err != nil {
		fsys.Close()
		return nil, nil, err
	}
	if !o.Drafts {
		kept := pages[:0]
		for _, p := range pages {
			if !p.Draft {
				kept = append(kept, p)
			}
		}
		pages = kept
	}
	s, err := site.Resolve(cfg, o.BaseURL, pages)
	if err != nil {
		fsys.Close()
		return nil, nil, err
	}
	return s, fsys, nil
}

// Run builds the site into sink.
func Run(o Options, sink output.Sink) (*Result, error) {
	s, fsys, err := Site(o)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	ref, err := reference()
	if err != nil {
		return nil, err
	}
	r, err := render.New(s, fsys, render.Options{Workers: o.Workers, Ctx: o.Ctx, Reference: ref})
	if err != nil {
		return nil, err
	}
	if o.Minify {
		sink = minify.Sink(sink)
	}
	n, err := r.Render(copying{sink})
	if err != nil {
		return nil, err
	}
	return &Result{Site: s, Pages: n}, nil
}
