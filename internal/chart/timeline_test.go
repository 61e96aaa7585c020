package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func render(t testing.TB, s TimelineSpec) (string, *node) {
	t.Helper()
	out, err := Timeline(s)
	if err != nil {
		t.Fatalf("Timeline: %v", err)
	}
	return string(out), parseSVG(t, string(out))
}

// bands returns the tinted band rectangles by phase class, in document order.
func bands(root *node) []*node {
	var out []*node
	for _, r := range root.all("rect") {
		if r.hasClass("t") {
			out = append(out, r)
		}
	}
	return out
}

func TestTimelineErrors(t *testing.T) {
	now := time.Date(2023, 11, 8, 7, 0, 0, 0, time.UTC)
	for name, s := range map[string]TimelineSpec{
		"no phases": {Zone: time.UTC},
		"nil zone":  {Phases: []Phase{{Status: "resolved", Start: now, End: now}}},
		"end before start": {Zone: time.UTC, Phases: []Phase{
			{Status: "investigating", Start: now, End: now.Add(time.Hour)},
			{Status: "identified", Start: now.Add(time.Hour), End: now},
		}},
	} {
		out, err := Timeline(s)
		if err == nil || out != "" {
			t.Errorf("%s: got (%q, %v), want an error", name, out, err)
		}
	}
}

func TestTimelineAccessible(t *testing.T) {
	s := faTimeline(t)
	_, root := render(t, s)
	if root.attr["role"] != "img" || root.attr["aria-labelledby"] != "tl-t tl-d" {
		t.Errorf("role=%q aria-labelledby=%q", root.attr["role"], root.attr["aria-labelledby"])
	}
	if root.kids[0].name != "title" || root.kids[0].attr["id"] != "tl-t" || root.kids[0].text != s.Title {
		t.Errorf("first child is not the title: <%s id=%q>%s", root.kids[0].name, root.kids[0].attr["id"], root.kids[0].text)
	}
	desc := root.all("desc")
	if len(desc) != 1 || desc[0].attr["id"] != "tl-d" {
		t.Fatalf("want one <desc id=tl-d>, got %d", len(desc))
	}
	if want := "در حال بررسی ← شناسایی شد ← در حال پایش ← رفع شد"; desc[0].text != want {
		t.Errorf("desc = %q, want %q", desc[0].text, want)
	}
	_, root = render(t, enTimeline(t))
	if want := "Investigating → Identified → Monitoring → Resolved"; root.all("desc")[0].text != want {
		t.Errorf("desc = %q, want %q", root.all("desc")[0].text, want)
	}
	if root.attr["width"] != "100%" || !strings.HasPrefix(root.attr["viewBox"], "0 0 450 ") || root.attr["preserveAspectRatio"] == "" {
		t.Errorf("not scalable: width=%q viewBox=%q", root.attr["width"], root.attr["viewBox"])
	}
	if root.attr["fill"] != "currentColor" {
		t.Errorf("text is not currentColor: fill=%q", root.attr["fill"])
	}
	for _, tx := range root.all("text") {
		if tx.attr["fill"] != "" || tx.attr["class"] != "" {
			t.Errorf("text %q has its own colour", tx.text)
		}
	}
	style := root.all("style")[0].text
	for _, v := range []string{"var(--bad,", "var(--warn,", "var(--info,", "var(--ok,", ".ph-investigating", ".ph-identified", ".ph-monitoring", ".ph-resolved", ".ph-other"} {
		if !strings.Contains(style, v) {
			t.Errorf("style lacks %q", v)
		}
	}
}

