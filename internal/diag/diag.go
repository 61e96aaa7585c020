// Package diag carries positioned diagnostics: an error or warning that names a file, a line and a
// column, the field or rule concerned, what is wrong, and what to do about it. Every stage of rokhdad
// reports through it so that editors always get "file:line:col: message" and a fix hint.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build.
	Error Severity = iota
	// Warning is reported by check but does not stop build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one finding at one place in one file.
type Diagnostic struct {
	File     string   // path as the editor knows it, relative to the site directory where possible
	Line     int      // 1-based; 0 when unknown
	Col      int      // 1-based; 0 when unknown
	Severity Severity // Error unless said otherwise
	Rule     string   // short rule or field name, e.g. "frontmatter", "timeline", "title"
	Msg      string   // what is wrong
	Hint     string   // what to do; may be empty
}

// Pos formats the position as file:line:col, leaving out what is unknown.
func (d *Diagnostic) Pos() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	return b.String()
}

func (d *Diagnostic) Error() string {
	var b strings.Builder
	if p := d.Pos(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Errorf makes an error diagnostic.
func Errorf(file string, line, col int, rule, hint, format string, args ...any) *Diagnostic {
	return &Diagnostic{File: file, Line: line, Col: col, Rule: rule, Hint: hint, Msg: fmt.Sprintf(format, args...)}
}

// QuoteMax is how many characters of a value the user wrote a message quotes.
const QuoteMax = 40

// Quote quotes a value the user wrote, for a message, as %q does; a value longer than QuoteMax
// characters is cut there and its length told, as in "2023-11-07 19:52 and then"… (8000 characters),
// so that a pasted paragraph never buries the message. Every message that quotes user input goes
// through it.
func Quote(s string) string {
	if len(s) <= QuoteMax { // bytes ≥ characters: short enough
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == QuoteMax {
			return strconv.Quote(s[:i]) + "… (" + strconv.Itoa(utf8.RuneCountInString(s)) + " characters)"
		}
		n++
	}
	return strconv.Quote(s)
}

// List is a set of diagnostics; as an error it reports all of them, sorted by position.
type List []*Diagnostic

func (l List) Error() string {
	l.Sort()
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.Error()
	}
	return strings.Join(parts, "\n")
}

// Sort orders the list by file, line and column.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Errors returns only the diagnostics that stop the build.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list's errors as an error, or nil when there are none.
func (l List) Err() error {
	if e := l.Errors(); len(e) > 0 {
		return e
	}
	return nil
}

// Flatten turns any error into diagnostics: a *Diagnostic or List as they are, anything else as one
// diagnostic without a position.
func Flatten(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return List{d}
	}
	return List{{Msg: err.Error()}}
}

// Suggest returns the candidate closest to s when it is close enough to be a likely typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := Distance(strings.ToLower(s), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if n := len([]rune(s)); n > 6 {
		limit = 3
	}
	if bestDist >= 0 && bestDist <= limit {
		return best
	}
	return ""
}

// Distance is the Damerau–Levenshtein (optimal string alignment) distance between a and b, in runes:
// an insertion, a deletion, a change or a swap of two neighbouring letters is one edit.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
