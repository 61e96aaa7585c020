package build

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/render"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// runner renders jobs of one site into a sink.
type runner struct {
	r    *render.Renderer
	s    *site.Site
	fsys *source.FS
	sink output.Sink
	ctx  context.Context // when cancelled, no further job is started; may be nil
}

// run renders jobs with the given number of workers (0: one per CPU), each writing its file to the
// sink as soon as it is done; the output does not depend on the number of workers. Every job's
// error is reported, not just the first.
func (x *runner) run(jobs []job, workers int) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, len(jobs))
	var next atomic.Int64 // the next job to take: workers pull indexes, no channel hand-off per job
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := new(bytes.Buffer)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if x.ctx != nil && x.ctx.Err() != nil {
					errs[i] = x.ctx.Err()
					continue
				}
				errs[i] = x.one(&jobs[i], buf)
				if buf.Cap() > 1<<20 {
					buf = new(bytes.Buffer) // do not keep a feed-sized buffer for the pages
				}
			}
		}()
	}
	wg.Wait()
	if x.ctx != nil && x.ctx.Err() != nil {
		return x.ctx.Err()
	}
	var all diag.List
	for _, err := range errs {
		if err != nil {
			all = append(all, diag.Flatten(err)...)
		}
	}
	if len(all) > 0 {
		return all
	}
	return nil
}

// one makes one job's file. A static file is copied; a large one (a feed, an index) goes to the
// sink as it is made, so that a 5,000-article build does not assemble megabytes in a growing
// buffer; a page is rendered into buf and written whole.
func (x *runner) one(j *job, buf *bytes.Buffer) (err error) {
	if j.static != nil {
		rd, err := x.fsys.Open(*j.static)
		if err != nil {
			return err
		}
		defer rd.Close()
		return output.Copy(x.sink, j.out, rd)
	}
	if j.target.Kind.Large() {
		f, err := x.sink.Create(j.out)
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
		return x.make(j, w)
	}
	buf.Reset()
	if err := x.guarded(j, buf); err != nil {
		return err
	}
	return x.sink.WriteFile(j.out, buf.Bytes())
}

func (x *runner) guarded(j *job, w io.Writer) (err error) {
	defer recoverJob(j, &err)
	return x.make(j, w)
}

// make renders j's target into w.
func (x *runner) make(j *job, w io.Writer) error { return x.r.Render(w, x.s, j.target) }

// recoverJob turns a panic in a job (a defect, never the input's fault) into an error naming the
// output file instead of taking the whole build down.
func recoverJob(j *job, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error while rendering %s: %v (please report it with the article that caused it)", j.out, p)
	}
}