func TestTimelineMirror(t *testing.T) {
	ltr := enTimeline(t)
	rtl := ltr
	rtl.RTL = true
	_, lr := render(t, ltr)
	_, rr := render(t, rtl)
	if lr.attr["direction"] != "ltr" || rr.attr["direction"] != "rtl" {
		t.Errorf("direction: %q, %q", lr.attr["direction"], rr.attr["direction"])
	}
	lb, rb := bands(lr), bands(rr)
	if len(lb) != 3 || len(rb) != 3 {
		t.Fatalf("want 3 bands each, got %d and %d", len(lb), len(rb))
	}
	for i := range lb {
		if lb[i].attr["class"] != rb[i].attr["class"] {
			t.Fatalf("band %d: %q vs %q", i, lb[i].attr["class"], rb[i].attr["class"])
		}
		lx, lw, rx, rw := lb[i].num(t, "x"), lb[i].num(t, "width"), rb[i].num(t, "x"), rb[i].num(t, "width")
		if math.Abs(lw-rw) > 0.11 || math.Abs(rx-(viewW-lx-lw)) > 0.21 {
			t.Errorf("band %d: RTL x=%v w=%v is not the mirror of LTR x=%v w=%v", i, rx, rw, lx, lw)
		}
		if i > 0 {
			if !(lx > lb[i-1].num(t, "x")) {
				t.Errorf("LTR: band %d is not to the right of band %d", i, i-1)
			}
			if !(rx < rb[i-1].num(t, "x")) {
				t.Errorf("RTL: band %d is not to the left of band %d", i, i-1)
			}
		}
	}
	// The earliest phase has the larger x on RTL.
	if !(rb[0].num(t, "x") > rb[2].num(t, "x")) || !(lb[0].num(t, "x") < lb[2].num(t, "x")) {
		t.Errorf("earliest band: LTR x=%v, RTL x=%v", lb[0].attr["x"], rb[0].attr["x"])
	}
	// The resolved marker is at the newest end: right on LTR, left on RTL.
	mark := func(r *node) float64 {
		for _, c := range r.all("circle") {
			if c.hasClass("h") {
				return c.num(t, "cx")
			}
		}
		t.Fatal("no marker")
		return 0
	}
	if l, r := mark(lr), mark(rr); l != viewW-tlMargin || r != tlMargin {
		t.Errorf("resolved marker at %v (LTR), %v (RTL)", l, r)
	}
	// Tick labels: same labels, mirrored positions, earliest at the right on RTL.
	lt, rt := lr.all("text"), rr.all("text")
	var lticks, rticks []*node
	for _, x := range lt {
		if x.attr["y"] == "63" {
			lticks = append(lticks, x)
		}
	}
	for _, x := range rt {
		if x.attr["y"] == "63" {
			rticks = append(rticks, x)
		}
	}
	if len(lticks) != 6 || len(rticks) != 6 {
		t.Fatalf("want 6 tick labels, got %d and %d", len(lticks), len(rticks))
	}
	for i := range lticks {
		if lticks[i].text != rticks[i].text || math.Abs(lticks[i].num(t, "x")+rticks[i].num(t, "x")-viewW) > 0.11 {
			t.Errorf("tick %d: LTR %q at %v, RTL %q at %v", i, lticks[i].text, lticks[i].attr["x"], rticks[i].text, rticks[i].attr["x"])
		}
	}
	if rticks[0].num(t, "x") < rticks[5].num(t, "x") {
		t.Errorf("RTL: the earliest tick is not at the right")
	}
	// The legend starts at the reading start: left on LTR, right on RTL.
	lleg, rleg := legendSwatches(lr), legendSwatches(rr)
	if len(lleg) != 4 || len(rleg) != 4 {
		t.Fatalf("want 4 legend swatches, got %d and %d", len(lleg), len(rleg))
	}
	for i := 1; i < 4; i++ {
		if !(lleg[i] > lleg[i-1]) || !(rleg[i] < rleg[i-1]) {
			t.Errorf("legend order: LTR %v, RTL %v", lleg, rleg)
		}
	}
}

// legendSwatches returns the x centres of the legend swatches, in document order.
func legendSwatches(root *node) []float64 {
	var xs []float64
	for _, r := range root.all("rect") {
		if r.attr["width"] == "12" && r.attr["height"] == "12" {
			var x float64
			fmt.Sscan(r.attr["x"], &x)
			xs = append(xs, x+6)
		}
	}
	for _, c := range root.all("circle") {
		if !c.hasClass("h") {
			var x float64
			fmt.Sscan(c.attr["cx"], &x)
			xs = append(xs, x)
		}
	}
	return xs
}

