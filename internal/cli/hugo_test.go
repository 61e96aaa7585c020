package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestHugoAliases: Hugo's spellings of commands and flags do what rokhdad's do.
func TestHugoAliases(t *testing.T) {
	if code, out, errOut := run("server", "--help"); code != 0 || !strings.HasPrefix(out, "Usage: rokhdad serve ") || errOut != "" {
		t.Errorf("server --help: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, _ := run("help", "server"); code != 0 || !strings.HasPrefix(out, "Usage: rokhdad serve ") {
		t.Errorf("help server: exit %d, %q", code, out)
	}
	if _, out, _ := run("--help"); !strings.Contains(out, "(also: server)") {
		t.Errorf("--help does not name the alias server:\n%s", out)
	}
	site := t.TempDir()
	if err := os.CopyFS(site, os.DirFS("../build/testdata/sites/basic")); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(site, "content", "en", "incidents", "api-outage.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "+++\n", "+++\ndraft = true\n", 1)
	if err := os.WriteFile(filepath.Join(site, "content", "en", "incidents", "draft-post.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join("en", "incidents", "draft-post", "index.html")
	for _, c := range []struct {
		flags  []string
		drafts bool
		base   string
	}{
		{nil, false, ""},
		{[]string{"--drafts"}, true, ""},
		{[]string{"-D"}, true, ""},
		{[]string{"--buildDrafts"}, true, ""},
		{[]string{"--buildDrafts=false"}, false, ""},
		{[]string{"-b", "https://user.github.io/repo/"}, false, "https://user.github.io/repo/"},
		{[]string{"--baseURL", "https://user.github.io/other/"}, false, "https://user.github.io/other/"},
	} {
		dest := filepath.Join(t.TempDir(), "out")
		code, _, errOut := run(append([]string{"build", "-s", site, "-d", dest}, c.flags...)...)
		if code != 0 {
			t.Errorf("build %v: exit %d: %s", c.flags, code, errOut)
			continue
		}
		_, err := os.Stat(filepath.Join(dest, draft))
		if got := err == nil; got != c.drafts {
			t.Errorf("build %v: draft built = %v, want %v", c.flags, got, c.drafts)
		}
		if c.base != "" {
			page, _ := os.ReadFile(filepath.Join(dest, "en", "incidents", "api-outage", "index.html"))
			if !strings.Contains(string(page), `href="`+c.base+`en/incidents/api-outage/"`) {
				t.Errorf("build %v: the base URL was not applied", c.flags)
			}
		}
	}
	// check takes the same spellings of --drafts and --baseURL.
	for _, args := range [][]string{{"check", "-s", site, "-D"}, {"check", "-s", site, "--buildDrafts"}} {
		if code, _, errOut := run(args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := run("build", "-s", site, "-d", dest, "-b", "https://user.github.io/repo/"); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, errOut := run("check", "--output", dest, "-b", "https://user.github.io/repo/"); code != 0 {
		t.Errorf("check --output -b: exit %d: %s%s", code, out, errOut)
	}
}

// TestSuggestions: a mistyped command or flag is answered with the nearest one, exit 2.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serv"}, `unknown command "serv" (did you mean serve?)`},
		{[]string{"sever"}, `unknown command "sever" (did you mean server?)`},
		{[]string{"srve"}, `unknown command "srve" (did you mean serve?)`},
		{[]string{"bild"}, `unknown command "bild" (did you mean build?)`},
		{[]string{"Build"}, `unknown command "Build" (did you mean build?)`},
		{[]string{"chek"}, `unknown command "chek" (did you mean check?)`},
		{[]string{"vers"}, `unknown command "vers" (did you mean version?)`},
		{[]string{"deploy"}, `unknown command "deploy"` + "\n"},
		{[]string{"--drafts"}, "a command comes first, before flags such as --drafts"},
		{[]string{"build", "--draft"}, "rokhdad build: unknown flag --draft (did you mean --drafts?)"},
		{[]string{"build", "-draft"}, "rokhdad build: unknown flag --draft (did you mean --drafts?)"},
		{[]string{"build", "--baseurl", "x"}, "unknown flag --baseurl (did you mean --baseURL?)"},
		{[]string{"build", "--builddrafts"}, "unknown flag --builddrafts (did you mean --buildDrafts?)"},
		{[]string{"build", "--dest", "x"}, "unknown flag --dest (did you mean --destination?)"},
		{[]string{"build", "--minfy"}, "unknown flag --minfy (did you mean --minify?)"},
		{[]string{"serve", "--prot", "1"}, "rokhdad serve: unknown flag --prot (did you mean --port?)"},
		{[]string{"check", "--strct"}, "unknown flag --strct (did you mean --strict?)"},
		{[]string{"new", "incident", "x", "--langs", "fa"}, "unknown flag --langs (did you mean --lang?)"},
		{[]string{"build", "-x"}, "rokhdad build: unknown flag -x\n"},
		{[]string{"build", "--verbose"}, "rokhdad build: unknown flag --verbose\n"},
		{[]string{"serve", "-p", "x"}, `rokhdad serve: invalid value "x" for -p: parse error`},
		{[]string{"serve", "--port", "x"}, `rokhdad serve: invalid value "x" for --port: parse error`},
		{[]string{"build", "--destination"}, "rokhdad build: --destination needs a value"},
	} {
		code, out, errOut := run(c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q, want …%s…", c.args, code, out, errOut, c.want)
		}
		if strings.Contains(errOut, "flag provided but not defined") || regexp.MustCompile(`(^|\s)-[a-zA-Z]{2,}`).MatchString(errOut) {
			t.Errorf("%q: the flag package's spelling: %q", c.args, errOut)
		}
	}
}

// TestHelpFormat: --help spells flags as the usage line does: --lang, shorthands with their long
// form (-s, --source DIR), aliases beside the flag they stand for; never the flag package's -lang.
func TestHelpFormat(t *testing.T) {
	singleDash := regexp.MustCompile(`(^|[\s,\[])-[a-zA-Z]{2,}`)
	for _, c := range commands() {
		_, out, _ := run(c.name, "--help")
		if m := singleDash.FindString(out); m != "" {
			t.Errorf("%s --help spells a flag %q:\n%s", c.name, m, out)
		}
		assertGolden(t, "help-"+c.name, out)
	}
	for _, c := range []struct{ cmd, line string }{
		{"build", "  -s, --source DIR "},
		{"build", "  -d, --destination DIR "},
		{"build", "  -b, --baseURL URL "},
		{"build", "  -D, --drafts, --buildDrafts "},
		{"build", "      --minify "},
		{"serve", "  -p, --port PORT "},
		{"serve", "  -D, --drafts, --buildDrafts "},
		{"check", "  -b, --baseURL URL "},
		{"new", "      --lang fa,en "},
		{"new", "  -s, --source DIR "},
	} {
		_, out, _ := run(c.cmd, "--help")
		if !strings.Contains(out, "\n"+c.line) {
			t.Errorf("%s --help lacks %q:\n%s", c.cmd, c.line, out)
		}
	}
}

// TestNewContent: new content PATH, relative to content/, makes the files new incident makes for
// that section and name: in every language, or in the language folder the path names.
func TestNewContent(t *testing.T) {
	now = func() time.Time { return time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	want := newSite(t)
	if code, _, errOut := run("new", "incident", "api-outage", "-s", want, "--section", "notes"); code != 0 {
		t.Fatal(errOut)
	}
	wantFiles := func(langs ...string) map[string]string {
		m := map[string]string{}
		for _, l := range langs {
			b, err := os.ReadFile(filepath.Join(want, "content", l, "notes", "api-outage.md"))
			if err != nil {
				t.Fatal(err)
			}
			m[filepath.Join("content", l, "notes", "api-outage.md")] = string(b)
		}
		return m
	}
	for _, c := range []struct {
		path  string
		flags []string
		langs []string
	}{
		{"notes/api-outage.md", nil, []string{"fa", "en"}},
		{"notes/api-outage", nil, []string{"fa", "en"}},
		{"content/notes/api-outage.md", nil, []string{"fa", "en"}},
		{"./notes/api-outage.md", nil, []string{"fa", "en"}},
		{"notes/api-outage.md", []string{"--lang", "en"}, []string{"en"}},
		{"fa/notes/api-outage.md", nil, []string{"fa"}},
		{"content/en/notes/api-outage.md", nil, []string{"en"}},
		{"en/notes/api-outage.md", []string{"--lang", "en"}, []string{"en"}},
	} {
		site := newSite(t)
		code, out, errOut := run(append([]string{"new", "content", c.path, "-s", site}, c.flags...)...)
		if code != 0 {
			t.Errorf("new content %s %v: exit %d: %s", c.path, c.flags, code, errOut)
			continue
		}
		got := map[string]string{}
		filepath.Walk(filepath.Join(site, "content"), func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(site, p)
				got[rel] = string(b)
			}
			return nil
		})
		w := wantFiles(c.langs...)
		if len(got) != len(w) {
			t.Errorf("new content %s %v made %d files, want %d: %s", c.path, c.flags, len(got), len(w), out)
		}
		for p, text := range w {
			if got[p] != text {
				t.Errorf("new content %s %v: %s = %q, want new incident's %q", c.path, c.flags, p, got[p], text)
			}
			if !strings.Contains(out, "created "+filepath.Join(site, p)) {
				t.Errorf("new content %s: output %q does not name %s", c.path, out, p)
			}
		}
	}
	for _, c := range []struct {
		path  string
		flags []string
		want  string
	}{
		{"api-outage.md", nil, "must be SECTION/NAME.md or LANG/SECTION/NAME.md"},
		{"a/b/c/d.md", nil, "must be SECTION/NAME.md or LANG/SECTION/NAME.md"},
		{"/abs/x.md", nil, "must be SECTION/NAME.md"},
		{"../notes/x.md", nil, "must be SECTION/NAME.md"},
		{"fa/x.md", nil, "fa is a language folder, and the path names no section after it (write fa/incidents/NAME.md)"},
		{"de/notes/x.md", nil, "de is not a language of site.toml (configured: fa, en)"},
		{"fa/notes/x.md", []string{"--lang", "en"}, "names the language folder fa, and --lang en another"},
		{"notes/x.md", []string{"--section", "other"}, "--section does not go with new content"},
		{"notes/Bad Name.md", nil, "contains a space"},
		{"my notes/x.md", nil, "contains a space"},
		{"notes/.hidden.md", nil, "starts with a dot"},
	} {
		site := newSite(t)
		code, out, errOut := run(append([]string{"new", "content", c.path, "-s", site}, c.flags...)...)
		if code != 2 || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 || out != "" {
			t.Errorf("new content %s %v: exit %d, stdout %q, stderr %q, want …%s…", c.path, c.flags, code, out, errOut, c.want)
		}
		if _, err := os.Stat(filepath.Join(site, "content")); !os.IsNotExist(err) {
			t.Errorf("new content %s wrote under content/", c.path)
		}
	}
	if code, _, errOut := run("new", "content", "-s", newSite(t)); code != 2 || !strings.Contains(errOut, "new content [LANG/]SECTION/NAME.md") {
		t.Errorf("new content without a path: exit %d, %q", code, errOut)
	}
}

// TestBuildMinify: --minify reaches the build (package minify tests what it does), and without it
// nothing is minified.
func TestBuildMinify(t *testing.T) {
	site := "../build/testdata/sites/basic"
	page := filepath.Join("en", "incidents", "api-outage", "index.html")
	plain, min := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if code, _, errOut := run("build", "-s", site, "-d", plain); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := run("build", "-s", site, "-d", min, "--minify"); code != 0 {
		t.Fatal(errOut)
	}
	a, _ := os.ReadFile(filepath.Join(plain, page))
	b, _ := os.ReadFile(filepath.Join(min, page))
	lines := func(b []byte) int { return strings.Count(string(b), "\n") }
	if len(b) == 0 || len(b) >= len(a) || lines(b) > lines(a)/2 {
		t.Errorf("--minify: %d bytes in %d lines, plain %d in %d", len(b), lines(b), len(a), lines(a))
	}
}
