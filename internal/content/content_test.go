package content

import (
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

func la(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

const good = `+++
title = "Outage"
date = 2023-11-08T10:00:00-08:00
services = ["ChatGPT", " API ", "ChatGPT"]
status = "resolved"
severity = "major"
timezone = "America/Los_Angeles"

[[timeline]]
at = "2023-11-07 19:52"
status = "investigating"
text = "Looking"

[[timeline]]
at = "2023-11-08T07:46:00-08:00"
status = "resolved"
text = "Fixed"
+++

Body **text**.
`

func TestParseGood(t *testing.T) {
	for name, src := range map[string]string{
		"lf":       good,
		"crlf":     strings.ReplaceAll(good, "\n", "\r\n"),
		"bom":      "\ufeff" + good,
		"bom+crlf": "\ufeff" + strings.ReplaceAll(good, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			p, err := Parse("content/en/incidents/x.md", []byte(src), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != "Outage" || p.Severity != Major || p.Status != "resolved" {
				t.Errorf("fields: %+v", p)
			}
			if got := strings.Join(p.Services, "|"); got != "ChatGPT|API" {
				t.Errorf("services = %q", got)
			}
			if len(p.Timeline) != 2 {
				t.Fatalf("timeline = %d entries", len(p.Timeline))
			}
			if got := p.Timeline[0].At.UTC().Format(time.RFC3339); got != "2023-11-08T03:52:00Z" {
				t.Errorf("first entry at %s", got)
			}
			if p.Timeline[0].Line != 9 || p.Timeline[1].Line != 14 {
				t.Errorf("entry lines = %d, %d; want 9, 14", p.Timeline[0].Line, p.Timeline[1].Line)
			}
			if p.Timeline[0].At.Location().String() != "America/Los_Angeles" {
				t.Errorf("entry zone = %s", p.Timeline[0].At.Location())
			}
			if p.BodyLine != 19 || strings.TrimSpace(string(p.Body)) != "Body **text**." {
				t.Errorf("body at line %d: %q", p.BodyLine, p.Body)
			}
			if !p.Date.Equal(time.Date(2023, 11, 8, 18, 0, 0, 0, time.UTC)) {
				t.Errorf("date = %v", p.Date)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	const file = "content/fa/incidents/x.md"
	fm := func(lines ...string) string { return "+++\n" + strings.Join(lines, "\n") + "\n+++\nbody\n" }
	tests := []struct {
		name string
		src  string
		line int
		want []string // substrings of the message
	}{
		{"empty", "", 1, []string{"empty"}},
		{"blank", "\n \n", 1, []string{"empty"}},
		{"no front matter", "# Title\n", 1, []string{"+++"}},
		{"yaml", "---\ntitle: x\n---\n", 1, []string{"TOML", "+++"}},
		{"unclosed", "+++\ntitle = \"x\"\n", 1, []string{"never closed", "+++"}},
		{"toml syntax", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `summary = "unterminated`), 4, []string{"invalid TOML"}},
		{"unknown key", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `sevrity = "major"`), 4, []string{"unknown key sevrity", "did you mean severity?"}},
		{"wrong type", fm(`title = 5`, `date = 2023-11-08T10:00:00Z`), 2, []string{"title must be a string", "integer 5"}},
		{"services type", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `services = "ChatGPT"`), 4, []string{"services must be a list of strings"}},
		{"missing title", fm(`date = 2023-11-08T10:00:00Z`), 0, []string{"title is required"}},
		{"missing date", fm(`title = "x"`), 0, []string{"date is required"}},
		{"local date", fm(`title = "x"`, `date = 2023-11-08T10:00:00`), 3, []string{"date has no UTC offset"}},
		{"bad severity", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `severity = "mayor"`), 4, []string{"severity", "did you mean major?"}},
		{"bad status", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `status = "fixed"`), 4, []string{"status"}},
		{"bad zone", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `timezone = "Asia/Tehrn"`), 4, []string{"Asia/Tehrn"}},
		{"entry unknown key", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, ``, `[[timeline]]`, `at = "2023-11-07 19:52"`, `tex = "x"`), 7, []string{"unknown key timeline[0].tex", "did you mean text?"}},
		{"entry missing at", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, ``, `[[timeline]]`, `text = "x"`), 5, []string{"timeline[0].at is required"}},
		{"ambiguous", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `timezone = "America/Los_Angeles"`, ``, `[[timeline]]`, `at = "2023-11-05 01:30"`, `text = "x"`), 7, []string{"ambiguous", "America/Los_Angeles", "-07:00", "-08:00", "RFC 3339"}},
		{"nonexistent", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `timezone = "America/Los_Angeles"`, ``, `[[timeline]]`, `at = "2024-03-10 02:30"`, `text = "x"`), 7, []string{"does not exist", "America/Los_Angeles", "RFC 3339"}},
		{"entry zone", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, ``, `[[timeline]]`, `at = "2023-11-07 19:52"`, `zone = "Mars/Olympus"`, `text = "x"`), 7, []string{"Mars/Olympus"}},
		{"order", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, ``, `[[timeline]]`, `at = "2023-11-08 06:02"`, `text = "a"`, ``, `[[timeline]]`, `at = "2023-11-07 19:52"`, `text = "b"`), 9, []string{"order"}},
		{"image without alt", fm(`title = "x"`, `date = 2023-11-08T10:00:00Z`, `image = "a.jpg"`), 4, []string{"image_alt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(file, []byte(tt.src), la(t))
			if err == nil {
				t.Fatal("no error")
			}
			ds := diag.Flatten(err)
			d := ds[0]
			for _, x := range ds {
				if x.Line == tt.line {
					d = x
				}
			}
			if d.File != file {
				t.Errorf("file = %q", d.File)
			}
			if tt.line > 0 && d.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", d.Line, tt.line, err)
			}
			if tt.line == 0 && d.Line == 0 {
				t.Errorf("no line in %v", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, file+":") {
				t.Errorf("message does not start with the file: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestAllErrorsReported(t *testing.T) {
	src := "+++\ntitle = 1\ndate = 2023-11-08T10:00:00Z\nfoo = 1\nbar = 2\n+++\n"
	_, err := Parse("x.md", []byte(src), time.UTC)
	if n := len(diag.Flatten(err)); n != 3 {
		t.Errorf("got %d diagnostics, want 3: %v", n, err)
	}
}

// TestParseCleansStrings: every text of the front matter comes out with control characters removed
// and bidi controls balanced (bidi.Clean), so that every output gets the same value; ZWNJ and RLM
// stay.
func TestParseCleansStrings(t *testing.T) {
	src := `+++
title = "\u202eEvil\u0007 title"
date = 2023-11-08T10:00:00Z
summary = "a\u2069b \u2067c\r"
services = ["svc\u202b", "svc\u202b\u202c"]
tags = ["\u2066t\u202c", "می‌خواهم\u200f"]
image = "x.png"
image_alt = "alt\u202d\b"
image_credit = "\u001bcredit"

[[timeline]]
at = "2023-11-08 10:00"
status = "investigating"
text = "a\u202db\u2069c"
+++
`
	p, err := Parse("content/en/incidents/x.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ what, got, want string }{
		{"title", p.Title, "\u202eEvil title\u202c"},
		{"summary", p.Summary, "ab \u2067c\u2069"},
		{"services", strings.Join(p.Services, "|"), "svc\u202b\u202c"}, // the two are one service once clean
		{"tags", strings.Join(p.Tags, "|"), "\u2066t\u2069|می\u200cخواهم\u200f"},
		{"image_alt", p.ImageAlt, "alt\u202d\u202c"},
		{"image_credit", p.ImageCredit, "credit"},
		{"timeline text", p.Timeline[0].Text, "a\u202dbc\u202c"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %+q, want %+q", c.what, c.got, c.want)
		}
	}
}
