package site

import (
	"slices"
	"time"

	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/uptime"
)

// History is a service's record up to a reference instant, in a reader's zone and calendar: the
// spans it was down, per calendar year how many incidents it had and how long it was down, and the
// last days ending with the reference day. It is arithmetic only; the renderer words and draws it.
type History struct {
	Outages []uptime.Interval // merged (see uptime.Merge)
	Years   []YearRecord      // newest first; only years with an incident
	Days    []DayRecord       // oldest first, the last one ending at the reference instant
	Ref     time.Time
}

// YearRecord is one calendar year of a service's history: [From, To), To cut at the reference.
type YearRecord struct {
	Year     int
	From, To time.Time
	Count    int           // incidents that started in the year
	Down     time.Duration // downtime within [From, To), zero for a year that has not begun
	// BasisPoints is the uptime in hundredths of a percent, rounded down; OK is false for an empty
	// period (see uptime.BasisPoints).
	BasisPoints int
	OK          bool
}

// DayRecord is one day of the history's last days: [Start, End) in the reader's zone.
type DayRecord struct {
	Start, End time.Time
	Down       time.Duration
}

// Window is the uptime of the history's last days together: from the first day's start to the
// reference instant.
func (h *History) Window() (down time.Duration, basisPoints int, ok bool) {
	if len(h.Days) == 0 {
		return 0, 0, false
	}
	from := h.Days[0].Start
	down = uptime.Down(h.Outages, from, h.Ref)
	basisPoints, ok = uptime.BasisPoints(down, h.Ref.Sub(from))
	return down, basisPoints, ok
}

// ServiceHistory is the history of the service t up to ref, with its years in calendar cal and its
// days in zone; days is how many days end with the reference day.
func ServiceHistory(t *Term, ref time.Time, zone *time.Location, cal locale.Calendar, days int) *History {
	h := &History{Outages: Outages(t.Pages, ref), Ref: ref}
	count := map[int]int{}
	var years []int
	for _, p := range t.Pages {
		if !IsIncident(p.Page) {
			continue
		}
		at := p.Date
		if s, ok := p.Timeline.Start(); ok {
			at = s
		}
		y := locale.DateIn(at.In(zone), cal).Year
		if count[y] == 0 {
			years = append(years, y)
		}
		count[y]++
	}
	slices.Sort(years)
	slices.Reverse(years)
	for _, y := range years {
		r := YearRecord{Year: y, Count: count[y], From: YearStart(y, zone, cal), To: YearStart(y+1, zone, cal)}
		if r.To.After(ref) {
			r.To = ref
		}
		r.Down = uptime.Down(h.Outages, r.From, r.To)
		r.BasisPoints, r.OK = uptime.BasisPoints(r.Down, r.To.Sub(r.From))
		if r.Down < 0 || r.To.Before(r.From) {
			r.Down = 0
		}
		h.Years = append(h.Years, r)
	}
	starts := DayStarts(ref, zone, days)
	for i, lo := range starts {
		hi := ref
		if i+1 < len(starts) && starts[i+1].Before(ref) {
			hi = starts[i+1]
		}
		h.Days = append(h.Days, DayRecord{Start: lo, End: hi, Down: uptime.Down(h.Outages, lo, hi)})
	}
	return h
}

// Outages are the merged spans during which the articles' service was down: each incident from
// its first timeline entry to its resolution, or to ref while unresolved, less the windows of
// the service's maintenance completed by ref (MaintenanceExcluded): planned work is not downtime.
func Outages(pages []*Page, ref time.Time) []uptime.Interval {
	iv := make([]uptime.Interval, 0, len(pages))
	for _, p := range pages {
		if !IsIncident(p.Page) {
			continue
		}
		s, ok := p.Timeline.Start()
		if !ok {
			continue
		}
		e, ok := p.Timeline.Resolved()
		if !ok {
			e = ref
		}
		iv = append(iv, uptime.Interval{Start: s, End: e})
	}
	return uptime.Subtract(uptime.Merge(iv), MaintenanceExcluded(pages, ref))
}

// YearStart is the first instant of year y of calendar cal in zone.
func YearStart(y int, zone *time.Location, cal locale.Calendar) time.Time {
	m, d := 1, 1
	if cal == locale.Persian {
		g := locale.GregorianFromPersian(y, 1, 1)
		y, m, d = g.Year, g.Month, g.Day
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, zone)
}

// DayStarts returns the midnights (in zone) of the days days ending with the day of ref, oldest
// first.
func DayStarts(ref time.Time, zone *time.Location, days int) []time.Time {
	l := ref.In(zone)
	starts := make([]time.Time, days)
	for i := range starts {
		starts[i] = time.Date(l.Year(), l.Month(), l.Day()+1-days+i, 0, 0, 0, 0, zone)
	}
	return starts
}
