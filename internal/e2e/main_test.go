package e2e

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

const (
	// repoRoot is the site the tests build: the repository's own.
	repoRoot = "../.."
	// basePath is the sub-path the site is built for and served under, as on a project site.
	basePath = "/sub/"
	// testTimeout bounds each test's tab, so that nothing hangs CI.
	testTimeout = 45 * time.Second
)

var (
	origin  string // http://127.0.0.1:PORT
	siteDir string // the built site

	browserOnce    sync.Once
	browserCtx     context.Context // a chromedp context whose browser is running; nil until started
	browserErr     error           // why there is no browser
	browserMissing bool            // browserErr says the executable was not found
	browserStop    = func() {}
)

// ci reports whether the tests run in CI, where a missing browser or axe-core is a failure.
func ci() bool { return os.Getenv("CI") == "true" }

// skipOrFail skips the test locally and fails it in CI.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if ci() {
		t.Fatal(msg + " (CI=true: this is a failure, not a skip)")
	}
	t.Skip(msg)
}

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// run builds and serves the site, runs the tests and stops the browser and the server.
func run(m *testing.M) (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	origin = "http://" + ln.Addr().String()
	base, err := config.ParseBaseURL(origin + basePath)
	if err != nil {
		return 0, err
	}

	tmp, err := os.MkdirTemp("", "rokhdad-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	siteDir = filepath.Join(tmp, "public")
	if _, err := build.ToDir(build.Options{Source: repoRoot, Theme: rokhdad.Theme, BaseURL: base}, siteDir); err != nil {
		return 0, fmt.Errorf("building the site: %w", err)
	}

	// The Go table may lack these; Chromium is strict about the type of a module script and lenient
	// with fonts, but a wrong type would still show up in the log.
	_ = mime.AddExtensionType(".woff2", "font/woff2")
	_ = mime.AddExtensionType(".json", "application/json")

	mux := http.NewServeMux()
	mux.Handle(basePath, siteHandler(siteDir))
	// The site declares no icon, so the browser asks the root of the host, which is outside the
	// project's path (on GitHub Pages it belongs to the owner's user site): not the site's error.
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.Handle("/testdata/", http.StripPrefix("/testdata/", http.FileServer(http.Dir("testdata"))))
	srv := &http.Server{Handler: noStore(mux), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	code := m.Run()
	browserStop()
	stopGenSite()
	return code, nil
}

// noStore keeps the browser from caching across tests, so each page load is what the server has.
func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// siteHandler serves the built tree under basePath like GitHub Pages: a directory by its
// index.html, and a missing file by 404.html with the status 404.
func siteHandler(root string) http.Handler {
	files := http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(root)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := path.Clean("/" + strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(basePath, "/")))
		name := filepath.Join(root, filepath.FromSlash(rel))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			b, rerr := os.ReadFile(filepath.Join(root, "404.html"))
			if rerr != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// pageURL is the absolute URL of a path below the site's base, such as "fa/".
func pageURL(rel string) string { return origin + basePath + rel }

// findBrowser returns the Chromium to run: $CHROME, else $CHROME_BIN (GitHub's Ubuntu runners set it
// to their Google Chrome), else the first of the usual names on PATH.
func findBrowser() (string, error) {
	for _, v := range []string{"CHROME", "CHROME_BIN"} {
		if p := os.Getenv(v); p != "" {
			path, err := exec.LookPath(p)
			if err != nil {
				return "", fmt.Errorf("%s=%s: %w", v, p, err)
			}
			return path, nil
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: CHROME and CHROME_BIN are unset, and PATH has none of chromium, chromium-browser, google-chrome (install it with: apt-get install -y chromium fonts-noto-core)")
}

// startBrowser starts the one browser of the package.
func startBrowser() {
	execPath, err := findBrowser()
	if err != nil {
		browserErr, browserMissing = err, true
		return
	}
	profile, err := os.MkdirTemp("", "rokhdad-e2e-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.UserDataDir(profile),
		chromedp.Headless, // also hides scrollbars, so innerWidth is the layout width
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("lang", "en-US"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// Start the browser on a context without a deadline (its life is bound to that context), but
	// give up waiting after a while.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		err = errors.New("the browser did not start within 30 s")
	}
	if err != nil {
		stop()
		browserErr = fmt.Errorf("starting %s: %w", execPath, err)
		return
	}
	browserCtx, browserStop = ctx, stop
}

// tab is one browser tab of a test. It records every console error, uncaught exception and
// browser log error of the pages it shows, and fails the test with them when the test ends.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []problem
}

// problem is a console error, an uncaught exception or a log entry of level error.
type problem struct {
	kind, text, url string
}

func (p problem) String() string {
	if p.url != "" {
		return fmt.Sprintf("%s: %s (%s)", p.kind, p.text, p.url)
	}
	return p.kind + ": " + p.text
}

// newTab opens a tab in the package's browser. The tab closes, and its console is checked, when
// the test ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	browserOnce.Do(startBrowser)
	if browserErr != nil {
		if browserMissing {
			skipOrFail(t, "%v", browserErr)
		}
		t.Fatal(browserErr)
	}
	tabCtx, cancelTab := chromedp.NewContext(browserCtx)
	ctx, cancel := context.WithTimeout(tabCtx, testTimeout)
	tb := &tab{t: t, ctx: ctx}
	t.Cleanup(func() {
		cancel()
		cancelTab()
	})
	// Listen opens the tab; its func sees each event before the reply to any later command.
	if err := chromedp.Listen(ctx, tb.record); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// A fixed zone, so that the reader's-time enhancement (localtime.js) always runs the same way.
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
		t.Fatalf("setting the time zone: %v", err)
	}
	t.Cleanup(func() { tb.checkConsole() })
	return tb
}

// record runs on the tab's event loop: it must be quick and must not call the browser.
func (tb *tab) record(ev any) {
	var p problem
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Description != "" {
				parts = append(parts, a.Description)
			} else {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			}
		}
		p = problem{kind: "console.error", text: strings.Join(parts, " ")}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			p.url = st.CallFrames[0].URL
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		p = problem{kind: "uncaught exception", text: d.Text, url: d.URL}
		if d.Exception != nil && d.Exception.Description != "" {
			p.text += " " + strings.SplitN(d.Exception.Description, "\n", 2)[0]
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level != log.EntryLevelError {
			return
		}
		p = problem{kind: "log error (" + string(ev.Entry.Source) + ")", text: ev.Entry.Text, url: ev.Entry.URL}
	default:
		return
	}
	tb.mu.Lock()
	tb.problems = append(tb.problems, p)
	tb.mu.Unlock()
}

// takeProblems returns the problems recorded so far and forgets them.
func (tb *tab) takeProblems() []problem {
	// A round trip to the page: every event sent before its reply has been recorded.
	chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`0`))
	tb.mu.Lock()
	defer tb.mu.Unlock()
	ps := tb.problems
	tb.problems = nil
	return ps
}

