// Package server is rokhdad's preview server: it builds the site into memory, serves it over HTTP,
// watches the site's sources and rebuilds when they change. Open pages reload themselves through a
// small script that only the server injects (never the build output), listening to server-sent
// events; a failed build is reported in the terminal and as an overlay in the browser, while the
// server keeps serving the last good build. It answers only requests addressed to itself by their
// Host header (see Hosts), so that another web site cannot read the preview through DNS rebinding.
package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// EventsPath is where pages listen for reload and error events.
const EventsPath = "/__rokhdad/events"

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

// MemSink is a render.Sink that keeps the files in memory, keyed by their slash path.
type MemSink struct {
	mu      sync.Mutex
	files   map[string][]byte
	pending map[string]bool // files being written again: Get waits for them (see Hold)
	done    chan struct{}   // closed by Release
}

// NewMemSink returns an empty MemSink.
func NewMemSink() *MemSink { return &MemSink{files: map[string][]byte{}} }

func memKey(p string) (string, error) {
	clean := path.Clean("/" + strings.ReplaceAll(p, "\\", "/"))
	if clean == "/" || hasDotDot(p) {
		return "", fmt.Errorf("refusing to write %q outside the site", p)
	}
	return clean[1:], nil
}

// WriteFile implements render.Sink.
func (m *MemSink) WriteFile(p string, data []byte) error {
	key, err := memKey(p)
	if err != nil {
		return err
	}
	b := bytes.Clone(data)
	m.mu.Lock()
	m.files[key] = b
	m.mu.Unlock()
	return nil
}

// CopyFile implements render.Sink.
func (m *MemSink) CopyFile(p string, r io.Reader) error {
	key, err := memKey(p)
	if err != nil {
		return err
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w", p, err)
	}
	m.mu.Lock()
	m.files[key] = b
	m.mu.Unlock()
	return nil
}

// Get returns the file at slash path p ("en/index.html"). While p is held (see Hold), Get waits
// for the new version.
func (m *MemSink) Get(p string) ([]byte, bool) {
	m.mu.Lock()
	if m.pending[p] {
		done := m.done
		m.mu.Unlock()
		<-done
		m.mu.Lock()
	}
	defer m.mu.Unlock()
	b, ok := m.files[p]
	return b, ok
}

// Remove deletes the file at slash path p.
func (m *MemSink) Remove(p string) error {
	key, err := memKey(p)
	if err != nil {
		return err
	}
	m.mu.Lock()
	delete(m.files, key)
	m.mu.Unlock()
	return nil
}

// Clone returns a MemSink with the same files, which can be changed without changing m.
func (m *MemSink) Clone() *MemSink {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := &MemSink{files: make(map[string][]byte, len(m.files))}
	for k, v := range m.files {
		c.files[k] = v // file contents are never changed in place
	}
	return c
}

// Hold marks files as about to be written again: until Release, Get waits for them rather than
// return the old version.
func (m *MemSink) Hold(paths []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending = make(map[string]bool, len(paths))
	for _, p := range paths {
		if key, err := memKey(p); err == nil {
			m.pending[key] = true
		}
	}
	m.done = make(chan struct{})
}

// Release ends a Hold.
func (m *MemSink) Release() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done != nil {
		close(m.done)
	}
	m.pending, m.done = nil, nil
}

// Len is the number of files.
func (m *MemSink) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.files)
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

// Handler serves the last good build, with the reload script injected into HTML pages, and the
// event stream at EventsPath, to requests addressed to the server (see Hosts); others get 403.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts.Allows(r.Host) {
			s.refuse(w, r)
			return
		}
		if r.URL.Path == EventsPath {
			s.serveEvents(w, r)
			return
		}
		s.serveFile(w, r)
	})
}

