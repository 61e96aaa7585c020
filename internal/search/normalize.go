package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/digits"
)

// MaxTermRunes is the length at which a term is cut: a longer word is indexed (and looked up)
// by its first MaxTermRunes runes, which keeps tokens such as hashes and run-together URLs from
// bloating the index. Queries are cut the same way, so such a word is still found.
const MaxTermRunes = 32

// latinFold maps lower-case Latin letters with diacritics to their base letter, as pairs of runes
// (letter, base). It holds exactly the lower-case letters of U+00C0–U+024F and U+1E00–U+1EFF whose
// canonical decomposition (NFD) is one ASCII letter followed by combining marks of U+0300–U+036F,
// so that "é" (precomposed) and "e" + U+0301 (decomposed) both become "e". static/js/search.js
// holds the same string; the shared test vectors check that both agree.
const latinFold = "àaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoùuúuûuüuýyÿyāaăaąaćcĉcċcčcďdēeĕeėeęeěeĝgğgġgģgĥhĩiīiĭiįiĵjķkĺlļlľlńnņnňnōoŏoőoŕrŗrřrśsŝsşsšsţtťtũuūuŭuůuűuųuŵwŷyźzżzžzơoưuǎaǐiǒoǔuǖuǘuǚuǜuǟaǡaǧgǩkǫoǭoǰjǵgǹnǻaȁaȃaȅeȇeȉiȋiȍoȏoȑrȓrȕuȗușsțtȟhȧaȩeȫoȭoȯoȱoȳyḁaḃbḅbḇbḉcḋdḍdḏdḑdḓdḕeḗeḙeḛeḝeḟfḡgḣhḥhḧhḩhḫhḭiḯiḱkḳkḵkḷlḹlḻlḽlḿmṁmṃmṅnṇnṉnṋnṍoṏoṑoṓoṕpṗpṙrṛrṝrṟrṡsṣsṥsṧsṩsṫtṭtṯtṱtṳuṵuṷuṹuṻuṽvṿvẁwẃwẅwẇwẉwẋxẍxẏyẑzẓzẕzẖhẗtẘwẙyạaảaấaầaẩaẫaậaắaằaẳaẵaặaẹeẻeẽeếeềeểeễeệeỉiịiọoỏoốoồoổoỗoộoớoờoởoỡoợoụuủuứuừuửuữuựuỳyỵyỷyỹy"

// arabicFold maps Arabic-script writing variants to the letter Persian keyboards type, as pairs
// of runes: yeh (ي ى ئ → ی), kaf (ك ڪ → ک), heh (ة ۀ ە ہ ۂ → ه), alef (أ إ آ ٱ ٲ ٳ → ا),
// waw (ؤ → و) and the final sigma (ς → σ, because the browser's lower-casing of Σ depends on
// context). The letters with hamza or madda fold to their base letter so that their precomposed
// and decomposed spellings (e.g. U+0623 and U+0627 U+0654) agree once the mark is dropped.
const arabicFold = "يیىیئیكکڪکةهۀهەهہهۂهأاإاآاٱاٲاٳاؤوςσ"

var fold = func() map[rune]rune {
	m := make(map[rune]rune)
	for _, pairs := range []string{latinFold, arabicFold} {
		rs := []rune(pairs)
		for i := 0; i+1 < len(rs); i += 2 {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// dropped reports whether r is removed without a trace: Arabic diacritics and Quranic marks,
// tatweel, Latin combining diacritics, and the invisible joiners and direction marks
// (ZWNJ, ZWJ, ZWSP, word joiner, soft hyphen, BOM, LRM/RLM/ALM, embeddings and isolates).
func dropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED, r == 0x0640:
		return true
	case r >= 0x0300 && r <= 0x036F:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2069,
		r == 0x00AD, r == 0x061C, r == 0xFEFF:
		return true
	}
	return false
}

const (
	drop = -1  // mapRune result: remove the rune
	sep  = ' ' // mapRune result: the rune separates words
)

// mapRuneSlow is the definition of the per-rune normalization: lower-case (simple case mapping),
// then fold, then drop, and what is left is kept if it is a letter, a mark or a number and is a
// word separator otherwise.
func mapRuneSlow(r rune) rune {
	if v := digits.Value(r); v >= 0 {
		return '0' + rune(v) // Persian ۰-۹ and Arabic-Indic ٠-٩ digits fold to ASCII
	}
	r = unicode.ToLower(r)
	if f, ok := fold[r]; ok {
		r = f
	}
	if dropped(r) {
		return drop
	}
	if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) {
		return r
	}
	return sep
}

// fastTable caches mapRuneSlow for the runes below fastLimit (Latin, Greek, Cyrillic, Hebrew,
// Arabic, up to the General Punctuation block with ZWNJ), which is almost all the text an index
// is built from.
const fastLimit = 0x2070

