package timeline

import (
	"errors"
	"testing"
	"time"
)

// Around every change of offset in every zone from 1900 to 2040, wall times resolve as the oracle says.
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
