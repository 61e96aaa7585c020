package check

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/load"
)

// allTranslations maps each section/name to its parsed articles in every language, drafts
// included.
func allTranslations(ld *load.Site) map[string][]*content.Page {
	out := map[string][]*content.Page{}
	for _, la := range ld.Articles {
		if la.Page != nil {
			key := la.Page.Section + "/" + la.Page.Name
			out[key] = append(out[key], la.Page)
		}
	}
	return out
}

// untranslated reports the timeline entries of a published article whose text is still the text
// of the same update (by id) in another language: what rokhdad import's draft translations start
// with. When the text is in the other language's script (Latin text in a right-to-left article,
// Persian in a left-to-right one), it is the untranslated one; when it cannot tell (two languages
// of one script), both are reported.
func untranslated(a *article, group []*content.Page, cfg *config.Config) diag.List {
	p := a.page
	if p == nil || p.Draft || len(p.Timeline) == 0 {
		return nil
	}
	var list diag.List
	for _, o := range group {
		if o.Lang == p.Lang || len(o.Timeline) == 0 {
			continue
		}
		texts := map[string]int{} // id → index in o
		for i, e := range o.Timeline {
			texts[e.ID] = i
		}
		rtl := a.lang.Direction == "rtl"
		otherRTL := rtl
		if ol := cfg.Language(o.Lang); ol != nil {
			otherRTL = ol.Direction == "rtl"
		}
		for _, e := range p.Timeline {
			i, ok := texts[e.ID]
			if !ok || strings.TrimSpace(e.Text) == "" || e.Text != o.Timeline[i].Text || !hasLetter(e.Text) {
				continue
			}
			if script := rightToLeftScript(e.Text); script == rtl && script != otherRTL {
				continue // in this language's script and not the other's: the other one is the copy
			}
			list = append(list, warn(a.file, e.Line, 1, RuleUntranslated,
				fmt.Sprintf("the text of update %s is still the text of %s (line %d)", e.ID, o.File, o.Timeline[i].Line),
				"translate it"))
		}
	}
	return list
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// rightToLeftScript reports whether most of the letters of s are of a right-to-left script.
func rightToLeftScript(s string) bool {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
			rtl++
		default:
			ltr++
		}
	}
	return rtl > ltr
}
