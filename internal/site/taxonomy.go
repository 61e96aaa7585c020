package site

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/locale"
)

// Term is a service or a tag and the articles that name it.
type Term struct {
	Name  string
	Slug  string
	URL   string           // root-relative
	Pages []*Page          // newest first
	Peers map[string]*Term // the same service or tag in other languages, by code (see pairTerms)
}

// Year is one year of a language's archive, in the language's calendar.
type Year struct {
	Year   int
	URL    string
	Months []*Month // newest first
	Count  int
}

// Month is one month of the archive.
type Month struct {
	Year, Month int
	URL         string
	Pages       []*Page // newest first
}

// Slug makes a URL segment from a name: letters and digits of any script are kept (Latin ones
// lower-cased), a zero-width non-joiner is kept inside a word, anything else becomes one "-".
// "OpenAI API" → "openai-api", "قطعی سرویس" → "قطعی-سرویس". It returns "" when nothing is left.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\u200c' && b.Len() > 0 && !dash:
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "\u200c")
}

// taxonomies builds a language's services, tags and archive.
func (s *Site) taxonomies(l *Lang) diag.List {
	var errs diag.List
	var err diag.List
	l.Services, err = s.terms(l, "services", func(p *Page) []string { return p.Services })
	errs = append(errs, err...)
	l.Tags, err = s.terms(l, "tags", func(p *Page) []string { return p.Tags })
	errs = append(errs, err...)

	years := map[int]*Year{}
	months := map[[2]int]*Month{}
	for _, p := range l.Pages { // newest first, so months and years fill newest first
		d := locale.DateIn(p.Date.In(l.Zone), l.Calendar)
		y := years[d.Year]
		if y == nil {
			y = &Year{Year: d.Year, URL: s.RelURL(YearPath(l.Code, d.Year))}
			years[d.Year] = y
			l.Years = append(l.Years, y)
		}
		y.Count++
		m := months[[2]int{d.Year, d.Month}]
		if m == nil {
			m = &Month{Year: d.Year, Month: d.Month, URL: s.RelURL(MonthPath(l.Code, d.Year, d.Month))}
			months[[2]int{d.Year, d.Month}] = m
			y.Months = append(y.Months, m)
		}
		m.Pages = append(m.Pages, p)
	}
	sort.SliceStable(l.Years, func(i, j int) bool { return l.Years[i].Year > l.Years[j].Year })
	for _, y := range l.Years {
		sort.SliceStable(y.Months, func(i, j int) bool { return y.Months[i].Month > y.Months[j].Month })
	}
	return errs
}

