package locale

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Test names. The real ones come from the site's i18n files. Persian text
// uses Persian ی and ک (never Arabic ي ك) and a ZWNJ (U+200C) in سه‌شنبه.
var (
	faNames = Names{
		PersianMonths:   [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"},
		GregorianMonths: [12]string{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"},
		Weekdays:        [7]string{"یکشنبه", "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"},
		Day:             "روز", Hour: "ساعت", Minute: "دقیقه",
		Join: " و ",
	}
	enNames = Names{
		GregorianMonths: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		Weekdays:        [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		Day:             "d", Hour: "h", Minute: "min",
		Join: " ",
	}
	deNames = Names{
		GregorianMonths: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		Weekdays:        [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		Day:             "Tg.", Hour: "Std.", Minute: "Min.",
		Join: ", ",
	}
)

func TestNamesArePersianLetters(t *testing.T) {
	all := strings.Join(faNames.PersianMonths[:], "") + strings.Join(faNames.GregorianMonths[:], "") +
		strings.Join(faNames.Weekdays[:], "") + faNames.Day + faNames.Hour + faNames.Minute
	if strings.ContainsAny(all, "\u064a\u0643") {
		t.Error("Persian test names contain Arabic ي or ك")
	}
	if !strings.Contains(faNames.Weekdays[time.Tuesday], "\u200c") {
		t.Error("سه‌شنبه lacks its ZWNJ")
	}
}

func newLocale(t testing.TB, tag string, cal Calendar, zone string, names Names) *Locale {
	t.Helper()
	l, err := New(tag, cal, mustZone(t, zone), names)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestNew(t *testing.T) {
	utc := time.UTC
	noDay := enNames
	noDay.Day = ""
	noMonth := faNames
	noMonth.PersianMonths[7] = ""
	tests := []struct {
		name    string
		tag     string
		cal     Calendar
		zone    *time.Location
		names   Names
		wantErr string // substring; "" means success
	}{
		{"fa persian", "fa", Persian, utc, faNames, ""},
		{"en gregorian needs no Persian months", "en", Gregorian, utc, enNames, ""},
		{"region subtag", "fa-IR", Persian, utc, faNames, ""},
		{"private-use language", "qaa", Gregorian, utc, enNames, ""},
		{"unknown but well-formed language", "zz", Gregorian, utc, enNames, ""},
		{"unknown region", "fa-QQ", Persian, utc, faNames, ""},
		{"nil zone", "fa", Persian, nil, faNames, "time zone"},
		{"unknown calendar", "fa", "lunar", utc, faNames, "gregorian, persian"},
		{"empty calendar", "fa", "", utc, faNames, "unknown calendar"},
		{"empty tag", "", Gregorian, utc, enNames, "empty language tag"},
		{"malformed tag", "not a tag", Gregorian, utc, enNames, "bad language tag"},
		{"missing unit", "en", Gregorian, utc, noDay, "missing names: Day"},
		{"missing month of the calendar", "fa", Persian, utc, noMonth, "PersianMonths[7]"},
		{"Persian calendar needs Persian months", "en", Persian, utc, enNames, "PersianMonths[0]"},
	}
	for _, tt := range tests {
		l, err := New(tt.tag, tt.cal, tt.zone, tt.names)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: New: %v", tt.name, err)
		case tt.wantErr == "" && (l.Tag() != tt.tag || l.Calendar() != tt.cal || l.Zone() != tt.zone):
			t.Errorf("%s: got Tag %q, Calendar %q, Zone %v", tt.name, l.Tag(), l.Calendar(), l.Zone())
		case tt.wantErr != "" && err == nil:
			t.Errorf("%s: New succeeded, want error containing %q", tt.name, tt.wantErr)
		case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
			t.Errorf("%s: error %q does not contain %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestZero(t *testing.T) {
	tests := []struct {
		tag  string
		want rune
	}{
		{"fa", '۰'},
		{"fa-IR", '۰'}, // CLDR's fa-IR printer uses Latin digits; the base language decides
		{"fa-AF", '۰'},
		{"en", '0'},
		{"en-US", '0'},
		{"de", '0'},
		{"de-CH", '0'},
		{"ar", '٠'},
		{"ar-EG", '٠'},
		{"bn", '০'},
		{"qaa", '0'},
		{"zz", '0'},
		{"fa-QQ", '۰'},
	}
	for _, tt := range tests {
		l := newLocale(t, tt.tag, Gregorian, "UTC", enNames)
		if got := l.Zero(); got != tt.want {
			t.Errorf("New(%q).Zero() = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestDigits(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "UTC", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	ar := newLocale(t, "ar", Gregorian, "UTC", enNames)
	tests := []struct {
		l        *Locale
		in, want string
	}{
		{fa, "", ""},
		{fa, "0123456789", "۰۱۲۳۴۵۶۷۸۹"},
		{fa, "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"},
		{fa, "۰۱۲۳۴۵۶۷۸۹", "۰۱۲۳۴۵۶۷۸۹"},
		{fa, "ساعت 7:22 و ۸ و ٩", "ساعت ۷:۲۲ و ۸ و ۹"},
		{fa, "M7.2 earthquake, 10km", "M۷.۲ earthquake, ۱۰km"},
		{fa, "no digits here", "no digits here"},
		{fa, "१२३ ০১২", "१२३ ০১২"}, // other scripts' digits are left alone
		{fa, "٫٬%", "٫٬%"},
		{fa, "a\xffb1\xd9", "a\xffb۱\xd9"}, // invalid UTF-8 is copied
		{fa, "\xd91", "\xd9۱"},
		{en, "2023-11-08 03:52", "2023-11-08 03:52"},
		{en, "۱۴۰۲/۸/۱۷", "1402/8/17"},
		{en, "٢٠٢٣ and 2023", "2023 and 2023"},
		{en, "\xdb\xb1\xdb", "1\xdb"},
		{ar, "2023 ۱۴۰۲", "٢٠٢٣ ١٤٠٢"},
	}
	for _, tt := range tests {
		if got := tt.l.Digits(tt.in); got != tt.want {
			t.Errorf("%s Digits(%q) = %q, want %q", tt.l.Tag(), tt.in, got, tt.want)
		}
	}
}

// checkDigits verifies the properties of Digits that hold for any input.
func checkDigits(t *testing.T, l *Locale, in string) {
	t.Helper()
	out := l.Digits(in)
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("%s Digits(%q) = %q: invalid UTF-8", l.Tag(), in, out)
	}
	if a, b := utf8.RuneCountInString(in), utf8.RuneCountInString(out); a != b {
		t.Fatalf("%s Digits(%q) = %q: %d runes, want %d", l.Tag(), in, out, b, a)
	}
	i, j := 0, 0
	for i < len(in) {
		r, w := utf8.DecodeRuneInString(in[i:])
		o, ow := utf8.DecodeRuneInString(out[j:])
		if v := asciiDigitValue(r, w); v >= 0 {
			if o != l.Zero()+rune(v) {
				t.Fatalf("%s Digits(%q) = %q: digit %q became %q", l.Tag(), in, out, r, o)
			}
		} else if r != o || w != ow || in[i:i+w] != out[j:j+ow] {
			t.Fatalf("%s Digits(%q) = %q: non-digit %q became %q", l.Tag(), in, out, in[i:i+w], out[j:j+ow])
		}
		i += w
		j += ow
	}
	if j != len(out) {
		t.Fatalf("%s Digits(%q) = %q: extra output", l.Tag(), in, out)
	}
}

// asciiDigitValue returns the value of a decoded ASCII, Persian or
// Arabic-Indic digit, or -1. It is deliberately independent of package digits.
func asciiDigitValue(r rune, width int) int {
	if r == utf8.RuneError && width <= 1 {
		return -1
	}
	for _, zero := range []rune{'0', '۰', '٠'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

func TestDigitsProperties(t *testing.T) {
	locales := []*Locale{
		newLocale(t, "fa", Persian, "UTC", faNames),
		newLocale(t, "en", Gregorian, "UTC", enNames),
		newLocale(t, "ar", Gregorian, "UTC", enNames),
		newLocale(t, "bn", Gregorian, "UTC", enNames),
	}
	alphabet := []rune("0189۰۵۹٠٥٩aZ :،٫٬\u200c\u200eسلام१০𝟘😀\uFFFD")
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(24) {
			if r.IntN(10) == 0 {
				b.WriteByte(byte(r.IntN(256))) // sometimes invalid UTF-8
			} else {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
		}
		for _, l := range locales {
			checkDigits(t, l, b.String())
		}
	}
}

func FuzzDigits(f *testing.F) {
	for _, s := range []string{"", "0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩", "ساعت 7:22", "\xd9\xdb1\xdb\xb1\xff"} {
		f.Add(s)
	}
	fa, err := New("fa", Persian, time.UTC, faNames)
	if err != nil {
		f.Fatal(err)
	}
	en, err := New("en", Gregorian, time.UTC, enNames)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDigits(t, fa, s)
		checkDigits(t, en, s)
	})
}

func TestDigitsAllocations(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "UTC", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	tests := []struct {
		l    *Locale
		in   string
		want float64
	}{
		{fa, "۱۷ آبان ۱۴۰۲، ساعت ۷:۲۲", 0}, // already native: returned as is
		{en, "8 November 2023, 03:52", 0},
		{fa, "8 آبان 1402، ساعت 7:22", 1},
		{en, "۱۴۰۲", 1},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, func() { tt.l.Digits(tt.in) }); got != tt.want {
			t.Errorf("%s Digits(%q): %v allocations, want %v", tt.l.Tag(), tt.in, got, tt.want)
		}
	}
}

func TestIntAndYear(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "UTC", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	de := newLocale(t, "de", Gregorian, "UTC", deNames)
	tests := []struct {
		l         *Locale
		n         int
		int, year string
	}{
		{fa, 0, "۰", "۰"},
		{fa, 7, "۷", "۷"},
		{fa, 999, "۹۹۹", "۹۹۹"},
		{fa, 1402, "۱٬۴۰۲", "۱۴۰۲"},
		{fa, 1234567, "۱٬۲۳۴٬۵۶۷", "۱۲۳۴۵۶۷"},
		{fa, -5, "\u200e−۵", "-۵"}, // CLDR's Persian minus: LRM + U+2212
		{fa, -1234567, "\u200e−۱٬۲۳۴٬۵۶۷", "-۱۲۳۴۵۶۷"},
		{en, 0, "0", "0"},
		{en, 2023, "2,023", "2023"},
		{en, 1234567, "1,234,567", "1234567"},
		{en, -1234567, "-1,234,567", "-1234567"},
		{en, math.MaxInt64, "9,223,372,036,854,775,807", "9223372036854775807"},
		{en, math.MinInt64, "-9,223,372,036,854,775,808", "-9223372036854775808"},
		{de, 1234567, "1.234.567", "1234567"},
		{de, -42, "-42", "-42"},
	}
	for _, tt := range tests {
		if got := tt.l.Int(tt.n); got != tt.int {
			t.Errorf("%s Int(%d) = %q, want %q", tt.l.Tag(), tt.n, got, tt.int)
		}
		if got := tt.l.Year(tt.n); got != tt.year {
			t.Errorf("%s Year(%d) = %q, want %q", tt.l.Tag(), tt.n, got, tt.year)
		}
	}
}

// TestIntFastPath checks that Int's shortcut for small numbers prints
// exactly what the CLDR printer prints.
func TestIntFastPath(t *testing.T) {
	for _, tag := range []string{"fa", "en", "de", "ar", "bn", "hi"} {
		l := newLocale(t, tag, Gregorian, "UTC", enNames)
		p := message.NewPrinter(language.MustParse(tag))
		for n := range 1001 {
			if got, want := l.Int(n), p.Sprint(number.Decimal(n)); got != want {
				t.Fatalf("%s Int(%d) = %q, printer says %q", tag, n, got, want)
			}
		}
	}
}

func TestFormatting(t *testing.T) {
	la := mustZone(t, "America/Los_Angeles")
	// The example: 2023-11-07 19:52 PST, i.e. 2023-11-08 03:52 UTC.
	ev := time.Date(2023, 11, 7, 19, 52, 0, 0, la)

	fa := newLocale(t, "fa", Persian, "Asia/Tehran", faNames)
	faUTC := newLocale(t, "fa", Persian, "UTC", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	enLA := newLocale(t, "en", Gregorian, "America/Los_Angeles", enNames)
	de := newLocale(t, "de", Gregorian, "Europe/Berlin", deNames)
	ar := newLocale(t, "ar", Persian, "Asia/Tehran", faNames) // Persian names, Arabic digits

	type want struct {
		clock, clockAt, date, gdate, weekday string
		cdate                                Date
	}
	tests := []struct {
		l    *Locale
		t    time.Time
		want want
	}{
		{fa, ev, want{"۰۷:۲۲", "۱۹:۵۲", "۱۷ آبان ۱۴۰۲", "۸ نوامبر ۲۰۲۳", "چهارشنبه", Date{1402, 8, 17}}},
		{faUTC, ev, want{"۰۳:۵۲", "۱۹:۵۲", "۱۷ آبان ۱۴۰۲", "۸ نوامبر ۲۰۲۳", "چهارشنبه", Date{1402, 8, 17}}},
		{en, ev, want{"03:52", "19:52", "8 November 2023", "8 November 2023", "Wednesday", Date{2023, 11, 8}}},
		{enLA, ev, want{"19:52", "19:52", "7 November 2023", "7 November 2023", "Tuesday", Date{2023, 11, 7}}},
		{de, ev, want{"04:52", "19:52", "8 November 2023", "8 November 2023", "Mittwoch", Date{2023, 11, 8}}},
		{ar, ev, want{"٠٧:٢٢", "١٩:٥٢", "١٧ آبان ١٤٠٢", "٨ نوامبر ٢٠٢٣", "چهارشنبه", Date{1402, 8, 17}}},
		// Midnight, single-digit day and month, Nowruz, the leap day of Esfand.
		{fa, time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC), want{"۰۳:۳۰", "۰۰:۰۰", "۱ فروردین ۱۴۰۳", "۲۰ مارس ۲۰۲۴", "چهارشنبه", Date{1403, 1, 1}}},
		{fa, time.Date(2025, 3, 20, 12, 5, 0, 0, time.UTC), want{"۱۵:۳۵", "۱۲:۰۵", "۳۰ اسفند ۱۴۰۳", "۲۰ مارس ۲۰۲۵", "پنجشنبه", Date{1403, 12, 30}}},
		{en, time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC), want{"23:59", "23:59", "29 February 2024", "29 February 2024", "Thursday", Date{2024, 2, 29}}},
		{de, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), want{"01:00", "00:00", "5 März 2024", "5 März 2024", "Dienstag", Date{2024, 3, 5}}},
	}
	for _, tt := range tests {
		l := tt.l
		got := want{l.Clock(tt.t), l.ClockAt(tt.t), l.Date(tt.t), l.GregorianDate(tt.t), l.Weekday(tt.t), l.CalendarDate(tt.t)}
		if got != tt.want {
			t.Errorf("%v at %v:\n got %+v\nwant %+v", l, tt.t, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "UTC", faNames)
	de := newLocale(t, "de", Gregorian, "UTC", deNames)
	tests := []struct {
		l    *Locale
		m    int
		want string
	}{
		{fa, 1, "فروردین"},
		{fa, 8, "آبان"},
		{fa, 12, "اسفند"},
		{fa, 0, ""},
		{fa, 13, ""},
		{de, 3, "März"},
		{de, 12, "Dezember"},
		{de, -1, ""},
	}
	for _, tt := range tests {
		if got := tt.l.MonthName(tt.m); got != tt.want {
			t.Errorf("%s MonthName(%d) = %q, want %q", tt.l.Tag(), tt.m, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "UTC", faNames)
	en := newLocale(t, "en", Gregorian, "UTC", enNames)
	de := newLocale(t, "de", Gregorian, "UTC", deNames)
	tests := []struct {
		l    *Locale
		d    time.Duration
		want string
	}{
		{fa, 20*time.Hour + 10*time.Minute, "۲۰ ساعت و ۱۰ دقیقه"},
		{fa, 13 * time.Minute, "۱۳ دقیقه"},
		{fa, 26 * time.Hour, "۱ روز و ۲ ساعت"},
		{fa, 49*time.Hour + 5*time.Minute + 59*time.Second, "۲ روز و ۱ ساعت و ۵ دقیقه"},
		{fa, 30 * time.Second, "۰ دقیقه"},
		{fa, 0, "۰ دقیقه"},
		{fa, -(20*time.Hour + 10*time.Minute), "۲۰ ساعت و ۱۰ دقیقه"},
		{en, 20*time.Hour + 10*time.Minute, "20 h 10 min"},
		{en, 13 * time.Minute, "13 min"},
		{en, 24 * time.Hour, "1 d"},
		{en, 24*time.Hour + time.Minute, "1 d 1 min"},
		{en, time.Minute - time.Nanosecond, "0 min"},
		{en, -13*time.Minute - 30*time.Second, "13 min"},
		{en, 1000 * 24 * time.Hour, "1000 d"},
		{en, math.MaxInt64, "106751 d 23 h 47 min"},
		{en, math.MinInt64, "106751 d 23 h 47 min"},
		{de, 90 * time.Minute, "1 Std., 30 Min."},
	}
	for _, tt := range tests {
		if got := tt.l.Duration(tt.d); got != tt.want {
			t.Errorf("%s Duration(%v) = %q, want %q", tt.l.Tag(), tt.d, got, tt.want)
		}
	}
}

func TestHotPathAllocations(t *testing.T) {
	fa := newLocale(t, "fa", Persian, "Asia/Tehran", faNames)
	ev := time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC)
	for name, f := range map[string]func(){
		"Clock":    func() { fa.Clock(ev) },
		"Date":     func() { fa.Date(ev) },
		"Year":     func() { fa.Year(1402) },
		"Int":      func() { fa.Int(12) },
		"Duration": func() { fa.Duration(20*time.Hour + 10*time.Minute) },
		"Weekday":  func() { fa.Weekday(ev) },
	} {
		want := 1.0
		if name == "Weekday" {
			want = 0
		}
		if got := testing.AllocsPerRun(100, f); got > want {
			t.Errorf("%s: %v allocations, want at most %v", name, got, want)
		}
	}
}

func BenchmarkDigits(b *testing.B) {
	fa, err := New("fa", Persian, time.UTC, faNames)
	if err != nil {
		b.Fatal(err)
	}
	s := "زلزله 5.8 ریشتری در عمق 10 کیلومتری، ساعت 07:22 روز 17 آبان 1402"
	b.ReportAllocs()
	for b.Loop() {
		fa.Digits(s)
	}
}

func BenchmarkDate(b *testing.B) {
	fa, err := New("fa", Persian, mustZone(b, "Asia/Tehran"), faNames)
	if err != nil {
		b.Fatal(err)
	}
	ev := time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		fa.Date(ev)
	}
}

func BenchmarkDuration(b *testing.B) {
	fa, err := New("fa", Persian, time.UTC, faNames)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		fa.Duration(26*time.Hour + 10*time.Minute)
	}
}
