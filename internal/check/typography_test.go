package check

import (
	"fmt"
	"strings"
	"testing"
)

// findings lists the positions (line:col) at which rule fires on text, which starts on line 10.
func findings(text, rule string) []string {
	var out []string
	for _, d := range Typography("f.md", 10, text) {
		if d.Rule == rule {
			out = append(out, fmt.Sprintf("%d:%d", d.Line, d.Col))
		}
	}
	return out
}

func TestTypographyRules(t *testing.T) {
	tests := []struct {
		rule, text string
		want       []string // positions line:col; line 10 is the text's first line
	}{
		// arabic-letters
		{RuleArabicLetters, "این كتاب", []string{"10:5"}},
		{RuleArabicLetters, "سلام\nعلي", []string{"11:3"}},
		{RuleArabicLetters, "مصطفى", []string{"10:5"}},
		{RuleArabicLetters, "این کتاب و علی", nil},
		{RuleArabicLetters, "کد `كتاب` و [x](/كتاب/)", nil},
		{RuleArabicLetters, "```\nكتاب\n```\nمتن", nil},
		// latin-punctuation
		{RuleLatinPunctuation, "سلام, خوبی? بله; نه", []string{"10:5", "10:11", "10:16"}},
		{RuleLatinPunctuation, "**شناسایی**, سپس", []string{"10:12"}},
		{RuleLatinPunctuation, "[گزارش](https://x.org), سپس", []string{"10:23"}},
		{RuleLatinPunctuation, "عدد 1,234 است", nil},
		{RuleLatinPunctuation, "نسخهٔ GPT-4, iOS و", nil},
		{RuleLatinPunctuation, "کد `a,b` است", nil},
		{RuleLatinPunctuation, "نشانی https://x.org/?a=1, است", nil},
		{RuleLatinPunctuation, "Hello, world?", nil},
		// zwnj-mi
		{RuleZWNJMi, "او می رود و نمی ماند", []string{"10:4", "10:13"}},
		{RuleZWNJMi, "می رود", []string{"10:1"}},
		{RuleZWNJMi, "میز و میلیون و میان و نمیر", nil},
		{RuleZWNJMi, "او می‌رود", nil},
		{RuleZWNJMi, "می", nil},
		{RuleZWNJMi, "می API", nil},
		{RuleZWNJMi, "`می رود`", nil},
		// zwnj-ha
		{RuleZWNJHa, "کتاب ها و درس های ما و خانه هایم", []string{"10:5", "10:14", "10:28"}},
		{RuleZWNJHa, "کتاب‌ها و درس‌های ما", nil},
		{RuleZWNJHa, "ها را دیدم", nil},
		{RuleZWNJHa, "API ها", nil},
		{RuleZWNJHa, "کتاب هاشمی", nil},
		// quotes
		{RuleQuotes, "او گفت «نه” و رفت", []string{"10:11"}},
		{RuleQuotes, "او گفت «نه\" و رفت", []string{"10:11"}},
		{RuleQuotes, "او گفت «نه و رفت", []string{"10:8"}},
		{RuleQuotes, "او گفت نه» و رفت", []string{"10:10"}},
		{RuleQuotes, "او گفت «نه» و «آری»", nil},
		{RuleQuotes, "او گفت «او \"بله\" گفت» و رفت", nil},
		{RuleQuotes, "«سطر اول\nسطر دوم»", nil},
		{RuleQuotes, "کد `«a”` است", nil},
		// double-space
		{RuleDoubleSpace, "سلام  دنیا", []string{"10:5"}},
		{RuleDoubleSpace, "a   b", []string{"10:2"}},
		{RuleDoubleSpace, "    - فهرست تو در تو", nil},
		{RuleDoubleSpace, "شکست خط  ", nil},
		{RuleDoubleSpace, "| الف  | ب |", nil},
		{RuleDoubleSpace, "کد `a  b` است", nil},
		{RuleDoubleSpace, "-  مورد\n1.  مورد\n>  نقل\n> -  مورد", nil}, // the spaces after a marker set where the text starts
		// kashida
		{RuleKashida, "کشـــیده و بلـند", []string{"10:3", "10:14"}},
		{RuleKashida, "کشیده", nil},
		{RuleKashida, "`ـ`", nil},
		{RuleKashida, "ـ و ـــ جدا", nil}, // a kashida after no letter stretches no word
	}
	for _, tt := range tests {
		got := findings(tt.text, tt.rule)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s on %q: got %v, want %v", tt.rule, tt.text, got, tt.want)
		}
	}
}

func TestTypographyDiagnostic(t *testing.T) {
	ds := Typography("content/fa/x.md", 5, "متن\nاين")
	if len(ds) != 1 {
		t.Fatalf("got %v", ds)
	}
	d := ds[0]
	if d.File != "content/fa/x.md" || d.Line != 6 || d.Col != 2 || d.Severity.String() != "warning" || d.Hint == "" || d.Msg == "" {
		t.Errorf("got %+v", d)
	}
}

