package build

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/benchcorpus"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/load"
	"github.com/rokhdad/rokhdad/internal/render"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// The table of generated outputs in package site is the renderer's, exactly: every output other
// than an article's page and a static file is in it, and every entry is generated in every
// language (CNAME only when configured).
func TestPlanMatchesOutputTable(t *testing.T) {
	s, files := corpusSite(t, 40, func(cfg *config.Config) {
		cfg.Paginate = 5 // so that the home page and the terms have further pages
		cfg.CNAME = "status.example.org"
	})
	jobs, _ := plan(s, files)
	seen := map[string]bool{}
	for _, j := range jobs {
		if j.pageOf(s) != nil || j.static != nil {
			continue
		}
		o, lang := s.Claim(j.out)
		if o == nil {
			t.Errorf("%s is generated but not in site.LangOutputs or site.SiteOutputs", j.out)
			continue
		}
		seen[lang+"/"+o.Name] = true
	}
	for _, o := range site.SiteOutputs {
		if !seen["/"+o.Name] {
			t.Errorf("site.SiteOutputs has %s, which the renderer does not generate", o.Name)
		}
	}
	for _, l := range s.Langs {
		for _, o := range site.LangOutputs {
			if !seen[l.Code+"/"+o.Name] {
				t.Errorf("site.LangOutputs has %s, which the renderer does not generate in %s/", o.Name, l.Code)
			}
		}
	}
}

// An output that is not in the table is an internal error, so that a new kind of page cannot be
// added without it.
func TestUnlistedOutput(t *testing.T) {
	s, _ := corpusSite(t, 2, nil)
	err := collisions(s, []job{{out: "en/feed.xml", target: render.Target{Kind: render.RSS}}}, nil)
	if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "en/feed.xml") {
		t.Errorf("got %v, want an internal error naming en/feed.xml", err)
	}
}

// Each static file in the way of generated outputs is reported once, by its own name, however many
// outputs it is in the way of; static files beside generated ones are not.
func TestCollisions(t *testing.T) {
	s, statics := corpusSite(t, 10, nil)
	jobs, _ := plan(s, statics)
	jobs = jobs[:len(jobs)-len(statics)] // the generated ones
	files := []source.File{
		{Path: "static/en"},                           // a file where the whole language folder goes
		{Path: "static/fa/rss.xml"},                   // replaces the feed
		{Path: "static/fa/archive/extra.txt"},         // beside the archive's pages: fine
		{Path: "static/fa/index.html/x", Theme: true}, // a theme's file in the way too
		{Path: "static/css/site.css"},
	}
	err := collisions(s, jobs, files)
	got := map[string]string{}
	for _, d := range diag.Flatten(err) {
		if _, dup := got[d.File]; dup {
			t.Errorf("%s reported twice", d.File)
		}
		got[d.File] = d.Msg
	}
	want := map[string]string{
		"static/en":                              "needs the folder en/",
		"static/fa/rss.xml":                      "would replace fa/rss.xml, which rokhdad generates as the RSS feed",
		"(default theme) static/fa/index.html/x": "would make fa/index.html a folder",
	}
	if len(got) != len(want) {
		t.Errorf("reported %q, want %d files", got, len(want))
	}
	for file, msg := range want {
		if !strings.Contains(got[file], msg) {
			t.Errorf("%s: got %q, want %q", file, got[file], msg)
		}
	}
}

// BenchmarkCollisions1000 is the collision check of a build of 1,000 articles per language: a few
// map lookups per generated output, no file read.
func BenchmarkCollisions1000(b *testing.B) {
	s, files := corpusSite(b, 1000, nil)
	jobs, _ := plan(s, files)
	gen := jobs[:len(jobs)-len(files)]
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := collisions(s, gen, files); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(gen)), "ns/output")
}

// corpusSite is the resolved site of a generated corpus of n articles per language, its
// configuration changed by edit when not nil, and its static files.
func corpusSite(tb testing.TB, n int, edit func(*config.Config)) (*site.Site, []source.File) {
	tb.Helper()
	dir := benchcorpus.Generate(tb, n)
	ld, err := load.Load(load.Options{Source: dir, Theme: rokhdad.Theme})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ld.Close() })
	cfg, fsys := ld.Config, ld.FS
	if edit != nil {
		edit(cfg)
	}
	s, err := site.Resolve(cfg, nil, ld.Published())
	if err != nil {
		tb.Fatal(err)
	}
	files, err := fsys.Files("static")
	if err != nil {
		tb.Fatal(err)
	}
	return s, files
}
