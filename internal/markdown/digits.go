// Native digits: a goldmark extension (and a plain-string twin, ConvertDigits) that writes the
// numbers of Markdown prose with a language's own digits, e.g. "2023" → "۲۰۲۳" on Persian pages.
//
// What is rewritten: ASCII digits 0-9 and Arabic-Indic digits ٠-٩ (U+0660-U+0669) become the
// digits of the configured zero (WithZero). With an Arabic-script zero ('۰' U+06F0 or '٠' U+0660)
// three separators are localised as well, only when they sit inside a number that is rewritten:
//
//   - "." between two digits → "٫" (U+066B ARABIC DECIMAL SEPARATOR): 3.5 → ۳٫۵
//   - "," after a digit and before exactly three digits that are not followed by a fourth
//     → "٬" (U+066C ARABIC THOUSANDS SEPARATOR): 1,234 → ۱٬۲۳۴, but "2,3" and "3,25" keep ","
//   - "%" right after a digit → "٪" (U+066A ARABIC PERCENT SIGN): 50% → ۵۰٪
//
// Other digit systems (say Devanagari '०') get their digits only; ".", "," and "%" stay as written.
// Digits already in the target script count as digits of a number (so "۳.۵" becomes "۳٫۵"); a
// backslash-escaped separator ("1\.5") is not between two digits and stays. Every other character,
// including spaces, soft and hard line breaks, ZWNJ and the ":" of 19:52, is left as written.
//
// Digits are left alone:
//
//   - in code: code spans, indented and fenced code blocks (and, by name, any other node kind
//     whose name contains "Code", "Math", "HTML" or "TeX", or whose Text is raw);
//   - in raw HTML: HTML blocks and the inline tags themselves (attributes and all). Text between
//     inline tags, such as the 7 in <span data-x="12">7</span>, is Markdown prose and is rewritten;
//     for deciding tokens the tags count as nothing, so "<b>GPT</b>-4" is the token "GPT-4";
//   - in link and image destinations and titles, autolinks (<https://x.org/1>) and linkify's
//     autolinks; link text and image alt text are prose and are rewritten;
//   - in HTML character references such as &#49; (and in anything shaped like one); a reference
//     (also the typographer's &ndash;) counts as one non-letter, so "1990&ndash;2000" is converted;
//   - in "Latin tokens". Prose is cut into tokens at white space (block ends and line breaks count as
//     white space; emphasis, links and inline HTML do not cut). A token keeps all its digits when
//     1. it contains a Latin letter: GPT-4, H2O, v1.2.3, 4K, 5G, x86_64, https://e.com/a1;
//     2. stripped of leading and trailing punctuation it is version- or IP-like: at least three
//        groups of digits joined by dots, optionally ending in /N or :N: 1.2.3, 127.0.0.1,
//        10.0.0.0/8, 127.0.0.1:8080 (a dotted date such as 1402.05.12 is kept too);
//     3. it follows a token ending in a Latin letter, separated by exactly one space (U+0020):
//        "iOS 17", "Windows 11", "HTTP 503" — a product, version or code name in a Latin phrase.
//        Any other separation (two spaces, a line break, a no-break space) does not count, and
//        neither does a token that opens with a bracket or quotation mark ( [ { « “ ‘ " ': the
//        number in "ChatGPT (13)" or "Gemini «2»" is an index or count that the Persian sentence
//        gives, and is converted (a Latin or version-like token in brackets, "(v13)", "(1.2.3)",
//        still keeps its digits by rules 1 and 2).
//     Text inside code spans and autolinks takes part in deciding tokens but is never rewritten.
//
// Numbers that goldmark does not keep as text are out of reach: ordered-list numbers and footnote
// reference numbers are produced by the renderer (style ordered lists with CSS list-style-type).
//
// How: an AST transformer (priority 1000, after goldmark's own and the inline-time transformer)
// copies the text of each block's inline nodes into one buffer, so that a token split over several
// Text nodes is judged as a whole, and finds the digits in it without regexps. Only after the walk
// are nodes changed: each changed Text node gets an ast.String before it holding its new bytes up
// to its last edit, and keeps the unchanged rest of its segment with its soft and hard line-break
// flags, so line breaks render exactly as before (a Text node left empty without a break is
// removed). Non-code ast.String nodes get a new Value. All new values share one allocation, all new
// nodes another; the working memory is pooled. The source is never modified. Known limitation:
// with html.WithEastAsianLineBreaks the break after a rewritten line can differ, because goldmark
// looks at the kind of the next node there.

