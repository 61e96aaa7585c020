package render

import (
	"fmt"
	"io"

	"github.com/rokhdad/rokhdad/internal/site"
)

// The list pages of a language: the paginated home, the archive (all years, each year, each
// month), the services and tags with a page each, and the search page.

func (r *view) renderHome(w io.Writer, n int) error {
	code := r.conf.Code + "/"
	p := r.site.Pager(code, r.lang.Pages, r.cfg.Paginate, n)
	home, _ := r.cat.T("latest")
	d := r.listData("home", code, true, home, p)
	r.switchTo(d, site.Place{Kind: site.KindHome, Page: p.Number})
	d.Title = r.conf.Title
	if p.Number > 1 {
		d.Title = r.pageTitle(home, p)
	} else {
		var err error
		if d.Status, err = r.statusView(r.site, r.lang.Pages); err != nil {
			return err
		}
	}
	return exec(r.kinds[d.Kind], w, d)
}

func (r *view) renderArchive(w io.Writer) error {
	archive, _ := r.cat.T("archive")
	d := r.listData("archive", r.conf.Code+"/archive/", true, archive, nil)
	d.Years = r.lang.Years
	return exec(r.kinds[d.Kind], w, d)
}

func (r *view) renderYear(w io.Writer, y *site.Year) error {
	d := r.listData("archive", site.YearPath(r.conf.Code, y.Year), false, r.loc.Year(y.Year), nil)
	d.Year, d.Years = y, []*site.Year{y}
	r.switchTo(d, site.Place{Kind: site.KindYear, Year: y.Year})
	return exec(r.kinds[d.Kind], w, d)
}

func (r *view) renderMonth(w io.Writer, m *site.Month) error {
	mpath := site.MonthPath(r.conf.Code, m.Year, m.Month)
	heading := r.loc.MonthName(m.Month) + " " + r.loc.Year(m.Year)
	d := r.listData("list", mpath, false, heading, r.site.Pager(mpath, m.Pages, 0, 1))
	r.switchTo(d, site.Place{Kind: site.KindMonth, Year: m.Year, Month: m.Month})
	return exec(r.kinds[d.Kind], w, d)
}

func termKind(tags bool) string {
	if tags {
		return "tags"
	}
	return "services"
}

func (r *view) terms(tags bool) []*site.Term {
	if tags {
		return r.lang.Tags
	}
	return r.lang.Services
}

func (r *view) renderTerms(w io.Writer, tags bool) error {
	kind := termKind(tags)
	heading, _ := r.cat.T(kind + "_index")
	d := r.listData("terms", r.conf.Code+"/"+kind+"/", true, heading, nil)
	d.Terms, d.TermKind = r.terms(tags), kind
	return exec(r.kinds[d.Kind], w, d)
}

// renderTerm renders page n of a service or tag; a service's first page shows its history.
func (r *view) renderTerm(w io.Writer, tags bool, i, n int) error {
	kind := termKind(tags)
	t := r.terms(tags)[i]
	tpath := r.conf.Code + "/" + kind + "/" + t.Slug + "/"
	p := r.site.Pager(tpath, t.Pages, r.cfg.Paginate, n)
	layout := "list"
	if !tags {
		layout = "service"
	}
	d := r.listData(layout, tpath, false, t.Name, p)
	d.TermKind = kind
	r.switchTo(d, site.Place{Kind: site.KindTerm, Term: t, Tags: tags, Page: n})
	if n > 1 {
		d.Title = r.pageTitle(t.Name, p)
	}
	if !tags && n == 1 {
		sv, err := r.serviceView(t)
		if err != nil {
			return err
		}
		d.Service = sv
		if d.Status, err = r.statusView(r.site, t.Pages); err != nil {
			return err
		}
	}
	return exec(r.kinds[d.Kind], w, d)
}

func (r *view) renderSearch(w io.Writer) error {
	search, _ := r.cat.T("search")
	return exec(r.kinds["search"], w, r.listData("search", r.conf.Code+"/search/", true, search, nil))
}

// pageTitle names page n of a list: "Latest incidents (page 2)".
func (r *view) pageTitle(heading string, p *site.Pager) string {
	s, err := r.cat.Format("page_n", "n", r.loc.Int(p.Number))
	if err != nil {
		return heading
	}
	return heading + " · " + s + " · " + r.conf.Title
}

// listData fills what every list page has. shared says whether the same path exists in every
// language (archive, services, tags and search indexes do; a term or a year may not), so the
// language switcher and hreflang links can point at it.
func (r *view) listData(kind, path string, shared bool, heading string, p *site.Pager) *Data {
	d := r.baseData(kind)
	d.Heading = heading
	d.Pager = p
	d.Title = r.plain(heading) + " · " + r.conf.Title
	d.Description = r.describe(heading)
	rel := path
	if p != nil && p.Number > 1 {
		rel = path + "page/" + fmt.Sprint(p.Number) + "/"
	}
	d.Permalink = r.urls.AbsURL(rel)
	sub := path[len(r.conf.Code)+1:]
	for _, l := range r.site.Langs {
		if shared {
			d.Alternates = append(d.Alternates, Link{Lang: l.Code, Href: r.urls.AbsURL(l.Code + "/" + sub)})
		}
		if l == r.lang {
			continue
		}
		href := l.URL
		if shared {
			href = r.urls.RelURL(l.Code + "/" + sub)
		}
		d.Switch = append(d.Switch, Link{Lang: l.Code, Name: l.Name, Dir: l.Direction, Href: href})
	}
	if !shared {
		d.Alternates = []Link{{Lang: r.conf.Code, Href: d.Permalink}}
	}
	return d
}

// describe is the meta description of a page that has no summary of its own: its heading and the
// site's tagline, "ChatGPT: Reports on outages and incidents of internet services, …".
func (r *langRenderer) describe(heading string) string {
	tagline, _ := r.cat.T("site_tagline")
	s, err := r.cat.Format("site_description", "heading", r.plain(heading), "tagline", tagline)
	if err != nil {
		return tagline
	}
	return s
}

// switchTo points the language switcher of a list page at the same place in the other languages
// (see site.Site.SwitchURL).
func (r *view) switchTo(d *Data, pl site.Place) {
	for i := range d.Switch {
		d.Switch[i].Href = r.site.SwitchURL(r.lang, r.site.Lang(d.Switch[i].Lang), pl, "")
	}
}
