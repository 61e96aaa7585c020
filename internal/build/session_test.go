package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/site"
)

// mapSink keeps files in memory and can remove them, like serve's.
type mapSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMapSink() *mapSink { return &mapSink{files: map[string][]byte{}} }

func (m *mapSink) WriteFile(p string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = bytes.Clone(b)
	return nil
}

func (m *mapSink) Create(p string) (io.WriteCloser, error) { return &mapFile{m: m, p: p}, nil }

// mapFile is a file being streamed into a mapSink.
type mapFile struct {
	m   *mapSink
	p   string
	buf bytes.Buffer
}

func (f *mapFile) Write(b []byte) (int, error) { return f.buf.Write(b) }
func (f *mapFile) Close() error                { return f.m.WriteFile(f.p, f.buf.Bytes()) }

func (m *mapSink) Remove(p string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.files, p)
	return nil
}

// incrementalSite writes a site of n articles per language with three pages per list, a few
// services and tags shared between articles, and timelines, so that every kind of output has
// neighbours, several pages and several members.
func incrementalSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	cfg, err := os.ReadFile("testdata/sites/basic/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "site.toml", "paginate = 3\nfeedLimit = 4\n"+string(cfg))
	for i := 1; i <= n; i++ {
		for _, lang := range []string{"fa", "en"} {
			if lang == "en" && i%7 == 0 {
				continue // some articles have no translation
			}
			write(t, dir, fmt.Sprintf("content/%s/incidents/a%02d.md", lang, i), article(i, lang, ""))
		}
	}
	return dir
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// article is article i in lang; extra front matter lines go after the title.
func article(i int, lang, extra string) string {
	services := []string{"API", "ChatGPT", "Sora"}
	tags := []string{"outage", "latency", "login"}
	day := 1 + i%27
	month := 1 + i%12
	return fmt.Sprintf(`+++
title = "Article %d (%s)"
%sdate = 2023-%02d-%02dT10:00:00Z
summary = "Summary of article %d."
services = [%q, %q]
tags = [%q]
status = "resolved"
severity = "minor"
timezone = "America/Los_Angeles"

[[timeline]]
at = "2023-%02d-%02d 08:00"
status = "investigating"
text = "Looking into %d."

[[timeline]]
at = "2023-%02d-%02d 09:30"
status = "resolved"
text = "Fixed %d."
+++

Body of article %d, 100 words.
`, i, lang, extra, month, day, i, services[i%3], services[(i+1)%3], tags[i%3], month, day, i, month, day, i, i)
}

// After every kind of edit, a Session's output equals a whole build's byte for byte, and an edit
// of one article's text renders only what shows that article.
func TestSessionMatchesWholeBuild(t *testing.T) {
	dir := incrementalSite(t, 20)
	o := Options{Source: dir, Theme: rokhdad.Theme}
	sink := newMapSink()
	sess, _, err := NewSession(o, sink)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if ok, why := sess.Incremental(); !ok {
		t.Fatalf("not incremental: %s", why)
	}
	compare := func(step string) {
		t.Helper()
		matchesWholeBuild(t, o, sink, step)
	}
	update := func(step string, changed ...string) *Update {
		t.Helper()
		u, err := sess.Update(changed, sink)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		late := u.Pending()
		if err := u.Finish(sink); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if !slices.Equal(late, u.Written[u.Pages:]) {
			t.Errorf("%s: Pending said %v, then Finish wrote %v", step, late, u.Written[u.Pages:])
		}
		compare(step)
		return u
	}

	// The body of one article: its page, its translation's (switcher), its neighbours' (they show
	// its title), the lists it is on, and its language's feeds, indexes and the sitemap.
	write(t, dir, "content/fa/incidents/a05.md", article(5, "fa", "")+"\nA new paragraph.\n")
	u := update("body edit", "content/fa/incidents/a05.md")
	if !u.InPlace {
		t.Error("body edit: the site was resolved again")
	}
	p := sess.st.site.Lang("fa").Pages[0]
	for _, q := range sess.st.site.Lang("fa").Pages {
		if q.Name == "a05" {
			p = q
		}
	}
	want := []string{"en/incidents/a05/index.html", p.OutPath, p.Prev.OutPath, p.Next.OutPath}
	for _, w := range want {
		if !slices.Contains(u.Written, w) {
			t.Errorf("body edit: %s not rendered again (%v)", w, u.Written)
		}
	}
	for _, w := range u.Written {
		// en/incidents.json links the translation, so it counts it among what it shows.
		if strings.HasPrefix(w, "en/") && w != "en/incidents/a05/index.html" && w != "en/incidents.json" {
			t.Errorf("body edit of a Persian article rendered %s", w)
		}
	}
	if u.Pages > 20 || len(u.Removed) > 0 {
		t.Errorf("body edit: %d pages rendered, %d removed: %v", u.Pages, len(u.Removed), u.Written)
	}

	write(t, dir, "content/en/incidents/a08.md", strings.Replace(article(8, "en", ""), "Article 8", "A new title", 1))
	if u := update("title edit", "content/en/incidents/a08.md"); !u.InPlace {
		t.Error("title edit: the site was resolved again")
	}

	write(t, dir, "content/fa/incidents/a03.md", strings.Replace(article(3, "fa", ""), "date = 2023-04-04", "date = 2024-06-01", 1))
	if u := update("date edit: newest now, every home page shifts", "content/fa/incidents/a03.md"); u.InPlace {
		t.Error("date edit: not resolved again")
	}

	write(t, dir, "content/en/incidents/a10.md", strings.Replace(article(10, "en", ""), `services = [`, `services = ["Status page", `, 1))
	update("new service", "content/en/incidents/a10.md")

	write(t, dir, "content/fa/incidents/a12.md", strings.Replace(article(12, "fa", ""), `tags = ["outage"]`, `tags = ["یگانه"]`, 1))
	update("new tag", "content/fa/incidents/a12.md")
	write(t, dir, "content/fa/incidents/a12.md", article(12, "fa", ""))
	u = update("tag gone again", "content/fa/incidents/a12.md")
	if len(u.Removed) == 0 {
		t.Error("tag gone: its page was not removed")
	}

	if err := os.Remove(filepath.Join(dir, "content/fa/incidents/a13.md")); err != nil {
		t.Fatal(err)
	}
	update("deleted article", "content/fa/incidents/a13.md")

	write(t, dir, "content/en/incidents/new-one.md", article(30, "en", ""))
	update("new article", "content/en/incidents/new-one.md")

	write(t, dir, "content/en/incidents/a02.md", article(2, "en", "draft = true\n"))
	update("draft", "content/en/incidents/a02.md")

	write(t, dir, "content/en/incidents/a04.md", article(4, "en", ""))
	write(t, dir, "content/fa/incidents/a04.md", article(4, "fa", "image_credit = \"Agency\"\n"))
	update("two files at once", "content/en/incidents/a04.md", "content/fa/incidents/a04.md")

	// A broken article is an error and changes nothing; fixed, it goes through.
	before := len(sink.files)
	write(t, dir, "content/fa/incidents/a06.md", "+++\ntitle = \n+++\n")
	if _, err := updateAll(sess, []string{"content/fa/incidents/a06.md"}, sink); err == nil || errors.Is(err, ErrFullBuild) {
		t.Fatalf("broken article: %v", err)
	}
	if len(sink.files) != before {
		t.Error("a failed update changed the output")
	}
	write(t, dir, "content/fa/incidents/a06.md", article(6, "fa", "")+"\nFixed.\n")
	update("fixed article", "content/fa/incidents/a06.md")

	// What is down now: an incident that opens again is on the home page, the landing page and in
	// status.json; an update to it changes them; resolved, it leaves them.
	reopened := strings.Replace(article(9, "en", ""), `status = "resolved"`, `status = "investigating"`, 1)
	write(t, dir, "content/en/incidents/a09.md", reopened)
	if u := update("incident reopened", "content/en/incidents/a09.md"); !slices.Contains(u.Written, "en/status.json") || !slices.Contains(u.Written, "index.html") {
		t.Errorf("incident reopened: status.json or the landing page not rendered again (%v)", u.Written)
	} else if u.InPlace {
		t.Error("incident reopened: the site was not planned again, so the status blocks' sigs lack it")
	}
	write(t, dir, "content/en/incidents/a09.md", strings.Replace(reopened, "+++\n\n", "\n[[timeline]]\nat = \"2023-10-10 11:00\"\nstatus = \"identified\"\ntext = \"Found it.\"\n+++\n\n", 1))
	update("update to an ongoing incident", "content/en/incidents/a09.md")
	write(t, dir, "content/en/incidents/a09.md", article(9, "en", ""))
	update("resolved again", "content/en/incidents/a09.md")

	// An editor's swap file is nothing; a layout, the configuration or a new folder is a whole build.
	write(t, dir, "content/fa/incidents/.a06.md.swp", "x")
	if u, err := updateAll(sess, []string{"content/fa/incidents/.a06.md.swp"}, sink); err != nil || len(u.Written) != 0 {
		t.Errorf("swap file: %v, %v", u, err)
	}
	for _, f := range []string{"layouts/single.html", "site.toml", "i18n/fa.toml", "static/x.css", "content/fa/x.md"} {
		if _, err := updateAll(sess, []string{f}, sink); !errors.Is(err, ErrFullBuild) {
			t.Errorf("%s: %v, want ErrFullBuild", f, err)
		}
	}
	write(t, dir, "content/fa/new-section/x.md", article(40, "fa", ""))
	if _, err := updateAll(sess, []string{"content/fa/new-section"}, sink); !errors.Is(err, ErrFullBuild) {
		t.Errorf("new folder: %v, want ErrFullBuild", err)
	}
}

// A site whose layouts are copies of the theme's (this repository is one) is incremental.
func TestSessionWithThemeCopies(t *testing.T) {
	dir := incrementalSite(t, 3)
	for _, name := range []string{"layouts/baseof.html", "layouts/partials/footer.html"} {
		b, err := fs.ReadFile(rokhdad.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, name, string(b))
	}
	sess, _, err := NewSession(Options{Source: dir, Theme: rokhdad.Theme}, newMapSink())
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if ok, why := sess.Incremental(); !ok {
		t.Errorf("copies of the theme's layouts: not incremental: %s", why)
	}
}

// A site with a layout of its own is always built whole: its layouts may show anything.
func TestSessionWithOwnLayouts(t *testing.T) {
	dir := incrementalSite(t, 3)
	write(t, dir, "layouts/partials/footer.html", `{{ define "footer" }}<footer>{{ len .Lang.Pages }}</footer>{{ end }}`)
	sess, _, err := NewSession(Options{Source: dir, Theme: rokhdad.Theme}, newMapSink())
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if ok, why := sess.Incremental(); ok || !strings.Contains(why, "layouts/partials/footer.html") {
		t.Errorf("Incremental() = %v, %q", ok, why)
	}
	if _, err := updateAll(sess, []string{"content/fa/incidents/a01.md"}, newMapSink()); !errors.Is(err, ErrFullBuild) {
		t.Errorf("err = %v, want ErrFullBuild", err)
	}
}

// updateAll is Session.Update and then its Finish, as serve does.
func updateAll(sess *Session, changed []string, sink output.Sink) (*Update, error) {
	u, err := sess.Update(changed, sink)
	if err != nil {
		return nil, err
	}
	return u, u.Finish(sink)
}

// langIndex is the index of language code in s.Langs.
func langIndex(s *site.Site, code string) int {
	for i, l := range s.Langs {
		if l.Code == code {
			return i
		}
	}
	return -1
}

// window is a maintenance article of the incremental site, on the API, from starts to ends (UTC)
// with extra front matter lines.
func window(lang, title, starts, ends, extra string) string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = 2023-07-01T10:00:00Z\nservices = [\"API\"]\ntimezone = \"UTC\"\nstarts = %q\nends = %q\n%s+++\n\nWork on the API (%s).\n",
		title, starts, ends, extra, lang)
}

