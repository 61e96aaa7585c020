package chart

import (
	"slices"
	"testing"
	"time"
)

func TestTickStep(t *testing.T) {
	for _, c := range []struct {
		span, want time.Duration
	}{
		{0, 5 * time.Minute},
		{time.Minute, 5 * time.Minute},
		{13 * time.Minute, 5 * time.Minute},
		{34 * time.Minute, 5 * time.Minute},
		{35 * time.Minute, 10 * time.Minute},
		{90 * time.Minute, 15 * time.Minute},
		{3 * time.Hour, 30 * time.Minute},
		{6*time.Hour + 59*time.Minute, time.Hour},
		{11*time.Hour + 54*time.Minute, 2 * time.Hour},
		{12 * time.Hour, 2 * time.Hour},
		{20 * time.Hour, 3 * time.Hour},
		{36 * time.Hour, 6 * time.Hour},
		{3 * day, 12 * time.Hour},
		{5 * day, day},
		{10 * day, 2 * day},
		{30 * day, 7 * day},
		{60 * day, 14 * day},
		{400 * day, 63 * day},
	} {
		if got := tickStep(c.span); got != c.want {
			t.Errorf("tickStep(%v) = %v, want %v", c.span, got, c.want)
		}
	}
}

func TestTicks(t *testing.T) {
	teh := mustZone(t, "Asia/Tehran")
	la := mustZone(t, "America/Los_Angeles")
	for _, c := range []struct {
		name   string
		t0, t1 time.Time
		zone   *time.Location
		step   time.Duration // 0: tickStep(t1-t0)
		want   []string      // local times, "2006-01-02 15:04 MST"
	}{
		{
			name: "13 minutes",
			t0:   time.Date(2023, 11, 8, 7, 22, 0, 0, teh), t1: time.Date(2023, 11, 8, 7, 35, 0, 0, teh),
			zone: teh,
			want: []string{"2023-11-08 07:25 +0330", "2023-11-08 07:30 +0330", "2023-11-08 07:35 +0330"},
		},
		{
			// The real incident: 03:52Z to 15:46Z. Tehran is +03:30, so whole local hours are at
			// :30 UTC, and the ticks must be at 08:00, 10:00 … local, not at 07:30 or 08:30.
			name: "12 hours in Tehran",
			t0:   time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC), t1: time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
			zone: teh,
			want: []string{"2023-11-08 08:00 +0330", "2023-11-08 10:00 +0330", "2023-11-08 12:00 +0330",
				"2023-11-08 14:00 +0330", "2023-11-08 16:00 +0330", "2023-11-08 18:00 +0330"},
		},
		{
			name: "12 hours in UTC",
			t0:   time.Date(2023, 11, 8, 3, 52, 0, 0, time.UTC), t1: time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
			zone: time.UTC,
			want: []string{"2023-11-08 04:00 UTC", "2023-11-08 06:00 UTC", "2023-11-08 08:00 UTC",
				"2023-11-08 10:00 UTC", "2023-11-08 12:00 UTC", "2023-11-08 14:00 UTC"},
		},
		{
			name: "3 days",
			t0:   time.Date(2023, 11, 6, 9, 0, 0, 0, time.UTC), t1: time.Date(2023, 11, 9, 9, 0, 0, 0, time.UTC),
			zone: time.UTC,
			want: []string{"2023-11-06 12:00 UTC", "2023-11-07 00:00 UTC", "2023-11-07 12:00 UTC",
				"2023-11-08 00:00 UTC", "2023-11-08 12:00 UTC", "2023-11-09 00:00 UTC"},
		},
		{
			name: "3 days in Tehran",
			t0:   time.Date(2023, 11, 6, 9, 0, 0, 0, time.UTC), t1: time.Date(2023, 11, 9, 9, 0, 0, 0, time.UTC),
			zone: teh,
			want: []string{"2023-11-07 00:00 +0330", "2023-11-07 12:00 +0330", "2023-11-08 00:00 +0330",
				"2023-11-08 12:00 +0330", "2023-11-09 00:00 +0330", "2023-11-09 12:00 +0330"},
		},
		{
			// Fall back: 01:00–02:00 happens twice. 13 hours of real time, 2-hour steps on the
			// local clock: 00:00 PDT and 02:00 PST are 3 hours apart.
			name: "LA fall back",
			t0:   time.Date(2023, 11, 4, 22, 0, 0, 0, la), t1: time.Date(2023, 11, 5, 10, 0, 0, 0, la),
			zone: la,
			want: []string{"2023-11-04 22:00 PDT", "2023-11-05 00:00 PDT", "2023-11-05 02:00 PST",
				"2023-11-05 04:00 PST", "2023-11-05 06:00 PST", "2023-11-05 08:00 PST", "2023-11-05 10:00 PST"},
		},
		{
			// Hourly over the fall back: the repeated 01:00 gets a tick each time, so the
			// ticks stay an hour apart in real time.
			name: "LA fall back, hourly",
			t0:   time.Date(2023, 11, 5, 0, 30, 0, 0, la), t1: time.Date(2023, 11, 5, 3, 30, 0, 0, la),
			zone: la,
			want: []string{"2023-11-05 01:00 PDT", "2023-11-05 01:00 PST", "2023-11-05 02:00 PST", "2023-11-05 03:00 PST"},
		},
		{
			// Spring forward: 02:00 does not exist.
			name: "LA spring forward",
			t0:   time.Date(2024, 3, 10, 0, 30, 0, 0, la), t1: time.Date(2024, 3, 10, 5, 30, 0, 0, la),
			zone: la,
			want: []string{"2024-03-10 01:00 PST", "2024-03-10 03:00 PDT", "2024-03-10 04:00 PDT", "2024-03-10 05:00 PDT"},
		},
		{
			name: "LA day steps over the DST change",
			t0:   time.Date(2023, 11, 3, 12, 0, 0, 0, la), t1: time.Date(2023, 11, 8, 12, 0, 0, 0, la),
			zone: la,
			want: []string{"2023-11-04 00:00 PDT", "2023-11-05 00:00 PDT", "2023-11-06 00:00 PST",
				"2023-11-07 00:00 PST", "2023-11-08 00:00 PST"},
		},
		{
			name: "weeks on Saturdays",
			t0:   time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC), t1: time.Date(2023, 10, 31, 0, 0, 0, 0, time.UTC),
			zone: time.UTC,
			want: []string{"2023-10-07 00:00 UTC", "2023-10-14 00:00 UTC", "2023-10-21 00:00 UTC", "2023-10-28 00:00 UTC"},
		},
		{
			name: "1 minute: no aligned tick",
			t0:   time.Date(2023, 11, 8, 7, 21, 0, 0, time.UTC), t1: time.Date(2023, 11, 8, 7, 22, 0, 0, time.UTC),
			zone: time.UTC,
			want: nil,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			step := c.step
			if step == 0 {
				step = tickStep(c.t1.Sub(c.t0))
			}
			var got []string
			for _, tk := range ticks(c.t0, c.t1, step, c.zone, nil) {
				if tk.Location() != c.zone {
					t.Errorf("tick %v is not in the zone %v", tk, c.zone)
				}
				got = append(got, tk.Format("2006-01-02 15:04 MST"))
			}
			if len(got) > maxTicks {
				t.Errorf("%d ticks, want at most %d", len(got), maxTicks)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("step %v\ngot  %q\nwant %q", step, got, c.want)
			}
		})
	}
}

