package digits

import (
	"testing"
	"unicode/utf8"
)

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		opts     []Option
		zero     rune
		rewrites bool
	}{
		{nil, '0', false},
		{[]Option{WithZero('۰')}, '۰', true},
		{[]Option{WithZero('٠')}, '٠', true},
		{[]Option{WithZero('०')}, '०', true},
		{[]Option{WithZero('0')}, '0', false},
		{[]Option{WithZero('۵')}, '0', false}, // not a zero
		{[]Option{WithZero(0)}, '0', false},
		{[]Option{WithZero('۰'), WithZero('٠')}, '٠', true}, // in order
	} {
		c := New(tc.opts...)
		if c.Zero() != tc.zero || c.Rewrites() != tc.rewrites {
			t.Errorf("New(%d options): zero %q, rewrites %v; want %q, %v", len(tc.opts), c.Zero(), c.Rewrites(), tc.zero, tc.rewrites)
		}
	}
	if Persian.Zero() != '۰' || Arabic.Zero() != '٠' || ASCII.Zero() != '0' {
		t.Error("ready converters have the wrong zeros")
	}
	if For('۰') != Persian || For('٠') != Arabic || For('0') != ASCII || For('०') != For('०') || For('०').Zero() != '०' {
		t.Error("For does not return one converter per zero")
	}
}

func TestReplace(t *testing.T) {
	bn := For('০')
	for _, tc := range []struct {
		c        *Converter
		in, want string
	}{
		{Persian, "", ""},
		{Persian, "0123456789", "۰۱۲۳۴۵۶۷۸۹"},
		{Persian, "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"},
		{Persian, "۰۱۲۳۴۵۶۷۸۹", "۰۱۲۳۴۵۶۷۸۹"},
		{Persian, "GPT-4 و 3.5%", "GPT-۴ و ۳.۵%"}, // every digit, no separators
		{Persian, "१२३ ০১২", "१२३ ০১২"},           // other scripts' digits are left alone
		{Persian, "a\xffb1\xd9", "a\xffb۱\xd9"},   // invalid UTF-8 is copied
		{ASCII, "۱۴۰۲/۸/۱۷ و ٢٠٢٣", "1402/8/17 و 2023"},
		{ASCII, "\xdb\xb1\xdb", "1\xdb"},
		{Arabic, "2023 ۱۴۰۲", "٢٠٢٣ ١٤٠٢"},
		{bn, "12 ۳ ٤", "১২ ৩ ৪"},
	} {
		if got := tc.c.Replace(tc.in); got != tc.want {
			t.Errorf("%q Replace(%q) = %q, want %q", tc.c.Zero(), tc.in, got, tc.want)
		}
	}
	for _, s := range []string{"۱۷ آبان ۱۴۰۲", "no digits"} {
		if n := testing.AllocsPerRun(20, func() { _ = Persian.Replace(s) }); n != 0 {
			t.Errorf("Replace(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestAppendUint(t *testing.T) {
	for _, tc := range []struct {
		c     *Converter
		n     uint64
		width int
		want  string
	}{
		{Persian, 0, 1, "۰"},
		{Persian, 7, 2, "۰۷"},
		{Persian, 1402, 1, "۱۴۰۲"},
		{ASCII, 5, 2, "05"},
		{ASCII, 18446744073709551615, 1, "18446744073709551615"},
		{Arabic, 52, 0, "٥٢"},
		{Arabic, 0, 0, "٠"},
	} {
		if got := string(tc.c.AppendUint([]byte("x"), tc.n, tc.width)); got != "x"+tc.want {
			t.Errorf("%q AppendUint(%d, %d) = %q, want %q", tc.c.Zero(), tc.n, tc.width, got, "x"+tc.want)
		}
	}
	if !utf8.ValidString(string(Persian.AppendUint(nil, 1234567890, 1))) {
		t.Error("invalid UTF-8")
	}
}
