package chart

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func renderUp(t testing.TB, s UptimeSpec) (string, *node) {
	t.Helper()
	out, err := Uptime(s)
	if err != nil {
		t.Fatalf("Uptime: %v", err)
	}
	return string(out), parseSVG(t, string(out))
}

type cell struct {
	x     float64
	class string
	title string
}

// cells returns the day cells keyed by their tooltip.
func cells(t *testing.T, root *node) map[string]cell {
	out := map[string]cell{}
	for _, g := range root.all("g") {
		for _, p := range g.kids {
			if p.name != "path" {
				t.Fatalf("<%s> in a cell group", p.name)
			}
			var x, w, h float64
			if _, err := fmt.Sscanf(p.attr["d"], "M%g 0h%gv%gh", &x, &w, &h); err != nil {
				t.Fatalf("cell d=%q: %v", p.attr["d"], err)
			}
			title := ""
			if len(p.kids) == 1 && p.kids[0].name == "title" {
				title = p.kids[0].text
			}
			if _, dup := out[title]; dup {
				t.Fatalf("two cells titled %q", title)
			}
			out[title] = cell{x, g.attr["class"], title}
		}
	}
	return out
}

func TestDowntimeLevel(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want int
	}{
		{-time.Nanosecond, -1}, {0, 0}, {time.Second, 1}, {29*time.Minute + 59*time.Second, 1},
		{30 * time.Minute, 2}, {time.Hour + 59*time.Minute, 2}, {2 * time.Hour, 3}, {7*time.Hour + 59*time.Minute, 3},
		{8 * time.Hour, 4}, {11*time.Hour + 54*time.Minute, 4}, {24 * time.Hour, 4}, {48 * time.Hour, 4},
	} {
		if got := DowntimeLevel(c.d); got != c.want {
			t.Errorf("DowntimeLevel(%v) = %d, want %d", c.d, got, c.want)
		}
	}
}

func TestUptimeShading(t *testing.T) {
	spec := enUptime()
	_, root := renderUp(t, spec)
	cs := cells(t, root)
	if len(cs) != 90 {
		t.Fatalf("want 90 cells, got %d", len(cs))
	}
	for _, d := range spec.Days {
		c, ok := cs[d.Label]
		if !ok {
			t.Fatalf("no cell for %q", d.Label)
		}
		want := map[int]string{-1: "up-n", 0: "up-0", 1: "up-1", 2: "up-2", 3: "up-3", 4: "up-4"}[DowntimeLevel(d.Downtime)]
		if c.class != want {
			t.Errorf("%q: class %q, want %q", d.Label, c.class, want)
		}
	}
	want := map[string]int{"up-n": 5, "up-0": 79, "up-1": 2, "up-2": 1, "up-3": 2, "up-4": 1}
	got := map[string]int{}
	for _, c := range cs {
		got[c.class]++
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("classes %v, want %v", got, want)
	}
	style := root.all("style")[0].text
	for _, v := range []string{".up-0{fill:var(--ok,", ".up-4{fill:var(--bad,", ".up-n{fill:var(--rule,"} {
		if !strings.Contains(style, v) {
			t.Errorf("style lacks %q", v)
		}
	}
}

