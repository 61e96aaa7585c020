package timeline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var fuzzZones = []string{la, tehran, london, lordHowe, santiago, apia, "UTC", "Australia/Sydney", "Asia/Kathmandu", "Pacific/Chatham"}

func FuzzParseAt(f *testing.F) {
	for _, c := range parseCases {
		for i, z := range fuzzZones {
			if z == c.zone {
				f.Add(c.in, uint8(i))
			}
		}
	}
	locs := make([]*time.Location, len(fuzzZones))
	for i, z := range fuzzZones {
		locs[i] = mustZone(f, z)
	}
	f.Fuzz(func(t *testing.T, s string, zi uint8) {
		loc := locs[int(zi)%len(locs)]
		got, err := ParseAt(s, loc)
		v := strings.TrimSpace(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			var fe *FormatError
			var ae *AmbiguousError
			var ne *NonexistentError
			var oe *OffsetError
			switch {
			case errors.As(err, &oe):
				if _, o := oe.At.Zone(); o == oe.Offset || oe.Offset == 0 || oe.At.Location() != loc {
					t.Fatalf("%q: OffsetError for offset %d, but the zone is at %v then", s, oe.Offset, oe.At)
				}
				want, perr := time.Parse("2006-01-02T15:04:05.999999999Z07:00", rfc3339(v))
				if perr != nil || !oe.At.Equal(want) || oe.Offset != offsetOf(want) {
					t.Fatalf("%q: OffsetError at %v offset %d, time.Parse reads %v %v", s, oe.At, oe.Offset, want, perr)
				}
			case errors.As(err, &fe):
				if fe.Value != s {
					t.Fatalf("FormatError.Value %q for %q", fe.Value, s)
				}
			case errors.As(err, &ae):
				if len(ae.Candidates) < 2 {
					t.Fatalf("%q: %d candidates", s, len(ae.Candidates))
				}
				for i, c := range ae.Candidates {
					if c.Format("2006-01-02 15:04") != strings.Replace(v[:16], "T", " ", 1) {
						t.Fatalf("%q: candidate %v shows another wall time", s, c)
					}
					if i > 0 && !ae.Candidates[i-1].Before(c) {
						t.Fatalf("%q: candidates out of order: %v", s, ae.Candidates)
					}
				}
				w, _ := time.Parse("2006-01-02 15:04", strings.Replace(v[:16], "T", " ", 1))
				if n := len(oracle(w.Add(ae.Candidates[0].Sub(ae.Candidates[0].Truncate(time.Minute))), loc)); n != len(ae.Candidates) {
					t.Fatalf("%q: %d candidates, the oracle has %d", s, len(ae.Candidates), n)
				}
			case errors.As(err, &ne):
				w, perr := time.Parse("2006-01-02 15:04", strings.Replace(v[:16], "T", " ", 1))
				if perr != nil {
					t.Fatalf("%q does not exist, but is not a wall time either: %v", s, perr)
				}
				if n := len(oracle(w, loc)); n != 0 {
					t.Fatalf("%q: does not exist, but the oracle finds %d instants", s, n)
				}
				if ne.Before.IsZero() || !ne.Before.Equal(ne.After) {
					t.Fatalf("%q: Before %v After %v", s, ne.Before, ne.After)
				}
			default:
				t.Fatalf("%q: unexpected error %T %v", s, err, err)
			}
			return
		}
		hasOffset := strings.HasSuffix(v, "Z") || len(v) > 16 && (v[len(v)-6] == '+' || v[len(v)-6] == '-')
		if _, o := got.In(loc).Zone(); got.Location() != loc && !(got.Location() == time.UTC && hasOffset && o != 0) {
			t.Fatalf("%q: result in %v", s, got.Location())
		}
		if !hasOffset {
			wall := strings.Replace(v[:16], "T", " ", 1)
			if g := got.Format("2006-01-02 15:04"); g != wall {
				t.Fatalf("%q in %v = %v, shown as %s", s, loc, got, g)
			}
			if len(v) >= 19 && got.Format("05") != v[17:19] {
				t.Fatalf("%q in %v = %v: other seconds", s, loc, got)
			}
			w, _ := time.Parse("2006-01-02 15:04:05.999999999", got.Format("2006-01-02 15:04:05.999999999"))
			if o := oracle(w, loc); len(o) != 1 || !o[0].Equal(got) {
				t.Fatalf("%q in %v = %v, the oracle finds %v", s, loc, got, o)
			}
			return
		}
		want, perr := time.Parse("2006-01-02T15:04:05.999999999Z07:00", rfc3339(v))
		if perr != nil {
			t.Fatalf("%q = %v, but time.Parse fails: %v", s, got, perr)
		}
		if !got.Equal(want) {
			t.Fatalf("%q = %v, time.Parse says %v", s, got, want)
		}
		// Shown as it will be on the page, the time reads as written: the same clock and offset.
		if g, w := got.Format("2006-01-02T15:04:05.999999999-07:00"), want.Format("2006-01-02T15:04:05.999999999-07:00"); g != w {
			t.Fatalf("%q in %v is shown as %s", s, loc, g)
		}
	})
}

// rfc3339 turns an accepted `at` value with an offset into what time.Parse reads as RFC 3339.
func rfc3339(v string) string {
	norm := v[:10] + "T" + v[11:]
	if norm[16] != ':' {
		norm = norm[:16] + ":00" + norm[16:]
	}
	return norm
}

func offsetOf(t time.Time) int { _, o := t.Zone(); return o }

// Values time.Parse reads as RFC 3339 are accepted, with the documented exceptions.
func FuzzParseAtRFC3339(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := time.Parse(time.RFC3339, s)
		if err != nil || s != strings.TrimSpace(s) {
			return
		}
		_, off := want.Zone()
		if want.Year() < 1900 || off > 14*3600 || off < -14*3600 || strings.ContainsAny(s, ",tz") {
			return
		}
		if len(s) < 20 || s[13] != ':' || s[16] != ':' {
			return // time.Parse reads the hour "0" as 00
		}
		if !strings.HasSuffix(s, "Z") && s[len(s)-2:] > "59" {
			return // time.Parse reads "+03:60" as +04:00
		}
		got, err := ParseAt(s, time.FixedZone("", off)) // a zone that has the offset
		if err != nil {
			t.Fatalf("%q: %v; time.Parse reads %v", s, err, want)
		}
		if !got.Equal(want) {
			t.Fatalf("%q = %v, time.Parse says %v", s, got, want)
		}
	})
}

func BenchmarkParseAt(b *testing.B) {
	for _, c := range []struct{ name, in, zone string }{
		{"wall", "2023-11-07 19:52", la},
		{"wall-seconds", "2023-11-08T07:22:30", tehran},
		{"rfc3339", "2023-11-07T19:52:00-08:00", la},
		{"utc", "2023-11-08T03:52:00Z", "UTC"},
	} {
		loc := mustZone(b, c.zone)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseAt(c.in, loc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLoadZone(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadZone(tehran); err != nil {
			b.Fatal(err)
		}
	}
}