func TestTimelineMinimumBand(t *testing.T) {
	t0 := time.Date(2023, 11, 8, 0, 0, 0, 0, time.UTC)
	ph := []Phase{
		{Status: "investigating", Label: "Investigating", Start: t0, End: t0.Add(11 * time.Hour)},
		{Status: "identified", Label: "Identified", Start: t0.Add(11 * time.Hour), End: t0.Add(11*time.Hour + 30*time.Second)},
		{Status: "monitoring", Label: "Monitoring", Start: t0.Add(11*time.Hour + 30*time.Second), End: t0.Add(11*time.Hour + 13*time.Minute)},
		{Status: "investigating", Label: "Investigating", Start: t0.Add(11*time.Hour + 13*time.Minute), End: t0.Add(12 * time.Hour)},
		{Status: "resolved", Label: "Resolved", Start: t0.Add(12 * time.Hour), End: t0.Add(12 * time.Hour)},
	}
	for _, rtl := range []bool{false, true} {
		_, root := render(t, TimelineSpec{Phases: ph, Zone: time.UTC, RTL: rtl, Tick: enTick, Title: "x"})
		b := bands(root)
		if len(b) != 4 {
			t.Fatalf("want 4 bands, got %d", len(b))
		}
		total := 0.0
		for i, r := range b {
			w := r.num(t, "width")
			total += w
			if w < tlMinBand-0.1 {
				t.Errorf("rtl=%v: band %d (%s) is %v wide, want at least %v", rtl, i, r.attr["class"], w, tlMinBand)
			}
		}
		if math.Abs(total-(viewW-2*tlMargin)) > 0.3 {
			t.Errorf("rtl=%v: bands cover %v, want %v", rtl, total, viewW-2*tlMargin)
		}
		// The 30-second phase is at the minimum, the long ones are not squeezed much.
		if w := b[1].num(t, "width"); math.Abs(w-tlMinBand) > 0.1 {
			t.Errorf("30 s band is %v wide", w)
		}
		// Bands are contiguous.
		for i := 1; i < len(b); i++ {
			a, c := b[i-1], b[i]
			var gap float64
			if rtl {
				gap = a.num(t, "x") - (c.num(t, "x") + c.num(t, "width"))
			} else {
				gap = c.num(t, "x") - (a.num(t, "x") + a.num(t, "width"))
			}
			if math.Abs(gap) > 0.21 {
				t.Errorf("rtl=%v: gap of %v between bands %d and %d", rtl, gap, i-1, i)
			}
		}
	}
}

func TestTimelineManyShortPhases(t *testing.T) {
	t0 := time.Date(2023, 11, 8, 0, 0, 0, 0, time.UTC)
	var ph []Phase
	at := t0
	for i := range 120 {
		d := time.Minute
		if i == 60 {
			d = 30 * time.Hour
		}
		ph = append(ph, Phase{Status: "monitoring", Label: "M", Start: at, End: at.Add(d)})
		at = at.Add(d)
	}
	_, root := render(t, TimelineSpec{Phases: ph, Zone: time.UTC, Title: "x"})
	b := bands(root)
	if len(b) != 120 {
		t.Fatalf("want 120 bands, got %d", len(b))
	}
	for _, r := range b {
		x, w := r.num(t, "x"), r.num(t, "width")
		if w <= 0 || x < tlMargin-0.1 || x+w > viewW-tlMargin+0.2 {
			t.Fatalf("band x=%v w=%v outside the plot", x, w)
		}
	}
	if len(legendSwatches(root)) != 1 {
		t.Errorf("legend repeats a phase")
	}
}

func TestTimelineZeroLength(t *testing.T) {
	at := time.Date(2023, 11, 8, 7, 46, 0, 0, time.UTC)
	for _, ph := range [][]Phase{
		{{Status: "resolved", Label: "Resolved", Start: at, End: at}},
		{{Status: "investigating", Label: "Investigating", Start: at, End: at}, {Status: "resolved", Label: "Resolved", Start: at, End: at}},
	} {
		var calls []time.Time
		tick := func(t time.Time) string { calls = append(calls, t); return t.Format("15:04") }
		_, root := render(t, TimelineSpec{Phases: ph, Zone: time.UTC, Tick: tick, Title: "Resolved at 07:46"})
		if len(bands(root)) != 0 {
			t.Errorf("zero-length timeline has bands")
		}
		var marks []*node
		for _, c := range root.all("circle") {
			if c.hasClass("h") {
				marks = append(marks, c)
			}
		}
		if len(marks) != len(ph) {
			t.Fatalf("want %d markers, got %d", len(ph), len(marks))
		}
		for _, m := range marks {
			if m.num(t, "cx") != viewW/2 {
				t.Errorf("marker at %v, want the centre", m.attr["cx"])
			}
		}
		if len(calls) != 1 || !calls[0].Equal(at) {
			t.Errorf("Tick called for %v, want once for %v", calls, at)
		}
	}
}

