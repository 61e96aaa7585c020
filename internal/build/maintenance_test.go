package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad"
)

// maintenanceEpoch is the reference instant of TestMaintenance: 2021-12-01 12:00 UTC, while
// core-upgrade (11:00–21:00 UTC) is in progress and certificates (3 December) is to come.
const maintenanceEpoch = "1638360000"

func buildMaintenance(t *testing.T, src string) string {
	t.Helper()
	t.Setenv(EpochVar, maintenanceEpoch)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(Options{Source: src, Theme: rokhdad.Theme}, dest); err != nil {
		t.Fatal(err)
	}
	return dest
}

func debianPython(t *testing.T, module string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: python3 cannot import %s: %v", py, module, err)
		}
		t.Skipf("%s cannot import %s", py, module)
	}
	return py
}

// TestMaintenance builds testdata/sites/maintenance, whose windows cross Tehran's 2021 change to
// summer time, Los Angeles's return to standard time, Lord Howe's half-hour change and midnight,
// and checks what a reader and a program get: each window's instants (against Python's zoneinfo),
// its length and the notes about midnight and the clock change in both languages; the coming
// windows on the home, landing and service pages and the maintenance list, the past ones in the
// list by month of the language's calendar; the uptime without the completed maintenance;
// status.json, maintenance.json, the feeds; and maintenance.ics and each window's event.ics read
// back with python3-icalendar.
func TestMaintenance(t *testing.T) {
	dest := buildMaintenance(t, "testdata/sites/maintenance")
	page := func(f string) string { return read(t, filepath.Join(dest, f)) }
	text := func(f string) string { return plainText(page(f)) }
	has := func(f string, subs ...string) {
		t.Helper()
		s := text(f)
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				t.Errorf("%s lacks %q", f, sub)
			}
		}
	}
	lacks := func(f string, subs ...string) {
		t.Helper()
		s := text(f)
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				t.Errorf("%s has %q", f, sub)
			}
		}
	}

	// The windows on their pages, in each reader's zone with the source beside them.
	has("en/maintenance/tehran-dst/index.html", "21 March 2021, 12:30–14:30 PDT",
		"as reported Sunday 21 March, 23:00 Tehran time – Monday 22 March, 02:00 Tehran time", "Length 2 h")
	lacks("en/maintenance/tehran-dst/index.html", "Runs past midnight", "The clocks change") // not on a Los Angeles clock
	has("fa/maintenance/tehran-dst/index.html", "۱ فروردین ۱۴۰۰، ساعت ۲۳:۰۰ به وقت تهران تا ۲ فروردین ۱۴۰۰، ساعت ۰۲:۰۰ به وقت تهران",
		"مدت ۲ ساعت", "از نیمه‌شب می‌گذرد (به وقت تهران)؛ در ۲ فروردین ۱۴۰۰، ساعت ۰۲:۰۰ پایان می‌یابد.",
		"ساعت‌ها از آغاز تا پایان ۳ ساعت را نشان می‌دهند، اما مدت واقعی ۲ ساعت است.")
	has("en/maintenance/la-fallback/index.html", "7 November 2021, 00:30 PDT–03:00 PST", "Length 3 h 30 min",
		"The clocks change during the window (Los Angeles): they read 2 h 30 min from start to end, but it lasts 3 h 30 min.")
	has("fa/maintenance/la-fallback/index.html", "۱۶ آبان ۱۴۰۰، ۱۱:۰۰ تا ۱۴:۳۰ به وقت تهران", "به گزارش منبع ۰۰:۳۰ PDT تا ۰۳:۰۰ PST",
		"مدت ۳ ساعت و ۳۰ دقیقه")
	has("en/maintenance/lord-howe/index.html", "3 April 2021, 07:00–09:30 PDT",
		"as reported Sunday 4 April, 01:00 UTC+11:00–03:00 UTC+10:30", "Length 2 h 30 min")
	has("fa/maintenance/core-upgrade/index.html", "۱۰ آذر ۱۴۰۰، ساعت ۱۴:۳۰ به وقت تهران تا ۱۱ آذر ۱۴۰۰، ساعت ۰۰:۳۰ به وقت تهران",
		"از نیمه‌شب می‌گذرد (به وقت تهران)؛ در ۱۱ آذر ۱۴۰۰، ساعت ۰۰:۳۰ پایان می‌یابد.", "در حال انجام", "۹ ساعت دیگر پایان می‌یابد")
	has("en/maintenance/core-upgrade/index.html", "Status as of 1 December 2021, 04:00 PST", "In progress · ends in 9 h")
	has("en/maintenance/la-fallback/index.html", "Completed") // by its update, at 02:40, before the end
	has("en/maintenance/called-off/index.html", "Cancelled")
	has("en/maintenance/certificates/index.html", "Scheduled · starts in 1 d 18 h")
	for _, lang := range []string{"fa", "en"} {
		for _, name := range []string{"tehran-dst", "la-fallback", "lord-howe", "core-upgrade", "certificates", "called-off"} {
			if p := page(lang + "/maintenance/" + name + "/index.html"); !strings.Contains(p, `href="/status/`+lang+`/maintenance/`+name+`/event.ics"`) {
				t.Errorf("%s/maintenance/%s has no link to its event.ics", lang, name)
			}
		}
	}

	// What is coming, in progress first, where readers look.
	order := func(f string, subs ...string) {
		t.Helper()
		s := text(f)
		for _, sub := range subs {
			i := strings.Index(s, sub)
			if i < 0 {
				t.Errorf("%s: %q missing or out of order (want %q in this order)", f, sub, subs)
				return
			}
			s = s[i+len(sub):]
		}
	}
	for _, f := range []string{"en/index.html", "index.html", "en/maintenance/index.html"} {
		order(f, "Scheduled maintenance", "Core network upgrade", "Certificate rotation")
	}
	block := func(f string) string { // the block of coming windows
		s := page(f)
		i := strings.Index(s, `<section class="maint-now"`)
		if i < 0 {
			t.Errorf("%s has no maintenance block", f)
			return ""
		}
		return plainText(s[i : i+strings.Index(s[i:], "</section>")])
	}
	for _, f := range []string{"en/index.html", "fa/index.html", "index.html", "en/services/edge/index.html"} {
		if b := block(f); strings.Contains(b, "Maintenance called off") || strings.Contains(b, "Lord Howe") || strings.Contains(b, "نگهداری لغوشده") {
			t.Errorf("%s: the block of coming windows lists a past one: %s", f, b)
		}
	}
	if s := page("en/services/edge/index.html"); strings.Contains(s, "Maintenance called off") {
		t.Errorf("en/services/edge lists the Database's window")
	}
	order("en/services/edge/index.html", "Core network upgrade", "Certificate rotation")
	lacks("en/services/database/index.html", "Certificate rotation")
	has("en/services/database/index.html", "Core network upgrade")
	order("en/maintenance/index.html", "Coming up and in progress", "Core network upgrade", "Certificate rotation", "Past maintenance",
		"December 2021", "Maintenance called off", "November 2021", "Database move", "April 2021", "Lord Howe", "March 2021", "Tehran's summer time")
	order("fa/maintenance/index.html", "آذر ۱۴۰۰", "نگهداری لغوشده", "آبان ۱۴۰۰", "فروردین ۱۴۰۰", "نگهداری لرد هاو", "ساعت تابستانی تهران")

	// Uptime: the outage (19:00–23:00 UTC, 21 March) less the Tehran window (19:30–21:30 UTC).
	has("en/services/edge/index.html", "2 h", "Completed scheduled maintenance is not counted as downtime",
		"This service had 2 completed windows, 4 h 30 min in all.")
	if s := page("en/services/edge/index.html"); !strings.Contains(s, "<td>2 h</td>") {
		t.Errorf("en/services/edge: the year's downtime is not 2 h")
	}
	if s := page("fa/services/edge/index.html"); !strings.Contains(s, "<td>۲ ساعت</td>") {
		t.Errorf("fa/services/edge: the year's downtime is not ۲ ساعت")
	}

	// For programs.
	var status struct {
		Status      string
		Under       bool `json:"under_maintenance"`
		Maintenance []struct{ ID, Status, Starts, Ends string }
		Services    []struct {
			Name, Status string
			Under        bool `json:"under_maintenance"`
			Maintenance  []string
		}
	}
	mustJSON(t, page("en/status.json"), &status)
	if status.Status != "operational" || !status.Under || len(status.Maintenance) != 2 || status.Maintenance[0].ID != "maintenance/core-upgrade" ||
		status.Maintenance[0].Status != "in_progress" || status.Maintenance[1].ID != "maintenance/certificates" || status.Maintenance[1].Status != "scheduled" {
		t.Errorf("status.json: %+v", status)
	}
	for _, sv := range status.Services {
		// An incident's statuses only (a new value would need a new version); the window is a field of its own.
		if sv.Status != "operational" || !sv.Under || len(sv.Maintenance) == 0 {
			t.Errorf("status.json: service %+v, want operational, under maintenance", sv)
		}
	}
	var doc struct {
		Maintenance []struct {
			ID, URL, Status, Starts, Ends, Timezone string
			DurationSeconds                         int `json:"duration_seconds"`
			Sequence                                int
			StatusWritten                           bool `json:"status_written"`
		}
	}
	mustJSON(t, page("fa/maintenance.json"), &doc)
	written := map[string]string{
		"tehran-dst":   "Asia/Tehran=2021-03-21 23:00|Asia/Tehran=2021-03-22 02:00|completed|7200",
		"la-fallback":  "America/Los_Angeles=2021-11-07T00:30:00-07:00|America/Los_Angeles=2021-11-07 03:00|completed|12600",
		"lord-howe":    "Australia/Lord_Howe=2021-04-04T01:00:00+11:00|Australia/Lord_Howe=2021-04-04 03:00|completed|9000",
		"core-upgrade": "UTC=2021-12-01 11:00|UTC=2021-12-01 21:00|in_progress|36000",
		"certificates": "UTC=2021-12-03 06:00|UTC=2021-12-03 07:30|scheduled|5400",
		"called-off":   "UTC=2021-12-05 06:00|UTC=2021-12-05 08:00|cancelled|7200",
	}
	var args []string
	for _, m := range doc.Maintenance {
		f := strings.Split(written[strings.TrimPrefix(m.ID, "maintenance/")], "|")
		args = append(args, f[0], f[1])
	}
	oracle, err := exec.Command(debianPython(t, "zoneinfo"), append([]string{"testdata/walltime.py"}, args...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	utcs := strings.Fields(string(oracle))
	if len(doc.Maintenance) != len(written) || len(utcs) != 2*len(written) {
		t.Fatalf("maintenance.json has %d windows, want %d (oracle %q)", len(doc.Maintenance), len(written), utcs)
	}
	for i, m := range doc.Maintenance {
		f := strings.Split(written[strings.TrimPrefix(m.ID, "maintenance/")], "|")
		if m.Starts != utcs[2*i] || m.Ends != utcs[2*i+1] || m.Status != f[2] || itoa(m.DurationSeconds) != f[3] {
			t.Errorf("maintenance.json %s: %s–%s %s %ds; Python's zoneinfo: %s–%s, want %s %ss", m.ID, m.Starts, m.Ends, m.Status,
				m.DurationSeconds, utcs[2*i], utcs[2*i+1], f[2], f[3])
		}
	}
	var incidents struct{ Incidents []struct{ ID string } }
	mustJSON(t, page("en/incidents.json"), &incidents)
	if len(incidents.Incidents) != 1 || incidents.Incidents[0].ID != "incidents/edge-outage" {
		t.Errorf("incidents.json lists %+v, want the one incident", incidents.Incidents)
	}
	for _, f := range []string{"en/rss.xml", "en/atom.xml"} {
		if s := page(f); !strings.Contains(s, "3 December 2021, 22:00–23:30 PST") && !strings.Contains(s, "2 December 2021, 22:00–23:30 PST") {
			t.Errorf("%s does not say when the certificate rotation is", f)
		}
	}
	if s := page("sitemap.xml"); !strings.Contains(s, "https://example.org/status/fa/maintenance/</loc>") {
		t.Errorf("sitemap.xml lacks the maintenance list")
	}

	// The calendars, read back by an independent parser.
	py := debianPython(t, "icalendar")
	type event struct {
		UID, Start, End, Summary, Desc, URL, Status string
		Sequence                                    int
	}
	readICS := func(file string) []event {
		t.Helper()
		out, err := exec.Command(py, "../ical/testdata/parse.py", file).Output()
		if err != nil {
			t.Fatalf("python3-icalendar on %s: %v", file, err)
		}
		var c struct{ Events []event }
		mustJSON(t, string(out), &c)
		return c.Events
	}
	for _, lang := range []string{"fa", "en"} {
		var doc struct {
			Maintenance []struct{ ID, URL, Status, Starts, Ends string }
		}
		mustJSON(t, page(lang+"/maintenance.json"), &doc)
		events := readICS(filepath.Join(dest, lang, "maintenance.ics"))
		if len(events) != len(doc.Maintenance) {
			t.Fatalf("%s/maintenance.ics has %d events, maintenance.json %d windows", lang, len(events), len(doc.Maintenance))
		}
		for _, m := range doc.Maintenance {
			uid := lang + "/" + m.ID + "@example.org"
			i := slices.IndexFunc(events, func(e event) bool { return e.UID == uid })
			if i < 0 {
				t.Errorf("%s/maintenance.ics has no event %s", lang, uid)
				continue
			}
			e := events[i]
			want := "CONFIRMED"
			if m.Status == "cancelled" {
				want = "CANCELLED"
			}
			if e.Start != m.Starts || e.End != m.Ends || e.URL != m.URL || e.Status != want {
				t.Errorf("%s: event %+v; maintenance.json %+v, want status %s", uid, e, m, want)
			}
			own := readICS(filepath.Join(dest, strings.TrimPrefix(m.URL, "https://example.org/status/"), "event.ics"))
			if len(own) != 1 || own[0] != e {
				t.Errorf("%s: the page's event.ics holds %+v, want %+v", uid, own, e)
			}
		}
		if lang == "fa" { // a long Persian summary with , ; and \: folded and escaped, read back whole
			i := slices.IndexFunc(events, func(e event) bool { return e.UID == "fa/maintenance/tehran-dst@example.org" })
			want := "کار روی شبکهٔ لبه هم‌زمان با آغاز ساعت تابستانی تهران؛ در این مدت درخواست‌ها ممکن است کند شوند، یا برای چند دقیقه قطع شوند. مسیر C:\\edge\\config عوض می‌شود.\nEdge"
			if i < 0 || strings.Map(dropBidi, events[i].Desc) != want || events[i].Summary != "نگهداری شبکه در آغاز ساعت تابستانی تهران" {
				t.Errorf("fa tehran-dst: read back %+v, want the description %q", events, want)
			}
		}
		if inc := readICS(filepath.Join(dest, lang, "incidents.ics")); len(inc) != 1 {
			t.Errorf("%s/incidents.ics has %d events, want the one incident", lang, len(inc))
		}
	}
}

// TestMaintenanceSequence: moving a window, dated with lastmod as the editing guide says, raises
// its event's SEQUENCE and keeps its UID; rebuilding the same content gives the same number.
func TestMaintenanceSequence(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("testdata/sites/maintenance")); err != nil {
		t.Fatal(err)
	}
	seq := func() (int, string) {
		t.Helper()
		var doc struct {
			Maintenance []struct {
				ID, Starts string
				Sequence   int
			}
		}
		mustJSON(t, read(t, filepath.Join(buildMaintenance(t, src), "en/maintenance.json")), &doc)
		for _, m := range doc.Maintenance {
			if m.ID == "maintenance/certificates" {
				return m.Sequence, m.Starts
			}
		}
		t.Fatal("no certificates window")
		return 0, ""
	}
	s1, start1 := seq()
	if again, _ := seq(); again != s1 {
		t.Fatalf("the same content gave SEQUENCE %d, then %d", s1, again)
	}
	f := filepath.Join(src, "content/en/maintenance/certificates.md")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(strings.Replace(string(b), `starts = "2021-12-03 06:00"`, `starts = "2021-12-04 06:00"`, 1),
		`ends = "2021-12-03 07:30"`, "ends = \"2021-12-04 07:30\"\nlastmod = 2021-11-30T09:00:00Z", 1)
	if moved == string(b) {
		t.Fatal("the test's edit did not apply")
	}
	if err := os.WriteFile(f, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, start2 := seq()
	if start2 == start1 || s2 <= s1 {
		t.Errorf("moving the window (%s → %s) gave SEQUENCE %d → %d, want it raised", start1, start2, s1, s2)
	}
}

var tagRE = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]+>`)

// plainText is a page's text without markup, its white space collapsed, its entities decoded as
// far as the tests need.
func plainText(html string) string {
	s := tagRE.ReplaceAllString(html, " ")
	s = strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#43;", "+").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	// The isolates of right-to-left pages are markup too.
	return strings.NewReplacer(" )", ")", "( ", "(").Replace(s)
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %.200s", err, s)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestMaintenanceGolden holds the maintenance site's calendars and maintenance.json to golden
// files (go test ./internal/build -run TestMaintenanceGolden -update rewrites them; review the
// diff): the Persian calendar's folding of Persian text, escaping, CRLF, UIDs and SEQUENCE.
func TestMaintenanceGolden(t *testing.T) {
	dest := buildMaintenance(t, "testdata/sites/maintenance")
	for _, f := range []string{"fa/maintenance.ics", "en/maintenance.ics", "fa/maintenance/la-fallback/event.ics", "en/maintenance.json", "fa/status.json"} {
		got, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".ics") {
			for i, line := range strings.Split(strings.TrimSuffix(string(got), "\r\n"), "\r\n") {
				if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
					t.Errorf("%s line %d: %d octets, valid UTF-8 %v: %q", f, i+1, len(line), utf8.ValidString(line), line)
				}
			}
		}
		golden := filepath.Join("testdata/golden", "maintenance."+strings.ReplaceAll(f, "/", "."))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s: %s", f, golden, firstDiff(string(want), string(got)))
		}
	}
}

// dropBidi drops the bidi isolates a right-to-left language's plain text puts around Latin runs.
func dropBidi(r rune) rune {
	if r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f {
		return -1
	}
	return r
}
