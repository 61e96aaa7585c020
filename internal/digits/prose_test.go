package digits

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestProse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		zero rune
		want string
	}{
		{"", '۰', ""},
		{"2023", '۰', "۲۰۲۳"},
		{"ساعت 19:52", '۰', "ساعت ۱۹:۵۲"},
		{"3.5% از 1,234 نفر", '۰', "۳٫۵٪ از ۱٬۲۳۴ نفر"},
		{"٤ کشته", '۰', "۴ کشته"},
		{"GPT-4 و iOS 17 و 127.0.0.1 و v1.2.3 و H2O و x86_64", '۰', "GPT-4 و iOS 17 و 127.0.0.1 و v1.2.3 و H2O و x86_64"},
		{"زلزلهٔ 6.2 ریشتری در 10 کیلومتری", '۰', "زلزلهٔ ۶٫۲ ریشتری در ۱۰ کیلومتری"},
		{"می\u200cشود 5", '۰', "می\u200cشود ۵"},
		{"5\u00a0درصد", '۰', "۵\u00a0درصد"},
		{"&#49; 5", '۰', "&#49; ۵"},
		{"2023 و 3.5", '٠', "٢٠٢٣ و ٣٫٥"},
		{"3.5% و 1,234", '०', "३.५% و १,२३४"},
		{"2023", '0', "2023"},
		{"١٢", '0', "١٢"},
	} {
		if got := For(tc.zero).Prose(tc.in); got != tc.want {
			t.Errorf("Prose(%q, %U) = %q, want %q", tc.in, tc.zero, got, tc.want)
		}
	}
	for _, s := range []string{"بدون عدد", "no digits at all"} {
		if n := testing.AllocsPerRun(20, func() { _ = Persian.Prose(s) }); n != 0 {
			t.Errorf("Prose(%q) allocates %v times, want 0", s, n)
		}
	}
	for _, zero := range []rune{'0', 0, -1, 'a', '1', '۵', '٥', 0x1D7D3, utf8.MaxRune, utf8.MaxRune + 1} {
		if got := New(WithZero(zero)).Prose("2023 و 3.5"); got != "2023 و 3.5" {
			t.Errorf("Prose with zero %U = %q, want the input", zero, got)
		}
	}
}

