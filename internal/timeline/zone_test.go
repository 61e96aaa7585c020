package timeline

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestLoadZone(t *testing.T) {
	for _, name := range []string{la, tehran, london, "UTC", "Etc/UTC", "Etc/GMT", "Etc/GMT+0", "Etc/GMT-0", "GMT", "Iran", "  Asia/Tehran "} {
		loc, err := LoadZone(name)
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if loc.String() != strings.TrimSpace(name) {
			t.Errorf("%q loaded as %q", name, loc.String())
		}
	}
	a, _ := LoadZone(tehran)
	b, _ := LoadZone(tehran)
	if a != b {
		t.Error("LoadZone does not cache")
	}
}

func TestLoadZoneErrors(t *testing.T) {
	for _, c := range []struct {
		name, suggestion string
		msg              []string
	}{
		{"Asia/Tehrn", "Asia/Tehran", []string{`unknown time zone "Asia/Tehrn"`, `did you mean "Asia/Tehran"?`}},
		{"asia/tehran", "Asia/Tehran", nil},
		{"Tehran", "Asia/Tehran", nil},
		{"Asia/Teheran", "Asia/Tehran", nil},
		{"America/Los Angeles", la, nil},
		{"Los_Angeles", la, nil},
		{"Europe/Londn", london, nil},
		{"America/Sao Paulo", "America/Sao_Paulo", nil},
		{"PST", la, []string{"abbreviations"}},
		{"IST", "", []string{"abbreviations"}}, // India, Israel or Ireland: no guess, and not EST
		{"Mars/Olympus", "", []string{`unknown time zone "Mars/Olympus"`}},
		{"", "", []string{"no time zone"}},
		{"   ", "", []string{"no time zone"}},
		{"Local", "", []string{"not accepted", "machine"}},
		{"EST", "America/New_York", []string{"not accepted", "-05:00 all year"}},
		{"MST", "America/Denver", []string{"not accepted"}},
		{"Factory", "", []string{"not accepted"}},
		{"Etc/GMT+5", "", []string{"not accepted", "UTC-5", "opposite"}},
		{"Etc/GMT-3", "", []string{"UTC+3"}},
		{"Etc/GMT-14", "", []string{"UTC+14"}},
		{"/etc/localtime", "", nil},
		{"../../etc/passwd", "", nil},
		{"posixrules", "", nil},
		{"right/America/Los_Angeles", "", nil},
		{"zone.tab", "", nil},
	} {
		for range 2 { // the second time from the cache
			loc, err := LoadZone(c.name)
			var ze *ZoneError
			if !errors.As(err, &ze) {
				t.Errorf("%q = %v, %v; want *ZoneError", c.name, loc, err)
				break
			}
			if ze.Name != c.name || ze.Suggestion != c.suggestion {
				t.Errorf("%q: Name %q Suggestion %q, want suggestion %q (%v)", c.name, ze.Name, ze.Suggestion, c.suggestion, err)
			}
			for _, want := range c.msg {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%q: %q lacks %q", c.name, err, want)
				}
			}
			ze.Suggestion = "changed" // must not reach the cache
		}
	}
}

// Every suggested zone loads.
func TestSuggestionsLoad(t *testing.T) {
	for _, z := range abbrevZones {
		if _, err := LoadZone(z); err != nil {
			t.Error(err)
		}
	}
	for _, r := range refused {
		if r.Suggestion != "" {
			if _, err := LoadZone(r.Suggestion); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestZoneNames(t *testing.T) {
	names := zoneNames()
	if len(names) < 400 || !sort.StringsAreSorted(names) {
		t.Fatalf("embedded zone database lists %d zones", len(names))
	}
	for _, n := range names {
		if _, ok := refusedZone(n); ok {
			continue
		}
		if _, err := LoadZone(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// TestZonesDoNotDependOnHost points the time package at a zone database that does not exist: the
// zones rokhdad loads come from its own embedded copy all the same.
func TestZonesDoNotDependOnHost(t *testing.T) {
	t.Setenv("ZONEINFO", filepath.Join(t.TempDir(), "missing.zip"))
	loc, err := loadFromDB("Asia/Tehran")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2021, 7, 1, 12, 0, 0, 0, loc)
	if _, off := at.Zone(); off != 4*3600+1800 {
		t.Errorf("Tehran in summer 2021 at offset %d, want +04:30", off)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"tehrn", "tehran", 1},
		{"resolvd", "resolved", 1}, {"flaw", "lawn", 2}, {strings.Repeat("a", 100), strings.Repeat("a", 99) + "b", 1},
	} {
		if d := editDistance(c.a, c.b); d != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
		if d := editDistance(c.b, c.a); d != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.b, c.a, d, c.d)
		}
	}
}

func TestZoneAbbrev(t *testing.T) {
	for _, c := range []struct {
		in, zone string
		abbr     string
		numeric  bool
	}{
		{"2023-11-07 19:52", la, "PST", false},
		{"2023-07-01 12:00", la, "PDT", false},
		{"2023-07-01 12:00", tehran, "+0330", true},
		{"2021-07-01 12:00", tehran, "+0430", true},
		{"2023-07-01 12:00", "UTC", "UTC", false},
		{"2023-01-15 12:00", "Europe/Paris", "CET", false},
		{"2023-07-01 12:00", "Europe/Paris", "CEST", false},
		{"2024-01-15 12:00", santiago, "-03", true},
		{"2023-07-01 12:00", lordHowe, "+1030", true},
	} {
		at, err := ParseAt(c.in, mustZone(t, c.zone))
		if err != nil {
			t.Fatal(err)
		}
		if abbr, numeric := ZoneAbbrev(at); abbr != c.abbr || numeric != c.numeric {
			t.Errorf("%s %s: %q %v, want %q %v", c.zone, c.in, abbr, numeric, c.abbr, c.numeric)
		}
	}
	at := time.Date(2023, 1, 1, 0, 0, 0, 0, time.FixedZone("", 12600))
	if abbr, numeric := ZoneAbbrev(at); abbr != "+0330" || !numeric {
		t.Errorf("unnamed zone: %q %v", abbr, numeric)
	}
}

func TestUTCString(t *testing.T) {
	at, err := ParseAt("2023-11-07 19:52", mustZone(t, la))
	if err != nil {
		t.Fatal(err)
	}
	if s := UTCString(at); s != "2023-11-08T03:52:00Z" {
		t.Errorf("UTCString = %s", s)
	}
	if s := UTCString(at.Add(1500 * time.Millisecond)); s != "2023-11-08T03:52:01.5Z" {
		t.Errorf("UTCString = %s", s)
	}
	if s := OffsetString(at); s != "-08:00" {
		t.Errorf("OffsetString = %s", s)
	}
	if s := OffsetString(at.UTC()); s != "+00:00" {
		t.Errorf("OffsetString = %s", s)
	}
}

// A zone name thousands of characters long (a paste gone wrong) is refused at once, not after
// comparing it with every zone for a suggestion, and the message does not repeat it whole.
func TestLoadZoneLongName(t *testing.T) {
	name := strings.Repeat("America/Los_Angeles", 300)
	start := time.Now()
	_, err := LoadZone(name)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("took %v", d)
	}
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("err = %.300v (%d bytes)", err, len(err.Error()))
	}
}
