// Package bidi keeps Latin runs in the right order inside right-to-left text. In a Persian sentence
// the run "19:52 PST" is laid out by the Unicode bidi algorithm as "PST 19:52": the number, which
// has no direction of its own, sticks to the Persian before it. Isolating the run as one
// left-to-right unit fixes that: with <bdi dir="ltr"> in HTML (HTML), or with the invisible
// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE pair where no markup is possible (Text), such as
// <title>, attribute values and feeds.
//
// A run is two or more space-separated Latin tokens — words made of ASCII letters, digits of any
// script and the joiners : . , / - _ + % # @ & ٫ ٬ ٪ — that begins with a digit and holds a Latin
// letter: "19:52 PST", "503 Service Unavailable", "2 GB RAM". Runs that begin with a letter ("iOS
// 17", "GPT-4 Turbo") already read correctly and are left alone, as is everything else.
//
// Clean is the one rule for the invisible characters an editor may paste into a front matter
// string (content applies it to every title, summary, service, tag, image text and timeline text
// as it is loaded, so HTML, XML, JSON and the search index all get the same value): control
// characters other than tab and line feed are removed, and explicit bidi embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) are balanced — stray closers dropped, what is left open
// closed where its line or the string ends — so that no string can reverse or isolate the text
// around it. Balanced, correctly nested controls are kept as written, and LRM, RLM, ALM, ZWNJ and
// ZWJ are never touched. Problems lists what Clean changes, for rokhdad check.
package bidi

import (
	"strings"
	"unicode/utf8"
)

const (
	fsi = "\u2068"
	pdi = "\u2069"
)

// Text isolates runs in plain text with FSI … PDI.
func Text(s string) string {
	runs := findRuns(s, false)
	if len(runs) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 6*len(runs))
	last := 0
	for _, r := range runs {
		b.WriteString(s[last:r[0]])
		b.WriteString(fsi)
		b.WriteString(s[r[0]:r[1]])
		b.WriteString(pdi)
		last = r[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// skipped are elements whose content is never changed.
var skipped = []string{"pre", "code", "bdi", "script", "style", "textarea", "kbd", "samp", "svg", "math"}

// HTML isolates runs in the text of an HTML fragment with <bdi dir="ltr">. Tags, attribute values,
// comments and the content of pre, code, bdi, script, style, textarea, kbd, samp, svg and math are
// left as they are; a run never spans a tag.
func HTML(s string) string {
	var b strings.Builder
	changed := false
	last := 0
	depth := 0 // inside skipped elements
	i := 0
	for i < len(s) {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s)
			} else {
				j += i
			}
			if depth == 0 {
				for _, r := range findRuns(s[i:j], true) {
					if !changed {
						b.Grow(len(s) + 64)
						changed = true
					}
					b.WriteString(s[last : i+r[0]])
					b.WriteString(`<bdi dir="ltr">`)
					b.WriteString(s[i+r[0] : i+r[1]])
					b.WriteString(`</bdi>`)
					last = i + r[1]
				}
			}
			i = j
			continue
		}
		// A tag, comment or stray "<".
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		tag := s[i+1 : i+end]
		closing := strings.HasPrefix(tag, "/")
		name := strings.ToLower(strings.TrimPrefix(tag, "/"))
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		for _, sk := range skipped {
			if name == sk {
				if closing {
					if depth > 0 {
						depth--
					}
				} else if !strings.HasSuffix(tag, "/") {
					depth++
				}
				break
			}
		}
		i += end + 1
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// findRuns returns the byte ranges of the runs in text. With html, character references (&amp;)
// count as joiners.
func findRuns(s string, html bool) [][2]int {
	var runs [][2]int
	i := 0
	for i < len(s) {
		// Find the start of a token that begins with a digit, at a token boundary. Most of a page
		// is letters: skip to the next byte that can begin a digit (ASCII, or the lead byte of
		// U+06F0–U+06F9 and U+0660–U+0669) without decoding.
		if k := digitStart(s[i:]); k < 0 {
			break
		} else {
			i += k
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) || (i > 0 && !boundaryBefore(s, i)) {
			i += n
			continue
		}
		start := i
		end := start
		tokens := 0
		hasLetter := false
		j := start
		for {
			tEnd, letter := scanToken(s, j, html)
			if tEnd == j {
				break
			}
			tokens++
			hasLetter = hasLetter || letter
			end = tEnd
			// Continue over exactly one space to another token.
			if end < len(s) && s[end] == ' ' && end+1 < len(s) && s[end+1] != ' ' {
				if next, _ := scanToken(s, end+1, html); next > end+1 {
					j = end + 1
					continue
				}
			}
			break
		}
		end = trimTrailing(s, start, end)
		if tokens >= 2 && hasLetter && end > start {
			runs = append(runs, [2]int{start, end})
		}
		if end <= i {
			end = i + n
		}
		i = end
	}
	return runs
}

// scanToken returns the end of the Latin token starting at i (i when there is none) and whether it
// holds a Latin letter.
func scanToken(s string, i int, html bool) (int, bool) {
	j := i
	letter := false
	alnum := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			letter, alnum = true, true
		case isDigit(r):
			alnum = true
		case html && r == '&':
			k := strings.IndexByte(s[j:], ';')
			if k < 2 || k > 10 {
				return endOf(j, i, alnum), letter
			}
			n = k + 1
		case strings.ContainsRune(":./,-_+%#@&٫٬٪", r):
		default:
			return endOf(j, i, alnum), letter
		}
		j += n
	}
	return endOf(j, i, alnum), letter
}

func endOf(j, i int, alnum bool) int {
	if !alnum {
		return i
	}
	return j
}

// trimTrailing drops sentence punctuation from the end of a run.
func trimTrailing(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		if c == '.' || c == ',' || c == ':' || c == '-' || c == '/' || c == '_' || c == '+' || c == '#' || c == '@' {
			end--
			continue
		}
		if c == ';' { // a character reference ends in ";" and stays; a bare ";" is not a joiner anyway
			break
		}
		break
	}
	return end
}

// boundaryBefore reports whether a token may start at i: the previous rune is not part of a word.
func boundaryBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if isDigit(r) || r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
		return false
	}
	return !strings.ContainsRune(":./,-_+%#@&٫٬٪", r)
}

// digitStart returns the index of the first byte of s that may begin a digit, or -1.
func digitStart(s string) int {
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= '0' && c <= '9' || c == 0xDB || c == 0xD9 {
			return k
		}
	}
	return -1
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '۰' && r <= '۹' || r >= '٠' && r <= '٩'
}
