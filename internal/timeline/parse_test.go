package timeline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func mustZone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := LoadZone(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

const (
	la       = "America/Los_Angeles"
	tehran   = "Asia/Tehran"
	london   = "Europe/London"
	lordHowe = "Australia/Lord_Howe"
	santiago = "America/Santiago"
	apia     = "Pacific/Apia"
)

// Kinds of result.
const (
	ok          = ""
	format      = "format"
	ambiguous   = "ambiguous"
	nonexistent = "nonexistent"
	offset      = "offset" // RFC 3339 with an offset the zone does not have at that instant
)

type parseCase struct {
	in, zone string
	kind     string
	utc      string   // ok: the instant, RFC 3339 in UTC; ambiguous: the candidates, comma-separated
	abbr     string   // ok: the zone abbreviation of the result, if checked
	inUTC    bool     // ok: the result is shown in UTC, not in the zone (a "Z" time in another zone)
	msg      []string // the error message contains each
}

var parseCases = []parseCase{
	// The article's example: 19:52 PST.
	{in: "2023-11-07 19:52", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "PST"},
	{in: "2023-11-07T19:52", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "PST"},
	{in: "2023-11-07 19:52:00", zone: la, utc: "2023-11-08T03:52:00Z"},
	{in: "2023-11-07T19:52:30", zone: la, utc: "2023-11-08T03:52:30Z"},
	{in: "2023-11-07T19:52:30.25", zone: la, utc: "2023-11-08T03:52:30.25Z"},
	{in: "2023-11-08 07:46", zone: la, utc: "2023-11-08T15:46:00Z", abbr: "PST"},
	{in: "2023-11-08 07:22", zone: tehran, utc: "2023-11-08T03:52:00Z", abbr: "+0330"},
	{in: "2023-11-07 19:52", zone: "UTC", utc: "2023-11-07T19:52:00Z", abbr: "UTC"},

	// White space around the value is ignored.
	{in: "  2023-11-07 19:52\t", zone: la, utc: "2023-11-08T03:52:00Z"},
	{in: "\n2023-11-07T19:52:00-08:00 ", zone: la, utc: "2023-11-08T03:52:00Z"},

	// RFC 3339 with an offset; the result is shown in the zone.
	{in: "2023-11-07T19:52:00-08:00", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "PST"},
	{in: "2023-11-07T19:52-08:00", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "PST"},
	{in: "2023-11-07 19:52:00-08:00", zone: la, utc: "2023-11-08T03:52:00Z"},
	// UTC ("Z", "+00:00", "-00:00") is accepted in any zone, and shown as written: in UTC.
	{in: "2023-11-08T03:52:00Z", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "UTC", inUTC: true},
	{in: "2023-11-08T03:52:00+00:00", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "UTC", inUTC: true},
	{in: "2023-11-08T03:52:00-00:00", zone: la, utc: "2023-11-08T03:52:00Z", abbr: "UTC", inUTC: true},
	{in: "2023-11-08T03:52Z", zone: tehran, utc: "2023-11-08T03:52:00Z", abbr: "UTC", inUTC: true},
	{in: "2023-11-08T03:52:00.5Z", zone: "UTC", utc: "2023-11-08T03:52:00.5Z", abbr: "UTC"},
	{in: "2023-01-01T12:00:00Z", zone: london, utc: "2023-01-01T12:00:00Z", abbr: "GMT"}, // London is at +00:00 then
	{in: "2023-07-01T11:00:00Z", zone: london, utc: "2023-07-01T11:00:00Z", abbr: "UTC", inUTC: true},
	{in: "2023-11-08T03:52:00-00:00", zone: "UTC", utc: "2023-11-08T03:52:00Z"},
	// Any other offset must be the zone's at that instant: else the page would label the entry with
	// a clock the source never showed ("06:52 PST" for 19:52+05:00).
	{in: "2023-11-07T19:52:00+05:00", zone: la, kind: offset, msg: []string{
		`"2023-11-07T19:52:00+05:00" has offset +05:00`, "America/Los_Angeles is at -08:00 (PST) at that instant",
		`at = "2023-11-07T06:52:00-08:00"`, "timezone"}},
	{in: "2023-11-08T07:22:00+03:30", zone: la, kind: offset, msg: []string{`at = "2023-11-07T19:52:00-08:00"`}},
	{in: "2023-11-07T20:52:00-07:00", zone: la, kind: offset, msg: []string{"-07:00", "-08:00 (PST)", `at = "2023-11-07T19:52:00-08:00"`}}, // PDT, in November
	{in: "2023-11-08T17:52:00+14:00", zone: "UTC", kind: offset, msg: []string{"UTC is at +00:00 at that instant", `at = "2023-11-08T03:52:00Z"`}},
	{in: "2023-11-07T15:52:00-12:00", zone: "UTC", kind: offset},
	{in: "2023-11-07T19:52:00-08:00", zone: "UTC", kind: offset, msg: []string{`at = "2023-11-08T03:52:00Z"`}},
	{in: "2023-11-08T07:22:00.25+03:30", zone: la, kind: offset, msg: []string{`at = "2023-11-07T19:52:00.25-08:00"`}},
	{in: "2023-11-08T07:22:00+03:30", zone: tehran, utc: "2023-11-08T03:52:00Z", abbr: "+0330"},
	{in: "2023-07-01T12:00:00+01:00", zone: london, utc: "2023-07-01T11:00:00Z", abbr: "BST"},
	{in: "2023-07-01T12:00:00+02:00", zone: london, kind: offset, msg: []string{"+01:00 (BST)"}},
	{in: "2023-04-02T00:00:00-04:00", zone: santiago, utc: "2023-04-02T04:00:00Z", abbr: "-04"},
	{in: "2023-04-02T00:00:00-03:00", zone: santiago, kind: offset, msg: []string{"America/Santiago is at -04:00 at that instant"}}, // numeric names are not shown

	// Los Angeles, fall back: 01:00-01:59 on 2023-11-05 happened twice.
	{in: "2023-11-05 00:59", zone: la, utc: "2023-11-05T07:59:00Z", abbr: "PDT"},
	{in: "2023-11-05 01:00", zone: la, kind: ambiguous, utc: "2023-11-05T08:00:00Z,2023-11-05T09:00:00Z"},
	{in: "2023-11-05 01:30", zone: la, kind: ambiguous, utc: "2023-11-05T08:30:00Z,2023-11-05T09:30:00Z",
		msg: []string{"2023-11-05 01:30 is ambiguous in America/Los_Angeles", "-07:00 (PDT)", "-08:00 (PST)", "RFC 3339",
			`at = "2023-11-05T01:30:00-07:00"`, `at = "2023-11-05T01:30:00-08:00"`}},
	{in: "2023-11-05T01:59:59", zone: la, kind: ambiguous, utc: "2023-11-05T08:59:59Z,2023-11-05T09:59:59Z"},
	{in: "2023-11-05 02:00", zone: la, utc: "2023-11-05T10:00:00Z", abbr: "PST"},
	// ...and both of its instants written with an offset.
	{in: "2023-11-05T01:30:00-07:00", zone: la, utc: "2023-11-05T08:30:00Z", abbr: "PDT"},
	{in: "2023-11-05T01:30:00-08:00", zone: la, utc: "2023-11-05T09:30:00Z", abbr: "PST"},
	{in: "2023-11-05T01:30-07:00", zone: la, utc: "2023-11-05T08:30:00Z", abbr: "PDT"},
	// ...and offsets around it: each is valid only on its side of the change (09:00 UTC).
	{in: "2023-11-05T01:59:59-07:00", zone: la, utc: "2023-11-05T08:59:59Z", abbr: "PDT"},
	{in: "2023-11-05T00:59:00-08:00", zone: la, kind: offset, msg: []string{`at = "2023-11-05T01:59:00-07:00"`}},
	{in: "2023-11-05T01:00:00-08:00", zone: la, utc: "2023-11-05T09:00:00Z", abbr: "PST"},
	{in: "2023-11-05T02:00:00-07:00", zone: la, kind: offset, msg: []string{`at = "2023-11-05T01:00:00-08:00"`}},
	{in: "2023-11-05T02:00:00-08:00", zone: la, utc: "2023-11-05T10:00:00Z", abbr: "PST"},

	// Los Angeles, spring forward: 02:00-02:59 on 2024-03-10 never happened.
	{in: "2024-03-10 01:59", zone: la, utc: "2024-03-10T09:59:00Z", abbr: "PST"},
	{in: "2024-03-10 02:00", zone: la, kind: nonexistent},
	{in: "2024-03-10 02:30", zone: la, kind: nonexistent,
		msg: []string{"2024-03-10 02:30 does not exist in America/Los_Angeles", "from 02:00 to 03:00", "-08:00 PST to -07:00 PDT",
			"RFC 3339", `at = "2024-03-10T03:30:00-07:00"`, `at = "2024-03-10T01:30:00-08:00"`}},
	{in: "2024-03-10T02:59:59", zone: la, kind: nonexistent},
	{in: "2024-03-10 03:00", zone: la, utc: "2024-03-10T10:00:00Z", abbr: "PDT"},
	// ...and offsets around it: each is valid only on its side of the change (10:00 UTC).
	{in: "2024-03-10T01:59:00-08:00", zone: la, utc: "2024-03-10T09:59:00Z", abbr: "PST"},
	{in: "2024-03-10T01:59:59.999-08:00", zone: la, utc: "2024-03-10T09:59:59.999Z", abbr: "PST"},
	{in: "2024-03-10T02:00:00-08:00", zone: la, kind: offset, msg: []string{`at = "2024-03-10T03:00:00-07:00"`}},
	{in: "2024-03-10T03:00:00-07:00", zone: la, utc: "2024-03-10T10:00:00Z", abbr: "PDT"},
	{in: "2024-03-10T01:59:00-07:00", zone: la, kind: offset, msg: []string{`at = "2024-03-10T00:59:00-08:00"`}},
	{in: "2024-03-10T02:30:00-07:00", zone: la, kind: offset, msg: []string{`at = "2024-03-10T01:30:00-08:00"`}},
	{in: "2024-03-10T02:30:00-08:00", zone: la, kind: offset, msg: []string{`at = "2024-03-10T03:30:00-07:00"`}}, // in the gap

	// Tehran kept daylight saving time until 2022.
	{in: "2021-07-01 12:00", zone: tehran, utc: "2021-07-01T07:30:00Z", abbr: "+0430"},
	{in: "2021-01-01 12:00", zone: tehran, utc: "2021-01-01T08:30:00Z", abbr: "+0330"},
	{in: "2023-07-01 12:00", zone: tehran, utc: "2023-07-01T08:30:00Z", abbr: "+0330"},
	{in: "2022-09-21 22:59", zone: tehran, utc: "2022-09-21T18:29:00Z", abbr: "+0430"},
	{in: "2022-09-21 23:00", zone: tehran, kind: ambiguous, utc: "2022-09-21T18:30:00Z,2022-09-21T19:30:00Z"},
	{in: "2022-09-21 23:30", zone: tehran, kind: ambiguous, utc: "2022-09-21T19:00:00Z,2022-09-21T20:00:00Z",
		msg: []string{"ambiguous in Asia/Tehran", "at +04:30 and at +03:30", "RFC 3339", `at = "2022-09-21T23:30:00+04:30"`}},
	{in: "2022-09-22 00:00", zone: tehran, utc: "2022-09-21T20:30:00Z", abbr: "+0330"},
	{in: "2022-09-21T23:30:00+04:30", zone: tehran, utc: "2022-09-21T19:00:00Z", abbr: "+0430"},
	{in: "2022-09-21T23:30:00+03:30", zone: tehran, utc: "2022-09-21T20:00:00Z", abbr: "+0330"},
	{in: "2022-09-21T23:59:59+04:30", zone: tehran, utc: "2022-09-21T19:29:59Z", abbr: "+0430"},
	{in: "2022-09-22T00:00:00+04:30", zone: tehran, kind: offset, msg: []string{"Asia/Tehran is at +03:30", `at = "2022-09-21T23:00:00+03:30"`}},
	{in: "2022-09-21T22:59:00+03:30", zone: tehran, kind: offset, msg: []string{"Asia/Tehran is at +04:30", `at = "2022-09-21T23:59:00+04:30"`}},
	{in: "2022-09-21T23:00:00+03:30", zone: tehran, utc: "2022-09-21T19:30:00Z", abbr: "+0330"},
	// Tehran's +04:30 is history: summer 2021 had it, summer 2023 and winter 2021 did not.
	{in: "2021-07-01T12:00:00+04:30", zone: tehran, utc: "2021-07-01T07:30:00Z", abbr: "+0430"},
	{in: "2023-07-01T12:00:00+04:30", zone: tehran, kind: offset, msg: []string{`at = "2023-07-01T11:00:00+03:30"`}},
	{in: "2021-01-01T12:00:00+04:30", zone: tehran, kind: offset, msg: []string{`at = "2021-01-01T11:00:00+03:30"`}},
	{in: "2022-03-21 23:59", zone: tehran, utc: "2022-03-21T20:29:00Z", abbr: "+0330"},
	{in: "2022-03-22 00:00", zone: tehran, kind: nonexistent},
	{in: "2022-03-22 00:30", zone: tehran, kind: nonexistent,
		msg: []string{"2022-03-22 00:30 does not exist in Asia/Tehran", "from 00:00 to 01:00 (+03:30 to +04:30)", "RFC 3339"}},
	{in: "2022-03-22 01:00", zone: tehran, utc: "2022-03-21T20:30:00Z", abbr: "+0430"},
	{in: "2023-03-22 00:30", zone: tehran, utc: "2023-03-21T21:00:00Z", abbr: "+0330"},
	{in: "2023-09-21 23:30", zone: tehran, utc: "2023-09-21T20:00:00Z", abbr: "+0330"},

	// London.
	{in: "2023-03-26 00:59", zone: london, utc: "2023-03-26T00:59:00Z", abbr: "GMT"},
	{in: "2023-03-26 01:30", zone: london, kind: nonexistent, msg: []string{"Europe/London", "+00:00 GMT to +01:00 BST"}},
	{in: "2023-03-26 02:00", zone: london, utc: "2023-03-26T01:00:00Z", abbr: "BST"},
	{in: "2023-10-29 01:30", zone: london, kind: ambiguous, utc: "2023-10-29T00:30:00Z,2023-10-29T01:30:00Z",
		msg: []string{"+01:00 (BST)", "+00:00 (GMT)"}},
	{in: "2023-10-29 01:30:15.5", zone: london, kind: ambiguous, utc: "2023-10-29T00:30:15.5Z,2023-10-29T01:30:15.5Z"},
	{in: "2023-07-01 12:00", zone: london, utc: "2023-07-01T11:00:00Z", abbr: "BST"},

	// Lord Howe moves its clocks by 30 minutes.
	{in: "2023-04-02 01:29", zone: lordHowe, utc: "2023-04-01T14:29:00Z"},
	{in: "2023-04-02 01:45", zone: lordHowe, kind: ambiguous, utc: "2023-04-01T14:45:00Z,2023-04-01T15:15:00Z",
		msg: []string{"+11:00", "+10:30"}},
	{in: "2023-04-02 02:00", zone: lordHowe, utc: "2023-04-01T15:30:00Z"},
	{in: "2023-10-01 02:15", zone: lordHowe, kind: nonexistent, msg: []string{"from 02:00 to 02:30"}},
	{in: "2023-10-01 02:30", zone: lordHowe, utc: "2023-09-30T15:30:00Z"},

	// Santiago, southern hemisphere, changes at midnight.
	{in: "2023-04-01 23:30", zone: santiago, kind: ambiguous, utc: "2023-04-02T02:30:00Z,2023-04-02T03:30:00Z"},
	{in: "2023-04-02 00:00", zone: santiago, utc: "2023-04-02T04:00:00Z", abbr: "-04"},
	{in: "2023-09-03 00:30", zone: santiago, kind: nonexistent},
	{in: "2023-09-03 01:00", zone: santiago, utc: "2023-09-03T04:00:00Z", abbr: "-03"},
	{in: "2024-01-15 12:00", zone: santiago, utc: "2024-01-15T15:00:00Z", abbr: "-03"},

	// Samoa skipped a whole day.
	{in: "2011-12-30 12:00", zone: apia, kind: nonexistent, msg: []string{"from 2011-12-30 00:00 to 2011-12-31 00:00"}},
	{in: "2011-12-29 23:59", zone: apia, utc: "2011-12-30T09:59:00Z"},
	{in: "2011-12-31 00:00", zone: apia, utc: "2011-12-30T10:00:00Z"},

	// Dates and times that exist.
	{in: "2024-02-29 10:00", zone: "UTC", utc: "2024-02-29T10:00:00Z"},
	{in: "2000-02-29 10:00", zone: "UTC", utc: "2000-02-29T10:00:00Z"},
	{in: "2023-12-31 23:59:59", zone: "UTC", utc: "2023-12-31T23:59:59Z"},
	{in: "1900-01-01 00:00", zone: "UTC", utc: "1900-01-01T00:00:00Z"},
	{in: "9999-12-31 23:59", zone: "UTC", utc: "9999-12-31T23:59:00Z"},

	// Not times.
	{in: "", zone: la, kind: format, msg: []string{`"" is not a time`, "YYYY-MM-DD HH:MM", "RFC 3339"}},
	{in: "   ", zone: la, kind: format},
	{in: "yesterday", zone: la, kind: format, msg: []string{`"yesterday" is not a time`}},
	{in: "2023-11-07", zone: la, kind: format, msg: []string{"time of day is missing"}},
	{in: "19:52", zone: la, kind: format, msg: []string{"date is missing"}},
	{in: "2023-11-07 7:52", zone: la, kind: format},
	{in: "2023-11-7 19:52", zone: la, kind: format},
	{in: "23-11-07 19:52", zone: la, kind: format},
	{in: "2023/11/07 19:52", zone: la, kind: format},
	{in: "2023-11-07  19:52", zone: la, kind: format},
	{in: "2023-11-07t19:52", zone: la, kind: format},
	{in: "2023-11-07_19:52", zone: la, kind: format},
	{in: "2023-11-07 19.52", zone: la, kind: format},
	{in: "2023-11-07 1952", zone: la, kind: format},
	{in: "2023-11-07 19:5", zone: la, kind: format},
	{in: "2023-11-07 19:52:", zone: la, kind: format},
	{in: "2023-11-07 19:52:0", zone: la, kind: format},
	{in: "2023-11-07 19:52.5", zone: la, kind: format},
	{in: "2023-11-07T19:52:00.", zone: la, kind: format},
	{in: "2023-11-07T19:52:00.1234567890", zone: la, kind: format},
	{in: "2023-11-07T19:52:00,5", zone: la, kind: format},
	{in: "2023-11-07 19:52 PST", zone: la, kind: format, msg: []string{"abbreviations such as PST"}},
	{in: "2023-11-07 19:52 UTC", zone: la, kind: format},
	{in: "2023-11-07T19:52:00z", zone: la, kind: format},
	{in: "2023-11-07T19:52+0330", zone: la, kind: format, msg: []string{"±HH:MM"}},
	{in: "2023-11-07T19:52+03", zone: la, kind: format},
	{in: "2023-11-07T19:52+3:30", zone: la, kind: format},
	{in: "2023-11-07T19:52:00 -08:00", zone: la, kind: format},
	{in: "2023-11-07T19:52:00-08:00 extra", zone: la, kind: format},
	{in: "2023-11-07T19:52:00-08:00Z", zone: la, kind: format},
	{in: "+2023-11-07 19:52", zone: la, kind: format},
	{in: "2023-11-07 19:52\x00", zone: la, kind: format},
	{in: "۲۰۲۳-۱۱-۰۷ ۱۹:۵۲", zone: tehran, kind: format, msg: []string{"0-9"}},
	// Days and times that do not exist are not rolled over.
	{in: "2023-02-30 10:00", zone: la, kind: format, msg: []string{"February 2023 has 28 days"}},
	{in: "2023-02-29 10:00", zone: la, kind: format},
	{in: "1900-02-29 10:00", zone: "UTC", kind: format},
	{in: "2024-02-30 10:00", zone: la, kind: format, msg: []string{"February 2024 has 29 days"}},
	{in: "2024-04-31 10:00", zone: la, kind: format},
	{in: "2023-13-01 10:00", zone: la, kind: format},
	{in: "2023-00-10 10:00", zone: la, kind: format},
	{in: "2023-01-00 10:00", zone: la, kind: format},
	{in: "2023-11-07 24:00", zone: la, kind: format, msg: []string{"hour 24"}},
	{in: "2023-11-07T24:00:00Z", zone: la, kind: format},
	{in: "2023-11-07 25:00", zone: la, kind: format},
	{in: "2023-11-07 19:60", zone: la, kind: format},
	{in: "2023-11-07 19:52:60", zone: la, kind: format, msg: []string{"leap second"}},
	{in: "2016-12-31T23:59:60Z", zone: la, kind: format},
	{in: "2023-11-07 19:52:61", zone: la, kind: format},
	{in: "2023-11-07T19:52:00+14:30", zone: la, kind: format},
	{in: "2023-11-07T19:52:00-15:00", zone: la, kind: format},
	{in: "2023-11-07T19:52:00+03:60", zone: la, kind: format},
	{in: "1402-08-16 19:52", zone: tehran, kind: format, msg: []string{"Jalali"}},
	{in: "1899-12-31 23:00", zone: "UTC", kind: format},
	{in: "0000-01-01 00:00", zone: "UTC", kind: format},
}

func TestParseAt(t *testing.T) {
	for _, c := range parseCases {
		loc := mustZone(t, c.zone)
		got, err := ParseAt(c.in, loc)
		name := c.zone + " " + c.in
		if c.kind == ok {
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if s := UTCString(got); s != c.utc {
				t.Errorf("%s = %s, want %s", name, s, c.utc)
			}
			want := loc
			if c.inUTC {
				want = time.UTC
			}
			if got.Location() != want {
				t.Errorf("%s: result in %v, want %v", name, got.Location(), want)
			}
			if abbr, _ := got.Zone(); c.abbr != "" && abbr != c.abbr {
				t.Errorf("%s: zone %s, want %s", name, abbr, c.abbr)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s = %v, want %s error", name, got, c.kind)
			continue
		}
		if !got.IsZero() {
			t.Errorf("%s: error with a time %v", name, got)
		}
		msg := err.Error()
		var fe *FormatError
		var ae *AmbiguousError
		var ne *NonexistentError
		switch c.kind {
		case format:
			if !errors.As(err, &fe) {
				t.Errorf("%s: %T %v, want *FormatError", name, err, err)
			} else if fe.Value != c.in {
				t.Errorf("%s: Value %q", name, fe.Value)
			}
			if !strings.Contains(msg, "RFC 3339") {
				t.Errorf("%s: %q does not say what is accepted", name, msg)
			}
		case ambiguous:
			if !errors.As(err, &ae) {
				t.Errorf("%s: %T %v, want *AmbiguousError", name, err, err)
				continue
			}
			var utcs []string
			for _, cand := range ae.Candidates {
				utcs = append(utcs, UTCString(cand))
				if cand.Location() != loc {
					t.Errorf("%s: candidate in %v", name, cand.Location())
				}
			}
			if s := strings.Join(utcs, ","); s != c.utc {
				t.Errorf("%s: candidates %s, want %s", name, s, c.utc)
			}
			if ae.Zone != c.zone || ae.Wall != strings.TrimSpace(c.in) {
				t.Errorf("%s: Zone %q Wall %q", name, ae.Zone, ae.Wall)
			}
			for _, want := range []string{c.zone, "ambiguous", "RFC 3339", OffsetString(ae.Candidates[0]), OffsetString(ae.Candidates[1])} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s: %q lacks %q", name, msg, want)
				}
			}
		case offset:
			var oe *OffsetError
			if !errors.As(err, &oe) {
				t.Errorf("%s: %T %v, want *OffsetError", name, err, err)
				continue
			}
			if oe.Value != c.in || oe.Zone != c.zone || oe.Offset == 0 {
				t.Errorf("%s: Value %q Zone %q Offset %d", name, oe.Value, oe.Zone, oe.Offset)
			}
			if _, o := oe.At.Zone(); o == oe.Offset || oe.At.Location() != loc {
				t.Errorf("%s: At %v: want the instant in the zone, at another offset than %d", name, oe.At, oe.Offset)
			}
			for _, want := range []string{c.zone, OffsetString(oe.At), "never gave"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s: %q lacks %q", name, msg, want)
				}
			}
		case nonexistent:
			if !errors.As(err, &ne) {
				t.Errorf("%s: %T %v, want *NonexistentError", name, err, err)
				continue
			}
			if ne.Zone != c.zone || ne.Wall != strings.TrimSpace(c.in) {
				t.Errorf("%s: Zone %q Wall %q", name, ne.Zone, ne.Wall)
			}
			if !ne.Before.Equal(ne.After) || ne.Before.IsZero() {
				t.Errorf("%s: Before %v After %v: want the same instant", name, ne.Before, ne.After)
			}
			_, ob := ne.Before.Zone()
			_, oa := ne.After.Zone()
			if ob >= oa {
				t.Errorf("%s: offsets %d to %d: want a jump forward", name, ob, oa)
			}
			for _, want := range []string{c.zone, "does not exist", "RFC 3339", OffsetString(ne.Before), OffsetString(ne.After)} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s: %q lacks %q", name, msg, want)
				}
			}
		}
		for _, want := range c.msg {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: %q lacks %q", name, msg, want)
			}
		}
		// Numeric zone names are not shown beside the offset.
		var shown []time.Time
		if ae != nil {
			shown = ae.Candidates
		}
		if ne != nil {
			shown = []time.Time{ne.Before, ne.After}
		}
		for _, tm := range shown {
			if abbr, numeric := ZoneAbbrev(tm); numeric {
				for _, bad := range []string{"(" + abbr + ")", " " + abbr + ")", " " + abbr + " ", " " + abbr + ";"} {
					if strings.Contains(msg, bad) {
						t.Errorf("%s: %q shows the numeric zone name %q", name, msg, abbr)
					}
				}
			}
		}
	}
}

