package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/markdown"
)

const (
	zwnj    = '\u200c'
	zwj     = '\u200d'
	kashida = '\u0640'
)

// Typography rules.
const (
	RuleArabicLetters    = "arabic-letters"
	RuleLatinPunctuation = "latin-punctuation"
	RuleZWNJMi           = "zwnj-mi"
	RuleZWNJHa           = "zwnj-ha"
	RuleQuotes           = "quotes"
	RuleDoubleSpace      = "double-space"
	RuleKashida          = "kashida"
)

// Change is one fix applied to a text.
type Change struct {
	File      string // empty for Fix on a bare text
	Line, Col int    // 1-based; Col in runes
	Rule      string
	Before    string // a short excerpt before the change
	After     string // the same excerpt after it
}

func (c Change) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %q → %q", c.File, c.Line, c.Col, c.Rule, c.Before, c.After)
}

// edit is one finding on one line, with the replacement that fixes it when it is fixable.
type edit struct {
	start, end int // runes [start, end) to replace
	at         int // rune reported as the position
	repl       string
	fix        bool
	rule, msg  string
	hint       string
	before     string // excerpt for the change log; runes[start:end] when empty
	after      string // excerpt after the fix; repl when empty
}

// isPersian reports whether r is in the Arabic-script blocks Persian is written with.
func isPersian(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

func isPersianLetter(r rune) bool { return isPersian(r) && unicode.IsLetter(r) }

// isWordRune: letters, marks, digits and the joiners belong to a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == zwnj || r == zwj
}

var arabicToPersian = map[rune]rune{'ي': 'ی', 'ك': 'ک', 'ى': 'ی'}

var latinToPersian = map[rune]rune{',': '،', ';': '؛', '?': '؟'}

// haSuffixes are the plural and possessive forms written with a ZWNJ after the noun.
var haSuffixes = map[string]bool{"ها": true, "های": true, "هایی": true, "هایم": true, "هایت": true,
	"هایش": true, "هایمان": true, "هایتان": true, "هایشان": true}

func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if p, ok := arabicToPersian[r]; ok {
			return p
		}
		return r
	}, s)
}

