package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rokhdad/rokhdad"
)

const fixture = "../build/testdata/sites/basic"

func localBase(t *testing.T) *url.URL {
	t.Helper()
	u, err := url.Parse("http://127.0.0.1:1313/")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// built builds the site src into a new server.
func built(t *testing.T, src string) (*Server, *lockedBuffer) {
	t.Helper()
	var out lockedBuffer
	s := New(Options{Source: src, BaseURL: localBase(t), Theme: rokhdad.Theme, Out: &out})
	if err := s.Build(); err != nil {
		t.Fatalf("build: %v\n%s", err, out.String())
	}
	return s, &out
}

type lockedBuffer struct {
	mu sync.Mutex
	bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Buffer.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Buffer.String()
}

func get(t *testing.T, h http.Handler, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1313/", nil)
	// Set the path by hand so that httptest does not clean it and escaped dots stay escaped.
	u, err := url.Parse(target)
	if err != nil {
		u = &url.URL{Path: target}
	}
	req.URL = u
	req.RequestURI = target
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandlerPages(t *testing.T) {
	s, _ := built(t, fixture)
	h := s.Handler()

	res := get(t, h, "/en/incidents/api-outage/")
	b := body(t, res)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("article: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if !strings.Contains(b, "API outage of 3 hours") || !strings.Contains(b, EventsPath) {
		t.Errorf("article lacks its title or the reload script:\n%.300s", b)
	}
	if i, j := strings.Index(b, "data-rokhdad-serve"), strings.LastIndex(b, "</body>"); i < 0 || j < i {
		t.Errorf("reload script not before </body> (script at %d, </body> at %d)", i, j)
	}
	if strings.Count(b, "data-rokhdad-serve") != 1 {
		t.Errorf("reload script injected %d times", strings.Count(b, "data-rokhdad-serve"))
	}
	// The served site is built for the local address.
	if strings.Contains(b, "example.org") {
		t.Errorf("article still links to the site.toml baseURL")
	}

	// The build output itself has no script: injection happens at serve time only.
	site := s.site.Load()
	raw, ok := site.Get("en/incidents/api-outage/index.html")
	if !ok || bytes.Contains(raw, []byte(EventsPath)) {
		t.Errorf("in-memory build output: ok=%v, contains reload script=%v", ok, bytes.Contains(raw, []byte(EventsPath)))
	}

	for _, p := range []string{"/", "/index.html", "/fa/", "/en/"} {
		res := get(t, h, p)
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, "<html") {
			t.Errorf("%s: %d %.100q", p, res.StatusCode, b)
		}
	}

	for p, want := range map[string]string{"/fa": "/fa/", "/en/incidents/api-outage": "/en/incidents/api-outage/", "/fa/tags/%D9%82%D8%B7%D8%B9%DB%8C": "/fa/tags/%D9%82%D8%B7%D8%B9%DB%8C/"} {
		res := get(t, h, p)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("%s: %d, Location %q; want 301 to %q", p, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
	res = get(t, h, "/fa/tags/%D9%82%D8%B7%D8%B9%DB%8C/")
	if res.StatusCode != 200 {
		t.Errorf("Persian tag page: %d", res.StatusCode)
	}
}

func TestHandler404(t *testing.T) {
	s, _ := built(t, fixture)
	want, _ := s.site.Load().Get("404.html")
	for _, p := range []string{"/nope", "/en/incidents/nope/", "/en/nope.xml"} {
		res := get(t, s.Handler(), p)
		b := body(t, res)
		if res.StatusCode != http.StatusNotFound || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %q", p, res.StatusCode, res.Header.Get("Content-Type"))
		}
		// The 404 page is 404.html, with the reload script.
		if i := strings.Index(string(want), "</body>"); i < 0 || !strings.HasPrefix(b, string(want[:i])) || !strings.Contains(b, EventsPath) {
			t.Errorf("%s: body is not 404.html with the reload script:\n%.300s", p, b)
		}
	}
}

func TestHandlerContentTypes(t *testing.T) {
	s, _ := built(t, fixture)
	s.site.Load().WriteFile("img/x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`))
	for p, want := range map[string]string{
		"/sitemap.xml":    "xml",
		"/en/atom.xml":    "xml",
		"/en/search.json": "application/json",
		"/img/x.svg":      "image/svg+xml",
		"/fonts/vazirmatn-latin-400-normal.woff2": "font/woff2",
		"/js/localtime.js":                        "javascript",
		"/css/site.css":                           "text/css",
		"/en/incidents/api-outage/index.html":     "text/html",
		"/robots.txt":                             "text/plain",
	} {
		res := get(t, s.Handler(), p)
		b := body(t, res)
		ct := res.Header.Get("Content-Type")
		if res.StatusCode != 200 || !strings.Contains(ct, want) {
			t.Errorf("%s: %d %q, want a type with %q", p, res.StatusCode, ct, want)
		}
		// Only HTML gets the reload script.
		if html := strings.HasPrefix(ct, "text/html"); html != strings.Contains(b, EventsPath) {
			t.Errorf("%s (%s): reload script injected = %v", p, ct, !html)
		}
	}
}

func TestHandlerRefusesTraversal(t *testing.T) {
	s, _ := built(t, fixture)
	for _, p := range []string{"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd", "/en/../../etc/passwd", "/en/%2e%2e/%2e%2e/etc/passwd", `/..\etc\passwd`, "/..%5cetc%5cpasswd"} {
		res := get(t, s.Handler(), p)
		b := body(t, res)
		if res.StatusCode != http.StatusBadRequest || strings.Contains(b, "root:") {
			t.Errorf("%s: %d %.80q; want 400", p, res.StatusCode, b)
		}
	}
	// A real connection, where nothing cleans the path on the way.
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for _, p := range []string{"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"} {
		req, err := http.NewRequest(http.MethodGet, srv.URL+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "127.0.0.1:1313" // what s is built for, unlike srv's port
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("over HTTP %s: %d; want 400", p, res.StatusCode)
		}
	}
}

func TestInjectEscapesError(t *testing.T) {
	page := []byte("<html><body><p>x</p></body></html>")
	out := string(inject(page, `bad </script><img src=x onerror=alert(1)>`))
	if strings.Count(out, "</script>") != 1 {
		t.Errorf("error text ended the script early:\n%s", out)
	}
	if !strings.HasSuffix(out, "</script>\n</body></html>") {
		t.Errorf("script not before </body>:\n%s", out)
	}
	if got := string(inject([]byte("plain"), "")); !strings.HasPrefix(got, "plain<script") {
		t.Errorf("page without </body>: %q", got)
	}
}

func TestFailedFirstBuild(t *testing.T) {
	var out lockedBuffer
	s := New(Options{Source: t.TempDir(), BaseURL: localBase(t), Theme: rokhdad.Theme, Errors: &out})
	if err := s.Build(); err == nil {
		t.Fatal("building an empty folder succeeded")
	}
	if !strings.Contains(out.String(), "error: ") {
		t.Errorf("terminal output = %q", out.String())
	}
	res := get(t, s.Handler(), "/")
	b := body(t, res)
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(b, "rokhdad-build-error") || !strings.Contains(b, "error: ") {
		t.Errorf("%d %s", res.StatusCode, b)
	}
}

// After a whole build fails (a broken layout), an edited article must not bring back the last good
// layouts through an incremental update: every change rebuilds everything until one succeeds.
func TestRebuildAfterFailedWholeBuild(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, fixture, dir)
	s, out := built(t, dir)
	article := filepath.Join(dir, "content", "en", "incidents", "api-outage.md")
	layout := filepath.Join(dir, "layouts", "single.html")
	if err := os.MkdirAll(filepath.Dir(layout), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte(`{{ define "main" }}{{ .Nope }}{{ end }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild([]string{"layouts/single.html"}); err == nil {
		t.Fatal("a broken layout built")
	}
	src, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, append(src, "\nMore text.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild([]string{"content/en/incidents/api-outage.md"}); err == nil || s.errorText() == "" {
		t.Fatalf("article edit with the layout still broken: err = %v\n%s", err, out.String())
	}
	if err := os.Remove(layout); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild([]string{"layouts/single.html"}); err != nil {
		t.Fatalf("after the fix: %v", err)
	}
	if page, ok := s.site.Load().Get("en/incidents/api-outage/index.html"); !ok || !strings.Contains(string(page), "More text.") {
		t.Error("the edit is not in the rebuilt page")
	}
}
