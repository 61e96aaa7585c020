package locale

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/rokhdad/rokhdad/internal/digits"
)

// Names are the words a language uses for dates and durations. They come
// from the site's i18n files; this package has no built-in names.
type Names struct {
	PersianMonths   [12]string // Farvardin..Esfand
	GregorianMonths [12]string // January..December
	Weekdays        [7]string  // indexed by time.Weekday: Sunday = 0
	// Duration units, e.g. "روز", "ساعت", "دقیقه" or "d", "h", "min".
	Day, Hour, Minute string
	// Join goes between the parts of a duration, e.g. " و " or " ".
	Join string
}

// missing lists the names that a Locale using calendar cal needs but that
// are empty. Join may be empty.
func (n *Names) missing(cal Calendar) []string {
	var out []string
	months := func(field string, names *[12]string) {
		for i, s := range names {
			if s == "" {
				out = append(out, fmt.Sprintf("%s[%d]", field, i))
			}
		}
	}
	if cal == Persian {
		months("PersianMonths", &n.PersianMonths)
	}
	months("GregorianMonths", &n.GregorianMonths) // GregorianDate needs them in every calendar
	for i, s := range n.Weekdays {
		if s == "" {
			out = append(out, fmt.Sprintf("Weekdays[%d]", i))
		}
	}
	for _, u := range []struct{ field, s string }{{"Day", n.Day}, {"Hour", n.Hour}, {"Minute", n.Minute}} {
		if u.s == "" {
			out = append(out, u.field)
		}
	}
	return out
}

// Locale formats numbers, dates, times and durations for one language,
// calendar and time zone. It is immutable and safe for concurrent use.
type Locale struct {
	tag     string
	cal     Calendar
	zone    *time.Location
	names   Names
	months  *[12]string // month names of cal
	printer *message.Printer

	digits *digits.Converter // of the locale's zero
}

// New returns the Locale for the BCP 47 language tag, calendar cal and time
// zone, using names for months, weekdays and duration units.
//
// Digits and number grouping follow the CLDR data (via golang.org/x/text) of
// the tag's base language, so "fa-IR" formats like "fa". x/text would print
// Latin digits for "fa-IR" but Persian ones for "fa"; a site wants one script
// per language, whatever region its tag names.
//
// New fails if the tag is empty or malformed (well-formed tags with unknown
// subtags are accepted, the unknown parts ignored as language.Parse does),
// zone is nil, cal is not a known calendar, or a name the locale needs is
// empty: the months of cal, the Gregorian months (for GregorianDate), the
// weekdays and the three duration units. Join may be empty.
func New(tag string, cal Calendar, zone *time.Location, names Names) (*Locale, error) {
	if tag == "" {
		return nil, errors.New("locale: empty language tag")
	}
	t, err := language.Parse(tag)
	var unknown language.ValueError // well-formed but with an unknown subtag, which Parse drops
	if err != nil && !errors.As(err, &unknown) {
		return nil, fmt.Errorf("locale %q: bad language tag: %w", tag, err)
	}
	if zone == nil {
		return nil, fmt.Errorf("locale %q: no time zone", tag)
	}
	if !cal.valid() {
		return nil, fmt.Errorf("locale %q: unknown calendar %q (valid: %s)", tag, string(cal), validCalendars())
	}
	if m := names.missing(cal); len(m) > 0 {
		return nil, fmt.Errorf("locale %q: missing names: %s", tag, strings.Join(m, ", "))
	}
	base, _ := t.Base()
	l := &Locale{
		tag:     tag,
		cal:     cal,
		zone:    zone,
		names:   names,
		printer: message.NewPrinter(language.Make(base.String())),
	}
	if cal == Persian {
		l.months = &l.names.PersianMonths
	} else {
		l.months = &l.names.GregorianMonths
	}
	l.digits = digits.For(zeroDigit(l.printer))
	return l, nil
}

// zeroDigit returns the digit zero that p prints, or '0' if p's output is not
// the zero of a block of ten decimal digits.
func zeroDigit(p *message.Printer) rune {
	for _, r := range p.Sprint(number.Decimal(0)) {
		if unicode.Is(unicode.Nd, r) {
			if digits.IsZero(r) {
				return r
			}
			return '0'
		}
	}
	return '0'
}

// Tag returns the language tag the locale was made with.
func (l *Locale) Tag() string { return l.tag }

// Calendar returns the calendar of Date, CalendarDate and MonthName.
func (l *Locale) Calendar() Calendar { return l.cal }

// Zone returns the time zone in which times are shown.
func (l *Locale) Zone() *time.Location { return l.zone }

// Zero returns the locale's digit zero: '۰' for "fa", '٠' for "ar", '0' for
// "en". Digit i is Zero()+i.
func (l *Locale) Zero() rune { return l.digits.Zero() }

