package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/diag"
)

func TestControls(t *testing.T) {
	const head = "+++\ndate = 2023-11-08T10:00:00Z\n" // the strings below start on line 3
	tests := []struct {
		name, front string
		want        []string // "line:col: message substring"
	}{
		{"clean", "title = \"می‌خواهم \u200f \u2067ok\u2069\"\n", nil},
		{"raw RLO never closed", "title = \"Evil \u202eattack\"\n",
			[]string{"3:15: title: U+202E RIGHT-TO-LEFT OVERRIDE is never closed"}},
		{"escaped RLO", `title = "Evil \u202Eattack"` + "\n",
			[]string{"3:15: title: U+202E RIGHT-TO-LEFT OVERRIDE is never closed"}},
		{"stray PDI in summary", "summary = 'ab\u2069c'\n",
			[]string{"3:14: summary: U+2069 POP DIRECTIONAL ISOLATE closes nothing"}},
		{"control escapes", `title = "a\u0007b\bc"` + "\n",
			[]string{"3:11: title: control character U+0007", "3:18: title: control character U+0008"}},
		{"services list", "services = [\"ok\", \"svc\u202b\"]\n",
			[]string{"3:23: services: U+202B RIGHT-TO-LEFT EMBEDDING is never closed"}},
		{"multi-line summary", "summary = \"\"\"\nline \u2067one\nline two\"\"\"\n",
			[]string{"4:6: summary: U+2067 RIGHT-TO-LEFT ISOLATE is never closed"}},
		{"timeline text", "[[timeline]]\nat = \"2023-11-08 10:00\"\ntext = \"a\\u202Db\\u2069c\"\n",
			[]string{"5:10: timeline.text: U+202D LEFT-TO-RIGHT OVERRIDE is never closed", "5:17: timeline.text: U+2069 POP DIRECTIONAL ISOLATE closes nothing"}},
		{"comment ignored", "# \u202e in a comment\ntitle = \"x\" # \u202e\n", nil},
		{"escaped quote and backslash", `title = "a\"\\` + "\u202e" + `"` + "\n",
			[]string{"3:15: title: U+202E"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + tt.front + "+++\n\nBody \u202e is not checked here.\n"
			got := controls("content/en/incidents/a.md", src)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(tt.want), diag.List(got).Error())
			}
			for i, d := range got {
				if d.Severity != diag.Warning || d.Rule != RuleControl || d.File != "content/en/incidents/a.md" {
					t.Errorf("warning %d: %+v", i, d)
				}
				pos, msg, _ := strings.Cut(tt.want[i], ": ")
				if p := strings.TrimPrefix(d.Pos(), d.File+":"); p != pos || !strings.Contains(d.Msg, msg) || d.Hint == "" {
					t.Errorf("warning %d = %q, want at %s containing %q and a hint", i, d.Error(), pos, msg)
				}
			}
		})
	}
}

// TestSiteWarnsOfControls runs check on a site: the unbalanced control and the control character
// are warnings at their file:line:col, and the site still builds (no error).
func TestSiteWarnsOfControls(t *testing.T) {
	src := filepath.Join("..", "build", "testdata", "sites", "basic")
	dir := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	article := "+++\ntitle = \"Evil \\u202Eattack\"\ndate = 2023-11-09T10:00:00Z\nsummary = \"bell\\u0007\"\n+++\n\nBody.\n"
	for _, lang := range []string{"en", "fa"} {
		if err := os.WriteFile(filepath.Join(dir, "content", lang, "incidents", "evil.md"), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, err := Site(Options{Source: dir, Theme: rokhdad.Theme})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range list {
		if d.Severity == diag.Error {
			t.Errorf("error: %v", d)
		}
		if d.Rule == RuleControl {
			got = append(got, d.Error())
		}
	}
	want := []string{
		"content/en/incidents/evil.md:2:15: title: U+202E RIGHT-TO-LEFT OVERRIDE is never closed",
		"content/en/incidents/evil.md:4:16: summary: control character U+0007",
		"content/fa/incidents/evil.md:2:15: title: U+202E RIGHT-TO-LEFT OVERRIDE is never closed",
		"content/fa/incidents/evil.md:4:16: summary: control character U+0007",
	}
	if len(got) != len(want) {
		t.Fatalf("control warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}
