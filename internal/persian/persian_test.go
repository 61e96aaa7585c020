package persian

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func TestSplitMi(t *testing.T) {
	tests := []struct {
		word string
		at   string // the word up to the ZWNJ; "" when No
		v    Verdict
	}{
		{"میدهد", "می", Yes},
		{"میتواند", "می", Yes},
		{"نمیشود", "نمی", Yes},
		{"میکردند", "می", Yes},
		{"میرفته", "می", Yes},
		{"میآید", "می", Yes},
		{"میگویند", "می", Yes},
		{"برمیگردد", "برمی", Yes},
		{"درمییابد", "درمی", Yes},
		{"میتوان", "می", Yes},
		{"نمیتوان", "نمی", Yes},
		{"میدانی", "می", Maybe},
		{"میدان", "", No},
		{"میز", "", No},
		{"میزان", "", No},
		{"میلیون", "", No},
		{"میهمان", "", No},
		{"میانه", "", No},
		{"میوه", "", No},
		{"میلاد", "", No},
		{"می", "", No},
		{"می\u200cدهد", "", No},
		{"دهد", "", No},
	}
	for _, tt := range tests {
		i, v := SplitMi(tt.word)
		if v != tt.v || v != No && tt.word[:i] != tt.at {
			t.Errorf("SplitMi(%q) = %q, %v; want %q, %v", tt.word, tt.word[:i], v, tt.at, tt.v)
		}
	}
}

func TestSplitPlural(t *testing.T) {
	tests := []struct {
		word, at string
		v        Verdict
	}{
		{"گزارشها", "گزارش", Yes},
		{"نشانههای", "نشانه", Yes},
		{"دادهها", "داده", Yes},
		{"سرویسهایشان", "سرویس", Yes},
		{"کاربرانیها", "کاربرانی", Yes},
		{"مشکلهایی", "مشکل", Yes},
		{"نامهای", "نام", Maybe},
		{"درها", "", No},   // د does not join: nothing to separate
		{"سرورها", "", No}, // nor ر
		{"تنها", "", No},
		{"تنهایی", "", No},
		{"انتهای", "", No},
		{"اشتها", "", No},
		{"رهایی", "", No},
		{"بهای", "", No},
		{"نهایت", "", No},
		{"نهایی", "", No},
		{"کتاب\u200cها", "", No},
		{"ها", "", No},
	}
	for _, tt := range tests {
		i, v := SplitPlural(tt.word)
		if v != tt.v || v != No && tt.word[:i] != tt.at {
			t.Errorf("SplitPlural(%q) = %q, %v; want %q, %v", tt.word, tt.word[:i], v, tt.at, tt.v)
		}
	}
}

// fadic is Debian's myspell-fa word list (GPL; installed by .ci/run, never copied into the
// repository): an independent oracle for the lexicon.
const fadic = "/usr/share/hunspell/fa.dic"

func dictionary(t *testing.T) []string {
	f, err := os.Open(fadic)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v (apt-get install -y myspell-fa)", err)
		}
		t.Skipf("%v (apt-get install -y myspell-fa)", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), "/")
		out = append(out, strings.TrimSpace(w))
	}
	return out
}

// TestLexiconAgainstDictionary reads the dictionary's verbs written with «می‌» and its words that
// begin with «می» written joined. The first, with the ZWNJ taken out, are the joined forms an editor
// types: SplitMi must find most of them (the lexicon's recall, which it logs). The second are words
// that merely begin with «می» (the dictionary writes its verbs with the ZWNJ): SplitMi must read
// none of them as a verb unless the lexicon calls it ambiguous.
func TestLexiconAgainstDictionary(t *testing.T) {
	words := dictionary(t)
	known := map[string]bool{}
	for _, w := range words {
		known[w] = true
	}
	verbs, found := 0, 0
	var missed []string
	for _, w := range words {
		if rest, ok := strings.CutPrefix(w, "می"+ZWNJ); ok && !strings.Contains(rest, ZWNJ) && rest != "" {
			verbs++
			if _, v := SplitMi("می" + rest); v != No {
				found++
			} else if len(missed) < 40 {
				missed = append(missed, w)
			}
		}
	}
	t.Logf("%s: %d verbs with می‌; the lexicon reads %d of them joined (%.1f%%); some it misses: %v",
		fadic, verbs, found, 100*float64(found)/float64(max(verbs, 1)), missed)
	if float64(found) < 0.4*float64(verbs) { // the dictionary holds many compounds written as one word (آبادسازد)
		t.Errorf("the lexicon reads %d of the dictionary's %d verbs with می‌; want 40%% at least", found, verbs)
	}
	for _, w := range words {
		if !strings.HasPrefix(w, "می") || strings.Contains(w, ZWNJ) || known["می"+ZWNJ+strings.TrimPrefix(w, "می")] {
			continue
		}
		if _, v := SplitMi(w); v == Yes {
			t.Errorf("%q, a word of the dictionary, is read as a verb with می; add it to data/not-verbs.txt or data/ambiguous.txt", w)
		}
	}
}

func TestTakesNoMi(t *testing.T) {
	for w, want := range map[string]bool{
		"بیار": true, "بنوش": true, "بنوشد": true, "بگیرید": true, "بده": true, "بیاور": true, "بیاید": true,
		"نمانده": true, "نرفت": true, "نیامده": true, "برگردند": true, "بازگشت": true, "درآمد": true,
		"برد": false, "بیند": false, "بینم": false, "باشد": false, "بود": false, "بخشد": false, "بره": false,
		"نویسد": false, "نشیند": false, "نمانده‌ای": false,
		"بخش": false, "بانک": false, "ب": false, "ن": false, "گیرد": false, "نان": false,
	} {
		if got := TakesNoMi(w); got != want {
			t.Errorf("TakesNoMi(%s) = %v, want %v", w, got, want)
		}
	}
}