// Digits returns s with every ASCII (0-9), Persian (۰-۹) and Arabic-Indic
// (٠-٩) digit replaced by the locale's digit of the same value (see
// digits.Converter.Replace). All other bytes, including invalid UTF-8, are
// copied unchanged, so the rune count is preserved and valid UTF-8 stays
// valid. If nothing changes, s itself is returned without allocating.
func (l *Locale) Digits(s string) string { return l.digits.Replace(s) }

// appendDigits appends the decimal digits of the non-negative n in the
// locale's digits, at least minWidth of them (zero-padded).
func (l *Locale) appendDigits(b []byte, n uint64, minWidth int) []byte {
	return l.digits.AppendUint(b, n, minWidth)
}

// appendInt appends n without grouping; negative numbers get an ASCII '-'.
func (l *Locale) appendInt(b []byte, n int) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	return l.appendDigits(b, u, 1)
}

// Int returns n with the locale's digits, grouping and minus sign, per CLDR:
// "۱٬۲۳۴٬۵۶۷" for "fa", "1,234,567" for "en", "1.234.567" for "de".
func (l *Locale) Int(n int) string {
	if n >= 0 && n < 1000 { // no grouping or sign: skip the printer
		var buf [16]byte
		return string(l.appendDigits(buf[:0], uint64(n), 1))
	}
	return l.printer.Sprint(number.Decimal(n))
}

// Year returns y in the locale's digits without grouping: "۱۴۰۲", "2023".
func (l *Locale) Year(y int) string {
	var buf [32]byte
	return string(l.appendInt(buf[:0], y))
}

// Clock returns the time of day of t in the locale's zone as 24-hour HH:MM
// with the locale's digits: "۰۷:۲۲", "03:52".
func (l *Locale) Clock(t time.Time) string {
	return l.ClockAt(t.In(l.zone))
}

// ClockAt is like Clock but shows t in its own location, e.g. the time a
// source reported in its local time.
func (l *Locale) ClockAt(t time.Time) string {
	h, m, _ := t.Clock()
	var buf [24]byte
	b := l.appendDigits(buf[:0], uint64(h), 2)
	b = append(b, ':')
	b = l.appendDigits(b, uint64(m), 2)
	return string(b)
}

// Date returns the day of t in the locale's zone and calendar as
// "DAY MONTH YEAR", the day not padded: "۱۷ آبان ۱۴۰۲", "8 November 2023".
func (l *Locale) Date(t time.Time) string {
	d := l.CalendarDate(t)
	return l.formatDate(d, l.months)
}

// GregorianDate is like Date but always uses the Gregorian calendar (still in
// the locale's zone, digits and names): "۸ نوامبر ۲۰۲۳".
func (l *Locale) GregorianDate(t time.Time) string {
	return l.formatDate(DateIn(t.In(l.zone), Gregorian), &l.names.GregorianMonths)
}

func (l *Locale) formatDate(d Date, months *[12]string) string {
	var buf [96]byte
	b := l.appendInt(buf[:0], d.Day)
	b = append(b, ' ')
	b = append(b, months[d.Month-1]...)
	b = append(b, ' ')
	b = l.appendInt(b, d.Year)
	return string(b)
}

// Weekday returns the name of the weekday of t in the locale's zone.
func (l *Locale) Weekday(t time.Time) string {
	return l.names.Weekdays[t.In(l.zone).Weekday()]
}

// CalendarDate returns the date of t in the locale's zone and calendar.
func (l *Locale) CalendarDate(t time.Time) Date {
	return DateIn(t.In(l.zone), l.cal)
}

// MonthName returns the name of month m (1..12) of the locale's calendar,
// or "" if m is out of range.
func (l *Locale) MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return l.months[m-1]
}

// Duration returns d, truncated to whole minutes, as days, hours and minutes
// joined by Names.Join, omitting zero parts: "۲۰ ساعت و ۱۰ دقیقه",
// "۱ روز و ۲ ساعت", "20 h 10 min". Less than a minute is "0 min" in the
// locale's words. A negative d is shown as its absolute value. Numbers are
// not grouped.
func (l *Locale) Duration(d time.Duration) string {
	u := uint64(d)
	if d < 0 {
		u = -u // correct for math.MinInt64 too
	}
	mins := u / uint64(time.Minute)
	parts := [3]struct {
		n    uint64
		unit string
	}{
		{mins / (24 * 60), l.names.Day},
		{mins / 60 % 24, l.names.Hour},
		{mins % 60, l.names.Minute},
	}
	var buf [128]byte
	b := buf[:0]
	for _, p := range parts {
		if p.n == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, l.names.Join...)
		}
		b = l.appendDigits(b, p.n, 1)
		b = append(b, ' ')
		b = append(b, p.unit...)
	}
	if len(b) == 0 {
		b = l.appendDigits(b, 0, 1)
		b = append(b, ' ')
		b = append(b, l.names.Minute...)
	}
	return string(b)
}

// String describes the locale for logs and errors, e.g. "fa/persian/Asia/Tehran".
func (l *Locale) String() string {
	return l.tag + "/" + string(l.cal) + "/" + l.zone.String()
}
