package timeline

import (
	"errors"
	"fmt"
	"strconv"
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

// transition is a change of offset: at the instant at (seconds since 1970), clocks set to fromOff
// (seconds east of UTC, abbreviation fromName) changed to toOff.
type transition struct {
	at             int64
	fromOff, toOff int
	fromName       string
	ok             bool
}

// window bounds, in seconds, how far from the wall clock read as UTC an instant with that wall
// clock can be: no zone has used an offset beyond ±16h since 1900.
const window = 30 * 3600

// resolve returns, earliest first, every instant at which loc's clocks showed f's wall time, and,
// when there is none, the transition that skipped it. It finds every offset in force near the
// wall time by walking loc's zone periods, and keeps the instants wall - offset at which that
// offset was in force, i.e. those that show the same wall clock again in loc.
func resolve(f *fields, loc *time.Location, cands []time.Time) ([]time.Time, transition) {
	wall := f.wallUnix()
	var offBuf [4]int
	offs := offBuf[:0]
	var trBuf [4]transition
	trs := trBuf[:0]

	t := time.Unix(wall-window, 0).In(loc)
	name, off := t.Zone()
	offs = append(offs, off)
	for range 1000 {
		end := nextChange(t)
		if end.IsZero() || end.Unix() > wall+window {
			break
		}
		name2, off2 := end.Zone()
		if off2 != off {
			trs = append(trs, transition{at: end.Unix(), fromOff: off, toOff: off2, fromName: name, ok: true})
			if !containsInt(offs, off2) {
				offs = append(offs, off2)
			}
		}
		t, name, off = end, name2, off2
	}

	for _, o := range offs {
		c := time.Unix(wall-int64(o), int64(f.nsec)).In(loc)
		if _, co := c.Zone(); co != o {
			continue
		}
		// insert in order
		cands = append(cands, c)
		for k := len(cands) - 1; k > 0 && cands[k].Before(cands[k-1]); k-- {
			cands[k], cands[k-1] = cands[k-1], cands[k]
		}
	}
	if len(cands) > 0 {
		return cands, transition{}
	}
	for _, tr := range trs {
		if tr.toOff > tr.fromOff && tr.at+int64(tr.fromOff) <= wall && wall < tr.at+int64(tr.toOff) {
			return cands, tr
		}
	}
	return cands, transition{}
}

// nextChange returns when the zone period containing t ends, or the zero time if it never does.
// time.Time.ZoneBounds can report a period's end at or before t itself where a zone's rules come
// from its POSIX rule string (recent years in compact zone data) and t is at a year boundary; then
// the lookup is repeated a minute later, which finds the real end (no zone changes offset twice
// within a minute).
func nextChange(t time.Time) time.Time {
	for range 4 {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.After(t) {
			return end
		}
		t = t.Add(time.Minute)
	}
	return time.Time{}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// FormatError reports an `at` value that is not a time in an accepted form.
type FormatError struct {
	Value  string // as written
	Reason string // what is wrong, when more can be said than "not a time"; may be ""
}

func (e *FormatError) Error() string {
	const how = `write "YYYY-MM-DD HH:MM" in the entry's zone, or RFC 3339 with an offset such as "2023-11-07T19:52:00-08:00"`
	if e.Reason != "" {
		return diag.Quote(e.Value) + " is not a time: " + e.Reason + "; " + how
	}
	return diag.Quote(e.Value) + " is not a time: " + how
}

// AmbiguousError reports a wall time that the zone's clocks showed twice, when they were set back.
type AmbiguousError struct {
	Wall       string      // as written
	Zone       string      // the zone's name
	Candidates []time.Time // the instants, in the zone, earliest first
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	b.WriteString(e.Wall + " is ambiguous in " + e.Zone + ": it happened ")
	if len(e.Candidates) == 2 {
		b.WriteString("twice")
	} else {
		b.WriteString(strconv.Itoa(len(e.Candidates)) + " times")
	}
	for i, c := range e.Candidates {
		switch {
		case i == 0:
			b.WriteString(", at ")
		case i == len(e.Candidates)-1:
			b.WriteString(" and at ")
		default:
			b.WriteString(", at ")
		}
		b.WriteString(offsetLabel(c))
	}
	b.WriteString("; write it in RFC 3339 with an offset, e.g. ")
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", or ")
		}
		b.WriteString(`at = "` + c.Format(time.RFC3339Nano) + `"`)
		if len(e.Candidates) == 2 {
			b.WriteString([]string{" for the first", " for the second"}[i])
		}
	}
	return b.String()
}

