package digits

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// A Converter writes numbers with the digits of one zero. It is immutable and safe for concurrent
// use; make one with New, or use Persian, Arabic, ASCII or For.
type Converter struct {
	zero  rune
	digit [10]string // digit[i] is the UTF-8 encoding of digit i
	// native[s] reports that the digits of script s are this converter's.
	native [numScripts]bool

	// What Prose needs (prose.go).
	prose  bool       // zero is not '0': Prose rewrites
	seps   bool       // Prose writes the Arabic separators ٫ ٬ ٪ (an Arabic-script zero)
	arabic [256]uint8 // classes of U+0600-U+06FF
	lead   [256]bool  // first bytes of the UTF-8 encodings of digits outside U+0000-U+06FF
}

// An Option configures a Converter made by New.
type Option func(*Converter)

// WithZero sets the zero digit, e.g. '۰' (U+06F0, Persian) or '٠' (U+0660, Arabic); its nine
// successors are the digits 1-9. A rune that is not the zero of a Unicode block of ten decimal
// digits (see IsZero) counts as '0'. Without WithZero, New uses '0'.
func WithZero(zero rune) Option {
	return func(c *Converter) {
		c.zero = zero
	}
}

// New returns a Converter with the given options, applied in order.
func New(opts ...Option) *Converter {
	c := &Converter{zero: ASCIIZero}
	for _, opt := range opts {
		opt(c)
	}
	if !IsZero(c.zero) {
		c.zero = ASCIIZero
	}
	for i := range c.digit {
		c.digit[i] = string(c.zero + rune(i))
	}
	for s, z := range scriptZero {
		c.native[s] = z == c.zero
	}
	c.prose = c.zero != ASCIIZero
	c.seps = c.zero == PersianZero || c.zero == ArabicZero
	for r := rune(0x600); r <= 0x6FF; r++ {
		if c.proseValue(r) >= 0 {
			c.arabic[r-0x600] = classDigit
		}
	}
	var enc [utf8.UTFMax]byte
	for _, from := range []rune{ASCIIZero, ArabicZero, c.zero} {
		for r := from; r <= from+9; r++ {
			utf8.EncodeRune(enc[:], r)
			c.lead[enc[0]] = true
		}
	}
	return c
}

// Ready converters.
var (
	// Persian writes ۰-۹ and, in prose, the Arabic separators: 2023 → ۲۰۲۳, 3.5 → ۳٫۵, 50% → ۵۰٪.
	Persian = New(WithZero(PersianZero))
	// Arabic writes ٠-٩ and, in prose, the Arabic separators: 2023 → ٢٠٢٣, 3.5 → ٣٫٥.
	Arabic = New(WithZero(ArabicZero))
	// ASCII writes 0-9: Replace turns Persian and Arabic-Indic digits into ASCII ones; Prose
	// changes nothing.
	ASCII = New()
)

var converters sync.Map // of rune → *Converter, for For

// For returns the Converter of zero with no other option, made once.
func For(zero rune) *Converter {
	switch zero {
	case PersianZero:
		return Persian
	case ArabicZero:
		return Arabic
	case ASCIIZero:
		return ASCII
	}
	if c, ok := converters.Load(zero); ok {
		return c.(*Converter)
	}
	c, _ := converters.LoadOrStore(zero, New(WithZero(zero)))
	return c.(*Converter)
}

// Zero returns the zero digit; digit i is Zero()+i.
func (c *Converter) Zero() rune { return c.zero }

// Rewrites reports whether Prose and a Buffer rewrite anything: whether the zero is not '0'.
func (c *Converter) Rewrites() bool { return c.prose }

// Replace returns s with every ASCII, Persian and Arabic-Indic digit replaced by the converter's
// digit of the same value. All other bytes, including invalid UTF-8, are copied unchanged, so the
// rune count is kept and valid UTF-8 stays valid. If nothing changes, s itself is returned without
// allocating.
func (c *Converter) Replace(s string) string {
	// First pass: find the first digit to change and the output length.
	first, n := -1, len(s)
	zw := len(c.digit[0])
	for i := 0; i < len(s); {
		if !mayStart(s[i]) { // fast skip
			i++
			continue
		}
		if _, w := At(s, i); w > 0 {
			if !c.native[scriptOf(s[i])] {
				if first < 0 {
					first = i
				}
				n += zw - w
			}
			i += w
			continue
		}
		i++
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(n)
	done := 0 // s[:done] is written
	for i := first; i < len(s); {
		if !mayStart(s[i]) { // fast skip
			i++
			continue
		}
		if v, w := At(s, i); w > 0 {
			b.WriteString(s[done:i])
			b.WriteString(c.digit[v])
			done = i + w
			i += w
			continue
		}
		i++
	}
	b.WriteString(s[done:])
	return b.String()
}

// AppendUint appends the decimal digits of n in the converter's digits, at least minWidth of them
// (zero-padded; minWidth at most 20).
func (c *Converter) AppendUint(b []byte, n uint64, minWidth int) []byte {
	var tmp [20]byte // enough for any uint64
	i := len(tmp)
	for {
		i--
		tmp[i] = byte(n % 10)
		n /= 10
		if n == 0 && len(tmp)-i >= minWidth {
			break
		}
	}
	for _, d := range tmp[i:] {
		b = append(b, c.digit[d]...)
	}
	return b
}