// hasDotDot reports whether a slash path has a ".." segment.
func hasDotDot(p string) bool {
	for _, seg := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == ".." {
			return true
		}
	}
	return false
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || hasDotDot(p) || strings.ContainsAny(p, "\\\x00") {
		http.Error(w, "bad request path", http.StatusBadRequest)
		return
	}
	site := s.site.Load()
	if site == nil {
		s.write(w, r, http.StatusInternalServerError, "build-failed.html", []byte(buildFailedPage))
		return
	}
	key := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		key = path.Join(key, "index.html")
	}
	if key == "" || key == "." {
		key = "index.html"
	}
	if data, ok := site.Get(key); ok {
		s.write(w, r, http.StatusOK, key, data)
		return
	}
	if !strings.HasSuffix(p, "/") {
		if _, ok := site.Get(path.Join(key, "index.html")); ok {
			target := "/" + key + "/"
			http.Redirect(w, r, (&url.URL{Path: target}).EscapedPath()+queryOf(r), http.StatusMovedPermanently)
			return
		}
	}
	if data, ok := site.Get("404.html"); ok {
		s.write(w, r, http.StatusNotFound, "404.html", data)
		return
	}
	http.NotFound(w, r)
}

func queryOf(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}

// contentType is the type of a file by its extension.
func contentType(name string, data []byte) string {
	ext := path.Ext(name)
	if ext == ".html" {
		return "text/html; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, code int, name string, data []byte) {
	ct := contentType(name, data)
	if strings.HasPrefix(ct, "text/html") {
		data = inject(data, s.errorText())
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

const buildFailedPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>rokhdad: build failed</title></head>
<body><p>The site could not be built; see the terminal.</p></body></html>
`

// reloadScript listens for events: "reload" reloads the page, "build-error" shows the messages in an
// overlay. %s is the current error as a JSON string.
const reloadScript = `<script data-rokhdad-serve>
(function () {
  function overlay(text) {
    var el = document.getElementById("rokhdad-build-error");
    if (!text) { if (el) el.remove(); return; }
    if (!el) {
      el = document.createElement("pre");
      el.id = "rokhdad-build-error";
      el.setAttribute("dir", "ltr");
      el.style.cssText = "position:fixed;inset:0;z-index:2147483647;margin:0;padding:1.5rem;overflow:auto;" +
        "background:rgba(40,0,0,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;text-align:left";
      document.body.appendChild(el);
    }
    el.textContent = "rokhdad: build failed; showing the last good build underneath\n\n" + text;
  }
  var initial = %s;
  if (initial) { overlay(initial); }
  var es = new EventSource(%q);
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("build-error", function (e) { overlay(e.data); });
})();
</script>
`

// inject puts the reload script before the last </body>, or at the end.
func inject(page []byte, errText string) []byte {
	js, _ := json.Marshal(errText) // escapes <, > and & so it cannot end the script
	script := fmt.Sprintf(reloadScript, js, EventsPath)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// event is one server-sent event.
type event struct {
	name string
	data string
}

// hub fans events out to the connected pages. Each client has a small buffered channel; a client
// that does not keep up is dropped (its channel closed) rather than slowing the others.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan event]struct{}{}} }

// subscribe returns a new client's channel, or nil when the hub is closed.
func (h *hub) subscribe() chan event {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	c := make(chan event, 8)
	h.clients[c] = struct{}{}
	return c
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

func (h *hub) broadcast(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- e:
		default:
			delete(h.clients, c)
			close(c)
		}
	}
}

// close ends every client's stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

func writeEvent(w io.Writer, e event) error {
	var b strings.Builder
	b.WriteString("event: " + e.name + "\n")
	for _, line := range strings.Split(e.data, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// serveEvents streams events to one page until it goes away or the server stops.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rc := http.NewResponseController(w)
	c := s.hub.subscribe()
	if c == nil {
		http.Error(w, "server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, "retry: 1000\n\n"); err != nil {
		return
	}
	if text := s.errorText(); text != "" {
		if writeEvent(w, event{name: "build-error", data: text}) != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			if writeEvent(w, e) != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
