package chart

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files and testdata/preview.html")

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got+"\n" != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff)\ngot:\n%s", name, got)
	}
}

func TestJalaliHelper(t *testing.T) {
	if y, m, d := jalali(2023, 11, 8); y != 1402 || m != 8 || d != 17 {
		t.Errorf("jalali(2023-11-08) = %d-%d-%d, want 1402-8-17", y, m, d)
	}
	if y, m, d := jalali(2023, 8, 10); y != 1402 || m != 5 || d != 19 {
		t.Errorf("jalali(2023-08-10) = %d-%d-%d, want 1402-5-19", y, m, d)
	}
}

type goldenCase struct {
	file, id, title string
	rtl             bool
	render          func(t *testing.T, id string) string
}

func goldenCases() []goldenCase {
	tl := func(spec func(testing.TB) TimelineSpec) func(*testing.T, string) string {
		return func(t *testing.T, id string) string {
			s := spec(t)
			s.ID = id
			out, err := Timeline(s)
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
	}
	up := func(spec func() UptimeSpec) func(*testing.T, string) string {
		return func(t *testing.T, id string) string {
			s := spec()
			s.ID = id
			out, err := Uptime(s)
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
	}
	return []goldenCase{
		{"timeline-fa-rtl.svg", "tl", "Timeline, Asia/Tehran, RTL, Persian digits", true, tl(faTimeline)},
		{"timeline-en-ltr.svg", "tl", "Timeline, UTC, LTR", false, tl(enTimeline)},
		{"uptime-fa-rtl.svg", "up", "Uptime bar, 90 days, RTL", true, up(faUptime)},
		{"uptime-en-ltr.svg", "up", "Uptime bar, 90 days, LTR", false, up(enUptime)},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.file, func(t *testing.T) {
			got := c.render(t, c.id)
			parseSVG(t, got)
			checkGolden(t, c.file, got)
		})
	}
}

// TestPreview writes testdata/preview.html: the golden pictures on a light and a dark page
// styled like the default theme, for a human (or a headless browser) to look at.
func TestPreview(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>internal/chart preview</title>
<style>
body{margin:0;font:17px/1.65 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.page{padding:12px 16px;background:var(--bg);color:var(--fg)}
.light{--bg:#fbfaf7;--fg:#1d1d1f;--muted:#5b5b63;--rule:#dedbd2;--ok:#166534;--warn:#854d0e;--bad:#991b1b;--info:#1e40af}
.dark{--bg:#141416;--fg:#ececef;--muted:#a6a6b0;--rule:#34343a;--ok:#86efac;--warn:#fcd34d;--bad:#fca5a5;--info:#93c5fd}
[dir=rtl]{font-family:Vazirmatn,"Noto Sans Arabic","Noto Naskh Arabic",Tahoma,sans-serif}
figure{margin:0 0 10px}figcaption{font-size:13px;opacity:.8}
</style></head><body>
`)
	for _, theme := range []string{"light", "dark"} {
		b.WriteString(`<div class="page ` + theme + `">` + "\n")
		for _, c := range goldenCases() {
			dir, lang := "ltr", "en"
			if c.rtl {
				dir, lang = "rtl", "fa"
			}
			id := c.id
			if theme == "dark" {
				id += "-dark"
			}
			b.WriteString(`<figure dir="` + dir + `" lang="` + lang + `">` + c.render(t, id) +
				`<figcaption dir="ltr">` + c.title + ` (` + theme + `)</figcaption></figure>` + "\n")
		}
		b.WriteString("</div>\n")
	}
	// Edge cases, for the eye only (not goldens).
	b.WriteString(`<div class="page light">` + "\n")
	for i, c := range edgeCases(t) {
		dir := "ltr"
		if c.spec.RTL {
			dir = "rtl"
		}
		c.spec.ID = fmt.Sprintf("edge%d", i)
		out, err := Timeline(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		parseSVG(t, string(out))
		b.WriteString(`<figure dir="` + dir + `">` + string(out) + `<figcaption dir="ltr">` + c.name + `</figcaption></figure>` + "\n")
	}
	b.WriteString("</div>\n</body></html>\n")
	path := filepath.Join("testdata", "preview.html")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("testdata/preview.html is stale (run go test -update)")
	}
}

type edgeCase struct {
	name string
	spec TimelineSpec
}

func edgeCases(t *testing.T) []edgeCase {
	teh := mustZone(t, "Asia/Tehran")
	at := time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC)
	seq := func(rtl bool, parts ...any) TimelineSpec {
		s := TimelineSpec{Zone: teh, RTL: rtl, Tick: enTick, Title: "edge case"}
		if rtl {
			s.Tick = faTick
		}
		c := at
		for i := 0; i < len(parts); i += 3 {
			d := parts[i+2].(time.Duration)
			s.Phases = append(s.Phases, Phase{Status: parts[i].(string), Label: parts[i+1].(string), Start: c, End: c.Add(d)})
			c = c.Add(d)
		}
		return s
	}
	multiDay := seq(false, "investigating", "Investigating", 50*time.Hour, "identified", "Identified", 20*time.Hour,
		"monitoring", "Monitoring", 5*time.Hour, "resolved", "Resolved", time.Duration(0))
	multiDay.Tick = func(t time.Time) string { return t.Format("Jan 2 15:04") }
	return []edgeCase{
		{"13 minutes, LTR", seq(false, "investigating", "Investigating", 4*time.Minute, "identified", "Identified", 6*time.Minute,
			"monitoring", "Monitoring", 3*time.Minute, "resolved", "Resolved", time.Duration(0))},
		{"1 minute, RTL", seq(true, "investigating", "در حال بررسی", time.Minute, "resolved", "رفع شد", time.Duration(0))},
		{"zero length (single entry), RTL", seq(true, "resolved", "رفع شد", time.Duration(0))},
		{"3 days, LTR, long tick labels", multiDay},
		{"30 s phase inside 12 h, unknown status, RTL", seq(true, "investigating", "در حال بررسی", 6*time.Hour,
			"identified", "شناسایی شد", 30*time.Second, "monitoring", "در حال پایش", 5*time.Hour, "postmortem", "پس از رخداد", time.Hour,
			"resolved", "رفع شد", time.Duration(0))},
	}
}
