package render

import (
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/chart"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/window"
)

// ServiceView is a service's history up to the reference instant (see site.ServiceHistory), worded
// for the reader: per year, how many incidents, how long it was down and its uptime, and the 90
// days ending with the reference day as a bar and an uptime figure.
type ServiceView struct {
	Years    []ServiceYear
	Uptime   template.HTML // the 90-day bar
	Uptime90 string        // the 90 days' uptime: "۹۹٫۴۴٪", "99.44%"
	Period   string        // what Uptime90 measures: "uptime in the 90 days to 31 December 2023"
	Note     string        // how the figures are computed, for the reader
	// MaintNote says that completed maintenance is not downtime, and how much of this service's
	// there was.
	MaintNote string
}

// ServiceYear is one year of a service's history in the language's calendar.
type ServiceYear struct {
	Year     string
	Count    string
	Downtime string
	Uptime   string // the year's uptime up to the reference instant, or a "no data" word
}

// uptimeDays is how many days the service bar and its figure cover.
const uptimeDays = 90

// percent words an uptime in basis points, or the "no data" word for an empty period.
func (r *langRenderer) percent(bp int, ok bool) (string, error) {
	if !ok {
		return r.cat.T("no_data")
	}
	return r.loc.Percent(bp), nil
}

func (r *view) serviceView(t *site.Term) (*ServiceView, error) {
	ref := r.site.Reference
	h := site.ServiceHistory(t, ref, r.loc.Zone(), r.loc.Calendar(), uptimeDays)
	sv := &ServiceView{}
	for _, y := range h.Years {
		pct, err := r.percent(y.BasisPoints, y.OK)
		if err != nil {
			return nil, err
		}
		sv.Years = append(sv.Years, ServiceYear{Year: r.loc.Year(y.Year), Count: r.loc.Int(y.Count),
			Downtime: r.loc.Duration(y.Down), Uptime: pct})
	}
	_, bp, ok := h.Window()
	var err error
	if sv.Uptime90, err = r.percent(bp, ok); err != nil {
		return nil, err
	}
	date := r.loc.Date(ref)
	if sv.Period, err = r.cat.Format("uptime_period", "n", r.loc.Int(uptimeDays), "date", date); err != nil {
		return nil, err
	}
	if sv.Note, err = r.cat.Format("uptime_note", "date", date); err != nil {
		return nil, err
	}
	if sv.Uptime, err = r.uptimeBar(h); err != nil {
		return nil, err
	}
	if sv.MaintNote, err = r.cat.T("uptime_maintenance"); err != nil {
		return nil, err
	}
	if done := site.MaintenanceExcluded(t.Pages, ref); len(done) > 0 {
		var total time.Duration
		for _, iv := range done {
			total += iv.End.Sub(iv.Start)
		}
		n := 0
		for _, p := range t.Pages {
			if p.Maintenance != nil && site.MaintenanceStatus(p.Page, ref) == window.Completed {
				n++
			}
		}
		windows, err := r.cat.Count("maintenance_windows", n, r.loc.Int(n))
		if err != nil {
			return nil, err
		}
		more, err := r.cat.Format("uptime_maintenance_count", "windows", windows, "duration", r.loc.Duration(total))
		if err != nil {
			return nil, err
		}
		sv.MaintNote += " " + more
	}
	return sv, nil
}

// uptimeBar draws the history's days in the reader's zone, the last of them up to the reference.
func (r *langRenderer) uptimeBar(h *site.History) (template.HTML, error) {
	none, err := r.cat.T("no_downtime")
	if err != nil {
		return "", err
	}
	spec := chart.UptimeSpec{RTL: r.rtl, ID: "uptime"}
	for _, d := range h.Days {
		label := r.loc.Date(d.Start) + " — " + none
		if d.Down > 0 {
			label = r.loc.Date(d.Start) + " — " + r.loc.Duration(d.Down)
		}
		spec.Days = append(spec.Days, chart.Day{Downtime: d.Down, Label: label})
	}
	if spec.Title, err = r.cat.Format("uptime", "n", r.loc.Int(len(h.Days)), "date", r.loc.Date(h.Ref)); err != nil {
		return "", err
	}
	spec.StartLabel = r.loc.Date(h.Days[0].Start)
	spec.EndLabel = r.loc.Date(h.Ref)
	return chart.Uptime(spec)
}
