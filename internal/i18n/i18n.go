// Package i18n holds the words a site shows, one catalog per language, read from i18n/<lang>.toml.
// A catalog maps keys to strings or lists of strings (month names, weekdays); the [zones] table maps
// IANA zone names to labels for zones that have no alphabetic abbreviation ("Asia/Tehran" = "Tehran
// time"). Every language must define every key that any other language defines, so that no page
// silently falls back to another language.
package i18n

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// Catalog is one language's strings.
type Catalog struct {
	Lang    string
	File    string
	strings map[string]string
	lists   map[string][]string
	zones   map[string]string
}

// Parse reads a catalog for lang from src; file names it in errors.
func Parse(file, lang string, src []byte) (*Catalog, error) {
	doc, err := tomldoc.Parse(file, src, 1)
	if err != nil {
		return nil, err
	}
	c := &Catalog{Lang: lang, File: file, strings: map[string]string{}, lists: map[string][]string{}, zones: map[string]string{}}
	root := doc.Root()
	for _, k := range root.Keys() {
		if k == "zones" {
			if zt := root.Table("zones"); zt != nil {
				for _, z := range zt.Keys() {
					c.zones[z] = zt.String(z, true)
				}
			}
			continue
		}
		if root.IsList(k) {
			c.lists[k] = root.Strings(k)
		} else {
			c.strings[k] = root.String(k, true)
		}
	}
	if err := doc.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// T returns the string for key.
func (c *Catalog) T(key string) (string, error) {
	if s, ok := c.strings[key]; ok {
		return s, nil
	}
	return "", &diag.Diagnostic{File: c.File, Rule: "i18n", Msg: fmt.Sprintf("i18n key %q is missing for language %q", key, c.Lang),
		Hint: fmt.Sprintf("add %s = \"…\" to %s", key, c.File)}
}

// List returns the list for key; n > 0 requires exactly n items.
func (c *Catalog) List(key string, n int) ([]string, error) {
	l, ok := c.lists[key]
	if !ok {
		return nil, &diag.Diagnostic{File: c.File, Rule: "i18n", Msg: fmt.Sprintf("i18n key %q is missing for language %q", key, c.Lang),
			Hint: fmt.Sprintf("add %s = [%d names] to %s", key, n, c.File)}
	}
	if n > 0 && len(l) != n {
		return nil, &diag.Diagnostic{File: c.File, Rule: "i18n", Msg: fmt.Sprintf("i18n key %q for language %q has %d items, not %d", key, c.Lang, len(l), n)}
	}
	return l, nil
}

// Zone returns the label for an IANA zone name, if the catalog has one.
func (c *Catalog) Zone(name string) (string, bool) {
	s, ok := c.zones[name]
	return s, ok
}

// Format replaces {name} placeholders in the string for key with vals (name, value pairs).
func (c *Catalog) Format(key string, vals ...string) (string, error) {
	s, err := c.T(key)
	if err != nil {
		return "", err
	}
	if len(vals) == 0 {
		return s, nil
	}
	// A hand-written pass: strings.NewReplacer would build its tables on every call.
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		b.WriteString(s[:i])
		replaced := false
		for k := 0; k+1 < len(vals); k += 2 {
			if vals[k] == name {
				b.WriteString(vals[k+1])
				replaced = true
				break
			}
		}
		if !replaced {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String(), nil
}

// keys lists every key the catalog defines (zones as "zones.NAME").
func (c *Catalog) keys() []string {
	var out []string
	for k := range c.strings {
		out = append(out, k)
	}
	for k := range c.lists {
		out = append(out, k)
	}
	for k := range c.zones {
		out = append(out, "zones."+k)
	}
	sort.Strings(out)
	return out
}

// CheckComplete reports every key that one catalog defines and another lacks, naming the key and
// the language that lacks it.
func CheckComplete(cats []*Catalog) error {
	all := map[string]string{} // key → a language that has it
	for _, c := range cats {
		for _, k := range c.keys() {
			if _, ok := all[k]; !ok {
				all[k] = c.Lang
			}
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs diag.List
	for _, c := range cats {
		have := map[string]bool{}
		for _, k := range c.keys() {
			have[k] = true
		}
		for _, k := range keys {
			if !have[k] {
				errs = append(errs, &diag.Diagnostic{File: c.File, Rule: "i18n",
					Msg:  fmt.Sprintf("i18n key %q is missing for language %q (language %q has it)", k, c.Lang, all[k]),
					Hint: fmt.Sprintf("add %s to %s", k, c.File)})
			}
		}
	}
	return errs.Err()
}
