package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFix feeds Fix arbitrary Markdown, seeded with the corpus: it never panics, keeps valid
// UTF-8 valid, changes nothing that is not prose, keeps the Markdown tree, reports a change for
// every difference, and a second Fix changes nothing.
func FuzzFix(f *testing.F) {
	for _, c := range readCases(f, "testdata/typography/holdout.jsonl") {
		f.Add(c.In)
	}
	for _, s := range []string{
		"`می شود` و [پیوند](https://a.example/می شود?x=1,2...) می شود",
		"```\nسرویس ها\n```\nسرویس ها",
		"<span title=\"می شود\">می شود</span>",
		"«نقل\" و \"دیگر\" ... ۱۵ می ۲۰۲۳",
		"- مورد اول  \n  مورد ها",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		out, changes := Fix(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q, not valid UTF-8", in, out)
		}
		if (out != in) != (len(changes) > 0) {
			t.Fatalf("Fix(%q) = %q with %d changes", in, out, len(changes))
		}
		if again, more := Fix(out); again != out {
			t.Fatalf("not idempotent:\n in  %s\n out %s\n out2 %s\n%v", show(in), show(out), show(again), more)
		}
		if strings.ContainsRune(in, '\r') {
			return // goldmark reads \r as a line end; the structure check below assumes \n
		}
		if err := sameStructure(in, out); err != nil {
			t.Fatalf("%s → %s: %v", show(in), show(out), err)
		}
	})
}

// BenchmarkFix fixes the corpus as one article of paragraphs (about 35 KB), and the same text as
// one long line, so that a rule whose cost grows with the square of the line shows.
func BenchmarkFix(b *testing.B) {
	var ins []string
	for _, c := range readCases(b, "testdata/typography/holdout.jsonl") {
		ins = append(ins, strings.ReplaceAll(c.In, "\n", " "))
	}
	for _, bc := range []struct{ name, text string }{
		{"paragraphs", strings.Join(ins, "\n\n")},
		{"one-line", strings.Join(ins, " ")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Fix(bc.text)
			}
		})
	}
}
