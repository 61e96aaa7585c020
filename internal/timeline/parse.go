package timeline

// This file reads an `at` value: ParseAt, and the taking apart (fields.parse) and checking
// (fields.check) of its text. Resolving a wall time in a zone is in resolve.go, the errors in
// parseerror.go.

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/digits"
)

// ParseAt resolves an `at` value from a timeline entry or an inline time to an instant.
//
// s is either a wall time local to loc, "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" with optional
// seconds (":SS", optionally followed by a fraction ".5"), or an RFC 3339 time with an offset
// ("2023-11-07T19:52:00-08:00", seconds optional, "Z" for UTC; a space may replace the "T").
// White space around s is ignored. The returned time is in loc, so that its zone abbreviation is
// the source's, also when s carries its own offset; that offset must then be the one loc had at
// that instant (-07:00 or -08:00 in Los Angeles, depending on the day), or else ParseAt returns an
// *OffsetError, since shown in loc the time would read as a clock the source never gave. The one
// exception is UTC ("Z", "+00:00", "-00:00"), which is how times are often pasted: it is accepted
// in any zone and, where loc's offset then is not zero, returned in UTC, as written.
//
// A wall time that loc's clocks showed twice (when daylight saving time ended) is an
// *AmbiguousError, one they never showed (when it began) a *NonexistentError: ParseAt never picks
// a side. Anything else that is not one of the forms above, or names a day or time of day that does
// not exist (2023-02-30, 24:00), is a *FormatError.
func ParseAt(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		return time.Time{}, errors.New("timeline: no time zone to read " + diag.Quote(s) + " in")
	}
	v := strings.TrimSpace(s)
	var f fields
	if reason, ok := f.parse(v); !ok {
		return time.Time{}, &FormatError{Value: s, Reason: reason}
	}
	if f.hasOffset {
		t := time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, f.nsec, time.UTC).
			Add(-time.Duration(f.offset) * time.Second)
		local := t.In(loc)
		if _, off := local.Zone(); off == f.offset {
			return local, nil
		}
		if f.offset == 0 {
			return t, nil // UTC, as written
		}
		return time.Time{}, &OffsetError{Value: s, Offset: f.offset, Zone: loc.String(), At: local}
	}
	var buf [4]time.Time
	cands, gap := resolve(&f, loc, buf[:0])
	switch len(cands) {
	case 1:
		return cands[0], nil
	case 0:
		e := &NonexistentError{Wall: v, Zone: loc.String()}
		if gap.ok {
			e.Before = time.Unix(gap.at, 0).In(time.FixedZone(gap.fromName, gap.fromOff))
			e.After = time.Unix(gap.at, 0).In(loc)
		}
		return time.Time{}, e
	default:
		return time.Time{}, &AmbiguousError{Wall: v, Zone: loc.String(), Candidates: append([]time.Time(nil), cands...)}
	}
}

// fields is an `at` value taken apart.
type fields struct {
	year, month, day, hour, min, sec, nsec int
	hasOffset                              bool
	offset                                 int // seconds east of UTC
}

// wallUnix is the wall clock read as if it were UTC, in seconds since 1970.
func (f *fields) wallUnix() int64 {
	return time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, 0, time.UTC).Unix()
}

