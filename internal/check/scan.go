package check

import (
	"strings"
	"unicode"
)

// sline is one line of a scanned text block: its runes, which of them are not prose (code, link
// destinations, URLs, HTML tags) and the links that start on it.
type sline struct {
	runes []rune
	skip  []bool // true: not prose, never checked or changed
	cr    bool   // the line ended in "\r\n"; the "\r" is not in runes
	links []mdLink
}

// mdLink is a Markdown link or image destination found in a body.
type mdLink struct {
	col   int // rune index of "[" (or "!" of an image) on the line
	dest  string
	image bool
}

func (l *sline) blank() bool {
	for _, r := range l.runes {
		if r != ' ' && r != '\t' {
			return false
		}
	}
	return true
}

func (l *sline) String() string {
	s := string(l.runes)
	if l.cr {
		s += "\r"
	}
	return s
}

// scan splits text into lines and marks what is not prose. inline is for a front matter string: no
// block constructs (fences, indented code, reference definitions), only inline code, links and URLs.
func scan(text string, inline bool) []*sline {
	raw := strings.Split(text, "\n")
	lines := make([]*sline, len(raw))
	var fenceChar rune
	fenceLen := 0
	prevBlank, prevCode, inList := true, false, false
	for i, s := range raw {
		l := &sline{}
		if strings.HasSuffix(s, "\r") {
			s, l.cr = s[:len(s)-1], true
		}
		l.runes = []rune(s)
		l.skip = make([]bool, len(l.runes))
		lines[i] = l
		if inline {
			scanInline(l, 0)
			continue
		}
		blank := l.blank()
		indent, start := indentOf(l.runes)
		// Fenced code: the fence lines and everything between them.
		if c, n := fenceOf(l.runes[start:]); fenceChar == 0 && n >= 3 {
			fenceChar, fenceLen = c, n
			markAll(l)
			prevBlank, prevCode = false, false
			continue
		} else if fenceChar != 0 {
			markAll(l)
			if c == fenceChar && n >= fenceLen && strings.TrimSpace(string(l.runes[start+n:])) == "" {
				fenceChar = 0
			}
			continue
		}
		if blank {
			prevBlank = true
			continue
		}
		// Indented code: four spaces after a blank line, outside lists.
		if indent >= 4 && (prevBlank || prevCode) && !inList {
			markAll(l)
			prevBlank, prevCode = false, true
			continue
		}
		if indent < 4 {
			if listItem(l.runes[start:]) {
				inList = true
			} else if indent == 0 && prevBlank {
				inList = false
			}
		}
		prevBlank, prevCode = false, false
		// A link reference definition: [label]: destination "title".
		if indent < 4 && start < len(l.runes) && l.runes[start] == '[' {
			j := start
			for j < len(l.runes) && l.runes[j] != ']' {
				j++
			}
			if j > start+1 && j+1 < len(l.runes) && l.runes[j+1] == ':' {
				rest := strings.TrimSpace(string(l.runes[j+2:]))
				dest, _, _ := strings.Cut(rest, " ")
				dest = strings.TrimSuffix(strings.TrimPrefix(dest, "<"), ">")
				l.links = append(l.links, mdLink{col: start, dest: dest})
				markAll(l)
				continue
			}
		}
		scanInline(l, start)
	}
	return lines
}

func markAll(l *sline) {
	for i := range l.skip {
		l.skip[i] = true
	}
}

func mark(l *sline, from, to int) {
	for i := from; i < to && i < len(l.skip); i++ {
		l.skip[i] = true
	}
}

// indentOf returns the indentation width (a tab counts 4) and the index of the first other rune.
func indentOf(r []rune) (width, start int) {
	for start < len(r) {
		switch r[start] {
		case ' ':
			width++
		case '\t':
			width += 4
		default:
			return width, start
		}
		start++
	}
	return width, start
}

