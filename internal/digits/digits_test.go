package digits

import (
	"testing"
	"unicode/utf8"
)

func TestValue(t *testing.T) {
	for r, want := range map[rune]int{
		'0': 0, '9': 9, '۰': 0, '۵': 5, '۹': 9, '٠': 0, '٤': 4, '٩': 9,
		'/': -1, ':': -1, '۪': -1, '٪': -1, '٫': -1, '०': -1, '০': -1, 'a': -1, -1: -1,
	} {
		if got := Value(r); got != want {
			t.Errorf("Value(%q) = %d, want %d", r, got, want)
		}
		if got := IsDigit(r); got != (want >= 0) {
			t.Errorf("IsDigit(%q) = %v", r, got)
		}
	}
}

func TestAt(t *testing.T) {
	s := "a7۸٩\xdb\xd9\xb1१"
	for _, tc := range []struct{ i, val, size int }{
		{-1, 0, 0}, {0, 0, 0}, {1, 7, 1}, {2, 8, 2}, {3, 0, 0}, {4, 9, 2}, {6, 0, 0}, {7, 0, 0}, {8, 0, 0}, {len(s), 0, 0},
	} {
		if val, size := At(s, tc.i); val != tc.val || size != tc.size {
			t.Errorf("At(%q, %d) = %d, %d; want %d, %d", s, tc.i, val, size, tc.val, tc.size)
		}
	}
}

// TestAtAgreesWithValue: At reads exactly the digits Value knows, byte for byte.
func TestAtAgreesWithValue(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		s := string(r)
		val, size := At(s, 0)
		if v := Value(r); (v >= 0) != (size > 0) || v >= 0 && (val != v || size != utf8.RuneLen(r)) {
			t.Errorf("At(%q) = %d, %d; Value = %d", s, val, size, v)
		}
		if size > 0 && Index("xyz"+s) != 3 {
			t.Errorf("Index misses %q", s)
		}
	}
}

func TestIndex(t *testing.T) {
	for s, want := range map[string]int{"": -1, "abc": -1, "سس": -1, "سلام": 2 /* ل starts with 0xD9, as ٠-٩ do */, "ab1": 2, "x۱": 1, "xx٢": 2, "\xd9": 0} {
		if got := Index(s); got != want {
			t.Errorf("Index(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestIsZero(t *testing.T) {
	for zero, want := range map[rune]bool{
		'0': true, '۰': true, '٠': true, '०': true, '০': true, 0x1D7CE: true, 0x1D7D8: true, 0xFF10: true,
		'1': false, '۵': false, 'a': false, 0: false, -1: false, 0x1D7D3: false,
		utf8.MaxRune: false, utf8.MaxRune + 1: false, '٫': false,
	} {
		if got := IsZero(zero); got != want {
			t.Errorf("IsZero(%U) = %v, want %v", zero, got, want)
		}
	}
}
