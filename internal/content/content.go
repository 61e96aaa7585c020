// Package content reads one Markdown article: it splits the TOML front matter between +++ lines from
// the body, decodes the front matter strictly (unknown keys and wrong types are errors with
// file:line:col and a suggestion), and resolves the timeline entries to instants. It knows nothing of
// other articles or of rendering.
//
// Every text of the front matter (title, summary, authors, services, tags, image_alt, image_credit, a
// timeline entry's text) is cleaned with bidi.Clean as it is read: control characters removed,
// bidi controls balanced. So every output carries the same value and no string can reverse the
// text around it; rokhdad check reports each change with its position.
//
// A file must be UTF-8 (a byte order mark and CRLF line endings are accepted); anything else is an
// error at the line and column of the first invalid byte. There is no size limit: a 10 MB article
// builds in about a second (internal/build's bad-input tests check it).
package content

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/bidi"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
	"github.com/rokhdad/rokhdad/internal/window"
)

// Page is one article in one language, as written.
type Page struct {
	File    string // slash path relative to the site, e.g. "content/fa/incidents/x.md"
	Lang    string // language code (the first folder under content/)
	Section string // e.g. "incidents"
	Name    string // file name without ".md"

	Title       string
	Date        time.Time
	Updated     time.Time // "lastmod"; zero when not given
	Summary     string
	Draft       bool
	Services    []string
	Tags        []string
	Authors     []string // who wrote the article, as the byline names them; none → site.toml's [author]
	Status      timeline.Status
	Severity    Severity
	ZoneName    string // the timeline's zone
	Zone        *time.Location
	Image       string // a path relative to static/, cleaned, or an http(s) URL (see image.go); "" if none
	ImageLine   int    // where the image key is written, for errors
	ImageCol    int
	ImageAlt    string
	ImageCredit string
	Source      Source
	Timeline    timeline.Timeline
	// Maintenance is the planned window of an article in the maintenance section (starts, ends
	// and a status of its own); nil for every other article.
	Maintenance *Maintenance

	Body     []byte // Markdown after the front matter, with LF line endings; never modified once parsed
	BodyLine int    // line of the file on which Body starts
}

// Source is where an article's facts come from: a status page's own account of the incident
// ([source] in the front matter; rokhdad import writes it).
type Source struct {
	URL      string // the incident on the status page (its shortlink), for readers; "" if none
	Incident string // the status page's id of the incident, which a later import matches on
	Page     string // the address of the status page it was imported from
}

// MaintenanceSection is the section folder whose articles announce scheduled maintenance:
// content/<lang>/maintenance/<name>.md. Their front matter has starts and ends (the window), their
// status is a window's (window.Statuses) and so is each timeline entry's.
const MaintenanceSection = "maintenance"

// Maintenance is a maintenance article's window and the status its editor wrote, if any.
type Maintenance struct {
	window.Window
	Status window.Status // as written; "" lets the build's reference instant decide (window.StatusAt)
	Line   int           // where starts is written, for messages
}

// IsMaintenanceFile reports whether file (content/<lang>/<section>/<name>.md) is in the maintenance
// section. Section folders are URL segments with ASCII letters lower-cased, so Maintenance/ is the
// same section.
func IsMaintenanceFile(file string) bool {
	parts := strings.Split(file, "/")
	return len(parts) == 4 && parts[0] == "content" && strings.EqualFold(parts[2], MaintenanceSection)
}

// SourceKeys are the keys of the [source] table.
var SourceKeys = []string{"url", "incident", "page"}

// Severity is how bad an incident was.
type Severity string

// Severities, least to most severe.
const (
	Minor    Severity = "minor"
	Major    Severity = "major"
	Critical Severity = "critical"
)

// Keys are the front matter keys, in the order the docs list them.
var Keys = []string{"title", "date", "lastmod", "summary", "draft", "authors", "services", "tags", "status", "severity",
	"timezone", "starts", "ends", "image", "image_alt", "image_credit", "source", "timeline"}

