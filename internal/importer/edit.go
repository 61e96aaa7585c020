package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// editor changes a file by its lines as they were: lines inserted after a line, lines replaced.
// Every other byte stays, line ends included.
type editor struct {
	lines   []string // with their line ends
	inside  []bool   // the line starts inside a multi-line TOML string: it is text, never a comment
	eol     string   // the file's line end, for new lines
	after   map[int][]string
	replace map[int]string
}

func newEditor(src []byte) *editor {
	s := string(src)
	e := &editor{eol: "\n", after: map[int][]string{}, replace: map[int]string{}}
	if strings.Contains(s, "\r\n") {
		e.eol = "\r\n"
	}
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			e.lines = append(e.lines, s)
			break
		}
		e.lines = append(e.lines, s[:i+1])
		s = s[i+1:]
	}
	e.inside = multiline(e.lines)
	return e
}

// multiline reports for each line whether it starts inside a multi-line TOML string (three
// double or three single quotes), reading the strings, escapes and comments of the lines before it.
func multiline(lines []string) []bool {
	out := make([]bool, len(lines))
	open := "" // the delimiter of the multi-line string we are in, or ""
	for n, l := range lines {
		out[n] = open != ""
		for i := 0; i < len(l); {
			if open != "" {
				if open == `"""` && l[i] == '\\' {
					i += 2
					continue
				}
				if strings.HasPrefix(l[i:], open) {
					i += len(open)
					for i < len(l) && l[i] == open[0] { // up to two more quotes belong to the string
						i++
					}
					open = ""
					continue
				}
				i++
				continue
			}
			switch c := l[i]; {
			case c == '#':
				i = len(l) // a comment, to the end of the line
			case strings.HasPrefix(l[i:], `"""`) || strings.HasPrefix(l[i:], "'''"):
				open = l[i : i+3]
				i += 3
			case c == '"' || c == '\'':
				j := i + 1
				for j < len(l) && l[j] != c && l[j] != '\n' {
					if c == '"' && l[j] == '\\' {
						j++
					}
					j++
				}
				i = j + 1
			default:
				i++
			}
		}
	}
	return out
}

// comment reports whether line n is a TOML comment line (not text inside a string).
func (e *editor) comment(n int) bool {
	return n >= 1 && n <= len(e.lines) && !e.inside[n-1] && strings.HasPrefix(strings.TrimSpace(e.line(n)), "#")
}

// blank reports whether line n is empty outside any string.
func (e *editor) blank(n int) bool {
	return n >= 1 && n <= len(e.lines) && !e.inside[n-1] && strings.TrimSpace(e.line(n)) == ""
}

// line returns file line n (1-based) without its line end.
func (e *editor) line(n int) string {
	if n < 1 || n > len(e.lines) {
		return ""
	}
	return strings.TrimRight(e.lines[n-1], "\r\n")
}

// lastContent returns the last line of from…to that is neither blank nor a comment, or from.
func (e *editor) lastContent(from, to int) int {
	for n := to; n > from; n-- {
		if !e.blank(n) && !e.comment(n) {
			return n
		}
	}
	return from
}

// entryEnd returns the last line of the table whose header is line h and after which line next
// starts another table (or, last, closes the front matter): without the blank lines at its end,
// nor the comments right above the next table's header, which are about that table.
func (e *editor) entryEnd(h, next int, last bool) int {
	n := next - 1
	if !last {
		for n > h && e.comment(n) {
			n--
		}
	}
	for n > h && e.blank(n) {
		n--
	}
	return n
}

// beforeComments returns the first line of the comments written right above line n (n itself when
// there are none): they belong to what follows them.
func (e *editor) beforeComments(n int) int {
	for n > 1 && e.comment(n-1) {
		n--
	}
	return n
}

// insertAfter adds text (whole lines, with their ends) after line n; 0 is before the first line.
func (e *editor) insertAfter(n int, text string) {
	if n >= 1 && n <= len(e.lines) && !strings.HasSuffix(e.lines[n-1], "\n") {
		e.lines[n-1] += e.eol // the last line had no end
	}
	e.after[n] = append(e.after[n], text)
}

var valueRE = map[string]*regexp.Regexp{}

// setValue writes value as the value of the top-level key: in its line when it is written, else
// on a new line after the date's.
func (e *editor) setValue(root *tomldoc.Table, doc *tomldoc.Doc, key, value string, frontLine int, file string) error {
	if !root.Has(key) {
		at := doc.Pos("date").Line
		if at < frontLine {
			at = frontLine
		}
		e.insertAfter(at, key+" = "+value+e.eol)
		return nil
	}
	n := doc.Pos(key).Line
	re := valueRE[key]
	if re == nil {
		re = regexp.MustCompile(`^(\s*` + key + `\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*'|\d[0-9T:.+\-Zz ]*[0-9Zz])(.*)$`)
		valueRE[key] = re
	}
	l := e.line(n)
	m := re.FindStringSubmatchIndex(l)
	if m == nil {
		return fmt.Errorf("%s:%d: cannot set %s here; write it on one line, as %s = %s", file, n, key, key, value)
	}
	old := l[m[4]:m[5]]
	if strings.HasPrefix(old, `"`) && !strings.HasPrefix(value, `"`) {
		value = quote(value) // lastmod written as a string stays one
	}
	e.replace[n] = l[:m[4]] + value + l[m[5]:] + e.lines[n-1][len(l):]
	return nil
}

// bytes returns the file with the edits.
func (e *editor) bytes() []byte {
	var b strings.Builder
	for _, t := range e.after[0] {
		b.WriteString(t)
	}
	for i, l := range e.lines {
		if r, ok := e.replace[i+1]; ok {
			l = r
		}
		b.WriteString(l)
		for _, t := range e.after[i+1] {
			b.WriteString(t)
		}
	}
	return []byte(b.String())
}
