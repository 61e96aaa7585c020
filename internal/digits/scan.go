package digits

import (
	"unicode"
	"unicode/utf8"
)

// Rune classes for cutting tokens.
const (
	classOther uint8 = iota
	classSpace
	classLatin
	classDigit
)

// asciiClass holds the classes of the ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || (c >= '\t' && c <= '\r'):
			t[c] = classSpace
		case c >= '0' && c <= '9':
			t[c] = classDigit
		case (c|0x20) >= 'a' && (c|0x20) <= 'z':
			t[c] = classLatin
		}
	}
	return t
}()

// scan cuts the current block into tokens and records the edits of the tokens that are converted.
// Only tokens holding a digit matter, so it looks for digits and works out from each one: to the
// white space before and after it, and to the last rune of the token before.
func (b *Buffer) scan() {
	buf, lo, c := b.buf, b.lo, b.c
	pi := 0
	for i := lo; i < len(buf); {
		// Find the next digit; written out because this loop sees every byte of prose.
		ch := buf[i]
		switch {
		case ch < utf8.RuneSelf:
			if ch-'0' > 9 {
				i++
				continue
			}
		case ch >= 0xD8 && ch <= 0xDB && i+1 < len(buf) && buf[i+1]&0xC0 == 0x80: // U+0600-U+06FF
			if c.arabic[int(ch&0x03)<<6|int(buf[i+1]&0x3F)] != classDigit {
				i += 2
				continue
			}
		case !c.lead[ch]:
			i++
			continue
		default:
			if cls, size := c.classSlow(buf, i); cls != classDigit {
				i += size
				continue
			}
		}
		start := i
		for start > lo {
			r, size := utf8.DecodeLastRune(buf[lo:start])
			if c.runeClass(r) == classSpace {
				break
			}
			start -= size
		}
		end, hasLatin := start, false
		for end < len(buf) {
			if buf[end] == '&' {
				if n := entityLen(buf[end:]); n > 0 {
					end += n // a character reference counts as one non-letter
					continue
				}
			}
			cls, size := c.class(buf, end)
			if cls == classSpace {
				break
			}
			hasLatin = hasLatin || cls == classLatin
			end += size
		}
		if !hasLatin && !b.afterLatinWord(start) && !c.versionLike(buf[start:end]) {
			pi = b.convert(start, end, pi)
		}
		i = end
	}
}

// afterLatinWord reports whether the token at buf[start:] follows, after exactly one space, a
// token that ends in a Latin letter, and does not open with a bracket or a quotation mark.
func (b *Buffer) afterLatinWord(start int) bool {
	if start < b.lo+2 || b.buf[start-1] != ' ' {
		return false
	}
	if opens(b.buf[start:]) {
		return false // "ChatGPT (13)": a count the sentence gives, not a part of the name
	}
	r, _ := utf8.DecodeLastRune(b.buf[b.lo : start-1])
	return b.c.runeClass(r) == classLatin
}

// opens reports whether t starts with an opening bracket or quotation mark: ( [ { « “ ‘ " ' and
// the other Unicode open (Ps) and initial-quote (Pi) punctuation.
func opens(t []byte) bool {
	if len(t) == 0 {
		return false
	}
	if c := t[0]; c < utf8.RuneSelf {
		return c == '(' || c == '[' || c == '{' || c == '"' || c == '\''
	}
	r, _ := utf8.DecodeRune(t)
	return unicode.In(r, unicode.Ps, unicode.Pi)
}

// class returns the class and size of the rune at t[i]. ASCII and the two-byte Arabic block
// (nearly all of a Persian page) are looked up in tables.
func (c *Converter) class(t []byte, i int) (uint8, int) {
	ch := t[i]
	if ch < utf8.RuneSelf {
		return asciiClass[ch], 1
	}
	if ch >= 0xD8 && ch <= 0xDB && i+1 < len(t) && t[i+1]&0xC0 == 0x80 { // U+0600-U+06FF
		return c.arabic[int(ch&0x03)<<6|int(t[i+1]&0x3F)], 2
	}
	return c.classSlow(t, i)
}

func (c *Converter) classSlow(t []byte, i int) (uint8, int) {
	r, size := utf8.DecodeRune(t[i:])
	return c.runeClass(r), size
}