package markdown

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// DigitsOption configures the native-digits extension made by NewDigits.
type DigitsOption func(*digitsConfig)

type digitsConfig struct {
	// zero is the language's zero digit; see WithZero.
	zero rune
}

// WithZero sets the language's zero digit, e.g. '۰' (U+06F0, Persian) or '٠' (U+0660, Arabic);
// its nine successors are the digits 1-9. '0' disables the pass, as does any rune that is not the
// zero of a Unicode decimal-digit (Nd) block: the extension then adds nothing to goldmark and the
// output is byte-identical to goldmark without it. Without WithZero, NewDigits uses '۰'.
func WithZero(zero rune) DigitsOption {
	return func(c *digitsConfig) {
		c.zero = zero
	}
}

// NewDigits returns a goldmark extension that writes the numbers of Markdown prose with a language's
// native digits (see the file comment of digits.go for the exact rules). Options apply in order.
func NewDigits(opts ...DigitsOption) goldmark.Extender {
	e := &digitsExtension{digitsConfig: digitsConfig{zero: '۰'}}
	for _, opt := range opts {
		opt(&e.digitsConfig)
	}
	return e
}

// PersianDigits is the native-digits extension for Persian: 2023 → ۲۰۲۳, 3.5 → ۳٫۵, 50% → ۵۰٪.
var PersianDigits goldmark.Extender = NewDigits(WithZero('۰'))

// ConvertDigits applies the prose rules of the Markdown extension to a plain string (a title, a
// summary): there is no code or link, so only the token rules and character references apply.
// It returns s itself when zero disables the pass (see WithZero) or nothing changes.
func ConvertDigits(s string, zero rune) string {
	if !digitsValidZero(zero) {
		return s
	}
	if probe := (digitsState{zero: zero}); !probe.hasDigitString(s) {
		return s
	}
	st := digitsNewState(zero)
	st.buf = []byte(s)
	st.pieces = []digitsPiece{{start: 0, end: len(st.buf), write: true}}
	st.scan()
	if len(st.edits) == 0 {
		return s
	}
	return string(digitsApply(make([]byte, 0, digitsSize(len(s), st.edits)), st.buf, 0, st.edits))
}

// digitsPriority runs the transformer after goldmark's own transformers (footnotes use 999) and
// after inline times (50), whose labels keep the digits the editor wrote.
const digitsPriority = 1000

type digitsExtension struct {
	digitsConfig
}

// Extend implements goldmark.Extender.
func (e *digitsExtension) Extend(m goldmark.Markdown) {
	if !digitsValidZero(e.zero) {
		return
	}
	t := &digitsTransformer{zero: e.zero}
	t.pool.New = func() any { return digitsNewState(t.zero) }
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(t, digitsPriority)))
}

// digitsValidZero reports whether zero is a usable, non-ASCII zero of a block of ten Nd digits.
func digitsValidZero(zero rune) bool {
	if zero == '0' || zero > unicode.MaxRune || !unicode.Is(unicode.Nd, zero) || !unicode.Is(unicode.Nd, zero+9) {
		return false
	}
	start := zero
	for unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return (zero-start)%10 == 0
}

func digitsArabicZero(zero rune) bool { return zero == '۰' || zero == '٠' }

type digitsTransformer struct {
	zero rune
	pool sync.Pool // of *digitsState
}

// digitsNewline stands in the block buffer for a soft or hard line break.
var digitsNewline = []byte{'\n'}

// digitsPiece is a run of the block buffer that came from one node (or a stand-in for a line break).
type digitsPiece struct {
	start, end int
	write      bool     // its digits may be rewritten
	node       ast.Node // *ast.Text or *ast.String to rewrite; nil for ConvertDigits and context-only runs
}

// digitsEdit replaces the rune at buf[pos:end] with r.
type digitsEdit struct {
	pos, end int
	r        rune
}

