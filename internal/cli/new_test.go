package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	site2 "github.com/rokhdad/rokhdad/internal/site"
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

// new accepts exactly the names build accepts — Persian letters included — and refuses the others
// in one sentence with build's hint, before writing anything.
func TestNewNames(t *testing.T) {
	persian := "قطعی\u200cاینترنت"
	for _, name := range []string{"api-outage", "API-Outage", persian, "v1.2_notes", "۱۴۰۲", strings.Repeat("a", 252), strings.Repeat("ق", 126), "x.md"} {
		site := newSite(t)
		if code, _, errOut := run("new", "incident", name, "-s", site); code != 0 {
			t.Errorf("new %.40q: exit %d, %s", name, code, errOut)
			continue
		}
		dest := filepath.Join(t.TempDir(), "public")
		if code, _, errOut := run("build", "-s", site, "-d", dest, "--drafts"); code != 0 {
			t.Errorf("build after new %.40q: exit %d, %s", name, code, errOut)
		}
	}
	for _, c := range []struct{ name, want string }{
		{"Bad Name", "contains a space"},
		{"a/b", `contains "/"`},
		{"../escape", `contains "/"`},
		{"a?b", `contains "?"`},
		{"100%", `contains "%"`},
		{strings.Repeat("a", 253), "253 bytes long; a name can be at most 252 bytes"},
		{strings.Repeat("a", 300), "300 bytes long; a name can be at most 252 bytes"},
		{strings.Repeat("ق", 130), "260 bytes long; a name can be at most 252 bytes"},
		{".hidden", "starts with a dot"},
		{"", "empty"},
	} {
		site := newSite(t)
		code, out, errOut := run("new", "incident", c.name, "-s", site)
		_, segErr := site2.Segment(strings.TrimSuffix(c.name, ".md"))
		var ne *site2.NameError
		hint := ""
		if errors.As(segErr, &ne) {
			hint = ne.Hint()
		}
		if code != 2 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, hint) || strings.Count(errOut, "\n") != 1 ||
			strings.Contains(errOut, "stat ") || strings.Contains(errOut, "open ") || strings.Contains(errOut, "too long:") || len(errOut) > 400 {
			t.Errorf("new %.40q: exit %d, stderr %q, want …%s… (%s)", c.name, code, errOut, c.want, hint)
		}
		if out != "" {
			t.Errorf("new %.40q printed %q", c.name, out)
		}
		if _, err := os.Stat(filepath.Join(site, "content")); !os.IsNotExist(err) {
			t.Errorf("new %.40q wrote under content/", c.name)
		}
	}
	site := newSite(t)
	if code, _, errOut := run("new", "incident", "x", "-s", site, "--section", "my notes"); code != 2 || !strings.Contains(errOut, "contains a space") {
		t.Errorf("--section \"my notes\": exit %d, %q", code, errOut)
	}
}
