package check

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rokhdad/rokhdad/internal/persian"
)

// Punctuation rules.
const (
	RulePunctuationSpace = "punctuation-space"
	RuleEllipsis         = "ellipsis"
)

// closers take no space before them and one after; openers one before and none after.
const (
	closers = ".،؛؟!:)»"
	openers = "(«"
)

// persianBefore reports whether the prose before rune i (through spaces and emphasis) ends in a
// Persian letter or digit.
func persianBefore(l *sline, i int) bool {
	j := prevProse(l, i)
	return j >= 0 && isPersian(l.runes[j]) && (unicode.IsLetter(l.runes[j]) || unicode.IsDigit(l.runes[j]))
}

// isLatinAlnum: a Latin letter or an ASCII digit.
func isLatinAlnum(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// punctEdits runs the punctuation rules on one line: spaces around punctuation and "...".
func punctEdits(l *sline) []edit {
	r := l.runes
	var out []edit
	prose := func(i int) bool { return i >= 0 && i < len(r) && !l.skip[i] }
	for i, c := range r {
		if !prose(i) || c == ' ' || isWordRune(c) {
			continue
		}
		switch {
		case c == '.' && i+2 < len(r) && r[i+1] == '.' && r[i+2] == '.' && prose(i+1) && prose(i+2) && (i == 0 || r[i-1] != '.'):
			j := i + 3
			if j < len(r) && r[j] == '.' {
				continue // four or more dots: not an ellipsis
			}
			if persianBefore(l, i) || j < len(r) && persian.IsLetter(nextLetter(l, j)) {
				out = append(out, edit{start: i, end: j, at: i, repl: "…", fix: true, rule: RuleEllipsis,
					msg: "three dots for an ellipsis", hint: "write … (U+2026)",
					before: excerptRange(r, i, j, "..."), after: excerptRange(r, i, j, "…")})
			}
		case strings.ContainsRune(closers, c):
			if c == '.' && (i > 0 && r[i-1] == '.' || i+1 < len(r) && r[i+1] == '.') {
				continue // dots of an ellipsis, or more
			}
			if c == '!' && prose(i+1) && r[i+1] == '[' || (c == '.' || c == '!') && i+1 < len(r) && isLatinAlnum(r[i+1]) {
				continue // an image, or .NET, or a Latin abbreviation
			}
			// Space before: «تمام شد .»
			j := i
			for j > 0 && prose(j-1) && r[j-1] == ' ' {
				j--
			}
			if j < i && j > 0 && (persianBefore(l, j) || strings.ContainsRune("،؛؟»", c) && isWordRune(r[j-1])) && !strings.ContainsRune(closers+"|", r[j-1]) && !(c == '.' && i+1 < len(r) && r[i+1] == '.') {
				out = append(out, edit{start: j, end: i, at: j, repl: "", fix: true, rule: RulePunctuationSpace,
					msg: fmt.Sprintf("a space before %q", c), hint: "write it right after the word",
					before: excerptRange(r, j, i+1, string(r[j:i+1])), after: excerptRange(r, j, i+1, string(c))})
			}
			// No space after, and a Persian letter follows: «شد.بعد»
			if prose(i+1) && (persian.IsLetter(r[i+1]) || r[i+1] == '«' && c != '»') && persianBefore(l, i) && !abbreviation(l, i) {
				out = append(out, edit{start: i + 1, end: i + 1, at: i, repl: " ", fix: true, rule: RulePunctuationSpace,
					msg: fmt.Sprintf("no space after %q", c), hint: "write one space after it",
					before: excerptRange(r, i, i+1, string(c)), after: excerptRange(r, i, i+1, string(c)+" ")})
			}
		case strings.ContainsRune(openers, c):
			// Space after: «( متن»
			j := i + 1
			for j < len(r) && prose(j) && r[j] == ' ' {
				j++
			}
			if j > i+1 && j < len(r) && prose(j) && persian.IsLetter(r[j]) {
				out = append(out, edit{start: i + 1, end: j, at: i, repl: "", fix: true, rule: RulePunctuationSpace,
					msg: fmt.Sprintf("a space after %q", c), hint: "write the word right after it",
					before: excerptRange(r, i, j, string(r[i:j])), after: excerptRange(r, i, j, string(c))})
			}
			// No space before, after a Persian letter: «گفت«نه»»
			if i > 0 && prose(i-1) && persian.IsLetter(r[i-1]) && j < len(r) && prose(j) && persian.IsLetter(r[j]) {
				out = append(out, edit{start: i, end: i, at: i, repl: " ", fix: true, rule: RulePunctuationSpace,
					msg: fmt.Sprintf("no space before %q", c), hint: "write one space before it",
					before: excerptRange(r, i, i+1, string(c)), after: excerptRange(r, i, i+1, " "+string(c))})
			}
		}
	}
	return out
}

// nextLetter returns the first letter at or after j, through spaces, or 0.
func nextLetter(l *sline, j int) rune {
	for ; j < len(l.runes) && !l.skip[j]; j++ {
		if c := l.runes[j]; c != ' ' {
			if unicode.IsLetter(c) {
				return c
			}
			return 0
		}
	}
	return 0
}

// abbreviation reports whether the "." at i ends a one-letter abbreviation (ه.ش، ق.ظ), which takes
// no space.
func abbreviation(l *sline, i int) bool {
	if l.runes[i] != '.' || i == 0 {
		return false
	}
	j := i - 1
	for j >= 0 && isWordRune(l.runes[j]) {
		j--
	}
	return i-1-j == 1
}
