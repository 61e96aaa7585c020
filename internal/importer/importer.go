// Package importer turns a status page's incidents (internal/statuspage) into articles of a site,
// and brings the articles an earlier import wrote up to date: rokhdad import.
//
// The first import of an incident writes content/<lang>/<section>/<name>.md in the language of the
// status page's text, and in every other language a draft translation with the same instants,
// statuses, services and update ids and the text still to be translated. A later import finds
// those files by the incident's id ([source] incident = "…") and merges: it adds the updates
// that are new (by id) in time order, and sets status and lastmod. Every other byte of a file — the
// editor's title, body, translations, comments and layout — stays as it was, so importing the same
// JSON twice changes nothing. A scheduled maintenance becomes an article of the maintenance section
// (content.MaintenanceSection) with its window as starts and ends; when the page moves the window,
// the merge moves them too and sets lastmod, so the calendar event's SEQUENCE rises. What cannot
// be merged safely (a file that does not parse, an entry
// without an id) is an error that names the file, and then nothing is written.
//
// Plan works out the files; Write writes them, each in one step (output.ReplaceFile, CreateNew).
package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/rokhdad/rokhdad/internal/statuspage"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// Options say where and how to import.
type Options struct {
	Site    string // the site's folder
	Config  *config.Config
	Section string   // the content section; "incidents" when ""
	From    string   // the language of the page's text; "" for the first language written left to right
	Only    []string // the ids of the incidents to import; every incident when empty
	Ignore  []string // the ids of incidents never to import (site.toml's [import] ignore)
}

// A File is one article file an import writes, and what it changes.
type File struct {
	Path    string // slash path relative to the site: content/<lang>/<section>/<name>.md
	Lang    string
	Data    []byte
	New     bool     // the file does not exist yet
	Draft   bool     // a new translation skeleton
	Added   []string // the ids of the updates added, in time order
	Status  string   // "old → new" when the status changed; the status of a new file
	Lastmod bool     // lastmod was set or changed
	Moved   string   // a maintenance window the page moved: its new starts – ends
	Notes   []string // what the editor should know (an update edited on the page, say)
}