func (s *Site) terms(l *Lang, kind string, names func(*Page) []string) ([]*Term, diag.List) {
	bySlug := map[string]*Term{}
	var out []*Term
	var errs diag.List
	for _, p := range l.Pages {
		for _, name := range names(p) {
			slug := Slug(name)
			if slug == "" {
				errs = append(errs, &diag.Diagnostic{File: p.File, Rule: kind,
					Msg: fmt.Sprintf("%s entry %s has no letters or digits to make a URL from", kind, diag.Quote(name)), Hint: "use a name with letters"})
				continue
			}
			if len(slug) > MaxName {
				errs = append(errs, &diag.Diagnostic{File: p.File, Rule: kind,
					Msg: fmt.Sprintf("%s entry %s makes a URL segment (and folder) of %d bytes, and one can be at most %d bytes",
						kind, diag.Quote(name), len(slug), MaxName), Hint: "shorten it"})
				continue
			}
			t := bySlug[slug]
			if t == nil {
				t = &Term{Name: name, Slug: slug, URL: s.RelURL(l.Code + "/" + kind + "/" + slug + "/")}
				bySlug[slug] = t
				out = append(out, t)
			} else if t.Name != name && !strings.EqualFold(t.Name, name) {
				errs = append(errs, &diag.Diagnostic{File: p.File, Rule: kind,
					Msg:  fmt.Sprintf("%s %s and %s would share the page %s", kind, diag.Quote(t.Name), diag.Quote(name), t.URL),
					Hint: "write the name the same way in every article"})
				continue
			}
			if n := len(t.Pages); n == 0 || t.Pages[n-1] != p {
				t.Pages = append(t.Pages, p)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out, errs
}

// Term returns the service or tag with the given slug from a list, or nil.
func FindTerm(terms []*Term, slug string) *Term {
	for _, t := range terms {
		if t.Slug == slug {
			return t
		}
	}
	return nil
}

// Pager is one page of a paginated list.
type Pager struct {
	Number, Total int
	URL           string // this page's root-relative URL
	Prev, Next    string // "" at the ends
	Pages         []*Page
	Links         []PageLink // every page of the list, for numbered links
}

// PageLink is a numbered link of a pager. Gap marks a place where numbers are left out ("…").
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pagerWindow is how many numbered links a pager shows on each side of the current page; the
// first and last pages are always shown, so a list of thousands of pages stays a short row.
const pagerWindow = 2

// Paginate splits pages into pagers of size each; base is the list's site path ("fa/" or
// "fa/services/x/"): page 1 is at base, page n at base + "page/n/". An empty list still has one pager.
func (s *Site) Paginate(base string, pages []*Page, size int) []*Pager {
	out := make([]*Pager, PagerCount(len(pages), size))
	for i := range out {
		out[i] = s.Pager(base, pages, size, i+1)
	}
	return out
}

// PagerCount is how many pagers of size each a list of n pages has: at least one.
func PagerCount(n, size int) int {
	if size < 1 {
		return 1
	}
	return max(1, (n+size-1)/size)
}

// PagerPages are the pages on page n (from 1) of a list split into pagers of size each (see
// Paginate), without the pager's URLs.
func PagerPages(pages []*Page, size, n int) []*Page {
	if size < 1 {
		return pages
	}
	return pages[min((n-1)*size, len(pages)):min(n*size, len(pages))]
}

// Pager is page n (from 1) of the pagers Paginate makes.
func (s *Site) Pager(base string, pages []*Page, size, n int) *Pager {
	total := PagerCount(len(pages), size)
	if size < 1 {
		size = len(pages) + 1
	}
	url := func(n int) string {
		if n == 1 {
			return s.RelURL(base)
		}
		return s.RelURL(base + "page/" + strconv.Itoa(n) + "/")
	}
	i := n - 1
	p := &Pager{Number: n, Total: total, URL: url(n), Pages: PagerPages(pages, size, n)}
	if i > 0 {
		p.Prev = url(i)
	}
	if n < total {
		p.Next = url(n + 1)
	}
	p.Links = pagerLinks(n, total, url)
	return p
}

// pagerLinks lists the numbered links of page cur of total: 1, a gap, cur-2 … cur+2, a gap, total.
func pagerLinks(cur, total int, url func(int) string) []PageLink {
	var links []PageLink
	last := 0
	for n := 1; n <= total; n++ {
		if n != 1 && n != total && (n < cur-pagerWindow || n > cur+pagerWindow) {
			continue
		}
		if n > last+1 {
			links = append(links, PageLink{Gap: true})
		}
		links = append(links, PageLink{Number: n, URL: url(n), Current: n == cur})
		last = n
	}
	return links
}

// YearPath is the site path of a year of a language's archive, "fa/archive/1402/".
func YearPath(lang string, year int) string { return lang + "/archive/" + strconv.Itoa(year) + "/" }

// MonthPath is the site path of a month of a language's archive, "fa/archive/1402/08/".
func MonthPath(lang string, year, month int) string {
	return fmt.Sprintf("%s%02d/", YearPath(lang, year), month)
}

// PagerPath is the output path of page n of a list at base.
func PagerPath(base string, n int) string {
	if n == 1 {
		return base + "index.html"
	}
	return base + "page/" + strconv.Itoa(n) + "/index.html"
}
