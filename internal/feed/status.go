package feed

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/window"
)

// StatusVersion is the version of the status.json schema (docs/incidents-json.md, "status.json").
const StatusVersion = 1

// Status is what is down now in a language, for /<lang>/status.json: as of the site's reference
// instant, its ongoing incidents and the state of each of its services.
type Status struct {
	Lang        string
	At          time.Time // the reference instant
	Ongoing     []StatusIncident
	Maintenance []StatusMaintenance // the windows in progress or scheduled, in progress first
	Services    []StatusService
}

// StatusMaintenance is a maintenance window in progress or to come.
type StatusMaintenance struct {
	ID, Title, URL, Status string
	Services               []string
	Starts, Ends           time.Time
}

// StatusIncident is one ongoing incident.
type StatusIncident struct {
	ID, Title, URL, Status, Severity string
	Services                         []string
	Began, Updated                   time.Time
	Latest                           *StatusUpdate // nil for an article without a timeline
}

// StatusUpdate is an incident's latest timeline entry.
type StatusUpdate struct {
	ID, Status, Text, HTML, URL string
	At                          time.Time
}

// StatusService is a service and the most serious status of its ongoing incidents, or
// "operational"; and its maintenance windows.
type StatusService struct {
	Name, URL, Status string
	Incidents         []string // the ids of its ongoing incidents
	Maintenance       []string // the ids of its windows in progress or to come
	UnderMaintenance  bool     // a window of it is in progress
}

// seriousness orders the statuses of an ongoing incident, most serious first.
var seriousness = map[timeline.Status]int{timeline.Investigating: 3, timeline.Identified: 2, timeline.Monitoring: 1}

// CurrentStatus assembles a language's Status.
func CurrentStatus(s *site.Site, l *site.Lang, w Words) (*Status, error) {
	st := &Status{Lang: l.Code, At: s.Reference}
	for _, p := range s.Ongoing(l.Pages) {
		in := StatusIncident{ID: p.Key, Title: w.Digits(p.Title), URL: p.Permalink, Status: string(site.State(p.Page)),
			Severity: string(p.Severity), Services: p.Services, Began: site.Began(p.Page), Updated: site.LastUpdate(p.Page)}
		if n := len(p.Timeline); n > 0 {
			e := &p.Timeline[n-1]
			h, err := w.EntryHTML(p, n-1)
			if err != nil {
				return nil, err
			}
			in.Latest = &StatusUpdate{ID: e.ID, Status: string(e.Status), Text: e.Text, HTML: h, URL: p.Permalink + "#" + w.Anchor(p, n-1), At: e.At}
		}
		st.Ongoing = append(st.Ongoing, in)
	}
	for _, p := range s.Upcoming(l.Pages) {
		st.Maintenance = append(st.Maintenance, StatusMaintenance{ID: p.Key, Title: w.Digits(p.Title), URL: p.Permalink,
			Status: string(site.MaintenanceStatus(p.Page, s.Reference)), Services: p.Services,
			Starts: p.Maintenance.Start, Ends: p.Maintenance.End})
	}
	for _, t := range l.Services {
		sv := StatusService{Name: t.Name, URL: s.AbsURL(l.Code + "/services/" + t.Slug + "/"), Status: "operational"}
		worst := 0
		for _, p := range s.Upcoming(t.Pages) {
			sv.Maintenance = append(sv.Maintenance, p.Key)
			if site.MaintenanceStatus(p.Page, s.Reference) == window.InProgress {
				sv.UnderMaintenance = true
			}
		}
		for _, p := range s.Ongoing(t.Pages) {
			sv.Incidents = append(sv.Incidents, p.Key)
			if n := seriousness[site.State(p.Page)]; n > worst {
				worst, sv.Status = n, string(site.State(p.Page))
			}
		}
		st.Services = append(st.Services, sv)
	}
	return st, nil
}

type jsonStatus struct {
	Version     int                     `json:"version"`
	Language    string                  `json:"language"`
	AsOf        *string                 `json:"as_of"`
	Status      string                  `json:"status"`
	Ongoing     []jsonStatusIncident    `json:"ongoing"`
	UnderMaint  bool                    `json:"under_maintenance"`
	Maintenance []jsonStatusMaintenance `json:"maintenance"`
	Services    []jsonStatusService     `json:"services"`
}

