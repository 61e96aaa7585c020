package search

import (
	"strings"
	"time"
	"unsafe"

	"github.com/rokhdad/rokhdad/internal/site"
)

// Words is what a language's index needs from its renderer: texts as its pages show them.
type Words interface {
	Digits(text string) string        // text with the language's digits
	Date(t time.Time) string          // a date in the language's calendar and words
	SecondaryDate(t time.Time) string // the Gregorian date a page in another calendar shows beside its own; "" in the Gregorian calendar
}

// Docs are a language's articles for its search index, search.json: every article's title, date (and its Gregorian date, when
// the language's calendar is another), summary, services, tags, timeline texts and body text (the index caps how many distinct terms one article contributes).
func Docs(l *site.Lang, w Words) []Doc {
	docs := make([]Doc, 0, len(l.Pages))
	for _, p := range l.Pages {
		terms := make([]string, 0, len(p.Services)+len(p.Tags)+len(p.Timeline)+3)
		// The Gregorian dates a page in another calendar shows beside its own (secondaryDate):
		// the article's and its timeline's first and last days.
		if g := w.SecondaryDate(p.Date); g != "" {
			terms = append(terms, g)
			if n := len(p.Timeline); n > 0 {
				terms = append(terms, w.SecondaryDate(p.Timeline[0].At), w.SecondaryDate(p.Timeline[n-1].At))
			}
		}
		terms = append(terms, p.Services...)
		terms = append(terms, p.Tags...)
		for _, e := range p.Timeline {
			terms = append(terms, withoutDestinations(e.Text))
		}
		terms = append(terms, withoutDestinations(unsafe.String(unsafe.SliceData(p.Body), len(p.Body))))
		docs = append(docs, Doc{URL: p.URL, Title: w.Digits(p.Title), Date: w.Date(p.Date),
			Summary: w.Digits(p.Summary), Terms: terms})
	}
	return docs
}

// withoutDestinations drops the destinations of Markdown links and images ("](…)") and autolinks
// ("<https://…>") from text for the search index: readers search what they read, not URLs or the
// at: values of inline times. The rest of the Markdown syntax is punctuation, which the index
// ignores anyway.
func withoutDestinations(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "<http") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ']' && i+1 < len(s) && s[i+1] == '(':
			depth := 0
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '(' {
					depth++
				} else if s[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				} else if s[j] == '\n' {
					j-- // keep the line break
					break
				}
			}
			b.WriteByte(' ')
			i = j
		case s[i] == '<' && strings.HasPrefix(s[i:], "<http"):
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			i += j
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
