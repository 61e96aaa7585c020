package timeline

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// Around every change of offset in every zone from 1900 to 2040, wall times resolve as the oracle says,
// and so do RFC 3339 times with the offsets in force before and after the change, or UTC: each is
// accepted exactly when the zone showed that clock at that instant (or it is UTC), to the second.
func TestAllZonesAroundTransitions(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps every zone")
	}
	from := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	n, bad := 0, 0
	for _, z := range zoneNames() {
		loc, err := LoadZone(z)
		if err != nil {
			continue
		}
		for tt := from; tt.Before(to); {
			end := nextChange(tt.In(loc))
			if end.IsZero() || !end.Before(to) {
				break
			}
			_, o1 := end.Add(-time.Second).Zone()
			w := end.Add(time.Duration(o1) * time.Second).UTC().Truncate(time.Minute)
			for d := -90 * time.Minute; d <= 90*time.Minute; d += 30 * time.Minute {
				wd := w.Add(d)
				if wd.Year() < 1900 {
					continue
				}
				n++
				want := oracleEvery(wd, loc, 20*time.Minute) // coarser: this sweeps every zone
				got, err := ParseAt(wd.Format("2006-01-02 15:04:05"), loc)
				var ae *AmbiguousError
				var ne *NonexistentError
				good := false
				switch len(want) {
				case 0:
					good = errors.As(err, &ne) && !ne.Before.IsZero()
				case 1:
					good = err == nil && got.Equal(want[0])
				default:
					good = errors.As(err, &ae) && len(ae.Candidates) == len(want)
					for i := 0; good && i < len(want); i++ {
						good = containsTime(want, ae.Candidates[i])
					}
				}
				if !good {
					bad++
					if bad < 30 {
						t.Errorf("%s %v: got %v %v, oracle %v", z, wd, got, err, want)
					}
				}
				_, o2 := end.Zone()
				for _, o := range []int{o1, o2, 0} {
					n++
					if msg := checkOffset(wd, o, loc, want); msg != "" {
						bad++
						if bad < 30 {
							t.Errorf("%s: %s", z, msg)
						}
					}
				}
			}
			// The last second before the change and the first after it, with either offset.
			_, o2 := end.Zone()
			for _, at := range []time.Time{end.Add(-time.Second), end} {
				for _, o := range []int{o1, o2} {
					wd := at.Add(time.Duration(o) * time.Second).UTC()
					if wd.Year() < 1900 {
						continue
					}
					n++
					if msg := checkOffset(wd, o, loc, oracleEvery(wd, loc, 20*time.Minute)); msg != "" {
						bad++
						if bad < 30 {
							t.Errorf("%s: %s", z, msg)
						}
					}
				}
			}
			tt = end
		}
	}
	t.Logf("%d wall times, %d mismatches", n, bad)
	if n < 100000 {
		t.Errorf("only %d wall times checked", n)
	}
}

func containsTime(s []time.Time, t time.Time) bool {
	for _, x := range s {
		if x.Equal(t) {
			return true
		}
	}
	return false
}

// checkOffset parses the wall time w (read as UTC) written in RFC 3339 with the offset o, in loc,
// where want is every instant at which loc showed w (the oracle's), and says what is wrong, or "".
// The value is accepted when w - o is one of those instants, or o is zero (UTC); and then it is shown
// as written: the same clock, at the same offset.
func checkOffset(w time.Time, o int, loc *time.Location, want []time.Time) string {
	if o%60 != 0 || o > 14*3600 || o < -14*3600 {
		return "" // local mean time: no RFC 3339 offset for it
	}
	in := w.Format("2006-01-02T15:04:05") + time.Unix(0, 0).In(time.FixedZone("", o)).Format("-07:00")
	instant := w.Add(-time.Duration(o) * time.Second)
	got, err := ParseAt(in, loc)
	if !containsTime(want, instant) && o != 0 {
		var oe *OffsetError
		if !errors.As(err, &oe) || !oe.At.Equal(instant) {
			return fmt.Sprintf("%s: got %v, %v; want an *OffsetError, the zone never showed that clock then", in, got, err)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("%s: %v; want %v", in, err, instant)
	}
	if !got.Equal(instant) {
		return fmt.Sprintf("%s = %v, want %v", in, got, instant)
	}
	if g := got.Format("2006-01-02T15:04:05-07:00"); g != in {
		return fmt.Sprintf("%s is shown as %s", in, g)
	}
	return ""
}