// TestTimelineSubMinute: a 20-second timeline has its two ends ticked, but "07:22" is written once.
func TestTimelineSubMinute(t *testing.T) {
	at := time.Date(2023, 11, 8, 7, 22, 10, 0, time.UTC)
	out, root := render(t, TimelineSpec{
		Phases: []Phase{
			{Status: "investigating", Label: "Investigating", Start: at, End: at.Add(20 * time.Second)},
			{Status: "resolved", Label: "Resolved", Start: at.Add(20 * time.Second), End: at.Add(20 * time.Second)},
		},
		Zone: time.UTC, Tick: enTick, Title: "x",
	})
	if n := strings.Count(root.all("path")[0].attr["d"], "v5"); n != 2 {
		t.Errorf("%d tick marks, want 2", n)
	}
	if n := strings.Count(out, ">07:22<"); n != 1 {
		t.Errorf("label written %d times", n)
	}
	if len(bands(root)) != 1 || bands(root)[0].num(t, "width") != viewW-2*tlMargin {
		t.Errorf("the single band does not fill the plot")
	}
}

// TestTickCalls checks that Tick is called once for each drawn tick and for nothing else.
func TestTickCalls(t *testing.T) {
	for _, span := range []time.Duration{time.Minute, 13 * time.Minute, 11*time.Hour + 54*time.Minute, 3 * day, 60 * day} {
		t0 := time.Date(2023, 11, 7, 3, 52, 20, 0, time.UTC)
		var calls []string
		tick := func(t time.Time) string {
			l := t.Format("Jan 2 15:04")
			calls = append(calls, l)
			return l
		}
		out, root := render(t, TimelineSpec{
			Phases: []Phase{
				{Status: "investigating", Label: "Investigating", Start: t0, End: t0.Add(span)},
				{Status: "resolved", Label: "Resolved", Start: t0.Add(span), End: t0.Add(span)},
			},
			Zone: mustZone(t, "Asia/Tehran"), Tick: tick, Title: "x",
		})
		marks := strings.Count(root.all("path")[0].attr["d"], "v5")
		if marks != len(calls) {
			t.Errorf("span %v: %d tick marks, %d Tick calls", span, marks, len(calls))
		}
		if marks < 2 || marks > maxTicks {
			t.Errorf("span %v: %d ticks", span, marks)
		}
		labels := 0
		for _, l := range calls {
			if strings.Contains(out, ">"+l+"<") {
				labels++
			}
		}
		if labels == 0 {
			t.Errorf("span %v: no tick label drawn", span)
		}
	}
}

// TestTimelineNoOverlap uses wide tick labels: the ones that would collide are left out, and
// in-band labels are drawn only inside bands wide enough for them.
func TestTimelineNoOverlap(t *testing.T) {
	for _, rtl := range []bool{false, true} {
		s := enTimeline(t)
		s.RTL = rtl
		s.Tick = func(t time.Time) string { return "Wednesday, 8 November 2023, " + t.Format("15:04") }
		_, root := render(t, s)
		type iv struct{ a, b float64 }
		var ticksIv []iv
		for _, x := range root.all("text") {
			w := textWidth(x.text) * fontSize
			c := x.num(t, "x")
			switch x.attr["y"] {
			case "63":
				if c-w/2 < 0 || c+w/2 > viewW {
					t.Errorf("tick label %q leaves the picture", x.text)
				}
				ticksIv = append(ticksIv, iv{c - w/2, c + w/2})
			case "25":
				var band *node
				for _, b := range bands(root) {
					if bx := b.num(t, "x"); bx <= c && c <= bx+b.num(t, "width") {
						band = b
					}
				}
				if band == nil || w > band.num(t, "width") {
					t.Errorf("band label %q does not fit its band", x.text)
				}
			}
		}
		if len(ticksIv) == 0 || len(ticksIv) == 6 {
			t.Errorf("rtl=%v: %d of 6 wide tick labels kept", rtl, len(ticksIv))
		}
		for i := range ticksIv {
			for j := range i {
				if ticksIv[i].a < ticksIv[j].b && ticksIv[j].a < ticksIv[i].b {
					t.Errorf("rtl=%v: tick labels %d and %d overlap", rtl, j, i)
				}
			}
		}
	}
	// The real incident: the 1.5 h and 13 min phases are too narrow for their labels.
	_, root := render(t, faTimeline(t))
	var inBand []string
	for _, x := range root.all("text") {
		if x.attr["y"] == "25" {
			inBand = append(inBand, x.text)
		}
	}
	if len(inBand) != 1 || inBand[0] != "در حال بررسی" {
		t.Errorf("in-band labels %q, want only the first phase", inBand)
	}
}

