package bidi

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Explicit directional formatting characters (UAX #9, table 4).
const (
	lre  = '\u202a' // LEFT-TO-RIGHT EMBEDDING
	rle  = '\u202b' // RIGHT-TO-LEFT EMBEDDING
	pdf  = '\u202c' // POP DIRECTIONAL FORMATTING
	lro  = '\u202d' // LEFT-TO-RIGHT OVERRIDE
	rlo  = '\u202e' // RIGHT-TO-LEFT OVERRIDE
	lri  = '\u2066' // LEFT-TO-RIGHT ISOLATE
	rli  = '\u2067' // RIGHT-TO-LEFT ISOLATE
	fsiR = '\u2068' // FIRST STRONG ISOLATE
	pdiR = '\u2069' // POP DIRECTIONAL ISOLATE
)

// Fix says what Clean does to one character.
type Fix uint8

const (
	Removed  Fix = iota + 1 // a control character, dropped
	Stray                   // a PDF or PDI that closes nothing, dropped
	Unclosed                // an embedding, override or isolate left open, closed where its line, string or isolate ends
)

// Problem is one character of a string that Clean changes.
type Problem struct {
	Offset int  // byte offset of the character in the string given to Problems
	Rune   rune // the character
	Fix    Fix
}

// Clean returns s made safe to put next to other text in any output, by one rule, so that HTML,
// XML and JSON all carry the same value:
//
//   - Control characters are removed: U+0000–U+001F except tab and line feed (carriage return
//     included), U+007F and U+0080–U+009F. No output can show them, XML 1.0 cannot hold most of
//     them, and HTML and JSON would carry them differently.
//   - Explicit bidi controls are balanced, as the Unicode bidi algorithm itself pairs them (UAX #9
//     BD9, X6a, X7): a PDF (U+202C) that closes no embedding or override (LRE, RLE, LRO, RLO,
//     U+202A–U+202E) opened in the same isolate, and a PDI (U+2069) that closes no isolate (LRI,
//     RLI, FSI, U+2066–U+2068), are removed; an embedding still open at the PDI of its isolate gets
//     its PDF just before that PDI; and whatever is still open where a line (line feed or U+2029)
//     or the string ends is closed there, innermost first.
//
// The string therefore looks exactly as it does alone — the bidi algorithm ignores a stray PDF or
// PDI and closes everything at a paragraph's end anyway — but nothing in it reaches past its end
// into the <title> suffix, the next attribute or the rest of a feed line. Balanced, correctly nested
// controls are kept as written; LRM, RLM and ALM (U+200E, U+200F, U+061C), ZWNJ and ZWJ (U+200C,
// U+200D), which Persian text needs, are never touched. Invalid UTF-8 is left as it is (content
// rejects it before). Clean returns s itself, without allocating, when there is nothing to change.
func Clean(s string) string {
	if !suspect(s) {
		return s
	}
	var b strings.Builder
	changed := false
	walk(s, func(i, j int, add string, p Problem) {
		if !changed {
			if p.Fix == 0 {
				return
			}
			changed = true
			b.Grow(len(s) + 8)
			b.WriteString(s[:i])
		}
		switch p.Fix {
		case 0:
			b.WriteString(s[i:j])
		case Unclosed:
			b.WriteString(add)
		}
	})
	if !changed {
		return s
	}
	return b.String()
}

// Problems returns what Clean changes in s, in the order of the characters concerned, or nil.
func Problems(s string) []Problem {
	if !suspect(s) {
		return nil
	}
	var out []Problem
	walk(s, func(_, _ int, _ string, p Problem) {
		if p.Fix != 0 {
			out = append(out, p)
		}
	})
	// Closers are added where a line ends, after the characters that follow their opener: report
	// them in the order of the openers.
	slices.SortStableFunc(out, func(a, b Problem) int { return cmp.Compare(a.Offset, b.Offset) })
	return out
}

// suspect reports whether s may hold a character Clean changes: a control character or an explicit
// bidi control. It looks at bytes only, one table lookup for each.
func suspect(s string) bool {
	for i := 0; i < len(s); i++ {
		if !leads[s[i]] {
			continue
		}
		switch s[i] {
		case 0xc2: // U+0080–U+00BF: C1 controls are U+0080–U+009F
			if i+1 < len(s) && s[i+1] < 0xa0 {
				return true
			}
		case 0xe2: // U+2000–U+2FFF: U+202A–U+202E, U+2066–U+2069
			if i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xaa && s[i+2] <= 0xae ||
				s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9) {
				return true
			}
		default: // C0 and DEL
			return true
		}
	}
	return false
}

// leads are the bytes that are, or may begin, a character Clean changes.
var leads = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n'
	}
	t[0x7f], t[0xc2], t[0xe2] = true, true, true
	return t
}()

// walk reads s and calls emit for each piece of the clean string: s[i:j] kept as it is (p.Fix 0),
// a character dropped (Removed, Stray: nothing written), or a closer add written for an opener
// (Unclosed, i == j at the place it goes).
func walk(s string, emit func(i, j int, add string, p Problem)) {
	type open struct {
		r   rune
		off int
	}
	var stack []open
	closeAbove := func(at, n int) { // closes stack[n:], innermost first
		for k := len(stack) - 1; k >= n; k-- {
			o := stack[k]
			c := string(pdf)
			if o.r >= lri {
				c = string(pdiR)
			}
			emit(at, at, c, Problem{o.off, o.r, Unclosed})
		}
		stack = stack[:n]
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f:
			emit(i, j, "", Problem{i, r, Removed})
		case r == '\n' || r == '\u2029':
			closeAbove(i, 0)
			emit(i, j, "", Problem{})
		case r == lre || r == rle || r == lro || r == rlo || r == lri || r == rli || r == fsiR:
			stack = append(stack, open{r, i})
			emit(i, j, "", Problem{})
		case r == pdf:
			if k := len(stack) - 1; k >= 0 && stack[k].r < lri {
				stack = stack[:k]
				emit(i, j, "", Problem{})
			} else {
				emit(i, j, "", Problem{i, r, Stray})
			}
		case r == pdiR:
			k := len(stack) - 1
			for k >= 0 && stack[k].r < lri {
				k--
			}
			if k < 0 {
				emit(i, j, "", Problem{i, r, Stray})
				break
			}
			closeAbove(i, k+1)
			stack = stack[:k]
			emit(i, j, "", Problem{})
		default:
			emit(i, j, "", Problem{})
		}
		i = j
	}
	closeAbove(len(s), 0)
}

// Name is the Unicode name of a character Clean changes, for messages: "U+202E RIGHT-TO-LEFT
// OVERRIDE", "U+0007 (a control character)".
func Name(r rune) string {
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, n)
	}
	return fmt.Sprintf("U+%04X (a control character)", r)
}

var names = map[rune]string{
	lre: "LEFT-TO-RIGHT EMBEDDING", rle: "RIGHT-TO-LEFT EMBEDDING", pdf: "POP DIRECTIONAL FORMATTING",
	lro: "LEFT-TO-RIGHT OVERRIDE", rlo: "RIGHT-TO-LEFT OVERRIDE", lri: "LEFT-TO-RIGHT ISOLATE",
	rli: "RIGHT-TO-LEFT ISOLATE", fsiR: "FIRST STRONG ISOLATE", pdiR: "POP DIRECTIONAL ISOLATE",
}
