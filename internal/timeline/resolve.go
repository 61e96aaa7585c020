package timeline

// This file finds the instants at which a zone's clocks showed a wall time: ParseAt's step for a
// value without an offset, which walks the zone's periods around it (resolve) and, when the clocks
// skipped the time, reports the change that skipped it (transition).

import "time"

// transition is a change of offset: at the instant at (seconds since 1970), clocks set to fromOff
// (seconds east of UTC, abbreviation fromName) changed to toOff.
type transition struct {
	at             int64
	fromOff, toOff int
	fromName       string
	ok             bool
}

// window bounds, in seconds, how far from the wall clock read as UTC an instant with that wall
// clock can be: no zone has used an offset beyond ±16h since 1900.
const window = 30 * 3600

// resolve returns, earliest first, every instant at which loc's clocks showed f's wall time, and,
// when there is none, the transition that skipped it. It finds every offset in force near the
// wall time by walking loc's zone periods, and keeps the instants wall - offset at which that
// offset was in force, i.e. those that show the same wall clock again in loc.
func resolve(f *fields, loc *time.Location, cands []time.Time) ([]time.Time, transition) {
	wall := f.wallUnix()
	var offBuf [4]int
	offs := offBuf[:0]
	var trBuf [4]transition
	trs := trBuf[:0]

	t := time.Unix(wall-window, 0).In(loc)
	name, off := t.Zone()
	offs = append(offs, off)
	for range 1000 {
		end := nextChange(t)
		if end.IsZero() || end.Unix() > wall+window {
			break
		}
		name2, off2 := end.Zone()
		if off2 != off {
			trs = append(trs, transition{at: end.Unix(), fromOff: off, toOff: off2, fromName: name, ok: true})
			if !containsInt(offs, off2) {
				offs = append(offs, off2)
			}
		}
		t, name, off = end, name2, off2
	}

	for _, o := range offs {
		c := time.Unix(wall-int64(o), int64(f.nsec)).In(loc)
		if _, co := c.Zone(); co != o {
			continue
		}
		// insert in order
		cands = append(cands, c)
		for k := len(cands) - 1; k > 0 && cands[k].Before(cands[k-1]); k-- {
			cands[k], cands[k-1] = cands[k-1], cands[k]
		}
	}
	if len(cands) > 0 {
		return cands, transition{}
	}
	for _, tr := range trs {
		if tr.toOff > tr.fromOff && tr.at+int64(tr.fromOff) <= wall && wall < tr.at+int64(tr.toOff) {
			return cands, tr
		}
	}
	return cands, transition{}
}

// nextChange returns when the zone period containing t ends, or the zero time if it never does.
// time.Time.ZoneBounds can report a period's end at or before t itself where a zone's rules come
// from its POSIX rule string (recent years in compact zone data) and t is at a year boundary; then
// the lookup is repeated a minute later, which finds the real end (no zone changes offset twice
// within a minute).
func nextChange(t time.Time) time.Time {
	for range 4 {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.After(t) {
			return end
		}
		t = t.Add(time.Minute)
	}
	return time.Time{}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
