package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindBrowser: $CHROME names the browser; else $CHROME_BIN, which GitHub's Ubuntu runners set to
// their Google Chrome (/usr/bin/google-chrome, beside a Chromium snapshot linked as chromium); else
// the first of chromium, chromium-browser and google-chrome on PATH.
func TestFindBrowser(t *testing.T) {
	bin, other := t.TempDir(), t.TempDir()
	exe := func(dir, name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	onlyChrome := t.TempDir()
	googleChrome := exe(onlyChrome, "google-chrome")
	chromium := exe(bin, "chromium")
	exe(bin, "google-chrome")
	custom := exe(other, "chrome")

	for _, tc := range []struct {
		name, path, chrome, chromeBin string
		want                          string // the path found; "" for an error
		wantErr                       []string
	}{
		{name: "google-chrome alone on PATH", path: onlyChrome, want: googleChrome},
		{name: "chromium first on PATH", path: bin, want: chromium},
		{name: "CHROME_BIN before PATH", path: bin, chromeBin: custom, want: custom},
		{name: "CHROME before CHROME_BIN", path: bin, chrome: chromium, chromeBin: custom, want: chromium},
		{name: "CHROME_BIN names nothing", path: bin, chromeBin: filepath.Join(other, "missing"), wantErr: []string{"CHROME_BIN=", "missing"}},
		{name: "nothing on PATH", path: t.TempDir(), wantErr: []string{"google-chrome", "CHROME_BIN"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PATH", tc.path)
			t.Setenv("CHROME", tc.chrome)
			t.Setenv("CHROME_BIN", tc.chromeBin)
			got, err := findBrowser()
			if tc.want != "" {
				if err != nil || got != tc.want {
					t.Fatalf("findBrowser() = %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("findBrowser() = %q, want an error", got)
			}
			for _, s := range tc.wantErr {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}