// TestProseAfterLatinWord pins rule 3 of the token rules: a number right after a Latin word is
// part of a Latin name ("iOS 17") and keeps its digits, but a number in brackets or quotes after
// it is an index or count that the Persian sentence gives ("ChatGPT (13)") and is converted.
// markdown's TestDigitsAfterLatinWord checks the same in Markdown.
func TestProseAfterLatinWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ChatGPT (13)", "ChatGPT (۱۳)"},
		{"گزارش‌های ChatGPT (13) و Gemini (2)", "گزارش‌های ChatGPT (۱۳) و Gemini (۲)"},
		{"ChatGPT [13]", "ChatGPT [۱۳]"},
		{"ChatGPT «13»", "ChatGPT «۱۳»"},
		{"ChatGPT \"13\"", "ChatGPT \"۱۳\""},
		{"ChatGPT (13 مورد)", "ChatGPT (۱۳ مورد)"},
		{"GPT-4 (2023)", "GPT-4 (۲۰۲۳)"},
		{"ChatGPT (v13)", "ChatGPT (v13)"},     // a Latin token in brackets: rule 1
		{"ChatGPT (1.2.3)", "ChatGPT (1.2.3)"}, // a version in brackets: rule 2
		{"iOS 17", "iOS 17"},
		{"iOS 17)", "iOS 17)"}, // a closing bracket does not open a count
		{"Windows 11، macOS 14", "Windows 11، macOS 14"},
		{"HTTP 503", "HTTP 503"},
		{"GPT-4", "GPT-4"},
		{"(ChatGPT 13)", "(ChatGPT 13)"},
		{"ChatGPT  (13)", "ChatGPT  (۱۳)"}, // two spaces: not after the word anyway
	} {
		if got := Persian.Prose(tc.in); got != tc.want {
			t.Errorf("Prose(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestBuffer: pieces that are context only take part in tokens but keep their digits, breaks cut
// tokens, and each block's edits come back from its Flush.
func TestBuffer(t *testing.T) {
	var b Buffer
	b.Reset(Persian)
	b.Add([]byte("نسخهٔ "), true)
	b.Add([]byte("v"), false) // say, a code span: its Latin letter keeps the token Latin
	at := b.Add([]byte("2 و 3"), true)
	if at != len("نسخهٔ v") {
		t.Errorf("Add returned %d", at)
	}
	b.Break()
	b.Add([]byte("4"), true)
	first := b.Flush()
	b.Add([]byte("5 "), false)
	b.Add([]byte("6"), true)
	second := b.Flush()
	var got []string
	for _, edits := range [][]Edit{first, second} {
		var s []string
		for _, e := range edits {
			s = append(s, fmt.Sprintf("%q→%q", b.Bytes()[e.Pos:e.End], e.R))
		}
		got = append(got, strings.Join(s, " "))
	}
	if want := []string{`"3"→'۳' "4"→'۴'`, `"6"→'۶'`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("edits %q, want %q", got, want)
	}
	if out := string(b.Append(nil, 0, len(b.Bytes()), append(first, second...))); out != "نسخهٔ v2 و ۳\n۴5 ۶" {
		t.Errorf("Append = %q", out)
	}
	if Size(3, first) != 3+2 {
		t.Errorf("Size = %d", Size(3, first))
	}
}

// FuzzProse: Prose keeps the rune count and changes only digits and separators, and scan agrees
// with the straightforward scanner.
func FuzzProse(f *testing.F) {
	for _, s := range []string{"2023", "3.5% از 1,234", "GPT-4 iOS 17", "&#49;5", "١٢.٥", "۳.۵", "\xd9\xa4\xd9", "1,2345"} {
		f.Add(s, '۰')
	}
	f.Add("3.5 1,234 50%", '٠')
	f.Add("3.5 1,234 50%", '०')
	f.Fuzz(func(t *testing.T, s string, zero rune) {
		c := New(WithZero(zero))
		if c.Rewrites() {
			compareScanners(t, s, c)
		}
		got := c.Prose(s)
		if !c.Rewrites() {
			if got != s {
				t.Fatalf("disabled zero %U changed %q to %q", zero, s, got)
			}
			return
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 %q from %q", got, s)
		}
		in, out := []byte(s), []byte(got)
		for len(in) > 0 && len(out) > 0 {
			r, n := utf8.DecodeRune(in)
			q, m := utf8.DecodeRune(out)
			in, out = in[n:], out[m:]
			if r == q && n == m {
				continue
			}
			ok := false
			switch {
			case r >= '0' && r <= '9':
				ok = q == zero+(r-'0')
			case r >= '٠' && r <= '٩':
				ok = q == zero+(r-'٠')
			case r == '.':
				ok = q == '٫'
			case r == ',':
				ok = q == '٬'
			case r == '%':
				ok = q == '٪'
			}
			if !ok {
				t.Fatalf("Prose(%q, %U) = %q: %q became %q", s, zero, got, r, q)
			}
		}
		if len(in) != 0 || len(out) != 0 {
			t.Fatalf("Prose(%q, %U) = %q: rune counts differ", s, zero, got)
		}
	})
}

// compareScanners checks that scan and scanReference decide the same edits for s.
func compareScanners(t *testing.T, s string, c *Converter) {
	t.Helper()
	var edits [2][]Edit
	for k := range edits {
		b := Buffer{c: c, buf: []byte(s)}
		b.pieces = []piece{{start: 0, end: len(b.buf), write: true}}
		if k == 0 {
			b.scan()
		} else {
			b.scanReference()
		}
		edits[k] = b.edits
	}
	if fmt.Sprint(edits[0]) != fmt.Sprint(edits[1]) {
		t.Fatalf("scanners disagree on %q (zero %U):\nscan:      %v\nreference: %v", s, c.Zero(), edits[0], edits[1])
	}
}

// TestScanners compares the scanners on the Markdown extension's cases and benchmark article
// (internal/markdown/testdata/digits), whole and line by line.
func TestScanners(t *testing.T) {
	inputs := []string{"iOS 17", "ChatGPT (13)", "Gemini «2» و «3»", "a  1", " 1", "&#49;5 &amp;5", "x\xd9\xa45"}
	for _, name := range []string{"cases.txt", "article.md"} {
		b, err := os.ReadFile(filepath.Join("..", "markdown", "testdata", "digits", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
		inputs = append(inputs, strings.Split(string(b), "\n")...)
	}
	for _, in := range inputs {
		for _, c := range []*Converter{Persian, Arabic, For('०')} {
			compareScanners(t, in, c)
		}
	}
}

// scanReference is the straightforward left-to-right scanner that scan must agree with.
func (b *Buffer) scanReference() {
	buf, c := b.buf, b.c
	pi := 0
	start := -1        // start of the current token; -1 between tokens
	spaceStart := b.lo // start of the white space before the next token
	var oneSpace, prevLatin, hasLatin, hasDigit, lastLatin bool
	for i := b.lo; ; {
		cls, size := classSpace, 1 // the end of the buffer ends a token
		if i < len(buf) {
			// The class lookup is written out here: this loop sees every byte of prose.
			ch := buf[i]
			switch {
			case ch < utf8.RuneSelf:
				cls = asciiClass[ch]
				if ch == '&' {
					if n := entityLen(buf[i:]); n > 0 {
						size = n // a character reference counts as one non-letter
					}
				}
			case ch >= 0xD8 && ch <= 0xDB && i+1 < len(buf) && buf[i+1]&0xC0 == 0x80: // U+0600-U+06FF
				cls, size = c.arabic[int(ch&0x03)<<6|int(buf[i+1]&0x3F)], 2
			default:
				cls, size = c.classSlow(buf, i)
			}
		}
		if cls == classSpace {
			if start >= 0 {
				if !hasLatin && hasDigit && !(oneSpace && prevLatin && !opens(buf[start:i])) && !c.versionLike(buf[start:i]) {
					pi = b.convert(start, i, pi)
				}
				prevLatin = lastLatin
				start, spaceStart = -1, i
			}
			if i >= len(buf) {
				return
			}
			i += size
			continue
		}
		if start < 0 {
			start = i
			oneSpace = i-spaceStart == 1 && buf[spaceStart] == ' '
			hasLatin, hasDigit = false, false
		}
		lastLatin = cls == classLatin
		hasLatin = hasLatin || lastLatin
		hasDigit = hasDigit || cls == classDigit
		i += size
	}
}
