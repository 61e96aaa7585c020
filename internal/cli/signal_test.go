package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/output"
)

// TestBuildSIGINT interrupts a real build process at several moments: whatever the moment, the
// destination is either the previous build or the complete new one, and no temporary directory
// is left behind.
func TestBuildSIGINT(t *testing.T) {
	site := t.TempDir()
	src, err := os.ReadFile("../build/testdata/sites/basic/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(site, "content", "en", "incidents")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("Lorem ipsum dolor sit amet, 19:52 PST and **more** text.\n\n", 60)
	for i := range 400 {
		a := fmt.Sprintf("+++\ntitle = \"Incident %d\"\ndate = 2023-11-08T10:00:00Z\nservices = [\"S%d\"]\n\n[[timeline]]\nat = \"2023-11-07 19:52\"\nstatus = \"investigating\"\ntext = \"x\"\n+++\n\n%s", i, i%7, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a-%03d.md", i)), []byte(a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := run("build", "-s", "../build/testdata/sites/basic", "-d", dest); code != 0 {
		t.Fatal(errOut)
	}
	previous := hashTree(t, dest)
	for _, delay := range []time.Duration{20 * time.Millisecond, 80 * time.Millisecond, 200 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "build", "-s", site, "-d", dest)
		cmd.Env = append(os.Environ(), "ROKHDAD_RUN_MAIN=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		t.Logf("SIGINT after %v: exit %d", delay, code)
		now := hashTree(t, dest)
		switch code {
		case -1: // killed before it installed its handler, so before it wrote anything
			if !sameTree(previous, now) {
				t.Errorf("after %v: killed early but the destination changed", delay)
			}
		case 130:
			if !strings.Contains(stderr.String(), "interrupted") || !sameTree(previous, now) {
				t.Errorf("after %v: exit 130 but the destination changed (%q)", delay, stderr.String())
			}
		case 0:
			if len(now) < 400 {
				t.Errorf("after %v: exit 0 but only %d files", delay, len(now))
			}
			previous = now
		default:
			t.Errorf("after %v: exit %d: %s", delay, code, stderr.String())
		}
		all, _ := os.ReadDir(filepath.Dir(dest))
		var entries []os.DirEntry
		for _, e := range all {
			// the previous output, kept for the next build, and the build lock's file
			if e.Name() != filepath.Base(output.BackDir(dest)) && e.Name() != filepath.Base(output.LockFile(dest)) {
				entries = append(entries, e)
			}
		}
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("after %v: beside the destination: %v", delay, names)
		}
	}
}

func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
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
