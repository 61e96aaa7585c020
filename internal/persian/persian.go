// Package persian knows the Persian orthography that a typography checker needs and a regular
// expression cannot supply: which word written joined is a verb with the prefix «می» or «نمی» that
// lacks its zero-width non-joiner («میدهد» for «می‌دهد»), which is a noun with the plural «ها»
// written onto it («گزارشها» for «گزارش‌ها»), and which words merely look like either («میدان»،
// «تنها»). The knowledge is data in data/ — the simple verbs with their past and present stems, the
// words that begin with «می» or end in «ها» without being such forms, and the forms that can be
// read both ways — read once, on first use. The answers are Yes, No or Maybe; a checker fixes on
// Yes and only warns on Maybe.
package persian

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/*.txt
var data embed.FS

// ZWNJ is the zero-width non-joiner, U+200C.
const ZWNJ = "\u200c"

// Verdict is an answer about a word.
type Verdict int

const (
	No    Verdict = iota // the word is not such a form
	Yes                  // it is
	Maybe                // it can be read both ways: warn, do not change
)

func (v Verdict) String() string { return [...]string{"no", "yes", "maybe"}[v] }

// lexicon is the content of data/.
type lexicon struct {
	present, past map[string]bool // verb stems
	spoken        map[string]bool // present stems of spoken Persian (colloquial.txt)
	notVerbs      map[string]bool // words beginning with می/نمی that are not verbs
	ambiguous     map[string]bool // joined words that are a verb with می and another word
	notPlurals    map[string]bool // words ending in ها… that are not plurals
	twoNouns      map[string]bool // X such that X and Xه are both words (نام/نامه)
	adjectives    map[string]bool // adjectives that take «تر» (adjectives.txt)
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

func get() *lexicon {
	lexOnce.Do(func() {
		lex = &lexicon{present: map[string]bool{}, past: map[string]bool{}}
		for _, f := range lines("verbs.txt") {
			if len(f) < 3 {
				panic("persian: data/verbs.txt: a line needs infinitive, past stem and present stem: " + strings.Join(f, " "))
			}
			lex.past[f[1]] = true
			for _, p := range f[2:] {
				lex.present[p] = true
			}
		}
		lex.spoken = set("colloquial.txt")
		for w := range set("colloquial-past.txt") {
			lex.past[w] = true
		}
		lex.notVerbs = set("not-verbs.txt")
		lex.adjectives = set("adjectives.txt")
		lex.ambiguous = set("ambiguous.txt")
		lex.notPlurals = set("not-plurals.txt")
		lex.twoNouns = set("compound-nouns-ha.txt")
	})
	return lex
}

// lines returns the fields of each line of a data file, without comments and blank lines.
func lines(name string) [][]string {
	f, err := data.Open("data/" + name)
	if err != nil {
		panic("persian: " + err.Error())
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if fs := strings.Fields(l); len(fs) > 0 {
			out = append(out, fs)
		}
	}
	return out
}

// set reads a data file of one word a line (more fields are allowed and ignored).
func set(name string) map[string]bool {
	m := map[string]bool{}
	for _, f := range lines(name) {
		m[f[0]] = true
	}
	return m
}

// Stems returns how many present and past stems the lexicon holds.
func Stems() (present, past int) {
	l := get()
	return len(l.present), len(l.past)
}

// preverbs are written joined before می in compound verbs (برمی‌گردد، درمی‌یابد).
var preverbs = []string{"", "بر", "در", "باز", "فرا", "فرو", "وا"}

var (
	presentEndings = []string{"م", "ی", "د", "یم", "ید", "ند", "ه", "ن"}
	spokenEndings  = []string{"م", "ی", "ه", "یم", "ین", "ن"}
	pastEndings    = []string{"", "م", "ی", "یم", "ید", "ند", "ه"}
)

// IsVerbBody reports whether s is a verb form that takes the prefix می: a present stem and a
// personal ending (دهد، گویند، آیم), or a past stem, bare or with an ending or the participle's ه
// (رفت، کردند، شده). A stem ending in a vowel letter may take the glide ی before its ending (زداید).
func IsVerbBody(s string) bool {
	l := get()
	for _, e := range pastEndings {
		if strings.HasSuffix(s, e) && l.past[s[:len(s)-len(e)]] {
			return true
		}
	}
	for _, e := range presentEndings {
		if !strings.HasSuffix(s, e) {
			continue
		}
		stem := s[:len(s)-len(e)]
		if l.present[stem] {
			return true
		}
		if g, ok := strings.CutSuffix(stem, "ی"); ok && (strings.HasSuffix(g, "ا") || strings.HasSuffix(g, "و")) && l.present[g] {
			return true
		}
	}
	for _, e := range spokenEndings {
		if stem, ok := strings.CutSuffix(s, e); ok && l.spoken[stem] {
			return true
		}
	}
	return false
}

// IsAdjective reports whether w is an adjective that takes «تر»: one of data/adjectives.txt, or a
// word with an adjective's ending (خطرناک، قدرتمند، شکننده، پیچیده، سنگین، دوستانه، ...).
func IsAdjective(w string) bool {
	if get().adjectives[w] {
		return true
	}
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, suf := range adjectiveEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// adjectiveEndings are endings that make adjectives: ناک، مند، انه، وار، گین and the participles in
// نده and یده.
var adjectiveEndings = []string{"ناک", "مند", "انه", "وار", "گین", "نده", "یده"}

// TakesNoMi reports whether s is a verb form that the prefix می never comes before: one with the
// prefix ب of the subjunctive and imperative (بنوش، بیاور، بگیرد), the negative ن (نمانده) or a
// preverb (برگردند), and not also a form of a verb whose stem begins with ب or ن (برد، بیند، نویسد). Before such a word, «می»
// is a noun (wine, in poetry: «می بیاور»، «می نمانده»).
func TakesNoMi(s string) bool {
	if IsVerbBody(s) {
		return false
	}
	l := get()
	// A verb with a preverb takes می after it (برمی‌گردند), never before: «می برگردند» is the month.
	for _, pv := range preverbs[1:] {
		if rest, ok := strings.CutPrefix(s, pv); ok && rest != "" && IsVerbBody(rest) {
			return true
		}
	}
	for _, p := range []string{"ب", "ن"} {
		rest, ok := strings.CutPrefix(s, p)
		if !ok || rest == "" {
			continue
		}
		if l.present[rest] || IsVerbBody(rest) {
			return true
		}
		// The glide before a stem in آ: بیاور، نیامده (ب + آور، ن + آمد).
		if a, ok := strings.CutPrefix(rest, "یا"); ok && a != "" && (l.present["آ"+a] || IsVerbBody("آ"+a)) {
			return true
		}
	}
	return false
}

// impersonal are the forms of توانستن and بایستن that take می with no ending.
var impersonal = map[string]bool{"توان": true, "بایست": true, "بایستی": true, "باید": true}

// SplitMi reads a word written without a ZWNJ after می or نمی («میدهد»، «برنمیگردد») and returns
// the byte offset of the end of the prefix, where the ZWNJ belongs, and whether the word is such a
// verb. Words that merely begin with می (میدان، میلیون) are No; a word that is a verb and another
// word as well (میدانی) is Maybe.
func SplitMi(word string) (int, Verdict) {
	l := get()
	if l.notVerbs[word] || strings.Contains(word, ZWNJ) {
		return 0, No
	}
	for _, pv := range preverbs {
		rest, ok := strings.CutPrefix(word, pv)
		if !ok {
			continue
		}
		for _, mi := range []string{"نمی", "می"} {
			body, ok := strings.CutPrefix(rest, mi)
			if !ok || utf8.RuneCountInString(body) < 1 {
				continue
			}
			if IsVerbBody(body) || impersonal[body] {
				if l.ambiguous[word] {
					return len(pv) + len(mi), Maybe
				}
				return len(pv) + len(mi), Yes
			}
		}
	}
	return 0, No
}

// PluralSuffixes are the plural ها and its forms with a possessive or the indefinite ی, longest first.
var PluralSuffixes = []string{"هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"}

// nonJoining are the letters that do not join the letter after them: no ZWNJ is needed after them.
const nonJoining = "آأإادذرزژوؤۀة"

// JoinsNext reports whether a word ending in r joins the letter written after it.
func JoinsNext(r rune) bool { return !strings.ContainsRune(nonJoining, r) && r != 0x200C }

// SplitPlural reads a word written with the plural ها joined onto it without a ZWNJ («گزارشها»،
// «نشانههای») and returns the byte offset where the ZWNJ belongs and the verdict. Only the part
// after the word's last ZWNJ is read. No for words that merely end in ها (تنها، انتهای، رهایی),
// for a noun that ends in a letter that does not join (درها) and for stems of one letter (بهای);
// Maybe for «Xهای» when Xه is a word too (نامهای: نام‌های or نامه‌ای).
func SplitPlural(word string) (int, Verdict) {
	l := get()
	base := 0
	if i := strings.LastIndex(word, ZWNJ); i >= 0 {
		base = i + len(ZWNJ)
	}
	w := word[base:]
	if l.notPlurals[w] || l.notPlurals[word] {
		return 0, No
	}
	for _, suf := range PluralSuffixes {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(stem) < 2 || !letters(stem) {
			return 0, No
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		if !JoinsNext(last) {
			return 0, No
		}
		if l.notPlurals[stem+"ها"] {
			return 0, No
		}
		if strings.HasPrefix(suf, "های") && !strings.HasSuffix(stem, "ه") && l.twoNouns[stem] {
			return base + len(stem), Maybe
		}
		return base + len(stem), Yes
	}
	return 0, No
}

// letters reports whether s is all Persian letters.
func letters(s string) bool {
	for _, r := range s {
		if !IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// IsLetter reports whether r is a letter of the Arabic script as Persian writes it.
func IsLetter(r rune) bool {
	return r >= 0x0621 && r <= 0x064A && r != 0x0640 || r >= 0x066E && r <= 0x06D3 || r == 0x06D5 || r >= 0x06FA && r <= 0x06FC ||
		r == 0x06FF || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC
}
