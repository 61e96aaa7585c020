package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/persian"
)

// Word rules: the zero-width non-joiners Persian needs (see package persian for what is known of
// which word), and the ezafe after a silent ه.
const (
	RuleZWNJSuffix = "zwnj-suffix"
	RuleZWNJTar    = "zwnj-tar"
	RuleEzafe      = "ezafe"
)

// Ezafe styles: how the ezafe after a silent ه is written (site.toml [check] ezafe).
const (
	EzafeHamza = "hamza" // خانهٔ
	EzafeYe    = "ye"    // خانه‌ی
)

// suffixWords are the enclitics written with a ZWNJ after a word ending in a silent ه (مجموعه‌ای،
// شده‌اند), when they are mistakenly written as words of their own.
var suffixWords = map[string]bool{"ای": true, "ام": true, "ات": true, "اش": true, "ایم": true, "اید": true, "اند": true}

// tarJoined are the comparatives and superlatives written joined without a ZWNJ.
var tarJoined = map[string]bool{"بیش": true, "کم": true}

// monthBefore are words after which «می» is the month May (ماه می، اوایل می).
var monthBefore = map[string]bool{"ماه": true, "اول": true, "اوایل": true, "اواسط": true, "اواخر": true, "نیمه": true,
	"نیمهٔ": true, "نیمه\u200cی": true, "ماهِ": true}

// notAfterMi are words that never follow the verb prefix: «می» before them is something else.
var notAfterMi = map[string]bool{"و": true, "را": true, "که": true, "از": true, "به": true, "در": true, "با": true,
	"تا": true, "یا": true, "این": true, "آن": true, "هم": true}

// isNumber reports whether a word is written with digits only (Persian, Arabic or Latin).
func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// allPersianLetters reports whether the runes are all Persian letters.
func allPersianLetters(r []rune) bool {
	for _, c := range r {
		if !persian.IsLetter(c) {
			return false
		}
	}
	return len(r) > 0
}

// silentH reports whether a word ends in a ه that is a vowel (خانه، شده), not the consonant of
// راه، کوه، گروه: after ا and و it is read as h.
func silentH(w []rune) bool {
	n := len(w)
	if n < 2 || w[n-1] != 'ه' {
		return false
	}
	return w[n-2] != 'ا' && w[n-2] != 'و' && persian.IsLetter(w[n-2])
}

// spaceBetween reports whether words a and b of the line are separated by exactly one prose space.
func spaceBetween(l *sline, a, b word) bool {
	return b.start == a.end+1 && l.runes[a.end] == ' ' && !l.skip[a.end]
}

