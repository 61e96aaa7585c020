// Package site resolves loaded articles into a site: it pairs translations (the same section/name under
// two language folders), computes URLs and output paths from the base URL, orders each language's
// articles newest first and links previous/next. The result is read-only once Resolve returns.
//
// # URL policy
//
// An article at content/<lang>/<section>/<name>.md is published at /<lang>/<section>/<name>/ (under
// the base URL's path). The section folder and the file name each become one URL segment by these
// rules, the same for every language:
//
//   - ASCII letters are lower-cased: "API-Outage.md" is published at …/api-outage/.
//   - Other letters and digits — Persian ones in particular — are kept as they are, and so is the
//     zero-width non-joiner (U+200C) that Persian spelling needs. Links, the sitemap, feeds and
//     hreflang alternates are all made from one URL per page (Page.URL, Page.Permalink), in which such
//     letters are percent-encoded (RelURL uses url.URL.EscapedPath), so they agree byte for byte.
//   - Hyphens, underscores and dots are kept.
//   - Anything else — a space above all, but also ?, #, %, quotes or a name that is not valid UTF-8 —
//     is an error naming the file, with a hint to use hyphens. rokhdad never rewrites such a name
//     silently, since the editor would not know the address the article got.
//   - A name can be at most MaxName (252) bytes of UTF-8, so that the file and the output folder fit
//     the 255 bytes file systems allow; a service or tag's segment likewise.
//
// A section folder may not take a name that rokhdad publishes in every language folder itself (see
// LangOutputs): content/en/archive/2023.md would be published where the archive's year 2023 is, and
// content/en/tags/x.md where a tag's page is, so such an article is an error naming it, its URL and
// what rokhdad publishes there — whether or not the two URLs meet today, since the next article or
// tag would make them meet.
//
// Because of the lower-casing, two files whose names differ only in the case of ASCII letters (A.md and
// a.md) would be published at the same URL: that is an error naming both files. Translations are
// paired by these segments, so content/fa/incidents/API.md and content/en/incidents/api.md are one
// article in two languages.
package site

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// Site is a resolved site. Nothing writes it after Resolve returns: a change to the articles makes
// a new Site (Resolve again, or Swap), which shares what did not change.
type Site struct {
	Config *config.Config
	URLs           // the base URL in effect (config's, or the --baseURL override)
	Langs  []*Lang // in config order
	// Reference is the instant the service pages' figures end at (see package uptime): the
	// newest instant the content names (Newest) unless At gave another.
	Reference time.Time

	newest time.Time // Newest
}

// Lang is one language's part of the site.
type Lang struct {
	*config.Language
	Pages    []*Page // published articles, newest first
	URL      string  // root-relative URL of the language home, e.g. "/repo/fa/"
	Services []*Term // by slug
	Tags     []*Term // by slug
	Years    []*Year // the archive, newest first, in the language's calendar

	index int // in Site.Langs
}

// Page is one article in one language.
type Page struct {
	*content.Page
	Lang         *Lang
	Key          string  // section/name as URL segments (see the URL policy): the same in every translation
	SectionSlug  string  // the section as a URL segment
	URL          string  // root-relative, e.g. "/repo/fa/incidents/x/"
	Permalink    string  // absolute
	OutPath      string  // relative output file, e.g. "fa/incidents/x/index.html"
	Translations []*Page // the same article in the other languages, in language order
	Prev, Next   *Page   // older and newer article in the same language and section

	index int // in Lang.Pages
}

// Translation returns the page's translation into lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.Translations {
		if t.Lang.Code == lang {
			return t
		}
	}
	return nil
}

