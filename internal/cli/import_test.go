package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/importer"
)

// TestImportURL imports from a status page served by a local server, as from the internet: the
// address of the page is enough; a page that answers an error, or too late, is an error that says
// so, and nothing is written.
func TestImportURL(t *testing.T) {
	js, err := os.ReadFile("../statuspage/testdata/incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(js)
	})
	mux.HandleFunc("/broken/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
	})
	mux.HandleFunc("/slow/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(twoLangSite(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ url, want string }{
		{srv.URL + "/broken", "the page answered 502 Bad Gateway: upstream unavailable"},
		{srv.URL + "/slow", "no answer within 200ms"},
	} {
		code, _, errOut := runIn(dir, "import", "statuspage", tt.url, "--timeout", "200ms")
		if code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, %q; want %q", tt.url, code, errOut, tt.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
			t.Errorf("%s: content/ was written", tt.url)
		}
	}
	code, out, errOut := runIn(dir, "import", "statuspage", srv.URL)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "content/en/incidents/2023-11-08-degraded-performance-of-file-uploads.md: new, 2 updates") {
		t.Errorf("stdout:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/fa/incidents/2023-11-07-partial-outage-affecting-chatgpt-and-the-api.md")); err != nil {
		t.Error(err)
	}

	// Without SOURCE, every page site.toml lists: a page that fails is reported, the others imported.
	other := t.TempDir()
	toml := twoLangSite(t) + "\n[import]\nstatuspages = [\"" + srv.URL + "/broken\", \"" + srv.URL + "\"]\n"
	if err := os.WriteFile(filepath.Join(other, "site.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runIn(other, "import", "statuspage")
	if code != 1 || !strings.Contains(errOut, "502 Bad Gateway") || !strings.Contains(out, "6 files from Example AI: 6 written") {
		t.Errorf("[import] statuspages: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}

	// Another import of the same site waits for none: it says who holds the site.
	lock, err := importer.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runIn(dir, "import", "statuspage", srv.URL)
	lock.Unlock()
	if code != 1 || !strings.Contains(errOut, "another rokhdad is importing into") {
		t.Errorf("while locked: exit %d, %q", code, errOut)
	}
}

// runIn runs rokhdad with -s dir.
func runIn(dir string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(append(args, "-s", dir), &out, &errOut)
	return code, out.String(), errOut.String()
}

// twoLangSite is a two-language site: Persian first, then English. (Read when a test asks: the
// test binary also runs as rokhdad in the scripts' folders.)
func twoLangSite(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../build/testdata/sites/basic/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportUpdatesFeed: each imported update is one entry of updates.xml whose id carries the
// update's id, and a later import that brings one more update adds one entry and changes no id.
func TestImportUpdatesFeed(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(twoLangSite(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile("../statuspage/testdata/incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first.json")
	os.WriteFile(first, js, 0o644)
	later := filepath.Join(dir, "later.json")
	os.WriteFile(later, bytes.Replace(js, []byte(`"incident_updates": [`), []byte(`"incident_updates": [
        {"id": "n3wupd4t3000", "status": "resolved", "body": "Resolved.", "created_at": "2023-11-08T10:05:00.000-08:00"},`), 1), 0o644)
	ids := func() []string {
		t.Helper()
		if code, _, errOut := runIn(dir, "build"); code != 0 {
			t.Fatalf("build: %s", errOut)
		}
		feed, err := os.ReadFile(filepath.Join(dir, "public/en/updates.xml"))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range regexp.MustCompile(`<id>([^<]*#update-[^<]*)</id>`).FindAllSubmatch(feed, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	if code, _, errOut := runIn(dir, "import", "statuspage", first); code != 0 {
		t.Fatal(errOut)
	}
	before := ids()
	if len(before) != 7 {
		t.Fatalf("%d update entries, want the 7 updates of the two incidents: %v", len(before), before)
	}
	for _, id := range []string{"z6x2c9v5b3nm", "k0v8c2xz5pwe", "9n2m4hb7t1ds"} {
		if !slices.ContainsFunc(before, func(s string) bool { return strings.HasSuffix(s, "#update-"+id) }) {
			t.Errorf("no entry for update %s in %v", id, before)
		}
	}
	if code, _, errOut := runIn(dir, "import", "statuspage", later); code != 0 {
		t.Fatal(errOut)
	}
	after := ids()
	if len(after) != 8 || !slices.ContainsFunc(after, func(s string) bool { return strings.HasSuffix(s, "#update-n3wupd4t3000") }) {
		t.Fatalf("after the second import: %v", after)
	}
	for _, id := range before {
		if !slices.Contains(after, id) {
			t.Errorf("entry %s is gone or renamed", id)
		}
	}
}
