package locale

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseCalendar(t *testing.T) {
	tests := []struct {
		in      string
		want    Calendar
		wantErr bool
	}{
		{"gregorian", Gregorian, false},
		{"persian", Persian, false},
		{" Persian ", Persian, false},
		{"GREGORIAN", Gregorian, false},
		{"", "", true},
		{"jalali", "", true},
		{"hijri", "", true},
	}
	for _, tt := range tests {
		got, err := ParseCalendar(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseCalendar(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !(strings.Contains(err.Error(), "gregorian") && strings.Contains(err.Error(), "persian")) {
			t.Errorf("ParseCalendar(%q) error %q does not list the valid calendars", tt.in, err)
		}
	}
}

// Dates everyone can check on a printed calendar.
var namedPersianDates = []struct {
	name      string
	gregorian Date
	persian   Date
}{
	{"issue example: 17 Aban 1402", Date{2023, 11, 8}, Date{1402, 8, 17}},
	{"Nowruz 1403", Date{2024, 3, 20}, Date{1403, 1, 1}},
	{"last day of leap year 1403 (30 Esfand)", Date{2025, 3, 20}, Date{1403, 12, 30}},
	{"Nowruz 1404", Date{2025, 3, 21}, Date{1404, 1, 1}},
	{"last day of common year 1402 (29 Esfand)", Date{2024, 3, 19}, Date{1402, 12, 29}},
	{"last day of Shahrivar (31-day month)", Date{2023, 9, 22}, Date{1402, 6, 31}},
	{"1 Mehr (first 30-day month)", Date{2023, 9, 23}, Date{1402, 7, 1}},
	{"Gregorian leap day", Date{2024, 2, 29}, Date{1402, 12, 10}},
	{"Nowruz 1379", Date{2000, 3, 20}, Date{1379, 1, 1}},
	{"Unix epoch", Date{1970, 1, 1}, Date{1348, 10, 11}},
}

func TestPersianNamedDates(t *testing.T) {
	for _, tt := range namedPersianDates {
		g, p := tt.gregorian, tt.persian
		if got := PersianFromGregorian(g.Year, g.Month, g.Day); got != p {
			t.Errorf("%s: PersianFromGregorian(%v) = %v, want %v", tt.name, g, got, p)
		}
		if got := GregorianFromPersian(p.Year, p.Month, p.Day); got != g {
			t.Errorf("%s: GregorianFromPersian(%v) = %v, want %v", tt.name, p, got, g)
		}
	}
}

func TestIsPersianLeap(t *testing.T) {
	// Checked against the oracle table (see TestPersianOracle).
	tests := []struct {
		year int
		leap bool
	}{
		{1375, true}, {1379, true}, {1383, true}, {1387, true}, {1391, true}, {1395, true},
		{1399, true}, {1400, false}, {1401, false}, {1402, false}, {1403, true}, {1404, false},
		{1407, false}, {1408, true},
	}
	for _, tt := range tests {
		if got := IsPersianLeap(tt.year); got != tt.leap {
			t.Errorf("IsPersianLeap(%d) = %v, want %v", tt.year, got, tt.leap)
		}
	}
}

func TestPersianNormalizes(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want Date
	}{
		{"Persian month 13 is Farvardin of next year", GregorianFromPersian(1402, 13, 1), Date{2024, 3, 20}},
		{"Persian month 0 is Esfand of previous year", GregorianFromPersian(1403, 0, 1), Date{2024, 2, 20}},
		{"30 Esfand of a common year is 1 Farvardin", GregorianFromPersian(1402, 12, 30), Date{2024, 3, 20}},
		{"Gregorian 30 February", PersianFromGregorian(2023, 2, 30), PersianFromGregorian(2023, 3, 2)},
		{"Gregorian day 0", PersianFromGregorian(2024, 3, 0), PersianFromGregorian(2024, 2, 29)},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestPersianOracle checks every day from 1900-01-01 to 2100-12-31 in both
// directions against ICU's Persian calendar. The table holds one line per
// Persian month start; regenerate it (from internal/locale/) with
//
//	node testdata/gen_persian_table.js > testdata/persian_months.txt
func TestPersianOracle(t *testing.T) {
	f, err := os.Open("testdata/persian_months.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	type entry struct {
		day int // daysFromCivil of the Gregorian date
		p   Date
	}
	var (
		entries     []entry
		first, last int
		haveRange   bool
	)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		var gy, gm, gd, gy2, gm2, gd2 int
		if _, err := fmt.Sscanf(text, "# range %d-%d-%d %d-%d-%d", &gy, &gm, &gd, &gy2, &gm2, &gd2); err == nil {
			first, last, haveRange = daysFromCivil(gy, gm, gd), daysFromCivil(gy2, gm2, gd2), true
			continue
		}
		if strings.HasPrefix(text, "#") {
			continue
		}
		var e entry
		if _, err := fmt.Sscanf(text, "%d-%d-%d %d %d %d", &gy, &gm, &gd, &e.p.Year, &e.p.Month, &e.p.Day); err != nil {
			t.Fatalf("persian_months.txt:%d: %v", line, err)
		}
		e.day = daysFromCivil(gy, gm, gd)
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !haveRange || len(entries) == 0 || entries[0].day != first {
		t.Fatal("persian_months.txt: missing range or first day")
	}

	var (
		want     Date
		next     int // index of the next table entry
		checked  int
		esfand   = map[int]int{} // Persian year -> days in Esfand, for complete years
		failures int
	)
	for day := first; day <= last; day++ {
		if next < len(entries) && entries[next].day == day {
			if next > 0 && entries[next].p.Day == 1 && want.Month == 12 {
				esfand[want.Year] = want.Day
			}
			want = entries[next].p
			next++
		} else {
			want.Day++
			if want.Day > 31 || (want.Month > 6 && want.Day > 30) {
				t.Fatalf("table is missing a month start before %v", want)
			}
		}
		y, m, d := civilFromDays(day)
		g := Date{y, m, d}
		if got := PersianFromGregorian(y, m, d); got != want {
			t.Errorf("PersianFromGregorian(%v) = %v, want %v", g, got, want)
			failures++
		}
		if got := GregorianFromPersian(want.Year, want.Month, want.Day); got != g {
			t.Errorf("GregorianFromPersian(%v) = %v, want %v", want, got, g)
			failures++
		}
		if failures > 20 {
			t.Fatal("too many failures")
		}
		checked++
	}
	if next != len(entries) {
		t.Errorf("only %d of %d table entries were used", next, len(entries))
	}
	if want := 73414; checked != want { // 201 years of days
		t.Errorf("checked %d days, want %d", checked, want)
	}
	if len(esfand) < 200 {
		t.Errorf("only %d complete Persian years in the table", len(esfand))
	}
	for y, n := range esfand {
		if got, want := IsPersianLeap(y), n == 30; got != want {
			t.Errorf("IsPersianLeap(%d) = %v, but Esfand %d has %d days", y, got, y, n)
		}
	}
}

// TestPersianWideRange checks, beyond the oracle's range, that conversions
// round-trip, give valid dates and advance one day at a time.
func TestPersianWideRange(t *testing.T) {
	check := func(day int) {
		t.Helper()
		y, m, d := civilFromDays(day)
		p := PersianFromGregorian(y, m, d)
		mlen := 31
		if p.Month > 6 {
			mlen = 30
		}
		if p.Month == 12 && !IsPersianLeap(p.Year) {
			mlen = 29
		}
		if p.Month < 1 || p.Month > 12 || p.Day < 1 || p.Day > mlen {
			t.Fatalf("PersianFromGregorian(%d-%d-%d) = invalid %v", y, m, d, p)
		}
		if g := GregorianFromPersian(p.Year, p.Month, p.Day); g != (Date{y, m, d}) {
			t.Fatalf("GregorianFromPersian(PersianFromGregorian(%d-%d-%d) = %v) = %v", y, m, d, p, g)
		}
		ny, nm, nd := civilFromDays(day + 1)
		n := PersianFromGregorian(ny, nm, nd)
		if n != (Date{p.Year, p.Month, p.Day + 1}) && n != (Date{p.Year, p.Month + 1, 1}) && n != (Date{p.Year + 1, 1, 1}) {
			t.Fatalf("day after %v (%d-%d-%d) is %v", p, y, m, d, n)
		}
	}
	// Every day of the years the break table covers, with a stride...
	for day := daysFromCivil(560, 1, 1); day < daysFromCivil(3800, 1, 1); day += 7 {
		check(day)
	}
	// ...every day around each break year, and beyond the table.
	for _, py := range persianBreaks {
		start := daysFromCivil(py+621-2, 1, 1)
		for day := start; day < start+5*366; day++ {
			check(day)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		check(daysFromCivil(r.IntN(20000)-5000, 1, 1) + r.IntN(366))
	}
}

func TestCivilDays(t *testing.T) {
	// Against the time package, every day from 1600 to 2500.
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	want := int(start.Unix() / 86400)
	for tm := start; tm.Year() < 2500; tm = tm.AddDate(0, 0, 1) {
		y, m, d := tm.Date()
		if got := daysFromCivil(y, int(m), d); got != want {
			t.Fatalf("daysFromCivil(%d-%d-%d) = %d, want %d", y, m, d, got, want)
		}
		if gy, gm, gd := civilFromDays(want); gy != y || gm != int(m) || gd != d {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %d-%d-%d", want, gy, gm, gd, y, m, d)
		}
		want++
	}
	// Far years, including negative ones.
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		tm := time.Date(r.IntN(40000)-20000, time.Month(r.IntN(12)+1), r.IntN(28)+1, 0, 0, 0, 0, time.UTC)
		y, m, d := tm.Date()
		if got, want := daysFromCivil(y, int(m), d), int(tm.Unix()/86400); got != want {
			t.Fatalf("daysFromCivil(%d-%d-%d) = %d, want %d", y, m, d, got, want)
		}
	}
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	z, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

func TestDateIn(t *testing.T) {
	la := mustZone(t, "America/Los_Angeles")
	tehran := mustZone(t, "Asia/Tehran")
	ev := time.Date(2023, 11, 7, 19, 52, 0, 0, la) // 2023-11-07T19:52-08:00
	tests := []struct {
		name string
		t    time.Time
		cal  Calendar
		want Date
	}{
		{"Tehran, Persian", ev.In(tehran), Persian, Date{1402, 8, 17}},
		{"Los Angeles, Persian", ev, Persian, Date{1402, 8, 16}},
		{"UTC, Persian", ev.UTC(), Persian, Date{1402, 8, 17}},
		{"Tehran, Gregorian", ev.In(tehran), Gregorian, Date{2023, 11, 8}},
		{"Los Angeles, Gregorian", ev, Gregorian, Date{2023, 11, 7}},
		{"Nowruz moment in Tehran", time.Date(2024, 3, 20, 0, 0, 0, 0, tehran), Persian, Date{1403, 1, 1}},
		{"a second earlier in Tehran", time.Date(2024, 3, 19, 23, 59, 59, 0, tehran), Persian, Date{1402, 12, 29}},
	}
	for _, tt := range tests {
		if got := DateIn(tt.t, tt.cal); got != tt.want {
			t.Errorf("%s: DateIn(%v, %s) = %v, want %v", tt.name, tt.t, tt.cal, got, tt.want)
		}
	}
}

func TestDateInUnknownCalendarPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("DateIn with an unknown calendar did not panic")
		}
	}()
	DateIn(time.Now(), "lunar")
}
