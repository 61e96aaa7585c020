// Package bidi keeps Latin runs in the right order inside right-to-left text, where the Unicode
// bidi algorithm alone would not, and leaves alone the text it already orders right.
//
// In a Persian sentence a number has no direction of its own: it sticks to the Persian before it
// and is read in the sentence's order, right to left. That is what a Persian reader expects of a
// count or a number before a Latin word: «نسخهٔ ۳ SDK» reads نسخهٔ → ۳ → SDK, «۵ GB» reads ۵ → GB,
// «خطای ۵۰۳ Service Unavailable» reads خطای → ۵۰۳ → Service Unavailable, and a range «۱۰–۱۲» or a
// percentage «۹۹٫۹٪» is laid out as Persian typesetting does. A run that begins with a Latin letter
// ("SDK ۳", "iOS 17", "v1.2.3", "GPT-4 Turbo") takes its numbers with it and reads left to right.
// None of these is changed: isolating "۳ SDK" as one left-to-right unit would show SDK before the
// ۳ to a reader going right to left, the opposite of what was written.
//
// A clock time with a zone abbreviation or AM/PM is different: "19:52 PST" is one unit of Latin
// notation, time then zone, and the default order would show it as "PST 19:52". Such a unit is
// isolated as one left-to-right run: with <bdi dir="ltr"> in HTML (HTML), or with the invisible
// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE pair where no markup is possible (Text), such as
// <title>, attribute values and feeds. A unit is, at a token start, in digits of any of the ASCII,
// Persian and Arabic-Indic scripts, with one space (U+0020, U+00A0, U+202F or &nbsp;) between
// its parts:
//
//	[date] clock [meridiem] [zone]
//
// with a meridiem or a zone, or both, where
//
//   - date: three groups of one to four digits joined by "-", "/" or ".": 2023-11-08, 8/11/2023;
//   - clock: H:MM or H:MM:SS (hour 0–24, minute 0–59, second 0–60), or a bare hour 1–12 when a
//     meridiem follows: 19:52, ۱۹:۵۲:۰۵, 7 (in "7 AM");
//   - meridiem: AM, PM, am, pm, a.m., p.m., A.M., P.M. (after an hour 1–12);
//   - zone: one of the zone abbreviations in zones (PST, UTC, CET, IRST, …; uppercase, whole
//     word), and UTC, GMT or UT may carry an offset: UTC+3:30, GMT-8.
//
// "19:52 PST", "۷:۳۰ p.m. PST", "2023-11-08 19:52 UTC" and "7 AM" are units; "۱۰:۳۰ API" (a time,
// then the subject of the sentence) and "۵ GB" (a count and a unit of measure) are not. A unit
// never spans a tag.
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

	"github.com/rokhdad/rokhdad/internal/digits"
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

// findRuns returns the byte ranges of the time units in text (see the package doc). With html,
// &nbsp; counts as a space.
func findRuns(s string, html bool) [][2]int {
	var runs [][2]int
	i := 0
	for i < len(s) {
		// Most of a page is letters: skip to the next byte that can begin a digit (ASCII, or the
		// lead byte of U+06F0–U+06F9 and U+0660–U+0669) without decoding.
		if k := digits.Index(s[i:]); k < 0 {
			break
		} else {
			i += k
		}
		_, n := digits.At(s, i)
		if n == 0 || (i > 0 && !boundaryBefore(s, i)) {
			i++
			continue
		}
		if end := timeUnit(s, i, html); end > i {
			runs = append(runs, [2]int{i, end})
			i = end
			continue
		}
		i += n
	}
	return runs
}

// timeUnit returns the end of the time unit that starts at s[i], or i when none does.
func timeUnit(s string, i int, html bool) int {
	j := i
	if e := dateToken(s, i); e > i {
		sp := space(s, e, html)
		if sp == 0 {
			return i
		}
		j = e + sp
	}
	e, hour, minutes := clockToken(s, j)
	if e == j {
		return i
	}
	end := 0
	if sp := space(s, e, html); sp > 0 && hour >= 1 && hour <= 12 {
		if m := meridiem(s, e+sp); m > 0 {
			e += sp + m
			end = e
		}
	}
	if !minutes && end == 0 {
		return i
	}
	if sp := space(s, e, html); sp > 0 {
		if z := zone(s, e+sp); z > 0 {
			end = e + sp + z
		}
	}
	if end == 0 {
		return i
	}
	return end
}

// digitRun returns the end of the run of at most max digits at s[i] and its value.
func digitRun(s string, i, max int) (end, val int) {
	end = i
	for k := 0; k < max && end < len(s); k++ {
		v, n := digits.At(s, end)
		if n == 0 {
			break
		}
		val = val*10 + v
		end += n
	}
	return end, val
}

