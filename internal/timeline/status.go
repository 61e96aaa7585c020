package timeline

import (
	"strconv"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// Status is where an incident stands after a timeline update.
type Status string

// The statuses, in the order an incident usually goes through them.
const (
	Investigating Status = "investigating"
	Identified    Status = "identified"
	Monitoring    Status = "monitoring"
	Resolved      Status = "resolved"
)

// Statuses lists the valid statuses in their usual order.
var Statuses = []Status{Investigating, Identified, Monitoring, Resolved}

// statusWords maps other words writers use to the status they mean.
var statusWords = map[string]Status{
	"investigate": Investigating, "investigation": Investigating,
	"identify": Identified,
	"monitor":  Monitoring, "monitored": Monitoring,
	"resolve": Resolved, "fixed": Resolved, "closed": Resolved,
}

// ParseStatus reads a status. Case and surrounding white space are ignored. "" means no status and
// is returned as "". Anything else is a *StatusError.
func ParseStatus(s string) (Status, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch st := Status(v); st {
	case "", Investigating, Identified, Monitoring, Resolved:
		return st, nil
	}
	e := &StatusError{Value: s}
	if st, ok := statusWords[v]; ok {
		e.Suggestion = st
	} else {
		bestD := 4 // suggest only within 3 edits
		for _, st := range Statuses {
			if d := editDistance(v, string(st)); d < bestD {
				e.Suggestion, bestD = st, d
			}
		}
	}
	return "", e
}

// StatusError reports a status that is not one of Statuses.
type StatusError struct {
	Value      string // as written
	Suggestion Status // the status it probably means, or ""
}

func (e *StatusError) Error() string {
	msg := "unknown status " + diag.Quote(e.Value)
	if e.Suggestion != "" {
		msg += ": did you mean " + strconv.Quote(string(e.Suggestion)) + "?"
	}
	return msg + " (a status is investigating, identified, monitoring or resolved, or is left out)"
}
