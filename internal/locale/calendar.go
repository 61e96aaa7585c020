package locale

import (
	"fmt"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// Calendar names a calendar system for showing dates.
type Calendar string

// The supported calendars.
const (
	Gregorian Calendar = "gregorian"
	Persian   Calendar = "persian" // Solar Hijri (Jalali), the civil calendar of Iran
)

// calendars lists the valid calendars, in the order error messages show them.
var calendars = []Calendar{Gregorian, Persian}

func (c Calendar) valid() bool {
	for _, v := range calendars {
		if c == v {
			return true
		}
	}
	return false
}

// ParseCalendar returns the calendar named s (case and surrounding space are
// ignored). For any other value the error lists the valid names.
func ParseCalendar(s string) (Calendar, error) {
	c := Calendar(strings.ToLower(strings.TrimSpace(s)))
	if c.valid() {
		return c, nil
	}
	return "", fmt.Errorf("unknown calendar %s (valid: %s)", diag.Quote(s), validCalendars())
}

func validCalendars() string {
	names := make([]string, len(calendars))
	for i, c := range calendars {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// Date is a day in some calendar. Month is 1..12 and Day is 1..31.
type Date struct{ Year, Month, Day int }

// DateIn returns the date of t in calendar cal, in t's own location.
// It panics if cal is not a valid calendar: calendars come from
// [ParseCalendar] or the constants, so anything else is a programming error.
func DateIn(t time.Time, cal Calendar) Date {
	y, m, d := t.Date()
	switch cal {
	case Gregorian:
		return Date{y, int(m), d}
	case Persian:
		return PersianFromGregorian(y, int(m), d)
	}
	panic(fmt.Sprintf("locale.DateIn: unknown calendar %q (valid: %s)", string(cal), validCalendars()))
}

// IsPersianLeap reports whether Persian year y has 366 days (its last month,
// Esfand, then has 30 days instead of 29).
func IsPersianLeap(y int) bool {
	return nowruz(y+1)-nowruz(y) == 366
}

// PersianFromGregorian converts the proleptic Gregorian date y-m-d to the
// Persian calendar. Out-of-range months and days are normalized the way
// time.Date normalizes them (e.g. 2023-02-30 is 2023-03-02).
//
// The result matches the official calendar for Persian years -61..3177
// (Gregorian 560..3798); outside that range it extrapolates the nearest
// 33-year cycle pattern.
func PersianFromGregorian(y, m, d int) Date {
	day := daysFromCivil(y, m, d)
	// The Persian year starting in March of Gregorian year y is y-621.
	py := y - 621
	start := nowruz(py)
	if day < start {
		py--
		start = nowruz(py)
	}
	k := day - start // 0-based day of the Persian year
	if k < 6*31 {
		return Date{py, k/31 + 1, k%31 + 1}
	}
	k -= 6 * 31
	return Date{py, k/30 + 7, k%30 + 1}
}

// GregorianFromPersian converts the Persian date y-m-d to the proleptic
// Gregorian calendar. Days past the end of a month (or months past 12) carry
// over into the following ones, like time.Date.
func GregorianFromPersian(y, m, d int) Date {
	// Normalize the month so that m is 1..12.
	y += floorDiv(m-1, 12)
	m = floorMod(m-1, 12) + 1
	var k int // 0-based day of the year of the first of month m
	if m <= 7 {
		k = (m - 1) * 31
	} else {
		k = 6*31 + (m-7)*30
	}
	cy, cm, cd := civilFromDays(nowruz(y) + k + d - 1)
	return Date{cy, cm, cd}
}

// persianBreaks are the Persian years in which the pattern of leap years
// changes (Borkowski). Between two breaks, leap years follow 33-year cycles.
var persianBreaks = [...]int{
	-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
}

// nowruz returns the day number (see daysFromCivil) of 1 Farvardin, the first
// day of Persian year py. It always falls in March of Gregorian year py+621.
func nowruz(py int) int {
	gy := py + 621

	// leaps counts Persian leap years up to py, offset by a constant; the
	// offset cancels against gLeaps below.
	leaps := -14
	first := persianBreaks[0]
	span := persianBreaks[1] - persianBreaks[0] // length of the break interval holding py
	for _, next := range persianBreaks[1:] {
		span = next - first
		if py < next {
			break
		}
		leaps += span/33*8 + span%33/4
		first = next
	}
	// Years beyond the last break extend its interval.
	n := py - first // years since the interval began
	leaps += floorDiv(n, 33)*8 + (floorMod(n, 33)+3)/4
	if span%33 == 4 && span-n == 4 {
		leaps++
	}

	// gLeaps counts Gregorian leap years up to gy with the matching offset.
	c := floorDiv(gy, 100)
	gLeaps := floorDiv(gy, 4) - c + floorDiv(c, 4) - 150

	return daysFromCivil(gy, 3, 20+leaps-gLeaps)
}

// daysFromCivil returns the number of days from 1970-01-01 to the proleptic
// Gregorian date y-m-d. Months and days out of range are normalized.
func daysFromCivil(y, m, d int) int {
	y += floorDiv(m-1, 12)
	m = floorMod(m-1, 12) + 1
	// Count years from March so that the leap day ends the year.
	if m <= 2 {
		y--
		m += 12
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                     // 0..399
	doy := (153*(m-3)+2)/5 + d - 1         // day of the March-based year
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the 400-year era
	return era*146097 + doe - 719468       // 719468 = days from 0000-03-01 to 1970-01-01
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(days int) (y, m, d int) {
	days += 719468
	era := floorDiv(days, 146097)
	doe := days - era*146097                               // 0..146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // 0..399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // 0..365, March-based
	mp := (5*doy + 2) / 153                                // 0..11, March = 0
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	y = yoe + era*400
	if m > 12 {
		m -= 12
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int {
	return a - floorDiv(a, b)*b
}