// Summary is one line on what the import does to the file.
func (f *File) Summary() string {
	var parts []string
	switch {
	case f.New && f.Draft && len(f.Added) == 0:
		parts = append(parts, "new draft translation, its title to translate")
	case f.New && f.Draft:
		parts = append(parts, fmt.Sprintf("new draft translation, %s to translate", plural(len(f.Added), "update")))
	case f.New && len(f.Added) == 0:
		parts = append(parts, "new, no updates")
	case f.New:
		parts = append(parts, "new, "+plural(len(f.Added), "update"))
	case len(f.Added) > 0:
		parts = append(parts, fmt.Sprintf("added %s (%s)", plural(len(f.Added), "update"), strings.Join(f.Added, ", ")))
	}
	if !f.New && f.Status != "" {
		parts = append(parts, "status "+f.Status)
	}
	if f.Moved != "" {
		parts = append(parts, "window moved to "+f.Moved)
	}
	if !f.New && f.Lastmod && len(f.Added) == 0 {
		parts = append(parts, "lastmod")
	}
	if len(parts) == 0 {
		parts = append(parts, "unchanged")
	}
	return f.Path + ": " + strings.Join(parts, "; ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Changed reports whether the import writes the file.
func (f *File) Changed() bool { return f.Data != nil }

// Skipped is an incident the import leaves out, and why.
type Skipped struct {
	ID, Name, Why string
}

// Plan works out what importing ins, from page p, does to the site, without writing anything. It
// returns every file of every imported incident (Changed tells which are written) and the
// incidents it leaves out. An error means nothing may be written.
func Plan(o Options, p *statuspage.Page, ins []statuspage.Incident) ([]File, []Skipped, error) {
	section := o.Section
	if section == "" {
		section = "incidents"
	}
	if !validName(section) {
		return nil, nil, fmt.Errorf("--section %q is not a plain folder name (letters, digits, - and _)", section)
	}
	from, err := sourceLang(o.Config, o.From)
	if err != nil {
		return nil, nil, err
	}
	want := map[string]bool{}
	for _, id := range o.Only {
		want[id] = true
	}
	existing, taken, err := scan(o.Site, o.Config, section)
	if err != nil {
		return nil, nil, err
	}
	takenMaint := taken // the names in use in the maintenance section, where windows go
	if section != content.MaintenanceSection {
		if _, takenMaint, err = scan(o.Site, o.Config, content.MaintenanceSection); err != nil {
			return nil, nil, err
		}
	}
	var files []File
	var skipped []Skipped
	found := map[string]bool{}
	for k := range ins {
		in := &ins[k]
		if len(want) > 0 && !want[in.ID] {
			continue
		}
		found[in.ID] = true
		if slices.Contains(o.Ignore, in.ID) {
			skipped = append(skipped, Skipped{in.ID, in.Name, "ignored: site.toml's [import] ignore lists it"})
			continue
		}
		if in.IsMaintenance() && in.Starts.IsZero() {
			skipped = append(skipped, Skipped{in.ID, in.Name, "a scheduled maintenance (status " + in.RawStatus + ") without scheduled_for and scheduled_until, so no window"})
			continue
		}
		if have := existing[in.ID]; len(have) > 0 {
			for _, l := range o.Config.Languages {
				f, ok := have[l.Code]
				if !ok {
					continue
				}
				mf, err := merge(f, l, in, l.Code == from.Code)
				if err != nil {
					return nil, nil, err
				}
				files = append(files, mf)
			}
			continue
		}
		sec, names := section, taken
		if in.IsMaintenance() {
			sec, names = content.MaintenanceSection, takenMaint
		}
		name := articleName(in, names)
		names[name] = true
		for _, l := range o.Config.Languages {
			rel := path.Join("content", l.Code, sec, name+".md")
			f := File{Path: rel, Lang: l.Code, New: true, Draft: l.Code != from.Code, Status: string(in.Status)}
			f.Data = []byte(newArticle(p, in, l.Code != from.Code, path.Join("content", from.Code, sec, name+".md")))
			for _, u := range in.Updates {
				f.Added = append(f.Added, u.ID)
			}
			files = append(files, f)
		}
	}
	for _, id := range o.Only {
		if !found[id] {
			return nil, nil, fmt.Errorf("--incident %s: the page lists no incident with that id", id)
		}
	}
	return files, skipped, nil
}

// sourceLang is the language the page's text is in.
func sourceLang(cfg *config.Config, code string) (*config.Language, error) {
	if code != "" {
		if l := cfg.Language(code); l != nil {
			return l, nil
		}
		var codes []string
		for _, l := range cfg.Languages {
			codes = append(codes, l.Code)
		}
		return nil, fmt.Errorf("--from %s: the site has no such language (it has %s)", code, strings.Join(codes, ", "))
	}
	for _, l := range cfg.Languages {
		if l.Direction != "rtl" {
			return l, nil
		}
	}
	return nil, errors.New("the site has no language written left to right for the status page's text; say which language it is in with --from")
}

// An existing article of an imported incident.
type existingFile struct {
	rel string // slash path relative to the site
	src []byte
}

// scan reads the front matter of every article of every section in every language and returns the
// files of each imported incident ([source] incident), by language — also one an editor moved to
// another section — and the names in use in section.
func scan(site string, cfg *config.Config, section string) (map[string]map[string]existingFile, map[string]bool, error) {
	byID := map[string]map[string]existingFile{}
	taken := map[string]bool{}
	for _, l := range cfg.Languages {
		sections, err := os.ReadDir(filepath.Join(site, "content", l.Code))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		for _, sec := range sections {
			if !sec.IsDir() || strings.HasPrefix(sec.Name(), ".") {
				continue
			}
			if err := scanSection(site, l.Code, sec.Name(), byID, taken, sec.Name() == section); err != nil {
				return nil, nil, err
			}
		}
	}
	return byID, taken, nil
}

// scanSection adds the imported incidents of content/<lang>/<section>/ to byID, and its names to
// taken when names is set.
func scanSection(site, lang, section string, byID map[string]map[string]existingFile, taken map[string]bool, names bool) error {
	dir := filepath.Join(site, "content", lang, section)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok || e.IsDir() {
			continue
		}
		if names {
			taken[name] = true
		}
		rel := path.Join("content", lang, section, e.Name())
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		id := sourceIncident(src)
		if id == "" {
			continue
		}
		if byID[id] == nil {
			byID[id] = map[string]existingFile{}
		}
		if prev, ok := byID[id][lang]; ok {
			return fmt.Errorf("%s and %s are both the status page's incident %s; keep one", prev.rel, rel, id)
		}
		byID[id][lang] = existingFile{rel, src}
	}
	return nil
}

// sourceIncident returns the [source] incident of an article file, or "" (also when the file does
// not parse: such a file is not one an import merges into, unless it is, which merge reports).
func sourceIncident(src []byte) string {
	if !strings.Contains(string(src), "incident") {
		return ""
	}
	front, _, frontLine, _, err := content.Split("", src)
	if err != nil {
		return ""
	}
	doc, err := tomldoc.Parse("", front, frontLine)
	if err != nil {
		return sourceIncidentText(front)
	}
	if st := doc.Root().Table("source"); st != nil {
		return strings.TrimSpace(st.String("incident", false))
	}
	return ""
}

var incidentLine = regexp.MustCompile(`(?m)^\s*incident\s*=\s*"([^"]+)"`)

// sourceIncidentText finds the incident id in front matter that is not valid TOML, so that the
// import can say which file it cannot merge into rather than write a second article.
func sourceIncidentText(front []byte) string {
	if m := incidentLine.FindSubmatch(front); m != nil {
		return string(m[1])
	}
	return ""
}

// articleName is the file name (without .md) of a new incident's articles: its start date in the
// page's zone and its name in ASCII, such as 2023-11-07-partial-outage-affecting-chatgpt; with the
// incident's id after it when another article has that name.
func articleName(in *statuspage.Incident, taken map[string]bool) string {
	day := in.Created
	if in.IsMaintenance() {
		day = in.Starts // a window is known by the day it runs
	}
	name := day.Format("2006-01-02")
	if s := slug(in.Name, 60); s != "" {
		name += "-" + s
	} else {
		name += "-incident"
	}
	if taken[name] {
		name += "-" + strings.ToLower(slug(in.ID, 20))
	}
	return name
}

// slug writes s in lower-case ASCII letters and digits joined by "-", cut at a word end to at most
// max bytes.
func slug(s string, max int) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			w.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			flush()
		}
	}
	flush()
	out := ""
	for _, w := range words {
		if len(out)+len(w)+1 > max && out != "" {
			break
		}
		if out != "" {
			out += "-"
		}
		out += w
	}
	if len(out) > max {
		out = out[:max]
	}
	return out
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// Write writes the changed files, each in one step: a new one only if no file of its name has
// appeared meanwhile, an existing one replaced whole. It stops at the first error.
func Write(site string, files []File) error {
	for i := range files {
		f := &files[i]
		if !f.Changed() {
			continue
		}
		name := filepath.Join(site, filepath.FromSlash(f.Path))
		if f.New {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			if err := output.CreateNew(name, f.Data); err != nil {
				return err
			}
			continue
		}
		if err := output.ReplaceFile(name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Lock keeps two imports into one site apart: it locks the site's site.toml while an import plans
// and writes.
func Lock(site string) (*output.Lock, error) {
	return output.LockExisting(filepath.Join(site, config.FileName), "importing into "+site)
}

// newArticle writes the article of a new incident: in the page's language, or (draft) the
// translation skeleton whose source is the article at sourceRel.
func newArticle(p *statuspage.Page, in *statuspage.Incident, draft bool, sourceRel string) string {
	var b strings.Builder
	b.WriteString("+++\n")
	if draft {
		fmt.Fprintf(&b, "# rokhdad import wrote this draft translation of %s.\n", sourceRel)
		b.WriteString("# Translate the title and each update's text, then remove draft = true.\n")
		b.WriteString("# The times, statuses and ids are the status page's: keep them.\n")
	}
	fmt.Fprintf(&b, "title = %s\n", quote(in.Name))
	if draft {
		b.WriteString("draft = true\n")
	}
	fmt.Fprintf(&b, "date = %s\n", rfc3339(in.Created))
	if t := lastChange(in); t != "" {
		fmt.Fprintf(&b, "lastmod = %s\n", t)
	}
	if in.Status != "" {
		fmt.Fprintf(&b, "status = %s\n", quote(string(in.Status)))
	}
	if sev := severity(in.Impact); sev != "" {
		fmt.Fprintf(&b, "severity = %s\n", quote(sev))
	}
	if len(in.Components) > 0 {
		q := make([]string, len(in.Components))
		for i, c := range in.Components {
			q[i] = quote(c)
		}
		fmt.Fprintf(&b, "services = [%s]\n", strings.Join(q, ", "))
	}
	fmt.Fprintf(&b, "timezone = %s\n", quote(p.TimeZone))
	if in.IsMaintenance() {
		// The window as the page gives it; no status unless the page closed it without an update
		// saying so: the clock and the updates decide.
		fmt.Fprintf(&b, "starts = %s\nends = %s\n", quote(in.StartsText), quote(in.EndsText))
		if st := windowDone(in); st != "" {
			fmt.Fprintf(&b, "status = %s\n", quote(st))
		}
	}
	b.WriteString("\n[source]\n")
	if in.Shortlink != "" {
		fmt.Fprintf(&b, "url = %s\n", quote(in.Shortlink))
	}
	fmt.Fprintf(&b, "incident = %s\n", quote(in.ID))
	if p.URL != "" {
		fmt.Fprintf(&b, "page = %s\n", quote(p.URL))
	}
	for _, u := range in.Updates {
		b.WriteString("\n")
		b.WriteString(entry(u, "\n"))
	}
	b.WriteString("+++\n")
	return b.String()
}

// entry writes the [[timeline]] table of an update, its lines ending in eol.
func entry(u statuspage.Update, eol string) string {
	lines := []string{"[[timeline]]", "id = " + quote(u.ID), "at = " + quote(u.AtText)}
	if u.Status != "" {
		lines = append(lines, "status = "+quote(string(u.Status)))
	} else if u.Window != "" {
		lines = append(lines, "status = "+quote(u.Window))
	}
	lines = append(lines, "text = "+quote(u.Body))
	return strings.ReplaceAll(strings.Join(lines, "\n")+"\n", "\n", eol)
}

// severity is the article's severity for a Statuspage impact: none of it for "none".
func severity(impact string) string {
	switch impact {
	case "minor", "major", "critical":
		return impact
	}
	return ""
}

func rfc3339(t time.Time) string {
	if t.Nanosecond() != 0 {
		return t.Format(time.RFC3339Nano)
	}
	return t.Format(time.RFC3339)
}

// quote writes s as a TOML string: a basic string, or for text of several lines a multi-line
// basic string that starts on the next line. Backslashes, control characters and any quotation
// mark that could end the string are escaped.
func quote(s string) string {
	if !strings.Contains(s, "\n") {
		var b strings.Builder
		b.WriteByte('"')
		for _, r := range s {
			switch {
			case r == '"':
				b.WriteString(`\"`)
			case r == '\\':
				b.WriteString(`\\`)
			case r == '\t':
				b.WriteString(`\t`)
			case r < 0x20 || r == 0x7f:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
		return b.String()
	}
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '"' && (i+1 == len(rs) || rs[i+1] == '"'):
			b.WriteString(`\"`) // never three in a row, nor one before the closing """
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`"""`)
	return b.String()
}

// merge brings the existing article f, in language l, up to date with the incident.
func merge(f existingFile, l *config.Language, in *statuspage.Incident, source bool) (File, error) {
	out := File{Path: f.rel, Lang: l.Code}
	page, err := content.Parse(f.rel, f.src, l.Zone)
	if err != nil {
		var msgs []string
		for _, d := range diag.Flatten(err) {
			msgs = append(msgs, d.Error())
		}
		return out, fmt.Errorf("%s is the status page's incident %s but does not read as an article, so the import cannot merge into it; fix it and import again (nothing was written):\n%s", f.rel, in.ID, strings.Join(msgs, "\n"))
	}
	front, _, frontLine, bodyLine, err := content.Split(f.rel, f.src)
	if err != nil {
		return out, err
	}
	doc, err := tomldoc.Parse(f.rel, front, frontLine)
	if err != nil {
		return out, err
	}
	root := doc.Root()
	ets := root.Tables("timeline")
	have := map[string]int{} // id → entry index
	for i, et := range ets {
		id := strings.TrimSpace(et.String("id", false))
		if id == "" {
			return out, fmt.Errorf("%s:%d: this timeline entry has no id, so the import cannot tell whether it is one of the status page's updates; give it one (id = \"editor-1\", say: any name the page does not use)",
				f.rel, et.Pos().Line)
		}
		have[id] = i
	}
	var add []statuspage.Update
	for _, u := range in.Updates {
		i, ok := have[u.ID]
		if !ok {
			add = append(add, u)
			continue
		}
		if e := page.Timeline[i]; !e.At.Equal(u.At) || string(e.Status) != string(u.Status)+u.Window {
			out.Notes = append(out.Notes, fmt.Sprintf("update %s has another time or status on the page now (%s, %s); the file keeps its own", u.ID, u.AtText, string(u.Status)+u.Window))
		} else if source && strings.TrimSpace(e.Text) != u.Body {
			// In the page's language the text was the page's: a difference is a correction there,
			// or the editor's own — the file keeps its text either way, and says so.
			out.Notes = append(out.Notes, fmt.Sprintf("update %s reads otherwise on the page now (%s); the file keeps its own text", u.ID, diag.Quote(u.Body)))
		}
	}
	ed := newEditor(f.src)
	// The table header lines, to know where each entry ends: the file parsed, so its only tables are
	// [source] and the [[timeline]] entries (content.Keys).
	var headers []int
	if root.Has("source") {
		headers = append(headers, doc.Pos("source").Line)
	}
	for _, et := range ets {
		headers = append(headers, et.Pos().Line)
	}
	sort.Ints(headers)
	closeLine := bodyLine - 1 // the closing +++
	if closeLine < 1 || !strings.HasPrefix(strings.TrimSpace(ed.line(closeLine)), "+++") {
		return out, fmt.Errorf("%s: cannot find the +++ line that ends the front matter", f.rel)
	}
	for _, u := range add {
		after := -1 // the entry the update goes after; -1: before the first (or in an empty timeline)
		for i, e := range page.Timeline {
			if !e.At.After(u.At) {
				after = i
			}
		}
		var at int // the update's lines go after file line at
		switch {
		case after >= 0:
			h := ets[after].Pos().Line
			next := nextHeader(headers, h, closeLine)
			at = ed.entryEnd(h, next, next == closeLine)
		case len(ets) > 0:
			at = ed.beforeComments(ets[0].Pos().Line) - 1
		default:
			at = ed.lastContent(frontLine, closeLine-1)
		}
		text := ed.eol + entry(u, ed.eol)
		if after < 0 && len(ets) > 0 {
			text = entry(u, ed.eol) + ed.eol
		}
		ed.insertAfter(at, text)
		out.Added = append(out.Added, u.ID)
	}
	// status and lastmod
	if m := page.Maintenance; m != nil && m.Status == "" && windowDone(in) != "" && !slices.ContainsFunc(page.Timeline, func(e timeline.Entry) bool { return e.Status == "completed" }) {
		if err := ed.setValue(root, doc, "status", quote(windowDone(in)), frontLine, f.rel); err != nil {
			return out, err
		}
		out.Status = "(none) → completed"
	}
	if in.Status != "" && in.Status != page.Status {
		if err := ed.setValue(root, doc, "status", quote(string(in.Status)), frontLine, f.rel); err != nil {
			return out, err
		}
		old := string(page.Status)
		if old == "" {
			old = "(none)"
		}
		out.Status = old + " → " + string(in.Status)
	}
	lastmod := ""
	if u := latest(in, page); u != nil {
		lastmod = u.AtText
	}
	if m := page.Maintenance; m != nil && in.IsMaintenance() && (!m.Start.Equal(in.Starts) || !m.End.Equal(in.Ends)) {
		// The page moved the window: the file follows it, and dates the change, so that the
		// calendar event's SEQUENCE rises and calendars take the new time.
		for _, kv := range [][2]string{{"starts", in.StartsText}, {"ends", in.EndsText}} {
			if err := ed.setValue(root, doc, kv[0], quote(kv[1]), frontLine, f.rel); err != nil {
				return out, err
			}
		}
		out.Moved = in.StartsText + " – " + in.EndsText
		if t := lastChange(in); t != "" {
			lastmod = t
		}
	}
	if lastmod != "" {
		t, _ := time.Parse(time.RFC3339Nano, lastmod)
		if t.After(page.Updated) {
			if err := ed.setValue(root, doc, "lastmod", lastmod, frontLine, f.rel); err != nil {
				return out, err
			}
			out.Lastmod = true
		}
	}
	if data := ed.bytes(); string(data) != string(f.src) {
		out.Data = data
		// The result must read as the editor's file plus the updates, or nothing is written.
		if _, err := content.Parse(f.rel, data, l.Zone); err != nil {
			return out, fmt.Errorf("%s: merging the new updates would leave the file unreadable (%v); nothing was written", f.rel, err)
		}
	}
	return out, nil
}

// windowDone is "completed" for a maintenance the page calls completed when none of its updates
// says so (the file must, or the clock would keep it in progress until its end), else "".
func windowDone(in *statuspage.Incident) string {
	if !in.IsMaintenance() || in.RawStatus != "completed" {
		return ""
	}
	for _, u := range in.Updates {
		if u.Window == "completed" {
			return ""
		}
	}
	return "completed"
}

// lastChange is the newest instant the page gives of the incident — its latest update, or its
// updated_at when that is later — as RFC 3339, or "".
func lastChange(in *statuspage.Incident) string {
	t, text := time.Time{}, ""
	if u := in.Latest(); u != nil {
		t, text = u.At, u.AtText
	}
	if in.Updated.After(t) {
		text = rfc3339(in.Updated)
	}
	return text
}

// latest is the incident's newest update if it is newer than the article's lastmod.
func latest(in *statuspage.Incident, page *content.Page) *statuspage.Update {
	u := in.Latest()
	if u == nil || !page.Updated.IsZero() && !u.At.After(page.Updated) {
		return nil
	}
	return u
}

// nextHeader is the first header line after line, or end.
func nextHeader(headers []int, line, end int) int {
	for _, h := range headers {
		if h > line {
			return min(h, end)
		}
	}
	return end
}
