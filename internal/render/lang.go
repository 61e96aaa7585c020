package render

import (
	"html/template"
	"sync"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/i18n"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/when"
)

// langRenderer is one language's tools, the same for every site of the configuration: its
// catalog, locale, Markdown renderer, and its clones of the page layouts with the language's
// template functions. The memos keep HTML that depends only on an article's own text (a card, a
// timeline entry) or on the language (a partial rendered once, see partialCached); an edit makes a
// new article, so a memo is never stale, and entries of articles no site uses any more go with them
// (see memo).
type langRenderer struct {
	cfg   *config.Config
	conf  *config.Language
	urls  site.URLs
	cat   *i18n.Catalog
	loc   *locale.Locale
	md    *markdown.Renderer
	when  *when.Reader                  // how an instant is shown: the reader's time and the source's
	kinds map[string]*template.Template // this language's clones of the page layouts
	rtl   bool

	cards    memo[cardKey]  // see card
	entries  memo[entryKey] // see entryHTML
	partials sync.Map       // name and variants → template.HTML, see partialCached
}

func newLangRenderer(cfg *config.Config, urls site.URLs, l *config.Language, cat *i18n.Catalog, tmpl *Templates) (*langRenderer, error) {
	var names locale.Names
	var err error
	list := func(key string, n int) []string {
		if err != nil {
			return nil
		}
		var v []string
		v, err = cat.List(key, n)
		return v
	}
	str := func(key string) string {
		if err != nil {
			return ""
		}
		var v string
		v, err = cat.T(key)
		return v
	}
	copy(names.PersianMonths[:], list("persian_months", 12))
	copy(names.GregorianMonths[:], list("gregorian_months", 12))
	copy(names.Weekdays[:], list("weekdays", 7))
	names.Day, names.Hour, names.Minute = str("unit_day"), str("unit_hour"), str("unit_minute")
	names.Join = str("duration_join")
	if err != nil {
		return nil, err
	}
	loc, err := locale.New(l.Code, l.Calendar, l.Zone, names)
	if err != nil {
		return nil, &diag.Diagnostic{File: config.FileName, Rule: "languages." + l.Code, Msg: err.Error()}
	}
	lr := &langRenderer{cfg: cfg, conf: l, urls: urls, cat: cat, loc: loc, when: when.New(loc, cat), rtl: l.Direction == "rtl"}
	lr.md = markdown.New(markdown.Options{Zero: loc.Zero(), Unsafe: cfg.Markup.Unsafe, FormatTime: lr.when.Inline})
	fm := lr.funcs()
	lr.kinds = map[string]*template.Template{}
	for k, t := range tmpl.kinds {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		lr.kinds[k] = c.Funcs(fm)
	}
	return lr, nil
}

// view is one language of one site: what a page of it is rendered with.
type view struct {
	*langRenderer
	site  *site.Site
	lang  *site.Lang
	peers map[string]*langRenderer // every language's tools, by code
}

func (r *Renderer) view(s *site.Site, l *site.Lang) *view {
	return &view{langRenderer: r.langs[l.Code], site: s, lang: l, peers: r.langs}
}

// peer returns the tools of another language of the same site.
func (r *view) peer(code string) *langRenderer { return r.peers[code] }
