// Package statuspage reads the incidents a status page publishes in the JSON of Atlassian
// Statuspage's public API (/api/v2/incidents.json, which many other status page services copy):
// the page with its time zone, and each incident with its updates, oldest first, their instants
// checked against that zone. It knows nothing of articles; internal/importer turns an Incident
// into one.
//
// The JSON is read leniently where status pages differ (fields missing or null, an incident's
// components or an update's affected components absent) and strictly where a mistake would put a
// wrong fact in an article: a time that does not parse, an offset the page's zone does not have
// at that instant, a zone Go does not know, an update without an id, or two different updates
// with one id are errors that name the incident and the update.
package statuspage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Page is the status page the incidents come from.
type Page struct {
	ID, Name, URL string
	TimeZone      string         // the IANA name, as the page gives it
	Zone          *time.Location // TimeZone loaded; every instant of its incidents is in it
}

// Incident is one incident of a page.
type Incident struct {
	ID        string
	Name      string
	Status    timeline.Status // the incident's status now (postmortem reads as resolved)
	RawStatus string          // as the page gives it
	Impact    string          // none, minor, major or critical ("" when the page gives none)
	Shortlink string
	Created   time.Time // when the page opened it
	Resolved  time.Time // zero while it is not resolved
	// Components are the names of the parts of the service it affects, in the page's order, each
	// once: the incident's components, or else those its updates name.
	Components []string
	Updates    []Update // oldest first
	// Updated is when the page last changed the incident (updated_at); zero when it does not say.
	Updated time.Time
	// For a scheduled maintenance (IsMaintenance): its window, scheduled_for to scheduled_until,
	// in the page's zone, and each as RFC 3339 with the offset the page wrote; zero when the page
	// gives none.
	Starts, Ends         time.Time
	StartsText, EndsText string
}

// Update is one of an incident's updates.
type Update struct {
	ID     string
	Status timeline.Status
	// At is the instant the page shows the update at (display_at, else created_at), in the page's
	// zone; AtText is that instant in RFC 3339 with the offset the page wrote it with.
	At     time.Time
	AtText string
	Body   string // the text, as Markdown (see Markdown)
	// Window is a maintenance update's status as a window's (scheduled, in_progress, completed;
	// the page's verifying is in_progress); "" for an incident's update.
	Window string
}

// Maintenance statuses: what incidents.json gives a scheduled maintenance, which is not an
// incident (IsMaintenance).
var maintenanceStatuses = map[string]bool{"scheduled": true, "in_progress": true, "verifying": true, "completed": true}

// IsMaintenance reports whether the incident is a scheduled maintenance window.
func (in *Incident) IsMaintenance() bool { return maintenanceStatuses[in.RawStatus] }

// windowStatus is a maintenance update's status as a window's, or "" for one it does not know.
func windowStatus(s string) string {
	switch s {
	case "scheduled", "in_progress", "completed":
		return s
	case "verifying":
		return "in_progress"
	}
	return ""
}

// Latest returns the newest update, or nil when there is none.
func (in *Incident) Latest() *Update {
	if len(in.Updates) == 0 {
		return nil
	}
	return &in.Updates[len(in.Updates)-1]
}

// The JSON as the API writes it.
type (
	jsonDoc struct {
		Page      *jsonPage      `json:"page"`
		Incidents []jsonIncident `json:"incidents"`
		Incident  *jsonIncident  `json:"incident"`
	}
	jsonPage struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		URL      string `json:"url"`
		TimeZone string `json:"time_zone"`
	}
	jsonIncident struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		Status     string `json:"status"`
		Impact     string `json:"impact"`
		CreatedAt  string `json:"created_at"`
		UpdatedAt  string `json:"updated_at"`
		ResolvedAt string `json:"resolved_at"`
		// A scheduled maintenance's window.
		ScheduledFor   string          `json:"scheduled_for"`
		ScheduledUntil string          `json:"scheduled_until"`
		Shortlink      string          `json:"shortlink"`
		Components     []jsonComponent `json:"components"`
		Updates        []jsonUpdate    `json:"incident_updates"`
	}
	jsonComponent struct {
		ID   string `json:"id"`
		Code string `json:"code"`
		Name string `json:"name"`
	}
	jsonUpdate struct {
		ID                 string          `json:"id"`
		Status             string          `json:"status"`
		Body               string          `json:"body"`
		CreatedAt          string          `json:"created_at"`
		DisplayAt          string          `json:"display_at"`
		AffectedComponents []jsonComponent `json:"affected_components"`
	}
)

