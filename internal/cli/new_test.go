package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
)

func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewIncident(t *testing.T) {
	now = func() time.Time { return time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	site := newSite(t)
	code, out, errOut := run("new", "incident", "api-outage", "-s", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, lang := range []string{"fa", "en"} {
		p := filepath.Join(site, "content", lang, "incidents", "api-outage.md")
		if !strings.Contains(out, p) {
			t.Errorf("output does not name %s: %q", p, out)
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		page, err := content.Parse(p, src, time.UTC)
		if err != nil {
			t.Fatalf("the skeleton does not parse: %v", err)
		}
		if !page.Draft || page.Title != "api outage" || len(page.Timeline) != 1 {
			t.Errorf("%s: %+v", lang, page)
		}
	}
	fa, _ := os.ReadFile(filepath.Join(site, "content", "fa", "incidents", "api-outage.md"))
	if !strings.Contains(string(fa), "date = 2023-11-08T07:22:00+03:30") || !strings.Contains(string(fa), `timezone = "Asia/Tehran"`) {
		t.Errorf("fa skeleton is not in Tehran time:\n%s", fa)
	}
	en, _ := os.ReadFile(filepath.Join(site, "content", "en", "incidents", "api-outage.md"))
	if !strings.Contains(string(en), "date = 2023-11-08T03:52:00Z") {
		t.Errorf("en skeleton is not in UTC:\n%s", en)
	}

	// It refuses to overwrite, and says which file.
	if err := os.WriteFile(filepath.Join(site, "content", "en", "incidents", "api-outage.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run("new", "incident", "api-outage", "-s", site)
	if code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("overwrite: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(site, "content", "en", "incidents", "api-outage.md")); string(b) != "mine" {
		t.Error("an existing file was changed")
	}
}

func TestNewOptions(t *testing.T) {
	site := newSite(t)
	if code, _, errOut := run("new", "incident", "x", "-s", site, "--lang", "en", "--section", "notes"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "en", "notes", "x.md")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "fa", "notes", "x.md")); !os.IsNotExist(err) {
		t.Error("--lang en also created fa")
	}
	if code, _, errOut := run("new", "incident", "y", "-s", site, "--lang", "de"); code != 2 || !strings.Contains(errOut, "languages.de") {
		t.Errorf("unknown language: exit %d, %q", code, errOut)
	}
	if code, _, _ := run("new", "incident", "Bad Name", "-s", site); code != 2 {
		t.Errorf("bad name accepted: exit %d", code)
	}
	if code, _, _ := run("new", "story", "x", "-s", site); code != 2 {
		t.Errorf("unknown kind accepted: exit %d", code)
	}
}
