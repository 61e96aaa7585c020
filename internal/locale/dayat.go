package locale

import "time"

// DayAt returns the weekday, day and month of t on its own clock — in t's location, not the
// locale's zone — in the locale's calendar, digits and names: "Tuesday 7 November",
// "سه‌شنبه ۱۶ آبان"; withYear adds the year ("Tuesday 7 November 2023"). It dates a time as its
// source gave it.
func (l *Locale) DayAt(t time.Time, withYear bool) string {
	d := DateIn(t, l.cal)
	var buf [128]byte
	b := append(buf[:0], l.names.Weekdays[t.Weekday()]...)
	b = append(b, ' ')
	b = l.appendInt(b, d.Day)
	b = append(b, ' ')
	b = append(b, l.months[d.Month-1]...)
	if withYear {
		b = append(b, ' ')
		b = l.appendInt(b, d.Year)
	}
	return string(b)
}