// An Error is a problem with the JSON: the source it was read from, where (a line and column in
// it, or 0 when the problem is not at one place), and what.
type Error struct {
	Source    string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Source, e.Line, e.Col, e.Msg)
	}
	return e.Source + ": " + e.Msg
}

// Read reads an incidents.json document, or one incident ({"page": …, "incident": …}), from data,
// which was read from source (a file name or URL, for errors). Incidents are in the order the page
// lists them (newest first); each one's updates oldest first.
func Read(source string, data []byte) (*Page, []Incident, error) {
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, jsonError(source, data, err)
	}
	if dec.More() {
		return nil, nil, &Error{Source: source, Msg: "more than one JSON value"}
	}
	if doc.Page == nil {
		return nil, nil, &Error{Source: source, Msg: `no "page": this is not a status page's incidents.json (nor {"page": …, "incident": …})`}
	}
	if doc.Incident != nil && doc.Incidents != nil {
		return nil, nil, &Error{Source: source, Msg: `both "incident" and "incidents"; give one`}
	}
	list := doc.Incidents
	if doc.Incident != nil {
		list = []jsonIncident{*doc.Incident}
	} else if list == nil {
		return nil, nil, &Error{Source: source, Msg: `no "incidents" (nor "incident")`}
	}
	p := &Page{ID: doc.Page.ID, Name: doc.Page.Name, URL: doc.Page.URL, TimeZone: doc.Page.TimeZone}
	if strings.TrimSpace(p.TimeZone) == "" {
		return nil, nil, &Error{Source: source, Msg: `the page has no "time_zone", so its times cannot be checked; add one to the JSON (an IANA name such as "America/Los_Angeles")`}
	}
	zone, err := timeline.LoadZone(p.TimeZone)
	if err != nil {
		return nil, nil, &Error{Source: source, Msg: fmt.Sprintf("the page's time_zone: %v", err)}
	}
	p.Zone = zone
	out := make([]Incident, 0, len(list))
	seen := map[string]bool{}
	for k := range list {
		in, err := p.incident(&list[k])
		if err != nil {
			return nil, nil, &Error{Source: source, Msg: err.Error()}
		}
		if seen[in.ID] {
			return nil, nil, &Error{Source: source, Msg: fmt.Sprintf("incident %q is listed twice", in.ID)}
		}
		seen[in.ID] = true
		out = append(out, in)
	}
	return p, out, nil
}

