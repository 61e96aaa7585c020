package window

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/timeline"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := timeline.LoadZone(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// cases are windows across midnight and across clock changes in Tehran (daylight time until
// 2022), Los Angeles and Lord Howe (a half-hour change), read by a reader in another zone.
var cases = []struct {
	name                string
	source              string
	starts, ends        string
	reader              string
	duration            time.Duration
	days, offsetChanges bool
	clock               time.Duration
}{
	{"plain, same zone", "UTC", "2023-11-08 10:00", "2023-11-08 11:30", "UTC", 90 * time.Minute, false, false, 90 * time.Minute},
	{"across midnight for the reader", "America/Los_Angeles", "2023-11-08 12:00", "2023-11-08 14:00", "Asia/Tehran", 2 * time.Hour, true, false, 2 * time.Hour},
	{"ends at the reader's midnight", "UTC", "2023-11-08 18:30", "2023-11-08 20:30", "Asia/Tehran", 2 * time.Hour, false, false, 2 * time.Hour},
	{"LA fall back, source and reader", "America/Los_Angeles", "2023-11-05T00:30:00-07:00", "2023-11-05T02:30:00-08:00", "America/Los_Angeles", 3 * time.Hour, false, true, 2 * time.Hour},
	{"LA fall back, read in Tehran", "America/Los_Angeles", "2023-11-05T00:30:00-07:00", "2023-11-05T02:30:00-08:00", "Asia/Tehran", 3 * time.Hour, false, false, 3 * time.Hour},
	{"LA spring forward", "America/Los_Angeles", "2024-03-10 01:00", "2024-03-10 04:00", "America/Los_Angeles", 2 * time.Hour, false, true, 3 * time.Hour},
	{"Tehran 2021 spring forward at midnight", "Asia/Tehran", "2021-03-21 23:00", "2021-03-22 02:00", "Asia/Tehran", 2 * time.Hour, true, true, 3 * time.Hour},
	{"Tehran 2021 fall back", "Asia/Tehran", "2021-09-21 22:00", "2021-09-22 01:00", "Asia/Tehran", 4 * time.Hour, true, true, 3 * time.Hour},
	{"Tehran 2023: no clock change", "Asia/Tehran", "2023-03-21 23:00", "2023-03-22 02:00", "Asia/Tehran", 3 * time.Hour, true, false, 3 * time.Hour},
	{"Lord Howe half-hour forward", "Australia/Lord_Howe", "2023-10-01 01:00", "2023-10-01 04:00", "Australia/Lord_Howe", 150 * time.Minute, false, true, 3 * time.Hour},
	{"Lord Howe half-hour back", "Australia/Lord_Howe", "2023-04-02T01:00:00+11:00", "2023-04-02T03:00:00+10:30", "Australia/Lord_Howe", 150 * time.Minute, false, true, 2 * time.Hour},
	{"Lord Howe read in LA", "Australia/Lord_Howe", "2023-10-01 01:00", "2023-10-01 04:00", "America/Los_Angeles", 150 * time.Minute, false, false, 150 * time.Minute},
	{"a week over LA's change", "America/Los_Angeles", "2023-11-01 00:00", "2023-11-08 00:00", "America/Los_Angeles", 7*24*time.Hour + time.Hour, true, true, 7 * 24 * time.Hour},
	{"the same week in London, whose change came earlier", "America/Los_Angeles", "2023-11-01 00:00", "2023-11-08 00:00", "Europe/London", 7*24*time.Hour + time.Hour, true, false, 7*24*time.Hour + time.Hour},
	{"a long window over two changes, back where it began", "Australia/Lord_Howe", "2023-03-01 00:00", "2023-11-01 00:00", "UTC", 5880 * time.Hour, true, false, 5880 * time.Hour},
	{"the same window on Lord Howe's clock", "Australia/Lord_Howe", "2023-03-01 00:00", "2023-11-01 00:00", "Australia/Lord_Howe", 5880 * time.Hour, true, true, 5880 * time.Hour},
}

func TestWindows(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := Parse(c.starts, c.ends, zone(t, c.source))
			if err != nil {
				t.Fatal(err)
			}
			if w.Duration() != c.duration {
				t.Errorf("duration %v, want %v", w.Duration(), c.duration)
			}
			r := w.In(zone(t, c.reader))
			if r.Days != c.days || r.OffsetChange != c.offsetChanges || r.Clock != c.clock {
				t.Errorf("in %s: days %v, offset change %v, clock %v; want %v, %v, %v", c.reader, r.Days, r.OffsetChange, r.Clock, c.days, c.offsetChanges, c.clock)
			}
		})
	}
}

