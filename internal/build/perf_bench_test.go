package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/benchcorpus"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/output"
)

// perfFile is one output file.
type perfFile struct {
	path string
	data []byte
}

// perfArticlePages builds a corpus of n articles per language into memory and returns its article
// pages, in path order.
func perfArticlePages(b *testing.B, n int) []perfFile {
	b.Helper()
	dir := benchcorpus.Generate(b, n)
	sink := newMapSink()
	res, err := Run(Options{Source: dir, Theme: rokhdad.Theme}, sink)
	if err != nil {
		b.Fatal(err)
	}
	var out []perfFile
	for _, l := range res.Site.Langs {
		for _, p := range l.Pages {
			data, ok := sink.files[p.OutPath]
			if !ok {
				b.Fatalf("the build did not write %s", p.OutPath)
			}
			out = append(out, perfFile{p.OutPath, data})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// perfEach runs f(i) for i in [0, n) on GOMAXPROCS goroutines and returns the first error.
func perfEach(n int, f func(i int) error) error {
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(i); err != nil {
					once.Do(func() { first = err })
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}

// BenchmarkWrite writes the 2,000 article pages of a 1,000-article corpus (as the build rendered
// them) through an output.DirSink from GOMAXPROCS goroutines, as the renderer's workers do, and commits: one
// operation is a whole build's writing, ns/file is one page.
//
// "rebuild" is the steady state of building the same site again and again: two builds are written
// before timing, so whatever the sink keeps or removes between builds (the previous output, a back
// folder) is as it is after any number of rebuilds. "first" writes into a folder that holds nothing
// (its content is removed before each operation, untimed): the first build of a site.
func BenchmarkWrite(b *testing.B) {
	pages := perfArticlePages(b, 1000)
	var size int64
	for _, p := range pages {
		size += int64(len(p.data))
	}
	b.Logf("%d pages, %d bytes on average", len(pages), size/int64(len(pages)))
	write := func(dest string) error {
		sink, err := output.NewDirSink(dest)
		if err != nil {
			return err
		}
		if err := perfEach(len(pages), func(i int) error { return sink.WriteFile(pages[i].path, pages[i].data) }); err != nil {
			sink.Abort()
			return err
		}
		return sink.Commit()
	}
	perFile := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/file")
	}
	b.Run("rebuild", func(b *testing.B) {
		dest := filepath.Join(b.TempDir(), "public")
		for range 2 {
			if err := write(dest); err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if err := write(dest); err != nil {
				b.Fatal(err)
			}
		}
		perFile(b)
	})
	b.Run("first", func(b *testing.B) {
		parent := filepath.Join(b.TempDir(), "out")
		dest := filepath.Join(parent, "public")
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(parent); err != nil {
				b.Fatal(err)
			}
			if err := os.Mkdir(parent, 0o755); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := write(dest); err != nil {
				b.Fatal(err)
			}
		}
		perFile(b)
	})
}

// BenchmarkFloor is the floor of a build: for every article of a corpus of N articles per language
// (N is ROKHDAD_BENCH_N, 1000 when unset), read the file, split the front matter off with
// content.Split, convert the body with plain goldmark (GFM, none of rokhdad's extensions, no
// layout, no lists, feeds or indexes) and write the HTML to OUT/<lang>/<name>/index.html, on
// GOMAXPROCS goroutines. "rebuild" writes over the previous operation's files the way rokhdad's
// back folder is written (see output.DirSink), "first" into a new, empty folder each time (removing the
// previous one is not timed). ns/article is one article.
func BenchmarkFloor(b *testing.B) {
	n := benchcorpus.N(1000)
	dir := benchcorpus.Generate(b, n)
	files, err := filepath.Glob(filepath.Join(dir, "content", "*", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Fatal("the corpus has no articles")
	}
	sort.Strings(files)
	type article struct{ src, out string }
	arts := make([]article, len(files))
	var size int64
	for i, f := range files {
		rel, err := filepath.Rel(filepath.Join(dir, "content"), f)
		if err != nil {
			b.Fatal(err)
		}
		parts := strings.Split(filepath.ToSlash(rel), "/") // <lang>/<section>/<name>.md
		arts[i] = article{src: f, out: filepath.Join(parts[0], strings.TrimSuffix(parts[2], ".md"), "index.html")}
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	b.Logf("N=%d: %d articles, %d source bytes", n, len(arts), size)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	build := func(out string, write func(string, []byte) error) error {
		return perfEach(len(arts), func(i int) error {
			src, err := os.ReadFile(arts[i].src)
			if err != nil {
				return err
			}
			_, body, _, _, err := content.Split(arts[i].src, src)
			if err != nil {
				return err
			}
			buf := bufs.Get().(*bytes.Buffer)
			defer bufs.Put(buf)
			buf.Reset()
			if err := md.Convert(body, buf); err != nil {
				return err
			}
			return write(filepath.Join(out, arts[i].out), buf.Bytes())
		})
	}
	fresh := func(target string, data []byte) error {
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	}
	b.Run("rebuild", func(b *testing.B) {
		out := b.TempDir()
		if err := build(out, fresh); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if err := build(out, writeFile); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	})
	b.Run("first", func(b *testing.B) {
		root := b.TempDir()
		prev := ""
		iter := 0
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if prev != "" {
				b.StopTimer()
				if err := os.RemoveAll(prev); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			iter++
			out := filepath.Join(root, strconv.Itoa(iter))
			if err := build(out, fresh); err != nil {
				b.Fatal(err)
			}
			prev = out
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	})
}

// BenchmarkSessionUpdate is one article's text changed and brought up to date in memory, as serve
// does: the article read and parsed again, the site resolved again, and the outputs that show the
// article rendered. It reports the time until the pages are written (ready) besides the total with
// the feeds and indexes. N = ROKHDAD_BENCH_N, default 1000.
func BenchmarkSessionUpdate(b *testing.B) {
	n := benchcorpus.N(1000)
	dir := benchcorpus.Generate(b, n)
	sink := discardSink{}
	sess, _, err := NewSession(Options{Source: dir, Theme: rokhdad.Theme}, sink)
	if err != nil {
		b.Fatal(err)
	}
	defer sess.Close()
	rel := fmt.Sprintf("content/fa/incidents/incident-%05d.md", n/2)
	md := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(md)
	if err != nil {
		b.Fatal(err)
	}
	var ready time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		if err := os.WriteFile(md, append(slices.Clip(orig), fmt.Sprintf("\nedit %d\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u, err := updateAll(sess, []string{rel}, sink)
		if err != nil {
			b.Fatal(err)
		}
		ready += u.Ready
	}
	b.ReportMetric(float64(ready.Microseconds())/1000/float64(b.N), "ms-ready/op")
}

// writeFile writes data to name the way output.DirSink writes a page.
func writeFile(name string, data []byte) error {
	f, err := output.CreateFile(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
