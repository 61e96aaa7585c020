package importer

import (
	"flag"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/statuspage"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// newSite makes a site folder with site.toml and returns it with its configuration.
func newSite(t *testing.T) (string, *config.Config) {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../build/testdata/sites/basic/site.toml") // Persian first, then English
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, cfg
}

func readJSON(t *testing.T, name string) (*statuspage.Page, []statuspage.Incident) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, ins, err := statuspage.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return p, ins
}

// importInto plans and writes an import of the JSON file into dir.
func importInto(t *testing.T, dir string, cfg *config.Config, jsonFile string) []File {
	t.Helper()
	p, ins := readJSON(t, jsonFile)
	files, _, err := Plan(Options{Site: dir, Config: cfg}, p, ins)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	return files
}

// tree returns every file under dir/content, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return out
}

// TestImportGolden imports a realistic incidents.json (an ongoing incident, a resolved one with a
// postmortem, a maintenance window) into an empty site: the articles are the golden files (the
// window in the maintenance section, with starts and ends), each one parses as an article with
// the page's instants, and a second import changes nothing.
func TestImportGolden(t *testing.T) {
	dir, cfg := newSite(t)
	files := importInto(t, dir, cfg, "../statuspage/testdata/incidents.json")
	got := tree(t, dir)
	if len(files) != 6 || len(got) != 6 {
		t.Fatalf("%d files planned, %d written; want 6", len(files), len(got))
	}
	var names []string
	for rel, src := range got {
		names = append(names, rel)
		golden := filepath.Join("testdata/golden", strings.ReplaceAll(strings.TrimPrefix(rel, "content/"), "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if src != string(want) {
			t.Errorf("%s differs from %s:\n%s", rel, golden, src)
		}
		lang := strings.Split(rel, "/")[1]
		page, err := content.Parse(rel, []byte(src), cfg.Language(lang).Zone)
		if err != nil {
			t.Errorf("%s does not parse: %v", rel, err)
			continue
		}
		if page.Source.Incident == "" || page.Draft != (lang == "fa") {
			t.Errorf("%s: source %+v, draft %v", rel, page.Source, page.Draft)
		}
	}
	sort.Strings(names)
	want := "content/en/incidents/2023-11-07-partial-outage-affecting-chatgpt-and-the-api.md content/en/incidents/2023-11-08-degraded-performance-of-file-uploads.md content/en/maintenance/2023-11-04-scheduled-database-maintenance.md content/fa/incidents/2023-11-07-partial-outage-affecting-chatgpt-and-the-api.md content/fa/incidents/2023-11-08-degraded-performance-of-file-uploads.md content/fa/maintenance/2023-11-04-scheduled-database-maintenance.md"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v", names)
	}

	// The resolved incident's instants, read back from the article, are the page's.
	rel := "content/en/incidents/2023-11-07-partial-outage-affecting-chatgpt-and-the-api.md"
	page, _ := content.Parse(rel, []byte(got[rel]), cfg.Language("en").Zone)
	_, ins := readJSON(t, "../statuspage/testdata/incidents.json")
	for i, u := range ins[1].Updates {
		e := page.Timeline[i]
		if !e.At.Equal(u.At) || e.ID != u.ID || e.Status != u.Status || e.Text != u.Body {
			t.Errorf("entry %d = %v %s %s %q, want %v %s %s %q", i, e.At, e.ID, e.Status, e.Text, u.At, u.ID, u.Status, u.Body)
		}
		if name, _ := e.At.Zone(); name != "PST" {
			t.Errorf("entry %d is in %s, not the page's zone", i, name)
		}
	}

	again := importInto(t, dir, cfg, "../statuspage/testdata/incidents.json")
	for _, f := range again {
		if f.Changed() {
			t.Errorf("the second import changes %s: %s", f.Path, f.Summary())
		}
	}
	if after := tree(t, dir); !equalTrees(after, got) {
		t.Error("the second import changed the files")
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// page1 is one incident with the updates given (newest first, as the API lists them).
func page1(status string, updates ...string) string {
	return `{"page": {"name": "P", "url": "https://status.p.test", "time_zone": "America/Los_Angeles"}, "incident":
	{"id": "inc1", "name": "API errors", "status": "` + status + `", "impact": "major", "created_at": "2023-11-07T19:52:00-08:00",
	 "shortlink": "https://stspg.io/x", "components": [{"name": "API"}], "incident_updates": [` + strings.Join(updates, ",") + `]}}`
}

func upd(id, status, at, body string) string {
	return `{"id": "` + id + `", "status": "` + status + `", "body": "` + body + `", "created_at": "` + at + `"}`
}

var (
	u1 = upd("u1", "investigating", "2023-11-07T19:52:00-08:00", "Investigating.")
	u2 = upd("u2", "identified", "2023-11-08T06:02:00-08:00", "Identified.")
	u3 = upd("u3", "resolved", "2023-11-08T07:46:00-08:00", "Resolved.")
)

const enFile = "content/en/incidents/2023-11-07-api-errors.md"
const faFile = "content/fa/incidents/2023-11-07-api-errors.md"

func planJSON(t *testing.T, dir string, cfg *config.Config, js string) ([]File, error) {
	t.Helper()
	p, ins, err := statuspage.Read("x.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := Plan(Options{Site: dir, Config: cfg}, p, ins)
	return files, err
}

// advanced is the English file src after an import that moved its lastmod and status on: the two
// lines written by the first import (lines end in eol), with the new values.
func advanced(src, lastmod, status, eol string) string {
	src = strings.Replace(src, "lastmod = 2023-11-07T19:52:00-08:00", "lastmod = "+lastmod, 1)
	return strings.Replace(src, `status = "investigating"`+eol+"severity", `status = "`+status+`"`+eol+"severity", 1)
}

// closing inserts text before the +++ line that closes the front matter of src.
func closing(src, text string) string {
	i := strings.LastIndex(src, "+++\n")
	return src[:i] + text + src[i:]
}

func write(t *testing.T, dir, rel, src string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMerge imports an incident with one update, lets the editor change the files, and imports it
// again with more updates: the new entries go in in time order, status and lastmod change, and
// every other byte of the editor's files stays.
func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		edit func(src string) string // the editor's change to the English file after the first import
		json string                  // the second import
		want func(src string) string // the English file after it, from the edited file
	}{
		{"nothing new", func(s string) string { return s }, page1("investigating", u1), func(s string) string { return s }},
		{"a new update at the end",
			func(s string) string { return s + "\nThe editor's story.\n" },
			page1("identified", u2, u1),
			func(s string) string {
				s = advanced(s, "2023-11-08T06:02:00-08:00", "identified", "\n")
				return strings.Replace(s, "text = \"Investigating.\"\n+++", "text = \"Investigating.\"\n\n[[timeline]]\nid = \"u2\"\nat = \"2023-11-08T06:02:00-08:00\"\nstatus = \"identified\"\ntext = \"Identified.\"\n+++", 1)
			}},
		{"the editor's title, comments and own entry stay",
			func(s string) string {
				s = strings.Replace(s, `title = "API errors"`, `title = "The API fails" # mine`, 1)
				return closing(s, "\n# the editor's entry\n[[timeline]]\nid = \"editor-1\"\nat = \"2023-11-08T09:00:00-08:00\"\ntext = \"Our own note.\"\n")
			},
			page1("identified", u2, u1),
			func(s string) string {
				s = advanced(s, "2023-11-08T06:02:00-08:00", "identified", "\n")
				// u2 (06:02) goes between u1 (19:52 the day before) and the editor's 09:00 entry, above its comment.
				return strings.Replace(s, "\n# the editor's entry\n", "\n[[timeline]]\nid = \"u2\"\nat = \"2023-11-08T06:02:00-08:00\"\nstatus = \"identified\"\ntext = \"Identified.\"\n\n# the editor's entry\n", 1)
			}},
		{"CRLF line ends and a byte order mark",
			func(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") },
			page1("resolved", u3, u1),
			func(s string) string {
				s = advanced(s, "2023-11-08T07:46:00-08:00", "resolved", "\r\n")
				return strings.Replace(s, "text = \"Investigating.\"\r\n+++", "text = \"Investigating.\"\r\n\r\n[[timeline]]\r\nid = \"u3\"\r\nat = \"2023-11-08T07:46:00-08:00\"\r\nstatus = \"resolved\"\r\ntext = \"Resolved.\"\r\n+++", 1)
			}},
		{"no lastmod or status written: they go after the date",
			func(s string) string {
				s = strings.Replace(s, "lastmod = 2023-11-07T19:52:00-08:00\n", "", 1)
				return strings.Replace(s, "status = \"investigating\"\nseverity", "severity", 1)
			},
			page1("identified", u2, u1),
			func(s string) string {
				s = strings.Replace(s, "date = 2023-11-07T19:52:00-08:00\n", "date = 2023-11-07T19:52:00-08:00\nstatus = \"identified\"\nlastmod = 2023-11-08T06:02:00-08:00\n", 1)
				return strings.Replace(s, "text = \"Investigating.\"\n+++", "text = \"Investigating.\"\n\n[[timeline]]\nid = \"u2\"\nat = \"2023-11-08T06:02:00-08:00\"\nstatus = \"identified\"\ntext = \"Identified.\"\n+++", 1)
			}},
		{"a multi-line text whose last line starts with #, right above the next entry",
			func(s string) string {
				s = strings.Replace(s, `text = "Investigating."`, "text = \"\"\"\nInvestigating.\n#general is affected\"\"\"", 1)
				return closing(s, "[[timeline]]\nid = \"editor-1\"\nat = \"2023-11-08T09:00:00-08:00\"\ntext = \"Ours.\"\n")
			},
			page1("identified", u2, u1),
			func(s string) string {
				s = advanced(s, "2023-11-08T06:02:00-08:00", "identified", "\n")
				// u2 goes after u1's whole text, never inside it.
				return strings.Replace(s, "#general is affected\"\"\"\n", "#general is affected\"\"\"\n\n[[timeline]]\nid = \"u2\"\nat = \"2023-11-08T06:02:00-08:00\"\nstatus = \"identified\"\ntext = \"Identified.\"\n", 1)
			}},
		{"an older update goes before the newer ones",
			func(s string) string { return s },
			page1("resolved", u3, u2, u1),
			func(s string) string {
				s = advanced(s, "2023-11-08T07:46:00-08:00", "resolved", "\n")
				return strings.Replace(s, "text = \"Investigating.\"\n+++", "text = \"Investigating.\"\n\n[[timeline]]\nid = \"u2\"\nat = \"2023-11-08T06:02:00-08:00\"\nstatus = \"identified\"\ntext = \"Identified.\"\n\n[[timeline]]\nid = \"u3\"\nat = \"2023-11-08T07:46:00-08:00\"\nstatus = \"resolved\"\ntext = \"Resolved.\"\n+++", 1)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, cfg := newSite(t)
			files, err := planJSON(t, dir, cfg, page1("investigating", u1))
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(dir, files); err != nil {
				t.Fatal(err)
			}
			edited := tt.edit(read(t, dir, enFile))
			write(t, dir, enFile, edited)
			faBefore := read(t, dir, faFile)
			files, err = planJSON(t, dir, cfg, tt.json)
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(dir, files); err != nil {
				t.Fatal(err)
			}
			got := read(t, dir, enFile)
			if want := tt.want(edited); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			// The translation gets the same entries (and keeps what it had).
			fa := read(t, dir, faFile)
			_, ins, _ := statuspage.Read("x.json", []byte(tt.json))
			for _, u := range ins[0].Updates {
				if !strings.Contains(fa, `id = "`+u.ID+`"`) {
					t.Errorf("the translation has no entry %s", u.ID)
				}
			}
			if tt.name == "nothing new" && fa != faBefore {
				t.Errorf("the translation changed")
			}
			if _, err := content.Parse(faFile, []byte(fa), cfg.Language("fa").Zone); err != nil {
				t.Errorf("the translation does not parse: %v", err)
			}
			// And the same import again changes nothing.
			files, err = planJSON(t, dir, cfg, tt.json)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if f.Changed() {
					t.Errorf("importing again changes %s", f.Summary())
				}
			}
		})
	}
}

// TestMergeRefuses: what cannot be merged safely is an error naming the file, and then no file of
// the import is written.
func TestMergeRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(src string) string
		want string
	}{
		{"an entry without an id", func(s string) string {
			return closing(s, "\n[[timeline]]\nat = \"2023-11-08T09:00:00-08:00\"\ntext = \"Ours.\"\n")
		}, enFile + ":21: this timeline entry has no id"},
		{"invalid TOML", func(s string) string { return strings.Replace(s, `title = "API errors"`, `title = "API errors`, 1) },
			enFile + " is the status page's incident inc1 but does not read as an article"},
		{"a second file of the incident", nil, "are both the status page's incident inc1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, cfg := newSite(t)
			files, err := planJSON(t, dir, cfg, page1("investigating", u1))
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(dir, files); err != nil {
				t.Fatal(err)
			}
			if tt.edit != nil {
				write(t, dir, enFile, tt.edit(read(t, dir, enFile)))
			} else {
				write(t, dir, "content/en/incidents/copy.md", read(t, dir, enFile))
			}
			before := tree(t, dir)
			_, err = planJSON(t, dir, cfg, page1("resolved", u3, u1))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if after := tree(t, dir); !equalTrees(before, after) {
				t.Error("files changed")
			}
		})
	}
}