// TestTicksProperties sweeps start times and spans through two DST changes and a +03:30/+05:45
// zone: ticks lie in the span, increase strictly, sit on the step in local wall time and never
// exceed maxTicks.
func TestTicksProperties(t *testing.T) {
	zones := []*time.Location{time.UTC, mustZone(t, "Asia/Tehran"), mustZone(t, "America/Los_Angeles"), mustZone(t, "Asia/Kathmandu")}
	spans := []time.Duration{time.Minute, 13 * time.Minute, 47 * time.Minute, 5 * time.Hour, 11*time.Hour + 54*time.Minute,
		26 * time.Hour, 3 * day, 9 * day, 40 * day, 200 * day}
	starts := []time.Time{
		time.Date(2023, 11, 4, 20, 7, 0, 0, time.UTC),
		time.Date(2024, 3, 9, 22, 53, 0, 0, time.UTC),
		time.Date(2024, 3, 10, 9, 30, 0, 0, time.UTC),
		time.Date(2023, 11, 5, 8, 15, 0, 0, time.UTC),
	}
	for _, z := range zones {
		for _, t0 := range starts {
			for off := time.Duration(0); off < 3*time.Hour; off += 37 * time.Minute {
				for _, span := range spans {
					a := t0.Add(off)
					b := a.Add(span)
					step := tickStep(span)
					tk := ticks(a, b, step, z, nil)
					if len(tk) > maxTicks {
						t.Fatalf("%v %v+%v: %d ticks", z, a, span, len(tk))
					}
					for i, c := range tk {
						if c.Before(a) || c.After(b) || i > 0 && !c.After(tk[i-1]) {
							t.Fatalf("%v %v+%v: tick %v out of place in %v", z, a, span, c, tk)
						}
						l := c.In(z)
						min := l.Hour()*60 + l.Minute()
						if step < day && (l.Second() != 0 || min%int(step/time.Minute) != 0) {
							t.Fatalf("%v %v+%v step %v: tick %v not aligned", z, a, span, step, l)
						}
						if step >= day && min != 0 {
							t.Fatalf("%v %v+%v step %v: tick %v not at midnight", z, a, span, step, l)
						}
					}
					if span >= 30*time.Minute && len(tk) < 2 {
						t.Fatalf("%v %v+%v step %v: only %d ticks", z, a, span, step, len(tk))
					}
				}
			}
		}
	}
}
