package uptime

import (
	"testing"
	"time"
)

var t0 = time.Date(2023, 11, 8, 0, 0, 0, 0, time.UTC)

func at(h float64) time.Time { return t0.Add(time.Duration(h * float64(time.Hour))) }

func iv(a, b float64) Interval { return Interval{at(a), at(b)} }

func TestMergeAndDown(t *testing.T) {
	cases := []struct {
		name     string
		in       []Interval
		from, to float64
		want     time.Duration
		merged   int
	}{
		{"none", nil, 0, 24, 0, 0},
		{"one inside", []Interval{iv(1, 3)}, 0, 24, 2 * time.Hour, 1},
		{"overlap counted once", []Interval{iv(1, 5), iv(3, 7)}, 0, 24, 6 * time.Hour, 1},
		{"nested", []Interval{iv(1, 10), iv(2, 3)}, 0, 24, 9 * time.Hour, 1},
		{"touching join", []Interval{iv(1, 2), iv(2, 3)}, 0, 24, 2 * time.Hour, 1},
		{"unsorted disjoint", []Interval{iv(5, 6), iv(1, 2)}, 0, 24, 2 * time.Hour, 2},
		{"cut at both ends", []Interval{iv(-5, 2), iv(23, 30)}, 0, 24, 3 * time.Hour, 2},
		{"outside", []Interval{iv(-5, -1), iv(25, 30)}, 0, 24, 0, 2},
		{"empty and inverted dropped", []Interval{iv(3, 3), iv(5, 4)}, 0, 24, 0, 0},
		{"three overlapping", []Interval{iv(0, 2), iv(1, 4), iv(3, 5)}, 0, 24, 5 * time.Hour, 1},
	}
	for _, c := range cases {
		m := Merge(c.in)
		if len(m) != c.merged {
			t.Errorf("%s: Merge gave %d intervals %v, want %d", c.name, len(m), m, c.merged)
		}
		if got := Down(m, at(c.from), at(c.to)); got != c.want {
			t.Errorf("%s: Down = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMergeKeepsInput(t *testing.T) {
	in := []Interval{iv(5, 6), iv(1, 5.5)}
	Merge(in)
	if in[0] != iv(5, 6) || in[1] != iv(1, 5.5) {
		t.Fatalf("Merge changed its input: %v", in)
	}
}

func TestBasisPoints(t *testing.T) {
	day := 24 * time.Hour
	d90 := 90 * day
	year := 366 * day
	cases := []struct {
		name         string
		down, window time.Duration
		want         int
		ok           bool
	}{
		{"no downtime", 0, d90, Full, true},
		{"one second in a year is not 100%", time.Second, year, Full - 1, true},
		{"one nanosecond in a year is not 100%", 1, year, Full - 1, true},
		{"rounded down: 99.954 -> 99.95", time.Duration(float64(d90) * 0.00046), d90, 9995, true},
		{"rounded down: 99.959 -> 99.95", time.Duration(float64(d90) * 0.00041), d90, 9995, true},
		{"exact 99.95", d90 / 2000, d90, 9995, true},
		{"half", day / 2, day, 5000, true},
		{"all down", day, day, 0, true},
		{"more than the window", 2 * day, day, 0, true},
		{"empty period", 0, 0, 0, false},
		{"negative period", time.Hour, -time.Hour, 0, false},
		{"12h in 90 days", 12 * time.Hour, d90, 9944, true},
	}
	for _, c := range cases {
		got, ok := BasisPoints(c.down, c.window)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: BasisPoints(%v, %v) = %d, %v; want %d, %v", c.name, c.down, c.window, got, ok, c.want, c.ok)
		}
	}
}

func TestSubtract(t *testing.T) {
	cases := []struct {
		name    string
		in, cut []Interval
		want    []Interval
	}{
		{"no cut", []Interval{iv(1, 3)}, nil, []Interval{iv(1, 3)}},
		{"cut inside splits", []Interval{iv(1, 5)}, []Interval{iv(2, 3)}, []Interval{iv(1, 2), iv(3, 5)}},
		{"cut covers", []Interval{iv(2, 3)}, []Interval{iv(1, 5)}, nil},
		{"cut at start", []Interval{iv(1, 5)}, []Interval{iv(0, 2)}, []Interval{iv(2, 5)}},
		{"cut at end", []Interval{iv(1, 5)}, []Interval{iv(4, 6)}, []Interval{iv(1, 4)}},
		{"touching cut keeps all", []Interval{iv(1, 2)}, []Interval{iv(2, 3)}, []Interval{iv(1, 2)}},
		{"one cut over two outages", []Interval{iv(1, 3), iv(4, 6)}, []Interval{iv(2, 5)}, []Interval{iv(1, 2), iv(5, 6)}},
		{"two cuts in one outage", []Interval{iv(0, 10)}, []Interval{iv(1, 2), iv(3, 4)}, []Interval{iv(0, 1), iv(2, 3), iv(4, 10)}},
		{"cuts before and after", []Interval{iv(5, 6)}, []Interval{iv(1, 2), iv(8, 9)}, []Interval{iv(5, 6)}},
	}
	for _, c := range cases {
		got := Subtract(c.in, c.cut)
		if len(got) != len(c.want) {
			t.Errorf("%s: Subtract = %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if !got[i].Start.Equal(c.want[i].Start) || !got[i].End.Equal(c.want[i].End) {
				t.Errorf("%s: Subtract = %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// TestSubtractMinutes checks Subtract against counting minutes: a minute is left when an outage
// covers it and no cut does.
func TestSubtractMinutes(t *testing.T) {
	seed := uint32(7)
	rnd := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for round := 0; round < 300; round++ {
		var in, cut []Interval
		for range 1 + rnd(4) {
			a := rnd(100)
			in = append(in, Interval{t0.Add(time.Duration(a) * time.Minute), t0.Add(time.Duration(a+1+rnd(30)) * time.Minute)})
		}
		for range rnd(4) {
			a := rnd(100)
			cut = append(cut, Interval{t0.Add(time.Duration(a) * time.Minute), t0.Add(time.Duration(a+1+rnd(30)) * time.Minute)})
		}
		got := Subtract(Merge(in), Merge(cut))
		covers := func(list []Interval, m time.Time) bool {
			for _, x := range list {
				if !m.Before(x.Start) && m.Before(x.End) {
					return true
				}
			}
			return false
		}
		for m := 0; m < 140; m++ {
			tm := t0.Add(time.Duration(m) * time.Minute)
			if want := covers(in, tm) && !covers(cut, tm); covers(got, tm) != want {
				t.Fatalf("in %v cut %v: minute %d left = %v, want %v (got %v)", in, cut, m, !want, want, got)
			}
		}
		for i := 1; i < len(got); i++ {
			if !got[i].Start.After(got[i-1].End) && !got[i].Start.Equal(got[i-1].End) {
				t.Fatalf("not sorted: %v", got)
			}
		}
	}
}