var fastTable = func() (t [fastLimit]rune) {
	for r := range t {
		t[r] = mapRuneSlow(rune(r))
	}
	return t
}()

func mapRune(r rune) rune {
	if r < fastLimit && r >= 0 {
		return fastTable[r]
	}
	return mapRuneSlow(r)
}

// Persian joins some suffixes and prefixes to their word with a zero-width non-joiner (پاسخ‌ها,
// می‌شود), which Normalize drops; readers often type a space instead (پاسخ ها, می شود). So a word
// that is one of joinSuffix is joined to the word before it when that ends in an Arabic-script
// letter, and a word that is one of joinPrefix to the word after it when that starts with one,
// as if the separator between them were a ZWNJ. The lists hold only forms that are not words of
// their own: «تر» (wet) and «است» (is) are left out. static/js/search.js holds the same lists.
var (
	joinSuffix = []string{"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ترین", "ای", "اند", "ایم", "اید"}
	joinPrefix = []string{"می", "نمی"}
)

// isSuffix and isPrefix report whether a normalized word is in joinSuffix or joinPrefix (a test
// checks that they agree with the lists); a switch on the string costs one or two comparisons.
func isSuffix[T string | []byte](w T) bool {
	if len(w) < 4 || len(w) > 12 {
		return false
	}
	switch string(w) {
	case "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ترین", "ای", "اند", "ایم", "اید":
		return true
	}
	return false
}

func isPrefix[T string | []byte](w T) bool {
	return len(w) >= 4 && len(w) <= 6 && (string(w) == "می" || string(w) == "نمی")
}

// arabicScript reports whether r, a rune Normalize keeps, is of the Arabic block.
func arabicScript(r rune) bool { return r >= 0x0600 && r <= 0x06FF }

// joins reports whether the word b is joined to the word a before it (see joinSuffix). aLast is
// the last rune of a and bFirst the first of b.
func joins[T string | []byte](a T, aLast rune, b T, bFirst rune) bool {
	return arabicScript(aLast) && isSuffix(b) || arabicScript(bFirst) && isPrefix(a)
}

// Normalize folds the writing variants of s so that a query and a document match when a reader
// would say they are the same words. Rune by rune:
//
//  1. lower-case with Unicode's simple case mapping (İ → i);
//  2. fold variants: Arabic ي ى ئ → Persian ی; ك ڪ → ک; ة ۀ ە ہ ۂ → ه; أ إ آ ٱ ٲ ٳ → ا; ؤ → و;
//     Persian ۰-۹ and Arabic-Indic ٠-٩ digits → ASCII 0-9; Latin letters with diacritics → the
//     base letter (é → e, see latinFold); ς → σ;
//  3. remove Arabic diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED), tatweel U+0640, Latin
//     combining diacritics (U+0300–U+036F), ZWSP/ZWNJ/ZWJ/LRM/RLM (U+200B–U+200F), ALM U+061C,
//     bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), word joiner U+2060, soft
//     hyphen U+00AD and BOM U+FEFF — so "می‌شود" and "میشود" are one word;
//  4. keep letters, marks and numbers; anything else (punctuation, symbols, spaces, controls) is
//     a word separator: "GPT-4" → "gpt 4".
//
// Runs of separators become one space and leading and trailing ones are removed, except that,
// from left to right, the separators before a Persian suffix or after a Persian prefix are
// removed (see joinSuffix): "پاسخ ها" → "پاسخها", like "پاسخ‌ها". No Unicode normalization
// form is applied (the standard library has none); instead both spellings of the Arabic letters
// with hamza or madda and of the Latin letters in latinFold normalize alike, because the
// precomposed letter folds to the base letter and the combining mark is dropped. Normalize is
// idempotent. static/js/search.js implements the same function; the two are checked against each
// other by the package's tests.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// start is where the word being written starts in b, last where the one before it starts.
	start, last := 0, -1
	for _, r := range s {
		m := mapRune(r)
		switch m {
		case drop:
		case sep:
			space = b.Len() > 0
		default:
			if space {
				last, start = joinLast(&b, last, start)
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(m)
		}
	}
	if b.Len() > 0 {
		joinLast(&b, last, start)
	}
	return b.String()
}

// joinLast is called when the word at b[start:] is complete; last is where the word before it
// (and the space after that) starts, or -1. If the two join, the space between them is removed.
// It returns where the word before the next one and the next one start.
func joinLast(b *strings.Builder, last, start int) (int, int) {
	if last < 0 {
		return start, b.Len() + 1
	}
	s := b.String()
	a, w := s[last:start-1], s[start:]
	aLast, _ := utf8.DecodeLastRuneInString(a)
	wFirst, _ := utf8.DecodeRuneInString(w)
	if !joins(a, aLast, w, wFirst) {
		return start, b.Len() + 1
	}
	// Remove the space: rewrite the builder without it (rare, so the copy does not matter).
	joined := s[:start-1] + w
	b.Reset()
	b.WriteString(joined)
	return last, b.Len() + 1
}

