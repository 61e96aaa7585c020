package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenOutput compares what commands print with golden files (testdata/golden/*.txt; run
// go test ./internal/cli -update and review the diff after a deliberate change). Temporary paths
// are replaced with SITE.
func TestGoldenOutput(t *testing.T) {
	site := checkSite(t, problems)
	broken := checkSite(t, map[string]func(string) string{
		faFile: func(s string) string { return strings.Replace(s, `severity = "major"`, `sevrity = "major"`, 1) },
	})
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"check-text", []string{"check", "-s", site}, 0},
		{"check-json", []string{"check", "-s", site, "--format", "json"}, 0},
		{"build-error", []string{"build", "-s", broken, "-d", filepath.Join(broken, "public")}, 1},
		{"check-error", []string{"check", "-s", broken}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			got := out + errOut
			got = strings.ReplaceAll(got, site, "SITE")
			got = strings.ReplaceAll(got, broken, "SITE")
			assertGolden(t, tt.name, got)
		})
	}
}

// assertGolden compares got with testdata/golden/NAME.txt, or rewrites that file with -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./internal/cli -run %s -update, then review):\n got:\n%s\nwant:\n%s", golden, t.Name(), got, want)
	}
}
