package timeline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func entry(t *testing.T, at, zone string, st Status, line int) Entry {
	t.Helper()
	tm, err := ParseAt(at, mustZone(t, zone))
	if err != nil {
		t.Fatal(err)
	}
	return Entry{At: tm, Status: st, Text: "update", Line: line}
}

func TestTimeline(t *testing.T) {
	tl := Timeline{
		entry(t, "2023-11-07 19:52", la, Investigating, 10),
		entry(t, "2023-11-08 07:22", tehran, "", 14), // the same instant, written in Tehran
		entry(t, "2023-11-07 21:10", la, Identified, 18),
		entry(t, "2023-11-08T06:00:00Z", la, "", 22),
		entry(t, "2023-11-08 07:46", la, Resolved, 26),
		entry(t, "2023-11-08 09:00", la, Monitoring, 30), // reopened for monitoring
		entry(t, "2023-11-08 10:00", la, "", 34),
	}
	if err := tl.Check(); err != nil {
		t.Fatal(err)
	}
	if s, ok := tl.Start(); !ok || UTCString(s) != "2023-11-08T03:52:00Z" {
		t.Errorf("Start = %v, %v", s, ok)
	}
	if r, ok := tl.Resolved(); !ok || UTCString(r) != "2023-11-08T15:46:00Z" {
		t.Errorf("Resolved = %v, %v", r, ok)
	}
	if d, ok := tl.Duration(); !ok || d != 11*time.Hour+54*time.Minute {
		t.Errorf("Duration = %v, %v", d, ok)
	}
	for _, c := range []struct {
		i    int
		want time.Duration
	}{{0, 0}, {1, 0}, {2, 78 * time.Minute}, {3, 128 * time.Minute}, {4, 11*time.Hour + 54*time.Minute}} {
		if got := tl.Elapsed(c.i); got != c.want {
			t.Errorf("Elapsed(%d) = %v, want %v", c.i, got, c.want)
		}
	}
	if st := tl.Status(); st != Monitoring {
		t.Errorf("Status = %q", st)
	}
	if st := tl[:4].Status(); st != Identified {
		t.Errorf("Status = %q", st)
	}
	if _, ok := tl[:4].Duration(); ok {
		t.Error("Duration of an unresolved incident")
	}
	if st := tl[1:2].Status(); st != "" {
		t.Errorf("Status = %q", st)
	}
}

// Across a fall-back, an hour of wall time passes twice: durations count real time.
func TestDurationAcrossFallBack(t *testing.T) {
	tl := Timeline{
		entry(t, "2023-11-05 00:30", la, Investigating, 0),
		entry(t, "2023-11-05T01:30:00-08:00", la, Resolved, 0),
	}
	if d, ok := tl.Duration(); !ok || d != 2*time.Hour {
		t.Errorf("Duration = %v, %v; want 2h", d, ok)
	}
	tl = Timeline{
		entry(t, "2021-09-21 12:00", tehran, Investigating, 0),
		entry(t, "2021-09-22 12:00", tehran, Resolved, 0),
	}
	if d, ok := tl.Duration(); !ok || d != 25*time.Hour {
		t.Errorf("Duration = %v, %v; want 25h", d, ok)
	}
}

func TestEmptyTimeline(t *testing.T) {
	var tl Timeline
	if err := tl.Check(); err != nil {
		t.Error(err)
	}
	if _, ok := tl.Start(); ok {
		t.Error("Start of an empty timeline")
	}
	if _, ok := tl.Resolved(); ok {
		t.Error("Resolved of an empty timeline")
	}
	if _, ok := tl.Duration(); ok {
		t.Error("Duration of an empty timeline")
	}
	if st := tl.Status(); st != "" {
		t.Errorf("Status = %q", st)
	}
}

func TestCheckOrder(t *testing.T) {
	tl := Timeline{
		entry(t, "2023-11-07 19:52", la, Investigating, 10),
		entry(t, "2023-11-08 09:00", la, "", 14),
		entry(t, "2023-11-08 07:46", la, Resolved, 18),
		entry(t, "2023-11-08 07:00", la, "", 22),
	}
	err := tl.Check()
	var oe *OrderError
	if !errors.As(err, &oe) {
		t.Fatalf("Check = %v, want *OrderError", err)
	}
	if _, direct := err.(*OrderError); !direct {
		t.Error("Check wraps the *OrderError")
	}
	if oe.Index != 2 || oe.Cur.Line != 18 || oe.Prev.Line != 14 {
		t.Errorf("OrderError %+v", oe)
	}
	for _, want := range []string{"order", "line 18", "line 14", "2023-11-08 07:46 PST", "2023-11-08T15:46:00Z",
		"2023-11-08 09:00 PST", "2023-11-08T17:00:00Z", "chronological"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	// Compared as instants, not as wall times: 07:22 in Tehran is 19:52 the day before in LA.
	tl = Timeline{
		entry(t, "2023-11-07 20:00", la, "", 1),
		entry(t, "2023-11-08 07:22", tehran, "", 2),
	}
	err = tl.Check()
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "+03:30") || strings.Contains(err.Error(), "+0330") {
		t.Errorf("Check = %v", err)
	}
	// An entry without a time.
	tl = Timeline{entry(t, "2023-11-07 20:00", la, "", 1), {Line: 5}}
	if err := tl.Check(); err == nil || !strings.Contains(err.Error(), "line 5") {
		t.Errorf("Check = %v", err)
	}
}

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Status
		sug  Status
	}{
		{"", "", ""}, {"  ", "", ""},
		{"investigating", Investigating, ""}, {"identified", Identified, ""},
		{"monitoring", Monitoring, ""}, {"resolved", Resolved, ""},
		{"Resolved", Resolved, ""}, {" resolved ", Resolved, ""},
		{"resolvd", "", Resolved}, {"investigate", "", Investigating}, {"identify", "", Identified},
		{"monitor", "", Monitoring}, {"fixed", "", Resolved}, {"open", "", ""}, {"x", "", ""},
	} {
		st, err := ParseStatus(c.in)
		if st != c.want {
			t.Errorf("%q = %q, want %q", c.in, st, c.want)
		}
		wantErr := c.want == "" && strings.TrimSpace(c.in) != ""
		if (err != nil) != wantErr {
			t.Errorf("%q: error %v", c.in, err)
		}
		if err == nil {
			continue
		}
		var se *StatusError
		if !errors.As(err, &se) || se.Suggestion != c.sug {
			t.Errorf("%q: %#v", c.in, err)
		}
		for _, s := range Statuses {
			if !strings.Contains(err.Error(), string(s)) {
				t.Errorf("%q: %q does not list %q", c.in, err, s)
			}
		}
		if c.sug != "" && !strings.Contains(err.Error(), `did you mean "`+string(c.sug)+`"`) {
			t.Errorf("%q: %q", c.in, err)
		}
	}
}
