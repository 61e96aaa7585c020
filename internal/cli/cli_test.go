package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands() {
		code, out, errOut := run(c.name, "--help")
		if code != 0 || strings.Count(out, "Usage: rokhdad "+c.name) != 1 || errOut != "" {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
	}
	code, out, _ := run("--help")
	if code != 0 || !strings.Contains(out, "build") || !strings.Contains(out, "version") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	if code, _, errOut := run("bild"); code != 2 || !strings.Contains(errOut, `unknown command "bild"`) {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
	if code, _, _ := run("build", "--nope"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, _, _ := run(); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run("version")
	if code != 0 || !strings.HasPrefix(out, "rokhdad ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestBuildFlags(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	code, out, errOut := run("build", "-s", "../build/testdata/sites/basic", "-d", dest, "--baseURL", "https://user.github.io/repo")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "built ") {
		t.Errorf("stdout = %q", out)
	}
	page, err := os.ReadFile(filepath.Join(dest, "en", "incidents", "api-outage", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href="https://user.github.io/repo/en/incidents/api-outage/"`) {
		t.Error("--baseURL was not applied")
	}
	// Long flag names work too, and drafts stay out unless asked for.
	code, _, errOut = run("build", "--source", "../build/testdata/sites/basic", "--destination", dest, "--drafts")
	if code != 0 {
		t.Fatalf("long flags: exit %d: %s", code, errOut)
	}
}

func TestBuildErrorNamesFileAndLine(t *testing.T) {
	site := t.TempDir()
	must := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(site, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("site.toml", "baseURL = \"https://e.org/\"\ndefaultLanguage = \"en\"\n[languages.en]\nname = \"English\"\ntitle = \"T\"\ndirection = \"ltr\"\ntimezone = \"UTC\"\ncalendar = \"gregorian\"\n")
	must("content/en/incidents/a.md", "+++\ntitle = \"A\"\ndate = 2023-11-08T10:00:00Z\nsevrity = \"major\"\n+++\n")
	code, _, errOut := run("build", "-s", site)
	if code == 0 {
		t.Fatal("bad front matter built")
	}
	if !strings.Contains(errOut, "content/en/incidents/a.md:4:1: unknown key sevrity (did you mean severity?)") {
		t.Errorf("stderr = %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("a failed first build created the destination")
	}
}
