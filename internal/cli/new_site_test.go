package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// fakeBuild makes readBuildInfo return a build of rokhdad with the given main-module version and
// VCS settings (key, value pairs) for the rest of the test.
func fakeBuild(t *testing.T, version string, settings ...string) {
	t.Helper()
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Path: "github.com/rokhdad/rokhdad/cmd/rokhdad",
		Main: debug.Module{Path: "github.com/rokhdad/rokhdad", Version: version}}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	old := readBuildInfo
	readBuildInfo = func() (*debug.BuildInfo, bool) { return bi, true }
	t.Cleanup(func() { readBuildInfo = old })
}

var siteFiles = []string{
	"site.toml",
	".gitignore",
	"README.md",
	".github/workflows/pages.yml",
	"content/fa/incidents/example-sign-in-outage.md",
	"content/en/incidents/example-sign-in-outage.md",
}

// new site makes a site that builds, passes check with no finding at all (Persian typography
// included) and whose links all resolve under a project-site base URL; its workflow installs the
// rokhdad that made it.
func TestNewSite(t *testing.T) {
	fakeBuild(t, "v0.3.0")
	dir := filepath.Join(t.TempDir(), "news") // does not exist yet
	code, out, errOut := run("new", "site", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("new site: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, f := range siteFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
		if !strings.Contains(out, f) {
			t.Errorf("the output does not name %s:\n%s", f, out)
		}
	}
	code, out, errOut = run("check", "-s", dir, "--strict")
	if code != 0 || out != "0 errors, 0 warnings\n" {
		t.Errorf("check: exit %d:\n%s%s", code, out, errOut)
	}
	dest := filepath.Join(t.TempDir(), "public")
	base := "https://newsroom.github.io/news/"
	if code, _, errOut := run("build", "-s", dir, "-d", dest, "--baseURL", base); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	for _, p := range []string{"fa/incidents/example-sign-in-outage/index.html", "en/incidents/example-sign-in-outage/index.html", "index.html"} {
		if _, err := os.Stat(filepath.Join(dest, p)); err != nil {
			t.Errorf("build did not write %s", p)
		}
	}
	if code, out, errOut := run("check", "--output", dest, "--baseURL", base); code != 0 || out != "0 errors, 0 warnings\n" {
		t.Errorf("check --output: exit %d:\n%s%s", code, out, errOut)
	}
	// The build in the site's own folder (as the workflow does) is ignored by git.
	if code, _, errOut := run("build", "-s", dir); code != 0 {
		t.Fatalf("build into DIR/public: exit %d: %s", code, errOut)
	}
	gi, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, p := range []string{"/public/", "/.public.rokhdad-prev/", "/.public.rokhdad-lock"} {
		if !strings.Contains("\n"+string(gi), "\n"+p+"\n") {
			t.Errorf(".gitignore lacks %s:\n%s", p, gi)
		}
	}

	wf := read(t, filepath.Join(dir, ".github/workflows/pages.yml"))
	// The install step is one run: line that the workflow test can substitute.
	if n := strings.Count(wf, "\n        run: go install github.com/rokhdad/rokhdad/cmd/rokhdad@v0.3.0\n"); n != 1 {
		t.Errorf("the workflow has %d install steps pinned at v0.3.0:\n%s", n, wf)
	}
	for _, want := range []string{
		"actions/checkout@v7", "actions/setup-go@v7", "actions/configure-pages@v6",
		"actions/upload-pages-artifact@v5", "actions/deploy-pages@v5",
		"  schedule:\n    - cron: ", "  workflow_dispatch:", "  push:\n    branches: [main]",
		`SOURCE_DATE_EPOCH="$(( $(date -u +%s) / 3600 * 3600 ))"`,
		`rokhdad build --baseURL "${{ steps.pages.outputs.base_url }}/" -d public`,
		`rokhdad check --output public --baseURL "${{ steps.pages.outputs.base_url }}/"`,
		"id-token: write", "pages: write",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("the workflow lacks %q:\n%s", want, wf)
		}
	}
	if strings.Contains(wf, "\t") || strings.Contains(wf, "[%") {
		t.Errorf("the workflow has a tab or an unexpanded template:\n%s", wf)
	}
	readme := read(t, filepath.Join(dir, "README.md"))
	for _, want := range []string{"rokhdad serve", "rokhdad check", "rokhdad new incident", "Settings → Pages", "GitHub Actions", "@v0.3.0"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	toml := read(t, filepath.Join(dir, "site.toml"))
	for _, want := range []string{`defaultLanguage = "fa"`, "--baseURL", `timezone = "Asia/Tehran"`, `calendar = "persian"`, `timezone = "UTC"`, `direction = "rtl"`} {
		if !strings.Contains(toml, want) {
			t.Errorf("site.toml lacks %q:\n%s", want, toml)
		}
	}
	// The example's timeline is in the zone its source used, not the reader's.
	if fa := read(t, filepath.Join(dir, "content/fa/incidents/example-sign-in-outage.md")); !strings.Contains(fa, `timezone = "America/New_York"`) {
		t.Errorf("the example timeline is not in a source zone:\n%s", fa)
	}
}

// A pseudo-version from the build is pinned as it is; a build without a usable version (go run, a
// modified tree) still makes a valid workflow: it installs @latest, says why in a comment, and
// new site warns.
func TestNewSitePin(t *testing.T) {
	for _, c := range []struct {
		name     string
		version  string
		settings []string
		pin      string
		warn     bool
	}{
		{"release", "v1.4.2", nil, "v1.4.2", false},
		{"stamped pseudo-version", "v0.0.0-20261202035000-1a2b3c4d5e6f", []string{"vcs.revision", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "false"}, "v0.0.0-20261202035000-1a2b3c4d5e6f", false},
		{"devel with clean VCS", "(devel)", []string{"vcs", "git", "vcs.revision", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "false"}, "v0.0.0-20261202035000-1a2b3c4d5e6f", false},
		{"dirty tree", "v0.0.0-20261202035000-1a2b3c4d5e6f+dirty", []string{"vcs.revision", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "true"}, "latest", true},
		{"go run", "(devel)", nil, "latest", true},
		{"no module", "", nil, "latest", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fakeBuild(t, c.version, c.settings...)
			dir := t.TempDir()
			code, _, errOut := run("new", "site", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			wf := read(t, filepath.Join(dir, ".github/workflows/pages.yml"))
			if !strings.Contains(wf, "\n        run: go install github.com/rokhdad/rokhdad/cmd/rokhdad@"+c.pin+"\n") {
				t.Errorf("not pinned at %s:\n%s", c.pin, wf)
			}
			readme := read(t, filepath.Join(dir, "README.md"))
			if c.warn {
				if !strings.Contains(errOut, "warning: ") || !strings.Contains(errOut, "@latest") || strings.Count(errOut, "\n") != 1 {
					t.Errorf("no single-line warning: %q", errOut)
				}
				if !regexp.MustCompile(`(?m)^ *# .*@latest`).MatchString(wf) {
					t.Errorf("no comment on @latest:\n%s", wf)
				}
			} else if errOut != "" {
				t.Errorf("stderr %q", errOut)
			}
			if !strings.Contains(readme, "@"+c.pin) {
				t.Errorf("README does not name @%s", c.pin)
			}
		})
	}
}

// new site refuses a folder that holds anything (but a bare .git, as a fresh clone of an empty
// repository has), names it, and leaves it byte for byte as it was.
func TestNewSiteRefusesNonEmpty(t *testing.T) {
	fakeBuild(t, "v0.3.0")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, s := range map[string]string{"site.toml": "mine", "drafts/a.md": "years of work"} {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := hashTree(t, dir)
	code, out, errOut := run("new", "site", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "refusing to create a site in "+dir+": it is not empty") ||
		!strings.Contains(errOut, "drafts") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if !sameTree(before, hashTree(t, dir)) {
		t.Error("new site changed a non-empty folder")
	}
	// A file where the folder should be.
	file := filepath.Join(t.TempDir(), "notes")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("new", "site", file); code != 1 || !strings.Contains(errOut, file+" is a file") {
		t.Errorf("a file: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Error("the file changed")
	}
	// An empty folder, and a fresh clone with only .git, are fine.
	clone := t.TempDir()
	if err := os.MkdirAll(filepath.Join(clone, ".git", "objects"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("new", "site", clone); code != 0 {
		t.Errorf("a fresh clone: exit %d, %s", code, errOut)
	}
	if code, _, errOut := run("new", "site"); code != 2 || !strings.Contains(errOut, "usage: rokhdad new site DIR") {
		t.Errorf("no DIR: exit %d, %q", code, errOut)
	}
}

// --lang picks the languages, the first being the default; an unknown or repeated code is an error
// that names it and writes nothing.
func TestNewSiteLang(t *testing.T) {
	fakeBuild(t, "v0.3.0")
	for _, c := range []struct {
		lang      string
		want, not []string
		def       string
	}{
		{"fa", []string{"content/fa/incidents/example-sign-in-outage.md"}, []string{"content/en"}, "fa"},
		{"en", []string{"content/en/incidents/example-sign-in-outage.md"}, []string{"content/fa"}, "en"},
		{"en,fa", []string{"content/en/incidents/example-sign-in-outage.md", "content/fa/incidents/example-sign-in-outage.md"}, nil, "en"},
		{" fa , en ", []string{"content/en", "content/fa"}, nil, "fa"},
	} {
		dir := filepath.Join(t.TempDir(), "site")
		if code, _, errOut := run("new", "site", dir, "--lang", c.lang); code != 0 {
			t.Errorf("--lang %q: exit %d, %s", c.lang, code, errOut)
			continue
		}
		for _, p := range c.want {
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				t.Errorf("--lang %q: no %s", c.lang, p)
			}
		}
		for _, p := range c.not {
			if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
				t.Errorf("--lang %q: made %s", c.lang, p)
			}
		}
		if toml := read(t, filepath.Join(dir, "site.toml")); !strings.Contains(toml, `defaultLanguage = "`+c.def+`"`) {
			t.Errorf("--lang %q: default is not %s:\n%s", c.lang, c.def, toml)
		}
		if code, out, errOut := run("check", "-s", dir, "--strict"); code != 0 || out != "0 errors, 0 warnings\n" {
			t.Errorf("--lang %q: check: exit %d:\n%s%s", c.lang, code, out, errOut)
		}
		if code, _, errOut := run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out")); code != 0 {
			t.Errorf("--lang %q: build: exit %d: %s", c.lang, code, errOut)
		}
	}
	// Flags before DIR, and --help.
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := run("new", "site", "--lang", "en", dir); code != 0 {
		t.Errorf("--lang before DIR: exit %d, %s", code, errOut)
	} else if _, err := os.Stat(filepath.Join(dir, "content", "fa")); err == nil {
		t.Error("--lang en before DIR made content/fa")
	}
	if code, out, errOut := run("new", "site", "--help"); code != 0 || !strings.Contains(out, "Usage: rokhdad new site DIR [--lang fa,en]") || !strings.Contains(out, "known: en, fa") || errOut != "" {
		t.Errorf("new site --help: exit %d, %q, %q", code, out, errOut)
	}
	for _, c := range []struct{ lang, want string }{
		{"de", `--lang de: rokhdad has no starting point for "de" (it knows en, fa)`},
		{"fa,de", `--lang de:`},
		{"fa,fa", `--lang: "fa" is named twice`},
		{"", "--lang: name at least one language"},
		{"fa,", "--lang: name at least one language"},
	} {
		dir := filepath.Join(t.TempDir(), "site")
		code, out, errOut := run("new", "site", dir, "--lang", c.lang)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("--lang %q: exit %d, stdout %q, stderr %q; want %q", c.lang, code, out, errOut, c.want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("--lang %q: made %s", c.lang, dir)
		}
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