// word is a word of the tokenizer: the first MaxTermRunes runes of it, normalized.
type word struct {
	buf   []byte
	runes int  // runes of the whole word
	digit bool // all ASCII digits
	last  rune // the last rune, once the word is longer than buf
}

func (w *word) reset() { w.buf, w.runes, w.digit, w.last = w.buf[:0], 0, true, 0 }

func (w *word) firstRune() rune {
	r, _ := utf8.DecodeRune(w.buf)
	return r
}

func (w *word) lastRune() rune {
	if w.runes > MaxTermRunes {
		return w.last
	}
	r, _ := utf8.DecodeLastRune(w.buf)
	return r
}

// tokenizer splits text into terms without building the normalized string. It holds back each
// word until the next one shows whether the two join.
type tokenizer struct {
	words     [2]word
	cur, prev *word // the word being read and the one held back, in words
	held      bool  // prev holds a word not yet passed on
}

// each calls fn for every term of s, in order, duplicates included, until fn returns false;
// it reports whether it got to the end. The slice passed to fn is only valid during the call.
func (t *tokenizer) each(s string, fn func([]byte) bool) bool {
	t.reset()
	for i := 0; i < len(s); {
		// Decode inline for ASCII and two-byte sequences (up to U+07FF, which includes Arabic).
		var r rune
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		m := mapRune(r)
		switch {
		case m == drop:
		case m == sep:
			if t.cur.runes > 0 && !t.end(fn) {
				return false
			}
		case t.cur.runes >= MaxTermRunes:
			t.cur.runes++
			t.cur.last = m
		default:
			// word.add, written out: this is the inner loop of building an index.
			w := t.cur
			switch {
			case m < utf8.RuneSelf:
				w.buf = append(w.buf, byte(m))
				w.digit = w.digit && m >= '0' && m <= '9'
			case m < 0x800:
				w.buf = append(w.buf, byte(0xC0|m>>6), byte(0x80|m&0x3F))
				w.digit = false
			default:
				w.buf = utf8.AppendRune(w.buf, m)
				w.digit = false
			}
			w.runes++
		}
	}
	if t.cur.runes > 0 && !t.end(fn) {
		return false
	}
	ok := !t.held || t.flush(fn)
	t.held = false
	return ok
}

func (t *tokenizer) reset() {
	if t.cur == nil {
		t.cur, t.prev = &t.words[0], &t.words[1]
	}
	t.cur.reset()
	t.prev.reset()
	t.held = false
}

// end is called at the end of the word in t.cur: it joins it to the held word, or passes the held
// word on and holds this one. It returns false if fn did.
func (t *tokenizer) end(fn func([]byte) bool) bool {
	if t.held && joins(t.prev.buf, t.prev.lastRune(), t.cur.buf, t.cur.firstRune()) {
		p, c := t.prev, t.cur
		// Copy what fits in MaxTermRunes; the rest of the word is only counted.
		room := MaxTermRunes - p.runes
		for i := 0; i < len(c.buf) && room > 0; room-- {
			_, n := utf8.DecodeRune(c.buf[i:])
			p.buf = append(p.buf, c.buf[i:i+n]...)
			i += n
		}
		p.runes += c.runes
		p.digit = p.digit && c.digit
		p.last = c.lastRune()
		c.reset()
		return true
	}
	ok := true
	if t.held {
		ok = t.flush(fn)
	}
	t.prev, t.cur = t.cur, t.prev
	t.cur.reset()
	t.held = true
	return ok
}

// flush passes the held word to fn if it is a term: two or more runes, or a digit. It returns
// what fn returned, or true.
func (t *tokenizer) flush(fn func([]byte) bool) bool {
	ok := true
	if w := t.prev; w.runes >= 2 || (w.runes == 1 && w.digit) {
		ok = fn(w.buf)
	}
	t.prev.reset()
	t.held = false
	return ok
}

// Tokens normalizes s (see Normalize) and splits it into index terms, distinct and in the order
// of their first occurrence. A term is a run of letters, marks and numbers between separators,
// of at least two runes; a single rune is a term only if it is a digit, so "GPT-4" gives "gpt"
// and "4" and "503" is kept, but the Persian "و" ("and") and the English "a" are not. A term
// longer than MaxTermRunes runes is cut to its first MaxTermRunes runes.
func Tokens(s string) []string {
	var (
		t    tokenizer
		out  []string
		seen = make(map[string]bool)
	)
	t.each(s, func(tok []byte) bool {
		if !seen[string(tok)] {
			w := string(tok)
			seen[w] = true
			out = append(out, w)
		}
		return true
	})
	return out
}