// runeClass returns the class of r.
func (c *Converter) runeClass(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case r >= 0x600 && r <= 0x6FF:
		return c.arabic[r-0x600]
	}
	switch {
	case c.proseValue(r) >= 0:
		return classDigit
	case unicode.IsSpace(r):
		return classSpace
	case unicode.Is(unicode.Latin, r):
		return classLatin
	}
	return classOther
}

// convert records the edits of the token buf[start:end]; pi is a piece index at or before start.
func (b *Buffer) convert(start, end, pi int) int {
	buf, c := b.buf, b.c
	prevDigit := false // the previous rune is a digit that is converted
	for i := start; i < end; {
		ch := buf[i]
		if ch == '&' {
			if n := entityLen(buf[i:end]); n > 0 {
				i += n
				prevDigit = false
				continue
			}
		}
		r, size := runeAt(buf, i)
		pi = b.piece(i, pi)
		write := b.pieces[pi].write
		if v := c.proseValue(r); v >= 0 {
			if write {
				if to := c.zero + rune(v); to != r {
					b.edits = append(b.edits, Edit{Pos: i, End: i + size, R: to})
				}
			}
			prevDigit = write
			i += size
			continue
		}
		if prevDigit && c.seps && write {
			to := rune(0)
			switch ch {
			case '%':
				to = '٪'
			case '.':
				if b.writableDigit(i+1, end, pi) > 0 {
					to = '٫'
				}
			case ',':
				if b.thousands(i+1, end, pi) {
					to = '٬'
				}
			}
			if to != 0 {
				b.edits = append(b.edits, Edit{Pos: i, End: i + 1, R: to})
			}
		}
		prevDigit = false
		i += size
	}
	return pi
}

// piece returns the index of the piece holding buf[pos], searching forward from pi.
func (b *Buffer) piece(pos, pi int) int {
	for b.pieces[pi].end <= pos {
		pi++
	}
	return pi
}

// writableDigit returns the size of the digit at buf[pos] if it lies before end in a writable
// piece, else 0.
func (b *Buffer) writableDigit(pos, end, pi int) int {
	if pos >= end {
		return 0
	}
	r, size := runeAt(b.buf, pos)
	if b.c.proseValue(r) < 0 || !b.pieces[b.piece(pos, pi)].write {
		return 0
	}
	return size
}

// thousands reports whether buf[pos:end] starts with exactly three writable digits (a group
// after a thousands separator).
func (b *Buffer) thousands(pos, end, pi int) bool {
	for range 3 {
		n := b.writableDigit(pos, end, pi)
		if n == 0 {
			return false
		}
		pos += n
	}
	if pos >= end {
		return true
	}
	r, _ := runeAt(b.buf, pos)
	return b.c.proseValue(r) < 0
}

// versionLike reports whether token t, trimmed of leading and trailing punctuation, is made of
// three or more digit groups joined by dots ("\." counts as a dot), with an optional /N or :N.
func (c *Converter) versionLike(t []byte) bool {
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
	i := c.digitRun(t, 0)
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
		n := c.digitRun(t, j+1)
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
		n := c.digitRun(t, i+1)
		if n == 0 {
			return false
		}
		i += 1 + n
	}
	return i == len(t)
}

// digitRun returns the length in bytes of the run of digits at t[i:].
func (c *Converter) digitRun(t []byte, i int) int {
	start := i
	for i < len(t) {
		r, size := runeAt(t, i)
		if c.proseValue(r) < 0 {
			break
		}
		i += size
	}
	return i - start
}

// runeAt decodes the rune at t[i:], with a fast path for ASCII.
func runeAt(t []byte, i int) (rune, int) {
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(t[i:])
}

// entityLen returns the length of the character reference at the start of t ("&#49;",
// "&#x31;", "&amp;"), or 0. It accepts more than goldmark resolves (any length, any name), so
// that no digit goldmark reads as part of a reference is ever rewritten.
func entityLen(t []byte) int {
	i := 1
	if i < len(t) && t[i] == '#' {
		i++
		if i < len(t) && (t[i] == 'x' || t[i] == 'X') {
			i++
		}
	}
	start := i
	for i < len(t) && ((t[i]|0x20 >= 'a' && t[i]|0x20 <= 'z') || (t[i] >= '0' && t[i] <= '9')) {
		i++
	}
	if i == start || i >= len(t) || t[i] != ';' {
		return 0
	}
	return i + 1
}
