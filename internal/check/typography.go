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
	if r < rune(len(wordRunes)) {
		return wordRunes[r]
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == zwnj || r == zwj
}

// wordRunes is isWordRune for the runes below U+0700 (Latin and Arabic script), looked up rather
// than searched for in Unicode's tables: check spends much of its time here.
var wordRunes = func() (t [0x700]bool) {
	for r := range t {
		t[r] = unicode.IsLetter(rune(r)) || unicode.IsMark(rune(r)) || unicode.IsDigit(rune(r))
	}
	return t
}()

var arabicToPersian = map[rune]rune{'ي': 'ی', 'ك': 'ک', 'ى': 'ی'}

var latinToPersian = map[rune]rune{',': '،', ';': '؛', '?': '؟'}

// haSuffixes are the plural and possessive forms written with a ZWNJ after the noun.
var haSuffixes = map[string]bool{"ها": true, "های": true, "هایی": true, "هایم": true, "هایت": true,
	"هایش": true, "هایمان": true, "هایتان": true, "هایشان": true}

// hasArabicLetter reports whether s holds one of arabicToPersian's letters.
func hasArabicLetter(s string) bool {
	for _, r := range s {
		if r == 'ي' || r == 'ك' || r == 'ى' {
			return true
		}
	}
	return false
}

// normalize writes s with Persian ی and ک for the Arabic letters.
func normalize(s string) string {
	if !hasArabicLetter(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if p, ok := arabicToPersian[r]; ok {
			return p
		}
		return r
	}, s)
}

// lineEdits runs the per-line rules (all but quotes) on one line.
func lineEdits(l *sline, st *Style) []edit {
	r := l.runes
	ws := words(l)
	out := append(wordEdits(l, ws, st.ezafe()), punctEdits(l)...)
	for _, w := range ws {
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
	// double-space: inside the text of the line, not indentation or the spaces after a list or quote
	// marker (they set where the item's text starts), not the line-end hard break, not table padding.
	first, last := markerEnd(r), len(r)
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
		if i == 0 || !isPersianLetter(r[i-1]) {
			i = j // a kashida that follows no letter stretches no word (a rule drawn with ـــ)
			continue
		}
		out = append(out, edit{start: i, end: j, at: i, repl: "", fix: true, rule: RuleKashida,
			msg:    "kashida (tatweel, U+0640) stretches a word",
			hint:   "remove it; let the typeface justify the line",
			before: excerptRange(r, i, j, string(r[i:j])), after: excerptRange(r, i, j, "")})
		i = j
	}
	return out
}

