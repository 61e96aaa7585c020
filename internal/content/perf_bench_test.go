package content

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/benchcorpus"

	"github.com/rokhdad/rokhdad/internal/config"
)

// perfArticle is one article of the corpus as build's loader hands it to Parse.
type perfArticle struct {
	file string // slash path relative to the site, "content/fa/incidents/x.md"
	src  []byte
	zone *time.Location // the language's zone from site.toml
}

// perfSample reads the first max articles of every configured language of a corpus of n articles
// per language, in file name order.
func perfSample(b *testing.B, n, max int) []perfArticle {
	b.Helper()
	dir := benchcorpus.Generate(b, n)
	cfg, err := config.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	var out []perfArticle
	for _, code := range cfg.Codes() {
		lang := cfg.Language(code)
		names, err := filepath.Glob(filepath.Join(dir, "content", code, "*", "*.md"))
		if err != nil {
			b.Fatal(err)
		}
		sort.Strings(names)
		if len(names) > max {
			names = names[:max]
		}
		for _, name := range names {
			src, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			rel, err := filepath.Rel(dir, name)
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, perfArticle{file: path.Clean(filepath.ToSlash(rel)), src: src, zone: lang.Zone})
		}
	}
	if len(out) == 0 {
		b.Fatal("the corpus has no articles")
	}
	return out
}

func perfBytes(sample []perfArticle) int64 {
	var n int64
	for _, a := range sample {
		n += int64(len(a.src))
	}
	return n
}

// BenchmarkParse reads the first 200 articles of each language of a 200-article corpus: UTF-8
// check, front matter split and strict TOML decoding, and resolving each five-entry timeline. One
// operation is the whole sample (400 files); ns/file is the cost of one article.
func BenchmarkParse(b *testing.B) {
	sample := perfSample(b, 200, 200)
	b.SetBytes(perfBytes(sample))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range sample {
			if _, err := Parse(a.file, a.src, a.zone); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/file")
}

// BenchmarkSplit is only the front matter split of BenchmarkParse's sample.
func BenchmarkSplit(b *testing.B) {
	sample := perfSample(b, 200, 200)
	b.SetBytes(perfBytes(sample))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range sample {
			if _, _, _, _, err := Split(a.file, a.src); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/file")
}