func TestOptions(t *testing.T) {
	dir, cfg := newSite(t)
	p, ins := readJSON(t, "../statuspage/testdata/incidents.json")
	if _, _, err := Plan(Options{Site: dir, Config: cfg, From: "de"}, p, ins); err == nil || !strings.Contains(err.Error(), "--from de: the site has no such language (it has fa, en)") {
		t.Errorf("--from de: %v", err)
	}
	if _, _, err := Plan(Options{Site: dir, Config: cfg, Only: []string{"nope"}}, p, ins); err == nil || !strings.Contains(err.Error(), "--incident nope") {
		t.Errorf("--incident nope: %v", err)
	}
	if _, _, err := Plan(Options{Site: dir, Config: cfg, Section: "../x"}, p, ins); err == nil {
		t.Error("--section ../x: no error")
	}
	files, skipped, err := Plan(Options{Site: dir, Config: cfg, Ignore: []string{"r9ft3z6h2kqa"}}, p, ins)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 || len(skipped) != 1 || skipped[0].ID != "r9ft3z6h2kqa" || !strings.Contains(skipped[0].Why, "[import] ignore") {
		t.Errorf("ignore: files %d, skipped %+v", len(files), skipped)
	}
	files, skipped, err = Plan(Options{Site: dir, Config: cfg, Only: []string{"w4kq8c1vx0mb"}, From: "fa", Section: "news"}, p, ins)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || len(skipped) != 0 || files[0].Path != "content/fa/news/2023-11-08-degraded-performance-of-file-uploads.md" || files[0].Draft || !files[1].Draft {
		t.Errorf("files %+v", files)
	}
}

