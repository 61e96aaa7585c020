package markdown

import (
	"html"
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/benchcorpus"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// perfBody is the Markdown body of one corpus article.
type perfBody struct {
	src []byte
	doc Doc
}

// perfBodies splits the bodies of the first max articles in content/<lang>/ of a corpus of n
// articles per language from their front matter, in file name order.
func perfBodies(b *testing.B, dir, lang string, max int, zone *time.Location) ([]perfBody, int64) {
	b.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "content", lang, "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	if len(names) == 0 {
		b.Fatalf("the corpus has no %s articles", lang)
	}
	sort.Strings(names)
	if len(names) > max {
		names = names[:max]
	}
	var out []perfBody
	var size int64
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		rel, err := filepath.Rel(dir, name)
		if err != nil {
			b.Fatal(err)
		}
		file := path.Clean(filepath.ToSlash(rel))
		_, body, _, line, err := content.Split(file, src)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, perfBody{src: body, doc: Doc{File: file, Line: line, Zone: zone}})
		size += int64(len(body))
	}
	return out, size
}

// perfFormatTime stands in for the theme's inline time: the label in a <time> element.
func perfFormatTime(t time.Time, label string) string {
	return `<time datetime="` + timeline.UTCString(t) + `">` + html.EscapeString(label) + `</time>`
}

// BenchmarkRender converts the bodies of the first 200 articles of each language of a 200-article
// corpus with a Renderer set up as internal/render sets it up for that language (Persian digits
// for fa). One operation is the whole language's sample; ns/body is the cost of one article.
func BenchmarkRender(b *testing.B) {
	dir := benchcorpus.Generate(b, 200)
	for _, l := range []struct {
		code, zone string
		zero       rune
	}{
		{"fa", "Asia/Tehran", '۰'},
		{"en", "UTC", 0},
	} {
		zone, err := timeline.LoadZone(l.zone)
		if err != nil {
			b.Fatal(err)
		}
		bodies, size := perfBodies(b, dir, l.code, 200, zone)
		r := New(Options{Zero: l.zero, FormatTime: perfFormatTime})
		b.Run(l.code, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range bodies {
					if _, err := r.Render(body.src, body.doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/body")
		})
	}
}