// digitsRewrite is a node rewrite decided while walking and applied after the walk: the node's
// value buf[start:last] with edits[from:to] applied replaces the node (*ast.String) or the start
// of its segment (*ast.Text, which keeps the rest).
type digitsRewrite struct {
	node        ast.Node
	start, last int
	from, to    int
}

// digitsState is the per-document working memory of the transformer (pooled) and of ConvertDigits.
type digitsState struct {
	zero     rune
	seps     bool
	buf      []byte        // text of the blocks seen so far
	lo       int           // start of the current block in buf
	pieces   []digitsPiece // covering buf[lo:], in order
	edits    []digitsEdit  // in order
	writable bool          // the current block has a writable piece
	arabic   [256]uint8    // classes of U+0600-U+06FF
	lead     [256]bool     // first bytes of the UTF-8 encodings of digits outside U+0000-U+06FF
	rewrites []digitsRewrite
	source   []byte
}

// Transform implements parser.ASTTransformer.
func (t *digitsTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	st := t.pool.Get().(*digitsState)
	st.source = reader.Source()
	st.walk(doc)
	st.flush()
	if len(st.rewrites) > 0 {
		st.rewrite()
	}
	clear(st.rewrites)
	st.rewrites = st.rewrites[:0]
	st.buf, st.lo, st.edits, st.source = st.buf[:0], 0, st.edits[:0], nil
	if cap(st.buf) <= 1<<16 {
		t.pool.Put(st)
	}
}

// rewrite applies the recorded rewrites, with one allocation for all new values and one for
// all new nodes.
func (st *digitsState) rewrite() {
	size, texts := 0, 0
	for _, rw := range st.rewrites {
		size = digitsSize(size+rw.last-rw.start, st.edits[rw.from:rw.to])
		if _, ok := rw.node.(*ast.Text); ok {
			texts++
		}
	}
	arena := make([]byte, 0, size)
	strs := make([]ast.String, texts)
	for _, rw := range st.rewrites {
		at := len(arena)
		arena = digitsApply(arena, st.buf[:rw.last], rw.start, st.edits[rw.from:rw.to])
		value := arena[at:len(arena):len(arena)]
		n, ok := rw.node.(*ast.Text)
		if !ok {
			rw.node.(*ast.String).Value = value
			continue
		}
		str := &strs[0]
		strs = strs[1:]
		str.Value = value
		parent := n.Parent()
		parent.InsertBefore(parent, n, str)
		seg := n.Segment
		if seg.Padding == 0 && !seg.ForceNewline {
			seg = text.NewSegment(seg.Start+rw.last-rw.start, seg.Stop)
		} else {
			seg = text.NewSegment(seg.Stop, seg.Stop)
		}
		n.Segment = seg
		if seg.IsEmpty() && !n.SoftLineBreak() && !n.HardLineBreak() {
			parent.RemoveChild(parent, n)
		}
	}
}

// walk gathers the prose of n's descendants block by block.
func (st *digitsState) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeInline {
			st.flush()
			if !c.IsRaw() && !digitsOpaqueKind(c.Kind()) {
				st.walk(c)
				st.flush()
			}
			continue
		}
		switch v := c.(type) {
		case *ast.Text:
			st.add(v.Segment.Value(st.source), v, !v.IsRaw())
			if v.SoftLineBreak() || v.HardLineBreak() {
				st.add(digitsNewline, nil, false)
			}
		case *ast.String:
			st.add(v.Value, v, !v.IsCode() && !v.IsRaw())
		case *ast.AutoLink:
			st.add(v.Label(st.source), nil, false)
		case *ast.RawHTML:
			// Tags are transparent: no text, no token boundary.
		case *ast.CodeSpan:
			st.addOpaque(v)
		default:
			if digitsOpaqueKind(v.Kind()) {
				st.addOpaque(v)
			} else {
				st.walk(v)
			}
		}
	}
}

// digitsOpaqueKind reports node kinds, known or from other extensions, whose text is not prose.
func digitsOpaqueKind(k ast.NodeKind) bool {
	switch k {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindList, ast.KindListItem,
		ast.KindBlockquote, ast.KindEmphasis, ast.KindLink, ast.KindImage, ast.KindDocument:
		return false
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML:
		return true
	}
	name := k.String()
	return strings.Contains(name, "Code") || strings.Contains(name, "Math") ||
		strings.Contains(name, "HTML") || strings.Contains(name, "TeX")
}

