package check

import (
	"maps"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A Rule is one kind of finding: its name (in messages, in --format json, in site.toml's
// [check] disable and in rokhdad:ignore comments), and a one-line explanation in Persian, the
// language of the editors who read it, appended to each of its messages.
type Rule struct {
	Name       string
	Fa         string
	Typography bool // a Persian typography rule, run on the right-to-left languages
}

// Rules are every rule check reports as a warning, in the order docs/editing.md lists them.
var Rules = []Rule{
	{RuleArabicLetters, "در فارسی «ی» و «ک» فارسی نوشته می‌شود، نه «ي» و «ك» عربی.", true},
	{RuleZWNJMi, "«می» و «نمی» با نیم‌فاصله به فعل می‌چسبند: می‌رود، نمی‌شود.", true},
	{RuleZWNJHa, "«ها»ی جمع با نیم‌فاصله به اسم می‌چسبد: کتاب‌ها، نشانه‌های.", true},
	{RuleZWNJSuffix, "«ای»، «ام»، «اند» و مانند آن‌ها پس از «ه» با نیم‌فاصله می‌آیند: مجموعه‌ای، شده‌اند.", true},
	{RuleZWNJTar, "«تر» و «ترین» با نیم‌فاصله به صفت می‌چسبند: بزرگ‌ترین؛ جز بیشتر و کمتر.", true},
	{RuleEzafe, "کسرهٔ اضافه پس از «ه» ناملفوظ به یک شکل نوشته می‌شود: «خانهٔ ما»، نه «خانه ی ما».", true},
	{RuleLatinPunctuation, "ویرگول، نقطه‌ویرگول و نشانهٔ پرسش در متن فارسی این‌هایند: ، ؛ ؟", true},
	{RulePunctuationSpace, "پیش از نشانه‌های سجاوندی فاصله نمی‌آید و پس از آن‌ها یک فاصله می‌آید.", true},
	{RuleQuotes, "نقل‌قول فارسی میان « و » می‌آید.", true},
	{RuleEllipsis, "سه‌نقطه یک نویسه است: …", true},
	{RuleDoubleSpace, "میان دو واژه یک فاصله بس است.", true},
	{RuleKashida, "کشیده (ـ) واژه را دراز می‌کند؛ تراز کردن سطر کار قلم است، نه متن.", true},
	{RuleControl, "نویسه‌های نامرئی کنترلی در متن، نمایش آن را به هم می‌ریزند.", false},
	{RuleTranslation, "هر مطلب باید به همهٔ زبان‌های سایت باشد تا خواننده از هر زبان به آن برسد.", false},
	{RuleLink, "پیوندی که به هیچ صفحه یا فایلی نمی‌رسد، خواننده را به بن‌بست می‌برد.", false},
	{RuleTimelineStatus, "هر رویداد خط زمانی وضعیتی دارد: در حال بررسی، شناسایی، زیر نظر یا رفع‌شده.", false},
	{RuleResolved, "رخداد رفع‌شده باید با رویداد «رفع شد» در خط زمانی پایان یابد.", false},
	{RuleUntranslated, "متن رویدادی که هنوز به زبان دیگر است، برای خوانندهٔ این زبان ترجمه نشده است.", false},
	{RuleWindow, "بازهٔ یک نگهداری در همهٔ زبان‌ها یکی است؛ وضعیتی که در متن نوشته شود با گذر زمان عوض نمی‌شود.", false},
}

// RuleNamed returns the rule of that name, or nil.
func RuleNamed(name string) *Rule {
	for i := range Rules {
		if Rules[i].Name == name {
			return &Rules[i]
		}
	}
	return nil
}

// RuleNames lists the rules' names.
func RuleNames() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.Name
	}
	return out
}

// Style is how a site wants its text checked: the rules it turns off (site.toml [check] disable)
// and how it writes the ezafe after a silent ه; with the rules a file turns off line by line. A nil
// Style is the default: every rule, the ezafe as هٔ.
type Style struct {
	Disable map[string]bool
	Ezafe   string          // EzafeHamza (default) or EzafeYe
	ignore  map[int]ruleSet // file line → rules off on it (see ignores)
}

// ruleSet is a set of rule names; empty means every rule.
type ruleSet map[string]bool

func (st *Style) ezafe() string {
	if st == nil || st.Ezafe == "" {
		return EzafeHamza
	}
	return st.Ezafe
}

// off reports whether rule is not to be reported or fixed on file line line.
func (st *Style) off(line int, rule string) bool {
	if st == nil {
		return false
	}
	if st.Disable[rule] {
		return true
	}
	s, ok := st.ignore[line]
	return ok && (len(s) == 0 || s[rule])
}

// forFile returns the style with the file's rokhdad:ignore comments, and the names in them that
// are no rule.
func (st *Style) forFile(src string) (*Style, []badIgnore) {
	ig, bad := ignores(src)
	if len(ig) == 0 {
		return st, bad
	}
	out := &Style{ignore: ig}
	if st != nil {
		out.Disable, out.Ezafe = st.Disable, st.Ezafe
	}
	return out, bad
}

// ignoreComment is a rokhdad:ignore comment: <!-- rokhdad:ignore RULE… --> in Markdown, or
// # rokhdad:ignore RULE… in the front matter's TOML.
var ignoreComment = regexp.MustCompile(`(?:<!--|#)[ \t]*rokhdad:ignore\b([^>\n]*?)[ \t]*(?:-->|$)`)

// badIgnore is a name in a rokhdad:ignore comment that is no rule, and where it is.
type badIgnore struct {
	line, col int
	name      string
}

// ignores reads the rokhdad:ignore comments of a file: a comment turns its rules (all, when it
// names none) off on its own line, and, when it is alone on its line, on the next line too. It
// returns the names that are no rule as well.
func ignores(src string) (map[int]ruleSet, []badIgnore) {
	if !strings.Contains(src, "rokhdad:ignore") {
		return nil, nil
	}
	out := map[int]ruleSet{}
	var bad []badIgnore
	for n, line := range strings.Split(src, "\n") {
		m := ignoreComment.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		set := ruleSet{}
		names := line[m[2]:m[3]]
		for i := 0; i < len(names); {
			if c := names[i]; c == ' ' || c == ',' || c == '\t' {
				i++
				continue
			}
			j := i + strings.IndexAny(names[i:]+" ", " ,\t")
			name := names[i:j]
			set[name] = true
			if RuleNamed(name) == nil {
				bad = append(bad, badIgnore{n + 1, utf8.RuneCountInString(line[:m[2]+i]) + 1, name})
			}
			i = j
		}
		lines := []int{n + 1}
		if strings.TrimSpace(line[:m[0]]) == "" && strings.TrimSpace(strings.TrimRight(line[m[1]:], "\r")) == "" {
			lines = append(lines, n+2)
		}
		for _, l := range lines {
			old, ok := out[l]
			switch {
			case !ok:
				out[l] = maps.Clone(set)
			case len(old) == 0 || len(set) == 0:
				out[l] = ruleSet{}
			default:
				for k := range set {
					old[k] = true
				}
			}
		}
	}
	return out, bad
}
