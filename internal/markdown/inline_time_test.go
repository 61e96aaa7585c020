package markdown

import (
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// An inline time takes the values a timeline entry's `at` takes: an offset the article's zone does
// not have at that instant is an error at the link, and a UTC time is shown as UTC, as written.
func TestInlineTimeOffsets(t *testing.T) {
	la, err := timeline.LoadZone("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	// The source's clock as the page labels it.
	source := func(at time.Time, _ string) string { return at.Format("15:04 MST") }
	r := New(Options{FormatTime: source})
	doc := Doc{File: "content/en/incidents/a.md", Line: 20, Zone: la}
	for _, c := range []struct{ in, want string }{
		{"at [19:52 PST](at:2023-11-07T19:52)", "at 19:52 PST"},
		{"at [19:52 PST](at:2023-11-07T19:52:00-08:00)", "at 19:52 PST"},
		{"at [03:52 UTC](at:2023-11-08T03:52:00Z)", "at 03:52 UTC"},
		{"at [03:52 UTC](at:2023-11-08T03:52:00+00:00)", "at 03:52 UTC"},
		{"at [01:30 PDT](at:2023-11-05T01:30:00-07:00) and [01:30 PST](at:2023-11-05T01:30:00-08:00)", "at 01:30 PDT and 01:30 PST"},
	} {
		out, err := r.RenderInline(c.in, doc)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if string(out) != c.want {
			t.Errorf("%s = %s, want %s", c.in, out, c.want)
		}
	}

	_, err = r.Render([]byte("First line.\n\nThe reports came in at [19:52](at:2023-11-07T19:52:00+05:00).\n"), doc)
	list := diag.Flatten(err)
	if len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	msg := list[0].Error()
	for _, want := range []string{"content/en/incidents/a.md:22:25:", "+05:00", "America/Los_Angeles", "-08:00 (PST)",
		`2023-11-07T06:52:00-08:00`, "timezone"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}
