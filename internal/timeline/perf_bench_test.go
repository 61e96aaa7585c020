package timeline

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/benchcorpus"
)

// perfRaw is one [[timeline]] entry as an article writes it.
type perfRaw struct{ at, zone, status, text string }

// perfTimeline is an article's timeline as written, before it is resolved.
type perfTimeline struct {
	file    string
	zone    string // the article's timezone
	entries []perfRaw
}

// perfTimelines reads the timelines of the first max articles of content/en/ of a corpus of n
// articles per language. The package cannot import internal/content (which imports it), so this
// reads the generator's simple TOML (one key = "string" per line) itself.
func perfTimelines(b *testing.B, n, max int) []perfTimeline {
	b.Helper()
	dir := benchcorpus.Generate(b, n)
	names, err := filepath.Glob(filepath.Join(dir, "content", "en", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(names)
	if len(names) > max {
		names = names[:max]
	}
	var out []perfTimeline
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		tl := perfTimeline{file: name}
		sc := bufio.NewScanner(bytes.NewReader(src))
		fences := 0
		for sc.Scan() && fences < 2 {
			line := strings.TrimSpace(sc.Text())
			switch {
			case line == "+++":
				fences++
				continue
			case line == "[[timeline]]":
				tl.entries = append(tl.entries, perfRaw{})
				continue
			}
			key, val, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			if !strings.HasPrefix(val, `"`) {
				continue // dates, lists: not needed here
			}
			s, err := strconv.Unquote(val)
			if err != nil {
				b.Fatalf("%s: %s: %v", name, line, err)
			}
			if len(tl.entries) == 0 {
				if key == "timezone" {
					tl.zone = s
				}
				continue
			}
			e := &tl.entries[len(tl.entries)-1]
			switch key {
			case "at":
				e.at = s
			case "zone":
				e.zone = s
			case "status":
				e.status = s
			case "text":
				e.text = s
			}
		}
		if len(tl.entries) > 0 {
			out = append(out, tl)
		}
	}
	if len(out) == 0 {
		b.Fatal("the corpus has no timelines")
	}
	return out
}

// perfResolve resolves a timeline as internal/content does: the article's zone, each entry's own
// zone, time and status, then the order check and the incident's duration.
func perfResolve(raw perfTimeline, zone string) (Timeline, error) {
	def, err := LoadZone(zone)
	if err != nil {
		return nil, err
	}
	tl := make(Timeline, 0, len(raw.entries))
	for i, r := range raw.entries {
		loc := def
		if r.zone != "" {
			if loc, err = LoadZone(r.zone); err != nil {
				return nil, err
			}
		}
		at, err := ParseAt(r.at, loc)
		if err != nil {
			return nil, err
		}
		st, err := ParseStatus(r.status)
		if err != nil {
			return nil, err
		}
		tl = append(tl, Entry{At: at, Status: st, Text: r.text, Line: i + 1})
	}
	if err := tl.Check(); err != nil {
		return nil, err
	}
	tl.Duration()
	return tl, nil
}

// BenchmarkResolveTimeline resolves the (five-entry) timelines of the first 200 English articles
// of a 200-article corpus: per operation one whole timeline, cycling through the sample. "la" reads
// them in the articles' own zone, America/Los_Angeles; "tehran" reads the same wall times in
// Asia/Tehran, leaving out (before timing) the few that are not valid there.
func BenchmarkResolveTimeline(b *testing.B) {
	sample := perfTimelines(b, 200, 200)
	for _, c := range []struct {
		name, zone string
		own        bool // the corpus's own zone: every timeline must resolve
	}{
		{"la", "America/Los_Angeles", true},
		{"tehran", "Asia/Tehran", false},
	} {
		var kept []perfTimeline
		entries := 0
		for _, tl := range sample {
			if !c.own || tl.zone == "" {
				tl.zone = c.zone
			}
			if _, err := perfResolve(tl, tl.zone); err != nil {
				if c.own {
					b.Fatalf("%s: %v", tl.file, err)
				}
				continue
			}
			kept = append(kept, tl)
			entries += len(tl.entries)
		}
		if len(kept) == 0 {
			b.Fatalf("no timeline of the sample resolves in %s", c.zone)
		}
		b.Run(c.name, func(b *testing.B) {
			if len(kept) < len(sample) {
				b.Logf("%d of %d timelines left out: not valid in %s", len(sample)-len(kept), len(sample), c.zone)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				tl := kept[i]
				if _, err := perfResolve(tl, tl.zone); err != nil {
					b.Fatalf("%s: %v", tl.file, err)
				}
				if i++; i == len(kept) {
					i = 0
				}
			}
			b.ReportMetric(float64(entries)/float64(len(kept)), "entries/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/(float64(b.N)*float64(entries)/float64(len(kept))), "ns/entry")
		})
	}
}
