// Package ical writes calendars in the iCalendar format (RFC 5545): the maintenance windows and
// incidents of a site as events that a reader's calendar subscribes to, in the reader's own time.
//
// It writes what calendars read without surprise: instants in UTC (DTSTART:20231108T035214Z), so
// no VTIMEZONE is needed and no reader's calendar guesses a zone; CRLF line ends; content lines
// folded at 75 octets, never inside a UTF-8 character (a Persian summary is two octets a letter);
// TEXT values with backslash, semicolon, comma and line ends escaped. The output is a function of
// the input alone — DTSTAMP is the caller's, never the clock — so two builds write the same bytes.
package ical

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is one .ics file.
type Calendar struct {
	ProdID string // who made it, "-//rokhdad//rokhdad//EN" when ""
	Name   string // the calendar's name (X-WR-CALNAME), shown by calendars that subscribe
	Desc   string // X-WR-CALDESC, or ""
	Lang   string // the language of its text (the LANGUAGE of SUMMARY and DESCRIPTION), or ""
	Events []Event
}

// Status is a VEVENT's STATUS.
type Status string

// The statuses an event can have.
const (
	Tentative Status = "TENTATIVE" // not yet certain: an ongoing incident's end, a window that may move
	Confirmed Status = "CONFIRMED"
	Cancelled Status = "CANCELLED"
)

// Event is one VEVENT.
type Event struct {
	UID      string    // stable across builds: the same event keeps it whatever changes
	Sequence int       // the revision: bumped when the window moves, so calendars update it
	Stamp    time.Time // DTSTAMP: when this revision was made (the caller's, for reproducible output)
	Start    time.Time
	End      time.Time // after Start, or equal for an instant
	Summary  string
	Desc     string // or ""
	URL      string // the page of the event, or ""
	Status   Status // or ""
	Modified time.Time
}

// MaxLine is the longest content line RFC 5545 allows, in octets, without its CRLF.
const MaxLine = 75

// Write writes c to w. An event without a UID, a start or an end, or that ends before it starts,
// is an error naming it, and nothing is written.
func Write(w io.Writer, c *Calendar) error {
	for i := range c.Events {
		e := &c.Events[i]
		switch {
		case e.UID == "":
			return fmt.Errorf("ical: event %d (%q) has no UID", i+1, e.Summary)
		case e.Start.IsZero() || e.End.IsZero():
			return fmt.Errorf("ical: event %s has no start or no end", e.UID)
		case e.End.Before(e.Start):
			return fmt.Errorf("ical: event %s ends (%s) before it starts (%s)", e.UID, stamp(e.End), stamp(e.Start))
		case e.Stamp.IsZero():
			return fmt.Errorf("ical: event %s has no DTSTAMP", e.UID)
		}
		switch e.Status {
		case "", Tentative, Confirmed, Cancelled:
		default:
			return fmt.Errorf("ical: event %s: status %q is not TENTATIVE, CONFIRMED or CANCELLED", e.UID, e.Status)
		}
	}
	// A writer that takes strings is written to as it is (a sink's buffer, a bytes.Buffer): an
	// event.ics is small, and a site has one beside every article.
	sw, direct := w.(io.StringWriter)
	var bw *bufio.Writer
	if !direct {
		bw = bufio.NewWriter(w)
		sw = bw
	}
	lw := &lines{w: sw}
	prod := c.ProdID
	if prod == "" {
		prod = "-//rokhdad//rokhdad//EN"
	}
	lw.line("BEGIN:VCALENDAR")
	lw.line("VERSION:2.0")
	lw.line("PRODID:" + Text(prod))
	lw.line("CALSCALE:GREGORIAN")
	lw.line("METHOD:PUBLISH")
	if c.Name != "" {
		lw.line("X-WR-CALNAME:" + Text(c.Name))
	}
	if c.Desc != "" {
		lw.line("X-WR-CALDESC:" + Text(c.Desc))
	}
	lang := ""
	if c.Lang != "" {
		lang = ";LANGUAGE=" + c.Lang
	}
	for i := range c.Events {
		e := &c.Events[i]
		lw.line("BEGIN:VEVENT")
		lw.line("UID:" + Text(e.UID))
		lw.line("DTSTAMP:" + stamp(e.Stamp))
		lw.line("DTSTART:" + stamp(e.Start))
		lw.line("DTEND:" + stamp(e.End))
		if e.Sequence > 0 {
			lw.line("SEQUENCE:" + strconv.Itoa(e.Sequence))
		}
		lw.line("SUMMARY" + lang + ":" + Text(e.Summary))
		if e.Desc != "" {
			lw.line("DESCRIPTION" + lang + ":" + Text(e.Desc))
		}
		if e.URL != "" {
			lw.line("URL:" + e.URL)
		}
		if e.Status != "" {
			lw.line("STATUS:" + string(e.Status))
		}
		if !e.Modified.IsZero() {
			lw.line("LAST-MODIFIED:" + stamp(e.Modified))
		}
		lw.line("TRANSP:TRANSPARENT") // an outage or a window does not make the reader busy
		lw.line("END:VEVENT")
	}
	lw.line("END:VCALENDAR")
	if lw.err != nil || bw == nil {
		return lw.err
	}
	return bw.Flush()
}

// stamp writes t as an RFC 5545 DATE-TIME in UTC.
func stamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// Text escapes s as an RFC 5545 TEXT value: backslash, semicolon and comma get a backslash, a
// line end (CRLF, CR or LF) becomes \n, and other control characters, which TEXT cannot hold, go.
// Invalid UTF-8 becomes U+FFFD.
func Text(s string) string {
	var b strings.Builder
	s = strings.ToValidUTF8(s, "\uFFFD")
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\r':
			b.WriteString(`\n`)
			if strings.HasPrefix(s[i+n:], "\n") {
				n++
			}
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// lines writes content lines, folded.
type lines struct {
	w   io.StringWriter
	err error
}

// line writes one content line: at most MaxLine octets a physical line, continuation lines
// starting with a space, never a UTF-8 character cut in two.
func (l *lines) line(s string) {
	if l.err != nil {
		return
	}
	limit := MaxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // back to the start of the character that would be split
		}
		if cut == 0 {
			l.err = errors.New("ical: a character longer than a line")
			return
		}
		if _, l.err = l.w.WriteString(s[:cut]); l.err != nil {
			return
		}
		if _, l.err = l.w.WriteString("\r\n "); l.err != nil {
			return
		}
		s = s[cut:]
		limit = MaxLine - 1 // the continuation's leading space counts
	}
	if _, l.err = l.w.WriteString(s); l.err == nil {
		_, l.err = l.w.WriteString("\r\n")
	}
}
