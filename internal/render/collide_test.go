package render

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// The table of generated outputs in package site is the renderer's, exactly: every output other
// than an article's page and a static file is in it, and every entry is generated in every
// language (CNAME only when configured).
func TestPlanMatchesOutputTable(t *testing.T) {
	r := perfRenderer(t, 40)
	r.site.Config.Paginate = 5 // so that the home page and the terms have further pages
	r.site.Config.CNAME = "status.example.org"
	jobs, _, err := r.plan()
	if err != nil {
		t.Fatal(err)
	}
	statics, _, err := r.staticJobs()
	if err != nil {
		t.Fatal(err)
	}
	static := map[string]bool{}
	for _, j := range statics {
		static[j.out] = true
	}
	seen := map[string]bool{}
	for _, j := range jobs {
		if j.page != nil || static[j.out] {
			continue
		}
		o, lang := r.site.Claim(j.out)
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
	for _, l := range r.site.Langs {
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
	r := perfRenderer(t, 2)
	err := r.collisions([]job{{out: "en/feed.xml"}}, nil)
	if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "en/feed.xml") {
		t.Errorf("got %v, want an internal error naming en/feed.xml", err)
	}
}

// Each static file in the way of generated outputs is reported once, by its own name, however many
// outputs it is in the way of; static files beside generated ones are not.
func TestCollisions(t *testing.T) {
	r := perfRenderer(t, 10)
	jobs, _, err := r.plan()
	if err != nil {
		t.Fatal(err)
	}
	statics, _, err := r.staticJobs()
	if err != nil {
		t.Fatal(err)
	}
	jobs = jobs[:len(jobs)-len(statics)] // the generated ones
	files := []source.File{
		{Path: "static/en"},                           // a file where the whole language folder goes
		{Path: "static/fa/rss.xml"},                   // replaces the feed
		{Path: "static/fa/archive/extra.txt"},         // beside the archive's pages: fine
		{Path: "static/fa/index.html/x", Theme: true}, // a theme's file in the way too
		{Path: "static/css/site.css"},
	}
	err = r.collisions(jobs, files)
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
	r := perfRenderer(b, 1000)
	jobs, _, err := r.plan()
	if err != nil {
		b.Fatal(err)
	}
	statics, files, err := r.staticJobs()
	if err != nil {
		b.Fatal(err)
	}
	gen := jobs[:len(jobs)-len(statics)]
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := r.collisions(gen, files); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(gen)), "ns/output")
}