type jsonStatusMaintenance struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Status   string   `json:"status"`
	Services []string `json:"services"`
	Starts   *string  `json:"starts"`
	Ends     *string  `json:"ends"`
}

type jsonStatusIncident struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	URL      string            `json:"url"`
	Status   string            `json:"status"`
	Severity string            `json:"severity"`
	Services []string          `json:"services"`
	Began    *string           `json:"began"`
	Updated  *string           `json:"updated"`
	Latest   *jsonStatusUpdate `json:"latest"`
}

type jsonStatusUpdate struct {
	ID     string  `json:"id"`
	At     *string `json:"at"`
	Status string  `json:"status"`
	Text   string  `json:"text"`
	HTML   string  `json:"html"`
	URL    string  `json:"url"`
}

type jsonStatusService struct {
	Name        string   `json:"name"`
	URL         string   `json:"url"`
	Status      string   `json:"status"`
	Incidents   []string `json:"incidents"`
	UnderMaint  bool     `json:"under_maintenance"`
	Maintenance []string `json:"maintenance"`
}

// StatusJSON writes st as /<lang>/status.json (docs/incidents-json.md): "status" is "ongoing"
// when an incident is, else "operational"; times are RFC 3339 in UTC; the document is indented,
// for people who open it too, and the same input gives the same bytes.
func StatusJSON(w io.Writer, st *Status) error {
	ck := &checker{format: "status.json"}
	ck.lang("language", st.Lang)
	ck.time("as_of", st.At)
	j := jsonStatus{Version: StatusVersion, Language: st.Lang, AsOf: jsonTime(st.At), Status: "operational",
		Ongoing: []jsonStatusIncident{}, Maintenance: []jsonStatusMaintenance{}, Services: []jsonStatusService{}}
	if len(st.Ongoing) > 0 {
		j.Status = "ongoing"
	}
	j.UnderMaint = slices.ContainsFunc(st.Maintenance, func(m StatusMaintenance) bool { return m.Status == string(window.InProgress) })
	for i := range st.Maintenance {
		m := &st.Maintenance[i]
		ck.at("maintenance", i, m.ID)
		ck.absURL("url", m.URL)
		ck.time("starts", m.Starts)
		ck.time("ends", m.Ends)
		j.Maintenance = append(j.Maintenance, jsonStatusMaintenance{ID: clean(m.ID), Title: clean(m.Title), URL: clean(m.URL),
			Status: m.Status, Services: cleanAll(m.Services), Starts: jsonTime(m.Starts), Ends: jsonTime(m.Ends)})
	}
	for i := range st.Ongoing {
		in := &st.Ongoing[i]
		ck.at("incident", i, in.ID)
		ck.absURL("url", in.URL)
		ck.time("began", in.Began)
		ck.time("updated", in.Updated)
		ji := jsonStatusIncident{ID: clean(in.ID), Title: clean(in.Title), URL: clean(in.URL), Status: in.Status,
			Severity: in.Severity, Services: cleanAll(in.Services), Began: jsonTime(in.Began), Updated: jsonTime(in.Updated)}
		if u := in.Latest; u != nil {
			ck.absURL("latest url", u.URL)
			ck.time("latest at", u.At)
			ji.Latest = &jsonStatusUpdate{ID: clean(u.ID), At: jsonTime(u.At), Status: u.Status, Text: clean(u.Text), HTML: clean(u.HTML), URL: clean(u.URL)}
		}
		j.Ongoing = append(j.Ongoing, ji)
	}
	for _, sv := range st.Services {
		ck.absURL("service url", sv.URL)
		inc := sv.Incidents
		if inc == nil {
			inc = []string{}
		}
		j.Services = append(j.Services, jsonStatusService{Name: clean(sv.Name), URL: clean(sv.URL), Status: sv.Status,
			Incidents: cleanAll(inc), UnderMaint: sv.UnderMaintenance, Maintenance: cleanAll(sv.Maintenance)})
	}
	if ck.err != nil {
		return ck.err
	}
	return writeIndented(w, j)
}

// writeIndented writes v as indented JSON with '<', '>' and '&' escaped, for the small documents
// people open too (status.json, maintenance.json); nothing is written when it cannot be encoded.
func writeIndented(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