// TestSeverity: a status page's impact is the article's severity, except none (and maintenance),
// which is no severity at all.
func TestSeverity(t *testing.T) {
	for impact, want := range map[string]string{"none": "", "minor": "minor", "major": "major", "critical": "critical", "maintenance": "", "": ""} {
		if got := severity(impact); got != want {
			t.Errorf("severity(%q) = %q, want %q", impact, got, want)
		}
	}
}

func TestSlugAndName(t *testing.T) {
	for in, want := range map[string]string{
		"Partial outage affecting ChatGPT and the API": "partial-outage-affecting-chatgpt-and-the-api",
		"Elevated errors on GPT-4 (API & ChatGPT)":     "elevated-errors-on-gpt-4-api-chatgpt",
		"We're investigating":                          "were-investigating",
		"قطعی اینترنت":                                 "",
		"Ünïcode names":                                "n-code-names",
		strings.Repeat("word ", 30):                    "word-word-word-word-word-word-word-word-word-word-word-word",
	} {
		if got := slug(in, 60); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQuote reads quote's TOML back with BurntSushi/toml: every string comes back as it was.
func TestQuote(t *testing.T) {
	for _, in := range []string{"plain", `say "hi" \ now`, "tab\there\x01", "two\nlines", "ends in a quote\n\"",
		"three \"\"\" in\na row", "\"\"\n\"\"", "\n", "«نقل» و \u200c", "\r\n", "x\x7f"} {
		checkQuote(t, in)
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("two\nlines \"\"\"")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkQuote(t, s)
	})
}

func checkQuote(t *testing.T, in string) {
	t.Helper()
	var v struct{ V string }
	q := quote(in)
	if _, err := toml.Decode("V = "+q+"\n", &v); err != nil {
		t.Fatalf("quote(%q) = %s: %v", in, q, err)
	}
	if v.V != in {
		t.Fatalf("quote(%q) = %s reads back as %q", in, q, v.V)
	}
}

// TestMergeNotes: an update whose text reads otherwise on the page now is kept as the file has it,
// with a note in the page's language (only there: a translation's text is meant to differ); an
// article an editor moved to another section is still found, not written twice.
func TestMergeNotes(t *testing.T) {
	dir, cfg := newSite(t)
	files, err := planJSON(t, dir, cfg, page1("investigating", u1))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	corrected := upd("u1", "investigating", "2023-11-07T19:52:00-08:00", "Investigating errors on the API.")
	files, err = planJSON(t, dir, cfg, page1("investigating", corrected))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch {
		case f.Changed():
			t.Errorf("%s changed", f.Path)
		case f.Lang == "en" && (len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "update u1 reads otherwise on the page now")):
			t.Errorf("en notes %q", f.Notes)
		case f.Lang == "fa" && len(f.Notes) != 0:
			t.Errorf("fa notes %q", f.Notes)
		}
	}
	// Moved to another section: found there.
	if err := os.MkdirAll(filepath.Join(dir, "content/en/news"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, enFile), filepath.Join(dir, "content/en/news/api-errors.md")); err != nil {
		t.Fatal(err)
	}
	files, err = planJSON(t, dir, cfg, page1("identified", u2, u1))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		if f.New {
			t.Errorf("%s written anew", f.Path)
		}
	}
	if !slices.Contains(paths, "content/en/news/api-errors.md") {
		t.Errorf("files %v, want the moved article", paths)
	}
}

