package render

import (
	"html/template"
	"io"
	"strings"

	"github.com/rokhdad/rokhdad/internal/markdown"
	"github.com/rokhdad/rokhdad/internal/site"
)

// Data is what a page layout receives as ".".
type Data struct {
	Kind         string // the layout: home, single, list, archive, terms, service or search
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
	Image        string      // absolute URL of the page's picture, for Open Graph
	JSONLD       template.JS // structured data (single: a NewsArticle)
	Authors      []Author    // single: the byline (news.go)

	Heading  string       // list pages: the page's heading
	Pager    *site.Pager  // list pages: this page of the list
	Terms    []*site.Term // terms: every service or tag
	TermKind string       // terms, list and service: "services" or "tags" ("" elsewhere)
	Years    []*site.Year // archive: the years (or the one year) shown
	Year     *site.Year   // archive: the year of a year page
	Service  *ServiceView // service: history and downtime
	Status   *StatusView  // home (first page) and service (first page): what is down now
	Live     *LiveView    // single: the line at the top of an ongoing incident's page

	Maintenance     *MaintenanceView     // single: a maintenance article's window
	MaintenanceList *MaintenanceListView // maintenance: the list of windows
}

// Link is a link to a page in some language.
type Link struct {
	Lang  string // code
	Name  string // the language's own name
	Dir   string // its direction
	Href  string
	Label string // a sentence for the link, in the page's language
}

func (r *view) baseData(kind string) *Data {
	return &Data{Kind: kind, Site: r.site, Lang: r.lang}
}

func (r *view) renderSingle(w io.Writer, p *site.Page) error {
	d := r.baseData("single")
	d.Page = p
	d.Title = r.plain(p.Title) + " · " + r.conf.Title
	d.Description = r.plain(p.Summary)
	if d.Description == "" {
		d.Description = r.describe(p.Title)
	}
	d.Permalink = p.Permalink
	d.Alternates = append(d.Alternates, Link{Lang: r.conf.Code, Href: p.Permalink})
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
	d.Image = r.pageImage(p)
	d.Authors = r.authors(p)
	ld, err := r.newsArticle(p, d)
	if err != nil {
		return err
	}
	d.JSONLD = ld
	if d.Live, err = r.liveView(p); err != nil {
		return err
	}
	if d.Maintenance, err = r.maintenanceView(r.site, p); err != nil {
		return err
	}
	if len(p.Timeline) > 0 {
		tv, err := r.timelineView(p)
		if err != nil {
			return err
		}
		d.Timeline = tv
		if p.Maintenance == nil { // a maintenance article's updates are news of the work, not an outage to draw
			if tv.Chart, err = r.timelineChart(p, tv); err != nil {
				return err
			}
		}
	}
	return r.kinds["single"].ExecuteTemplate(w, layoutBase, d)
}

// landingLang is one language on the landing page.
type landingLang struct {
	Code, Name, Title, Direction, URL, Abs, Tagline, Digits string
	Latest, More                                            string
	Reports                                                 []landingReport
	Status                                                  *StatusView
}

// landingReport is one of a language's latest reports on the landing page.
type landingReport struct {
	Title     template.HTML
	URL       string
	Date, ISO string
}

// LandingReports is how many of each language's latest reports the landing page lists.
const LandingReports = 3

// renderLanding writes /: the site's languages side by side, each in its own language and
// direction, with its name, tagline and latest reports. It sends no one anywhere: a reader picks,
// and search engines find each language by the hreflang alternates (x-default is this page).
func (r *Renderer) renderLanding(w io.Writer, s *site.Site) error {
	var data struct {
		Langs     []landingLang
		Default   landingLang
		CSS       string
		Permalink string
		Title     string
		Desc      string
	}
	data.CSS = s.RelURL("css/site.css")
	data.Permalink = s.AbsURL("")
	var titles, descs []string
	for _, l := range s.Langs {
		lr := r.langs[l.Code]
		c := lr.cat
		ll := landingLang{Code: l.Code, Name: l.Name, Title: l.Title, Direction: l.Direction, URL: l.URL,
			Abs: s.AbsURL(l.Code + "/"), Digits: counterStyle(lr.loc.Zero())}
		var err error
		if ll.Tagline, err = c.T("site_tagline"); err != nil {
			return err
		}
		if ll.Latest, err = c.T("latest"); err != nil {
			return err
		}
		if ll.More, err = c.T("landing_enter"); err != nil {
			return err
		}
		if ll.Status, err = lr.statusView(s, l.Pages); err != nil {
			return err
		}
		for _, p := range l.Pages[:min(LandingReports, len(l.Pages))] {
			ll.Reports = append(ll.Reports, landingReport{Title: lr.prose(p.Title), URL: p.URL,
				Date: lr.loc.Date(p.Date), ISO: utc(p.Date)})
		}
		data.Langs = append(data.Langs, ll)
		titles = append(titles, l.Title)
		descs = append(descs, ll.Tagline)
		if l.Code == s.Config.DefaultLanguage {
			data.Default = ll
		}
	}
	data.Title = strings.Join(titles, " · ")
	data.Desc = strings.Join(descs, " · ")
	return r.tmpl.landing.Execute(w, data)
}

// render404 writes the bilingual page GitHub Pages serves for a missing URL. Its links are
// root-relative from the base URL, so they work at any depth under the site.
func (r *Renderer) render404(w io.Writer, s *site.Site) error {
	type lang struct {
		Code, Direction, Name, Title, Heading, Text, Home, HomeLabel string
	}
	var data struct {
		Langs []lang
		CSS   string
	}
	data.CSS = s.RelURL("css/site.css")
	for _, l := range s.Langs {
		c := r.langs[l.Code].cat
		var x lang
		var err error
		x.Code, x.Direction, x.Name, x.Title, x.Home = l.Code, l.Direction, l.Name, l.Title, l.URL
		if x.Heading, err = c.T("not_found"); err != nil {
			return err
		}
		if x.Text, err = c.T("not_found_text"); err != nil {
			return err
		}
		if x.HomeLabel, err = c.T("latest"); err != nil {
			return err
		}
		data.Langs = append(data.Langs, x)
	}
	return r.tmpl.notFound.Execute(w, data)
}
