package site

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// swapCorpus is a bilingual site with translations, sections, services and tags shared across
// languages, several years and months, and timelines.
func swapCorpus() []*content.Page {
	var pages []*content.Page
	for i := range 24 {
		for _, lang := range []string{"fa", "en"} {
			if lang == "fa" && i%5 == 0 {
				continue // untranslated
			}
			section := []string{"incidents", "notes"}[i%2]
			p := article(lang, section, fmt.Sprintf("a%02d", i))
			p.Date = time.Date(2022+i%3, time.Month(1+i%12), 1+i, 10, 0, 0, 0, time.UTC)
			p.Services = []string{[]string{"API", "ChatGPT"}[i%2]}
			if i%3 == 0 {
				p.Services = append(p.Services, "Login")
			}
			p.Tags = []string{fmt.Sprintf("t%d", i%4)}
			p.Timeline = timeline.Timeline{
				{At: p.Date, Status: timeline.Investigating, Text: "x"},
				{At: p.Date.Add(time.Duration(i+1) * time.Hour), Status: timeline.Resolved, Text: "y"},
			}
			pages = append(pages, p)
		}
	}
	return pages
}

// TestSwapIsResolve: swapping edited articles into a resolved site gives exactly what resolving
// the edited articles gives — every page, list, term, archive month, neighbour, translation and
// term peer — and leaves the old site as it was.
func TestSwapIsResolve(t *testing.T) {
	cfg := testConfig(t)
	old := swapCorpus()
	s, err := Resolve(cfg, nil, old)
	if err != nil {
		t.Fatal(err)
	}
	before, err := Resolve(cfg, nil, swapCorpus())
	if err != nil {
		t.Fatal(err)
	}
	edited := make([]*content.Page, len(old))
	swaps := map[*content.Page]*content.Page{}
	for i, p := range old {
		edited[i] = p
		if i%7 == 3 {
			n := *p
			n.Title, n.Summary = p.Title+" (edited)", "new summary"
			n.Timeline = timeline.Timeline{{At: p.Date.Add(48 * time.Hour), Status: timeline.Resolved, Text: "later"}}
			edited[i], swaps[p] = &n, &n
		}
	}
	want, err := Resolve(cfg, nil, edited)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Swap(swaps)
	if !reflect.DeepEqual(got, want) {
		t.Error("Swap differs from Resolve of the edited articles")
	}
	if reflect.DeepEqual(got, before) {
		t.Error("Swap changed nothing")
	}
	if !reflect.DeepEqual(s, before) {
		t.Error("Swap changed the site it was called on")
	}
}

// BenchmarkSwap swaps one edited article into a site of 1,000 articles per language, as serve does
// for an edit that keeps the article's place.
func BenchmarkSwap(b *testing.B) {
	cfg := testConfig(b)
	var pages []*content.Page
	for i := range 1000 {
		for _, lang := range []string{"fa", "en"} {
			p := article(lang, "incidents", fmt.Sprintf("a%04d", i))
			p.Date = time.Date(2020+i%4, time.Month(1+i%12), 1+i%28, 10, 0, 0, 0, time.UTC)
			p.Services = []string{fmt.Sprintf("s%d", i%20)}
			p.Tags = []string{fmt.Sprintf("t%d", i%30), "outage"}
			pages = append(pages, p)
		}
	}
	s, err := Resolve(cfg, nil, pages)
	if err != nil {
		b.Fatal(err)
	}
	n := *pages[500]
	n.Title = "edited"
	swaps := map[*content.Page]*content.Page{pages[500]: &n}
	b.ReportAllocs()
	for b.Loop() {
		s.Swap(swaps)
	}
}

// TestSwapMovesReference: an edit of the article that names the newest instant, to an earlier
// one, moves the site's reference back, as resolving again would; an edit that names a later
// instant moves it forward.
func TestSwapMovesReference(t *testing.T) {
	cfg := testConfig(t)
	old := swapCorpus()
	newest := old[3] // the only article that names 2030
	newest.Timeline = append(newest.Timeline, timeline.Entry{At: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Status: timeline.Resolved})
	s, err := Resolve(cfg, nil, old)
	if err != nil {
		t.Fatal(err)
	}
	for _, shift := range []time.Duration{-30 * time.Minute, 100000 * time.Hour} {
		n := *newest
		n.Timeline = timeline.Timeline{{At: newest.Date.Add(shift), Status: timeline.Resolved, Text: "moved"}}
		edited := make([]*content.Page, len(old))
		for i, p := range old {
			edited[i] = p
			if p == newest {
				edited[i] = &n
			}
		}
		want, err := Resolve(cfg, nil, edited)
		if err != nil {
			t.Fatal(err)
		}
		got := s.Swap(map[*content.Page]*content.Page{newest: &n})
		if !got.Reference.Equal(want.Reference) || !reflect.DeepEqual(got, want) {
			t.Errorf("shift %v: Reference %v after Swap, %v after Resolve", shift, got.Reference, want.Reference)
		}
	}
}
