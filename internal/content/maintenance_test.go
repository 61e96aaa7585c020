package content

import (
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/window"
)

const maintFile = "content/en/maintenance/db.md"

func maintSrc(lines ...string) []byte {
	return []byte("+++\ntitle = \"DB move\"\ndate = 2023-11-01T10:00:00Z\ntimezone = \"America/Los_Angeles\"\n" +
		strings.Join(lines, "\n") + "\n+++\n\nBody.\n")
}

// TestParseMaintenance: a maintenance article's window is read with the timeline's rules, its
// status and its updates' statuses are a window's.
func TestParseMaintenance(t *testing.T) {
	src := maintSrc(`starts = "2023-11-05 00:30"`, `ends = "2023-11-05T03:00:00-08:00"`, `status = "In_Progress"`,
		"[[timeline]]", `at = "2023-11-05 00:35"`, `status = "in_progress"`, `text = "Begun."`)
	p, err := Parse(maintFile, src, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	m := p.Maintenance
	if m == nil {
		t.Fatal("no window")
	}
	// 00:30 PDT is 07:30 UTC; 03:00 PST is 11:00 UTC: 3 h 30 min across the fall-back.
	if got := m.Start.UTC().Format(time.RFC3339) + " " + m.End.UTC().Format(time.RFC3339); got != "2023-11-05T07:30:00Z 2023-11-05T11:00:00Z" {
		t.Errorf("window %s", got)
	}
	if m.Status != window.InProgress || p.Status != "" || string(p.Timeline[0].Status) != "in_progress" || m.Line != 5 {
		t.Errorf("status %q, article status %q, entry %q, line %d", m.Status, p.Status, p.Timeline[0].Status, m.Line)
	}
	if p, err := Parse("content/en/incidents/x.md", []byte(good), time.UTC); err != nil || p.Maintenance != nil {
		t.Errorf("an incident: %v, window %v", err, p.Maintenance)
	}
	// The section is a URL segment: Maintenance/ is the same folder.
	if p, err := Parse("content/fa/Maintenance/db.md", maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 11:00"`), time.UTC); err != nil || p.Maintenance == nil {
		t.Errorf("content/fa/Maintenance/: %v", err)
	}
}

func TestParseMaintenanceErrors(t *testing.T) {
	cases := []struct {
		name, file string
		src        []byte
		line       int
		msg, hint  string
	}{
		{"no starts", maintFile, maintSrc(`ends = "2023-11-06 11:00"`), 1, "starts", ""},
		{"no ends", maintFile, maintSrc(`starts = "2023-11-06 10:00"`), 1, "ends", ""},
		{"ends first", maintFile, maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 09:00"`), 6, "at or before it starts", "after starts"},
		{"equal", maintFile, maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 10:00"`), 6, "at or before it starts", ""},
		// 2023-11-05 01:30 happened twice in Los Angeles; 2023-03-12 02:30 never did.
		{"ambiguous start", maintFile, maintSrc(`starts = "2023-11-05 01:30"`, `ends = "2023-11-05 04:00"`), 5, "starts", "-07:00"},
		{"skipped end", maintFile, maintSrc(`starts = "2023-03-12 01:00"`, `ends = "2023-03-12 02:30"`), 6, "ends", ""},
		{"offset not the zone's", maintFile, maintSrc(`starts = "2023-11-06T10:00:00-07:00"`, `ends = "2023-11-06 11:00"`), 5, "-07:00", ""},
		{"datetime, not string", maintFile, maintSrc(`starts = 2023-11-06T10:00:00Z`, `ends = "2023-11-06 11:00"`), 5, "string", ""},
		{"status", maintFile, maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 11:00"`, `status = "resolved"`), 7, "not one of scheduled, in_progress, completed, cancelled", ""},
		{"status typo", maintFile, maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 11:00"`, `status = "canceled"`), 7, "not one of", "cancelled"},
		{"entry status", maintFile, maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 11:00"`, "[[timeline]]", `at = "2023-11-06 09:00"`, `status = "resolved"`, `text = "x"`), 9, "not one of", "the window's"},
		{"window outside the section", "content/en/incidents/db.md", maintSrc(`starts = "2023-11-06 10:00"`, `ends = "2023-11-06 11:00"`), 5, "not in the maintenance section", "content/en/maintenance/"},
	}
	for _, c := range cases {
		_, err := Parse(c.file, c.src, time.UTC)
		ds := diag.Flatten(err)
		if len(ds) == 0 {
			t.Errorf("%s: parsed, want an error", c.name)
			continue
		}
		d := ds[0]
		for _, o := range ds {
			if strings.Contains(o.Msg, "unknown key") {
				t.Errorf("%s: also %q", c.name, o.Msg)
			}
		}
		if d.File != c.file || (c.line > 0 && d.Line != c.line) || !strings.Contains(d.Msg, c.msg) || !strings.Contains(d.Hint+d.Msg, c.hint) {
			t.Errorf("%s: got %s:%d %q (hint %q); want line %d, %q, hint %q", c.name, d.File, d.Line, d.Msg, d.Hint, c.line, c.msg, c.hint)
		}
	}
}
