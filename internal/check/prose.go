package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/markdown"
)

// sline is one line of a checked text block: its runes, and which of them are not prose (code,
// link destinations, HTML tags, URLs), never checked or changed.
type sline struct {
	runes []rune
	skip  []bool // true: not prose
	cr    bool   // the line ended in "\r\n"; the "\r" is not in runes
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

// word is a maximal run of prose word runes on a line.
type word struct{ start, end int }

func words(l *sline) []word {
	var out []word
	r := l.runes
	for i := 0; i < len(r); {
		if l.skip[i] || !isWordRune(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && !l.skip[j] && isWordRune(r[j]) {
			j++
		}
		out = append(out, word{i, j})
		i = j
	}
	return out
}

// prevProse returns the index of the last letter or digit before i, looking through spaces, emphasis
// and closing marks and over link destinations, or -1. Code and URLs stop it: they are not Persian.
func prevProse(l *sline, i int) int {
	r := l.runes
	j := i - 1
	for j >= 0 {
		switch {
		case l.skip[j]:
			k := j
			for k >= 0 && l.skip[k] {
				k--
			}
			if k < 0 || r[k] != ']' || r[k+1] != '(' {
				return -1
			}
			j = k
		case strings.ContainsRune(" \t*_~)]»\"'", r[j]):
			j--
		default:
			return j
		}
	}
	return -1
}

// proseOf returns the layout of text: an article body, or a front matter string, in which Markdown
// has no blocks (markdown.InlineProse).
func proseOf(text string, kind textKind) markdown.Layout {
	if kind.inline() {
		return markdown.InlineProse([]byte(text))
	}
	return markdown.Prose([]byte(text))
}

// proseOf returns the layout of the checked text b of the article, parsing the body only once.
func (a *article) proseOf(b block) markdown.Layout {
	if b.kind.inline() {
		return proseOf(a.src[b.start:b.end], b.kind)
	}
	if a.body == nil {
		lo := proseOf(a.src[b.start:b.end], b.kind)
		a.body = &lo
	}
	return *a.body
}

// textLines splits text into lines and marks what is not prose as goldmark's tree has it (lo, its
// layout), and bare URLs: Markdown reads them as prose, but typography must not change them.
func textLines(text string, lo markdown.Layout) []*sline {
	gaps := notProse(lo.Prose, len(text))
	raw := strings.Split(text, "\n")
	out := make([]*sline, len(raw))
	off := 0 // of the line in text
	for n, s := range raw {
		next := off + len(s) + 1
		l := &sline{}
		if strings.HasSuffix(s, "\r") {
			s, l.cr = s[:len(s)-1], true
		}
		l.runes = []rune(s)
		l.skip = make([]bool, len(l.runes))
		for len(gaps) > 0 && gaps[0].Stop <= off {
			gaps = gaps[1:]
		}
		for _, g := range gaps {
			if g.Start >= off+len(s) {
				break
			}
			from, to := max(g.Start, off)-off, min(g.Stop, off+len(s))-off
			i := utf8.RuneCountInString(s[:from])
			for k := range utf8.RuneCountInString(s[from:to]) {
				l.skip[i+k] = true
			}
		}
		markURLs(l)
		markBrokenLinks(l)
		out[n] = l
		off = next
	}
	return out
}

// notProse returns the runs of text[:n] between the prose segments.
func notProse(prose []markdown.Segment, n int) []markdown.Segment {
	var out []markdown.Segment
	at := 0
	for _, p := range prose {
		if p.Start > at {
			out = append(out, markdown.Segment{Start: at, Stop: p.Start})
		}
		at = p.Stop
	}
	if at < n {
		out = append(out, markdown.Segment{Start: at, Stop: n})
	}
	return out
}

// markBrokenLinks marks what follows "](" up to its ")" in the prose of a line: a link destination
// that Markdown did not read as one (a space in it, say). Fixing the text there could make it one.
func markBrokenLinks(l *sline) {
	r := l.runes
	for i := 1; i < len(r); i++ {
		if l.skip[i] || r[i] != '(' || r[i-1] != ']' {
			continue
		}
		j := i + 1
		for j < len(r) && r[j] != ')' { // through what is already not prose, such as a URL in it
			j++
		}
		for k := i; k < j; k++ {
			l.skip[k] = true
		}
		i = j
	}
}

// markURLs marks the bare URLs (http://, https://, www.) that start in the prose of a line, up to
// white space, "<" or "»", without the punctuation that ends a sentence around them.
func markURLs(l *sline) {
	r := l.runes
	for i := 0; i < len(r); i++ {
		if l.skip[i] || r[i] != 'h' && r[i] != 'w' || i > 0 && isWordRune(r[i-1]) {
			continue
		}
		s := string(r[i:min(len(r), i+8)])
		if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "www.") {
			continue
		}
		j := i
		for j < len(r) && !unicode.IsSpace(r[j]) && r[j] != '<' && r[j] != '»' {
			j++
		}
		for j > i && strings.ContainsRune("?!.,:;*_~)'\"", r[j-1]) {
			j--
		}
		for k := i; k < j; k++ {
			l.skip[k] = true
		}
		i = j - 1 // j > i: the prefix is never trimmed
	}
}

// lineCol returns the line (0 for the first) and the column in runes (0 for the first) of byte
// offset off of text.
func lineCol(text string, off int) (n, col int) {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return strings.Count(text[:start], "\n"), utf8.RuneCountInString(text[start:off])
}
