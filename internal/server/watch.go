package server

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the site's folders whose changes trigger a rebuild, besides site.toml.
var watchedDirs = []string{"content", "layouts", "static", "i18n"}

// watcher watches the site directory itself (for site.toml and for watched folders created later)
// and every folder under the watched ones.
type watcher struct {
	s    *Server
	root string
	fsw  *fsnotify.Watcher
}

func (s *Server) newWatcher() (*watcher, error) {
	root, err := filepath.Abs(s.opts.Source)
	if err != nil {
		return nil, err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{s: s, root: root, fsw: fsw}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		if err := w.addTree(filepath.Join(root, d)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder under it; a missing dir is not an error.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if err := w.fsw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// relevant reports whether a change to path p affects the build.
func (w *watcher) relevant(p string) bool {
	rel, err := filepath.Rel(w.root, p)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.toml" {
		return true
	}
	first, _, _ := strings.Cut(rel, "/")
	for _, d := range watchedDirs {
		if first == d {
			return true
		}
	}
	return false
}

// loop rebuilds after changes, once the changes have been quiet for the debounce time, until ctx
// is done.
func (w *watcher) loop(ctx context.Context) {
	var timer *time.Timer
	var fire <-chan time.Time
	changed := map[string]bool{}
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						w.s.errorf("watch: %v\n", err)
					}
				}
			}
			if rel, err := filepath.Rel(w.root, ev.Name); err == nil {
				changed[filepath.ToSlash(rel)] = true
			}
			if timer == nil {
				timer = time.NewTimer(w.s.opts.Debounce)
			} else {
				timer.Reset(w.s.opts.Debounce)
			}
			fire = timer.C
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.s.errorf("watch: %v\n", err)
		case <-fire:
			fire = nil
			files := make([]string, 0, len(changed))
			for f := range changed {
				files = append(files, f)
			}
			sort.Strings(files)
			clear(changed)
			_ = w.s.Rebuild(files) // Rebuild reports its own errors
		}
	}
}

func (w *watcher) close() error { return w.fsw.Close() }

// Watch rebuilds the site whenever site.toml or anything under content/, layouts/, static/ or i18n/
// changes (folders created later included), until ctx is done. It does not build first.
func (s *Server) Watch(ctx context.Context) error {
	w, err := s.newWatcher()
	if err != nil {
		return err
	}
	defer w.close()
	w.loop(ctx)
	return nil
}

// Run serves the site on ln and rebuilds it on changes until ctx is done, then stops the server
// cleanly: event streams are ended, the HTTP server shut down and the watcher closed. The watcher
// is in place before the first request is answered. Call Build first: Run does not build.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w, err := s.newWatcher()
	if err != nil {
		ln.Close()
		return err
	}
	defer w.close()
	if s.hosts == nil {
		s.hosts = ListenHosts("", ln.Addr())
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	wctx, cancel := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		w.loop(wctx)
		close(watched)
	}()
	select {
	case <-ctx.Done():
	case err := <-served:
		cancel()
		<-watched
		s.hub.close()
		return err
	}
	cancel()
	<-watched
	s.hub.close()
	sctx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	err = srv.Shutdown(sctx)
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