// addOpaque adds the text below n as context that is never rewritten.
func (st *digitsState) addOpaque(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			st.add(v.Segment.Value(st.source), nil, false)
			if v.SoftLineBreak() || v.HardLineBreak() {
				st.add(digitsNewline, nil, false)
			}
		case *ast.String:
			st.add(v.Value, nil, false)
		default:
			st.addOpaque(v)
		}
	}
}

// add appends b to the block buffer as one piece.
func (st *digitsState) add(b []byte, node ast.Node, write bool) {
	if len(b) == 0 {
		return
	}
	if len(st.buf) > st.lo && b[0] >= 0x80 && b[0] < 0xC0 {
		// A continuation byte: keep a broken rune from being read across two pieces.
		st.pieces = append(st.pieces, digitsPiece{start: len(st.buf), end: len(st.buf) + 1})
		st.buf = append(st.buf, 0xFF)
	}
	start := len(st.buf)
	st.buf = append(st.buf, b...)
	st.pieces = append(st.pieces, digitsPiece{start: start, end: len(st.buf), write: write, node: node})
	st.writable = st.writable || write
}

// flush decides the edits of the current block and records the node rewrites.
func (st *digitsState) flush() {
	if st.writable {
		e := len(st.edits)
		st.scan()
		for _, p := range st.pieces {
			if e == len(st.edits) {
				break
			}
			from := e
			for e < len(st.edits) && st.edits[e].pos < p.end {
				e++
			}
			if e == from {
				continue
			}
			last := st.edits[e-1].end // a Text keeps the rest of its segment
			if _, ok := p.node.(*ast.String); ok {
				last = p.end
			}
			st.rewrites = append(st.rewrites, digitsRewrite{node: p.node, start: p.start, last: last, from: from, to: e})
		}
	}
	st.lo = len(st.buf)
	clear(st.pieces)
	st.pieces = st.pieces[:0]
	st.writable = false
}

// digitsSize returns n plus the bytes the edits add.
func digitsSize(n int, edits []digitsEdit) int {
	for _, ed := range edits {
		n += utf8.RuneLen(ed.r) - (ed.end - ed.pos)
	}
	return n
}

// digitsApply appends buf[from:] to dst with the edits (sorted, inside buf[from:]) applied.
func digitsApply(dst, buf []byte, from int, edits []digitsEdit) []byte {
	at := from
	for _, ed := range edits {
		dst = append(dst, buf[at:ed.pos]...)
		dst = utf8.AppendRune(dst, ed.r)
		at = ed.end
	}
	return append(dst, buf[at:]...)
}

// scan cuts the block buffer into tokens and records the edits of the tokens that are converted.
// Only tokens holding a digit matter, so it looks for digits and works out from each one: to the
// white space before and after it, and to the last rune of the token before.
func (st *digitsState) scan() {
	b, lo := st.buf, st.lo
	pi := 0
	for i := lo; i < len(b); {
		// Find the next digit; written out because this loop sees every byte of prose.
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			if c-'0' > 9 {
				i++
				continue
			}
		case c >= 0xD8 && c <= 0xDB && i+1 < len(b) && b[i+1]&0xC0 == 0x80: // U+0600-U+06FF
			if st.arabic[int(c&0x03)<<6|int(b[i+1]&0x3F)] != digitsDigit {
				i += 2
				continue
			}
		case !st.lead[c]:
			i++
			continue
		default:
			if cls, size := st.classSlow(b, i); cls != digitsDigit {
				i += size
				continue
			}
		}
		start := i
		for start > lo {
			r, size := utf8.DecodeLastRune(b[lo:start])
			if st.runeClass(r) == digitsSpace {
				break
			}
			start -= size
		}
		end, hasLatin := start, false
		for end < len(b) {
			if b[end] == '&' {
				if n := digitsEntityLen(b[end:]); n > 0 {
					end += n // a character reference counts as one non-letter
					continue
				}
			}
			cls, size := st.class(b, end)
			if cls == digitsSpace {
				break
			}
			hasLatin = hasLatin || cls == digitsLatin
			end += size
		}
		if !hasLatin && !st.afterLatinWord(start) && !st.versionLike(b[start:end]) {
			pi = st.convert(start, end, pi)
		}
		i = end
	}
}