// lineEdits runs the per-line rules (all but quotes) on one line.
func lineEdits(l *sline) []edit {
	r := l.runes
	var out []edit
	ws := words(l)
	for k, w := range ws {
		text := string(r[w.start:w.end])
		// arabic-letters: one edit per word, reported at the first Arabic letter.
		if n := normalize(text); n != text {
			at := w.start
			for at < w.end {
				if _, ok := arabicToPersian[r[at]]; ok {
					break
				}
				at++
			}
			out = append(out, edit{start: w.start, end: w.end, at: at, repl: n, fix: true, rule: RuleArabicLetters,
				msg:  fmt.Sprintf("Arabic letter %q (U+%04X) in %q", r[at], r[at], text),
				hint: "write Persian ی (U+06CC) and ک (U+06A9)"})
		}
		// zwnj-mi: the prefix می/نمی standing alone before a Persian word.
		if n := normalize(text); (n == "می" || n == "نمی") && w.end+1 < len(r) && r[w.end] == ' ' &&
			!l.skip[w.end] && !l.skip[w.end+1] && isPersianLetter(r[w.end+1]) {
			next := w.end + 1
			if k+1 < len(ws) && ws[k+1].start == next {
				next = ws[k+1].end
			}
			out = append(out, edit{start: w.end, end: w.end + 1, at: w.start, repl: string(zwnj), fix: true, rule: RuleZWNJMi,
				msg:    fmt.Sprintf("%q is written apart from its verb", text),
				hint:   "replace the space with a zero-width non-joiner (U+200C)",
				before: string(r[w.start:next]), after: text + string(zwnj) + string(r[w.end+1:next])})
		}
		// zwnj-ha: ها/های… as a separate word after a Persian word.
		if haSuffixes[normalize(text)] && k > 0 && ws[k-1].end == w.start-1 && r[w.start-1] == ' ' &&
			!l.skip[w.start-1] && isPersianLetter(r[w.start-2]) {
			prev := ws[k-1]
			out = append(out, edit{start: w.start - 1, end: w.start, at: w.start - 1, repl: string(zwnj), fix: true, rule: RuleZWNJHa,
				msg:    fmt.Sprintf("%q is written as a separate word", text),
				hint:   "join it to the word before with a zero-width non-joiner (U+200C)",
				before: string(r[prev.start:w.end]), after: string(r[prev.start:prev.end]) + string(zwnj) + text})
		}
	}
	// latin-punctuation
	for i, c := range r {
		p, ok := latinToPersian[c]
		if !ok || l.skip[i] {
			continue
		}
		if c == ',' && i > 0 && i+1 < len(r) && unicode.IsDigit(r[i-1]) && unicode.IsDigit(r[i+1]) {
			continue // 1,234
		}
		j := prevProse(l, i)
		if j < 0 || !isPersian(r[j]) || !(unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || unicode.IsMark(r[j])) {
			continue
		}
		out = append(out, edit{start: i, end: i + 1, at: i, repl: string(p), fix: true, rule: RuleLatinPunctuation,
			msg:    fmt.Sprintf("Latin %q in Persian text", c),
			hint:   fmt.Sprintf("write %q", p),
			before: excerpt(r, i, string(c)), after: excerpt(r, i, string(p))})
	}
	// double-space: inside the line, not indentation, not the line-end hard break, not table padding.
	first, last := 0, len(r)
	for first < len(r) && (r[first] == ' ' || r[first] == '\t') {
		first++
	}
	for last > first && (r[last-1] == ' ' || r[last-1] == '\t') {
		last--
	}
	for i := first; i < last; {
		if r[i] != ' ' || l.skip[i] {
			i++
			continue
		}
		j := i
		for j < last && r[j] == ' ' && !l.skip[j] {
			j++
		}
		if j-i >= 2 && r[i-1] != '|' && (j >= len(r) || r[j] != '|') {
			out = append(out, edit{start: i, end: j, at: i, repl: " ", fix: true, rule: RuleDoubleSpace,
				msg:    fmt.Sprintf("%d spaces in a row", j-i),
				hint:   "write one space",
				before: excerptRange(r, i, j, string(r[i:j])), after: excerptRange(r, i, j, " ")})
		}
		i = j
	}
	// kashida
	for i := 0; i < len(r); {
		if r[i] != kashida || l.skip[i] {
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] == kashida && !l.skip[j] {
			j++
		}
		out = append(out, edit{start: i, end: j, at: i, repl: "", fix: true, rule: RuleKashida,
			msg:    "kashida (tatweel, U+0640) stretches a word",
			hint:   "remove it; let the typeface justify the line",
			before: excerptRange(r, i, j, string(r[i:j])), after: excerptRange(r, i, j, "")})
		i = j
	}
	return out
}

// excerpt shows the word around position i with its rune replaced by s.
func excerpt(r []rune, i int, s string) string { return excerptRange(r, i, i+1, s) }

func excerptRange(r []rune, i, j int, s string) string {
	a := i
	for a > 0 && isWordRune(r[a-1]) {
		a--
	}
	b := j
	for b < len(r) && isWordRune(r[b]) {
		b++
	}
	return string(r[a:i]) + s + string(r[j:b])
}

// quoteEdits checks « » pairs over each paragraph (a run of non-blank lines; the whole block when
// inline) and adds its findings to edits, indexed by line.
func quoteEdits(lines []*sline, inline bool, edits [][]edit) {
	type ev struct {
		line, i int
		r       rune
	}
	flush := func(evs []ev) {
		var open []ev
		for k, e := range evs {
			switch e.r {
			case '«':
				open = append(open, e)
			case '»':
				if len(open) == 0 {
					edits[e.line] = append(edits[e.line], edit{start: e.i, end: e.i + 1, at: e.i, rule: RuleQuotes,
						msg: "» without an opening «", hint: "open the quotation with « or remove »"})
				} else {
					open = open[:len(open)-1]
				}
			default: // ” or "
				if len(open) == 0 {
					continue
				}
				closers := 0
				for _, f := range evs[k+1:] {
					if f.r == '»' {
						closers++
					}
				}
				if closers >= len(open) {
					continue // an inner quotation; the « is closed later
				}
				ed := edit{start: e.i, end: e.i + 1, at: e.i, rule: RuleQuotes,
					msg: fmt.Sprintf("« closed by %c", e.r), hint: "close Persian quotations with »"}
				if e.r == '”' {
					ed.fix, ed.repl = true, "»"
				}
				edits[e.line] = append(edits[e.line], ed)
				open = open[:len(open)-1]
			}
		}
		for _, o := range open {
			edits[o.line] = append(edits[o.line], edit{start: o.i, end: o.i + 1, at: o.i, rule: RuleQuotes,
				msg: "« is never closed", hint: "close the quotation with »"})
		}
	}
	var evs []ev
	for n, l := range lines {
		if !inline && l.blank() {
			flush(evs)
			evs = evs[:0]
			continue
		}
		for i, c := range l.runes {
			if !l.skip[i] && (c == '«' || c == '»' || c == '”' || c == '"') {
				evs = append(evs, ev{n, i, c})
			}
		}
	}
	flush(evs)
}