// After every kind of edit to scheduled maintenance, and when the reference instant moves past a
// window, a Session's output equals a whole build's byte for byte: the status blocks, the
// maintenance list, the windows' pages (their status is told as of the reference), the service
// pages' uptime, status.json, maintenance.json and maintenance.ics.
func TestSessionMaintenance(t *testing.T) {
	dir := incrementalSite(t, 6) // the newest instant: article 6, 2023-07-07 09:30 PDT
	for _, lang := range []string{"fa", "en"} {
		write(t, dir, "content/"+lang+"/maintenance/now.md", window(lang, "Now", "2023-07-07 08:00", "2023-07-07 20:00", ""))
		write(t, dir, "content/"+lang+"/maintenance/soon.md", window(lang, "Soon", "2023-07-09 08:00", "2023-07-09 10:00", ""))
	}
	o := Options{Source: dir, Theme: rokhdad.Theme}
	sink := newMapSink()
	sess, _, err := NewSession(o, sink)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	compare := func(step string) {
		t.Helper()
		matchesWholeBuild(t, o, sink, step)
	}
	update := func(step string, changed ...string) *Update {
		t.Helper()
		u, err := updateAll(sess, changed, sink)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		compare(step)
		return u
	}
	compare("first build")
	if s := string(sink.files["en/index.html"]); !strings.Contains(s, "Now") || !strings.Contains(s, "Soon") {
		t.Fatal("the home page does not show the coming windows")
	}

	write(t, dir, "content/en/maintenance/now.md", window("en", "Now", "2023-07-07 08:00", "2023-07-07 20:00", "")+"More words.\n")
	if u := update("window body edit", "content/en/maintenance/now.md"); !u.InPlace {
		t.Error("window body edit: the site was resolved again")
	}
	write(t, dir, "content/en/maintenance/now.md", window("en", "Now", "2023-07-01 08:00", "2023-07-01 20:00", ""))
	update("window moved into the past", "content/en/maintenance/now.md")
	write(t, dir, "content/en/maintenance/soon.md", window("en", "Soon", "2023-07-09 08:00", "2023-07-09 10:00", "status = \"cancelled\"\n"))
	update("window cancelled", "content/en/maintenance/soon.md")
	write(t, dir, "content/fa/maintenance/soon.md", window("fa", "Soon", "2023-07-09 08:00", "2023-07-09 10:00",
		"\n[[timeline]]\nat = \"2023-07-07 17:00\"\nstatus = \"in_progress\"\ntext = \"Begun early.\"\n"))
	update("window begun early by an update", "content/fa/maintenance/soon.md")
	// An incident's update after the Persian window's end moves the reference past it: completed.
	write(t, dir, "content/fa/incidents/a03.md", strings.Replace(article(3, "fa", ""), "+++\n\n",
		"\n[[timeline]]\nat = \"2023-07-09 12:00\"\nstatus = \"resolved\"\ntext = \"Later note.\"\n+++\n\n", 1))
	u := update("the reference passes a window", "content/fa/incidents/a03.md")
	if s := string(sink.files["fa/maintenance/soon/index.html"]); !strings.Contains(s, "status-completed") {
		t.Errorf("the reference passes a window: fa/maintenance/soon is not completed (rendered %v)", u.Written)
	}
	write(t, dir, "content/en/maintenance/later.md", window("en", "Later", "2023-08-01 08:00", "2023-08-01 09:00", ""))
	update("new window", "content/en/maintenance/later.md")
	if err := os.Remove(filepath.Join(dir, "content/en/maintenance/later.md")); err != nil {
		t.Fatal(err)
	}
	update("window deleted", "content/en/maintenance/later.md")
}

// matchesWholeBuild fails the test, naming step, unless sink holds byte for byte what a whole build
// of o writes, and nothing else.
func matchesWholeBuild(t *testing.T, o Options, sink *mapSink, step string) {
	t.Helper()
	whole := newMapSink()
	if _, err := Run(o, whole); err != nil {
		t.Fatalf("%s: whole build: %v", step, err)
	}
	var diffs []string
	for p, b := range whole.files {
		if got, ok := sink.files[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if !bytes.Equal(got, b) {
			diffs = append(diffs, "differs "+p+": "+firstDiff(string(b), string(got)))
		}
	}
	for p := range sink.files {
		if _, ok := whole.files[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s: %d differences from a whole build, first: %s", step, len(diffs), strings.Join(diffs[:min(5, len(diffs))], "; "))
	}
}