// num reads n ASCII digits at s[i:].
func num(s string, i, n int) (int, bool) {
	if i < 0 || i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// parse fills f from v (already trimmed). It reports false, with a reason when one is more useful
// than the list of accepted forms, if v is not an accepted time.
func (f *fields) parse(v string) (reason string, ok bool) {
	var ok1, ok2, ok3, ok4, ok5 bool
	f.year, ok1 = num(v, 0, 4)
	f.month, ok2 = num(v, 5, 2)
	f.day, ok3 = num(v, 8, 2)
	if !ok1 || !ok2 || !ok3 || v[4] != '-' || v[7] != '-' {
		return badShape(v), false
	}
	if len(v) == 10 {
		return "the time of day is missing", false
	}
	if v[10] != ' ' && v[10] != 'T' {
		return badShape(v), false
	}
	f.hour, ok4 = num(v, 11, 2)
	f.min, ok5 = num(v, 14, 2)
	if !ok4 || !ok5 || v[13] != ':' {
		return badShape(v), false
	}
	i := 16
	if i < len(v) && v[i] == ':' {
		var ok bool
		if f.sec, ok = num(v, 17, 2); !ok {
			return badShape(v), false
		}
		i = 19
		if i < len(v) && v[i] == '.' {
			j := i + 1
			for j < len(v) && v[j] >= '0' && v[j] <= '9' {
				j++
			}
			n := j - i - 1
			if n == 0 || n > 9 {
				return "a fraction of a second has 1 to 9 digits", false
			}
			f.nsec, _ = num(v, i+1, n)
			for ; n < 9; n++ {
				f.nsec *= 10
			}
			i = j
		}
	}
	switch rest := v[i:]; {
	case rest == "":
	case rest == "Z":
		f.hasOffset = true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		hh, okh := num(rest, 1, 2)
		mm, okm := num(rest, 4, 2)
		if !okh || !okm {
			return badShape(v), false
		}
		if mm > 59 {
			return "the offset's minutes must be 00 to 59", false
		}
		if hh > 14 || hh == 14 && mm > 0 {
			return "offset " + rest + " is beyond ±14:00, more than any zone uses", false
		}
		f.hasOffset = true
		f.offset = (hh*60 + mm) * 60
		if rest[0] == '-' {
			f.offset = -f.offset
		}
	case rest[0] == '+' || rest[0] == '-':
		return "an offset is written ±HH:MM, such as -08:00 or +03:30", false
	case isAbbrev(strings.TrimLeft(rest, " ")):
		return "zone abbreviations such as " + strings.TrimLeft(rest, " ") +
			" are not accepted, as many stand for several zones (without one, the entry's zone applies)", false
	default:
		return badShape(v), false
	}
	return f.check()
}

// check rejects values of the right shape that name no real day or time of day.
func (f *fields) check() (reason string, ok bool) {
	switch {
	case f.year >= 1200 && f.year < 1500:
		return fmt.Sprintf("year %d looks like a Solar Hijri (Jalali) year, and dates are Gregorian", f.year), false
	case f.year < 1900:
		return fmt.Sprintf("year %d is before 1900", f.year), false
	case f.month < 1 || f.month > 12:
		return fmt.Sprintf("there is no month %02d", f.month), false
	case f.day < 1 || f.day > daysIn(f.month, f.year):
		if f.day < 1 {
			return "there is no day 00", false
		}
		return fmt.Sprintf("%s %d has %d days", time.Month(f.month), f.year, daysIn(f.month, f.year)), false
	case f.hour == 24:
		return "hour 24 is not accepted (00:00 of the next day is)", false
	case f.hour > 24:
		return fmt.Sprintf("there is no hour %02d (hours are 00 to 23)", f.hour), false
	case f.min > 59:
		return fmt.Sprintf("there is no minute %02d (minutes are 00 to 59)", f.min), false
	case f.sec == 60:
		return "leap seconds (:60) are not supported", false
	case f.sec > 59:
		return fmt.Sprintf("there is no second %02d (seconds are 00 to 59)", f.sec), false
	}
	return "", true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// badShape explains the common ways a value that is not of an accepted shape goes wrong, or returns
// "" to let the list of accepted forms speak.
func badShape(v string) string {
	for _, r := range v {
		if r > '9' && digits.IsDigit(r) { // Persian or Arabic-Indic
			return "its digits must be 0-9"
		}
	}
	if len(v) == 5 && v[2] == ':' {
		if _, ok := num(v, 0, 2); ok {
			return "the date is missing"
		}
	}
	return ""
}

// isAbbrev reports whether s looks like a zone abbreviation (PST, IRST, CEST, UTC).
func isAbbrev(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
