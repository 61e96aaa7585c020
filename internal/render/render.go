// Package render makes one output file of a resolved site at a time: the article, list, landing
// and 404 pages through the layouts, and the feeds, indexes and sitemap. A Renderer holds what does
// not depend on the articles — the parsed layouts, each language's catalog, locale, Markdown
// renderer and template functions — and is made once per configuration; the site is an argument
// of every call, so one Renderer renders any number of sites of that configuration (serve renders
// each edit's new site with the same one). Which files a site has, in which order, and which of
// them an edit changes is the build's business (package build); where they go is the writer's
// (package output).
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/i18n"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Renderer renders the sites of one configuration. It is safe for concurrent use.
type Renderer struct {
	tmpl  *Templates
	langs map[string]*langRenderer // by code
}

// New parses the layouts and reads every language's catalog, once, for sites of configuration cfg
// whose URLs are made from urls.
func New(fsys *source.FS, cfg *config.Config, urls site.URLs) (*Renderer, error) {
	tmpl, err := LoadTemplates(fsys)
	if err != nil {
		return nil, err
	}
	r := &Renderer{tmpl: tmpl, langs: map[string]*langRenderer{}}
	var cats []*i18n.Catalog
	var errs diag.List
	for _, l := range cfg.Languages {
		cat, err := loadCatalog(fsys, l)
		if err != nil {
			errs = append(errs, diag.Flatten(err)...)
			continue
		}
		cats = append(cats, cat)
		lr, err := newLangRenderer(cfg, urls, l, cat, tmpl)
		if err != nil {
			errs = append(errs, diag.Flatten(err)...)
			continue
		}
		r.langs[l.Code] = lr
	}
	if len(errs) == 0 {
		if err := i18n.CheckComplete(cats); err != nil {
			return nil, err
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

// Kind is what an output file is.
type Kind uint8

// The kinds of output. Those of one language name it by Target.Lang.
const (
	Single          Kind = iota + 1 // an article's page: Lang.Pages[Index]
	Home                            // page Page of the language's latest articles
	Archive                         // the archive: every year
	Year                            // Lang.Years[Index]
	Month                           // Lang.Years[Index].Months[Month]
	Terms                           // every service (or tag, with Tags)
	Term                            // page Page of Lang.Services[Index] (or Tags): a service's first page has its history
	Search                          // the search page
	RSS                             // the language's RSS feed of articles
	Atom                            // its Atom feed of articles
	Updates                         // its Atom feed of timeline updates
	Incidents                       // incidents.json
	SearchIndex                     // search.json
	Landing                         // the site's landing page, /
	NotFound                        // 404.html
	Sitemap                         // sitemap.xml
	Robots                          // robots.txt
	NoJekyll                        // .nojekyll, empty
	CNAME                           // CNAME, when site.toml sets cname
	StatusJSON                      // status.json: what is down now
	IncidentsICS                    // incidents.ics: the incidents as calendar events
	EventICS                        // an article's own event.ics: Lang.Pages[Index]
	MaintenanceList                 // the maintenance list, /<lang>/maintenance/
	MaintenanceICS                  // maintenance.ics: the maintenance windows as calendar events
	MaintenanceJSON                 // maintenance.json: the maintenance windows for programs
)

// Large reports whether files of kind k cover a whole language or site — the feeds, indexes and
// sitemap — and grow with it: megabytes on a large site, written as they are made rather than
// gathered in memory, and after the pages when serve brings the output up to date.
func (k Kind) Large() bool {
	switch k {
	case RSS, Atom, Updates, Incidents, SearchIndex, Sitemap, IncidentsICS, MaintenanceICS, MaintenanceJSON:
		return true
	}
	return false
}

// Target is one output file of a site: what to render. It names its subject by indexes into the
// site, so that a target stays valid for another site of the same shape (see site.Site.Swap).
type Target struct {
	Kind  Kind
	Lang  int  // index in Site.Langs, for a language's outputs
	Index int  // Single: in Lang.Pages; Year and Month: in Lang.Years; Term: in Lang.Services or Lang.Tags
	Month int  // Month: in the year's Months
	Page  int  // Home and Term: the page of the list, from 1
	Tags  bool // Terms and Term: tags rather than services
}

// Render writes the output t of s to w. Errors in layouts name the layout file and line.
func (r *Renderer) Render(w io.Writer, s *site.Site, t Target) error {
	if err := r.render(w, s, t); err != nil {
		return r.diagnose(err)
	}
	return nil
}

func (r *Renderer) render(w io.Writer, s *site.Site, t Target) error {
	switch t.Kind {
	case Landing:
		return r.renderLanding(w, s)
	case NotFound:
		return r.render404(w, s)
	case Sitemap:
		return r.sitemap(w, s)
	case Robots:
		_, err := w.Write(robots(s))
		return err
	case NoJekyll:
		return nil
	case CNAME:
		_, err := io.WriteString(w, s.Config.CNAME+"\n")
		return err
	}
	if t.Lang < 0 || t.Lang >= len(s.Langs) {
		return fmt.Errorf("internal error: %v names language %d of %d", t, t.Lang, len(s.Langs))
	}
	v := r.view(s, s.Langs[t.Lang])
	switch t.Kind {
	case Single:
		return v.renderSingle(w, v.lang.Pages[t.Index])
	case Home:
		return v.renderHome(w, t.Page)
	case Archive:
		return v.renderArchive(w)
	case Year:
		return v.renderYear(w, v.lang.Years[t.Index])
	case Month:
		return v.renderMonth(w, v.lang.Years[t.Index].Months[t.Month])
	case Terms:
		return v.renderTerms(w, t.Tags)
	case Term:
		return v.renderTerm(w, t.Tags, t.Index, t.Page)
	case Search:
		return v.renderSearch(w)
	case RSS:
		return v.rss(w)
	case Atom:
		return v.atom(w)
	case Updates:
		return v.updatesFeed(w)
	case Incidents:
		return v.incidentsJSON(w)
	case SearchIndex:
		return v.searchIndex(w)
	case StatusJSON:
		return v.statusJSON(w)
	case IncidentsICS:
		return v.incidentsICS(w)
	case EventICS:
		return v.eventICS(w, v.lang.Pages[t.Index])
	case MaintenanceList:
		return v.renderMaintenance(w)
	case MaintenanceICS:
		return v.maintenanceICS(w)
	case MaintenanceJSON:
		return v.maintenanceJSON(w)
	}
	return fmt.Errorf("internal error: no output of kind %d", t.Kind)
}

// SiteLayouts lists the layouts of the site's own — files under layouts/ that differ from the
// default theme's — sorted. What an edit changes is known for the default layouts only: a site's
// own layout may show more (every article of the language on every page, say), so serve rebuilds
// everything when there is any.
func (r *Renderer) SiteLayouts() []string { return r.tmpl.ownLayouts() }

// diagnose turns a rendering error into diagnostics, mapping template errors to layout files.
func (r *Renderer) diagnose(err error) error {
	var d *diag.Diagnostic
	var l diag.List
	switch {
	case errors.As(err, &l):
		return l
	case errors.As(err, &d):
		return diag.List{d}
	}
	return r.tmpl.wrap(err)
}

func loadCatalog(fsys *source.FS, l *config.Language) (*i18n.Catalog, error) {
	name := "i18n/" + l.Code + ".toml"
	data, theme, err := fsys.ReadFile(name)
	if err != nil {
		return nil, &diag.Diagnostic{File: name, Rule: "i18n",
			Msg:  fmt.Sprintf("language %q has no i18n file", l.Code),
			Hint: fmt.Sprintf("create %s with the keys of i18n/en.toml translated", name)}
	}
	return i18n.Parse(source.Label(name, theme), l.Code, data)
}

// exec runs a page layout.
func exec(t *template.Template, w io.Writer, d *Data) error {
	return t.ExecuteTemplate(w, layoutBase, d)
}
