package build

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/output"
)

// The promises of "What rokhdad will never do" (README): it never deletes or overwrites files it
// did not write, never writes inside the site's source, and never lets two builds mix.

// userFiles puts a user's files into dir and returns their tree hash.
func userFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	for rel, body := range map[string]string{
		"notes.txt":         "my notes",
		"photos/cat.jpg":    "not really a cat",
		"photos/deep/x.bin": "\x00\x01",
		".hidden":           "secret",
	} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return treeHash(t, dir)
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// A folder that rokhdad did not create is refused before anything is touched, however many times
// one tries; the user's files stay byte for byte, and nothing is created beside them.
func TestForeignDestinationIsRefused(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "mysite")
	before := userFiles(t, dest)
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}
	for try := range 2 {
		_, err := ToDir(o, dest)
		if err == nil {
			t.Fatalf("try %d: built into a folder of someone else's files", try)
		}
		for _, want := range []string{dest, "not written by rokhdad", "empty it", "-d"} {
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(want)) {
				t.Errorf("try %d: error lacks %q: %v", try, want, err)
			}
		}
		assertUnchanged(t, dest, before, fmt.Sprintf("user's folder after try %d", try))
		if got := entries(t, parent); len(got) != 1 {
			t.Errorf("try %d: beside the destination: %v", try, got)
		}
	}
}

// An empty folder (mkdir public) is fine; so is one that does not exist yet.
func TestEmptyDestinationIsUsed(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}
	for range 3 {
		if _, err := ToDir(o, dest); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "fa", "index.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, output.Marker)); err != nil {
		t.Fatalf("no marker in the output: %v", err)
	}
}

// Files a user adds to rokhdad's output between builds are rokhdad's to replace no more than a
// folder of their own would be: the next build stops and names them, and they survive any number
// of tries byte for byte — in the destination, not moved aside into the back folder.
func TestFilesAddedToOutputSurvive(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}
	for range 2 { // a back folder exists too
		if _, err := ToDir(o, dest); err != nil {
			t.Fatal(err)
		}
	}
	for rel, body := range map[string]string{"mine.txt": "keep", "fa/incidents/extra.html": "mine too"} {
		if err := os.WriteFile(filepath.Join(dest, filepath.FromSlash(rel)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dest, "emptydir"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	for try := range 3 {
		_, err := ToDir(o, dest)
		if err == nil {
			t.Fatalf("try %d: built over files added by hand", try)
		}
		for _, want := range []string{"mine.txt", "fa/incidents/extra.html", "emptydir", "did not write"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("try %d: error lacks %q: %v", try, want, err)
			}
		}
		assertUnchanged(t, dest, before, fmt.Sprintf("output with added files, try %d", try))
		if _, err := os.Stat(filepath.Join(dest, "emptydir")); err != nil {
			t.Errorf("try %d: the empty folder went: %v", try, err)
		}
	}
	// Once they are moved out, builds go on.
	for _, rel := range []string{"mine.txt", "fa/incidents/extra.html", "emptydir"} {
		os.Remove(filepath.Join(dest, filepath.FromSlash(rel)))
	}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatal(err)
	}
}

// Between builds the back folder holds only what rokhdad wrote, so it is rewritten without being
// walked; if someone removes files or folders from it anyway, the next build still gives the
// same output as a build into an empty folder.
func TestBackFolderWithFilesRemoved(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}
	for range 2 {
		if _, err := ToDir(o, dest); err != nil {
			t.Fatal(err)
		}
	}
	want := treeHash(t, dest)
	back := output.BackDir(dest)
	if err := os.RemoveAll(filepath.Join(back, "en")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(back, "fa", "index.html")); err != nil {
		t.Fatal(err)
	}
	// and a folder replaced by a file
	if err := os.RemoveAll(filepath.Join(back, "fa", "tags")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(back, "fa", "tags"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, dest, want, "build over a back folder with files removed")
}

// A back folder that does not carry rokhdad's marker (an older version's, or a folder someone
// made) is not deleted or written: the build stops and says what to do.
func TestUnmarkedBackFolderIsRefused(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	before := userFiles(t, output.BackDir(dest))
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil || !strings.Contains(err.Error(), output.BackDir(dest)) {
		t.Fatalf("err = %v", err)
	}
	assertUnchanged(t, output.BackDir(dest), before, "unmarked back folder")
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("destination created: %v", err)
	}
}

