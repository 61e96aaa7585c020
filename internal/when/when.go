// Package when shows an instant to a reader: the date and clock in the reader's zone and calendar,
// with the zone named, and beside it the time as its source gave it — a status page's "19:52 PST"
// — when that reads differently, with the source's own date when it is another day. Readers want
// their own time; editors copy the source's, and both must agree at a glance.
package when

import (
	"html/template"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/i18n"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Reader shows instants in one language: its locale (zone, calendar, digits) and catalog (the
// words "as reported", "Tehran time", the date-and-time pattern).
type Reader struct {
	loc *locale.Locale
	cat *i18n.Catalog
}

// New returns the Reader of a language.
func New(loc *locale.Locale, cat *i18n.Catalog) *Reader { return &Reader{loc: loc, cat: cat} }

// DateTime is "date, time" in the reader's zone.
func (r *Reader) DateTime(t time.Time) string {
	s, _ := r.cat.Format("datetime", "date", r.loc.Date(t), "time", r.Clock(t))
	return s
}

// DateTimeZone is DateTime with the zone always named, by its label when its abbreviation is
// numeric ("17 آبان ۱۴۰۲، ساعت ۱۲:۵۰ به وقت تهران"): for a line that stands alone, with no
// timeline note beside it to name the zone.
func (r *Reader) DateTimeZone(t time.Time) string {
	s, _ := r.cat.Format("datetime", "date", r.loc.Date(t), "time", r.loc.Clock(t)+" "+r.ZoneLabel(t.In(r.loc.Zone())))
	return s
}

// Clock is the time in the reader's zone, followed by the zone's abbreviation when it is made
// of letters ("03:52 UTC"); a numeric zone is named once in the timeline's note instead.
func (r *Reader) Clock(t time.Time) string {
	c := r.loc.Clock(t)
	if abbr, numeric := timeline.ZoneAbbrev(t.In(r.loc.Zone())); !numeric {
		return c + " " + abbr
	}
	return c
}

// SourceDating says how t, as its source gave it, is shown beside the reader's time in zone reader
// (under the day heading, or after the inline date, of that zone): show is false when the source's
// clock reads as the reader's (the same offset from UTC), so the time is not repeated; dated is
// true when the source's date is another day than the reader's; withYear when the year, in
// calendar cal, differs too.
func SourceDating(t time.Time, reader *time.Location, cal locale.Calendar) (show, dated, withYear bool) {
	r := t.In(reader)
	_, so := t.Zone()
	_, ro := r.Zone()
	if so == ro {
		return false, false, false
	}
	sy, sm, sd := t.Date()
	ry, rm, rd := r.Date()
	if sy == ry && sm == rm && sd == rd {
		return true, false, false
	}
	return true, true, locale.DateIn(t, cal).Year != locale.DateIn(r, cal).Year
}

// SourceHTML is the time as the source gave it, for a page: a visible label, the time in its own
// zone, and its own date when that is not the reader's —
// <span class="source"><span class="source-label">as reported</span> <bdi dir="ltr">19:52 PST</bdi>, <bdi>Tuesday 7 November</bdi></span>.
// It is "" when the source's clock is the reader's (see SourceDating).
func (r *Reader) SourceHTML(t time.Time) string {
	show, dated, withYear := SourceDating(t, r.loc.Zone(), r.loc.Calendar())
	if !show {
		return ""
	}
	label, _ := r.cat.T("source_label")
	var b strings.Builder
	b.WriteString(`<span class="source"><span class="source-label">`)
	b.WriteString(template.HTMLEscapeString(label))
	b.WriteString(`</span> `)
	clock := `<bdi dir="ltr">` + template.HTMLEscapeString(r.SourceClock(t)) + `</bdi>`
	if !dated {
		b.WriteString(clock)
	} else {
		day := `<bdi>` + template.HTMLEscapeString(r.loc.DayAt(t, withYear)) + `</bdi>`
		f, _ := r.cat.T("source_dated")
		f = template.HTMLEscapeString(f)
		for f != "" {
			i := strings.IndexByte(f, '{')
			j := strings.IndexByte(f[max(i, 0):], '}')
			if i < 0 || j < 0 {
				b.WriteString(f)
				break
			}
			b.WriteString(f[:i])
			switch f[i : i+j+1] {
			case "{time}":
				b.WriteString(clock)
			case "{date}":
				b.WriteString(day)
			default:
				b.WriteString(f[i : i+j+1])
			}
			f = f[i+j+1:]
		}
	}
	b.WriteString(`</span>`)
	return b.String()
}

// SourceClock is the time in its own zone with that zone's label: "19:52 PST", "07:22 Tehran time".
func (r *Reader) SourceClock(t time.Time) string {
	return r.loc.ClockAt(t) + " " + r.ZoneLabel(t)
}

// ZoneLabel names t's zone: its abbreviation when it has letters (PST, PDT, UTC), else the catalog's
// label for the zone ("به وقت تهران"), else its offset from UTC.
func (r *Reader) ZoneLabel(t time.Time) string {
	abbr, numeric := timeline.ZoneAbbrev(t)
	if !numeric {
		return abbr
	}
	if l, ok := r.cat.Zone(t.Location().String()); ok {
		return l
	}
	return "UTC" + r.loc.Digits(t.Format("-07:00"))
}

// Inline is an inline time from an article's prose, as HTML: the reader's date and time, then the
// time as the source gave it.
func (r *Reader) Inline(t time.Time, _ string) string {
	var b strings.Builder
	when, _ := r.cat.Format("datetime", "date", r.loc.Date(t), "time", r.loc.Clock(t)+" "+r.ZoneLabel(t.In(r.loc.Zone())))
	b.WriteString(`<time class="inline-time" datetime="`)
	b.WriteString(timeline.UTCString(t))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(when))
	b.WriteString(`</time>`)
	if src := r.SourceHTML(t); src != "" {
		b.WriteString(` (`)
		b.WriteString(src)
		b.WriteString(`)`)
	}
	return b.String()
}