// wordEdits runs the word rules on one line, whose words are ws; ezafe is the site's style.
func wordEdits(l *sline, ws []word, ezafe string) []edit {
	r := l.runes
	text := make([]string, len(ws))
	for k, w := range ws {
		text[k] = normalize(string(r[w.start:w.end]))
	}
	var out []edit
	join := func(rule string, a, b int, msg, hint string) { // the space between words a and b becomes a ZWNJ
		at := ws[a].start // reported at the word that is apart
		if rule != RuleZWNJMi {
			at = ws[a].end
		}
		out = append(out, edit{start: ws[a].end, end: ws[b].start, at: at, repl: string(zwnj), fix: true, rule: rule,
			msg: msg, hint: hint, before: string(r[ws[a].start:ws[b].end]),
			after: string(r[ws[a].start:ws[a].end]) + string(zwnj) + string(r[ws[b].start:ws[b].end])})
	}
	for k, w := range ws {
		t := text[k]
		word := r[w.start:w.end]
		next := k+1 < len(ws) && spaceBetween(l, w, ws[k+1])
		prev := k > 0 && spaceBetween(l, ws[k-1], w)
		// zwnj-mi, spaced: the prefix می/نمی standing alone before its verb.
		if (t == "می" || t == "نمی") && next && allPersianLetters(r[ws[k+1].start:ws[k+1].end]) {
			n := text[k+1]
			month := t == "می" && (prev && (monthBefore[text[k-1]] || isNumber(text[k-1])) ||
				k+2 < len(ws) && spaceBetween(l, ws[k+1], ws[k+2]) && isNumber(text[k+2]) && !persian.IsVerbBody(n))
			if !month && !notAfterMi[n] && !persian.TakesNoMi(n) {
				join(RuleZWNJMi, k, k+1, fmt.Sprintf("%q is written apart from its verb", string(word)),
					"replace the space with a zero-width non-joiner (U+200C)")
			}
		}
		// zwnj-mi, joined: «میدهد».
		if allPersianLetters(word) {
			if i, v := persian.SplitMi(t); v != persian.No {
				at := w.start + utf8.RuneCountInString(t[:i])
				e := edit{start: at, end: at, at: w.start, repl: string(zwnj), fix: v == persian.Yes, rule: RuleZWNJMi,
					before: string(word), after: string(r[w.start:at]) + string(zwnj) + string(r[at:w.end])}
				if v == persian.Yes {
					e.msg = fmt.Sprintf("%q: the prefix %q is joined to its verb", string(word), string(r[w.start:at]))
					e.hint = "write a zero-width non-joiner (U+200C) after it: " + e.after
				} else {
					e.msg = fmt.Sprintf("%q may be a verb whose prefix %q needs a zero-width non-joiner", string(word), string(r[w.start:at]))
					e.hint = "if it is the verb, write " + e.after + "; if not, leave it or add <!-- rokhdad:ignore zwnj-mi -->"
				}
				out = append(out, e)
			}
		}
		// zwnj-ha, spaced: ها/های… as a word of its own after a Persian word; after a letter that
		// does not join («در ها») the space simply goes.
		if haSuffixes[t] && prev && isPersianLetter(r[w.start-2]) {
			join(RuleZWNJHa, k-1, k, fmt.Sprintf("%q is written as a separate word", string(word)),
				"join it to the word before with a zero-width non-joiner (U+200C)")
			if !persian.JoinsNext(r[w.start-2]) {
				e := &out[len(out)-1]
				e.repl, e.hint = "", "join it to the word before"
				e.after = string(r[ws[k-1].start:ws[k-1].end]) + string(word)
			}
		}
		// zwnj-ha, joined: «گزارشها».
		if allPersianLetters(word) || strings.ContainsRune(string(word), zwnj) {
			if i, v := persian.SplitPlural(t); v != persian.No {
				at := w.start + utf8.RuneCountInString(t[:i])
				e := edit{start: at, end: at, at: w.start, repl: string(zwnj), fix: v == persian.Yes, rule: RuleZWNJHa,
					before: string(word), after: string(r[w.start:at]) + string(zwnj) + string(r[at:w.end])}
				if v == persian.Yes {
					e.msg = fmt.Sprintf("%q: the plural %q is joined to the noun", string(word), string(r[at:w.end]))
					e.hint = "write a zero-width non-joiner (U+200C) before it: " + e.after
				} else {
					e.msg = fmt.Sprintf("%q: a plural written joined, or a word in ه with «ای»?", string(word))
					e.hint = "write " + e.after + " for the plural, or " + string(r[w.start:at]) + "ه" + string(zwnj) + "ای for «a …»"
				}
				out = append(out, e)
			}
		}
		// zwnj-suffix: «مجموعه ای»، «شده اند».
		if suffixWords[t] && prev && silentH(r[ws[k-1].start:ws[k-1].end]) {
			join(RuleZWNJSuffix, k-1, k, fmt.Sprintf("%q is written apart from the word it belongs to", string(word)),
				"join it with a zero-width non-joiner (U+200C)")
		}
		// zwnj-tar: «بزرگ ترین».
		if (t == "تر" || t == "ترین") && prev && allPersianLetters(r[ws[k-1].start:ws[k-1].end]) &&
			!(t == "تر" && k+2 < len(ws) && next && text[k+1] == "و" && (text[k+2] == "تمیز" || text[k+2] == "خشک")) && text[k-1] != "به" && text[k-1] != "مه" {
			p := text[k-1]
			wet := t == "تر" && !tarJoined[p] && !persian.IsAdjective(p) // not even before «از»: «با لباس تر از زیرزمین»
			switch {
			case wet:
				// «لباس تر»، «کف سالن تر شد»: wet, or a comparative of an adjective the lexicon does not know.
				out = append(out, edit{start: w.start - 1, end: w.start, at: w.start, rule: RuleZWNJTar,
					msg:  fmt.Sprintf("%q: the comparative %s or the adjective «تر» (wet)?", p+" "+t, p+string(zwnj)+t),
					hint: "for the comparative, join it with a zero-width non-joiner (U+200C); not fixed by --fix"})
			case tarJoined[p]: // بیشتر، کمتر
				out = append(out, edit{start: w.start - 1, end: w.start, at: ws[k-1].start, repl: "", fix: true, rule: RuleZWNJTar,
					msg: fmt.Sprintf("%q is written as two words", p+" "+t), hint: "write " + p + t,
					before: string(r[ws[k-1].start:w.end]), after: string(r[ws[k-1].start:ws[k-1].end]) + string(word)})
			default:
				join(RuleZWNJTar, k-1, k, fmt.Sprintf("%q is written as a separate word", string(word)),
					"join it to the adjective with a zero-width non-joiner (U+200C)")
			}
		}
		// ezafe: «خانه ی ما».
		if t == "ی" && prev && silentH(r[ws[k-1].start:ws[k-1].end]) {
			form, name := "\u0654", "هٔ"
			if ezafe == EzafeYe {
				form, name = string(zwnj)+"ی", "ه"+string(zwnj)+"ی"
			}
			e := edit{start: w.start - 1, end: w.end, at: ws[k-1].start, repl: form, fix: true, rule: RuleEzafe,
				msg:    fmt.Sprintf("the ezafe after %q is written as a separate «ی»", string(r[ws[k-1].start:ws[k-1].end])),
				hint:   "write " + name + " (site.toml [check] ezafe)",
				before: string(r[ws[k-1].start:w.end]), after: string(r[ws[k-1].start:ws[k-1].end]) + form}
			if next && text[k+1] == "که" { // «نامه ی که» is «نامه‌ای که»
				e.fix = false
				e.msg = fmt.Sprintf("a separate «ی» after %q", string(r[ws[k-1].start:ws[k-1].end]))
				e.hint = "before «که» it is likely «ه" + string(zwnj) + "ای»; otherwise write " + name
			}
			out = append(out, e)
		}
	}
	return out
}
