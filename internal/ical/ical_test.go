package ical

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.ics")

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sample is a calendar with what makes .ics hard: Persian text long enough to fold, every character
// TEXT escapes, line ends, an ongoing (tentative) incident and a cancelled window.
func sample() *Calendar {
	return &Calendar{Name: "رخداد: نگهداری‌های برنامه‌ریزی‌شده", Lang: "fa", Events: []Event{
		{UID: "maintenance/db-upgrade@example.org", Sequence: 2, Stamp: at("2023-11-01T10:00:00Z"),
			Start: at("2023-11-04T22:00:00-07:00"), End: at("2023-11-05T01:30:00-08:00"),
			Summary: "به‌روزرسانی پایگاه داده؛ سرویس‌های API، ChatGPT و پرداخت به مدت سه ساعت و نیم در دسترس نیستند",
			Desc:    "پنجرهٔ نگهداری از ساعت ۲۲:۰۰ تا ۰۱:۳۰ به وقت لس‌آنجلس.\nشامل: API, ChatGPT; پرداخت\\صورت‌حساب",
			URL:     "https://example.org/fa/maintenance/db-upgrade/", Status: Confirmed, Modified: at("2023-11-02T08:00:00Z")},
		{UID: "incidents/api-errors@example.org", Stamp: at("2023-11-08T17:14:03Z"),
			Start: at("2023-11-08T16:41:10Z"), End: at("2023-11-08T17:14:03Z"),
			Summary: "Degraded performance of file uploads", URL: "https://example.org/en/incidents/api-errors/", Status: Tentative},
		{UID: "maintenance/cancelled@example.org", Sequence: 1, Stamp: at("2023-11-01T10:00:00Z"),
			Start: at("2023-11-10T10:00:00Z"), End: at("2023-11-10T11:00:00Z"), Summary: "Cancelled: network work\r\nsecond line", Status: Cancelled},
	}}
}

func TestGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if *update {
		os.WriteFile("testdata/golden.ics", b.Bytes(), 0o644)
	}
	want, err := os.ReadFile("testdata/golden.ics")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("differs from testdata/golden.ics (go test -update):\n%s", b.String())
	}
	checkLines(t, b.Bytes())
}

// checkLines: CRLF line ends only, no physical line over MaxLine octets, every physical line valid
// UTF-8 (a fold never cuts a character), continuation lines start with one space.
func checkLines(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("the file does not end with CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > MaxLine {
			t.Fatalf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d is not valid UTF-8 (a character was cut): %q", i+1, l)
		}
	}
}

// TestIcalendarReadsIt parses the file back with python3-icalendar (Debian's, installed by
// .ci/run): every event's UID, instants, text, URL, status and sequence are what was written.
func TestIcalendarReadsIt(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import icalendar").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3-icalendar is missing (apt-get install -y python3-icalendar): %v", err)
		}
		t.Skip("python3-icalendar is not installed")
	}
	cal := sample()
	var b bytes.Buffer
	if err := Write(&b, cal); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cal.ics")
	os.WriteFile(file, b.Bytes(), 0o644)
	out, err := exec.Command(py, "testdata/parse.py", file).Output()
	if err != nil {
		t.Fatalf("python3-icalendar: %v", err)
	}
	var got struct {
		Name   string
		Events []struct {
			UID, Start, End, Stamp, Summary, Desc, URL, Status string
			Sequence                                           int
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Name != cal.Name || len(got.Events) != len(cal.Events) {
		t.Fatalf("calendar %q with %d events, want %q with %d", got.Name, len(got.Events), cal.Name, len(cal.Events))
	}
	utc := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
	for i, e := range cal.Events {
		g := got.Events[i]
		want := strings.ReplaceAll(strings.ReplaceAll(e.Summary, "\r\n", "\n"), "\r", "\n")
		if g.UID != e.UID || g.Start != utc(e.Start) || g.End != utc(e.End) || g.Stamp != utc(e.Stamp) ||
			g.Summary != want || g.Desc != e.Desc || g.URL != e.URL || g.Status != string(e.Status) || g.Sequence != e.Sequence {
			t.Errorf("event %d read back as %+v, want %+v", i, g, e)
		}
	}
}

func TestErrors(t *testing.T) {
	base := func() Event {
		return Event{UID: "u", Stamp: at("2023-11-01T00:00:00Z"), Start: at("2023-11-01T10:00:00Z"), End: at("2023-11-01T11:00:00Z"), Summary: "s"}
	}
	for name, tc := range map[string]struct {
		edit func(*Event)
		want string
	}{
		"no uid":       {func(e *Event) { e.UID = "" }, "has no UID"},
		"no end":       {func(e *Event) { e.End = time.Time{} }, "no start or no end"},
		"end first":    {func(e *Event) { e.End = at("2023-11-01T09:00:00Z") }, "ends (20231101T090000Z) before it starts (20231101T100000Z)"},
		"no stamp":     {func(e *Event) { e.Stamp = time.Time{} }, "has no DTSTAMP"},
		"wrong status": {func(e *Event) { e.Status = "DONE" }, `status "DONE"`},
	} {
		e := base()
		tc.edit(&e)
		var b bytes.Buffer
		err := Write(&b, &Calendar{Events: []Event{e}})
		if err == nil || !strings.Contains(err.Error(), tc.want) || b.Len() != 0 {
			t.Errorf("%s: %v (%d bytes written), want %q", name, err, b.Len(), tc.want)
		}
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		`a,b;c\d`:           `a\,b\;c\\d`,
		"one\r\ntwo\nthree": `one\ntwo\nthree`,
		"bell\x07 tab\t":    "bell tab\t",
		"bad \xff byte":     "bad \uFFFD byte",
		"گزارش، نقل؛ و":     "گزارش، نقل؛ و", // Persian ، ؛ are not TEXT's separators
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

// unfold undoes the folding and reads back the value of the first line whose name is name.
func unfold(out, name string) (string, bool) {
	s := strings.ReplaceAll(out, "\r\n ", "")
	for _, l := range strings.Split(s, "\r\n") {
		if v, ok := strings.CutPrefix(l, name+":"); ok {
			return v, true
		}
	}
	return "", false
}

// unescape reads a TEXT value back.
func unescape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			if v[i] == 'n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(v[i])
			}
			continue
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// FuzzWrite: whatever the text, the output's lines are CRLF-ended, at most 75 octets, valid UTF-8
// each (no character cut by a fold), and unfolding and unescaping gives the text back, as cleaned.
func FuzzWrite(f *testing.F) {
	f.Add("به‌روزرسانی پایگاه داده؛ سرویس‌های API، ChatGPT و پرداخت به مدت سه ساعت و نیم", "a,b;c\\d\nنیم‌فاصله")
	f.Add(strings.Repeat("€", 40), strings.Repeat("😀", 30))
	f.Fuzz(func(t *testing.T, summary, desc string) {
		e := Event{UID: "u@x", Stamp: at("2023-11-01T00:00:00Z"), Start: at("2023-11-01T10:00:00Z"), End: at("2023-11-01T11:00:00Z"), Summary: summary, Desc: desc}
		var b bytes.Buffer
		if err := Write(&b, &Calendar{Events: []Event{e}}); err != nil {
			t.Fatal(err)
		}
		checkLines(t, b.Bytes())
		got, ok := unfold(b.String(), "SUMMARY")
		if !ok || unescape(got) != unescape(Text(summary)) {
			t.Fatalf("SUMMARY %q reads back as %q", summary, unescape(got))
		}
	})
}
