package render

import (
	"bytes"
	"fmt"
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/chart"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/site"
)

// listJobs are a language's list pages: the paginated home, the archive (all years, each year, each
// month), the services and tags with a page each, and the search page.
func (r *langRenderer) listJobs() []job {
	l := r.lang
	code := l.Code + "/"
	var jobs []job
	add := func(out string, g sig, run func(w *bytes.Buffer) error) {
		jobs = append(jobs, job{out: out, run: run, sig: g})
	}
	all := sig{deps: contents(l.Pages)}

	home, _ := r.cat.T("latest")
	for _, p := range r.site.Paginate(code, l.Pages, r.site.Config.Paginate) {
		pl := site.Place{Kind: site.KindHome, Page: p.Number}
		add(site.PagerPath(code, p.Number), pagerSig(p, r.switchKey(pl)), func(w *bytes.Buffer) error {
			d := r.listData("home", code, true, home, p)
			r.switchTo(d, pl)
			d.Title = r.lang.Title
			if p.Number > 1 {
				d.Title = r.pageTitle(home, p)
			}
			return r.exec(w, d)
		})
	}

	archive, _ := r.cat.T("archive")
	add(code+"archive/index.html", all, func(w *bytes.Buffer) error {
		d := r.listData("archive", code+"archive/", true, archive, nil)
		d.Years = l.Years
		return r.exec(w, d)
	})
	for _, y := range l.Years {
		ypath := fmt.Sprintf("%sarchive/%d/", code, y.Year)
		var ydeps []*content.Page
		for _, m := range y.Months {
			ydeps = append(ydeps, contents(m.Pages)...)
		}
		ypl := site.Place{Kind: site.KindYear, Year: y.Year}
		add(ypath+"index.html", sig{deps: ydeps, extra: r.switchKey(ypl)}, func(w *bytes.Buffer) error {
			d := r.listData("archive", ypath, false, r.loc.Year(y.Year), nil)
			d.Year, d.Years = y, []*site.Year{y}
			r.switchTo(d, ypl)
			return r.exec(w, d)
		})
		for _, m := range y.Months {
			mpath := fmt.Sprintf("%s%02d/", ypath, m.Month)
			heading := r.loc.MonthName(m.Month) + " " + r.loc.Year(m.Year)
			mpl := site.Place{Kind: site.KindMonth, Year: m.Year, Month: m.Month}
			add(mpath+"index.html", sig{deps: contents(m.Pages), extra: r.switchKey(mpl)}, func(w *bytes.Buffer) error {
				p := r.site.Paginate(mpath, m.Pages, 0)[0]
				d := r.listData("list", mpath, false, heading, p)
				r.switchTo(d, mpl)
				return r.exec(w, d)
			})
		}
	}

	for _, kind := range []string{"services", "tags"} {
		terms := l.Services
		if kind == "tags" {
			terms = l.Tags
		}
		heading, _ := r.cat.T(kind + "_index")
		kpath := code + kind + "/"
		add(kpath+"index.html", all, func(w *bytes.Buffer) error {
			d := r.listData("terms", kpath, true, heading, nil)
			d.Terms, d.TermKind = terms, kind
			return r.exec(w, d)
		})
		for _, t := range terms {
			tpath := kpath + t.Slug + "/"
			for _, p := range r.site.Paginate(tpath, t.Pages, r.site.Config.Paginate) {
				tpl := site.Place{Kind: site.KindTerm, Term: t, Tags: kind == "tags", Page: p.Number}
				g := pagerSig(p, t.Name+"\x00"+r.switchKey(tpl))
				if kind == "services" && p.Number == 1 {
					g.deps = contents(t.Pages) // the service's history covers all its articles
				}
				add(site.PagerPath(tpath, p.Number), g, func(w *bytes.Buffer) error {
					layout := "list"
					if kind == "services" {
						layout = "service"
					}
					d := r.listData(layout, tpath, false, t.Name, p)
					d.TermKind = kind
					r.switchTo(d, tpl)
					if p.Number > 1 {
						d.Title = r.pageTitle(t.Name, p)
					}
					if kind == "services" && p.Number == 1 {
						sv, err := r.serviceView(t)
						if err != nil {
							return err
						}
						d.Service = sv
					}
					return r.exec(w, d)
				})
			}
		}
	}

	search, _ := r.cat.T("search")
	add(code+"search/index.html", sig{}, func(w *bytes.Buffer) error {
		return r.exec(w, r.listData("search", code+"search/", true, search, nil))
	})
	return jobs
}

func (r *langRenderer) exec(w *bytes.Buffer, d *Data) error {
	return r.kinds[d.Kind].ExecuteTemplate(w, layoutBase, d)
}

// pageTitle names page n of a list: "Latest incidents (page 2)".
func (r *langRenderer) pageTitle(heading string, p *site.Pager) string {
	s, err := r.cat.Format("page_n", "n", r.loc.Int(p.Number))
	if err != nil {
		return heading
	}
	return heading + " · " + s + " · " + r.lang.Title
}

