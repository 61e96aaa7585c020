package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

type vector struct {
	Note string `json:"note"`
	In   string `json:"in"`
	Out  string `json:"out"`
}

func readVectors(t testing.TB) []vector {
	t.Helper()
	b, err := os.ReadFile("testdata/normalize.json")
	if err != nil {
		t.Fatal(err)
	}
	var v []vector
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNormalizeVectors checks the shared vectors that the browser script is checked against too.
func TestNormalizeVectors(t *testing.T) {
	for _, v := range readVectors(t) {
		if got := Normalize(v.In); got != v.Out {
			t.Errorf("%s: Normalize(%+q) = %+q, want %+q", v.Note, v.In, got, v.Out)
		}
		if got := Normalize(v.Out); got != v.Out {
			t.Errorf("%s: not idempotent: Normalize(%+q) = %+q", v.Note, v.Out, got)
		}
	}
}

// TestNormalizeSame lists spellings that a reader takes for the same words.
func TestNormalizeSame(t *testing.T) {
	for _, group := range [][]string{
		{"کیک", "كيك", "كیک", "کيك"},                                         // Arabic yeh/kaf
		{"می‌شود", "میشود", "مي‌شود", "مي\u200dشود", "مى\u200cشود"},          // ZWNJ, ZWJ, alef maksura
		{"مشکل", "مُشکل", "مُشْكِل", "مشـــکل", "مـُشـکل"},                   // diacritics, tatweel
		{"503", "۵۰۳", "٥٠٣", "۵٠3"},                                         // digits
		{"gpt 4", "GPT-4", "gpt‑4", "Gpt 4", " GPT—4! "},                     // Latin, punctuation
		{"chatgpt", "ChatGPT", "CHATGPT", "ChatGPT:"},                        // capitalization
		{"خانه ما", "خانهٔ ما", "خانۀ ما", "خانه\u0654 ما"},                  // ezafe hamza
		{"اب", "آب", "ا\u0653ب", "أب", "إب"},                                 // alef variants
		{"دسترسی", "دسترسي", "دسترسى", "\u200fدسترسی\u200f", "دسترسی\u200c"}, // bidi marks, trailing ZWNJ
		{"پاسخها", "پاسخ‌ها", "پاسخ ها", "پاسخ  ها", "پاسخ\u00a0ها"},         // a space where a ZWNJ belongs: suffix
		{"پاسخهای ما", "پاسخ‌های ما", "پاسخ های ما"},                         // ...plural with ezafe
		{"میشود", "می‌شود", "می شود", "مي شود"},                              // ...verb prefix
		{"نمیشود", "نمی‌شود", "نمی شود"},                                     // ...negative verb prefix
		{"بزرگترین", "بزرگ‌ترین", "بزرگ ترین"},                               // ...superlative
		{"رفتهاند", "رفته‌اند", "رفته اند"},                                  // ...verb ending
	} {
		want := Normalize(group[0])
		for _, s := range group[1:] {
			if got := Normalize(s); got != want {
				t.Errorf("Normalize(%+q) = %+q, want %+q (as for %+q)", s, got, want, group[0])
			}
		}
	}
}

func TestNormalizeInvalidUTF8(t *testing.T) {
	if got := Normalize("ab\xffcd\xc3"); got != "ab cd" {
		t.Errorf("Normalize(invalid) = %+q, want %+q", got, "ab cd")
	}
}

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"GPT-4 و API", []string{"gpt", "4", "api"}},
		{"خطای ۵۰۳ و خطای 503", []string{"خطای", "503"}},
		{"a b c 7 x9 ۸", []string{"7", "x9", "8"}},
		{"درخواست‌های رابط برنامه‌نویسی", []string{"درخواستهای", "رابط", "برنامهنویسی"}},
		{"كندي پاسخ‌ها", []string{"کندی", "پاسخها"}},
		{"The Outage, the outage!", []string{"the", "outage"}},
		{strings.Repeat("x", 40) + " " + strings.Repeat("۱", 33), []string{strings.Repeat("x", 32), strings.Repeat("1", 32)}},
		{strings.Repeat("ب", 32), []string{strings.Repeat("ب", 32)}},
		{"١", []string{"1"}},
		{"ـ", nil},
		{"پاسخ ها", []string{"پاسخها"}},
		{"ها پاسخ", []string{"ها", "پاسخ"}},                                        // a suffix with nothing before it stays a word
		{"API ها", []string{"api", "ها"}},                                          // a suffix joins only a Persian word
		{"می API", []string{"می", "api"}},                                          // a prefix joins only a Persian word
		{"می شود ها", []string{"میشودها"}},                                         // joins chain
		{"۵ ها", []string{"5", "ها"}},                                              // not to a number
		{"تر خشک", []string{"تر", "خشک"}},                                          // «تر» (wet) is a word, not a suffix
		{strings.Repeat("ب", 31) + " ها", []string{strings.Repeat("ب", 31) + "ه"}}, // joined, then cut
		{strings.Repeat("ب", 40) + " ها", []string{strings.Repeat("ب", 32)}},
		{"می " + strings.Repeat("ب", 40), []string{"می" + strings.Repeat("ب", 30)}},
	} {
		if got := Tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Tokens(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

// tokensByNormalize is Tokens written the long way, from Normalize.
func tokensByNormalize(s string) []string {
	var out []string
	for _, w := range strings.Fields(Normalize(s)) {
		rs := []rune(w)
		if len(rs) < 2 && !(len(rs) == 1 && rs[0] >= '0' && rs[0] <= '9') {
			continue
		}
		if len(rs) > MaxTermRunes {
			w = string(rs[:MaxTermRunes])
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func TestTokensAgreeWithNormalize(t *testing.T) {
	for _, v := range readVectors(t) {
		if got, want := Tokens(v.In), tokensByNormalize(v.In); !slices.Equal(got, want) {
			t.Errorf("%s: Tokens = %+q, from Normalize %+q", v.Note, got, want)
		}
	}
}

// TestFastTable checks that the cached runes map as the definition says.
func TestFastTable(t *testing.T) {
	for r := rune(0); r < fastLimit; r++ {
		if mapRune(r) != mapRuneSlow(r) {
			t.Fatalf("%U: fast %q, slow %q", r, mapRune(r), mapRuneSlow(r))
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, v := range readVectors(f) {
		f.Add(v.In)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Errorf("not idempotent: %+q → %+q → %+q", s, n, Normalize(n))
		}
		if !utf8.ValidString(n) || strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Errorf("Normalize(%+q) = %+q", s, n)
		}
		if got, want := Tokens(s), tokensByNormalize(s); !slices.Equal(got, want) {
			t.Errorf("Tokens(%+q) = %+q, from Normalize %+q", s, got, want)
		}
	})
}

// TestJoinLists checks that isSuffix and isPrefix say yes to exactly the words of their lists.
func TestJoinLists(t *testing.T) {
	for _, w := range joinSuffix {
		if !isSuffix(w) || isPrefix(w) {
			t.Errorf("isSuffix(%q) = %v, isPrefix = %v", w, isSuffix(w), isPrefix(w))
		}
		if Normalize(w) != w {
			t.Errorf("suffix %q is not normalized", w)
		}
	}
	for _, w := range joinPrefix {
		if !isPrefix(w) || isSuffix(w) {
			t.Errorf("isPrefix(%q) = %v, isSuffix = %v", w, isPrefix(w), isSuffix(w))
		}
	}
	for _, w := range []string{"ه", "هاي", "تر", "است", "م", "میز", "نم", "api"} {
		if isSuffix(w) || isPrefix(w) {
			t.Errorf("%q is taken for a suffix or prefix", w)
		}
	}
}
