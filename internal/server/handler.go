package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// EventsPath is where pages listen for reload and error events.
const EventsPath = "/__rokhdad/events"

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
