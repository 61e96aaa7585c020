package build

import (
	"fmt"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// collisions reports the static files that would take the place of a generated output: one at the
// same path (static/en/rss.xml, static/404.html, static/en/incidents/a/index.html), a file where a
// generated output needs a folder (static/en/archive), or one whose folder is a generated file
// (static/en/rss.xml/x). The site's static files overriding the theme's are not collisions: Files
// has already kept one of each. It is an index of the static files and a few lookups per generated
// output, and reads no file.
//
// Every generated output other than an article's page must be in site's table of them (see
// site.Output), since that table is what keeps sections and static files away from it: one that is
// not is an internal error, caught by the tests.
func collisions(s *site.Site, gen []job, files []source.File) error {
	type entry struct {
		file int  // index in files
		dir  bool // a folder that files[file] is in
	}
	static := make(map[string]entry, 2*len(files))
	tops := map[string]bool{} // the first path elements of the static files
	for i, f := range files {
		out := source.Rel("static", f.Path)
		static[out] = entry{file: i}
		top, _, _ := strings.Cut(out, "/")
		tops[top] = true
		for k := strings.LastIndexByte(out, '/'); k > 0; k = strings.LastIndexByte(out[:k], '/') {
			if _, ok := static[out[:k]]; ok {
				break // and so are the folders above it
			}
			static[out[:k]] = entry{file: i, dir: true}
		}
	}
	var errs diag.List
	reported := make([]bool, len(files))
	report := func(e entry, j *job, format string, args ...any) error {
		if reported[e.file] {
			return nil
		}
		reported[e.file] = true
		what, hint, err := claimant(s, j)
		if err != nil {
			return err
		}
		f := files[e.file]
		errs = append(errs, &diag.Diagnostic{File: source.Label(f.Path, f.Theme), Rule: "static",
			Msg: fmt.Sprintf(format, append(args, what)...), Hint: hint})
		return nil
	}
	for k := range gen {
		j := &gen[k]
		if j.static != nil {
			continue
		}
		if j.pageOf(s) == nil {
			if o, _ := s.Claim(j.out); o == nil {
				return fmt.Errorf("internal error: rokhdad generates %s, which is not in site.LangOutputs or site.SiteOutputs", j.out)
			}
		}
		if top, _, _ := strings.Cut(j.out, "/"); !tops[top] {
			continue // no static file in this folder: the usual case, one lookup
		}
		var err error
		if e, ok := static[j.out]; ok {
			if e.dir {
				err = report(e, j, "this static file would make %s a folder, but rokhdad generates it as %s", j.out)
			} else {
				err = report(e, j, "this static file would replace %s, which rokhdad generates as %s", j.out)
			}
		}
		for i := strings.LastIndexByte(j.out, '/'); err == nil && i > 0; i = strings.LastIndexByte(j.out[:i], '/') {
			if e, ok := static[j.out[:i]]; ok {
				if !e.dir {
					err = report(e, j, "this static file would stand where rokhdad needs the folder %s/ for %s, which it generates as %s", j.out[:i], j.out)
				}
				break
			}
		}
		if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// claimant says what a generated output is, and what to do about a static file in its way.
func claimant(s *site.Site, j *job) (what, hint string, err error) {
	if p := j.pageOf(s); p != nil {
		return fmt.Sprintf("the page of the article %s at %s", p.File, p.URL), "remove or rename the static file, or rename the article", nil
	}
	o, _ := s.Claim(j.out)
	if o == nil {
		return "", "", fmt.Errorf("internal error: rokhdad generates %s, which is not in site.LangOutputs or site.SiteOutputs", j.out)
	}
	what = o.What
	if o.Dir {
		what = "part of " + what
	}
	return what, "remove or rename the static file; " + o.Hint, nil
}