// jsonError turns a decoding error into one at its line and column in data.
func jsonError(source string, data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1 // the offset is after the character at fault
	case errors.As(err, &te):
		off = te.Offset
		field := te.Field
		if field == "" {
			field = "the document"
		}
		msg = fmt.Sprintf("%s is a JSON %s, not %s", field, te.Value, jsonKind(te.Type.Kind().String()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		off, msg = int64(len(data)), "the JSON ends early"
	case errors.Is(err, io.EOF):
		return &Error{Source: source, Msg: "empty: no JSON"}
	}
	if off < 0 {
		return &Error{Source: source, Msg: "not JSON: " + msg}
	}
	off = max(0, min(off, int64(len(data))))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return &Error{Source: source, Line: line, Col: col, Msg: "not valid JSON: " + strings.TrimPrefix(msg, "json: ")}
}

// jsonKind names the JSON a Go kind reads, with its article.
func jsonKind(k string) string {
	switch k {
	case "slice":
		return "a list"
	case "struct", "ptr", "map":
		return "an object"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "true or false"
	}
	return "a " + k
}

// incident checks and converts one incident.
func (p *Page) incident(j *jsonIncident) (Incident, error) {
	name := strings.TrimSpace(j.Name)
	in := Incident{ID: strings.TrimSpace(j.ID), Name: name, RawStatus: strings.ToLower(strings.TrimSpace(j.Status)),
		Impact: strings.ToLower(strings.TrimSpace(j.Impact)), Shortlink: strings.TrimSpace(j.Shortlink)}
	label := fmt.Sprintf("incident %q", in.ID)
	if in.ID == "" {
		return in, fmt.Errorf("an incident (%q) has no id", name)
	}
	if name == "" {
		return in, fmt.Errorf("%s has no name", label)
	}
	switch in.Impact {
	case "", "none", "minor", "major", "critical", "maintenance":
	default:
		return in, fmt.Errorf("%s: impact %q is none of none, minor, major, critical", label, j.Impact)
	}
	if !in.IsMaintenance() {
		st, err := status(in.RawStatus)
		if err != nil {
			return in, fmt.Errorf("%s: %v", label, err)
		}
		in.Status = st
	}
	var err error
	if in.Created, err = p.instant(j.CreatedAt); err != nil {
		return in, fmt.Errorf("%s: created_at: %v", label, err)
	}
	if j.ResolvedAt != "" {
		if in.Resolved, err = p.instant(j.ResolvedAt); err != nil {
			return in, fmt.Errorf("%s: resolved_at: %v", label, err)
		}
	}
	if j.UpdatedAt != "" {
		if in.Updated, err = p.instant(j.UpdatedAt); err != nil {
			return in, fmt.Errorf("%s: updated_at: %v", label, err)
		}
	}
	if in.IsMaintenance() && j.ScheduledFor != "" && j.ScheduledUntil != "" {
		if in.Starts, err = p.instant(j.ScheduledFor); err != nil {
			return in, fmt.Errorf("%s: scheduled_for: %v", label, err)
		}
		if in.Ends, err = p.instant(j.ScheduledUntil); err != nil {
			return in, fmt.Errorf("%s: scheduled_until: %v", label, err)
		}
		if !in.Ends.After(in.Starts) {
			return in, fmt.Errorf("%s: scheduled_until %s is not after scheduled_for %s", label, j.ScheduledUntil, j.ScheduledFor)
		}
		in.StartsText, in.EndsText = rfc3339(j.ScheduledFor, in.Starts), rfc3339(j.ScheduledUntil, in.Ends)
	}
	byID := map[string]*jsonUpdate{}
	for k := range j.Updates {
		u := &j.Updates[k]
		id := strings.TrimSpace(u.ID)
		if id == "" {
			return in, fmt.Errorf("%s: its update of %s has no id, so a later import could not tell it from a new one", label, firstOf(u.DisplayAt, u.CreatedAt))
		}
		if prev, ok := byID[id]; ok {
			if prev.Body == u.Body && prev.Status == u.Status && prev.DisplayAt == u.DisplayAt && prev.CreatedAt == u.CreatedAt {
				continue // the same update twice: once is enough
			}
			return in, fmt.Errorf("%s: two different updates have the id %q", label, id)
		}
		byID[id] = u
		st, err := status(strings.ToLower(strings.TrimSpace(u.Status)))
		if err != nil && !in.IsMaintenance() {
			return in, fmt.Errorf("%s, update %q: %v", label, id, err)
		}
		raw := firstOf(u.DisplayAt, u.CreatedAt)
		at, err := p.instant(raw)
		if err != nil {
			return in, fmt.Errorf("%s, update %q: %v", label, id, err)
		}
		up := Update{ID: id, Status: st, At: at, AtText: rfc3339(raw, at), Body: Markdown(u.Body)}
		if in.IsMaintenance() {
			up.Status, up.Window = "", windowStatus(strings.ToLower(strings.TrimSpace(u.Status)))
		}
		in.Updates = append(in.Updates, up)
		for _, c := range u.AffectedComponents {
			in.addComponent(c.Name)
		}
	}
	// The API lists updates newest first; the article's timeline is oldest first. Equal instants
	// keep the page's order, reversed.
	for a, b := 0, len(in.Updates)-1; a < b; a, b = a+1, b-1 {
		in.Updates[a], in.Updates[b] = in.Updates[b], in.Updates[a]
	}
	sort.SliceStable(in.Updates, func(a, b int) bool { return in.Updates[a].At.Before(in.Updates[b].At) })
	var fromUpdates []string
	fromUpdates, in.Components = in.Components, nil
	for _, c := range j.Components {
		in.addComponent(c.Name)
	}
	if len(in.Components) == 0 {
		in.Components = fromUpdates
	}
	if in.Created.IsZero() && len(in.Updates) > 0 {
		in.Created = in.Updates[0].At
	}
	if in.Created.IsZero() {
		return in, fmt.Errorf("%s has neither a created_at nor an update, so it has no date", label)
	}
	return in, nil
}

// addComponent adds a component's name, once (whatever its case).
func (in *Incident) addComponent(name string) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return
	}
	for _, c := range in.Components {
		if strings.EqualFold(c, name) {
			return
		}
	}
	in.Components = append(in.Components, name)
}

