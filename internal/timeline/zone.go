package timeline

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// zoneCache maps a name given to LoadZone to its zoneResult: thousands of articles share a few zones.
var zoneCache sync.Map

type zoneResult struct {
	loc *time.Location
	err *ZoneError
}

// LoadZone loads an IANA zone by name ("Asia/Tehran", "America/Los_Angeles", "UTC"); white space
// around the name is ignored. Names are case-sensitive, as in the zone database.
//
// An empty name, a name the embedded zone database does not have, and a few names that would be
// silently wrong part of the year are a *ZoneError: "Local" (the zone of the machine that happens
// to build the site), "EST" and "MST" (fixed offsets, without the daylight saving time that New
// York and Denver keep), "Factory", and "Etc/GMT+5" and the like (whose sign is the opposite of the
// offset's: Etc/GMT+5 is UTC-5). The error suggests the closest zone name when one is close.
func LoadZone(name string) (*time.Location, error) {
	if r, ok := zoneCache.Load(name); ok {
		return r.(zoneResult).result()
	}
	loc, err := loadZone(name)
	r, _ := zoneCache.LoadOrStore(name, zoneResult{loc, err})
	return r.(zoneResult).result()
}

func (r zoneResult) result() (*time.Location, error) {
	if r.err != nil {
		e := *r.err // a copy: callers may keep or change it
		return nil, &e
	}
	return r.loc, nil
}

// refused are zone names that load but would be wrong part of the year for what writers mean by them.
var refused = map[string]ZoneError{
	"Local": {Reason: "is the zone of whatever machine builds the site"},
	"EST": {Reason: "is -05:00 all year, without the daylight saving time New York keeps",
		Suggestion: "America/New_York"},
	"MST": {Reason: "is -07:00 all year, without the daylight saving time Denver keeps (Arizona's is America/Phoenix)",
		Suggestion: "America/Denver"},
	"Factory": {Reason: "means the zone is unknown"},
}

// refusedZone reports whether LoadZone refuses the zone n, and why.
func refusedZone(n string) (ZoneError, bool) {
	if r, ok := refused[n]; ok {
		r.refused = true
		return r, true
	}
	// Etc/GMT+5 is five hours behind UTC: POSIX inverts the sign, and writers do not expect that.
	if rest, ok := strings.CutPrefix(n, "Etc/GMT"); ok && len(rest) > 1 && rest[1:] != "0" {
		utc := "UTC+" + rest[1:]
		if rest[0] == '+' {
			utc = "UTC-" + rest[1:]
		}
		return ZoneError{refused: true, Reason: "is " + utc + ": the sign of Etc/GMT names is the opposite of the offset's. " +
			"Name a location such as \"Asia/Tehran\", or write the times with their offset"}, true
	}
	return ZoneError{}, false
}

func loadZone(name string) (*time.Location, *ZoneError) {
	n := strings.TrimSpace(name)
	if n == "" {
		return nil, &ZoneError{Name: name}
	}
	if r, ok := refusedZone(n); ok {
		r.Name = name
		return nil, &r
	}
	if !hasZone(n) {
		e := &ZoneError{Name: name}
		e.Suggestion, e.Reason = suggestZone(n)
		return nil, e
	}
	loc, err := loadFromDB(n)
	if err != nil {
		return nil, &ZoneError{Name: name, Reason: err.Error()}
	}
	return loc, nil
}

// ZoneError reports a time zone name that LoadZone does not accept.
type ZoneError struct {
	Name       string // as given
	Suggestion string // the closest zone name, or ""
	Reason     string // why, when more can be said than "unknown"; may be ""
	refused    bool   // the zone exists but is not accepted
}

func (e *ZoneError) Error() string {
	var msg string
	switch {
	case strings.TrimSpace(e.Name) == "":
		msg = `no time zone given: name an IANA zone such as "Asia/Tehran" or "America/Los_Angeles"`
	case e.refused:
		msg = "time zone " + diag.Quote(e.Name) + " is not accepted: it " + e.Reason
	case e.Reason != "":
		msg = "unknown time zone " + diag.Quote(e.Name) + ": " + e.Reason
	default:
		msg = "unknown time zone " + diag.Quote(e.Name)
	}
	if e.Suggestion != "" {
		msg += "; did you mean " + strconv.Quote(e.Suggestion) + "?"
	}
	return msg
}

// abbrevZones maps zone abbreviations and names writers use for a zone to the zone, where the
// abbreviation stands for one zone only.
var abbrevZones = map[string]string{
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
	"EDT": "America/New_York", "ET": "America/New_York",
	"CDT": "America/Chicago", "CT": "America/Chicago",
	"MDT": "America/Denver", "MT": "America/Denver",
	"AKST": "America/Anchorage", "AKDT": "America/Anchorage",
	"IRST": "Asia/Tehran", "IRDT": "Asia/Tehran",
	"CEST": "Europe/Berlin", "BST": "Europe/London",
	"AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
	"JST": "Asia/Tokyo",
}

// suggestZone returns the zone name closest to n, if one is close, and what to say about n.
func suggestZone(n string) (suggestion, reason string) {
	if isAbbrev(n) {
		reason = "zone abbreviations are not zone names"
		return abbrevZones[n], reason // edit distance would turn IST into EST
	}
	if len(n) > 64 { // no zone name is this long, and comparing with every one would take seconds
		return "", ""
	}
	key := strings.ToLower(strings.ReplaceAll(n, " ", "_"))
	slash := strings.Contains(key, "/")
	best, bestD := "", 1<<30
	for _, z := range zoneNames() {
		if _, no := refusedZone(z); no {
			continue
		}
		lz := strings.ToLower(z)
		d := editDistance(key, lz)
		if i := strings.LastIndexByte(lz, '/'); !slash && i >= 0 {
			d = min(d, editDistance(key, lz[i+1:]))
		}
		if d < bestD {
			best, bestD = z, d
		}
	}
	if bestD <= max(1, min(4, len(key)/3)) {
		return best, reason
	}
	return "", reason
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	var buf [64]int
	row := buf[:0]
	if len(a)+1 > len(buf) {
		row = make([]int, 0, len(a)+1)
	}
	for i := 0; i <= len(a); i++ {
		row = append(row, i)
	}
	for j := 1; j <= len(b); j++ {
		prev := row[0] // row[j-1][i-1]
		row[0] = j
		for i := 1; i <= len(a); i++ {
			cur := row[i]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[i] = min(row[i]+1, row[i-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(a)]
}

// ZoneAbbrev returns the zone's abbreviation at t ("PST", "PDT", "UTC", "CET"), and numeric=true
// when the zone database has only a numeric name for it ("+0330", "+0430", "-03"), so that callers
// can show a proper label (a localized zone name, or the offset) instead.
func ZoneAbbrev(t time.Time) (abbr string, numeric bool) {
	abbr, _ = t.Zone()
	if abbr == "" {
		return t.Format("-0700"), true
	}
	c := abbr[0]
	return abbr, c == '+' || c == '-' || c >= '0' && c <= '9'
}

// OffsetString formats t's offset from UTC as "-08:00", "+03:30" or "+00:00".
func OffsetString(t time.Time) string {
	return t.Format("-07:00")
}

// UTCString formats t as RFC 3339 in UTC with seconds and "Z", "2023-11-08T03:52:00Z", for
// <time datetime>; a fraction of a second is kept when there is one.
func UTCString(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}
