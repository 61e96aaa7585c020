package render

import (
	"io"
	"strings"

	"github.com/rokhdad/rokhdad/internal/feed"
	"github.com/rokhdad/rokhdad/internal/search"
	"github.com/rokhdad/rokhdad/internal/site"
)

// The files for programs rather than readers: per language the RSS and Atom feeds of articles, the
// Atom feed of timeline updates, incidents.json and the search index; for the site the sitemap and
// robots.txt. The feeds' channels are assembled in package feed; this file gives them the
// language's words.

func (r *view) rss(w io.Writer) error {
	return feed.RSS(w, feed.Articles(r.site, r.lang, "rss.xml", words{r.langRenderer}))
}
func (r *view) atom(w io.Writer) error {
	return feed.Atom(w, feed.Articles(r.site, r.lang, "atom.xml", words{r.langRenderer}))
}

func (r *view) updatesFeed(w io.Writer) error {
	c, err := feed.Updates(r.site, r.lang, words{r.langRenderer})
	if err != nil {
		return err
	}
	return feed.Atom(w, c)
}

func (r *view) incidentsJSON(w io.Writer) error {
	return feed.IncidentsJSON(w, r.conf.Code, feed.Newest(r.site, r.lang), feed.Incidents(r.lang, words{r.langRenderer}))
}

func (r *Renderer) sitemap(w io.Writer, s *site.Site) error { return feed.Sitemap(w, feed.SiteURLs(s)) }

func robots(s *site.Site) []byte { return feed.Robots(s.AbsURL("sitemap.xml")) }

// words gives the feeds a language's texts (feed.Words).
type words struct{ *langRenderer }

func (w words) Plain(s string) string             { return w.plain(s) }
func (w words) Digits(s string) string            { return w.digits(s) }
func (w words) T(key string) (string, error)      { return w.cat.T(key) }
func (w words) Anchor(p *site.Page, i int) string { return updateAnchor(&p.Timeline[i]) }
func (w words) EntryHTML(p *site.Page, i int) (string, error) {
	h, err := w.entryHTML(p, i)
	return string(h), err
}

// searchIndex writes /<lang>/search.json: every article's title, date (and its Gregorian date, when
// the language's calendar is another), summary, services, tags, timeline texts and body text (the index caps how many distinct terms one article contributes).
func (r *view) searchIndex(w io.Writer) error {
	docs := make([]search.Doc, 0, len(r.lang.Pages))
	for _, p := range r.lang.Pages {
		terms := make([]string, 0, len(p.Services)+len(p.Tags)+len(p.Timeline)+3)
		// The Gregorian dates a page in another calendar shows beside its own (secondaryDate):
		// the article's and its timeline's first and last days.
		if g := r.secondaryDate(p.Date); g != "" {
			terms = append(terms, g)
			if n := len(p.Timeline); n > 0 {
				terms = append(terms, r.secondaryDate(p.Timeline[0].At), r.secondaryDate(p.Timeline[n-1].At))
			}
		}
		terms = append(terms, p.Services...)
		terms = append(terms, p.Tags...)
		for _, e := range p.Timeline {
			terms = append(terms, withoutDestinations(e.Text))
		}
		terms = append(terms, withoutDestinations(frozen(p.Body)))
		docs = append(docs, search.Doc{URL: p.URL, Title: r.digits(p.Title), Date: r.loc.Date(p.Date),
			Summary: r.digits(p.Summary), Terms: terms})
	}
	return search.Write(w, docs)
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
