package when

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/i18n"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/window"
)

// reader is a Reader of the theme's catalog for lang, in zone and calendar cal.
func reader(t *testing.T, lang, zone string, cal locale.Calendar) *Reader {
	t.Helper()
	src, err := os.ReadFile("../../i18n/" + lang + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Parse(lang+".toml", lang, src)
	if err != nil {
		t.Fatal(err)
	}
	var names locale.Names
	pm, _ := cat.List("persian_months", 12)
	gm, _ := cat.List("gregorian_months", 12)
	wd, _ := cat.List("weekdays", 7)
	copy(names.PersianMonths[:], pm)
	copy(names.GregorianMonths[:], gm)
	copy(names.Weekdays[:], wd)
	names.Day, _ = cat.T("unit_day")
	names.Hour, _ = cat.T("unit_hour")
	names.Minute, _ = cat.T("unit_minute")
	names.Join, _ = cat.T("duration_join")
	z, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := locale.New(lang, cal, z, names)
	if err != nil {
		t.Fatal(err)
	}
	return New(loc, cat)
}

// TestWindow: a window on the reader's clock and calendar, its real length, the source's own
// times beside it, and the notes on midnight and clock changes — in Tehran (2021, when it still
// changed its clocks), Los Angeles and Lord Howe (a half-hour change), read from other zones.
func TestWindow(t *testing.T) {
	faTeh := reader(t, "fa", "Asia/Tehran", locale.Persian)
	enUTC := reader(t, "en", "UTC", locale.Gregorian)
	enLA := reader(t, "en", "America/Los_Angeles", locale.Gregorian)
	enLHI := reader(t, "en", "Australia/Lord_Howe", locale.Gregorian)
	win := func(zone, starts, ends string) window.Window {
		z, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		w, err := window.Parse(starts, ends, z)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	cases := []struct {
		name   string
		r      *Reader
		w      window.Window
		span   string
		source string // the source's text, without markup; "" for none
		length string
		notes  []string
	}{
		{"tehran summer time begins, read in Tehran", faTeh, win("Asia/Tehran", "2021-03-21 23:00", "2021-03-22 02:00"),
			"۱ فروردین ۱۴۰۰، ساعت ۲۳:۰۰ به وقت تهران تا ۲ فروردین ۱۴۰۰، ساعت ۰۲:۰۰ به وقت تهران", "", "۲ ساعت",
			[]string{"از نیمه‌شب می‌گذرد (به وقت تهران)؛ در ۲ فروردین ۱۴۰۰، ساعت ۰۲:۰۰ پایان می‌یابد.",
				"ساعت رسمی در این بازه تغییر می‌کند (به وقت تهران): ساعت‌ها از آغاز تا پایان ۳ ساعت را نشان می‌دهند، اما مدت واقعی ۲ ساعت است."}},
		{"the same window in UTC", enUTC, win("Asia/Tehran", "2021-03-21 23:00", "2021-03-22 02:00"),
			"21 March 2021, 19:30–21:30 UTC", "as reported Sunday 21 March, 23:00 Tehran time – Monday 22 March, 02:00 Tehran time", "2 h", nil},
		{"los angeles falls back, read there", enLA, win("America/Los_Angeles", "2021-11-07T00:30:00-07:00", "2021-11-07 03:00"),
			"7 November 2021, 00:30 PDT–03:00 PST", "", "3 h 30 min",
			[]string{"The clocks change during the window (Los Angeles): they read 2 h 30 min from start to end, but it lasts 3 h 30 min."}},
		{"los angeles falls back, read in Tehran", faTeh, win("America/Los_Angeles", "2021-11-07T00:30:00-07:00", "2021-11-07 03:00"),
			"۱۶ آبان ۱۴۰۰، ۱۱:۰۰ تا ۱۴:۳۰ به وقت تهران", "به گزارش منبع ۰۰:۳۰ PDT تا ۰۳:۰۰ PST", "۳ ساعت و ۳۰ دقیقه", nil},
		{"lord howe half hour, read there", enLHI, win("Australia/Lord_Howe", "2021-04-04T01:00:00+11:00", "2021-04-04 03:00"),
			"4 April 2021, 01:00 UTC+11:00–03:00 UTC+10:30", "", "2 h 30 min",
			[]string{"The clocks change during the window (Lord Howe): they read 2 h from start to end, but it lasts 2 h 30 min."}},
		{"lord howe read in UTC", enUTC, win("Australia/Lord_Howe", "2021-04-04T01:00:00+11:00", "2021-04-04 03:00"),
			"3 April 2021, 14:00–16:30 UTC", "as reported Sunday 4 April, 01:00 UTC+11:00–03:00 UTC+10:30", "2 h 30 min", nil},
		{"past midnight in the reader's zone only", faTeh, win("UTC", "2023-11-08 20:00", "2023-11-08 22:00"),
			"۱۷ آبان ۱۴۰۲، ساعت ۲۳:۳۰ به وقت تهران تا ۱۸ آبان ۱۴۰۲، ساعت ۰۱:۳۰ به وقت تهران", "به گزارش منبع ۲۰:۰۰ تا ۲۲:۰۰ UTC", "۲ ساعت",
			[]string{"از نیمه‌شب می‌گذرد (به وقت تهران)؛ در ۱۸ آبان ۱۴۰۲، ساعت ۰۱:۳۰ پایان می‌یابد."}},
		{"ending at midnight: dated twice, but no night to cross", enUTC, win("UTC", "2023-11-08 22:00", "2023-11-09 00:00"),
			"8 November 2023, 22:00 UTC – 9 November 2023, 00:00 UTC", "", "2 h", nil},
		{"a whole day in Tehran", faTeh, win("Asia/Tehran", "2021-06-01 00:00", "2021-06-02 00:00"),
			"۱۱ خرداد ۱۴۰۰، ساعت ۰۰:۰۰ به وقت تهران تا ۱۲ خرداد ۱۴۰۰، ساعت ۰۰:۰۰ به وقت تهران", "", "۱ روز", nil},
		{"past midnight, ending at the next midnight", enLA, win("America/Los_Angeles", "2021-06-01 22:00", "2021-06-03 00:00"),
			"1 June 2021, 22:00 PDT – 3 June 2021, 00:00 PDT", "", "1 d 2 h", []string{"Runs past midnight (Los Angeles): it ends on 3 June 2021, 00:00 PDT."}},
		{"two changes cancel out", enLA, win("America/Los_Angeles", "2021-03-13 12:00", "2021-11-07 12:00"),
			"13 March 2021, 12:00 PST – 7 November 2021, 12:00 PST", "", "239 d",
			[]string{"Runs past midnight (Los Angeles): it ends on 7 November 2021, 12:00 PST.", "The clocks change during the window (Los Angeles); it lasts 239 d."}},
		{"the clock reads backwards", enLA, win("America/Los_Angeles", "2021-11-07T01:30:00-07:00", "2021-11-07T01:15:00-08:00"),
			"7 November 2021, 01:30 PDT–01:15 PST", "", "45 min", []string{"The clocks change during the window (Los Angeles); it lasts 45 min."}},
		{"a week", enUTC, win("UTC", "2023-11-01 00:00", "2023-11-08 00:00"),
			"1 November 2023, 00:00 UTC – 8 November 2023, 00:00 UTC", "", "7 d",
			[]string{"Runs past midnight (UTC): it ends on 8 November 2023, 00:00 UTC."}},
	}
	for _, c := range cases {
		got := c.r.Window(c.w)
		src := strings.Join(strings.Fields(tags.ReplaceAllString(string(got.Source), "")), " ")
		if got.Span != c.span || src != c.source || got.Length != c.length || strings.Join(got.Notes, "|") != strings.Join(c.notes, "|") {
			t.Errorf("%s:\n got  %q / %q / %q / %q\n want %q / %q / %q / %q", c.name, got.Span, src, got.Length, got.Notes, c.span, c.source, c.length, c.notes)
		}
	}
}

// TestRelative: what a list of coming windows says of each at the reference instant.
func TestRelative(t *testing.T) {
	r := reader(t, "en", "UTC", locale.Gregorian)
	at := func(h int) time.Time { return time.Date(2024, 5, 1, h, 0, 0, 0, time.UTC) }
	w := window.Window{Start: at(10), End: at(12)}
	for _, c := range []struct {
		st   window.Status
		ref  int
		want string
	}{
		{window.Scheduled, 7, "starts in 3 h"},
		{window.InProgress, 11, "ends in 1 h"},
		{window.InProgress, 9, "ends in 3 h"},               // begun early
		{window.Scheduled, 11, "ends in 1 h"},               // written scheduled, but the clock is inside it
		{window.Scheduled, 13, ""},                          // written scheduled, but over
		{window.InProgress, 13, "running 1 h past its end"}, // an update says it runs over
		{window.Completed, 11, ""},
		{window.Cancelled, 7, ""},
	} {
		if got := r.Relative(w, c.st, at(c.ref)); got != c.want {
			t.Errorf("%s at %d:00: %q, want %q", c.st, c.ref, got, c.want)
		}
	}
}

var tags = regexp.MustCompile(`<[^>]+>`)

// TestDateTimeZone: a line that stands alone names its zone, by label when the zone has no letters.
func TestDateTimeZone(t *testing.T) {
	at := time.Date(2023, 11, 8, 9, 20, 0, 0, time.UTC)
	for _, c := range []struct {
		r    *Reader
		want string
	}{
		{reader(t, "fa", "Asia/Tehran", locale.Persian), "۱۷ آبان ۱۴۰۲، ساعت ۱۲:۵۰ به وقت تهران"},
		{reader(t, "en", "America/Los_Angeles", locale.Gregorian), "8 November 2023, 01:20 PST"},
		{reader(t, "en", "UTC", locale.Gregorian), "8 November 2023, 09:20 UTC"},
	} {
		if got := c.r.DateTimeZone(at); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