// afterLatinWord reports whether the token at buf[start:] follows, after exactly one space, a
// token that ends in a Latin letter, and does not open with a bracket or a quotation mark.
func (st *digitsState) afterLatinWord(start int) bool {
	if start < st.lo+2 || st.buf[start-1] != ' ' {
		return false
	}
	if digitsOpens(st.buf[start:]) {
		return false // "ChatGPT (13)": a count the sentence gives, not a part of the name
	}
	r, _ := utf8.DecodeLastRune(st.buf[st.lo : start-1])
	return st.runeClass(r) == digitsLatin
}

// digitsOpens reports whether b starts with an opening bracket or quotation mark: ( [ { « “ ‘ " '
// and the other Unicode open (Ps) and initial-quote (Pi) punctuation.
func digitsOpens(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if c := b[0]; c < utf8.RuneSelf {
		return c == '(' || c == '[' || c == '{' || c == '"' || c == '\''
	}
	r, _ := utf8.DecodeRune(b)
	return unicode.In(r, unicode.Ps, unicode.Pi)
}

// Rune classes for cutting tokens.
const (
	digitsOther uint8 = iota
	digitsSpace
	digitsLatin
	digitsDigit
)

// digitsASCII holds the classes of the ASCII characters.
var digitsASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			t[c] = digitsSpace
		case c >= '0' && c <= '9':
			t[c] = digitsDigit
		case (c|0x20) >= 'a' && (c|0x20) <= 'z':
			t[c] = digitsLatin
		}
	}
	return t
}()

// digitsNewState returns working memory for the given zero.
func digitsNewState(zero rune) *digitsState {
	st := &digitsState{zero: zero, seps: digitsArabicZero(zero)}
	for r := rune(0x600); r <= 0x6FF; r++ {
		if st.digitValue(r) >= 0 {
			st.arabic[r-0x600] = digitsDigit
		}
	}
	var enc [utf8.UTFMax]byte
	for _, from := range []rune{'0', '٠', zero} {
		for r := from; r <= from+9; r++ {
			utf8.EncodeRune(enc[:], r)
			st.lead[enc[0]] = true
		}
	}
	return st
}

// class returns the class and size of the rune at b[i]. ASCII and the two-byte Arabic block
// (nearly all of a Persian page) are looked up in tables.
func (st *digitsState) class(b []byte, i int) (uint8, int) {
	c := b[i]
	if c < utf8.RuneSelf {
		return digitsASCII[c], 1
	}
	if c >= 0xD8 && c <= 0xDB && i+1 < len(b) && b[i+1]&0xC0 == 0x80 { // U+0600-U+06FF
		return st.arabic[int(c&0x03)<<6|int(b[i+1]&0x3F)], 2
	}
	return st.classSlow(b, i)
}

func (st *digitsState) classSlow(b []byte, i int) (uint8, int) {
	r, size := utf8.DecodeRune(b[i:])
	return st.runeClass(r), size
}

// runeClass returns the class of r.
func (st *digitsState) runeClass(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return digitsASCII[r]
	case r >= 0x600 && r <= 0x6FF:
		return st.arabic[r-0x600]
	}
	switch {
	case st.digitValue(r) >= 0:
		return digitsDigit
	case unicode.IsSpace(r):
		return digitsSpace
	case unicode.Is(unicode.Latin, r):
		return digitsLatin
	}
	return digitsOther
}

// convert records the edits of the token b[start:end]; pi is a piece index at or before start.
func (st *digitsState) convert(start, end, pi int) int {
	b := st.buf
	prevDigit := false // the previous rune is a digit that is converted
	for i := start; i < end; {
		c := b[i]
		if c == '&' {
			if n := digitsEntityLen(b[i:end]); n > 0 {
				i += n
				prevDigit = false
				continue
			}
		}
		r, size := digitsRune(b, i)
		pi = st.piece(i, pi)
		write := st.pieces[pi].write
		if v := st.digitValue(r); v >= 0 {
			if write {
				if to := st.zero + rune(v); to != r {
					st.edits = append(st.edits, digitsEdit{pos: i, end: i + size, r: to})
				}
			}
			prevDigit = write
			i += size
			continue
		}
		if prevDigit && st.seps && write {
			to := rune(0)
			switch c {
			case '%':
				to = '٪'
			case '.':
				if st.writableDigit(i+1, end, pi) > 0 {
					to = '٫'
				}
			case ',':
				if st.thousands(i+1, end, pi) {
					to = '٬'
				}
			}
			if to != 0 {
				st.edits = append(st.edits, digitsEdit{pos: i, end: i + 1, r: to})
			}
		}
		prevDigit = false
		i += size
	}
	return pi
}

