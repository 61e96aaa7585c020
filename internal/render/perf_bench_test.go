package render

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/benchcorpus"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// perfRenderer loads and resolves a corpus of n articles per language the way internal/build does
// (which this package cannot import: build imports render) and prepares its Renderer over the
// default theme. Drafts are left out, as a build does by default.
func perfRenderer(b testing.TB, n int) (*Renderer, *site.Site) {
	b.Helper()
	dir := benchcorpus.Generate(b, n)
	cfg, err := config.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	fsys, err := source.Open(dir, rokhdad.Theme)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { fsys.Close() })
	names, err := filepath.Glob(filepath.Join(dir, "content", "*", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(names)
	var pages []*content.Page
	for _, name := range names {
		rel, err := filepath.Rel(dir, name)
		if err != nil {
			b.Fatal(err)
		}
		file := filepath.ToSlash(rel)
		parts := strings.Split(file, "/") // content/<lang>/<section>/<name>.md
		lang := cfg.Language(parts[1])
		if lang == nil {
			b.Fatalf("%s: language %s is not in site.toml", file, parts[1])
		}
		src, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		p, err := content.Parse(file, src, lang.Zone)
		if err != nil {
			b.Fatal(err)
		}
		if p.Draft {
			continue
		}
		p.Lang, p.Section, p.Name = parts[1], parts[2], strings.TrimSuffix(parts[3], ".md")
		pages = append(pages, p)
	}
	s, err := site.Resolve(cfg, nil, pages)
	if err != nil {
		b.Fatal(err)
	}
	r, err := New(fsys, cfg, s.URLs)
	if err != nil {
		b.Fatal(err)
	}
	return r, s
}

// BenchmarkTemplateSingle renders every article page of a 200-article corpus, per language: the
// page's data, its Markdown body, timeline view and chart, structured data, and the single layout.
// One operation is all of a language's article pages; ns/page is one page. The pages are rendered
// once before timing, so the per-language caches (timeline entry HTML, which the updates feed
// usually fills first in a build) are warm.
func BenchmarkTemplateSingle(b *testing.B) {
	r, s := perfRenderer(b, 200)
	for i, l := range s.Langs {
		if len(l.Pages) == 0 {
			b.Fatalf("no %s articles", l.Code)
		}
		var size int64
		var buf bytes.Buffer
		for k := range l.Pages {
			buf.Reset()
			if err := r.Render(&buf, s, Target{Kind: Single, Lang: i, Index: k}); err != nil {
				b.Fatal(err)
			}
			size += int64(buf.Len())
		}
		b.Run(l.Code, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for k := range l.Pages {
					buf.Reset()
					if err := r.Render(&buf, s, Target{Kind: Single, Lang: i, Index: k}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(l.Pages)), "ns/page")
			b.ReportMetric(float64(size)/float64(len(l.Pages)), "B/page")
		})
	}
}

// BenchmarkTemplateList renders a language's home page (page 1 of the latest incidents: a
// paginated list of article cards) of a 200-article corpus. It is rendered once before timing, so
// the cards, which a build renders once and reuses on every list an article appears in, are warm.
func BenchmarkTemplateList(b *testing.B) {
	r, s := perfRenderer(b, 200)
	for i, l := range s.Langs {
		home := Target{Kind: Home, Lang: i, Page: 1}
		var buf bytes.Buffer
		if err := r.Render(&buf, s, home); err != nil {
			b.Fatal(err)
		}
		size := int64(buf.Len())
		b.Run(l.Code, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.Render(&buf, s, home); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
