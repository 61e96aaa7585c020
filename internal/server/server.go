// Package server is rokhdad's preview server: it builds the site into memory, serves it over HTTP,
// watches the site's sources and rebuilds when they change. Open pages reload themselves through a
// small script that only the server injects (never the build output), listening to server-sent
// events; a failed build is reported in the terminal and as an overlay in the browser, while the
// server keeps serving the last good build. It answers only requests addressed to itself by their
// Host header (see Hosts), so that another web site cannot read the preview through DNS rebinding.
package server

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// DefaultDebounce is how long the files must be quiet after a change before serve rebuilds: long
// enough to see an editor's save (write, or write-and-rename) as one change, short next to the
// rebuild itself.
const DefaultDebounce = 20 * time.Millisecond

// Options say what to serve.
type Options struct {
	Source   string        // site directory
	Drafts   bool          // include articles with draft = true
	BaseURL  *url.URL      // the base URL pages are built for, e.g. http://127.0.0.1:1313/; a host of 0.0.0.0 or :: becomes 127.0.0.1
	Hosts    *Hosts        // the Host headers answered (see ListenHosts); nil means those of BaseURL's host and port, taken as the bind address
	Theme    fs.FS         // the default theme
	Out      io.Writer     // build reports; nil discards them
	Errors   io.Writer     // failed builds' diagnostics; nil means Out
	Debounce time.Duration // quiet time after a change before rebuilding; 0 means DefaultDebounce
}

// Server builds a site into memory and serves the last good build.
type Server struct {
	opts    Options
	site    atomic.Pointer[MemSink] // last good build; nil before the first
	lastErr atomic.Pointer[string]  // the last build's error text; nil or "" when it succeeded
	buildMu sync.Mutex
	sess    *build.Session // the last good whole build, kept for incremental updates; under buildMu
	pending []string       // changed files not yet applied by a successful update; under buildMu
	outMu   sync.Mutex
	hub     *hub
	hosts   *Hosts      // nil until Run when neither Options.Hosts nor Options.BaseURL says
	refused atomic.Bool // a request was refused for its Host, and the terminal told
}

// New makes a server; nothing is built until Build is called.
func New(opts Options) *Server {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Errors == nil {
		opts.Errors = opts.Out
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	hosts := opts.Hosts
	if u := opts.BaseURL; u != nil {
		if hosts == nil {
			hosts = baseHosts(u)
		}
		if h := openable(u.Hostname()); h != u.Hostname() {
			c := *u
			c.Host = net.JoinHostPort(h, u.Port())
			if u.Port() == "" {
				c.Host = h
			}
			opts.BaseURL = &c
		}
	}
	return &Server{opts: opts, hub: newHub(), hosts: hosts}
}

func (s *Server) logf(format string, args ...any) {
	s.outMu.Lock()
	defer s.outMu.Unlock()
	fmt.Fprintf(s.opts.Out, format, args...)
}

func (s *Server) errorf(format string, args ...any) {
	s.outMu.Lock()
	defer s.outMu.Unlock()
	fmt.Fprintf(s.opts.Errors, format, args...)
}

// ErrorText formats a build error as the terminal and the browser show it: one "error: …" line
// per diagnostic.
func ErrorText(err error) string {
	var lines []string
	for _, d := range diag.Flatten(err) {
		lines = append(lines, "error: "+strings.TrimSpace(d.Error()))
	}
	return strings.Join(lines, "\n")
}

// Build builds the site into a fresh MemSink. On success it replaces the served site and tells open
// pages to reload; on failure it reports the error, tells open pages to show it, and keeps serving
// the previous build.
func (s *Server) Build() error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	return s.buildAll()
}

func (s *Server) buildAll() error {
	start := time.Now()
	sink := NewMemSink()
	sess, res, err := build.NewSession(build.Options{Source: s.opts.Source, BaseURL: s.opts.BaseURL, Drafts: s.opts.Drafts, Theme: s.opts.Theme}, sink)
	if err != nil {
		// The last good session no longer matches the files (a broken layout, say): until a whole
		// build succeeds, every change needs one.
		if s.sess != nil {
			s.sess.Close()
			s.sess = nil
		}
		s.failed(err)
		return err
	}
	if s.sess != nil {
		s.sess.Close()
	}
	if ok, why := sess.Incremental(); !ok && s.sess == nil {
		s.logf("changes to articles rebuild the whole site: %s\n", why)
	}
	s.sess, s.pending = sess, nil
	s.site.Store(sink)
	s.lastErr.Store(nil)
	s.logf("built %d pages (%d files) in %d ms\n", res.Pages, sink.Len(), time.Since(start).Milliseconds())
	s.hub.broadcast(event{name: "reload"})
	return nil
}

// failed reports a failed build or update.
func (s *Server) failed(err error) {
	text := ErrorText(err)
	s.lastErr.Store(&text)
	if s.site.Load() != nil {
		s.errorf("%s\nbuild failed; still serving the last good build\n", text)
	} else {
		s.errorf("%s\nbuild failed\n", text)
	}
	s.hub.broadcast(event{name: "build-error", data: text})
}

// Rebuild brings the served site up to date after the site files changed (slash paths relative to
// the site folder) were written, created or deleted: incrementally when it can (see
// build.Session), else with a whole build. Open pages reload as soon as the pages are written;
// feeds and indexes follow, and a request for one of them meanwhile waits for its new version.
func (s *Server) Rebuild(changed []string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	old := s.site.Load()
	if s.sess == nil || old == nil {
		return s.buildAll()
	}
	changed = append(s.pending, changed...)
	sink := old.Clone()
	u, err := s.sess.Update(changed, sink)
	switch {
	case errors.Is(err, build.ErrFullBuild):
		return s.buildAll()
	case err != nil:
		s.pending = changed // apply them again with the next change
		s.failed(err)
		return err
	}
	s.pending = nil
	// The pages are written: open pages reload now, while the feeds and indexes follow; a request
	// for one of those meanwhile waits for its new version.
	pending := u.Pending()
	sink.Hold(pending)
	s.site.Store(sink)
	s.lastErr.Store(nil)
	if u.Pages+len(pending)+len(u.Removed) > 0 {
		s.hub.broadcast(event{name: "reload"})
	}
	lateStart := time.Now()
	err = u.Finish(sink)
	sink.Release()
	if err != nil {
		// Rendering failed after the pages were published: only a whole build can recover.
		return s.buildAll()
	}
	s.logf("updated %d pages in %d ms (articles read and resolved in %d ms), then %d feeds and indexes in %d ms\n",
		u.Pages, u.Ready.Milliseconds(), u.Resolve.Milliseconds(), u.Late, time.Since(lateStart).Milliseconds())
	return nil
}

func (s *Server) errorText() string {
	if p := s.lastErr.Load(); p != nil {
		return *p
	}
	return ""
}