// fenceOf returns the fence character and length when r starts with ``` or ~~~.
func fenceOf(r []rune) (rune, int) {
	if len(r) == 0 || (r[0] != '`' && r[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(r) && r[n] == r[0] {
		n++
	}
	if n < 3 {
		return 0, 0
	}
	return r[0], n
}

func listItem(r []rune) bool {
	if len(r) >= 2 && (r[0] == '-' || r[0] == '*' || r[0] == '+') && r[1] == ' ' {
		return true
	}
	i := 0
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(r) && (r[i] == '.' || r[i] == ')') && r[i+1] == ' '
}

// scanInline marks code spans, link destinations, autolinks, HTML tags and bare URLs on one line and
// records the links.
func scanInline(l *sline, from int) {
	r := l.runes
	var open []int // indexes of unmatched "[" (or of "!" before "[")
	for i := from; i < len(r); {
		c := r[i]
		switch {
		case c == '\\' && i+1 < len(r) && r[i+1] < 0x80 && unicode.IsPunct(r[i+1]):
			mark(l, i, i+2)
			i += 2
			continue
		case c == '`':
			n := run(r, i, '`')
			if j := closingTicks(r, i+n, n); j >= 0 {
				mark(l, i, j+n)
				i = j + n
			} else {
				mark(l, i, i+n)
				i += n
			}
			continue
		case c == '[':
			if i > 0 && r[i-1] == '!' && !l.skip[i-1] {
				open = append(open, -(i-1)-1) // negative: an image, at the "!"
			} else {
				open = append(open, i)
			}
		case c == ']' && i+1 < len(r) && r[i+1] == '(':
			dest, end := destination(r, i+2)
			if end < 0 {
				break
			}
			lk := mdLink{col: i, dest: dest}
			if n := len(open); n > 0 {
				o := open[n-1]
				open = open[:n-1]
				if o < 0 {
					lk.col, lk.image = -o-1, true
				} else {
					lk.col = o
				}
			}
			l.links = append(l.links, lk)
			mark(l, i+1, end+1)
			i = end + 1
			continue
		case c == '<':
			if end := tagEnd(r, i); end > 0 {
				mark(l, i, end+1)
				i = end + 1
				continue
			}
		case (c == 'h' || c == 'w') && (i == 0 || !isWordRune(r[i-1])):
			s := string(r[i:min(len(r), i+8)])
			if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "www.") {
				j := i
				for j < len(r) && !unicode.IsSpace(r[j]) && r[j] != '<' && r[j] != '»' {
					j++
				}
				for j > i && strings.ContainsRune("?!.,:;*_~)'\"", r[j-1]) {
					j--
				}
				mark(l, i, j)
				i = j
				continue
			}
		}
		i++
	}
}

func run(r []rune, i int, c rune) int {
	n := 0
	for i+n < len(r) && r[i+n] == c {
		n++
	}
	return n
}

// closingTicks finds a run of exactly n backticks at or after i.
func closingTicks(r []rune, i, n int) int {
	for i < len(r) {
		if r[i] == '`' {
			m := run(r, i, '`')
			if m == n {
				return i
			}
			i += m
			continue
		}
		i++
	}
	return -1
}

// destination reads a link destination starting at i (just after "(") and returns it with the index
// of the closing ")", or -1 when there is none on the line.
func destination(r []rune, i int) (string, int) {
	for i < len(r) && r[i] == ' ' {
		i++
	}
	start := i
	var dest string
	if i < len(r) && r[i] == '<' {
		for i < len(r) && r[i] != '>' {
			i++
		}
		if i == len(r) {
			return "", -1
		}
		dest = string(r[start+1 : i])
		i++
	} else {
		depth := 0
		for i < len(r) && !unicode.IsSpace(r[i]) {
			if r[i] == '(' {
				depth++
			} else if r[i] == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			i++
		}
		dest = string(r[start:i])
	}
	// Skip an optional title up to the closing parenthesis.
	var quote rune
	for ; i < len(r); i++ {
		switch {
		case quote != 0:
			if r[i] == quote {
				quote = 0
			}
		case r[i] == '"' || r[i] == '\'':
			quote = r[i]
		case r[i] == ')':
			return dest, i
		}
	}
	return "", -1
}

// tagEnd returns the index of the ">" closing an autolink or HTML tag that starts at i, or -1.
func tagEnd(r []rune, i int) int {
	if i+1 >= len(r) {
		return -1
	}
	n := r[i+1]
	if !(n < 0x80 && (unicode.IsLetter(n) || n == '/' || n == '!' || n == '?')) {
		return -1
	}
	for j := i + 1; j < len(r); j++ {
		if r[j] == '>' {
			return j
		}
		if r[j] == '<' {
			return -1
		}
	}
	return -1
}
