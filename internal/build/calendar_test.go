package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// TestIncidentCalendars builds the repository's site and reads each language's incidents.ics and
// an article's event.ics back with python3-icalendar: one event per incident with a timeline,
// from its start to its resolution as incidents.json gives them, with the article's URL and a UID
// made of the language and the article's key; the article's own file holds the same event.
func TestIncidentCalendars(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import icalendar").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3-icalendar is missing (apt-get install -y python3-icalendar): %v", err)
		}
		t.Skip("python3-icalendar is not installed")
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(Options{Source: "../..", Theme: rokhdad.Theme}, dest); err != nil {
		t.Fatal(err)
	}
	type event struct {
		UID, Start, End, Summary, URL, Status string
		Sequence                              int
	}
	read := func(file string) []event {
		t.Helper()
		out, err := exec.Command(py, "../ical/testdata/parse.py", file).Output()
		if err != nil {
			t.Fatalf("python3-icalendar on %s: %v", file, err)
		}
		var c struct{ Events []event }
		if err := json.Unmarshal(out, &c); err != nil {
			t.Fatal(err)
		}
		return c.Events
	}
	for _, lang := range []string{"fa", "en"} {
		var doc struct {
			Incidents []struct {
				ID, URL, Status string
				Start, Resolved *string
			}
		}
		raw, err := os.ReadFile(filepath.Join(dest, lang, "incidents.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		events := read(filepath.Join(dest, lang, "incidents.ics"))
		byUID := map[string]event{}
		for _, e := range events {
			byUID[e.UID] = e
		}
		n := 0
		for _, in := range doc.Incidents {
			if in.Start == nil {
				continue
			}
			n++
			uid := lang + "/" + in.ID + "@rokhdad.github.io"
			e, ok := byUID[uid]
			if !ok {
				t.Errorf("%s/incidents.ics has no event %s", lang, uid)
				continue
			}
			if e.Start != *in.Start || in.Resolved != nil && e.End != *in.Resolved || e.URL != in.URL {
				t.Errorf("%s: event %+v, incidents.json start %v resolved %v url %s", uid, e, *in.Start, in.Resolved, in.URL)
			}
			if in.Status == "resolved" && e.Status != "CONFIRMED" {
				t.Errorf("%s: a resolved incident's event is %s", uid, e.Status)
			}
			own := read(filepath.Join(dest, strings.TrimPrefix(in.URL, "https://rokhdad.github.io/rokhdad/"), "event.ics"))
			if len(own) != 1 || own[0] != e {
				t.Errorf("%s: the article's event.ics holds %+v, want %+v", uid, own, e)
			}
		}
		if n == 0 || len(events) != n {
			t.Errorf("%s/incidents.ics has %d events, want %d", lang, len(events), n)
		}
	}
}
