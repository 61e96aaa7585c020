// The rules of prose: which numbers of a sentence are written with a language's own digits.
//
// What is rewritten: ASCII digits 0-9 and Arabic-Indic digits ٠-٩ (U+0660-U+0669) become the
// digits of the converter's zero. With an Arabic-script zero ('۰' U+06F0 or '٠' U+0660) three
// separators are localised as well, only when they sit inside a number that is rewritten:
//
//   - "." between two digits → "٫" (U+066B ARABIC DECIMAL SEPARATOR): 3.5 → ۳٫۵
//   - "," after a digit and before exactly three digits that are not followed by a fourth
//     → "٬" (U+066C ARABIC THOUSANDS SEPARATOR): 1,234 → ۱٬۲۳۴, but "2,3" and "3,25" keep ","
//   - "%" right after a digit → "٪" (U+066A ARABIC PERCENT SIGN): 50% → ۵۰٪
//
// Other digit systems (say Devanagari '०') get their digits only; ".", "," and "%" stay as written.
// Digits already in the target script count as digits of a number (so "۳.۵" becomes "۳٫۵"); a
// backslash-escaped separator ("1\.5") is not between two digits and stays. Every other character,
// including spaces, line breaks, ZWNJ and the ":" of 19:52, is left as written. A converter whose
// zero is '0' rewrites nothing.
//
// Digits are left alone in HTML character references such as &#49; (and in anything shaped like
// one); a reference (also &ndash;) counts as one non-letter, so "1990&ndash;2000" is converted.
// And they are left alone in "Latin tokens". Prose is cut into tokens at white space (a block's
// end and a line break count as white space). A token keeps all its digits when
//  1. it contains a Latin letter: GPT-4, H2O, v1.2.3, 4K, 5G, x86_64, https://e.com/a1;
//  2. stripped of leading and trailing punctuation it is version- or IP-like: at least three
//     groups of digits joined by dots, optionally ending in /N or :N: 1.2.3, 127.0.0.1,
//     10.0.0.0/8, 127.0.0.1:8080 (a dotted date such as 1402.05.12 is kept too);
//  3. it follows a token ending in a Latin letter, separated by exactly one space (U+0020):
//     "iOS 17", "Windows 11", "HTTP 503" — a product, version or code name in a Latin phrase.
//     Any other separation (two spaces, a line break, a no-break space) does not count, and
//     neither does a token that opens with a bracket or quotation mark ( [ { « “ ‘ " ': the
//     number in "ChatGPT (13)" or "Gemini «2»" is an index or count that the sentence gives, and
//     is converted (a Latin or version-like token in brackets, "(v13)", "(1.2.3)", still keeps
//     its digits by rules 1 and 2).
//
// Pieces of a Buffer that are context only (the Markdown extension's code spans and autolinks)
// take part in deciding tokens but are never rewritten.

package digits

import "unicode/utf8"

// Prose applies the rules of prose to a plain string (a title, a summary): there is no code or
// link, so only the token rules and character references apply. It returns s itself when the
// converter's zero is '0' or nothing changes.
func (c *Converter) Prose(s string) string {
	if !c.prose || !c.hasDigitString(s) {
		return s
	}
	b := Buffer{c: c, buf: []byte(s)}
	b.pieces = []piece{{start: 0, end: len(b.buf), write: true}}
	b.scan()
	if len(b.edits) == 0 {
		return s
	}
	return string(b.Append(make([]byte, 0, Size(len(s), b.edits)), 0, len(b.buf), b.edits))
}

// A Buffer gathers prose from pieces, block by block, and decides which of its digits the rules of
// prose rewrite, without changing it: the caller applies the edits (see Append). Reset it for a
// converter before use; it can be reused.
type Buffer struct {
	c        *Converter
	buf      []byte  // text of the blocks seen since Reset
	lo       int     // start of the current block in buf
	pieces   []piece // covering buf[lo:], in order
	edits    []Edit  // in order
	writable bool    // the current block has a writable piece
}

// piece is a run of the buffer that came from one piece of text (or a stand-in for a break).
type piece struct {
	start, end int
	write      bool // its digits may be rewritten
}

// An Edit replaces the rune at Bytes()[Pos:End] with R.
type Edit struct {
	Pos, End int
	R        rune
}

// newline stands in the buffer for a line break.
var newline = []byte{'\n'}

// Reset empties b and makes it work for c.
func (b *Buffer) Reset(c *Converter) {
	b.c = c
	b.buf, b.lo, b.edits, b.writable = b.buf[:0], 0, b.edits[:0], false
	clear(b.pieces)
	b.pieces = b.pieces[:0]
}

// Bytes returns the text gathered since Reset; edits refer to it. It is valid until the next Add.
func (b *Buffer) Bytes() []byte { return b.buf }

// Cap returns the capacity of the buffer's text, for deciding whether to keep it for reuse.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Add appends text to the current block as one piece whose digits are rewritten if write is set
// (else it is context only) and returns where it starts in Bytes().
func (b *Buffer) Add(text []byte, write bool) int {
	if len(text) == 0 {
		return len(b.buf)
	}
	if len(b.buf) > b.lo && text[0] >= 0x80 && text[0] < 0xC0 {
		// A continuation byte: keep a broken rune from being read across two pieces.
		b.pieces = append(b.pieces, piece{start: len(b.buf), end: len(b.buf) + 1})
		b.buf = append(b.buf, 0xFF)
	}
	start := len(b.buf)
	b.buf = append(b.buf, text...)
	b.pieces = append(b.pieces, piece{start: start, end: len(b.buf), write: write})
	b.writable = b.writable || write
	return start
}

// Break adds a line break (a soft or hard one of Markdown) to the current block: white space
// between tokens, never rewritten.
func (b *Buffer) Break() { b.Add(newline, false) }

// Flush ends the current block and returns the edits decided for it, in order of position. The
// slice is valid until the next Reset.
func (b *Buffer) Flush() []Edit {
	if len(b.pieces) == 0 {
		return nil // nothing since the last Flush: inlined, for callers that flush often
	}
	return b.flush()
}

func (b *Buffer) flush() []Edit {
	e := len(b.edits)
	if b.writable {
		b.scan()
	}
	b.lo = len(b.buf)
	clear(b.pieces)
	b.pieces = b.pieces[:0]
	b.writable = false
	return b.edits[e:len(b.edits):len(b.edits)]
}

// Size returns n plus the bytes the edits add.
func Size(n int, edits []Edit) int {
	for _, ed := range edits {
		n += utf8.RuneLen(ed.R) - (ed.End - ed.Pos)
	}
	return n
}

// Append appends Bytes()[start:end] to dst with the edits applied; the edits are in order and lie
// inside start:end.
func (b *Buffer) Append(dst []byte, start, end int, edits []Edit) []byte {
	at := start
	for _, ed := range edits {
		dst = append(dst, b.buf[at:ed.Pos]...)
		dst = utf8.AppendRune(dst, ed.R)
		at = ed.End
	}
	return append(dst, b.buf[at:end]...)
}

func (c *Converter) hasDigitString(s string) bool {
	for _, r := range s {
		if c.proseValue(r) >= 0 {
			return true
		}
	}
	return false
}

// proseValue returns the value of an ASCII, Arabic-Indic or target digit, or -1: the digits
// that the rules of prose read.
func (c *Converter) proseValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= ArabicZero && r <= ArabicZero+9:
		return int(r - ArabicZero)
	case r >= c.zero && r <= c.zero+9:
		return int(r - c.zero)
	}
	return -1
}
