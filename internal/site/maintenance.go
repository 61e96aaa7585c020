package site

import (
	"sort"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/uptime"
	"github.com/rokhdad/rokhdad/internal/window"
)

// Scheduled maintenance: the articles of the maintenance section (content.MaintenanceSection)
// announce a window of planned work. They are articles like any other — paired, listed, in the
// feeds, the archive and their services' and tags' pages — but no incident: they are not in
// incidents.json, incidents.ics or what is down now, and a service's downtime leaves out the time
// its completed maintenance covered.

// IsMaintenance reports whether p announces a maintenance window.
func IsMaintenance(p *content.Page) bool { return p.Maintenance != nil }

// IsIncident reports whether p is an incident report (any article that is not a maintenance
// window; one without a timeline has no span to count).
func IsIncident(p *content.Page) bool { return p.Maintenance == nil }

// MaintenanceStatus is where p's window stands at ref. The status the editor wrote wins; else
// the latest timeline update that says the work is completed or cancelled (work often ends early,
// and a window may be called off after it was announced); else an update saying it is in progress,
// until the window's end — or for good, when that update was posted at or after the end (the work
// runs over) — else the clock (window.StatusAt). "" for an article that is no window.
func MaintenanceStatus(p *content.Page, ref time.Time) window.Status {
	m := p.Maintenance
	if m == nil {
		return ""
	}
	if m.Status != "" {
		return m.Status
	}
	for i := len(p.Timeline) - 1; i >= 0; i-- {
		e := &p.Timeline[i]
		if e.At.After(ref) {
			continue
		}
		switch st := window.Status(e.Status); st {
		case window.Completed, window.Cancelled:
			return st
		case window.InProgress:
			// Until the end; and after it when the update was posted at or after the end: the work
			// runs over, and it is in progress until an update says it is completed.
			if ref.Before(m.End) || !e.At.Before(m.End) {
				return st
			}
		}
	}
	return m.StatusAt(ref, "")
}

// IsCancelled reports whether p's window is called off, by its written status or an update: what
// an output with no reference instant of its own (a feed entry, a calendar's SEQUENCE) can tell.
func IsCancelled(p *content.Page) bool {
	return MaintenanceStatus(p, p.Modified()) == window.Cancelled
}

// Upcoming returns the maintenance windows among pages that are announced at the site's reference
// instant: those in progress, the earliest begun first, then those scheduled, the soonest first.
func (s *Site) Upcoming(pages []*Page) []*Page {
	var out []*Page
	running := map[*Page]bool{}
	for _, p := range pages {
		if m := p.Maintenance; m != nil {
			if st := MaintenanceStatus(p.Page, s.Reference); m.Upcoming(s.Reference, st) {
				out = append(out, p)
				running[p] = st == window.InProgress
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if running[out[i]] != running[out[j]] {
			return running[out[i]]
		}
		return out[i].Maintenance.Start.Before(out[j].Maintenance.Start)
	})
	return out
}

// PastMaintenance returns the maintenance windows among pages that are over at the site's
// reference instant — completed or cancelled — the latest start first.
func (s *Site) PastMaintenance(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if m := p.Maintenance; m != nil && !m.Upcoming(s.Reference, MaintenanceStatus(p.Page, s.Reference)) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Maintenance.Start.After(out[j].Maintenance.Start) })
	return out
}

// completedAt is when p's completed work ended: the first update at or before ref that says it
// is completed, when that is before the window's end (work that ended early), else the end.
func completedAt(p *content.Page, ref time.Time) time.Time {
	end := p.Maintenance.End
	for i := range p.Timeline {
		e := &p.Timeline[i]
		if window.Status(e.Status) == window.Completed && !e.At.After(ref) {
			if e.At.Before(end) {
				end = e.At
			}
			break
		}
	}
	return end
}

// Maintenances returns the maintenance articles among pages, in their order.
func Maintenances(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Maintenance != nil {
			out = append(out, p)
		}
	}
	return out
}

// MaintenanceExcluded is the completed maintenance of pages at ref, merged: the spans a service's
// downtime does not count (see Outages).
func MaintenanceExcluded(pages []*Page, ref time.Time) []uptime.Interval {
	var iv []uptime.Interval
	for _, p := range pages {
		if m := p.Maintenance; m != nil && MaintenanceStatus(p.Page, ref) == window.Completed {
			iv = append(iv, uptime.Interval{Start: m.Start, End: completedAt(p.Page, ref)})
		}
	}
	return uptime.Merge(iv)
}
