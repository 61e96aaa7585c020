// Package render turns a resolved site into files: article and home pages through the layouts, the
// bilingual landing page, and the static files. Pages are rendered in parallel by a bounded pool of
// workers, each writing its page to the sink as soon as it is done; the output does not depend on
// the number of workers. A static file never takes the place of a generated output: that is an
// error naming both, found before anything is written.
package render

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/i18n"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Sink receives the rendered files. WriteFile may be called from several goroutines at once.
type Sink interface {
	WriteFile(path string, data []byte) error
	// CopyFile writes the contents of r as path.
	CopyFile(path string, r io.Reader) error
}

// Options tune rendering.
type Options struct {
	Workers int             // pages rendered at once; 0 means one per CPU
	Ctx     context.Context // when cancelled, no further page is rendered; may be nil
	// Reference is the instant the service pages' figures end at (see package uptime); zero
	// means the newest date in the content (see Newest), never the clock.
	Reference time.Time
}

// Renderer renders one site.
type Renderer struct {
	site   *site.Site
	fsys   *source.FS
	tmpl   *Templates
	langs  map[string]*langRenderer
	opts   Options
	sigs   map[string]sig          // what each output of the last Render or Rerender was made from
	jobs   []job                   // the outputs of the last Render or Rerender
	index  map[*content.Page][]int // article → the jobs whose sig names it; made when Replace needs it
	pageOf map[*content.Page]*site.Page
	ref    time.Time // the reference instant of the current plan (see Options.Reference)
}

// langRenderer holds one language's tools: its catalog, locale, Markdown renderer and templates.
type langRenderer struct {
	site     *site.Site
	lang     *site.Lang
	cat      *i18n.Catalog
	loc      *locale.Locale
	md       *markdown.Renderer
	kinds    map[string]*template.Template // this language's clones of the page layouts
	peers    map[string]*langRenderer      // every language's renderer, this one included
	rtl      bool
	cards    sync.Map // *content.Page → template.HTML, see card
	entries  sync.Map // entryKey → template.HTML, see entryHTML
	partials sync.Map // name and variants → template.HTML, see partialCached

	ref time.Time // the site's reference instant, set by plan (see Options.Reference)
}

