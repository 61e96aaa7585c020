package render

import (
	"bytes"
	"html/template"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
)

// Data is what a page layout receives as ".".
type Data struct {
	Kind         string // "home" or "single"
	Site         *site.Site
	Lang         *site.Lang
	Page         *site.Page // nil on list pages
	Title        string     // for <title>
	Description  string
	Permalink    string
	Alternates   []Link // hreflang links: this page in every language it exists in
	Switch       []Link // the language switcher: every other language, to the translation or its home
	Translations []Link // the page's translations, with a sentence naming the language
	Body         template.HTML
	Timeline     *TimelineView
}

// Link is a link to a page in some language.
type Link struct {
	Lang  string // code
	Name  string // the language's own name
	Dir   string // its direction
	Href  string
	Label string // a sentence for the link, in the page's language
}

// peer returns the renderer of another language of the same site.
func (r *langRenderer) peer(code string) *langRenderer { return r.peers[code] }

func (r *langRenderer) baseData(kind string) *Data {
	return &Data{Kind: kind, Site: r.site, Lang: r.lang}
}

func (r *langRenderer) renderSingle(w *bytes.Buffer, p *site.Page) error {
	d := r.baseData("single")
	d.Page = p
	d.Title = r.plain(p.Title) + " · " + r.lang.Title
	d.Description = r.plain(p.Summary)
	d.Permalink = p.Permalink
	d.Alternates = append(d.Alternates, Link{Lang: r.lang.Code, Href: p.Permalink})
	for _, t := range p.Translations {
		d.Alternates = append(d.Alternates, Link{Lang: t.Lang.Code, Href: t.Permalink})
		// The link speaks the language it leads to.
		label, err := r.peer(t.Lang.Code).cat.T("translation")
		if err != nil {
			return err
		}
		d.Translations = append(d.Translations, Link{Lang: t.Lang.Code, Name: t.Lang.Name, Dir: t.Lang.Direction, Href: t.URL, Label: label})
	}
	for _, l := range r.site.Langs {
		if l == r.lang {
			continue
		}
		href := l.URL
		if t := p.Translation(l.Code); t != nil {
			href = t.URL
		}
		d.Switch = append(d.Switch, Link{Lang: l.Code, Name: l.Name, Dir: l.Direction, Href: href})
	}
	doc := markdown.Doc{File: p.File, Line: p.BodyLine, Zone: p.Zone}
	body, err := r.md.Render(p.Body, doc)
	if err != nil {
		return err
	}
	d.Body = r.html(body)
	if len(p.Timeline) > 0 {
		tv, err := r.timelineView(p)
		if err != nil {
			return err
		}
		d.Timeline = tv
	}
	return r.single.ExecuteTemplate(w, layoutBase, d)
}

func (r *langRenderer) renderHome(w *bytes.Buffer) error {
	d := r.baseData("home")
	d.Title = r.lang.Title
	d.Description, _ = r.cat.T("site_tagline")
	d.Permalink = r.site.AbsURL(r.lang.Code + "/")
	for _, l := range r.site.Langs {
		d.Alternates = append(d.Alternates, Link{Lang: l.Code, Href: r.site.AbsURL(l.Code + "/")})
		if l != r.lang {
			d.Switch = append(d.Switch, Link{Lang: l.Code, Name: l.Name, Dir: l.Direction, Href: l.URL})
		}
	}
	return r.home.ExecuteTemplate(w, layoutBase, d)
}

// landingLang is one language on the landing page.
type landingLang struct {
	Code, Name, Title, Direction, URL, Abs, Tagline string
}

func (r *Renderer) renderLanding(w *bytes.Buffer) error {
	var data struct {
		Langs   []landingLang
		Default landingLang
		CSS     string
	}
	data.CSS = r.site.RelURL("css/site.css")
	for _, l := range r.site.Langs {
		tag, err := r.langs[l.Code].cat.T("site_tagline")
		if err != nil {
			return err
		}
		ll := landingLang{Code: l.Code, Name: l.Name, Title: l.Title, Direction: l.Direction, URL: l.URL,
			Abs: r.site.AbsURL(l.Code + "/"), Tagline: tag}
		data.Langs = append(data.Langs, ll)
		if l.Code == r.site.Config.DefaultLanguage {
			data.Default = ll
		}
	}
	return r.tmpl.landing.Execute(w, data)
}

// inlineTime renders an inline time from an article's prose: the reader's date and time, then the
// time as the source gave it.
func (r *langRenderer) inlineTime(t time.Time, _ string) string {
	var b strings.Builder
	when, _ := r.cat.Format("datetime", "date", r.loc.Date(t), "time", r.loc.Clock(t)+" "+r.zoneLabel(t.In(r.loc.Zone())))
	b.WriteString(`<time class="inline-time" datetime="`)
	b.WriteString(utc(t))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(when))
	b.WriteString(`</time> <span class="source">(<bdi dir="ltr">`)
	b.WriteString(template.HTMLEscapeString(r.sourceClock(t)))
	b.WriteString(`</bdi>)</span>`)
	return b.String()
}
