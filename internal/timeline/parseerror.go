package timeline

// This file holds the errors ParseAt returns (FormatError, AmbiguousError, NonexistentError,
// OffsetError) and the offset labels their messages use.

import (
	"strconv"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

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