// analyze reads a block, whose layout is lo (see proseOf), and returns its lines with each line's
// findings sorted by position.
func analyze(text string, lo markdown.Layout, inline bool) ([]*sline, [][]edit) {
	lines := textLines(text, lo)
	edits := make([][]edit, len(lines))
	for n, l := range lines {
		edits[n] = lineEdits(l)
	}
	quoteEdits(lines, inline, edits)
	for _, e := range edits {
		sort.SliceStable(e, func(i, j int) bool { return e[i].at < e[j].at })
	}
	return lines, edits
}

// pos converts a line index and rune index of a block to the file position: the block starts at
// line0, col0.
func pos(line0, col0, n, i int) (int, int) {
	if n == 0 {
		return line0, col0 + i
	}
	return line0 + n, i + 1
}

// Typography checks the Persian typography of one Markdown text block (an article body) that starts
// on line line0 of file. Findings are warnings, in order of position.
func Typography(file string, line0 int, text string) []*diag.Diagnostic {
	return typography(file, line0, 1, text, markdown.Prose([]byte(text)), false)
}

// typography checks text, whose layout is lo (see proseOf).
func typography(file string, line0, col0 int, text string, lo markdown.Layout, inline bool) []*diag.Diagnostic {
	_, edits := analyze(text, lo, inline)
	var out []*diag.Diagnostic
	for n, es := range edits {
		for _, e := range es {
			line, col := pos(line0, col0, n, e.at)
			hint := e.hint
			if !e.fix && e.rule == RuleQuotes {
				hint += "; not fixed by --fix"
			}
			out = append(out, &diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Warning,
				Rule: e.rule, Msg: e.msg, Hint: hint})
		}
	}
	return out
}

// Fix applies the safe typography fixes to a Markdown text block and returns the result and the
// changes, positioned within text (line 1, column 1 is its first rune). Code, link destinations and
// URLs are never touched. Fix(Fix(s)) changes nothing more.
func Fix(text string) (string, []Change) {
	return fixBlock(text, 1, 1, false)
}

func fixBlock(text string, line0, col0 int, inline bool) (string, []Change) {
	var all []Change
	for pass := 0; pass < 5; pass++ {
		lines, edits := analyze(text, proseOf(text, inline), inline)
		var changes []Change
		for n, l := range lines {
			var b strings.Builder
			last := 0
			for _, e := range byStart(edits[n]) {
				if !e.fix || e.start < last {
					continue // not fixable, or overlaps a fix already made: the next pass sees it again
				}
				b.WriteString(string(l.runes[last:e.start]))
				b.WriteString(e.repl)
				last = e.end
				line, col := pos(line0, col0, n, e.at)
				before, after := e.before, e.after
				if before == "" {
					before = string(l.runes[e.start:e.end])
				}
				if after == "" && e.rule != RuleKashida {
					after = e.repl
				}
				changes = append(changes, Change{Line: line, Col: col, Rule: e.rule, Before: before, After: after})
			}
			if last > 0 {
				b.WriteString(string(l.runes[last:]))
				l.runes = []rune(b.String())
			}
		}
		if len(changes) == 0 {
			break
		}
		all = append(all, changes...)
		parts := make([]string, len(lines))
		for n, l := range lines {
			parts[n] = l.String()
		}
		text = strings.Join(parts, "\n")
	}
	return text, all
}

func byStart(es []edit) []edit {
	out := append([]edit(nil), es...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}
