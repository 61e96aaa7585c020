// Package window is a scheduled maintenance window: when it starts and ends, read with the same
// rules as a timeline's times (a wall time in the article's zone, or RFC 3339 with the offset that
// zone had; a wall time that happened twice or never is an error, never a guess), how long it
// really lasts, where it stands at an instant, and how it falls on a reader's clock and calendar —
// across midnight, or across a change of the reader's offset, it says so.
package window

import (
	"fmt"
	"time"

	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Window is a maintenance window: [Start, End), both in the source's zone.
type Window struct {
	Start, End time.Time
}

// Parse reads a window's starts and ends values in zone (see timeline.ParseAt). The end must come
// after the start.
func Parse(starts, ends string, zone *time.Location) (Window, error) {
	s, err := timeline.ParseAt(starts, zone)
	if err != nil {
		return Window{}, fmt.Errorf("starts: %w", err)
	}
	e, err := timeline.ParseAt(ends, zone)
	if err != nil {
		return Window{}, fmt.Errorf("ends: %w", err)
	}
	if !e.After(s) {
		return Window{}, &OrderError{Start: s, End: e}
	}
	return Window{Start: s, End: e}, nil
}

// OrderError is a window that ends at or before its start.
type OrderError struct{ Start, End time.Time }

func (e *OrderError) Error() string {
	return fmt.Sprintf("the window ends (%s) at or before it starts (%s): ends must come after starts",
		e.End.Format(time.RFC3339), e.Start.Format(time.RFC3339))
}

// Duration is how long the window really lasts: between its instants, so an hour that a clock
// change skips or repeats is counted as it passed.
func (w Window) Duration() time.Duration { return w.End.Sub(w.Start) }

// Status is where a window stands.
type Status string

// The statuses of a window.
const (
	Scheduled  Status = "scheduled"
	InProgress Status = "in_progress"
	Completed  Status = "completed"
	Cancelled  Status = "cancelled"
)

// Statuses are the valid statuses, in order.
var Statuses = []Status{Scheduled, InProgress, Completed, Cancelled}

// ParseStatus reads a status as written in front matter; "" is none (then StatusAt decides).
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses {
		if s == string(st) {
			return st, nil
		}
	}
	if s == "" {
		return "", nil
	}
	return "", fmt.Errorf("status %q is not one of scheduled, in_progress, completed, cancelled", s)
}

// StatusAt is where the window stands at instant ref: scheduled before it starts, in progress
// from its start until its end, completed from its end on. A status written in the article
// (given, not "") wins: a window called off is cancelled whatever the clock says.
func (w Window) StatusAt(ref time.Time, given Status) Status {
	if given != "" {
		return given
	}
	switch {
	case ref.Before(w.Start):
		return Scheduled
	case ref.Before(w.End):
		return InProgress
	}
	return Completed
}

// Upcoming reports whether a window of status st is one to announce at ref: in progress (also
// past its end, when the work runs over), or scheduled and not over.
func (w Window) Upcoming(ref time.Time, st Status) bool {
	return st == InProgress || st == Scheduled && ref.Before(w.End)
}

// Reading is how a window falls on a reader's clock: its start and end in the reader's zone, and
// what a reader must be told about them.
type Reading struct {
	Start, End time.Time // in the reader's zone
	// Days is true when the window ends on another date than it starts on, in the reader's zone
	// (a window that ends at exactly midnight ends on the day it started).
	Days bool
	// OffsetChange is true when the reader's clock changes offset within the window (daylight
	// saving time begins or ends): the clock times are then not End minus Start apart.
	OffsetChange bool
	// Clock is the difference of the two clock readings, which differs from Duration when
	// OffsetChange is set.
	Clock time.Duration
}

// In reads the window in the reader's zone.
func (w Window) In(reader *time.Location) Reading {
	s, e := w.Start.In(reader), w.End.In(reader)
	r := Reading{Start: s, End: e}
	_, so := s.Zone()
	_, eo := e.Zone()
	r.OffsetChange = so != eo || offsetChangesWithin(w.Start, w.End, reader)
	last := e
	if e.Hour() == 0 && e.Minute() == 0 && e.Second() == 0 && e.Nanosecond() == 0 {
		last = e.Add(-time.Nanosecond) // ending at midnight ends the day before
	}
	sy, sm, sd := s.Date()
	ly, lm, ld := last.Date()
	r.Days = sy != ly || sm != lm || sd != ld
	r.Clock = wall(e).Sub(wall(s))
	return r
}

// wall is t's clock reading as if it were UTC.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// offsetChangesWithin reports whether loc's offset changes strictly between a and b and back again
// (two changes inside a long window), which comparing the ends alone would miss.
func offsetChangesWithin(a, b time.Time, loc *time.Location) bool {
	_, start := a.In(loc).Zone()
	for t := a; t.Before(b); {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(b) {
			return false
		}
		if _, off := end.In(loc).Zone(); off != start {
			return true
		}
		t = end
	}
	return false
}
