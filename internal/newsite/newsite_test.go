package newsite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/config"
)

func TestParseLanguages(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		err  string
	}{
		{"fa,en", []string{"fa", "en"}, ""},
		{"en", []string{"en"}, ""},
		{" en , fa ", []string{"en", "fa"}, ""},
		{"de", nil, `--lang de: rokhdad has no starting point for "de" (it knows en, fa); make the site with those, then add [languages.de] to site.toml and an i18n/de.toml`},
		{"FA", nil, `--lang FA: rokhdad has no starting point for "FA"`},
		{"fa,en,fa", nil, `--lang: "fa" is named twice`},
		{"", nil, "--lang: name at least one language"},
		{"fa,,en", nil, "--lang: name at least one language"},
	} {
		got, err := ParseLanguages(c.in)
		if c.err == "" {
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("%q: %v, %v; want %v", c.in, got, err, c.want)
			}
		} else if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%q: %v; want %q", c.in, err, c.err)
		}
	}
}

// Every known language makes a site alone and with the others, in the order given: site.toml
// reads, the first language is the default, and no template text is left unexpanded.
func TestPrepare(t *testing.T) {
	known := Known()
	if !slices.Equal(known, []string{"en", "fa"}) {
		t.Fatalf("Known() = %v", known)
	}
	sets := [][]string{{"fa", "en"}, {"en", "fa"}}
	for _, k := range known {
		sets = append(sets, []string{k})
	}
	for _, langs := range sets {
		for _, pin := range []string{"v0.3.0", ""} {
			files, err := Prepare(Options{Languages: langs, Pin: pin})
			if err != nil {
				t.Fatalf("%v: %v", langs, err)
			}
			byPath := map[string]string{}
			for _, f := range files {
				byPath[f.Path] = string(f.Data)
				if strings.Contains(string(f.Data), "[%") || strings.Contains(string(f.Data), "<no value>") {
					t.Errorf("%v: %s has template text left:\n%s", langs, f.Path, f.Data)
				}
			}
			cfg, err := config.Parse("site.toml", []byte(byPath["site.toml"]))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(cfg.Codes(), langs) || cfg.DefaultLanguage != langs[0] {
				t.Errorf("%v: site.toml has %v, default %s", langs, cfg.Codes(), cfg.DefaultLanguage)
			}
			for _, l := range langs {
				if _, ok := byPath["content/"+l+"/incidents/"+ExampleName]; !ok {
					t.Errorf("%v: no example in %s", langs, l)
				}
			}
			if !strings.HasPrefix(byPath["README.md"], "# "+cfg.Language(langs[0]).Title+"\n") {
				t.Errorf("%v: README title: %.80q", langs, byPath["README.md"])
			}
			if strings.Contains(byPath["README.md"], "## فارسی") != slices.Contains(langs, "fa") {
				t.Errorf("%v: the README's Persian part", langs)
			}
			want := "@latest"
			if pin != "" {
				want = "@" + pin
			}
			if !strings.Contains(byPath[".github/workflows/pages.yml"], "run: go install github.com/rokhdad/rokhdad/cmd/rokhdad"+want+"\n") {
				t.Errorf("%v %q: workflow not pinned at %s", langs, pin, want)
			}
		}
	}
	if _, err := Prepare(Options{Languages: []string{"de"}}); err == nil {
		t.Error("Prepare accepted an unknown language")
	}
}

// Write makes the folder and every file, or, when a file cannot be written, removes all it made:
// a folder it created goes, an empty folder it was given stays empty.
func TestWriteAllOrNothing(t *testing.T) {
	files, err := Prepare(Options{Languages: []string{"fa", "en"}, Pin: "v0.3.0"})
	if err != nil {
		t.Fatal(err)
	}
	bad := append(slices.Clone(files), files[0]) // the same file twice: the second cannot be made
	root := t.TempDir()
	dir := filepath.Join(root, "a", "site")
	if err := Write(dir, bad); err == nil {
		t.Fatal("Write wrote a file twice")
	}
	if _, err := os.Stat(filepath.Join(root, "a")); !os.IsNotExist(err) {
		t.Errorf("a failed Write left %s", filepath.Join(root, "a"))
	}
	empty := t.TempDir()
	if err := Write(empty, bad); err == nil {
		t.Fatal("Write wrote a file twice")
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("a failed Write left %v", entries)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil || string(b) != string(f.Data) {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
	if err := Write(dir, files); err == nil || !strings.Contains(err.Error(), "refusing to create a site in "+dir+": it is not empty (it holds .github, .gitignore, README.md and 2 more)") {
		t.Errorf("a second Write: %v", err)
	}
}