// piece returns the index of the piece holding buf[pos], searching forward from pi.
func (st *digitsState) piece(pos, pi int) int {
	for st.pieces[pi].end <= pos {
		pi++
	}
	return pi
}

// writableDigit returns the size of the digit at buf[pos] if it lies before end in a writable
// piece, else 0.
func (st *digitsState) writableDigit(pos, end, pi int) int {
	if pos >= end {
		return 0
	}
	r, size := digitsRune(st.buf, pos)
	if st.digitValue(r) < 0 || !st.pieces[st.piece(pos, pi)].write {
		return 0
	}
	return size
}

// thousands reports whether buf[pos:end] starts with exactly three writable digits (a group
// after a thousands separator).
func (st *digitsState) thousands(pos, end, pi int) bool {
	for range 3 {
		n := st.writableDigit(pos, end, pi)
		if n == 0 {
			return false
		}
		pos += n
	}
	if pos >= end {
		return true
	}
	r, _ := digitsRune(st.buf, pos)
	return !st.isDigit(r)
}

// versionLike reports whether token t, trimmed of leading and trailing punctuation, is made of
// three or more digit groups joined by dots ("\." counts as a dot), with an optional /N or :N.
func (st *digitsState) versionLike(t []byte) bool {
	for len(t) > 0 {
		r, size := utf8.DecodeRune(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		t = t[size:]
	}
	for len(t) > 0 {
		r, size := utf8.DecodeLastRune(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		t = t[:len(t)-size]
	}
	i := st.digitRun(t, 0)
	if i == 0 {
		return false
	}
	dots := 0
	for i < len(t) {
		j := i
		if t[j] == '\\' && j+1 < len(t) && t[j+1] == '.' {
			j++
		}
		if t[j] != '.' {
			break
		}
		n := st.digitRun(t, j+1)
		if n == 0 {
			return false
		}
		i = j + 1 + n
		dots++
	}
	if dots < 2 {
		return false
	}
	if i < len(t) && (t[i] == '/' || t[i] == ':') {
		n := st.digitRun(t, i+1)
		if n == 0 {
			return false
		}
		i += 1 + n
	}
	return i == len(t)
}

// digitRun returns the length in bytes of the run of digits at t[i:].
func (st *digitsState) digitRun(t []byte, i int) int {
	start := i
	for i < len(t) {
		r, size := digitsRune(t, i)
		if st.digitValue(r) < 0 {
			break
		}
		i += size
	}
	return i - start
}

// digitValue returns the value of an ASCII, Arabic-Indic or target digit, or -1.
func (st *digitsState) digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= st.zero && r <= st.zero+9:
		return int(r - st.zero)
	}
	return -1
}

func (st *digitsState) isDigit(r rune) bool { return st.digitValue(r) >= 0 }

func (st *digitsState) hasDigitString(s string) bool {
	for _, r := range s {
		if st.isDigit(r) {
			return true
		}
	}
	return false
}

// digitsRune decodes the rune at b[i:], with a fast path for ASCII.
func digitsRune(b []byte, i int) (rune, int) {
	if c := b[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(b[i:])
}

// digitsEntityLen returns the length of the character reference at the start of b ("&#49;",
// "&#x31;", "&amp;"), or 0. It accepts more than goldmark resolves (any length, any name), so
// that no digit goldmark reads as part of a reference is ever rewritten.
func digitsEntityLen(b []byte) int {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
			i++
		}
	}
	start := i
	for i < len(b) && ((b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z') || (b[i] >= '0' && b[i] <= '9')) {
		i++
	}
	if i == start || i >= len(b) || b[i] != ';' {
		return 0
	}
	return i + 1
}
