package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/check"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/linkcheck"
)

// checkFinding is one finding in --format json.
type checkFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [-s DIR] [--format text|json] [--strict] [--drafts] [--fix]\n       rokhdad check --output DIR [--baseURL URL] [--format text|json]", stdout, stderr)
	var src, format, output, base string
	var strict, drafts, fix bool
	fs.StringVar(&src, "source", ".", "the site's folder `DIR`")
	alias(fs, "s", "source")
	fs.StringVar(&format, "format", "text", "print the findings as `text|json`")
	fs.BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	fs.BoolVar(&drafts, "drafts", false, "include articles with draft = true")
	alias(fs, "D", "drafts")
	alias(fs, "buildDrafts", "drafts")
	fs.BoolVar(&fix, "fix", false, "apply the safe typography fixes to the Markdown files, then check again")
	fs.StringVar(&output, "output", "", "check the links of a built folder `DIR` instead, as served under the base URL")
	fs.StringVar(&base, "baseURL", "", "base `URL` the --output tree is served under (default: site.toml's)")
	alias(fs, "b", "baseURL")
	if done, code := parse(fs, args, stdout); done {
		return code
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "rokhdad check: --format must be text or json, not %q\n", format)
		return 2
	}
	if output != "" {
		list, err := checkOutput(src, output, base)
		if err != nil {
			report(stderr, err)
			return 1
		}
		return printFindings(stdout, stderr, list, format, strict)
	}
	o := check.Options{Source: src, Drafts: drafts, Theme: rokhdad.Theme}
	if fix {
		changes, err := check.FixSite(o)
		log := stdout
		if format == "json" {
			log = stderr // keep stdout a JSON document
		}
		for _, c := range changes {
			fmt.Fprintln(log, c.String())
		}
		if err != nil {
			report(stderr, err)
			return 1
		}
	}
	list, err := check.Site(o)
	if err != nil {
		report(stderr, err)
		return 1
	}
	return printFindings(stdout, stderr, list, format, strict)
}

// checkOutput crawls a built tree: every internal link, fragment or asset that does not resolve
// under the base URL is an error naming the page and the link.
func checkOutput(src, output, base string) (diag.List, error) {
	var u *url.URL
	if base != "" {
		var err error
		if u, err = config.ParseBaseURL(base); err != nil {
			return nil, err
		}
	} else {
		cfg, err := config.Load(src)
		if err != nil {
			return nil, fmt.Errorf("--output needs the base URL the tree is served under: give --baseURL, or run in the site directory (%v)", err)
		}
		u = cfg.BaseURL
	}
	if st, err := os.Stat(output); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--output %s is not a directory of a built site", output)
	}
	problems, err := linkcheck.Check(output, u)
	if err != nil {
		return nil, err
	}
	var list diag.List
	for _, p := range problems {
		list = append(list, &diag.Diagnostic{File: filepath.ToSlash(filepath.Join(output, p.Page)), Rule: "link",
			Msg: fmt.Sprintf("broken link %q: %s", p.Link, p.Reason), Hint: "fix the link or the page it points at"})
	}
	return list, nil
}

// printFindings writes the findings as text or JSON and returns the exit code.
func printFindings(stdout, stderr io.Writer, list diag.List, format string, strict bool) int {
	list.Sort()
	errs := len(list.Errors())
	warns := len(list) - errs
	if format == "json" {
		out := make([]checkFinding, 0, len(list))
		for _, d := range list {
			out = append(out, checkFinding{File: d.File, Line: d.Line, Col: d.Col, Severity: d.Severity.String(),
				Rule: d.Rule, Message: d.Msg, Hint: d.Hint})
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			report(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, string(b))
	} else {
		for _, d := range list {
			fmt.Fprintln(stdout, formatFinding(d))
		}
		fmt.Fprintf(stdout, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	}
	if errs > 0 || (strict && warns > 0) {
		return 1
	}
	return 0
}

// formatFinding writes path:line:col: severity: message [rule] (hint).
func formatFinding(d *diag.Diagnostic) string {
	var b strings.Builder
	if p := d.Pos(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(strings.TrimSpace(d.Msg))
	if d.Rule != "" {
		b.WriteString(" [" + d.Rule + "]")
	}
	if d.Hint != "" {
		b.WriteString(" (" + d.Hint + ")")
	}
	return b.String()
}

// plural writes "1 error", "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