// listData fills what every list page has. shared says whether the same path exists in every
// language (archive, services, tags and search indexes do; a term or a year may not), so the
// language switcher and hreflang links can point at it.
func (r *langRenderer) listData(kind, path string, shared bool, heading string, p *site.Pager) *Data {
	d := r.baseData(kind)
	d.Heading = heading
	d.Pager = p
	d.Title = r.plain(heading) + " · " + r.lang.Title
	rel := path
	if p != nil && p.Number > 1 {
		rel = path + "page/" + fmt.Sprint(p.Number) + "/"
	}
	d.Permalink = r.site.AbsURL(rel)
	sub := path[len(r.lang.Code)+1:]
	for _, l := range r.site.Langs {
		if shared {
			d.Alternates = append(d.Alternates, Link{Lang: l.Code, Href: r.site.AbsURL(l.Code + "/" + sub)})
		}
		if l == r.lang {
			continue
		}
		href := l.URL
		if shared {
			href = r.site.RelURL(l.Code + "/" + sub)
		}
		d.Switch = append(d.Switch, Link{Lang: l.Code, Name: l.Name, Dir: l.Direction, Href: href})
	}
	if !shared {
		d.Alternates = []Link{{Lang: r.lang.Code, Href: d.Permalink}}
	}
	return d
}

// switchTo points the language switcher of a list page at the same place in the other languages
// (see site.Site.SwitchURL).
func (r *langRenderer) switchTo(d *Data, pl site.Place) {
	for i := range d.Switch {
		d.Switch[i].Href = r.site.SwitchURL(r.lang, r.site.Lang(d.Switch[i].Lang), pl, "")
	}
}

// switchKey is what the switcher of place pl leads to, for the page's sig: an edit in another
// language (a tag's first article there, a month that gets one) changes it.
func (r *langRenderer) switchKey(pl site.Place) string {
	var b []byte
	for _, l := range r.site.Langs {
		if l != r.lang {
			b = append(b, r.site.SwitchURL(r.lang, l, pl, "")...)
			b = append(b, ' ')
		}
	}
	return string(b)
}

// ServiceView is a service's history: per year, how many incidents and how long it was down, and a
// bar of the 90 days before its newest incident.
type ServiceView struct {
	Years  []ServiceYear
	Uptime template.HTML
}

// ServiceYear is one year of a service's history in the language's calendar.
type ServiceYear struct {
	Year     string
	Count    string
	Downtime string
}

// outage is the part of an incident's timeline during which the service was down: from the first
// entry to the resolved one (or to the last entry while unresolved).
func outage(p *site.Page) (start, end time.Time, ok bool) {
	s, ok := p.Timeline.Start()
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	if e, ok := p.Timeline.Resolved(); ok {
		return s, e, true
	}
	return s, p.Timeline[len(p.Timeline)-1].At, true
}

func (r *langRenderer) serviceView(t *site.Term) (*ServiceView, error) {
	sv := &ServiceView{}
	type acc struct {
		count int
		down  time.Duration
	}
	byYear := map[int]*acc{}
	var years []int
	var newest time.Time
	for _, p := range t.Pages {
		y := r.loc.CalendarDate(p.Date).Year
		start, end, ok := outage(p)
		if ok {
			y = r.loc.CalendarDate(start).Year
			if start.After(newest) {
				newest = start
			}
		}
		a := byYear[y]
		if a == nil {
			a = &acc{}
			byYear[y] = a
			years = append(years, y)
		}
		a.count++
		if ok {
			a.down += end.Sub(start)
		}
	}
	sortDesc(years)
	for _, y := range years {
		a := byYear[y]
		sv.Years = append(sv.Years, ServiceYear{Year: r.loc.Year(y), Count: r.loc.Int(a.count), Downtime: r.loc.Duration(a.down)})
	}
	if !newest.IsZero() {
		bar, err := r.uptimeBar(t, newest)
		if err != nil {
			return nil, err
		}
		sv.Uptime = bar
	}
	return sv, nil
}

func sortDesc(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] > a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// dayDowntime returns, for the days days ending with the day of last (in zone), how long the
// service was down on each, oldest first.
func dayDowntime(pages []*site.Page, last time.Time, zone *time.Location, days int) (starts []time.Time, down []time.Duration) {
	l := last.In(zone)
	end := time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, zone)
	starts = make([]time.Time, days+1)
	for i := 0; i <= days; i++ {
		starts[i] = time.Date(l.Year(), l.Month(), l.Day()+1-days+i, 0, 0, 0, 0, zone)
	}
	starts[days] = end
	down = make([]time.Duration, days)
	for _, p := range pages {
		s, e, ok := outage(p)
		if !ok || !e.After(starts[0]) || !s.Before(end) {
			continue
		}
		for i := 0; i < days; i++ {
			lo, hi := starts[i], starts[i+1]
			if e.Before(lo) || !s.Before(hi) {
				continue
			}
			a, b := s, e
			if a.Before(lo) {
				a = lo
			}
			if b.After(hi) {
				b = hi
			}
			down[i] += b.Sub(a)
		}
	}
	return starts[:days], down
}

// uptimeBar draws the 90 days up to the day of a service's newest incident, in the reader's zone.
func (r *langRenderer) uptimeBar(t *site.Term, newest time.Time) (template.HTML, error) {
	const days = 90
	starts, down := dayDowntime(t.Pages, newest, r.loc.Zone(), days)
	none, err := r.cat.T("no_downtime")
	if err != nil {
		return "", err
	}
	spec := chart.UptimeSpec{RTL: r.rtl, ID: "uptime"}
	for i := range starts {
		label := r.loc.Date(starts[i]) + " — " + none
		if down[i] > 0 {
			label = r.loc.Date(starts[i]) + " — " + r.loc.Duration(down[i])
		}
		spec.Days = append(spec.Days, chart.Day{Downtime: down[i], Label: label})
	}
	if spec.Title, err = r.cat.T("uptime"); err != nil {
		return "", err
	}
	if spec.StartLabel, err = r.cat.Format("days_ago", "n", r.loc.Int(days-1)); err != nil {
		return "", err
	}
	if spec.EndLabel, err = r.cat.T("last_incident_day"); err != nil {
		return "", err
	}
	return chart.Uptime(spec)
}
