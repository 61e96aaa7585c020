package markdown

import (
	"bytes"
	"testing"
)

// The plain-text path gives exactly what goldmark gives, in a language with native digits and in
// one without.
func FuzzPlainInline(f *testing.F) {
	for _, s := range []string{
		"Investigating errors on the API.", "خطا در ۳ منطقه برطرف شد.", "The fix for GPT-4 in 2 regions: 50% done",
		"v1.2.3 and 127.0.0.1 at 19:52", `"quoted" 'single' (paren)`, "1. not a list?", "1.5 hours", "3) x",
		"2023", "a  b", "ends with space ", "- item", "#tag", "> quote", "a\tb", "x = y", "«نقل» قول؟",
		"100%", "1,234.5", "٣ ۴ 5", "a: b", "https://example.org/x", "foo@example.org",
	} {
		f.Add(s)
	}
	fa := New(Options{Zero: '۰'})
	en := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range []*Renderer{fa, en} {
			fast, ok := r.plainInline(s)
			if !ok {
				continue
			}
			out, err := r.Render([]byte(s), Doc{File: "x.md", Line: 1})
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			out = bytes.TrimRight(out, "\n")
			out = bytes.TrimSuffix(bytes.TrimPrefix(out, []byte("<p>")), []byte("</p>"))
			if !bytes.Equal(fast, out) {
				t.Fatalf("%q (zero %q): plain path %q, goldmark %q", s, r.digits.Zero(), fast, out)
			}
		}
	})
}

// Entries written in plain sentences take the plain path.
func TestPlainInlineTaken(t *testing.T) {
	r := New(Options{Zero: '۰'})
	for _, s := range []string{"Investigating errors on the API.", "سرویس ChatGPT پس از ۱۱ ساعت به حالت عادی برگشت.", "Fixed 12."} {
		if _, ok := r.plainInline(s); !ok {
			t.Errorf("%q: not plain", s)
		}
	}
}
