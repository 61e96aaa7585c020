package render

import (
	"fmt"
	"github.com/rokhdad/rokhdad/internal/bidi"
	"github.com/rokhdad/rokhdad/internal/digits"
	"html/template"
	"strings"
	"time"
	"unsafe"
	"weak"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// FuncMap is the set of functions layouts may call. Those marked (lang) follow the page's language:
// its catalog, digits, calendar and zone.
//
//	t KEY              (lang) the i18n string for KEY; a missing key is an error naming key and language
//	date TIME          (lang) the date in the language's zone and calendar: "۱۷ آبان ۱۴۰۲", "8 November 2023"
//	secondaryDate TIME (lang) the Gregorian date when the language's calendar is another, else ""
//	clock TIME         (lang) "HH:MM" in the language's zone, in its digits
//	isotime TIME       the instant in UTC, RFC 3339 with seconds and Z, for datetime attributes
//	num INT            (lang) a number with the language's digits and grouping
//	count KEY INT      (lang) what a number counts, in the plural form the language gives it:
//	                   count "reports" 3 is KEY_other with {n} = ۳ or 3: "۳ گزارش", "3 reports"
//	year INT           (lang) a year with the language's digits, without grouping
//	month INT          (lang) the name of a month of the language's calendar
//	prose STRING       (lang) a title or summary as HTML: escaped, with the language's digits (the
//	                   Markdown digit rules) and, on right-to-left pages, Latin runs isolated
//	status NAME        (lang) the label of an incident's or a maintenance window's status
//	window PAGE        (lang) a maintenance article's window on the reader's clock, or ""
//	severity NAME      (lang) the label of a severity
//	downtime PAGE      (lang) an article's duration from its first to its resolved entry, or ""
//	card PAGE          (lang) an article's card for lists, from the "card" partial; rendered once per
//	                   article and language, however many lists show it
//	termURL KIND NAME  (lang) the page of a service or tag: termURL "services" "OpenAI API"
//	digitStyle         (lang) the CSS counter style that counts in the language's digits ("persian",
//	                   "decimal"): baseof.html puts it on <html data-digits>, site.css numbers lists by it
//	rel PATH           a site path as a URL path under the base URL: rel "css/site.css"
//	abs PATH           a site path as an absolute URL
//	partialCached NAME DATA [VARIANT...]
//	                   (lang) the partial template NAME executed with DATA once per language and
//	                   distinct VARIANTs, and the same HTML reused for every page after: for
//	                   the parts of a page that depend only on the language and the variants
//	                   (baseof.html caches the feed links, the navigation and the footer). As with
//	                   Hugo's partialCached, a partial whose output depends on anything else of DATA
//	                   must be called with template instead.
func placeholderFuncs() template.FuncMap {
	none := func(...any) string { return "" }
	fm := template.FuncMap{}
	for _, name := range []string{"t", "date", "secondaryDate", "clock", "isotime", "num", "prose", "status",
		"severity", "downtime", "window", "rel", "abs", "year", "month", "termURL", "card", "partialCached", "count", "digitStyle"} {
		fm[name] = none
	}
	return fm
}

func (r *langRenderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":             r.cat.T,
		"date":          r.loc.Date,
		"secondaryDate": r.secondaryDate,
		"clock":         r.loc.Clock,
		"isotime":       timeline.UTCString,
		"num":           r.loc.Int,
		"count":         func(key string, n int) (string, error) { return r.cat.Count(key, n, r.loc.Int(n)) },
		"year":          r.loc.Year,
		"month":         r.loc.MonthName,
		"prose":         r.prose,
		"status":        func(v any) (string, error) { return r.cat.T("status_" + fmt.Sprint(v)) },
		"window":        r.windowSpan,
		"severity":      func(v content.Severity) (string, error) { return r.cat.T("severity_" + string(v)) },
		"downtime":      r.downtime,
		"card":          r.card,
		"partialCached": r.partialCached,
		"digitStyle":    func() string { return counterStyle(r.loc.Zero()) },
		"termURL": func(kind, name string) string {
			return r.urls.RelURL(r.conf.Code + "/" + kind + "/" + site.Slug(name) + "/")
		},
		"rel": func(p string) string { return r.urls.RelURL(p) },
		"abs": func(p string) string { return r.urls.AbsURL(p) },
	}
}

// counterStyle is the CSS list-style-type that numbers lists with the digits whose zero is zero
// (see digits.CounterStyle).
func counterStyle(zero rune) string { return digits.CounterStyle(zero) }

func (r *langRenderer) secondaryDate(t time.Time) string {
	if r.loc.Calendar() == locale.Gregorian {
		return ""
	}
	return r.loc.GregorianDate(t)
}

// windowSpan is a maintenance article's window on the reader's clock, for its card; "" for an
// article that is no window.
func (r *langRenderer) windowSpan(p *site.Page) template.HTML {
	if p.Maintenance == nil {
		return ""
	}
	return r.prose(r.when.Window(p.Maintenance.Window).Span)
}

func (r *langRenderer) downtime(p *site.Page) string {
	d, ok := p.Timeline.Duration()
	if !ok {
		return ""
	}
	return r.loc.Duration(d)
}

// digits writes the numbers of a plain-text title, summary or timeline text with the language's
// digits, by the prose rules of Markdown (markdown.ConvertDigits: "ChatGPT (13)" → "ChatGPT (۱۳)",
// "iOS 17" kept). It is the one rule for every display string: the page's HTML and <title>, the
// feeds, the JSON-LD, the search index and incidents.json all show what the page shows.
func (r *langRenderer) digits(v string) string { return markdown.ConvertDigits(v, r.loc.Zero()) }

// prose renders a plain-text title or summary for HTML text.
func (r *langRenderer) prose(v string) template.HTML {
	s := template.HTMLEscapeString(r.digits(v))
	if r.rtl {
		s = bidi.HTML(s)
	}
	return template.HTML(s)
}

// plain renders a plain-text title or summary where no markup is possible (<title>, attributes).
func (r *langRenderer) plain(v string) string {
	s := r.digits(v)
	if r.rtl {
		s = bidi.Text(s)
	}
	return s
}

// html finishes rendered Markdown for the page: Latin runs isolated on right-to-left pages. b is
// the renderer's to keep: it becomes the string without a copy.
func (r *langRenderer) html(b []byte) template.HTML {
	if r.rtl {
		return template.HTML(bidi.HTML(frozen(b)))
	}
	return template.HTML(frozen(b))
}

// frozen is b as a string without copying it, for bytes that are never written again: an article's
// Markdown body once loaded, a rendered body once returned. A site's bodies are megabytes, copied
// several times over otherwise.
func frozen(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// partialCached renders a partial once per language and variant (see FuncMap).
func (r *langRenderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := name
	for _, v := range variants {
		key += "\x00" + fmt.Sprint(v)
	}
	if v, ok := r.partials.Load(key); ok {
		return v.(template.HTML), nil
	}
	var b strings.Builder
	if err := r.kinds["list"].ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	r.partials.Store(key, h)
	return h, nil
}

// card renders the "card" partial for p once and keeps the HTML: an article appears on its home
// page, its month, and every service and tag page it names.
func (r *langRenderer) card(p *site.Page) (template.HTML, error) {
	k := weak.Make(p.Page)
	if h, ok := r.cards.load(k); ok {
		return h, nil
	}
	var b strings.Builder
	if err := r.kinds["list"].ExecuteTemplate(&b, "card", p); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	r.cards.store(p.Page, k, h)
	return h, nil
}
