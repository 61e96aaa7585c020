package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(twoLangSite), 0o644); err != nil {
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

const twoLangSite = `baseURL = "https://example.org/"
defaultLanguage = "fa"

[languages.fa]
name = "فارسی"
title = "رخداد"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Incidents"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`
