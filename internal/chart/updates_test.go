package chart

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// updateMarks returns the update marks (class "u") in document order.
func updateMarks(root *node) []*node {
	var out []*node
	for _, p := range root.all("path") {
		if p.hasClass("u") {
			out = append(out, p)
		}
	}
	return out
}

// markX is the x of the mark's tip: its path is "M<x-2.5> 0h5l-2.5 5z".
func markX(t *testing.T, p *node) float64 {
	t.Helper()
	var x float64
	d := strings.TrimPrefix(p.attr["d"], "M")
	if _, err := fmtSscan(d, &x); err != nil {
		t.Fatalf("mark path %q: %v", p.attr["d"], err)
	}
	return x + 2.5
}

// TestTimelineUpdatesMarked: every update is marked, in order, at least a few units apart even
// when two came within seconds inside one long phase; each mark names its update.
func TestTimelineUpdatesMarked(t *testing.T) {
	t0 := time.Date(2023, 11, 8, 0, 0, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	ph := []Phase{
		{Status: "investigating", Label: "Investigating", Start: at(0), End: at(11 * time.Hour)},
		{Status: "identified", Label: "Identified", Start: at(11 * time.Hour), End: at(12 * time.Hour)},
		{Status: "resolved", Label: "Resolved", Start: at(12 * time.Hour), End: at(12 * time.Hour)},
	}
	ups := []Update{
		{At: at(0), Label: "00:00 Investigating"},
		{At: at(5 * time.Hour), Label: "05:00 update"},
		{At: at(5*time.Hour + 20*time.Second), Label: "05:00 another update"},
		{At: at(11 * time.Hour), Label: "11:00 Identified"},
		{At: at(12 * time.Hour), Label: "12:00 Resolved"},
	}
	for _, rtl := range []bool{false, true} {
		_, root := render(t, TimelineSpec{Phases: ph, Updates: ups, Zone: time.UTC, RTL: rtl, Tick: enTick, Title: "x"})
		marks := updateMarks(root)
		if len(marks) != len(ups) {
			t.Fatalf("rtl=%v: %d update marks, want %d", rtl, len(marks), len(ups))
		}
		for i, m := range marks {
			if got := m.all("title"); len(got) != 1 || got[0].text != ups[i].Label {
				t.Errorf("rtl=%v: mark %d is not titled %q", rtl, i, ups[i].Label)
			}
			if i == 0 {
				continue
			}
			step := markX(t, m) - markX(t, marks[i-1])
			if rtl {
				step = -step
			}
			if step < tlMinBand-0.1 {
				t.Errorf("rtl=%v: mark %d is %.1f after mark %d, want at least %v", rtl, i, step, i-1, tlMinBand)
			}
		}
	}
}

// TestTimelineDesc: the text equivalent is the caller's when given (every update, in words), and
// the phase list otherwise.
func TestTimelineDesc(t *testing.T) {
	s := enTimeline(t)
	s.Desc = "03:52 Investigating; 14:02 Identified; 15:33 Monitoring; 15:46 Resolved"
	_, root := render(t, s)
	if d := root.all("desc"); len(d) != 1 || d[0].text != s.Desc {
		t.Errorf("desc = %v, want %q", d, s.Desc)
	}
	s.Desc = ""
	_, root = render(t, s)
	if d := root.all("desc"); len(d) != 1 || d[0].text != "Investigating → Identified → Monitoring → Resolved" {
		t.Errorf("desc without Desc = %q", d[0].text)
	}
}

// TestTimelineFillsColumn: the picture scales to its column (viewBox, width 100%, no fixed
// height), so a phone's column is used whole; nothing caps it below a phone's width.
func TestTimelineFillsColumn(t *testing.T) {
	out, root := render(t, enTimeline(t))
	if root.attr["width"] != "100%" || root.attr["viewBox"] == "" || root.attr["height"] != "" {
		t.Errorf("svg width=%q viewBox=%q height=%q", root.attr["width"], root.attr["viewBox"], root.attr["height"])
	}
	if strings.Contains(out, "max-width:2") || strings.Contains(out, "max-width:1") {
		t.Errorf("a max-width below a phone's column: %s", out[:200])
	}
}

func fmtSscan(s string, x *float64) (int, error) { return fmt.Sscan(s, x) }
