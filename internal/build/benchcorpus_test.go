package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/benchcorpus"
)

// The benchmark corpus rokhdad writes itself, where gen.py is missing, builds cleanly and has the
// shape of gen.py's: n articles per language of about 650 words, five timeline entries each.
func TestOwnBenchCorpus(t *testing.T) {
	const n = 30
	dir := benchcorpus.Own(t, n)
	res, err := Run(Options{Source: dir, Theme: rokhdad.Theme}, discardSink{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Site.Langs {
		if len(l.Pages) != n {
			t.Errorf("%s: %d articles, want %d", l.Code, len(l.Pages), n)
		}
		for _, p := range l.Pages {
			if len(p.Timeline) != 5 {
				t.Errorf("%s: %d timeline entries", p.File, len(p.Timeline))
			}
			if w := len(strings.Fields(string(p.Body))); w < 500 || w > 900 {
				t.Errorf("%s: %d words", p.File, w)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "fa", "incidents", "incident-00030.md")); err != nil {
		t.Error(err)
	}
}