// NonexistentError reports a wall time that the zone's clocks skipped, when they were set forward.
type NonexistentError struct {
	Wall string // as written
	Zone string // the zone's name
	// Before and After are the same instant, the moment clocks were set forward, shown in the
	// offset in force just before it (Before, in a fixed zone with that offset and abbreviation)
	// and just after it (After, in the zone). They are zero if the change could not be found.
	Before, After time.Time
}

func (e *NonexistentError) Error() string {
	msg := e.Wall + " does not exist in " + e.Zone
	if e.Before.IsZero() || e.After.IsZero() {
		return msg + ": its clocks skipped it; write it in RFC 3339 with an offset"
	}
	layout := "15:04"
	if e.Before.Second() != 0 || e.After.Second() != 0 {
		layout = "15:04:05"
	}
	if e.Before.Format("2006-01-02") != e.After.Format("2006-01-02") {
		layout = "2006-01-02 " + layout
	}
	msg += ": clocks jumped from " + e.Before.Format(layout) + " to " + e.After.Format(layout) +
		" (" + offsetName(e.Before) + " to " + offsetName(e.After) + "); write it in RFC 3339 with an offset"
	var f fields
	if _, ok := f.parse(strings.TrimSpace(e.Wall)); !ok || f.hasOffset {
		return msg
	}
	_, before := e.Before.Zone()
	_, after := e.After.Zone()
	wall := f.wallUnix()
	loc := e.After.Location()
	asBefore := time.Unix(wall-int64(before), int64(f.nsec)).In(loc)
	asAfter := time.Unix(wall-int64(after), int64(f.nsec)).In(loc)
	clock := time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, f.nsec, time.UTC).Format("15:04")
	return msg + `, e.g. at = "` + asBefore.Format(time.RFC3339Nano) + `" if you meant ` + clock +
		" on the clock before the change (" + offsetName(e.Before) + `), or at = "` +
		asAfter.Format(time.RFC3339Nano) + `" if you meant ` + clock + " on the clock after it (" + offsetName(e.After) + ")"
}

// offsetLabel is t's offset with its abbreviation when that is a name: "-08:00 (PST)", "+03:30".
func offsetLabel(t time.Time) string {
	abbr, numeric := ZoneAbbrev(t)
	if numeric {
		return OffsetString(t)
	}
	return OffsetString(t) + " (" + abbr + ")"
}

// offsetName is t's offset followed by its abbreviation when that is a name: "-08:00 PST", "+03:30".
func offsetName(t time.Time) string {
	abbr, numeric := ZoneAbbrev(t)
	if numeric {
		return OffsetString(t)
	}
	return OffsetString(t) + " " + abbr
}

// OffsetError reports an RFC 3339 time whose offset is not the one the zone had at that instant
// (19:52+05:00 in America/Los_Angeles): shown in the zone, it would read as a clock time the source
// never gave. UTC ("Z", "+00:00") is never an OffsetError.
type OffsetError struct {
	Value  string    // as written
	Offset int       // the offset written, in seconds east of UTC
	Zone   string    // the zone's name
	At     time.Time // the instant, in the zone
}

func (e *OffsetError) Error() string {
	written := time.Unix(0, 0).In(time.FixedZone("", e.Offset))
	zoneOff, utc := offsetLabel(e.At), ` or in UTC with "Z",`
	if abbr, _ := ZoneAbbrev(e.At); abbr == e.Zone { // UTC is at +00:00 (UTC)
		zoneOff, utc = OffsetString(e.At), ""
	}
	return strconv.Quote(e.Value) + " has offset " + OffsetString(written) + ", but " + e.Zone + " is at " +
		zoneOff + " at that instant, so the page would show a time the source never gave; " +
		`write the instant with the zone's offset, at = "` + e.At.Format(time.RFC3339Nano) + `",` + utc +
		" or set timezone (or the entry's zone) to the zone the source used"
}
