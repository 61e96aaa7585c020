package check

import (
	"strings"
	"testing"
)

// TestTypographyReadsGoldmark: what is prose is what goldmark's tree says (markdown.Prose), also
// where a line-by-line reading would not know: a fence inside a quotation or a list item, an HTML
// block, a code span over two lines, a line that cannot be a link reference definition.
func TestTypographyReadsGoldmark(t *testing.T) {
	tests := []struct {
		rule, text string
		want       []string // line 10 is the text's first line
	}{
		{RuleArabicLetters, "> ```\n> كتاب\n> ```\n> كتاب", []string{"13:3"}},
		{RuleArabicLetters, "- الف\n\n  ```\n  كتاب\n  ```\n- كتاب", []string{"15:3"}},
		{RuleArabicLetters, "<div>\nكتاب\n</div>\n\nكتاب", []string{"11:1", "14:1"}}, // the text of an HTML block is prose
		{RuleArabicLetters, "<div title=\"كتاب\">\n<code>كتاب</code>\n</div>", nil},
		{RuleArabicLetters, "کد `الف\nكتاب` و كتاب", []string{"11:9"}},
		{RuleArabicLetters, "متن\n[الف]: /كتاب/", []string{"11:9"}}, // text: a definition cannot interrupt a paragraph
		{RuleArabicLetters, "[الف]: /كتاب/\n\n[ب][الف] و كتاب", []string{"12:12"}},
		{RuleArabicLetters, "«https://fa.example.org/كتاب» و كتاب", []string{"10:33"}},
		{RuleLatinPunctuation, "سلام\\, دنیا و سلام, دنیا", []string{"10:19"}},
		{RuleLatinPunctuation, "[گزارش][مرجع], سپس\n\n[مرجع]: /x", nil},
		{RuleDoubleSpace, "| الف  | `ب  ج` |\n|---|---|\n| د  ه | و |", []string{"12:4"}},
	}
	for _, tt := range tests {
		got := findings(tt.text, tt.rule)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s on %q: got %v, want %v", tt.rule, tt.text, got, tt.want)
		}
	}
}
