package when

import (
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/locale"
)

func TestSourceDating(t *testing.T) {
	zone := func(name string) *time.Location {
		l, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	la, teh, utc := zone("America/Los_Angeles"), zone("Asia/Tehran"), time.UTC
	cases := []struct {
		name                  string
		at                    time.Time
		reader                *time.Location
		cal                   locale.Calendar
		show, dated, withYear bool
	}{
		{"PST evening under the next UTC day", time.Date(2023, 11, 7, 19, 52, 0, 0, la), utc, locale.Gregorian, true, true, false},
		{"PST evening under the next Tehran day", time.Date(2023, 11, 7, 19, 52, 0, 0, la), teh, locale.Persian, true, true, false},
		{"PST morning, same UTC day", time.Date(2023, 11, 8, 6, 2, 0, 0, la), utc, locale.Gregorian, true, false, false},
		{"source zone is the reader's", time.Date(2023, 11, 8, 3, 52, 0, 0, utc), utc, locale.Gregorian, false, false, false},
		{"Tehran source, Tehran reader", time.Date(2023, 11, 8, 7, 22, 0, 0, teh), teh, locale.Persian, false, false, false},
		{"another zone with the same offset", time.Date(2023, 11, 8, 3, 52, 0, 0, zone("Europe/London")), utc, locale.Gregorian, false, false, false},
		{"new year's eve in LA, new year in UTC", time.Date(2023, 12, 31, 20, 0, 0, 0, la), utc, locale.Gregorian, true, true, true},
		{"Gregorian new year is no Persian new year", time.Date(2023, 12, 31, 20, 0, 0, 0, la), teh, locale.Persian, true, true, false},
		{"eve of Nowruz in LA, Nowruz in Tehran", time.Date(2024, 3, 19, 20, 0, 0, 0, la), teh, locale.Persian, true, true, true},
	}
	for _, c := range cases {
		show, dated, withYear := SourceDating(c.at, c.reader, c.cal)
		if show != c.show || dated != c.dated || withYear != c.withYear {
			t.Errorf("%s: SourceDating = %v, %v, %v; want %v, %v, %v", c.name, show, dated, withYear, c.show, c.dated, c.withYear)
		}
	}
}