// maintJSON is a status page's incidents.json with one scheduled maintenance: its window, status,
// updated_at and updates ({id, status, at, body}).
func maintJSON(t *testing.T, starts, ends, status, updated string, updates ...[4]string) string {
	t.Helper()
	var ups []string
	for i := len(updates) - 1; i >= 0; i-- { // the API lists them newest first
		u := updates[i]
		ups = append(ups, fmt.Sprintf(`{"id": %q, "status": %q, "display_at": %q, "created_at": %q, "body": %q}`, u[0], u[1], u[2], u[2], u[3]))
	}
	doc := fmt.Sprintf(`{"page": {"id": "p", "name": "Example", "url": "https://status.example.test", "time_zone": "America/Los_Angeles"},
"incidents": [{"id": "m1", "name": "Database upgrade", "status": %q, "impact": "maintenance", "created_at": "2023-11-08T09:00:00.000-08:00",
"updated_at": %q, "scheduled_for": %q, "scheduled_until": %q, "shortlink": "https://stspg.io/m1",
"components": [{"name": "API"}], "incident_updates": [%s]}]}`, status, updated, starts, ends, strings.Join(ups, ","))
	f := filepath.Join(t.TempDir(), "incidents.json")
	if err := os.WriteFile(f, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestImportMaintenance: a status page's scheduled maintenance becomes a maintenance article in
// every language (its window as starts and ends in the page's zone, its updates with a window's
// statuses — verifying is in progress); when the page moves the window, the file follows and dates
// the change (lastmod), so the calendar's SEQUENCE rises; later updates are added; the same JSON
// again changes nothing; a page that says completed with no update saying so writes the status.
func TestImportMaintenance(t *testing.T) {
	dir, cfg := newSite(t)
	announced := [4]string{"u1", "scheduled", "2023-11-08T09:00:00.000-08:00", "We will upgrade the database."}
	files := importInto(t, dir, cfg, maintJSON(t, "2023-11-10T22:00:00.000-08:00", "2023-11-11T02:00:00.000-08:00", "scheduled", "2023-11-08T09:00:00.000-08:00", announced))
	rel := "content/en/maintenance/2023-11-10-database-upgrade.md"
	if len(files) != 2 || files[0].Path != "content/fa/maintenance/2023-11-10-database-upgrade.md" || files[1].Path != rel {
		t.Fatalf("files %+v", files)
	}
	read := func() *content.Page {
		t.Helper()
		src, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		p, err := content.Parse(rel, src, cfg.Language("en").Zone)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		return p
	}
	p := read()
	if m := p.Maintenance; m == nil || m.Start.UTC().Format(time.RFC3339) != "2023-11-11T06:00:00Z" || m.End.UTC().Format(time.RFC3339) != "2023-11-11T10:00:00Z" ||
		m.Status != "" || len(p.Timeline) != 1 || p.Timeline[0].Status != "scheduled" || p.Timeline[0].ID != "u1" || strings.Join(p.Services, ",") != "API" {
		t.Fatalf("imported: %+v, window %+v", p, p.Maintenance)
	}
	before := p.Modified()

	// Rescheduled two days later, with an update saying so.
	moved := [4]string{"u2", "scheduled", "2023-11-09T10:00:00.000-08:00", "Moved to Sunday night."}
	files = importInto(t, dir, cfg, maintJSON(t, "2023-11-12T22:00:00.000-08:00", "2023-11-13T02:00:00.000-08:00", "scheduled", "2023-11-09T10:00:00.000-08:00", announced, moved))
	if s := files[1].Summary(); !strings.Contains(s, "added 1 update (u2)") || !strings.Contains(s, "window moved to 2023-11-12T22:00:00-08:00 – 2023-11-13T02:00:00-08:00") {
		t.Errorf("rescheduled: %s", s)
	}
	p = read()
	if p.Maintenance.Start.UTC().Format(time.RFC3339) != "2023-11-13T06:00:00Z" || !p.Modified().After(before) || len(p.Timeline) != 2 {
		t.Errorf("rescheduled: window %+v, modified %v (was %v), %d updates", p.Maintenance.Window, p.Modified(), before, len(p.Timeline))
	}

	// Moved again with no update: updated_at dates it.
	before = p.Modified()
	files = importInto(t, dir, cfg, maintJSON(t, "2023-11-12T23:00:00.000-08:00", "2023-11-13T03:00:00.000-08:00", "scheduled", "2023-11-09T12:00:00.000-08:00", announced, moved))
	if p = read(); p.Maintenance.Start.UTC().Format(time.RFC3339) != "2023-11-13T07:00:00Z" || !p.Updated.After(before) || !files[1].Lastmod {
		t.Errorf("moved without an update: window %+v, lastmod %v (was %v)", p.Maintenance.Window, p.Updated, before)
	}

	// The work: in progress, verifying, completed.
	last := maintJSON(t, "2023-11-12T23:00:00.000-08:00", "2023-11-13T03:00:00.000-08:00", "completed", "2023-11-13T01:30:00.000-08:00", announced, moved,
		[4]string{"u3", "in_progress", "2023-11-12T23:00:00.000-08:00", "Begun."}, [4]string{"u4", "verifying", "2023-11-13T01:00:00.000-08:00", "Checking."},
		[4]string{"u5", "completed", "2023-11-13T01:30:00.000-08:00", "Done early."})
	importInto(t, dir, cfg, last)
	p = read()
	var sts []string
	for _, e := range p.Timeline {
		sts = append(sts, string(e.Status))
	}
	if strings.Join(sts, " ") != "scheduled scheduled in_progress in_progress completed" || p.Maintenance.Status != "" {
		t.Errorf("the work: statuses %v, written %q", sts, p.Maintenance.Status)
	}
	src, _ := os.ReadFile(filepath.Join(dir, rel))
	files = importInto(t, dir, cfg, last)
	if again, _ := os.ReadFile(filepath.Join(dir, rel)); string(again) != string(src) || files[1].Changed() {
		t.Errorf("the same JSON again changed the file: %s", files[1].Summary())
	}

	// Completed on the page with no update saying so: the file says it.
	dir2, _ := newSite(t)
	importInto(t, dir2, cfg, maintJSON(t, "2023-11-10T22:00:00.000-08:00", "2023-11-11T02:00:00.000-08:00", "completed", "2023-11-10T23:00:00.000-08:00", announced))
	if b, _ := os.ReadFile(filepath.Join(dir2, rel)); !strings.Contains(string(b), "status = \"completed\"\n") {
		t.Errorf("completed with no update: %s", b)
	}
}