// TestWindowsAgainstZoneinfo: Python's zoneinfo, an independent reading of the zone database,
// gives the same instants for the cases' times and the same clock readings for the reader.
func TestWindowsAgainstZoneinfo(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	type row struct{ Source, Starts, Ends, Reader string }
	var rows []row
	for _, c := range cases {
		rows = append(rows, row{c.source, c.starts, c.ends, c.reader})
	}
	in, _ := json.Marshal(rows)
	script := `
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
out = []
for r in json.load(sys.stdin):
    src = ZoneInfo(r["Source"])
    def read(s):
        d = datetime.fromisoformat(s.replace(" ", "T"))
        return d if d.tzinfo else d.replace(tzinfo=src)
    a, b = read(r["Starts"]), read(r["Ends"])
    rd = ZoneInfo(r["Reader"])
    ra, rb = a.astimezone(rd), b.astimezone(rd)
    wall = (rb.replace(tzinfo=None) - ra.replace(tzinfo=None)).total_seconds()
    # Aware datetimes of one tzinfo subtract as wall clocks in Python: go through UTC for the real length.
    real = (b.astimezone(timezone.utc) - a.astimezone(timezone.utc)).total_seconds()
    out.append({"seconds": int(real), "clock": int(wall),
                "start": a.astimezone(timezone.utc).isoformat(), "end": b.astimezone(timezone.utc).isoformat()})
print(json.dumps(out))
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var got []struct {
		Seconds, Clock int64
		Start, End     string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		w, err := Parse(c.starts, c.ends, zone(t, c.source))
		if err != nil {
			t.Fatal(err)
		}
		r := w.In(zone(t, c.reader))
		g := got[i]
		if int64(w.Duration()/time.Second) != g.Seconds || int64(r.Clock/time.Second) != g.Clock ||
			w.Start.UTC().Format("2006-01-02T15:04:05+00:00") != g.Start || w.End.UTC().Format("2006-01-02T15:04:05+00:00") != g.End {
			t.Errorf("%s: Go %v…%v (%v, clock %v); zoneinfo %s…%s (%ds, clock %ds)", c.name, w.Start.UTC(), w.End.UTC(), w.Duration(), r.Clock, g.Start, g.End, g.Seconds, g.Clock)
		}
	}
}

func TestParseErrors(t *testing.T) {
	la := zone(t, "America/Los_Angeles")
	for _, c := range []struct {
		starts, ends string
		want         any
		text         string
	}{
		{"2023-11-05 01:30", "2023-11-05 03:00", new(*timeline.AmbiguousError), "starts: "},
		{"2024-03-10 01:00", "2024-03-10 02:30", new(*timeline.NonexistentError), "ends: "},
		{"2023-11-08T10:00:00-07:00", "2023-11-08 12:00", new(*timeline.OffsetError), "starts: "},
		{"2023-11-08 12:00", "2023-11-08 12:00", new(*OrderError), "ends must come after starts"},
		{"2023-11-08 12:00", "2023-11-08 11:00", new(*OrderError), "the window ends (2023-11-08T11:00:00-08:00) at or before it starts (2023-11-08T12:00:00-08:00)"},
	} {
		_, err := Parse(c.starts, c.ends, la)
		if err == nil || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%s … %s: %v, want %q", c.starts, c.ends, err, c.text)
			continue
		}
		switch target := c.want.(type) {
		case **timeline.AmbiguousError:
			if !errors.As(err, target) {
				t.Errorf("%s: %T, want an AmbiguousError", c.starts, err)
			}
		case **timeline.NonexistentError:
			if !errors.As(err, target) {
				t.Errorf("%s: %T, want a NonexistentError", c.ends, err)
			}
		case **timeline.OffsetError:
			if !errors.As(err, target) {
				t.Errorf("%s: %T, want an OffsetError", c.starts, err)
			}
		case **OrderError:
			if !errors.As(err, target) {
				t.Errorf("%s: %T, want an OrderError", c.starts, err)
			}
		}
	}
}

func TestStatusAt(t *testing.T) {
	w, err := Parse("2023-11-08 10:00", "2023-11-08 12:00", zone(t, "UTC"))
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	for _, c := range []struct {
		ref      string
		given    Status
		want     Status
		upcoming bool
	}{
		{"2023-11-08T09:59:59Z", "", Scheduled, true},
		{"2023-11-08T10:00:00Z", "", InProgress, true},
		{"2023-11-08T11:59:59Z", "", InProgress, true},
		{"2023-11-08T12:00:00Z", "", Completed, false},
		{"2023-11-07T00:00:00Z", Cancelled, Cancelled, false},
		{"2023-11-09T00:00:00Z", InProgress, InProgress, true}, // written: the work runs over until it is completed
		{"2023-11-09T00:00:00Z", Scheduled, Scheduled, false},  // written, but over: not announced
		{"2023-11-07T00:00:00Z", Completed, Completed, false},
	} {
		got := w.StatusAt(at(c.ref), c.given)
		if got != c.want || w.Upcoming(at(c.ref), got) != c.upcoming {
			t.Errorf("at %s (given %q): %s, upcoming %v; want %s, %v", c.ref, c.given, got, w.Upcoming(at(c.ref), got), c.want, c.upcoming)
		}
	}
	for _, s := range []string{"scheduled", "in_progress", "completed", "cancelled", ""} {
		if _, err := ParseStatus(s); err != nil {
			t.Errorf("ParseStatus(%q): %v", s, err)
		}
	}
	if _, err := ParseStatus("done"); err == nil {
		t.Error("ParseStatus(done): no error")
	}
}