// The suggestions in the errors are valid and mean what they say.
func TestErrorSuggestionsParse(t *testing.T) {
	for _, c := range parseCases {
		if c.kind != ambiguous && c.kind != nonexistent && c.kind != offset {
			continue
		}
		loc := mustZone(t, c.zone)
		_, err := ParseAt(c.in, loc)
		msg := err.Error()
		n := 0
		for rest := msg; ; {
			i := strings.Index(rest, `at = "`)
			if i < 0 {
				break
			}
			rest = rest[i+len(`at = "`):]
			sug := rest[:strings.IndexByte(rest, '"')]
			n++
			got, err := ParseAt(sug, loc)
			if err != nil {
				t.Errorf("%s: suggestion %q: %v", c.in, sug, err)
				continue
			}
			if got.Format(time.RFC3339Nano) != sug {
				t.Errorf("%s: suggestion %q is shown as %s in the zone", c.in, sug, got.Format(time.RFC3339Nano))
			}
			if w, _ := time.Parse(time.RFC3339Nano, c.in); c.kind == offset && !got.Equal(w) {
				t.Errorf("%s: suggestion %q is another instant", c.in, sug)
			}
			if c.kind == ambiguous && got.Format("2006-01-02 15:04") != strings.Replace(strings.TrimSpace(c.in), "T", " ", 1)[:16] {
				t.Errorf("%s: suggestion %q shows another wall time", c.in, sug)
			}
		}
		if want := map[string]int{ambiguous: 2, nonexistent: 2, offset: 1}[c.kind]; n != want {
			t.Errorf("%s: %d suggestions in %q, want %d", c.in, n, msg, want)
		}
	}
}

