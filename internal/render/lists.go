package render

import (
	"bytes"
	"fmt"
	"html/template"
	"time"

	"github.com/rokhdad/rokhdad/internal/chart"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/site"
	"github.com/rokhdad/rokhdad/internal/uptime"
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
				first := kind == "services" && p.Number == 1
				if first {
					g.deps = contents(t.Pages)                               // the service's history covers all its articles
					g.extra += "\x00" + r.ref.UTC().Format(time.RFC3339Nano) // and ends at the reference
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
				jobs[len(jobs)-1].ref = first
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
	d.Description = r.describe(heading)
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

// ServiceView is a service's history up to the reference instant (see package uptime): per year,
// how many incidents, how long it was down and its uptime, and the 90 days ending with the
// reference day as a bar and an uptime figure.
type ServiceView struct {
	Years    []ServiceYear
	Uptime   template.HTML // the 90-day bar
	Uptime90 string        // the 90 days' uptime: "۹۹٫۴۴٪", "99.44%"
	Period   string        // what Uptime90 measures: "uptime in the 90 days to 31 December 2023"
	Note     string        // how the figures are computed, for the reader
}

// ServiceYear is one year of a service's history in the language's calendar.
type ServiceYear struct {
	Year     string
	Count    string
	Downtime string
	Uptime   string // the year's uptime up to the reference instant, or a "no data" word
}

// uptimeDays is how many days the service bar and its figure cover.
const uptimeDays = 90

// outages are the merged spans during which a service was down (see package uptime): each
// incident from its first timeline entry to its resolution, or to ref while unresolved.
func outages(pages []*site.Page, ref time.Time) []uptime.Interval {
	iv := make([]uptime.Interval, 0, len(pages))
	for _, p := range pages {
		s, ok := p.Timeline.Start()
		if !ok {
			continue
		}
		e, ok := p.Timeline.Resolved()
		if !ok {
			e = ref
		}
		iv = append(iv, uptime.Interval{Start: s, End: e})
	}
	return uptime.Merge(iv)
}

// yearStart is the first instant of year y of the language's calendar in the reader's zone.
func (r *langRenderer) yearStart(y int) time.Time {
	m, d := 1, 1
	if r.loc.Calendar() == locale.Persian {
		g := locale.GregorianFromPersian(y, 1, 1)
		y, m, d = g.Year, g.Month, g.Day
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, r.loc.Zone())
}

// percent formats the uptime of [from, to) given the merged outages, or the "no data" word for an
// empty period.
func (r *langRenderer) percent(merged []uptime.Interval, from, to time.Time) (string, time.Duration, error) {
	down := uptime.Down(merged, from, to)
	bp, ok := uptime.BasisPoints(down, to.Sub(from))
	if !ok {
		s, err := r.cat.T("no_data")
		return s, down, err
	}
	return r.loc.Percent(bp), down, nil
}

func (r *langRenderer) serviceView(t *site.Term) (*ServiceView, error) {
	ref := r.ref
	merged := outages(t.Pages, ref)
	count := map[int]int{}
	var years []int
	for _, p := range t.Pages {
		at := p.Date
		if s, ok := p.Timeline.Start(); ok {
			at = s
		}
		y := r.loc.CalendarDate(at).Year
		if count[y] == 0 {
			years = append(years, y)
		}
		count[y]++
	}
	sortDesc(years)
	sv := &ServiceView{}
	for _, y := range years {
		from, to := r.yearStart(y), r.yearStart(y+1)
		if to.After(ref) {
			to = ref
		}
		pct, down, err := r.percent(merged, from, to)
		if err != nil {
			return nil, err
		}
		if down < 0 || to.Before(from) {
			down = 0
		}
		sv.Years = append(sv.Years, ServiceYear{Year: r.loc.Year(y), Count: r.loc.Int(count[y]),
			Downtime: r.loc.Duration(down), Uptime: pct})
	}
	starts := dayStarts(ref, r.loc.Zone(), uptimeDays)
	var err error
	if sv.Uptime90, _, err = r.percent(merged, starts[0], ref); err != nil {
		return nil, err
	}
	date := r.loc.Date(ref)
	if sv.Period, err = r.cat.Format("uptime_period", "n", r.loc.Int(uptimeDays), "date", date); err != nil {
		return nil, err
	}
	if sv.Note, err = r.cat.Format("uptime_note", "date", date); err != nil {
		return nil, err
	}
	if sv.Uptime, err = r.uptimeBar(merged, starts, ref); err != nil {
		return nil, err
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

// dayStarts returns the midnights (in zone) of the days days ending with the day of ref, oldest
// first.
func dayStarts(ref time.Time, zone *time.Location, days int) []time.Time {
	l := ref.In(zone)
	starts := make([]time.Time, days)
	for i := range starts {
		starts[i] = time.Date(l.Year(), l.Month(), l.Day()+1-days+i, 0, 0, 0, 0, zone)
	}
	return starts
}

// uptimeBar draws the days that start at starts, the last of them up to ref, in the reader's zone.
func (r *langRenderer) uptimeBar(merged []uptime.Interval, starts []time.Time, ref time.Time) (template.HTML, error) {
	none, err := r.cat.T("no_downtime")
	if err != nil {
		return "", err
	}
	spec := chart.UptimeSpec{RTL: r.rtl, ID: "uptime"}
	for i, lo := range starts {
		hi := ref
		if i+1 < len(starts) && starts[i+1].Before(ref) {
			hi = starts[i+1]
		}
		down := uptime.Down(merged, lo, hi)
		label := r.loc.Date(lo) + " — " + none
		if down > 0 {
			label = r.loc.Date(lo) + " — " + r.loc.Duration(down)
		}
		spec.Days = append(spec.Days, chart.Day{Downtime: down, Label: label})
	}
	if spec.Title, err = r.cat.Format("uptime", "n", r.loc.Int(len(starts)), "date", r.loc.Date(ref)); err != nil {
		return "", err
	}
	spec.StartLabel = r.loc.Date(starts[0])
	spec.EndLabel = r.loc.Date(ref)
	return chart.Uptime(spec)
}
