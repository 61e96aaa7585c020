package timeline

import (
	"fmt"
	"strconv"
	"time"
)

// Entry is one resolved timeline update.
type Entry struct {
	At     time.Time // the instant, in the entry's source zone (At.UTC() for machine output)
	Status Status    // may be ""
	Text   string    // Markdown, as written
	Line   int       // 1-based line in the source file where the entry starts (for errors); 0 if unknown

	// ID names the update for good: the anchor of its entry on the page (#update-ID) and its id in
	// the updates feed. internal/content sets it from an explicit id, else from At and Status.
	ID string
	// Updated is when the update was last corrected, as the editor wrote it; zero when never.
	Updated time.Time
}

// Timeline is an incident's entries in chronological order (Check makes sure of it).
type Timeline []Entry

// Check returns an *OrderError for the first entry earlier than the one before it; entries at the
// same instant are in order. An entry without a time (a zero At) is an error too.
func (tl Timeline) Check() error {
	for i, e := range tl {
		if e.At.IsZero() {
			return fmt.Errorf("timeline entry %d%s has no time", i+1, lineNote(e.Line))
		}
		if i > 0 && e.At.Before(tl[i-1].At) {
			return &OrderError{Index: i, Prev: tl[i-1], Cur: e}
		}
	}
	return nil
}

// OrderError reports a timeline entry earlier than the entry before it.
type OrderError struct {
	Index     int // of Cur in the timeline, from 0
	Prev, Cur Entry
}

func (e *OrderError) Error() string {
	return fmt.Sprintf("timeline out of order: entry %d%s at %s is earlier than entry %d%s at %s; "+
		"list the entries in chronological order, oldest first, or correct the time",
		e.Index+1, lineNote(e.Cur.Line), describe(e.Cur.At), e.Index, lineNote(e.Prev.Line), describe(e.Prev.At))
}

func lineNote(line int) string {
	if line <= 0 {
		return ""
	}
	return " (line " + strconv.Itoa(line) + ")"
}

// describe shows t as written, in its zone, and in UTC: "2023-11-07 19:52 PST (2023-11-08T03:52:00Z)".
func describe(t time.Time) string {
	layout := "2006-01-02 15:04"
	if t.Second() != 0 || t.Nanosecond() != 0 {
		layout = "2006-01-02 15:04:05.999999999"
	}
	abbr, numeric := ZoneAbbrev(t)
	if numeric {
		abbr = OffsetString(t)
	}
	return t.Format(layout) + " " + abbr + " (" + UTCString(t) + ")"
}

// Start returns the time of the first entry, and false if there is none.
func (tl Timeline) Start() (time.Time, bool) {
	if len(tl) == 0 {
		return time.Time{}, false
	}
	return tl[0].At, true
}

// Resolved returns the time of the first entry with status Resolved, and false if there is none.
func (tl Timeline) Resolved() (time.Time, bool) {
	for _, e := range tl {
		if e.Status == Resolved {
			return e.At, true
		}
	}
	return time.Time{}, false
}

// Duration returns the time from Start to Resolved, and false if the incident is not resolved (or
// the timeline is empty, or, unchecked, resolved before it started).
func (tl Timeline) Duration() (time.Duration, bool) {
	start, ok1 := tl.Start()
	end, ok2 := tl.Resolved()
	if !ok1 || !ok2 || end.Before(start) {
		return 0, false
	}
	return end.Sub(start), true
}

// Elapsed returns the time from Start to entry i. It panics if i is out of range.
func (tl Timeline) Elapsed(i int) time.Duration {
	return tl[i].At.Sub(tl[0].At)
}

// Status returns the status of the last entry that has one, or "" if none has.
func (tl Timeline) Status() Status {
	for i := len(tl) - 1; i >= 0; i-- {
		if tl[i].Status != "" {
			return tl[i].Status
		}
	}
	return ""
}
