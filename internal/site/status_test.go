package site

import (
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

func TestOngoing(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	entry := func(when string, st timeline.Status) timeline.Entry { return timeline.Entry{At: at(when), Status: st} }
	page := func(name string, status timeline.Status, tl ...timeline.Entry) *Page {
		return &Page{Page: &content.Page{Name: name, Date: at("2023-11-08T10:00:00Z"), Status: status, Timeline: tl}}
	}
	pages := []*Page{
		page("resolved", "", entry("2023-11-07T10:00:00Z", "investigating"), entry("2023-11-07T12:00:00Z", "resolved")),
		page("front-matter-says-resolved", "resolved", entry("2023-11-07T10:00:00Z", "investigating")),
		page("news", ""), // no status: no incident
		page("old", "", entry("2023-11-06T10:00:00Z", "investigating")),
		page("monitoring", "", entry("2023-11-07T20:00:00Z", "investigating"), entry("2023-11-08T06:00:00Z", "monitoring")),
		page("future", "", entry("2023-11-09T10:00:00Z", "investigating")), // begins after the reference instant
		page("no-timeline", "identified"),
		page("status-less-last-entry", "", entry("2023-11-08T01:00:00Z", "identified"), entry("2023-11-08T02:00:00Z", "")),
	}
	s := &Site{Reference: at("2023-11-08T12:00:00Z")}
	var got []string
	for _, p := range s.Ongoing(pages) {
		got = append(got, p.Name)
	}
	want := []string{"no-timeline", "monitoring", "status-less-last-entry", "old"}
	if len(got) != len(want) {
		t.Fatalf("ongoing = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ongoing = %v, want %v", got, want)
		}
	}
	if State(pages[7].Page) != timeline.Identified || !Began(pages[4].Page).Equal(at("2023-11-07T20:00:00Z")) || !LastUpdate(pages[6].Page).Equal(at("2023-11-08T10:00:00Z")) {
		t.Error("State, Began or LastUpdate")
	}
}
