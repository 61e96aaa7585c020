package site

import (
	"strings"
)

// Output is a name that rokhdad publishes itself, besides the articles: a file, or a folder of
// generated pages. LangOutputs and SiteOutputs are the one table of them: Resolve refuses a section
// folder that takes one of the names, the renderer refuses a static file that would replace a
// generated file, and the renderer's tests check that every file it generates is in the table.
type Output struct {
	Name string // file or folder name, e.g. "rss.xml" or "archive"
	Dir  bool   // a folder of generated pages
	What string // what rokhdad publishes there, for messages: "the RSS feed"
	Hint string // how to change it instead of replacing it with a static file; may be ""
	// Section is true for a folder that is also a section of articles (maintenance): rokhdad
	// publishes only its index.html, the articles their own pages inside it.
	Section bool
}

// LangOutputs are what rokhdad publishes in every language folder (fa/, en/) beside the articles'
// section folders.
var LangOutputs = []Output{
	{Name: "index.html", What: "the language's home page", Hint: "to change it, put your own layouts/home.html in the site"},
	{Name: "page", Dir: true, What: "the further pages of the home page", Hint: "to change them, put your own layouts/home.html in the site"},
	{Name: "archive", Dir: true, What: "the archive", Hint: "to change it, put your own layouts/archive.html in the site"},
	{Name: "services", Dir: true, What: "the service pages", Hint: "to change them, put your own layouts/terms.html or layouts/service.html in the site"},
	{Name: "tags", Dir: true, What: "the tag pages", Hint: "to change them, put your own layouts/terms.html or layouts/list.html in the site"},
	{Name: "maintenance", Dir: true, Section: true, What: "the list of scheduled maintenance", Hint: "to change it, put your own layouts/maintenance.html in the site"},
	{Name: "search", Dir: true, What: "the search page", Hint: "to change it, put your own layouts/search.html in the site"},
	{Name: "rss.xml", What: "the RSS feed", Hint: "rokhdad writes it from the articles"},
	{Name: "atom.xml", What: "the Atom feed", Hint: "rokhdad writes it from the articles"},
	{Name: "updates.xml", What: "the Atom feed of timeline updates", Hint: "rokhdad writes it from the articles' timelines"},
	{Name: "incidents.json", What: "the JSON list of incidents", Hint: "rokhdad writes it from the articles"},
	{Name: "search.json", What: "the search index", Hint: "rokhdad writes it from the articles"},
	{Name: "status.json", What: "the JSON summary of what is down now", Hint: "rokhdad writes it from the articles"},
	{Name: "incidents.ics", What: "the calendar of incidents", Hint: "rokhdad writes it from the articles' timelines"},
	{Name: "maintenance.ics", What: "the calendar of scheduled maintenance", Hint: "rokhdad writes it from the maintenance articles"},
	{Name: "maintenance.json", What: "the JSON list of maintenance windows", Hint: "rokhdad writes it from the maintenance articles"},
}

// SiteOutputs are what rokhdad publishes at the top of the site, beside the language folders.
// CNAME is published only when site.toml sets cname.
var SiteOutputs = []Output{
	{Name: "index.html", What: "the landing page", Hint: "to change it, put your own layouts/landing.html in the site"},
	{Name: "404.html", What: "the page for a missing URL", Hint: "to change it, put your own layouts/404.html in the site"},
	{Name: "sitemap.xml", What: "the sitemap", Hint: "rokhdad writes it from the articles"},
	{Name: "robots.txt", What: "a robots.txt that allows every crawler and names the sitemap", Hint: "rokhdad writes it itself and has no option to change it"},
	{Name: ".nojekyll", What: "the marker that stops GitHub Pages from running Jekyll", Hint: "rokhdad always writes it"},
	{Name: "CNAME", What: "the CNAME file of site.toml's cname", Hint: "to publish static/CNAME instead, remove cname from site.toml"},
}

var langOutputs, siteOutputs = outputMap(LangOutputs), outputMap(SiteOutputs)

func outputMap(list []Output) map[string]*Output {
	m := make(map[string]*Output, len(list))
	for i := range list {
		m[list[i].Name] = &list[i]
	}
	return m
}

// LangOutput returns the entry of LangOutputs with the given name, or nil.
func LangOutput(name string) *Output { return langOutputs[name] }

// Claim tells what rokhdad publishes at out, a slash path relative to the output root, when it is a
// generated output other than an article's page: the entry of LangOutputs or SiteOutputs that is out
// or the folder out is in, and the language folder ("" at the top). It returns nil for any other
// path, an article's page included.
func (s *Site) Claim(out string) (o *Output, lang string) {
	first, rest, nested := strings.Cut(out, "/")
	if !nested {
		if o := siteOutputs[first]; o != nil && (o.Name != "CNAME" || s.Config.CNAME != "") {
			return o, ""
		}
		return nil, ""
	}
	if s.Lang(first) == nil {
		return nil, ""
	}
	name, sub, _ := strings.Cut(rest, "/")
	if o := langOutputs[name]; o != nil {
		if o.Section && sub != "index.html" {
			return nil, "" // an article's page in the section, or a file of the site's own beside them
		}
		return o, first
	}
	return nil, ""
}

// takenSections lists the section names LangOutputs takes, for hints.
func takenSections() string {
	var dirs []string
	for _, o := range LangOutputs {
		if o.Dir && !o.Section {
			dirs = append(dirs, o.Name)
		}
	}
	return strings.Join(dirs, ", ")
}
