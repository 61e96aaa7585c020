package statuspage

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestIncidentsURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://status.example.test":                         "https://status.example.test/api/v2/incidents.json",
		"https://status.example.test/":                        "https://status.example.test/api/v2/incidents.json",
		"https://example.test/status?x=1#top":                 "https://example.test/status/api/v2/incidents.json",
		"http://status.example.test/api/v2/incidents.json":    "http://status.example.test/api/v2/incidents.json",
		"https://status.example.test/api/v2/incidents/x.json": "https://status.example.test/api/v2/incidents/x.json",
	} {
		if got, err := IncidentsURL(in); err != nil || got != want {
			t.Errorf("IncidentsURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"status.example.test", "ftp://x.test", "https://", "file:///etc/passwd"} {
		if _, err := IncidentsURL(bad); err == nil {
			t.Errorf("IncidentsURL(%q): no error", bad)
		}
	}
}

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(page("UTC", "")))
	})
	mux.HandleFunc("/gone/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such page", http.StatusNotFound)
	})
	mux.HandleFunc("/html/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html>sign in</html>"))
	})
	mux.HandleFunc("/slow/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	addr, body, err := Fetch(ctx, srv.Client(), srv.URL+"/ok")
	if err != nil || addr != srv.URL+"/ok/api/v2/incidents.json" {
		t.Fatalf("Fetch: %q, %v", addr, err)
	}
	if _, _, err := Read(addr, body); err != nil {
		t.Errorf("Read: %v", err)
	}
	for _, tt := range []struct{ path, want string }{
		{"/gone", "the page answered 404 Not Found: no such page"},
		{"/html", "the page answered with HTML"},
		{"/slow", "no answer within 200ms"},
	} {
		c := srv.Client()
		c.Timeout = 200 * time.Millisecond
		_, _, err := Fetch(ctx, c, srv.URL+tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Fetch %s: %v, want %q", tt.path, err, tt.want)
		}
	}
	srv.Close()
	if _, _, err := Fetch(ctx, nil, srv.URL+"/ok"); err == nil || !strings.Contains(err.Error(), "/ok/api/v2/incidents.json") {
		t.Errorf("Fetch from a closed server: %v", err)
	}
}