func TestUptimeOrder(t *testing.T) {
	for _, rtl := range []bool{false, true} {
		spec := enUptime()
		spec.RTL = rtl
		_, root := renderUp(t, spec)
		cs := cells(t, root)
		prev := 0.0
		for i, d := range spec.Days {
			x := cs[d.Label].x
			if i > 0 && (rtl && x >= prev || !rtl && x <= prev) {
				t.Fatalf("rtl=%v: day %d at x=%v, day %d at x=%v", rtl, i-1, prev, i, x)
			}
			prev = x
		}
		oldest, newest := cs[spec.Days[0].Label].x, cs[spec.Days[89].Label].x
		if rtl != (oldest > newest) {
			t.Errorf("rtl=%v: oldest at %v, newest at %v", rtl, oldest, newest)
		}
		if oldest != 0 && newest != 0 {
			t.Errorf("rtl=%v: the bar does not start at x=0", rtl)
		}
		// Labels: the start label under the oldest end, the end label under the newest.
		for _, tx := range root.all("text") {
			x := tx.num(t, "x")
			anchor := tx.attr["text-anchor"]
			if anchor == "" {
				anchor = "start"
			}
			var atLeft bool
			switch tx.text {
			case spec.StartLabel:
				atLeft = !rtl
			case spec.EndLabel:
				atLeft = rtl
			default:
				t.Fatalf("unexpected text %q", tx.text)
			}
			// With direction="rtl", "start" is the right end of the text.
			if atLeft && (x > 0 || anchor != anchorFor(true, rtl)) || !atLeft && (x < viewW-1 || anchor != anchorFor(false, rtl)) {
				t.Errorf("rtl=%v: %q at x=%v anchor=%s", rtl, tx.text, x, anchor)
			}
		}
	}
}

// anchorFor is the text-anchor that makes text run inwards from the left (or right) edge.
func anchorFor(left, rtl bool) string {
	if left == !rtl {
		return "start"
	}
	return "end"
}

func TestUptimeLabels(t *testing.T) {
	s := enUptime()
	s.StartLabel = strings.Repeat("a very long start label ", 3)
	s.EndLabel = strings.Repeat("and a long end label ", 3)
	_, root := renderUp(t, s)
	texts := root.all("text")
	if len(texts) != 2 || texts[0].attr["y"] == texts[1].attr["y"] {
		t.Errorf("long labels share a row")
	}
	s.StartLabel, s.EndLabel = "", ""
	_, root = renderUp(t, s)
	if len(root.all("text")) != 0 {
		t.Errorf("empty labels drawn")
	}
	// A day without a tooltip is a bare cell.
	s = enUptime()
	s.Days = []Day{{}, {Downtime: time.Hour}}
	out, root := renderUp(t, s)
	if len(root.all("title")) != 1 || len(root.all("path")) != 2 || !strings.Contains(out, `v30h-223"/>`) {
		t.Errorf("days without labels: %s", out)
	}
}

func TestUptimeErrorsAndEscaping(t *testing.T) {
	if out, err := Uptime(UptimeSpec{}); err == nil || out != "" {
		t.Errorf("no days: got (%q, %v)", out, err)
	}
	evil := `<script>alert("x" & 'y')</script>`
	s := UptimeSpec{
		Days:       []Day{{Label: evil}, {Downtime: 9 * time.Hour, Label: `"><img src=x>`}},
		Title:      evil,
		StartLabel: evil,
		EndLabel:   `'quoted'`,
		ID:         `x"y`,
	}
	out, root := renderUp(t, s)
	for _, bad := range []string{"<script", "<img", `x"y`} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	if root.all("title")[0].text != evil || root.attr["aria-labelledby"] != "x-y-t" {
		t.Errorf("title %q, aria-labelledby %q", root.all("title")[0].text, root.attr["aria-labelledby"])
	}
	cs := cells(t, root)
	if cs[evil].class != "up-0" || cs[`"><img src=x>`].class != "up-4" {
		t.Errorf("cells: %v", cs)
	}
}

func TestUptimeDeterministicAndSize(t *testing.T) {
	for _, s := range []UptimeSpec{enUptime(), faUptime()} {
		a, _ := renderUp(t, s)
		if b, _ := renderUp(t, s); a != b {
			t.Fatal("two renderings differ")
		}
		text := 0
		for _, d := range s.Days {
			text += len(d.Label)
		}
		t.Logf("rtl=%v: %d bytes, of which %d are the tooltips' own text", s.RTL, len(a), text)
		// The markup is within the budget; Persian tooltips (2 bytes a letter in UTF-8) add
		// their own weight on top.
		if len(a)-text >= 8192-90*26 {
			t.Errorf("rtl=%v: %d bytes of markup", s.RTL, len(a)-text)
		}
		if !s.RTL && len(a) >= 8192 {
			t.Errorf("English bar is %d bytes, want < 8 KB", len(a))
		}
	}
}