// Resolve builds a Site from loaded pages.
func Resolve(cfg *config.Config, base *url.URL, pages []*content.Page) (*Site, error) {
	if base == nil {
		base = cfg.BaseURL
	}
	s := &Site{Config: cfg, URLs: URLs{Base: base}}
	byCode := map[string]*Lang{}
	for _, l := range cfg.Languages {
		lang := &Lang{Language: l, URL: s.RelURL(l.Code + "/"), index: len(s.Langs)}
		s.Langs = append(s.Langs, lang)
		byCode[l.Code] = lang
	}
	byKey := map[string][]*Page{}
	byURL := map[string]*Page{}
	var errs diag.List
	for _, cp := range pages {
		lang := byCode[cp.Lang]
		if lang == nil {
			errs = append(errs, &diag.Diagnostic{File: cp.File, Rule: "language",
				Msg:  fmt.Sprintf("language folder %q is not configured in site.toml", cp.Lang),
				Hint: fmt.Sprintf("add [languages.%s] to site.toml or move the file", cp.Lang)})
			continue
		}
		section, err := Segment(cp.Section)
		if err != nil {
			errs = append(errs, segmentError(cp.File, "folder "+diag.Quote(cp.Section), err))
			continue
		}
		name, err := Segment(cp.Name)
		if err != nil {
			errs = append(errs, segmentError(cp.File, "file name "+diag.Quote(cp.Name+".md"), err))
			continue
		}
		key := section + "/" + name
		p := &Page{Page: cp, Lang: lang, Key: key, SectionSlug: section}
		rel := cp.Lang + "/" + key + "/"
		p.URL = s.RelURL(rel)
		p.Permalink = s.AbsURL(rel)
		p.OutPath = path.Join(cp.Lang, section, name, "index.html")
		if o := langOutputs[section]; o != nil && !o.Section {
			errs = append(errs, sectionError(s, cp, p.URL, section, o))
			continue
		}
		if prev, ok := byURL[p.OutPath]; ok {
			errs = append(errs, &diag.Diagnostic{File: cp.File, Rule: "url",
				Msg:  fmt.Sprintf("%s and %s would both be published at %s", prev.File, cp.File, p.URL),
				Hint: "URLs are lower-case, so names that differ only in upper/lower case collide: rename one of the files"})
			continue
		}
		byURL[p.OutPath] = p
		lang.Pages = append(lang.Pages, p)
		byKey[key] = append(byKey[key], p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	langIndex := map[string]int{}
	for i, l := range s.Langs {
		langIndex[l.Code] = i
	}
	for _, group := range byKey {
		sort.Slice(group, func(i, j int) bool { return langIndex[group[i].Lang.Code] < langIndex[group[j].Lang.Code] })
		for _, p := range group {
			for _, q := range group {
				if q != p {
					p.Translations = append(p.Translations, q)
				}
			}
		}
	}
	for _, l := range s.Langs {
		sort.SliceStable(l.Pages, func(i, j int) bool { return Newer(l.Pages[i], l.Pages[j]) })
		for i, p := range l.Pages {
			p.index = i
		}
		errs = append(errs, s.taxonomies(l)...)
		last := map[string]*Page{}
		for _, p := range l.Pages { // newest first: the previously seen page of a section is newer
			if n := last[p.SectionSlug]; n != nil {
				p.Next = n
				n.Prev = p
			}
			last[p.SectionSlug] = p
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	s.pairTerms()
	s.newest = Newest(s)
	s.Reference = s.newest
	return s, nil
}

// MaxName is the longest name, in bytes of UTF-8, that Segment accepts: with ".md" it is the 255
// bytes a file or folder name may have on Linux and most file systems (NAME_MAX). A Persian letter
// takes 2 bytes, so a Persian name can have 126 letters.
const MaxName = 255 - len(".md")

// Segment turns a section folder or file name (without ".md") into its URL segment by the package's URL
// policy: ASCII letters lower-cased, other letters, digits, '-', '_', '.' and U+200C kept, anything else
// an error saying which character is not allowed; a name of more than MaxName bytes is an error too.
// `rokhdad new` checks names with it, so it accepts exactly what build accepts. The error is a
// *NameError.
func Segment(name string) (string, error) {
	if name == "" {
		return "", &NameError{Msg: "the name is empty"}
	}
	if !utf8.ValidString(name) {
		return "", &NameError{Msg: fmt.Sprintf("the name %s is not valid UTF-8", diag.Quote(name))}
	}
	if len(name) > MaxName {
		return "", tooLong(len(name))
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r == '-' || r == '_' || r == '.' || r == '\u200c':
			b.WriteRune(r)
		case r == ' ' || r == '\u00a0' || r == '\t':
			return "", &NameError{Msg: fmt.Sprintf("the name %s contains a space", diag.Quote(name))}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			b.WriteRune(r)
		default:
			return "", &NameError{Msg: fmt.Sprintf("the name %s contains %s, which is not allowed in a URL", diag.Quote(name), strconv.Quote(string(r)))}
		}
	}
	return b.String(), nil
}

// sectionError reports an article whose section folder takes a name rokhdad publishes itself.
func sectionError(s *Site, cp *content.Page, url, section string, o *Output) *diag.Diagnostic {
	at := cp.Lang + "/" + section
	if o.Dir {
		at += "/"
	}
	return &diag.Diagnostic{File: cp.File, Rule: "url",
		Msg: fmt.Sprintf("the article would be published at %s, but %s is where rokhdad publishes %s",
			url, s.RelURL(at), o.What),
		Hint: fmt.Sprintf("move it into another section folder, such as content/%s/incidents/; rokhdad keeps the folder names %s for itself, and the names of its files such as rss.xml",
			cp.Lang, takenSections())}
}

// NameError says why a name cannot be a URL segment.
type NameError struct {
	Msg     string
	TooLong bool // longer than MaxName
}

func (e *NameError) Error() string { return e.Msg }

// Hint says what to do about it: the same words from build and from `rokhdad new`.
func (e *NameError) Hint() string {
	if e.TooLong {
		return "shorten the name"
	}
	return "use only letters, digits and hyphens, e.g. api-outage.md instead of \"api outage.md\"; ASCII letters are published in lower case"
}

func tooLong(n int) *NameError {
	return &NameError{TooLong: true, Msg: fmt.Sprintf("the name is %d bytes long; a name can be at most %d bytes: "+
		"with \".md\" that is the %d a file system allows, and a Persian letter takes 2", n, MaxName, MaxName+len(".md"))}
}

func segmentError(file, what string, err error) *diag.Diagnostic {
	hint := ""
	var ne *NameError
	if errors.As(err, &ne) {
		hint = ne.Hint()
	}
	return &diag.Diagnostic{File: file, Rule: "url",
		Msg:  fmt.Sprintf("the %s cannot be part of a URL: %v", what, err),
		Hint: hint}
}

// Newer orders pages newest first; equal dates fall back to the file path so the order is stable.
func Newer(a, b *Page) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.File < b.File
}

// URLs makes a site's URLs from its base URL.
type URLs struct {
	Base *url.URL
}

// RelURL is the root-relative URL of a site path ("fa/x/" → "/repo/fa/x/"), percent-encoded.
func (u URLs) RelURL(p string) string {
	v := url.URL{Path: strings.TrimSuffix(u.Base.Path, "/") + "/" + strings.TrimPrefix(p, "/")}
	return v.EscapedPath()
}

// AbsURL is the absolute URL of a site path.
func (u URLs) AbsURL(p string) string {
	return u.Base.Scheme + "://" + u.Base.Host + u.RelURL(p)
}

// ImageURL is the URL of an article's front-matter image: an http(s) URL as written, or that of its
// file under static/, root-relative or, with abs, absolute (for Open Graph); "" when it has none.
func (u URLs) ImageURL(p *content.Page, abs bool) string {
	switch {
	case p.Image == "" || p.ImageIsURL():
		return p.Image
	case abs:
		return u.AbsURL(p.Image)
	}
	return u.RelURL(p.Image)
}

// Lang returns the language with the given code, or nil.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Langs {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Default is the default language.
func (s *Site) Default() *Lang { return s.Lang(s.Config.DefaultLanguage) }
