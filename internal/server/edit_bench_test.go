package server

import (
	"context"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/benchcorpus"
)

// BenchmarkServeEdit measures what an editor waits for in serve: one article's text is changed on
// disk, and the time runs until the reload event has reached the page and the article, fetched
// again over HTTP, has the new text. The corpus is the shared benchmark's, 5,000 articles per
// language unless ROKHDAD_BENCH_N says otherwise. Run with -benchtime 10x for ten edits; it
// reports the median and the slowest.
func BenchmarkServeEdit(b *testing.B) {
	n := benchcorpus.N(5000)
	dir := benchcorpus.Generate(b, n)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/"
	u, _ := url.Parse(base)
	var out lockedBuffer
	s := New(Options{Source: dir, BaseURL: u, Theme: rokhdad.Theme, Out: &out})
	start := time.Now()
	if err := s.Build(); err != nil {
		b.Fatal(err)
	}
	b.Logf("N=%d: first build %v", n, time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-ran }()

	name := "incident-" + leftPad(n/2) // an article in the middle: neighbours, lists and terms around it
	md := filepath.Join(dir, "content", "fa", "incidents", name+".md")
	page := base + "fa/incidents/" + name + "/"
	orig, err := os.ReadFile(md)
	if err != nil {
		b.Fatal(err)
	}
	if code, _ := fetch(b, page); code != 200 {
		b.Fatalf("%s: %d", page, code)
	}
	events := subscribe(b, ctx, base)
	var times []time.Duration
	b.ResetTimer()
	for i := range b.N {
		marker := "ویرایش-" + strconv.Itoa(i) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
		t0 := time.Now()
		if err := os.WriteFile(md, append(slices.Clip(orig), []byte("\n"+marker+"\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
		await(b, events, "reload")
		tr := time.Since(t0)
		for {
			if _, body := fetch(b, page); strings.Contains(body, marker) {
				break
			}
			if time.Since(t0) > 30*time.Second {
				b.Fatalf("edit %d never showed:\n%s", i, out.String())
			}
			time.Sleep(time.Millisecond)
		}
		times = append(times, time.Since(t0))
		// An editor reads the page before the next save: let the feeds and indexes finish.
		for strings.Count(out.String(), "updated ") <= i {
			if time.Since(t0) > 30*time.Second {
				b.Fatalf("edit %d: the update never finished:\n%s", i, out.String())
			}
			time.Sleep(time.Millisecond)
		}
		if os.Getenv("ROKHDAD_BENCH_VERBOSE") != "" {
			b.Logf("edit %d: reload event after %v, new page after %v", i, tr.Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	b.Logf("server: %s", strings.Join(lines[max(0, len(lines)-3):], "\n"))
}

// leftPad writes an article number as the corpus names its files.
func leftPad(i int) string {
	s := strconv.Itoa(i)
	return strings.Repeat("0", max(0, 5-len(s))) + s
}