// markerEnd returns where the text of a Markdown line starts: after its indentation and the
// markers of the block quotes and list items it opens (> - * + 1. 1)) and their spaces.
func markerEnd(r []rune) int {
	i := 0
	for {
		for i < len(r) && (r[i] == ' ' || r[i] == '\t') {
			i++
		}
		j := i
		for j < len(r) && j-i < 9 && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		switch {
		case i < len(r) && r[i] == '>':
			i++
		case i < len(r) && (r[i] == '-' || r[i] == '*' || r[i] == '+') && (i+1 == len(r) || r[i+1] == ' ' || r[i+1] == '\t'):
			i++
		case j > i && j < len(r) && (r[j] == '.' || r[j] == ')') && (j+1 == len(r) || r[j+1] == ' ' || r[j+1] == '\t'):
			i = j + 1
		default:
			return i
		}
	}
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

// quoteEdits checks the quotation marks over each paragraph (a run of non-blank lines; the whole
// block when it is a front matter string) and adds its findings to edits, indexed by line: « » pairs, a « closed by ” or
// a straight quote (fixed to »), and straight double quotes around Persian (fixed to « »).
func quoteEdits(lines []*sline, kind textKind, edits [][]edit) {
	type ev struct {
		line, i int
		r       rune
		from    int // where the mark's text starts: i, or i-1 for \" in a TOML basic string
	}
	add := func(e ev, ed edit) { edits[e.line] = append(edits[e.line], ed) }
	flush := func(evs []ev) {
		var open []ev
		var straight []ev // straight quotes outside any «»
		for k, e := range evs {
			switch e.r {
			case '«':
				open = append(open, e)
			case '»':
				if len(open) == 0 {
					add(e, edit{start: e.i, end: e.i + 1, at: e.i, rule: RuleQuotes,
						msg: "» without an opening «", hint: "open the quotation with « or remove »"})
				} else {
					open = open[:len(open)-1]
				}
			default: // ” or "
				if len(open) == 0 {
					if e.r == '"' {
						straight = append(straight, e)
					}
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
				add(e, edit{start: e.from, end: e.i + 1, at: e.from, rule: RuleQuotes, fix: true, repl: "»",
					msg: fmt.Sprintf("« closed by %c", e.r), hint: "close Persian quotations with »"})
				open = open[:len(open)-1]
			}
		}
		for _, o := range open {
			add(o, edit{start: o.i, end: o.i + 1, at: o.i, rule: RuleQuotes,
				msg: "« is never closed", hint: "close the quotation with »"})
		}
		if len(straight)%2 != 0 {
			return // unpaired: English inches, or a quotation over paragraphs; leave them
		}
		for k := 0; k+1 < len(straight); k += 2 {
			a, b := straight[k], straight[k+1]
			if !persianQuoted(lines, a.line, a.from, b.line, b.i) {
				continue
			}
			add(a, edit{start: a.from, end: a.i + 1, at: a.from, rule: RuleQuotes, fix: true, repl: "«",
				msg: "straight quotes around Persian", hint: "write « » (guillemets)", before: string(lines[a.line].runes[a.from : a.i+1]), after: "«"})
			add(b, edit{start: b.from, end: b.i + 1, at: b.from, rule: RuleQuotes, fix: true, repl: "»",
				msg: "straight quotes around Persian", hint: "write « » (guillemets)", before: string(lines[b.line].runes[b.from : b.i+1]), after: "»"})
		}
	}
	var evs []ev
	for n, l := range lines {
		if !kind.inline() && l.blank() {
			flush(evs)
			evs = evs[:0]
			continue
		}
		for i, c := range l.runes {
			if !l.skip[i] && (c == '«' || c == '»' || c == '”' || c == '"') {
				evs = append(evs, ev{n, i, c, i})
			} else if c == '"' && kind == tomlBasic && escapedQuote(l, i) {
				evs = append(evs, ev{n, i, c, i - 1}) // \" in the TOML is the mark; « needs no escape
			}
		}
	}
	flush(evs)
}

// persianQuoted reports whether the text between two straight quotes starts with a Persian letter,
// and the opening quote does not end a word nor the closing one start one (12" or "a"b).
// escapedQuote reports whether the " at i is written \" in prose: Markdown reads it as an escape,
// which is not prose, but in a TOML basic string it is how a quotation mark is written. One in
// code is not: the runes around it are code too.
func escapedQuote(l *sline, i int) bool {
	return i > 0 && l.runes[i-1] == '\\' && (i < 2 || !l.skip[i-2]) && (i+1 >= len(l.runes) || !l.skip[i+1])
}

func persianQuoted(lines []*sline, la, ia, lb, ib int) bool {
	ra, rb := lines[la].runes, lines[lb].runes
	if ia > 0 && isWordRune(ra[ia-1]) || ib+1 < len(rb) && isWordRune(rb[ib+1]) {
		return false
	}
	n, i := la, ia+1
	for {
		l := lines[n]
		for ; i < len(l.runes) && !(n == lb && i >= ib); i++ {
			c := l.runes[i]
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				return isPersian(c) && !l.skip[i]
			}
		}
		if n == lb {
			return false
		}
		n, i = n+1, 0
	}
}

// analyze reads a block, whose layout is lo (see proseOf), and returns its lines with each line's
// findings sorted by position.
// Rules off by site.toml or by a rokhdad:ignore comment on the line (st.off) are dropped; line0 is
// the file line of the block's first line.
func analyze(text string, lo markdown.Layout, kind textKind, st *Style, line0 int) ([]*sline, [][]edit) {
	lines := textLines(text, lo)
	edits := make([][]edit, len(lines))
	for n, l := range lines {
		edits[n] = lineEdits(l, st)
	}
	quoteEdits(lines, kind, edits)
	for n, e := range edits {
		kept := e[:0]
		for _, ed := range e {
			if !st.off(line0+n, ed.rule) {
				kept = append(kept, ed)
			}
		}
		edits[n] = kept
		sort.SliceStable(kept, func(i, j int) bool { return kept[i].at < kept[j].at })
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
	return typography(file, line0, 1, text, markdown.Prose([]byte(text)), markdownBody, nil)
}

// typography checks text, whose layout is lo (see proseOf), in style st.
func typography(file string, line0, col0 int, text string, lo markdown.Layout, kind textKind, st *Style) []*diag.Diagnostic {
	_, edits := analyze(text, lo, kind, st, line0)
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
	return fixBlock(text, 1, 1, markdownBody, nil)
}

// FixStyle is Fix in a site's style.
func FixStyle(text string, st *Style) (string, []Change) {
	return fixBlock(text, 1, 1, markdownBody, st)
}

func fixBlock(text string, line0, col0 int, kind textKind, st *Style) (string, []Change) {
	var all []Change
	for pass := 0; pass < 5; pass++ {
		lines, edits := analyze(text, proseOf(text, kind), kind, st, line0)
		var changes []Change
		for n, l := range lines {
			var b strings.Builder
			last, inserted := 0, -1
			for _, e := range byStart(edits[n]) {
				if !e.fix || e.start < last || e.start == e.end && e.start == inserted {
					continue // not fixable, or overlaps a fix already made: the next pass sees it again
				}
				if e.start == e.end {
					inserted = e.start
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