func TestTimelineEscaping(t *testing.T) {
	evil := `<script>alert("x" & 'y')</script>`
	at := time.Date(2023, 11, 8, 7, 0, 0, 0, time.UTC)
	out, root := render(t, TimelineSpec{
		Phases: []Phase{
			{Status: `"><script>`, Label: evil, Start: at, End: at.Add(10 * time.Hour)},
			{Status: "resolved", Label: "\x00bad\x1bcontrol\xff", Start: at.Add(10 * time.Hour), End: at.Add(10 * time.Hour)},
		},
		Zone:  time.UTC,
		Tick:  func(time.Time) string { return `<b title="x">'t'</b>` },
		Title: evil + `</title>`,
		ID:    `a" onload="x<y`,
	})
	for _, bad := range []string{"<script", "<b ", "onload=\"", "</title></title>"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	if got := root.all("title")[0].text; got != evil+"</title>" {
		t.Errorf("title round trip: %q", got)
	}
	if got := root.attr["aria-labelledby"]; got != "a--onload--x-y-t a--onload--x-y-d" {
		t.Errorf("aria-labelledby = %q", got)
	}
	found := false
	for _, x := range root.all("text") {
		if x.text == evil {
			found = true
		}
		if strings.ContainsAny(x.text, "\x00\x1b") {
			t.Errorf("control character in %q", x.text)
		}
	}
	if !found {
		t.Errorf("the escaped label does not round-trip")
	}
	if !strings.Contains(out, `class="t ph-other"`) {
		t.Errorf("an unknown status does not get the neutral class")
	}
}

func TestPhaseClass(t *testing.T) {
	for in, want := range map[string]string{
		"investigating": "ph-investigating", "identified": "ph-identified", "monitoring": "ph-monitoring",
		"resolved": "ph-resolved", " Resolved ": "ph-resolved", "": "ph-other", "postmortem": "ph-other",
		"ph-resolved": "ph-other",
	} {
		if got := phaseClass(in); got != want {
			t.Errorf("phaseClass(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTimelineDeterministic(t *testing.T) {
	a, _ := render(t, faTimeline(t))
	for range 5 {
		if b, _ := render(t, faTimeline(t)); a != b {
			t.Fatal("two renderings differ")
		}
	}
}

func TestTimelineSize(t *testing.T) {
	for _, s := range []TimelineSpec{faTimeline(t), enTimeline(t)} {
		out, _ := render(t, s)
		t.Logf("rtl=%v: %d bytes", s.RTL, len(out))
		if len(out) >= 4096 {
			t.Errorf("rtl=%v: %d bytes, want < 4 KB", s.RTL, len(out))
		}
	}
}

// TestTimelineRandom throws random, valid timelines at Timeline: it must never fail or panic,
// and the output must be well-formed with every coordinate inside the picture.
func TestTimelineRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, mustZone(t, "Asia/Tehran"), mustZone(t, "America/Los_Angeles")}
	statuses := []string{"investigating", "identified", "monitoring", "resolved", "other"}
	durs := []time.Duration{0, time.Second, time.Minute, 13 * time.Minute, 2 * time.Hour, 30 * time.Hour, 40 * day}
	for i := range 1500 {
		at := time.Date(2023, 11, 5, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(1e6)) * time.Second)
		n := 1 + r.IntN(6)
		ph := make([]Phase, n)
		for j := range ph {
			d := durs[r.IntN(len(durs))]
			ph[j] = Phase{Status: statuses[r.IntN(len(statuses))], Label: strings.Repeat("x", r.IntN(30)), Start: at, End: at.Add(d)}
			at = at.Add(d)
		}
		s := TimelineSpec{Phases: ph, Zone: zones[r.IntN(len(zones))], RTL: r.IntN(2) == 0, Tick: enTick, Title: fmt.Sprint(i)}
		out, root := render(t, s)
		if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
			t.Fatalf("case %d: %s", i, out)
		}
		for _, name := range []string{"rect", "text", "circle"} {
			for _, e := range root.all(name) {
				for _, a := range []string{"x", "cx"} {
					if v, ok := e.attr[a]; ok {
						var x float64
						fmt.Sscan(v, &x)
						if x < 0 || x > viewW {
							t.Fatalf("case %d: <%s %s=%v> outside the picture\n%s", i, name, a, x, out)
						}
					}
				}
			}
		}
	}
}
