package config

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/imageref"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// Who wrote and who publishes the site's articles, for the byline and for search engines'
// structured data (a schema.org NewsArticle's author and publisher):
//
//	image = "images/share.png"      # the picture of a page that has none of its own
//
//	[publisher]                     # the newsroom: required by Google for a NewsArticle
//	name = "Rokhdad"
//	url = "https://rokhdad.github.io/rokhdad/"
//	logo = "logo.png"               # under static/, or an http(s) URL; a raster image (PNG, JPEG)
//
//	[author]                        # the author of an article without authors = ["…"]
//	name = "Rokhdad newsroom"
//	type = "Organization"           # or "Person"; default "Organization"
//	url = "https://…"
//
//	[languages.fa]
//	locale = "fa_IR"                # og:locale; default from the code (see DefaultLocale)
//	[languages.fa.publisher]        # the same keys, in this language; what is left out comes
//	name = "رخداد"                  # from the top-level table
//	[languages.fa.author]
//	name = "تحریریهٔ رخداد"
//
// image and logo follow the rules of an article's image (package imageref): a path relative to
// static/ of a file that exists (CheckFiles), or an http(s) URL. A url must be absolute http(s).

// Party is a publisher or an author as site.toml gives it; any field may be empty.
type Party struct {
	Name string
	URL  string // absolute http(s) URL
	Type string // "Organization" or "Person" (authors only)
	Logo string // publisher only: a path under static/ or an http(s) URL
	// LogoPos is where logo is written, for CheckFiles.
	LogoPos tomldoc.Pos
}

// Publisher is the publisher for articles in l: l's [languages.<code>.publisher] over the
// top-level [publisher]. Name is "" when neither names one.
func (c *Config) Publisher(l *Language) Party { return merge(c.publisher, l.publisher) }

// Author is the default author for articles in l that name none: l's [languages.<code>.author]
// over the top-level [author]. Name is "" when neither names one; Type is always set.
func (c *Config) Author(l *Language) Party {
	a := merge(c.author, l.author)
	if a.Type == "" {
		a.Type = "Organization"
	}
	return a
}

func merge(top, lang Party) Party {
	p := top
	if lang.Name != "" {
		p.Name = lang.Name
	}
	if lang.URL != "" {
		p.URL = lang.URL
	}
	if lang.Type != "" {
		p.Type = lang.Type
	}
	if lang.Logo != "" {
		p.Logo, p.LogoPos = lang.Logo, lang.LogoPos
	}
	return p
}

var publisherKeys = []string{"name", "url", "logo"}
var authorKeys = []string{"name", "url", "type"}

// parseParty reads a [publisher] or [author] table (keys are those allowed).
func parseParty(t *tomldoc.Table, keys []string) Party {
	var p Party
	p.Name = strings.TrimSpace(t.String("name", false))
	if u := strings.TrimSpace(t.String("url", false)); u != "" {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			t.Errorf("url", `write a full URL such as "https://example.com/about/"`, "url %s must be an absolute http(s) URL", diag.Quote(u))
		} else {
			p.URL = u
		}
	}
	for _, k := range keys {
		switch k {
		case "type":
			switch ty := t.String("type", false); ty {
			case "", "Organization", "Person":
				p.Type = ty
			default:
				hint := `write type = "Organization" or "Person"`
				if s := diag.Suggest(ty, []string{"Organization", "Person"}); s != "" {
					hint = "did you mean " + s + "?"
				}
				t.Errorf("type", hint, "type %s is not Organization or Person", diag.Quote(ty))
			}
		case "logo":
			p.Logo, p.LogoPos = parseImage(t, "logo")
		}
	}
	t.Strict(keys)
	return p
}

// parseImage reads an image key: a path under static/ or an http(s) URL, cleaned.
func parseImage(t *tomldoc.Table, key string) (string, tomldoc.Pos) {
	img := strings.TrimSpace(t.String(key, false))
	if img == "" {
		return "", tomldoc.Pos{}
	}
	clean, msg, hint := imageref.Clean(img)
	if msg != "" {
		t.Errorf(key, strings.ReplaceAll(hint, "image = ", key+" = "), "%s %s %s", key, diag.Quote(img), msg)
		return "", tomldoc.Pos{}
	}
	return clean, t.KeyPos(key)
}

// CheckFiles reports, at its key, an image or logo naming a file under static/ that does not
// exist, by exists, which is given a site path such as "static/logo.png" (source.FS.Exists looks
// in the site and its theme).
func (c *Config) CheckFiles(exists func(name string) bool) error {
	var errs diag.List
	check := func(what, img string, pos tomldoc.Pos) {
		if img == "" || imageref.IsURL(img) || exists("static/"+img) {
			return
		}
		errs = append(errs, &diag.Diagnostic{File: FileName, Line: pos.Line, Col: pos.Col, Rule: what,
			Msg:  what + " " + strconv.Quote(img) + ": there is no file static/" + img,
			Hint: "put the picture at static/" + img + ", or correct the path, which is relative to static/"})
	}
	check("image", c.Image, c.imagePos)
	check("logo", c.publisher.Logo, c.publisher.LogoPos)
	for _, l := range c.Languages {
		check("logo", l.publisher.Logo, l.publisher.LogoPos)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// knownTerritories are the territories og:locale gives a bare language code when site.toml names
// no locale: the country most of its readers are in, as Facebook's locale list pairs them.
var knownTerritories = map[string]string{
	"ar": "AR", "de": "DE", "en": "US", "es": "ES", "fa": "IR", "fr": "FR", "he": "IL", "hi": "IN",
	"it": "IT", "ja": "JP", "ko": "KR", "nl": "NL", "pl": "PL", "ps": "AF", "pt": "BR", "ru": "RU",
	"sv": "SE", "tr": "TR", "uk": "UA", "ur": "PK", "zh": "CN",
}

// DefaultLocale is the Open Graph locale (language_TERRITORY) of a language code without a
// locale = "…" in site.toml: "en-GB" → "en_GB", "fa" → "fa_IR" (knownTerritories), or the code
// itself when its territory is not known.
func DefaultLocale(code string) string {
	lang, region, ok := strings.Cut(code, "-")
	if ok && len(region) == 2 {
		return strings.ToLower(lang) + "_" + strings.ToUpper(region)
	}
	if t, known := knownTerritories[strings.ToLower(code)]; known {
		return strings.ToLower(code) + "_" + t
	}
	return code
}

// validLocale reports whether s has the form ll_TT (or lll_TT): letters, one underscore, a
// two-letter territory.
func validLocale(s string) bool {
	lang, terr, ok := strings.Cut(s, "_")
	if !ok || len(lang) < 2 || len(lang) > 3 || len(terr) != 2 {
		return false
	}
	for _, r := range lang {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	for _, r := range terr {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