func TestFix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"این كتاب علي", "این کتاب علی"},
		{"سلام, خوبی? بله; نه", "سلام، خوبی؟ بله؛ نه"},
		{"او می رود و نمی ماند", "او می\u200cرود و نمی\u200cماند"},
		{"کتاب ها و درس های ما", "کتاب\u200cها و درس\u200cهای ما"},
		{"او گفت «نه” و رفت", "او گفت «نه» و رفت"},
		{"او گفت «نه\" و رفت", "او گفت «نه» و رفت"},
		{"سلام  دنیا   خوب", "سلام دنیا خوب"},
		{"لباس تر و آسفالت تر ماند؛ خطرناک تر و پایدار تر از دیروز و بزرگ ترین", "لباس تر و آسفالت تر ماند؛ خطرناک\u200cتر و پایدار\u200cتر از دیروز و بزرگ\u200cترین"},
		{"او گفت : «نه» و منبع:ایرنا و نوشت:«آری»", "او گفت: «نه» و منبع: ایرنا و نوشت: «آری»"},
		{"ساعت ۱۴:۳۰ و 10:30 و Note: x و **تهران:**", "ساعت ۱۴:۳۰ و 10:30 و Note: x و **تهران:**"},
		{"[](می !) و [متن](نشانی بد .)", "[](می !) و [متن](نشانی بد .)"}, // not links; fixing them could make links
		{"[ل](http:// !)", "[ل](http:// !)"},
		{"کشـــیده", "کشیده"},
		{"مـی  رود", "می\u200cرود"}, // takes more than one pass
		{"کد `a,b  كـ` و [پيوند](https://x.org/كتاب?a=1,2) و https://x.org/a,b",
			"کد `a,b  كـ` و [پیوند](https://x.org/كتاب?a=1,2) و https://x.org/a,b"},
		{"```\nسلام, كتاب\n```\nسلام, كتاب", "```\nسلام, كتاب\n```\nسلام، کتاب"},
		{"    - فهرست  \nسطر\r\nدوم", "    - فهرست  \nسطر\r\nدوم"},
		{"عدد 1,234 و GPT-4, iOS", "عدد 1,234 و GPT-4, iOS"},
	}
	for _, tt := range tests {
		got, changes := Fix(tt.in)
		if got != tt.want {
			t.Errorf("Fix(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if (got != tt.in) != (len(changes) > 0) {
			t.Errorf("Fix(%q): %d changes for a text that changed %v", tt.in, len(changes), got != tt.in)
		}
		again, more := Fix(got)
		if again != got || len(more) > 0 {
			t.Errorf("Fix is not idempotent on %q: %q, %v", got, again, more)
		}
	}
}

func TestFixChanges(t *testing.T) {
	_, changes := Fix("سطر\nاین كتاب, خوب")
	want := []string{`:2:5: arabic-letters: "كتاب" → "کتاب"`, `:2:9: latin-punctuation: "كتاب," → "كتاب،"`}
	if len(changes) != len(want) {
		t.Fatalf("changes = %v", changes)
	}
	for i, c := range changes {
		if c.String() != want[i] {
			t.Errorf("change %d = %s, want %s", i, c, want[i])
		}
	}
}

func TestFixFileFrontMatter(t *testing.T) {
	src := "\ufeff+++\r\ntitle = \"قطعي API, امروز\"\r\nsummary = 'خلاصه  کوتاه'\r\nservices = [\"كتاب\"]\r\n\r\n[[timeline]]\r\nat = \"2023-11-07 19:52\"\r\ntext = \"\"\"\r\nمی روم\"\"\"\r\n+++\r\nبدنه, كتاب `a,b`\r\n"
	got, changes := fixFile("x.md", src, nil)
	want := "\ufeff+++\r\ntitle = \"قطعی API, امروز\"\r\nsummary = 'خلاصه کوتاه'\r\nservices = [\"کتاب\"]\r\n\r\n[[timeline]]\r\nat = \"2023-11-07 19:52\"\r\ntext = \"\"\"\r\nمی\u200cروم\"\"\"\r\n+++\r\nبدنه، کتاب `a,b`\r\n"
	if got != want {
		t.Errorf("fixFile:\n got %q\nwant %q", got, want)
	}
	var pos []string
	for _, c := range changes {
		pos = append(pos, fmt.Sprintf("%d:%d:%s", c.Line, c.Col, c.Rule))
	}
	wantPos := "2:13:arabic-letters 3:17:double-space 4:14:arabic-letters 9:1:zwnj-mi 11:5:latin-punctuation 11:7:arabic-letters"
	if strings.Join(pos, " ") != wantPos {
		t.Errorf("positions = %s, want %s", strings.Join(pos, " "), wantPos)
	}
	if again, more := fixFile("x.md", got, nil); again != got || len(more) > 0 {
		t.Errorf("fixFile not idempotent: %v", more)
	}
}