// EntryKeys are the keys of a [[timeline]] entry.
var EntryKeys = []string{"at", "zone", "status", "text", "id", "updated"}

// Split separates the front matter from the body. src may start with a UTF-8 byte order mark and use
// CRLF line endings. It returns the front matter text, the body, and the line on which the front
// matter's first key line and the body start.
func Split(file string, src []byte) (front, body []byte, frontLine, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, nil, 0, 0, diag.Errorf(file, 1, 1, "frontmatter", "start the file with a +++ line, then title = \"…\" and date = …, then another +++ line",
			"the file is empty")
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "+++" {
		hint := "did you forget to add +++ above the front matter?"
		if bytes.HasPrefix(first, []byte("---")) {
			hint = "rokhdad reads TOML front matter between +++ lines, not YAML between ---"
		}
		return nil, nil, 0, 0, diag.Errorf(file, 1, 1, "frontmatter", hint, "the file does not start with front matter (a +++ line)")
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == "+++" {
			front = rest[:off]
			if end < 0 {
				body = nil
			} else {
				body = rest[off+end+1:]
			}
			return front, body, 2, line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, 0, diag.Errorf(file, 1, 1, "frontmatter", "add a +++ line where the front matter ends",
		"the front matter opened on line 1 is never closed")
}

// Parse reads one article. defaultZone is the timeline zone when the article names none.
func Parse(file string, src []byte, defaultZone *time.Location) (*Page, error) {
	if err := CheckUTF8(file, src); err != nil {
		return nil, err
	}
	front, body, frontLine, bodyLine, err := Split(file, src)
	if err != nil {
		return nil, err
	}
	doc, err := tomldoc.Parse(file, front, frontLine)
	if err != nil {
		return nil, err
	}
	p := &Page{File: file, Body: body, BodyLine: bodyLine}
	t := doc.Root()
	n := len(doc.Diags)
	p.Title = text(t.String("title", true))
	if t.Has("title") && p.Title == "" && len(doc.Diags) == n {
		t.Errorf("title", "write a headline for the article", "title is empty")
	}
	p.Date = t.Time("date", true)
	p.Updated = t.Time("lastmod", false)
	p.Summary = text(t.String("summary", false))
	p.Draft = t.Bool("draft")
	p.Services = cleanList(t, "services")
	p.Tags = cleanList(t, "tags")
	p.Authors = cleanList(t, "authors")
	maint := IsMaintenanceFile(file)
	if s := t.String("status", false); s != "" && !maint {
		st, err := timeline.ParseStatus(s)
		if err != nil {
			t.Errorf("status", "", "%v", err)
		}
		p.Status = st
	}
	if s := t.String("severity", false); s != "" {
		switch Severity(s) {
		case Minor, Major, Critical:
			p.Severity = Severity(s)
		default:
			hint := "write minor, major or critical"
			if sug := diag.Suggest(s, []string{"minor", "major", "critical"}); sug != "" {
				hint = "did you mean " + sug + "?"
			}
			t.Errorf("severity", hint, "severity %s is not one of minor, major, critical", diag.Quote(s))
		}
	}
	p.Zone = defaultZone
	if z := t.String("timezone", false); z != "" {
		loc, err := timeline.LoadZone(z)
		if err != nil {
			t.Errorf("timezone", "use an IANA zone name such as America/Los_Angeles", "%v", err)
		} else {
			p.Zone, p.ZoneName = loc, z
		}
	}
	if p.ZoneName == "" && p.Zone != nil {
		p.ZoneName = p.Zone.String()
	}
	p.parseImage(t)
	p.ImageAlt = bidi.Clean(t.String("image_alt", false))
	p.ImageCredit = bidi.Clean(t.String("image_credit", false))
	if p.Image != "" && strings.TrimSpace(p.ImageAlt) == "" {
		t.Errorf("image", "add image_alt = \"…\" describing the picture for readers who cannot see it", "image has no image_alt")
	}
	if st := t.Table("source"); st != nil {
		p.Source = Source{URL: httpURL(st, "url"), Incident: strings.TrimSpace(st.String("incident", false)), Page: httpURL(st, "page")}
		st.Strict(SourceKeys)
	}
	if maint {
		p.Maintenance = parseWindow(t, p.Zone)
	} else {
		for _, key := range []string{"starts", "ends"} {
			if t.Has(key) {
				t.String(key, false) // read, so that it is not also an unknown key
				t.Errorf(key, "move the file into content/"+langOf(file)+"/maintenance/, where articles announce scheduled maintenance",
					"%s is the start or end of a maintenance window, and this article is not in the maintenance section", key)
			}
		}
	}
	ets := t.Tables("timeline")
	for _, et := range ets {
		p.Timeline = append(p.Timeline, parseEntry(et, p.Zone, maint))
	}
	assignIDs(p.Timeline, ets)
	t.Strict(Keys)
	if err := doc.Err(); err != nil {
		return nil, err
	}
	if err := p.Timeline.Check(); err != nil {
		line := 0
		if oe, ok := err.(*timeline.OrderError); ok {
			line = oe.Cur.Line
		}
		return nil, &diag.Diagnostic{File: file, Line: line, Col: 1, Rule: "timeline", Msg: err.Error()}
	}
	return p, nil
}

// parseWindow reads a maintenance article's starts, ends and status.
func parseWindow(t *tomldoc.Table, zone *time.Location) *Maintenance {
	m := &Maintenance{Line: t.KeyPos("starts").Line}
	for _, key := range []string{"starts", "ends"} {
		if !t.Has(key) {
			t.Errorf("", "an article in content/<lang>/maintenance/ announces a window: add starts and ends (a wall time in its timezone, or RFC 3339); an article that is no window belongs in another section",
				"%s is missing: the maintenance section's articles are scheduled maintenance windows", key)
		}
	}
	starts, ends := t.String("starts", false), t.String("ends", false)
	if s := t.String("status", false); s != "" {
		st, err := window.ParseStatus(strings.ToLower(strings.TrimSpace(s)))
		if err != nil {
			hint := "leave status out to have it follow the clock, or write cancelled for a window called off"
			if sug := diag.Suggest(s, statusNames()); sug != "" {
				hint = "did you mean " + sug + "?"
			}
			t.Errorf("status", hint, "%v", err)
		}
		m.Status = st
	}
	if starts == "" || ends == "" || zone == nil {
		return m
	}
	s, err := timeline.ParseAt(starts, zone)
	if err != nil {
		t.Errorf("starts", "", "starts: %s", forKey(err, "starts"))
		return m
	}
	e, err := timeline.ParseAt(ends, zone)
	if err != nil {
		t.Errorf("ends", "", "ends: %s", forKey(err, "ends"))
		return m
	}
	if !e.After(s) {
		t.Errorf("ends", "ends is when the work is over: after starts", "%v", &window.OrderError{Start: s, End: e})
		return m
	}
	m.Window = window.Window{Start: s, End: e}
	return m
}

// forKey is a timeline time's error with its examples written for key: timeline.ParseAt's
// suggestions name a timeline entry's at.
func forKey(err error, key string) string {
	return strings.ReplaceAll(err.Error(), `at = "`, key+` = "`)
}

func statusNames() []string {
	var out []string
	for _, st := range window.Statuses {
		out = append(out, string(st))
	}
	return out
}

// langOf is the language folder of content/<lang>/….
func langOf(file string) string {
	if parts := strings.Split(file, "/"); len(parts) > 1 {
		return parts[1]
	}
	return "<lang>"
}

func parseEntry(t *tomldoc.Table, zone *time.Location, maint bool) timeline.Entry {
	e := timeline.Entry{Line: t.Pos().Line}
	if z := t.String("zone", false); z != "" {
		loc, err := timeline.LoadZone(z)
		if err != nil {
			t.Errorf("zone", "use an IANA zone name such as America/Los_Angeles", "%v", err)
		} else {
			zone = loc
		}
	}
	at := t.String("at", true)
	if at != "" && zone != nil {
		tm, err := timeline.ParseAt(at, zone)
		if err != nil {
			t.Errorf("at", "", "%v", err)
		}
		e.At = tm
	}
	if s := t.String("status", false); s != "" && maint {
		st, err := window.ParseStatus(strings.ToLower(strings.TrimSpace(s)))
		if err != nil {
			hint := "a maintenance update's status is the window's: scheduled, in_progress, completed or cancelled"
			if sug := diag.Suggest(s, statusNames()); sug != "" {
				hint = "did you mean " + sug + "?"
			}
			t.Errorf("status", hint, "%v", err)
		}
		e.Status = timeline.Status(st)
	} else if s != "" {
		st, err := timeline.ParseStatus(s)
		if err != nil {
			t.Errorf("status", "", "%v", err)
		}
		e.Status = st
	}
	e.Text = text(t.String("text", true))
	if id := t.String("id", false); id != "" { // id = "" is no id: the entry's is derived
		if why := badID(id); why != "" {
			t.Errorf("id", `write a plain name such as id = "k7x0gfk2lx3p" (letters, digits, - _ .)`, "timeline id %s %s", diag.Quote(id), why)
		} else {
			e.ID = id
		}
	}
	if up := t.String("updated", false); up != "" && zone != nil {
		tm, err := timeline.ParseAt(up, zone)
		switch {
		case err != nil:
			t.Errorf("updated", "", "updated: %v", err)
		case !e.At.IsZero() && tm.Before(e.At):
			t.Errorf("updated", "updated is when the entry's text was last corrected: at its time or later",
				"updated %s is earlier than the entry's at %s", diag.Quote(up), diag.Quote(at))
		default:
			e.Updated = tm
		}
	}
	t.Strict(EntryKeys)
	return e
}

// CheckUTF8 returns nil when src is valid UTF-8, or else an error at the line and column (in bytes) of
// the first invalid byte, naming its offset in the file, so that an editor can find it.
func CheckUTF8(file string, src []byte) error {
	if utf8.Valid(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(src[:off], '\n')
	return diag.Errorf(file, line, col, "encoding", "save the file as UTF-8; most editors offer it under Save with Encoding",
		"the file is not valid UTF-8: byte 0x%02x at offset %d (line %d) is not part of a UTF-8 character", src[off], off, line)
}

// text is a front matter string as every output gets it: control characters removed and bidi
// controls balanced (bidi.Clean, one rule for HTML, XML and JSON), then trimmed. rokhdad check
// reports what was changed, with its position.
func text(s string) string { return strings.TrimSpace(bidi.Clean(s)) }

// cleanList reads a list of names, cleaning and trimming each (text) and dropping empty and
// repeated ones.
func cleanList(t *tomldoc.Table, key string) []string {
	raw := t.Strings(key)
	var out []string
	seen := map[string]bool{}
	for _, s := range raw {
		s = text(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// Modified is when the article last changed, as far as its file says: the latest of its date,
// lastmod and timeline entries and their corrections.
func (p *Page) Modified() time.Time {
	t := p.Date
	if p.Updated.After(t) {
		t = p.Updated
	}
	for i := range p.Timeline {
		for _, u := range []time.Time{p.Timeline[i].At, p.Timeline[i].Updated} {
			if u.After(t) {
				t = u
			}
		}
	}
	return t
}

// String describes a page for messages.
func (p *Page) String() string { return fmt.Sprintf("%s (%s)", p.File, p.Lang) }

// httpURL reads the http(s) address under key, reporting anything else; "" when there is none.
func httpURL(t *tomldoc.Table, key string) string {
	v := strings.TrimSpace(t.String(key, false))
	if v == "" {
		return ""
	}
	if u, err := url.Parse(v); err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		t.Errorf(key, "write the full address, such as https://status.example.com/incidents/abc", "%s is not an http(s) address", diag.Quote(v))
		return ""
	}
	return v
}
