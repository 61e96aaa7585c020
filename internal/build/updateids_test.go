package build

import (
	"encoding/xml"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// updateEntry is one <entry> of updates.xml.
type updateEntry struct {
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Summary string `xml:"summary"`
}

func updateEntries(t *testing.T, dest, lang string) []updateEntry {
	t.Helper()
	var doc struct {
		Entries []updateEntry `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(read(t, filepath.Join(dest, lang, "updates.xml"))), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Entries
}

var entryAnchor = regexp.MustCompile(`<li class="entry[^"]*" id="([^"]+)"`)

// pageAnchors are the ids of an article page's timeline entries, in page order.
func pageAnchors(t *testing.T, dest, rel string) []string {
	t.Helper()
	var ids []string
	for _, m := range entryAnchor.FindAllStringSubmatch(read(t, filepath.Join(dest, rel)), -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// TestUpdateIDsSurviveEdits: an update's id in updates.xml (and its anchor on the page) comes from
// its instant and status, or its explicit id, never from its position, so inserting an earlier update
// or correcting a text leaves every other id as it was; an explicit updated moves <updated>; and
// every feed id is the permalink plus an anchor the page has.
func TestUpdateIDsSurviveEdits(t *testing.T) {
	dir := copyDir(t, "testdata/sites/basic")
	file := filepath.Join(dir, "content/en/incidents/api-outage.md")
	orig := read(t, file)
	before := buildSite(t, dir)
	old := map[string]updateEntry{} // by summary
	for _, e := range updateEntries(t, before, "en") {
		old[e.Summary] = e
	}

	// Insert an update before all others, and correct the text of another.
	edited := strings.Replace(orig, "[[timeline]]", "[[timeline]]\nat = \"2023-11-07 19:40\"\nstatus = \"investigating\"\ntext = \"First report.\"\n\n[[timeline]]", 1)
	edited = strings.Replace(edited, `text = "The cause was **identified**."`, "text = \"The cause was **found**.\"\nupdated = \"2023-11-08 09:15\"", 1)
	write(t, dir, "content/en/incidents/api-outage.md", edited)
	after := buildSite(t, dir)
	now := map[string]updateEntry{}
	ids := map[string]bool{}
	for _, e := range updateEntries(t, after, "en") {
		now[e.Summary] = e
		if ids[e.ID] {
			t.Errorf("id %s appears twice", e.ID)
		}
		ids[e.ID] = true
	}
	for summary, e := range old {
		if summary == "The cause was **identified**." {
			summary = "The cause was **found**."
		}
		n, ok := now[summary]
		if !ok {
			t.Errorf("update %q is gone after the edit", summary)
			continue
		}
		if n.ID != e.ID {
			t.Errorf("update %q: id %s became %s when an earlier update was inserted", summary, e.ID, n.ID)
		}
		if summary == "The cause was **found**." {
			if n.Updated != "2023-11-08T17:15:00Z" || n.Updated == e.Updated {
				t.Errorf("corrected update: updated %s → %s, want 2023-11-08T17:15:00Z", e.Updated, n.Updated)
			}
		} else if n.Updated != e.Updated {
			t.Errorf("update %q: updated %s became %s though it was not edited", summary, e.Updated, n.Updated)
		}
	}
	first, ok := now["First report."]
	if !ok {
		t.Fatal("the inserted update is not in updates.xml")
	}
	if _, clash := old[first.Summary]; clash || strings.HasSuffix(first.ID, "#update-1") {
		t.Errorf("the inserted update took id %s", first.ID)
	}
	// Every id is the article's permalink plus an anchor of the page.
	anchors := map[string]bool{}
	for _, a := range pageAnchors(t, after, "en/incidents/api-outage/index.html") {
		anchors[a] = true
	}
	const permalink = "https://example.org/news/en/incidents/api-outage/#"
	for id := range ids {
		if strings.HasPrefix(id, permalink) && !anchors[strings.TrimPrefix(id, permalink)] {
			t.Errorf("feed id %s has no anchor on the page (anchors %v)", id, anchors)
		}
	}
	if got := len(pageAnchors(t, after, "en/incidents/api-outage/index.html")); got != 4 {
		t.Errorf("%d timeline anchors on the page, want 4", got)
	}
}
