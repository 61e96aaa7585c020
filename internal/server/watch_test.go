package server

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad"
)

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

type sse struct {
	name, data string
}

// subscribe connects to the event stream and delivers its events on the returned channel.
func subscribe(t testing.TB, ctx context.Context, base string) <-chan sse {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+strings.TrimPrefix(EventsPath, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	ch := make(chan sse, 32)
	go func() {
		defer res.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(res.Body)
		var e sse
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					e.data = strings.Join(data, "\n")
					ch <- e
				}
				e, data = sse{}, nil
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = append(data, strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return ch
}

// await returns the next event named name, failing after 5 s.
func await(t testing.TB, ch <-chan sse, name string) sse {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.Fatalf("event stream ended while waiting for %q", name)
			}
			if e.name == name {
				return e
			}
			t.Logf("skipping event %q %q", e.name, e.data)
		case <-deadline:
			t.Fatalf("no %q event within 5 s", name)
		}
	}
}

func fetch(t testing.TB, u string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 5 * time.Second}
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

func TestServeWatchRebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	dir := t.TempDir()
	copyTree(t, fixture, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/"
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	s := New(Options{Source: dir, BaseURL: u, Theme: rokhdad.Theme, Out: &out})
	if err := s.Build(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- s.Run(runCtx, ln) }()
	stopped := false
	defer func() {
		if !stopped {
			stop()
			<-ran
		}
	}()

	article := base + "en/incidents/api-outage/"
	md := filepath.Join(dir, "content", "en", "incidents", "api-outage.md")
	// Run answers only once the watcher is in place.
	code, page := fetch(t, article)
	if code != 200 || !strings.Contains(page, "API outage of 3 hours") {
		t.Fatalf("article: %d\n%.300s", code, page)
	}
	events := subscribe(t, ctx, base)

	// Edit the body: a reload follows and the page has the new sentence.
	orig, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	edited := string(orig) + "\nA sentence added by the watch test 7f3a.\n"
	if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	await(t, events, "reload")
	if code, page = fetch(t, article); code != 200 || !strings.Contains(page, "watch test 7f3a") {
		t.Fatalf("after the edit: %d, new sentence present = %v", code, strings.Contains(page, "watch test 7f3a"))
	}

	// Break the front matter: an error event names the file; the last good build is still served,
	// with the overlay.
	broken := strings.Replace(edited, `severity = "major"`, `severity = "mayor"`, 1)
	if broken == edited {
		t.Fatal("fixture has no severity = \"major\"")
	}
	if err := os.WriteFile(md, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	e := await(t, events, "build-error")
	if !strings.Contains(e.data, "content/en/incidents/api-outage.md:") || !strings.Contains(e.data, "mayor") {
		t.Errorf("error event = %q", e.data)
	}
	code, page = fetch(t, article)
	if code != 200 || !strings.Contains(page, "watch test 7f3a") {
		t.Errorf("during the error: %d, previous content present = %v", code, strings.Contains(page, "watch test 7f3a"))
	}
	if !strings.Contains(page, `content/en/incidents/api-outage.md:`) {
		t.Errorf("page served during the error does not carry the error for the overlay")
	}
	if !strings.Contains(out.String(), "error: content/en/incidents/api-outage.md:") {
		t.Errorf("terminal output lacks the diagnostic:\n%s", out.String())
	}

	// Fix it: a reload follows and the overlay is gone.
	if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	await(t, events, "reload")
	if code, page = fetch(t, article); code != 200 || strings.Contains(page, "api-outage.md:") {
		t.Errorf("after the fix: %d, error still injected = %v", code, strings.Contains(page, "api-outage.md:"))
	}

	// A folder created after the start is watched too.
	notes := filepath.Join(dir, "content", "en", "notes")
	if err := os.Mkdir(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	note := "+++\ntitle = \"A fresh note 9c1d\"\ndate = 2023-12-01T10:00:00Z\n\n[[timeline]]\nat = \"2023-12-01 10:00\"\nstatus = \"resolved\"\ntext = \"Done.\"\n+++\n\nFirst version.\n"
	if err := os.WriteFile(filepath.Join(notes, "fresh.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	await(t, events, "reload")
	if code, page = fetch(t, base+"en/notes/fresh/"); code != 200 || !strings.Contains(page, "A fresh note 9c1d") {
		t.Fatalf("new article: %d\n%.300s", code, page)
	}
	// …including a change to a file inside it.
	if err := os.WriteFile(filepath.Join(notes, "fresh.md"), []byte(strings.Replace(note, "First version.", "Second version 4e2b.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	await(t, events, "reload")
	if code, page = fetch(t, base+"en/notes/fresh/"); code != 200 || !strings.Contains(page, "Second version 4e2b") {
		t.Fatalf("edited new article: %d", code)
	}

	// Stopping ends the event stream and Run returns nil.
	stop()
	stopped = true
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5 s of stopping")
	}
	select {
	case _, ok := <-events:
		for ok {
			_, ok = <-events
		}
	case <-time.After(5 * time.Second):
		t.Error("event stream still open after stopping")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still listening after stopping")
	}
}

func TestWatchRelevant(t *testing.T) {
	w := &watcher{root: "/site"}
	for p, want := range map[string]bool{
		"/site/site.toml":            true,
		"/site/content/en/x.md":      true,
		"/site/layouts/single.html":  true,
		"/site/static/css/site.css":  true,
		"/site/i18n/en.toml":         true,
		"/site/public/index.html":    false,
		"/site/.git/index":           false,
		"/site/README.md":            false,
		"/site/contentious/x.md":     false,
		"/elsewhere/content/en/x.md": false,
	} {
		if got := w.relevant(filepath.FromSlash(p)); got != want {
			t.Errorf("relevant(%s) = %v", p, got)
		}
	}
}