// dateToken returns the end of a date (three digit groups joined by the same "-", "/" or ".")
// at s[i], or i.
func dateToken(s string, i int) int {
	e, _ := digitRun(s, i, 4)
	if e == i || e >= len(s) {
		return i
	}
	sep := s[e]
	if sep != '-' && sep != '/' && sep != '.' {
		return i
	}
	for range 2 {
		if e >= len(s) || s[e] != sep {
			return i
		}
		f, _ := digitRun(s, e+1, 4)
		if f == e+1 {
			return i
		}
		e = f
	}
	if _, n := digits.At(s, e); n > 0 {
		return i
	}
	return e
}

// clockToken returns the end of a clock time H, H:MM or H:MM:SS at s[i] (i when none), its hour
// and whether it has minutes. What follows must not continue the token: a space comes next
// in every unit, which timeUnit checks.
func clockToken(s string, i int) (end, hour int, minutes bool) {
	e, h := digitRun(s, i, 2)
	if e == i {
		return i, 0, false
	}
	if e < len(s) && s[e] == ':' {
		f, m := digitRun(s, e+1, 2)
		if f-(e+1) < 2 || m > 59 || h > 24 {
			return i, 0, false
		}
		e, minutes = f, true
		if e < len(s) && s[e] == ':' {
			f, sec := digitRun(s, e+1, 2)
			if f-(e+1) < 2 || sec > 60 {
				return i, 0, false
			}
			e = f
		}
	}
	return e, h, minutes
}

// space returns the size of the one space at s[i] that joins two parts of a unit, or 0.
func space(s string, i int, html bool) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == ' ':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[i:], "\u202f"):
		return 3
	case html && strings.HasPrefix(s[i:], "&nbsp;"):
		return 6
	}
	return 0
}

// meridiem returns the size of the AM/PM word at s[i], or 0.
func meridiem(s string, i int) int {
	for _, m := range [...]string{"AM", "PM", "am", "pm", "a.m.", "p.m.", "A.M.", "P.M."} {
		if strings.HasPrefix(s[i:], m) && (m[len(m)-1] == '.' || wordEnd(s, i+len(m))) {
			return len(m)
		}
	}
	return 0
}

// zone returns the size of the zone abbreviation (with its offset, for UTC, GMT and UT) at s[i],
// or 0.
func zone(s string, i int) int {
	e := i
	for e < len(s) && e-i < 5 && s[e] >= 'A' && s[e] <= 'Z' {
		e++
	}
	name := s[i:e]
	if !zones[name] {
		return 0
	}
	if (name == "UTC" || name == "GMT" || name == "UT") && e < len(s) {
		sign := 0
		if s[e] == '+' || s[e] == '-' {
			sign = 1
		} else if strings.HasPrefix(s[e:], "\u2212") {
			sign = 3
		}
		if sign > 0 {
			f, _ := digitRun(s, e+sign, 2)
			if f > e+sign {
				if f < len(s) && s[f] == ':' {
					if g, _ := digitRun(s, f+1, 2); g-(f+1) == 2 {
						f = g
					}
				}
				if wordEnd(s, f) {
					return f - i
				}
			}
		}
	}
	if !wordEnd(s, e) {
		return 0
	}
	return e - i
}

// zones are the zone abbreviations a unit may end with: those the tz database and writers use for
// the zones of the world's populous regions, and UTC, GMT and UT. Only uppercase ASCII; ambiguous
// ones (CST, IST, BST) are fine here, since only the order matters, not which zone is meant.
var zones = map[string]bool{
	"UTC": true, "GMT": true, "UT": true,
	"PST": true, "PDT": true, "PT": true, "MST": true, "MDT": true, "MT": true,
	"CST": true, "CDT": true, "CT": true, "EST": true, "EDT": true, "ET": true,
	"AKST": true, "AKDT": true, "HST": true, "HDT": true, "AST": true, "ADT": true, "NST": true, "NDT": true,
	"WET": true, "WEST": true, "CET": true, "CEST": true, "EET": true, "EEST": true, "BST": true, "IST": true,
	"MSK": true, "TRT": true, "IRST": true, "IRDT": true, "GST": true, "AFT": true, "PKT": true, "NPT": true,
	"ICT": true, "WIB": true, "SGT": true, "MYT": true, "PHT": true, "HKT": true, "JST": true, "KST": true,
	"AEST": true, "AEDT": true, "ACST": true, "ACDT": true, "AWST": true, "NZST": true, "NZDT": true,
	"WAT": true, "CAT": true, "EAT": true, "SAST": true, "IDT": true,
}

// wordEnd reports whether a word may end before s[i]: the end of s, or a rune that is neither a
// Latin letter nor a digit.
func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < 128 {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
	}
	_, n := digits.At(s, i)
	return n == 0
}

// boundaryBefore reports whether a token may start at i: the previous rune is not part of a word.
func boundaryBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if digits.IsDigit(r) || r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
		return false
	}
	return !strings.ContainsRune(":./,-_+%#@&٫٬٪", r)
}
