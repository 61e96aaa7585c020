package bidi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "API outage of 3 hours", "API outage of 3 hours"},
		{"persian with ZWNJ, LRM, RLM, ALM", "می\u200cخواهم \u200eA\u200f \u061c!", "می\u200cخواهم \u200eA\u200f \u061c!"},
		{"ZWJ", "a\u200db", "a\u200db"},
		{"tab and line feed stay", "a\tb\nc", "a\tb\nc"},
		{"C0 controls go", "a\x00b\x07c\x08d\x0be\x0cf\x1bg\x1fh\ri", "abcdefghi"},
		{"DEL and C1 go", "a\x7fb\u0085c\u009fd", "abcd"},
		{"NBSP and U+00A0+ stay", "a\u00a0b\u00adc", "a\u00a0b\u00adc"},
		{"balanced isolate stays", "x \u2067فارسی\u2069 y", "x \u2067فارسی\u2069 y"},
		{"balanced embedding stays", "x \u202bفارسی\u202c y", "x \u202bفارسی\u202c y"},
		{"balanced nesting stays", "\u2066a\u202eb\u202c\u2068c\u2069\u2069", "\u2066a\u202eb\u202c\u2068c\u2069\u2069"},
		{"RLO closed at the end", "Evil \u202eattack", "Evil \u202eattack\u202c"},
		{"RLI closed at the end", "a \u2067b", "a \u2067b\u2069"},
		{"several closed innermost first", "\u202ba\u2066b\u202dc", "\u202ba\u2066b\u202dc\u202c\u2069\u202c"},
		{"stray PDF dropped", "a\u202cb", "ab"},
		{"stray PDI dropped", "a\u2069b", "ab"},
		{"PDF cannot close across an isolate", "\u202ba\u2066b\u202cc\u2069d\u202c", "\u202ba\u2066bc\u2069d\u202c"},
		{"PDI closes the embeddings inside it", "\u2067a\u202eb\u2069c", "\u2067a\u202eb\u202c\u2069c"},
		{"PDI passes embeddings to its isolate", "\u2066a\u202ab\u202bc\u2069", "\u2066a\u202ab\u202bc\u202c\u202c\u2069"},
		{"line feed ends a paragraph", "a\u202eb\nc\u202cd", "a\u202eb\u202c\ncd"},
		{"paragraph separator too", "a\u2067b\u2029c\u2069", "a\u2067b\u2069\u2029c"},
		{"both rules at once", "\u202e\x07x\u2069", "\u202ex\u202c"},
		{"only openers", "\u202a\u202b\u202d\u202e\u2066\u2067\u2068",
			"\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u2069\u2069\u2069\u202c\u202c\u202c\u202c"},
		{"only closers", "\u202c\u2069\u202c", ""},
		{"invalid UTF-8 left as it is", "a\xffb\u202e", "a\xffb\u202e\u202c"},
		{"truncated sequences at the end", "a\xe2\x80", "a\xe2\x80"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%+q)\n got %+q\nwant %+q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean is not idempotent: Clean(%+q) = %+q", got, again)
			}
			if (Problems(tt.in) == nil) != (got == tt.in) {
				t.Errorf("Problems(%+q) = %v, but Clean changes it: %v", tt.in, Problems(tt.in), got != tt.in)
			}
		})
	}
}

func TestCleanDoesNotCopyCleanText(t *testing.T) {
	for _, s := range []string{"API outage", "می\u200cخواهم \u200f", "x \u2067a\u2069"} {
		if n := testing.AllocsPerRun(10, func() { _ = Clean(s) }); n != 0 {
			t.Errorf("Clean(%+q) allocates %v times", s, n)
		}
		if got := Clean(s); got != s {
			t.Errorf("Clean(%+q) = %+q", s, got)
		}
	}
}

func TestProblems(t *testing.T) {
	s := "a\u202eb\x07c\u2069d\u2067e"
	got := Problems(s)
	want := []Problem{
		{Offset: 1, Rune: rlo, Fix: Unclosed},
		{Offset: 5, Rune: 7, Fix: Removed},
		{Offset: 7, Rune: pdiR, Fix: Stray},
		{Offset: 11, Rune: rli, Fix: Unclosed},
	}
	if len(got) != len(want) {
		t.Fatalf("Problems(%+q) = %v, want %v", s, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d = %+v, want %+v", i, got[i], want[i])
		}
		if r, _ := utf8.DecodeRuneInString(s[got[i].Offset:]); r != got[i].Rune {
			t.Errorf("problem %d: offset %d holds %U, not %U", i, got[i].Offset, r, got[i].Rune)
		}
	}
	if Problems("می\u200cخواهم") != nil {
		t.Error("ZWNJ reported")
	}
}

func TestName(t *testing.T) {
	for r, want := range map[rune]string{rlo: "U+202E RIGHT-TO-LEFT OVERRIDE", 7: "U+0007 (a control character)", pdiR: "U+2069 POP DIRECTIONAL ISOLATE"} {
		if got := Name(r); got != want {
			t.Errorf("Name(%U) = %q, want %q", r, got, want)
		}
	}
}

// balanced is the test's own check that s has no control character and that every bidi control is
// paired on its line, nested correctly.
func balanced(s string) bool {
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\u2029' }) {
		var stack []rune
		for _, r := range line {
			switch {
			case r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f:
				return false
			case r >= 0x202a && r <= 0x202e && r != 0x202c, r >= 0x2066 && r <= 0x2068:
				stack = append(stack, r)
			case r == 0x202c, r == 0x2069:
				if len(stack) == 0 || (stack[len(stack)-1] >= 0x2066) != (r == 0x2069) {
					return false
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) > 0 {
			return false
		}
	}
	return true
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a\u202eb", "\u2067a\u202eb\u2069c", "\u202c\u2069", "x\x07\ny\u2029", "\u202ba\u2066b\u202cc\u2069d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Clean(s)
		if !balanced(got) {
			t.Fatalf("Clean(%+q) = %+q is not balanced", s, got)
		}
		if Clean(got) != got {
			t.Fatalf("Clean not idempotent on %+q", s)
		}
		// Only controls are removed or added.
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
					return -1
				}
				return r
			}, s)
		}
		if strip(got) != strip(s) {
			t.Fatalf("Clean(%+q) = %+q changed more than controls", s, got)
		}
		if balanced(s) && got != s {
			t.Fatalf("Clean changed balanced %+q into %+q", s, got)
		}
	})
}

func BenchmarkClean(b *testing.B) {
	s := "قطعی ۳ ساعته‌ی DNS کلادفلر: از ساعت ۱۹:۱۶ روز ۱۷ آبان ۱۴۰۲ پاسخ‌های DNS کند شد."
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Clean(s)
	}
}
