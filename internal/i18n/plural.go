package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// pluralForms are the key suffixes of the CLDR plural forms.
var pluralForms = map[plural.Form]string{
	plural.Zero: "_zero", plural.One: "_one", plural.Two: "_two",
	plural.Few: "_few", plural.Many: "_many", plural.Other: "_other",
}

// Count returns the string for n of something: key plus the suffix of n's CLDR plural form in the
// catalog's language ("_one", "_few", …), or key+"_other" when the catalog has no string for that
// form, with {n} replaced by num (n as the page shows it). reports_one = "{n} report" and
// reports_other = "{n} reports" give "1 report" and "3 reports"; Persian has one string for both.
func (c *Catalog) Count(key string, n int, num string) (string, error) {
	form := plural.Cardinal.MatchPlural(language.Make(c.Lang), n, 0, 0, 0, 0)
	k := key + pluralForms[form]
	if _, ok := c.strings[k]; !ok {
		k = key + "_other"
	}
	return c.Format(k, "n", num)
}
