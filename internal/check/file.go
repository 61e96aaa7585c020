package check

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// block is a piece of an article file that is checked as text: the body, or the inside of a front
// matter string (title, summary, a timeline entry's text).
type block struct {
	start, end int // byte offsets in the file
	line, col  int // position of start; col in runes
	kind       textKind
}

// textKind is what a block of checked text is.
type textKind uint8

const (
	markdownBody textKind = iota // the article's body: Markdown with blocks
	tomlLiteral                  // a front matter string in '…' or '''…''': inline Markdown, no escapes
	tomlBasic                    // in "…" or """…""": inline Markdown, where \" is a quotation mark
)

// inline reports whether the text is a front matter string, in which Markdown has no blocks.
func (k textKind) inline() bool { return k != markdownBody }

// layout is where the checked text of an article file is.
type layout struct {
	blocks     []block // front matter strings, then the body; ordered by offset
	body       *block  // nil when the front matter is not closed
	statusLine int     // line of the article's status key, or 0
}

var (
	textKey   = regexp.MustCompile(`^[ \t]*(title|summary|text|image_alt|image_credit)[ \t]*=[ \t]*`)
	listKey   = regexp.MustCompile(`^[ \t]*(services|tags)[ \t]*=[ \t]*\[`)
	statusKey = regexp.MustCompile(`^[ \t]*status[ \t]*=`)
)

// splitFile finds the checked text of an article file as written (BOM, CRLF and all), so that fixes can
// be made in place.
func splitFile(src string) layout {
	var lo layout
	off := 0
	if strings.HasPrefix(src, "\ufeff") {
		off = len("\ufeff")
	}
	line := 1
	nextLine := func() (string, int, bool) { // the line at off, its start, and whether there is one
		if off > len(src) {
			return "", 0, false
		}
		start := off
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			off = len(src) + 1
			return src[start:], start, true
		}
		off += end + 1
		return src[start : start+end], start, true
	}
	first, _, ok := nextLine()
	if !ok || strings.TrimRight(first, " \t\r") != "+++" {
		return lo
	}
	inTable := false
	for {
		line++
		l, start, ok := nextLine()
		if !ok {
			return lo
		}
		if strings.TrimRight(l, " \t\r") == "+++" {
			b := block{start: min(off, len(src)), end: len(src), line: line + 1, col: 1}
			lo.blocks = append(lo.blocks, b)
			lo.body = &lo.blocks[len(lo.blocks)-1]
			return lo
		}
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			inTable = true
		}
		if !inTable && lo.statusLine == 0 && statusKey.MatchString(l) {
			lo.statusLine = line
		}
		if m := listKey.FindStringIndex(l); m != nil {
			bs, endLine := stringList(src, start+m[1], line)
			lo.blocks = append(lo.blocks, bs...)
			for ; line < endLine; line++ {
				nextLine()
			}
			continue
		}
		m := textKey.FindStringIndex(l)
		if m == nil {
			continue
		}
		vs := start + m[1] // the value's first byte in src
		b, endLine, ok := stringValue(src, vs)
		if !ok {
			continue
		}
		b.line = line
		b.col = utf8.RuneCountInString(src[start:b.start]) + 1
		lo.blocks = append(lo.blocks, b)
		// A multi-line string: skip the lines it covers.
		for end := line + endLine; line < end; line++ {
			nextLine()
		}
	}
}

// stringList reads the strings of a TOML array whose "[" ends just before src[i], on file line
// line, and returns a block for each and the line of the closing "]" (line when there is none).
func stringList(src string, i, line int) ([]block, int) {
	var out []block
	for i < len(src) {
		switch c := src[i]; {
		case c == ']':
			return out, line
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == ',':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			b, n, ok := stringValue(src, i)
			if !ok || n > 0 {
				return out, line // not a list of one-line strings: leave the rest alone
			}
			ls := strings.LastIndexByte(src[:b.start], '\n') + 1
			b.line, b.col = line, utf8.RuneCountInString(src[ls:b.start])+1
			out = append(out, b)
			i = b.end + 1
		default:
			return out, line
		}
	}
	return out, line
}

// stringValue reads the TOML string starting at src[i] and returns the block of its contents and the
// line offset (relative) of its end: 0 when it ends on the line it starts.
func stringValue(src string, i int) (block, int, bool) {
	delim := ""
	for _, d := range []string{`"""`, `'''`, `"`, `'`} {
		if strings.HasPrefix(src[i:], d) {
			delim = d
			break
		}
	}
	if delim == "" {
		return block{}, 0, false
	}
	kind := tomlLiteral
	if delim[0] == '"' {
		kind = tomlBasic
	}
	start := i + len(delim)
	multi := len(delim) == 3
	for j := start; j < len(src); j++ {
		c := src[j]
		if c == '\\' && delim[0] == '"' {
			j++
			continue
		}
		if c == '\n' && !multi {
			return block{}, 0, false
		}
		if strings.HasPrefix(src[j:], delim) {
			return block{start: start, end: j, kind: kind}, strings.Count(src[start:j], "\n"), true
		}
	}
	return block{}, 0, false
}

// fixFile applies the typography fixes to every checked block of an article file.
func fixFile(file, src string, st *Style) (string, []Change) {
	lo := splitFile(src)
	var all []Change
	blocks := append([]block(nil), lo.blocks...)
	sort.Slice(blocks, func(i, j int) bool { return blocks[i].start > blocks[j].start }) // from the end
	for _, b := range blocks {
		fixed, changes := fixBlock(src[b.start:b.end], b.line, b.col, b.kind, st)
		if len(changes) == 0 {
			continue
		}
		src = src[:b.start] + fixed + src[b.end:]
		for i := range changes {
			changes[i].File = file
		}
		all = append(all, changes...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Line != all[j].Line {
			return all[i].Line < all[j].Line
		}
		return all[i].Col < all[j].Col
	})
	return src, all
}
