// Package cli is rokhdad's command line: it parses flags, runs one command and turns errors into
// messages and an exit code. Each command lives in its own file.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a directory", runBuild},
		{"new", "create an article in every language (new incident NAME) or a site (new site DIR)", runNew},
		{"serve", "build into memory, serve on localhost and rebuild on changes", runServe},
		{"check", "report what build would reject, plus warnings, without writing anything", runCheck},
		{"import", "import a status page's incidents as articles, or bring them up to date (import statuspage SOURCE)", runImport},
		{"version", "print the version", runVersion},
	}
}

const usageHead = `rokhdad builds a bilingual incident news site from Markdown.

Usage:
  rokhdad <command> [flags]

Commands:
`

func usage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	for _, c := range commands() {
		summary := c.summary
		for a, name := range commandAliases {
			if name == c.name {
				summary += " (also: " + a + ")"
			}
		}
		fmt.Fprintf(w, "  %-9s %s\n", c.name, summary)
	}
	fmt.Fprint(w, "\nRun 'rokhdad <command> --help' for a command's flags.\n")
}

// Run runs the command line args (without the program name) and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" { // rokhdad help serve
			return Run([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	case "-version", "--version":
		return runVersion(nil, stdout, stderr)
	}
	name := args[0]
	if a, ok := commandAliases[name]; ok {
		name = a
	}
	var names []string
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
		names = append(names, c.name)
	}
	for a := range commandAliases {
		names = append(names, a)
	}
	sort.Strings(names)
	if strings.HasPrefix(name, "-") {
		fmt.Fprintf(stderr, "rokhdad: a command comes first, before flags such as %s\n\n", name)
	} else if n := nearest(name, names); n != "" {
		fmt.Fprintf(stderr, "rokhdad: unknown command %q (did you mean %s?)\n\n", name, n)
	} else {
		fmt.Fprintf(stderr, "rokhdad: unknown command %q\n\n", name)
	}
	usage(stderr)
	return 2
}

// newFlags makes a flag set whose --help prints the command's usage to stdout and exits 0.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: rokhdad %s\n", synopsis)
		if len(flagNames(fs)) > 0 {
			fmt.Fprint(out, "\nFlags:\n")
			printFlags(out, fs)
		}
	}
	return fs
}

// parse parses flags; it returns done=true with the exit code when the command should stop (help or
// a flag error).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (done bool, code int) {
	// Asked-for help goes to stdout, once; the flag package would print it to stderr first.
	// Errors are reported here, in the usage lines' spelling, not by the flag package.
	errOut := fs.Output()
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(errOut)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return true, 0
	}
	if err != nil {
		fmt.Fprintf(errOut, "rokhdad %s: %s\nRun 'rokhdad %s --help' for its flags.\n", fs.Name(), flagError(fs, err), fs.Name())
		return true, 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "rokhdad %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return true, 2
	}
	return false, 0
}

// report prints an error: every diagnostic on its own line.
func report(w io.Writer, err error) {
	for _, d := range diag.Flatten(err) {
		msg := d.Error()
		fmt.Fprintln(w, "error: "+strings.TrimSpace(msg))
	}
}
