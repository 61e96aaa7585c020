package content

import (
	"strings"
	"testing"
	"time"
)

// article is a front matter with the given [[timeline]] entries (TOML, one string each).
func article(entries ...string) string {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Outage\"\ndate = 2023-11-08T10:00:00Z\n")
	for _, e := range entries {
		b.WriteString("\n[[timeline]]\n" + e + "\n")
	}
	b.WriteString("+++\n")
	return b.String()
}

func TestTimelineIDs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []string
		want    []string // ids in order
	}{
		{"derived", []string{
			`at = "2023-11-08 03:52"` + "\nstatus = \"investigating\"\ntext = \"a\"",
			`at = "2023-11-08 04:10:30"` + "\ntext = \"b\"",
		}, []string{"20231108T035200Z-investigating", "20231108T041030Z"}},
		{"explicit", []string{
			`at = "2023-11-08 03:52"` + "\nid = \"k7x0gfk2lx3p\"\ntext = \"a\"",
			`at = "2023-11-08 04:00"` + "\nid = \"upd_2.b-1\"\ntext = \"b\"",
		}, []string{"k7x0gfk2lx3p", "upd_2.b-1"}},
		{"empty id is none", []string{`at = "2023-11-08 03:52"` + "\nid = \"\"\ntext = \"a\""}, []string{"20231108T035200Z"}},
		{"same instant and status", []string{
			`at = "2023-11-08 03:52"` + "\nstatus = \"identified\"\ntext = \"a\"",
			`at = "2023-11-08 03:52"` + "\nstatus = \"identified\"\ntext = \"b\"",
			`at = "2023-11-08 03:52"` + "\ntext = \"c\"",
			`at = "2023-11-08 03:52"` + "\nstatus = \"identified\"\ntext = \"d\"",
		}, []string{"20231108T035200Z-identified", "20231108T035200Z-identified-2", "20231108T035200Z", "20231108T035200Z-identified-3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("content/en/incidents/x.md", []byte(article(tc.entries...)), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range p.Timeline {
				got = append(got, e.ID)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("ids = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTimelineIDsDoNotDependOnPosition: inserting an earlier entry leaves the others' ids.
func TestTimelineIDsDoNotDependOnPosition(t *testing.T) {
	a := `at = "2023-11-08 05:00"` + "\nstatus = \"resolved\"\ntext = \"a\""
	b := `at = "2023-11-08 04:00"` + "\nstatus = \"identified\"\ntext = \"b\""
	before, err := Parse("x.md", []byte(article(b, a)), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	after, err := Parse("x.md", []byte(article(`at = "2023-11-08 03:00"`+"\ntext = \"new\"", b, a)), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if before.Timeline[0].ID != after.Timeline[1].ID || before.Timeline[1].ID != after.Timeline[2].ID {
		t.Errorf("ids moved: %s %s → %s %s", before.Timeline[0].ID, before.Timeline[1].ID, after.Timeline[1].ID, after.Timeline[2].ID)
	}
}

func TestTimelineUpdated(t *testing.T) {
	p, err := Parse("x.md", []byte(article(`at = "2023-11-08 03:52"`+"\nupdated = \"2023-11-09 10:00\"\ntext = \"a\"", `at = "2023-11-08 04:00"`+"\ntext = \"b\"")), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Timeline[0].Updated.UTC().Format(time.RFC3339); got != "2023-11-09T10:00:00Z" {
		t.Errorf("updated = %s", got)
	}
	if !p.Timeline[1].Updated.IsZero() {
		t.Errorf("an entry without updated has %v", p.Timeline[1].Updated)
	}
}

func TestTimelineIDErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []string
		want    []string // substrings of the error, the first its position
	}{
		{"duplicate", []string{
			`at = "2023-11-08 03:52"` + "\nid = \"u1\"\ntext = \"a\"",
			`at = "2023-11-08 04:00"` + "\nid = \"u1\"\ntext = \"b\"",
		}, []string{"x.md:12:1:", `timeline id "u1" is also the id of the entry on line 5`}},
		{"looks derived", []string{
			`at = "2023-11-08 03:52"` + "\nid = \"20231108T040000Z\"\ntext = \"a\"",
			`at = "2023-11-08 04:00"` + "\ntext = \"b\"",
		}, []string{"x.md:7:1:", "gets from its time and status", "line 10"}},
		{"spaces", []string{`at = "2023-11-08 03:52"` + "\nid = \"my update\"\ntext = \"a\""}, []string{"x.md:7:1:", "may hold only letters"}},
		{"not a string", []string{`at = "2023-11-08 03:52"` + "\nid = 3\ntext = \"a\""}, []string{"x.md:7:", "must be a string"}},
		{"updated before at", []string{`at = "2023-11-08 03:52"` + "\nupdated = \"2023-11-08 03:00\"\ntext = \"a\""}, []string{"x.md:7:1:", "earlier than the entry's at"}},
		{"updated not a time", []string{`at = "2023-11-08 03:52"` + "\nupdated = \"soon\"\ntext = \"a\""}, []string{"x.md:7:1:", "updated"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.md", []byte(article(tc.entries...)), time.UTC)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.want[0]) {
				t.Errorf("error %q does not start with %q", msg, tc.want[0])
			}
			for _, w := range tc.want[1:] {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}