func firstOf(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// status reads a Statuspage incident status as a timeline status.
func status(s string) (timeline.Status, error) {
	switch s {
	case "investigating", "identified", "monitoring", "resolved":
		return timeline.Status(s), nil
	case "postmortem":
		return timeline.Resolved, nil // the write-up after an incident was resolved
	case "":
		return "", nil
	}
	return "", fmt.Errorf("status %q is none of investigating, identified, monitoring, resolved, postmortem", s)
}

// instant reads a timestamp of the page: RFC 3339 with an offset, which must be one the page's zone
// has at that instant (timeline.ParseAt, the same check every time in an article gets). "" is no
// time.
func (p *Page) instant(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if !hasOffset(s) {
		return time.Time{}, fmt.Errorf("%q has no UTC offset; a status page's times carry one (…-08:00 or …Z)", s)
	}
	t, err := timeline.ParseAt(s, p.Zone)
	var oe *timeline.OffsetError
	if errors.As(err, &oe) {
		written := timeline.OffsetString(time.Unix(0, 0).In(time.FixedZone("", oe.Offset)))
		return time.Time{}, fmt.Errorf("%q has the offset %s, but the page's time_zone %s was at %s at that instant: the page's times and its time zone disagree, so an article would show a time the page never gave; check the JSON's time_zone",
			s, written, p.TimeZone, timeline.OffsetString(oe.At))
	}
	if err != nil {
		return time.Time{}, err
	}
	return t, nil
}

var offsetRE = regexp.MustCompile(`(Z|z|[+-]\d\d:?\d\d)$`)

func hasOffset(s string) bool { return len(s) > 10 && offsetRE.MatchString(s) }

// rfc3339 writes the instant t, read from raw, in RFC 3339 with raw's own offset (UTC stays "Z"),
// and fractions of a second only when there are any.
func rfc3339(raw string, t time.Time) string {
	layout := time.RFC3339
	if t.Nanosecond() != 0 {
		layout = time.RFC3339Nano
	}
	raw = strings.TrimSpace(raw)
	if strings.HasSuffix(raw, "Z") || strings.HasSuffix(raw, "z") {
		return t.UTC().Format(layout)
	}
	return t.Format(layout)
}

// Markdown turns an update's body into the Markdown of a timeline entry. Status pages write plain
// text, Markdown, or a little HTML: links become Markdown links, <br> and paragraphs become line
// breaks, other tags go (their text stays), character references (&amp; &#39; — with their ";")
// are decoded once, and what Markdown would read as raw HTML is escaped. Lines are trimmed; runs of
// blank lines become one.
func Markdown(body string) string {
	s := strings.ReplaceAll(body, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	// Links first, each decoded once; the text between them is decoded on its own, so that a link's
	// decoded "&" is never read as the start of another reference.
	var b strings.Builder
	for {
		m := linkRE.FindStringSubmatchIndex(s)
		if m == nil {
			b.WriteString(text(s))
			break
		}
		b.WriteString(text(s[:m[0]]))
		b.WriteString(link(s, m))
		s = s[m[1]:]
	}
	var lines []string
	blank := true
	for _, l := range strings.Split(b.String(), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		lines = append(lines, l)
		blank = false
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// text is a run of a body outside links: tags go, references are decoded, and what is left of <
// is escaped.
func text(s string) string {
	s = breakRE.ReplaceAllString(s, "\n")
	s = blockRE.ReplaceAllString(s, "\n\n")
	s = tagRE.ReplaceAllString(s, "")
	s = unescape(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return rawHTMLRE.ReplaceAllStringFunc(s, func(m string) string { return `\` + m })
}

// link is the Markdown of the <a> at m in s, or its text alone when it leads nowhere an article
// can link (a relative address, javascript:).
func link(s string, m []int) string {
	group := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	href := unescape(group(1) + group(2) + group(3)) // one of them is not empty
	label := strings.TrimSpace(unescape(tagRE.ReplaceAllString(group(4), "")))
	label = rawHTMLRE.ReplaceAllStringFunc(label, func(m string) string { return `\` + m })
	if label == "" {
		label = href
	}
	if !strings.HasPrefix(href, "http://") && !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "mailto:") {
		return label
	}
	return "[" + escapeLinkText(label) + "](" + strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(href) + ")"
}

// unescape decodes the character references of s that end in ";" — &amp; &lt; &#39; &#x2019; —
// and leaves any other "&" as it is: a query string's "&region=eu" is no reference, though HTML's
// legacy rules would read "&reg" in it.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return refRE.ReplaceAllStringFunc(s, html.UnescapeString)
}

var (
	linkRE    = regexp.MustCompile(`(?is)<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>`)
	breakRE   = regexp.MustCompile(`(?i)<br\s*/?>`)
	blockRE   = regexp.MustCompile(`(?i)</?(p|div|ul|ol|li|h[1-6]|blockquote|pre|table|tr)(\s[^>]*)?>`)
	tagRE     = regexp.MustCompile(`(?s)</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--.*?-->`)
	rawHTMLRE = regexp.MustCompile(`<[A-Za-z/!?]`)
	refRE     = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

func escapeLinkText(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}
