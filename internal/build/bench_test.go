package build

import (
	"io"
	"testing"

	"github.com/rokhdad/rokhdad/internal/benchcorpus"
	"github.com/rokhdad/rokhdad/internal/output"

	"github.com/rokhdad/rokhdad"
)

var _ output.Sink = discardSink{}

// discardSink throws away what it is given.
type discardSink struct{}

func (discardSink) WriteFile(string, []byte) error        { return nil }
func (discardSink) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }
func (discardSink) Remove(string) error                   { return nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// BenchmarkBuild1000 is a whole build of 1,000 articles per language into memory that is thrown
// away: loading, resolving, rendering every page, feed and index.
func BenchmarkBuild1000(b *testing.B) {
	dir := benchcorpus.Generate(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Run(Options{Source: dir, Theme: rokhdad.Theme}, discardSink{}); err != nil {
			b.Fatal(err)
		}
	}
}
