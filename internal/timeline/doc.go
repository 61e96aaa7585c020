// Package timeline turns the times written in an incident's timeline into instants, and answers the
// questions a page asks about them: when it started, when it was resolved, how long it lasted.
//
// A source reports times on its own clock ("19:52 PST"), so a timeline entry's `at` is a wall time in
// a named IANA zone (the article's, or the entry's own), or an RFC 3339 time with an explicit offset.
// ParseAt resolves it with the zone's rules as they were on that day: Tehran was +04:30 in summer
// 2021 and is +03:30 all year since 2023. A wall time that the zone's clocks showed twice (the hour
// repeated when daylight saving time ends) or never (the hour skipped when it starts) is an error
// that names the possible offsets; it is never resolved by guessing, because a time that is wrong by
// an hour is worse than none.
//
// Accepted `at` values (surrounding white space is ignored):
//
//	2023-11-07 19:52          wall time in the zone (a "T" may replace the space)
//	2023-11-07 19:52:30       with seconds (and optionally a fraction: 19:52:30.5)
//	2023-11-07T19:52:00-08:00 RFC 3339 with an offset (seconds optional, "Z" for UTC)
//
// An offset must be the zone's at that instant (-08:00 for Los Angeles in November, -07:00 in July;
// either one during the hour repeated in autumn, on its own side of the change): a time is shown
// with its source's clock ("19:52 PST"), and 19:52+05:00 in Los Angeles would be shown as a clock the
// source never gave ("06:52 PST"), so it is an *OffsetError suggesting the same instant with the
// zone's offset. UTC ("Z", "+00:00") is accepted in any zone, since it is how times are pasted from
// logs, and is shown in UTC as written ("03:52 UTC").
//
// Dates are Gregorian, with years from 1900 to 9999; a date that does not exist (2023-02-30) and hour
// 24 are errors, not rolled over into the next month or day.
//
// A Timeline is an incident's entries, which Check keeps in chronological order; Start, Resolved,
// Duration and Elapsed measure it in instants, so an hour repeated or skipped by a clock change is
// counted as it passed.
//
// Zones come only from the zone database embedded in the package (zoneinfo.zip, see zonedb.go),
// never from the build machine's, so the same article gives the same instants wherever it is built;
// LoadZone accepts exactly the zone names of that database and caches what it loads.
package timeline