func TestParseAtTehranFromLA(t *testing.T) {
	at, err := ParseAt("2023-11-07 19:52", mustZone(t, la))
	if err != nil {
		t.Fatal(err)
	}
	if got := at.In(mustZone(t, tehran)).Format("2006-01-02 15:04 -07:00"); got != "2023-11-08 07:22 +03:30" {
		t.Errorf("in Tehran: %s", got)
	}
}

func TestParseAtNilZone(t *testing.T) {
	if _, err := ParseAt("2023-11-07 19:52", nil); err == nil {
		t.Error("no error for a nil zone")
	}
}

// time.Date picks a side for ambiguous and skipped wall times; ParseAt must not.
func TestTimeDateGuesses(t *testing.T) {
	loc := mustZone(t, la)
	if got := time.Date(2024, 3, 10, 2, 30, 0, 0, loc); got.Format("15:04") == "02:30" {
		t.Fatalf("time.Date made 02:30 exist: %v", got)
	}
	for _, in := range []string{"2024-03-10 02:30", "2023-11-05 01:30"} {
		if _, err := ParseAt(in, loc); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
}

// oracle finds every instant at which loc showed the wall time w (read as UTC), independently of
// resolve: it samples loc's offset every 10 minutes over two days around w.
func oracle(w time.Time, loc *time.Location) []time.Time { return oracleEvery(w, loc, 10*time.Minute) }

// oracleEvery is oracle with the given sampling step: each offset seen near w gives the candidate
// w - offset, kept when loc really was at that offset then (so it shows w again), earliest first.
func oracleEvery(w time.Time, loc *time.Location, step time.Duration) []time.Time {
	var offs []int
	for d := -30 * time.Hour; d <= 30*time.Hour; d += step {
		_, o := w.Add(d).In(loc).Zone()
		if !containsInt(offs, o) {
			offs = append(offs, o)
		}
	}
	var out []time.Time
	for _, o := range offs {
		c := w.Add(-time.Duration(o) * time.Second).In(loc)
		if _, co := c.Zone(); co == o {
			out = append(out, c)
		}
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k].Before(out[k-1]); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// checkAgainstOracle parses the wall time w in loc and compares the outcome with the oracle's.
func checkAgainstOracle(t *testing.T, w time.Time, loc *time.Location) {
	t.Helper()
	in := w.Format("2006-01-02 15:04:05")
	want := oracle(w, loc)
	got, err := ParseAt(in, loc)
	var ae *AmbiguousError
	var ne *NonexistentError
	switch {
	case len(want) == 1:
		if err != nil || !got.Equal(want[0]) {
			t.Errorf("%s in %v = %v, %v; want %v", in, loc, got, err, want[0])
		}
	case len(want) == 0:
		if !errors.As(err, &ne) {
			t.Errorf("%s in %v = %v, %v; want *NonexistentError", in, loc, got, err)
		} else if ne.Before.IsZero() {
			t.Errorf("%s in %v: the jump was not found", in, loc)
		}
	default:
		if !errors.As(err, &ae) {
			t.Errorf("%s in %v = %v, %v; want *AmbiguousError %v", in, loc, got, err, want)
		} else if len(ae.Candidates) != len(want) {
			t.Errorf("%s in %v: candidates %v, want %v", in, loc, ae.Candidates, want)
		} else {
			for i := range want {
				if !ae.Candidates[i].Equal(want[i]) {
					t.Errorf("%s in %v: candidates %v, want %v", in, loc, ae.Candidates, want)
				}
			}
		}
	}
}

// Around every change of offset in a few zones and years, every 5 minutes of wall time resolves as
// the oracle says.
func TestParseAtAroundTransitions(t *testing.T) {
	zones := []string{la, tehran, london, lordHowe, santiago, apia, "Australia/Sydney", "Europe/Dublin",
		"America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Chatham", "Africa/Casablanca", "Europe/Moscow", "America/St_Johns"}
	from := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if testing.Short() {
		from = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	n := 0
	for _, z := range zones {
		loc := mustZone(t, z)
		for tt := from; tt.Before(to); {
			end := nextChange(tt.In(loc))
			if end.IsZero() || !end.Before(to) {
				break
			}
			_, o1 := end.Add(-time.Second).Zone()
			// Wall times from 3 hours before the change to 3 hours after, read as UTC.
			w := end.Add(time.Duration(o1) * time.Second).UTC().Truncate(time.Minute)
			for d := -3 * time.Hour; d <= 3*time.Hour; d += 5 * time.Minute {
				checkAgainstOracle(t, w.Add(d), loc)
				n++
			}
			tt = end
		}
	}
	if n < 1000 {
		t.Errorf("only %d wall times checked", n)
	}
}
