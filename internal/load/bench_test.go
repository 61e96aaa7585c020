package load

import (
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/benchcorpus"
)

// BenchmarkLoad1000 loads the benchmark corpus of 1,000 articles per language: site.toml, the walk,
// every article read and parsed, the image checks.
func BenchmarkLoad1000(b *testing.B) {
	dir := benchcorpus.Generate(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s, err := Load(Options{Source: dir, Theme: rokhdad.Theme})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Err(); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
