package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/rokhdad/rokhdad/internal/newsite"
)

// runNewSite is `new site DIR [--lang fa,en]`: a site repository of one's own, made from the
// template in internal/newsite, in a new or empty folder, all files or none.
func runNewSite(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new site DIR [--lang fa,en]", stdout, stderr)
	var langs string
	fs.StringVar(&langs, "lang", "fa,en", "comma-separated `languages` of the site, the first being the default (known: "+strings.Join(newsite.Known(), ", ")+")")
	// Flags may come before or after DIR: new site news --lang en, new site --lang en news.
	var pos, flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		if (a == "--lang" || a == "-lang") && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if done, code := parse(fs, flags, stdout); done {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: rokhdad new site DIR [--lang fa,en]")
		return 2
	}
	dir := pos[0]
	codes, err := newsite.ParseLanguages(langs)
	if err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 2
	}
	if err := newsite.CheckEmpty(dir); err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 1
	}
	v := buildVersion()
	files, err := newsite.Prepare(newsite.Options{Languages: codes, Pin: v.Pin})
	if err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 1
	}
	if err := newsite.Write(dir, files); err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 1
	}
	if v.Pin == "" {
		fmt.Fprintln(stderr, "warning: this rokhdad was built without a version that go install can fetch (by go run, or from a modified tree), so .github/workflows/pages.yml installs rokhdad@latest; write a version there to pin it")
	}
	fmt.Fprintf(stdout, "created a site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", f.Path)
	}
	fmt.Fprintf(stdout, "Preview it with: cd %s && rokhdad serve\nPublish it: README.md says how (GitHub Settings → Pages → Source: GitHub Actions).\n", dir)
	return 0
}
