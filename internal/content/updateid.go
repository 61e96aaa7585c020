package content

import (
	"strconv"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// An update's id names it for good: its entry's anchor on the article page is "update-" + id and
// its id in updates.xml the article's permalink + "#update-" + id, so feed readers and links keep
// finding it when the timeline changes around it. It is never the entry's position:
//
//   - an explicit id = "…" on the [[timeline]] entry is used as written (letters, digits, "-", "_"
//     and "."; unique within the article, and not the id another entry derives — the status-page
//     import writes the page's update ids here); id = "" is no id;
//   - otherwise it is the entry's instant in UTC and its status: "20231108T035200Z-investigating",
//     or "20231108T035200Z" without a status. A second entry with the same instant and status gets
//     "-2", a third "-3", in timeline order.
//
// So inserting an earlier update, or correcting an entry's text, leaves every id as it was;
// correcting an entry's time or status changes its own id (write an id to keep it).

// MaxIDLen is the longest explicit timeline id.
const MaxIDLen = 100

// badID says what is wrong with an explicit timeline id, or "" when it is fine.
func badID(id string) string {
	if len(id) > MaxIDLen {
		return "is longer than " + strconv.Itoa(MaxIDLen) + " characters"
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return "may hold only letters, digits, -, _ and . (it becomes part of the entry's URL)"
		}
	}
	return ""
}

// DerivedID is the id of an entry without an explicit one: its instant in UTC, then its status.
func DerivedID(e *timeline.Entry) string {
	id := e.At.UTC().Format("20060102T150405Z")
	if e.Status != "" {
		id += "-" + string(e.Status)
	}
	return id
}

// assignIDs gives every entry of tl its id (see above); tables are the entries' tables, for the
// position of a duplicate explicit id.
func assignIDs(tl timeline.Timeline, tables []*tomldoc.Table) {
	owner := make(map[string]int, len(tl)) // id → index of the entry that has it
	for i := range tl {
		if id := tl[i].ID; id != "" {
			if j, dup := owner[id]; dup {
				tables[i].Errorf("id", "ids must be unique within an article; give one of them another id",
					"timeline id %s is also the id of the entry on line %d", diag.Quote(id), tl[j].Line)
				continue
			}
			owner[id] = i
		}
	}
	for i := range tl {
		e := &tl[i]
		if e.ID != "" || e.At.IsZero() {
			continue
		}
		base := DerivedID(e)
		id := base
		for n := 2; ; n++ {
			j, taken := owner[id]
			if !taken {
				break
			}
			if tables[j].Has("id") {
				tables[j].Errorf("id", "choose an id that is not a time and status, or leave it out",
					"timeline id %s is the id the entry on line %d gets from its time and status", diag.Quote(id), e.Line)
			}
			id = base + "-" + strconv.Itoa(n)
		}
		owner[id] = i
		e.ID = id
	}
}
