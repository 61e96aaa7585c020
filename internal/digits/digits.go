// Package digits is the one home of decimal digits in rokhdad: which runes are digits of which
// script, and writing numbers with a language's own digits.
//
// Three scripts of digits are read in every language: ASCII 0-9, Persian ۰-۹ (U+06F0-U+06F9,
// EXTENDED ARABIC-INDIC DIGIT) and Arabic-Indic ٠-٩ (U+0660-U+0669). Value, IsDigit, At and Index
// classify them; IsZero tells the zero of any Unicode block of ten decimal digits.
//
// A Converter writes numbers with the digits of one zero, set with WithZero (Persian and Arabic
// are ready): Replace rewrites every digit of a string (dates, clock times, counts), AppendUint
// writes an integer, and Prose applies the rules of prose, in which "2023" becomes "۲۰۲۳" but
// "GPT-4", "iOS 17" and "127.0.0.1" keep their digits (see prose.go). A Buffer applies the rules of
// prose to text gathered from pieces, as the Markdown extension (markdown.NewDigits) gathers the
// text nodes of a document.
package digits

import "unicode"

// The zeros of the three scripts read in every language.
const (
	ASCIIZero   = '0'
	PersianZero = '۰' // U+06F0 EXTENDED ARABIC-INDIC DIGIT ZERO
	ArabicZero  = '٠' // U+0660 ARABIC-INDIC DIGIT ZERO
)

// Scripts of the digits read in every language, as scriptOf reports them.
const (
	scriptASCII = iota
	scriptPersian
	scriptArabic
	numScripts
)

// scriptZero is the zero of each script.
var scriptZero = [numScripts]rune{ASCIIZero, PersianZero, ArabicZero}

// Value returns the value of r if it is an ASCII, Persian or Arabic-Indic digit, or -1.
func Value(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= PersianZero && r <= PersianZero+9:
		return int(r - PersianZero)
	case r >= ArabicZero && r <= ArabicZero+9:
		return int(r - ArabicZero)
	}
	return -1
}

// IsDigit reports whether r is an ASCII, Persian or Arabic-Indic digit.
func IsDigit(r rune) bool { return Value(r) >= 0 }

// At returns the value and the size in bytes of the ASCII, Persian or Arabic-Indic digit that
// starts at s[i], or size 0 when none does (or i is not inside s). It reads bytes: invalid UTF-8
// around a digit does not matter.
func At(s string, i int) (val, size int) {
	if uint(i) >= uint(len(s)) {
		return 0, 0
	}
	c := s[i]
	if c-'0' <= 9 {
		return int(c - '0'), 1
	}
	// U+06F0..U+06F9 is DB B0..DB B9, U+0660..U+0669 is D9 A0..D9 A9: the second byte of digit 0
	// is A0 + 8·(first byte − D9). Written so, At is small enough to be inlined.
	if c|2 == 0xDB && i+1 < len(s) {
		if d := s[i+1] - (0xA0 + (c-0xD9)*8); d <= 9 {
			return int(d), 2
		}
	}
	return 0, 0
}

// scriptOf returns the script of a digit that At found, from its first byte.
func scriptOf(lead byte) int {
	switch lead {
	case 0xDB:
		return scriptPersian
	case 0xD9:
		return scriptArabic
	}
	return scriptASCII
}

// Index returns the index of the first byte of s that may begin an ASCII, Persian or Arabic-Indic
// digit (an ASCII digit, or the first byte of the other two), or -1; At tells whether one does.
// It lets a scan skip letters without decoding them.
func Index(s string) int {
	for k := 0; k < len(s); k++ {
		if mayStart(s[k]) {
			return k
		}
	}
	return -1
}

// mayStart reports whether a digit may start with byte c.
func mayStart(c byte) bool { return c-'0' <= 9 || c == 0xDB || c == 0xD9 }

// IsZero reports whether zero is the zero of a Unicode block of ten decimal digits (category Nd):
// '0', '۰', '٠', '०', '০', the mathematical and full-width zeros, … but not '۵' or '٫'.
func IsZero(zero rune) bool {
	if zero < 0 || zero > unicode.MaxRune-9 || !unicode.Is(unicode.Nd, zero) || !unicode.Is(unicode.Nd, zero+9) {
		return false
	}
	start := zero
	for unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return (zero-start)%10 == 0
}