// New prepares rendering: it parses the layouts and reads every language's catalog once.
func New(s *site.Site, fsys *source.FS, opts Options) (*Renderer, error) {
	tmpl, err := LoadTemplates(fsys)
	if err != nil {
		return nil, err
	}
	r := &Renderer{site: s, fsys: fsys, tmpl: tmpl, langs: map[string]*langRenderer{}, opts: opts}
	var cats []*i18n.Catalog
	var errs diag.List
	for _, l := range s.Langs {
		cat, err := loadCatalog(fsys, l.Language)
		if err != nil {
			errs = append(errs, diag.Flatten(err)...)
			continue
		}
		cats = append(cats, cat)
		lr, err := newLangRenderer(s, l, cat, tmpl)
		if err != nil {
			errs = append(errs, diag.Flatten(err)...)
			continue
		}
		r.langs[l.Code] = lr
		lr.peers = r.langs
	}
	if len(errs) == 0 {
		if err := i18n.CheckComplete(cats); err != nil {
			return nil, err
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

func loadCatalog(fsys *source.FS, l *config.Language) (*i18n.Catalog, error) {
	name := "i18n/" + l.Code + ".toml"
	data, theme, err := fsys.ReadFile(name)
	if err != nil {
		return nil, &diag.Diagnostic{File: name, Rule: "i18n",
			Msg:  fmt.Sprintf("language %q has no i18n file", l.Code),
			Hint: fmt.Sprintf("create %s with the keys of i18n/en.toml translated", name)}
	}
	return i18n.Parse(source.Label(name, theme), l.Code, data)
}

func newLangRenderer(s *site.Site, l *site.Lang, cat *i18n.Catalog, tmpl *Templates) (*langRenderer, error) {
	var names locale.Names
	var err error
	list := func(key string, n int) []string {
		if err != nil {
			return nil
		}
		var v []string
		v, err = cat.List(key, n)
		return v
	}
	str := func(key string) string {
		if err != nil {
			return ""
		}
		var v string
		v, err = cat.T(key)
		return v
	}
	copy(names.PersianMonths[:], list("persian_months", 12))
	copy(names.GregorianMonths[:], list("gregorian_months", 12))
	copy(names.Weekdays[:], list("weekdays", 7))
	names.Day, names.Hour, names.Minute = str("unit_day"), str("unit_hour"), str("unit_minute")
	names.Join = str("duration_join")
	if err != nil {
		return nil, err
	}
	loc, err := locale.New(l.Code, l.Calendar, l.Zone, names)
	if err != nil {
		return nil, &diag.Diagnostic{File: config.FileName, Rule: "languages." + l.Code, Msg: err.Error()}
	}
	lr := &langRenderer{site: s, lang: l, cat: cat, loc: loc, rtl: l.Direction == "rtl"}
	lr.md = markdown.New(markdown.Options{Zero: loc.Zero(), Unsafe: s.Config.Markup.Unsafe, FormatTime: lr.inlineTime})
	fm := lr.funcs()
	lr.kinds = map[string]*template.Template{}
	for k, t := range tmpl.kinds {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		lr.kinds[k] = c.Funcs(fm)
	}
	return lr, nil
}

// job is one output file to render.
type job struct {
	out    string
	run    func(w *bytes.Buffer) error
	stream func(w io.Writer) error // instead of run: a large file, written as it is made (see Streamer)
	sig    sig
	late   bool       // a machine-readable file over a whole language or site: see Rerender
	page   *site.Page // an article's own page: the article
	ref    bool       // shows figures that end at the reference instant (a service page)
}

// Render renders every page and copies the static files into sink. It returns how many pages it
// wrote.
func (r *Renderer) Render(sink Sink) (int, error) {
	jobs, pages, err := r.plan()
	if err != nil {
		return 0, err
	}
	if err := r.runJobs(jobs, sink); err != nil {
		if ctx := r.opts.Ctx; ctx != nil && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, err
	}
	r.keep(jobs)
	return pages, nil
}

// plan lists every output of the site and how many of them are pages. A static file that would
// replace a generated output, or stand where one needs a folder, is an error (see collisions).
func (r *Renderer) plan() (jobs []job, pages int, err error) {
	// The long single jobs (search indexes, feeds) go first, so that they overlap with the many
	// short page jobs instead of running alone at the end.
	r.setReference()
	jobs = r.machineJobs()
	machine := len(jobs)
	for _, l := range r.site.Langs {
		lr := r.langs[l.Code]
		for _, p := range l.Pages {
			jobs = append(jobs, job{out: p.OutPath, run: func(w *bytes.Buffer) error { return lr.renderSingle(w, p) },
				sig: singleSig(p), page: p})
		}
		jobs = append(jobs, lr.listJobs()...)
	}
	jobs = append(jobs, job{out: "index.html", run: r.renderLanding, sig: r.landingSig()}, job{out: "404.html", run: r.render404})
	pages = len(jobs) - machine
	static, files, err := r.staticJobs()
	if err == nil {
		err = r.collisions(jobs, files)
	}
	if err != nil {
		return nil, 0, err
	}
	return append(jobs, static...), pages, nil
}

func (r *Renderer) runJobs(jobs []job, sink Sink) error {
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return r.runJobsOn(workers, jobs, sink)
}

// runJobsOn renders jobs with the given number of workers.
func (r *Renderer) runJobsOn(workers int, jobs []job, sink Sink) error {
	errs := make([]error, len(jobs))
	var next atomic.Int64 // the next job to take: workers pull indexes, no channel hand-off per job
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := new(bytes.Buffer)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if ctx := r.opts.Ctx; ctx != nil && ctx.Err() != nil {
					errs[i] = ctx.Err()
					continue
				}
				if st, ok := sink.(Streamer); ok && jobs[i].stream != nil {
					errs[i] = streamJob(jobs[i], st)
					continue
				}
				buf.Reset()
				err := runJob(jobs[i], buf)
				if err == nil {
					err = sink.WriteFile(jobs[i].out, buf.Bytes())
				}
				errs[i] = err
				if buf.Cap() > 1<<20 {
					buf = new(bytes.Buffer) // do not keep a feed-sized buffer for the pages
				}
			}
		}()
	}
	wg.Wait()
	var all diag.List
	for _, err := range errs {
		if err != nil {
			all = append(all, r.diagnose(err)...)
		}
	}
	if len(all) > 0 {
		return all
	}
	return nil
}

// Streamer is a sink that can also take a file as it is produced. The feeds, indexes and sitemap
// of a large site are megabytes each; they are streamed to the sink rather than assembled in a
// growing buffer, which cost a tenth of a 5,000-article build in copying and zeroing memory.
type Streamer interface {
	// Create opens path for writing; what is written is the file's content once Close returns nil.
	Create(path string) (io.WriteCloser, error)
}

// runJob runs one job into buf; a panic in it (a defect, never the input's fault) becomes an error
// naming the output file instead of taking the whole build down.
func runJob(j job, buf *bytes.Buffer) (err error) {
	defer recoverJob(j, &err)
	if j.stream != nil {
		return j.stream(buf)
	}
	return j.run(buf)
}

// streamJob runs a streaming job straight into a file of the sink.
func streamJob(j job, st Streamer) (err error) {
	f, err := st.Create(j.out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	defer func() {
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	defer recoverJob(j, &err)
	return j.stream(w)
}

func recoverJob(j job, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error while rendering %s: %v (please report it with the article that caused it)", j.out, p)
	}
}

// diagnose turns a rendering error into diagnostics, mapping template errors to layout files.
func (r *Renderer) diagnose(err error) diag.List {
	var d *diag.Diagnostic
	var l diag.List
	switch {
	case errors.As(err, &l):
		return l
	case errors.As(err, &d):
		return diag.List{d}
	}
	return diag.Flatten(r.tmpl.wrap(err))
}

// staticJobs copy the static files, the site's over the theme's, among the other jobs; files are the
// static files, in the order of the jobs.
func (r *Renderer) staticJobs() (jobs []job, files []source.File, err error) {
	files, err = r.fsys.Files("static")
	if err != nil {
		return nil, nil, err
	}
	jobs = make([]job, 0, len(files))
	for _, f := range files {
		jobs = append(jobs, job{out: source.Rel("static", f.Path), stream: func(w io.Writer) error {
			rd, err := r.fsys.Open(f)
			if err != nil {
				return err
			}
			defer rd.Close()
			_, err = io.Copy(w, rd)
			return err
		}})
	}
	return jobs, files, nil
}