// checkConsole fails the test for each problem recorded and not yet taken.
func (tb *tab) checkConsole() {
	tb.t.Helper()
	for _, p := range tb.takeProblems() {
		tb.t.Errorf("page error: %s", p)
	}
}

// open loads a page below the site's base (such as "fa/") and waits for its load event, its
// fonts and one animation frame. It fails the test unless the status is want.
func (tb *tab) openStatus(rel string, want int64) {
	tb.t.Helper()
	tb.openURL(pageURL(rel), want)
}

// openURL is openStatus for an absolute URL.
func (tb *tab) openURL(u string, want int64) {
	tb.t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(u))
	if err != nil {
		tb.t.Fatalf("open %s: %v", u, err)
	}
	if resp == nil || resp.Status != want {
		var got int64
		if resp != nil {
			got = resp.Status
		}
		tb.t.Fatalf("open %s: status %d, want %d", u, got, want)
	}
	tb.settle()
}

// openNotFound opens a missing page, wants the status 404, and forgets the browser's log entry
// for the 404 of the document itself; an error of anything else on the page still counts.
func (tb *tab) openNotFound(rel string) {
	tb.t.Helper()
	tb.openStatus(rel, http.StatusNotFound)
	for _, p := range tb.takeProblems() {
		if strings.Contains(p.text, "404") && p.url == pageURL(rel) {
			continue
		}
		tb.t.Errorf("page error: %s", p)
	}
}

func (tb *tab) open(rel string) { tb.t.Helper(); tb.openStatus(rel, http.StatusOK) }

// settle waits until the fonts are loaded and a frame has been laid out with them.
func (tb *tab) settle() {
	tb.t.Helper()
	const js = `document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
		tb.t.Fatalf("waiting for fonts: %v", err)
	}
}

// eval evaluates a JavaScript expression in the page (awaiting a promise) and returns its value.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %.80q: %v", js, err)
	}
	return v
}

// viewport sets the size of the page; mobile also turns on the mobile viewport (meta viewport,
// touch) as a phone has it.
func (tb *tab) viewport(w, h int64, mobile bool) {
	tb.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(w, h, opts...)); err != nil {
		tb.t.Fatalf("viewport %dx%d: %v", w, h, err)
	}
}

// colorScheme emulates prefers-color-scheme: "light" or "dark".
func (tb *tab) colorScheme(scheme string) {
	tb.t.Helper()
	_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		tb.t.Fatalf("color scheme %s: %v", scheme, err)
	}
}

// readTestdata returns a file of testdata/ as a string.
func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
