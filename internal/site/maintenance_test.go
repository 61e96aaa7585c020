package site

import (
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/window"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// wallAt is a wall time in zone, checked to be one the clock showed once.
func wallAt(t *testing.T, s string, loc *time.Location) time.Time {
	t.Helper()
	tm, err := timeline.ParseAt(s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// TestMaintenanceStatus: where a window stands at the reference instant — written, by an update,
// or by the clock — for windows across Tehran's 2021 start of summer time, Los Angeles's fall-back
// and Lord Howe's half-hour change, at instants just inside and outside each end.
func TestMaintenanceStatus(t *testing.T) {
	teh, lax, lhi := zone(t, "Asia/Tehran"), zone(t, "America/Los_Angeles"), zone(t, "Australia/Lord_Howe")
	type upd struct {
		at string
		st window.Status
	}
	cases := []struct {
		name       string
		loc        *time.Location
		starts     string
		ends       string
		given      window.Status
		updates    []upd
		ref        string // in loc
		want       window.Status
		upcoming   bool
		excludedTo string // the end of the span uptime leaves out, "" when none
	}{
		{"tehran before", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", nil, "2021-03-21 22:59", window.Scheduled, true, ""},
		{"tehran at start", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", nil, "2021-03-21 23:00", window.InProgress, true, ""},
		// 01:30 +0430 is 21:00 UTC: inside the window (19:30–21:30 UTC) though after "02:00" minus an hour.
		{"tehran inside after the change", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", nil, "2021-03-22 01:30", window.InProgress, true, ""},
		{"tehran at end", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", nil, "2021-03-22 02:00", window.Completed, false, "2021-03-22 02:00"},
		{"la fall-back, second 01:30", lax, "2021-11-07T00:30:00-07:00", "2021-11-07 03:00", "", nil, "2021-11-07T01:30:00-08:00", window.InProgress, true, ""},
		{"la completed early by an update", lax, "2021-11-07T00:30:00-07:00", "2021-11-07 03:00", "", []upd{{"2021-11-07 02:40", window.Completed}}, "2021-11-07 02:50", window.Completed, false, "2021-11-07 02:40"},
		{"la update after the reference is not yet known", lax, "2021-11-07T00:30:00-07:00", "2021-11-07 03:00", "", []upd{{"2021-11-07 02:40", window.Completed}}, "2021-11-07 02:30", window.InProgress, true, ""},
		{"lord howe just before the end", lhi, "2021-04-04T01:00:00+11:00", "2021-04-04 03:00", "", nil, "2021-04-04 02:59", window.InProgress, true, ""},
		{"lord howe after", lhi, "2021-04-04T01:00:00+11:00", "2021-04-04 03:00", "", nil, "2021-04-05 00:00", window.Completed, false, "2021-04-04 03:00"},
		{"written cancelled wins over the clock", teh, "2021-03-21 23:00", "2021-03-22 02:00", window.Cancelled, nil, "2021-03-21 23:30", window.Cancelled, false, ""},
		{"cancelled by an update", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", []upd{{"2021-03-20 10:00", window.Cancelled}}, "2021-03-21 23:30", window.Cancelled, false, ""},
		{"begun early by an update", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", []upd{{"2021-03-21 22:30", window.InProgress}}, "2021-03-21 22:45", window.InProgress, true, ""},
		{"runs over: an in progress update posted after the end", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", []upd{{"2021-03-21 23:10", window.InProgress}, {"2021-03-22 02:30", window.InProgress}}, "2021-03-22 05:00", window.InProgress, true, ""},
		{"runs over, then completed", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", []upd{{"2021-03-22 02:30", window.InProgress}, {"2021-03-22 03:00", window.Completed}}, "2021-03-22 05:00", window.Completed, false, "2021-03-22 02:00"},
		{"in progress update, but over", teh, "2021-03-21 23:00", "2021-03-22 02:00", "", []upd{{"2021-03-21 23:10", window.InProgress}}, "2021-03-22 03:00", window.Completed, false, "2021-03-22 02:00"},
		{"written completed before the end", teh, "2021-03-21 23:00", "2021-03-22 02:00", window.Completed, nil, "2021-03-22 01:10", window.Completed, false, "2021-03-22 02:00"},
	}
	for _, c := range cases {
		p := &content.Page{Maintenance: &content.Maintenance{
			Window: window.Window{Start: wallAt(t, c.starts, c.loc), End: wallAt(t, c.ends, c.loc)}, Status: c.given}}
		for _, u := range c.updates {
			p.Timeline = append(p.Timeline, timeline.Entry{At: wallAt(t, u.at, c.loc), Status: timeline.Status(u.st)})
		}
		ref := wallAt(t, c.ref, c.loc)
		if got := MaintenanceStatus(p, ref); got != c.want {
			t.Errorf("%s: status %s, want %s", c.name, got, c.want)
		}
		s := &Site{Reference: ref}
		pages := []*Page{{Page: p}}
		if got := len(s.Upcoming(pages)) == 1; got != c.upcoming {
			t.Errorf("%s: upcoming %v, want %v", c.name, got, c.upcoming)
		}
		if got := len(s.PastMaintenance(pages)) == 1; got == c.upcoming {
			t.Errorf("%s: past %v, want %v", c.name, got, !c.upcoming)
		}
		ex := MaintenanceExcluded(pages, ref)
		switch {
		case c.excludedTo == "" && len(ex) != 0:
			t.Errorf("%s: uptime leaves out %v, want nothing", c.name, ex)
		case c.excludedTo != "" && (len(ex) != 1 || !ex[0].Start.Equal(p.Maintenance.Start) || !ex[0].End.Equal(wallAt(t, c.excludedTo, c.loc))):
			t.Errorf("%s: uptime leaves out %v, want from the start to %s", c.name, ex, c.excludedTo)
		}
	}
}

// TestUpcomingOrder: in progress first (the earliest begun first), then the soonest to start; a
// page that is no window is never listed; outages leave out completed maintenance of the service.
func TestUpcomingOrder(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2024, 5, 1, h, 0, 0, 0, time.UTC) }
	mk := func(name string, a, b int) *Page {
		return &Page{Key: name, Page: &content.Page{Maintenance: &content.Maintenance{Window: window.Window{Start: at(a), End: at(b)}}}}
	}
	incident := &Page{Key: "incident", Page: &content.Page{Timeline: timeline.Timeline{
		{At: at(1), Status: timeline.Investigating}, {At: at(6), Status: timeline.Resolved}}}}
	pages := []*Page{mk("later", 20, 21), mk("soon", 12, 13), incident, mk("running-late", 9, 14), mk("running", 8, 11), mk("done", 2, 4)}
	s := &Site{Reference: at(10)}
	var got []string
	for _, p := range s.Upcoming(pages) {
		got = append(got, p.Key)
	}
	if want := "running running-late soon later"; join(got) != want {
		t.Errorf("upcoming %q, want %q", join(got), want)
	}
	out := Outages(pages, s.Reference)
	// The incident 01:00–06:00 less the completed window 02:00–04:00.
	if len(out) != 2 || !out[0].Start.Equal(at(1)) || !out[0].End.Equal(at(2)) || !out[1].Start.Equal(at(4)) || !out[1].End.Equal(at(6)) {
		t.Errorf("outages %v", out)
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}