// A destination that is, is inside, or holds the site's source is refused before anything is
// written, naming both paths; the source stays byte for byte.
func TestDestinationOverSourceIsRefused(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	for _, d := range []string{"static", "layouts", "i18n"} {
		if err := os.MkdirAll(filepath.Join(site, d, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(t.TempDir(), "link-to-content")
	if err := os.Symlink(filepath.Join(site, "content"), link); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, site)
	cases := []struct{ dest, want string }{
		{site, "is the site"},
		{filepath.Join(site, "."), "is the site"},
		{filepath.Join(site, "content"), "content"},
		{filepath.Join(site, "content", "en"), "content"},
		{filepath.Join(site, "content", "new-folder"), "content"},
		{filepath.Join(site, "static"), "static"},
		{filepath.Join(site, "static", "sub"), "static"},
		{filepath.Join(site, "layouts"), "layouts"},
		{filepath.Join(site, "i18n", "sub"), "i18n"},
		{filepath.Join(site, "site.toml", "x"), "site.toml"},
		{filepath.Join(site, ".git"), ".git"},
		{filepath.Dir(site), "holds the site"},
		{"/", "holds the site"},
		{link, "content"},
		{filepath.Join(link, "en"), "content"},
	}
	for _, c := range cases {
		_, err := ToDir(Options{Source: site, Theme: rokhdad.Theme}, c.dest)
		if err == nil {
			t.Errorf("-d %s: built", c.dest)
			continue
		}
		msg := err.Error()
		for _, want := range []string{c.dest, site, c.want} {
			if !strings.Contains(msg, want) {
				t.Errorf("-d %s: error lacks %q: %s", c.dest, want, msg)
			}
		}
		if strings.Contains(msg, "rename") || strings.Contains(msg, "mkdirtemp") {
			t.Errorf("-d %s: a raw system message: %s", c.dest, msg)
		}
		assertUnchanged(t, site, before, "source after -d "+c.dest)
	}
	// Beside the source is fine, and so is a folder of its own inside the site (public/ is).
	for _, d := range []string{filepath.Join(site, "public"), filepath.Join(site, "out", "www"), filepath.Join(filepath.Dir(site), "public")} {
		if _, err := ToDir(Options{Source: site, Theme: rokhdad.Theme}, d); err != nil {
			t.Errorf("-d %s: %v", d, err)
		}
	}
}

// blockingSink holds the first write until released, so that a build stays in progress.
type blockingSink struct {
	output.Sink
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *blockingSink) WriteFile(p string, data []byte) error {
	b.once.Do(func() { close(b.started); <-b.release })
	return b.Sink.WriteFile(p, data)
}

// While a build is writing a destination, a second build into it fails at once, saying so, and
// leaves the first to finish alone; afterwards builds go on.
func TestSecondBuildFailsAtOnce(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme, Workers: 1}
	bs := &blockingSink{started: make(chan struct{}), release: make(chan struct{})}
	done := make(chan error)
	go func() {
		_, err := toDir(o, dest, func(s output.Sink) output.Sink { bs.Sink = s; return bs })
		done <- err
	}()
	<-bs.started
	start := time.Now()
	_, err := ToDir(o, filepath.Join(filepath.Dir(dest), ".", "public"))
	if err == nil || !strings.Contains(err.Error(), "another build is writing "+dest) {
		t.Errorf("second build: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the second build took %v to give up", d)
	}
	close(bs.release)
	if err := <-done; err != nil {
		t.Fatalf("first build: %v", err)
	}
	if _, err := ToDir(o, dest); err != nil {
		t.Fatalf("build after both: %v", err)
	}
}

// holdLockEnv makes the test binary a process that takes the build lock of a destination and
// waits to be killed: the lock must go with it.
const holdLockEnv = "ROKHDAD_TEST_HOLD_LOCK"

func TestMain(m *testing.M) {
	if dest := os.Getenv(holdLockEnv); dest != "" {
		l, err := output.LockDest(dest)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		fmt.Println("locked")
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM)
		<-sig
		l.Unlock()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A build that dies (SIGKILL: no deferred cleanup) leaves no lock behind.
func TestLockGoesWithAKilledBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdLockEnv+"="+dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "locked") {
		t.Fatalf("helper: %q", buf[:n])
	}
	o := Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}
	if _, err := ToDir(o, dest); err == nil || !strings.Contains(err.Error(), "another build is writing") {
		t.Errorf("while another process holds the lock: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := ToDir(o, dest); err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
}

// Two builds of different sites started together into one destination, many times over: the
// output is always exactly one site's, never a mixture, and every build that did not fail with
// the lock message succeeded.
func TestConcurrentBuildsNeverMix(t *testing.T) {
	a := copyDir(t, "testdata/sites/basic")
	b := copyDir(t, "testdata/sites/basic")
	// b's articles have other names, so a mixture would hold pages of both.
	err := filepath.WalkDir(filepath.Join(b, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		return os.Rename(p, strings.TrimSuffix(p, ".md")+"-b.md")
	})
	if err != nil {
		t.Fatal(err)
	}
	wantA, wantB := treeHash(t, buildSite(t, a)), treeHash(t, buildSite(t, b))
	dest := filepath.Join(t.TempDir(), "public")
	for round := range 5 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, src := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = ToDir(Options{Source: src, Theme: rokhdad.Theme}, dest)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil && !strings.Contains(err.Error(), "another build is writing") {
				t.Fatalf("round %d, build %d: %v", round, i, err)
			}
		}
		got := treeHash(t, dest)
		if !sameTree(got, wantA) && !sameTree(got, wantB) {
			t.Fatalf("round %d: the output is neither site's (%d files; a has %d, b %d)", round, len(got), len(wantA), len(wantB))
		}
	}
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A destination whose name leaves no room for the folders rokhdad keeps beside it is one clear
// sentence, not a raw mkdirtemp message; nothing is created.
func TestDestinationNameTooLong(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, strings.Repeat("d", 240))
	_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
	if err == nil || !strings.Contains(err.Error(), "240 bytes long") || !strings.Contains(err.Error(), "at most 231 bytes") || strings.Contains(err.Error(), "mkdirtemp") {
		t.Fatalf("err = %v", err)
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("created: %v", got)
	}
	if _, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, filepath.Join(parent, strings.Repeat("d", 231))); err != nil {
		t.Errorf("231 bytes: %v", err)
	}
}
