// Package config decodes and validates site.toml: the base URL, the default language and one table per
// language with its name, title, writing direction, time zone, calendar, order and Open Graph locale,
// and who publishes and writes the site (news.go). Nothing about any particular language is built
// in: direction, zone, calendar and digits all follow this file.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/locale"
	"github.com/rokhdad/rokhdad/internal/timeline"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// DefaultFeedLimit is how many entries a feed carries unless site.toml says otherwise: the newest
// articles in rss.xml and atom.xml, the newest timeline updates in updates.xml. Feed readers fetch
// a feed over and over and show only what is new; an archive of thousands of incidents in every
// fetch (megabytes per language) would cost readers and the site's bandwidth for nothing.
// incidents.json, the sitemap and the search index always cover every article.
const DefaultFeedLimit = 100

// FileName is the configuration file at the root of a site.
const FileName = "site.toml"

// Config is a site's configuration.
type Config struct {
	BaseURL         *url.URL // always ends in "/"
	DefaultLanguage string
	Languages       []*Language // ordered by weight, then code
	Paginate        int         // articles per list page
	FeedLimit       int         // entries per feed (newest first); 0 for all
	CNAME           string      // custom domain for branch deploys; "" for none
	Markup          Markup
	Check           Check  // [check]: how rokhdad check reads the text
	Import          Import // [import]: the status pages rokhdad import reads
	Image           string // the picture of a page without its own: a path under static/ or a URL (news.go)
	imagePos        tomldoc.Pos
	publisher       Party // [publisher]; see Publisher
	author          Party // [author]; see Author
}

// Check is the [check] table: the warnings a site turns off and how it writes the ezafe after a
// silent ه. The rule names are rokhdad check's, which reports a name it does not know.
type Check struct {
	Disable    []string
	DisablePos Pos    // of the disable key, for the report of a name that is no rule
	Ezafe      string // "hamza" (خانهٔ, the default) or "ye" (خانه‌ی)
}

// Import is the [import] table: what `rokhdad import statuspage` (with no SOURCE) and the import
// workflow read.
type Import struct {
	StatusPages []string // the http(s) addresses of status pages with the Statuspage API
	From        string   // the language of their text; "" for the default (see importer.Options)
	Ignore      []string // the ids of incidents never to import (an editor's "no")
}

// Pos is a line and column in site.toml.
type Pos = tomldoc.Pos

// Markup configures Markdown rendering.
type Markup struct {
	Unsafe bool // pass raw HTML in Markdown through
}

// Language is one [languages.<code>] table.
type Language struct {
	Code      string // BCP 47 code, also the URL prefix and content folder name
	Name      string // the language's own name, e.g. "فارسی"
	Title     string // site title in this language
	Direction string // "rtl" or "ltr"
	Zone      *time.Location
	ZoneName  string
	Calendar  locale.Calendar
	Weight    int
	Locale    string // Open Graph locale such as "fa_IR": locale = "…", else DefaultLocale(Code)
	publisher Party  // [languages.<code>.publisher]
	author    Party  // [languages.<code>.author]
}

// Language returns the language with the given code, or nil.
func (c *Config) Language(code string) *Language {
	for _, l := range c.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Codes lists the language codes in order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// Load reads DIR/site.toml.
func Load(dir string) (*Config, error) {
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &diag.Diagnostic{File: FileName, Msg: "no site.toml in " + dir,
				Hint: "run rokhdad in a site directory, or name one with -s DIR"}
		}
		return nil, &diag.Diagnostic{File: FileName, Msg: err.Error()}
	}
	return Parse(FileName, src)
}

var topKeys = []string{"baseURL", "defaultLanguage", "languages", "paginate", "feedLimit", "cname", "markup", "check",
	"import", "image", "publisher", "author"}
var langKeys = []string{"name", "title", "direction", "timezone", "calendar", "weight", "locale", "publisher", "author"}

// Parse decodes a site configuration; file names it in errors.
func Parse(file string, src []byte) (*Config, error) {
	doc, err := tomldoc.Parse(file, src, 1)
	if err != nil {
		return nil, err
	}
	root := doc.Root()
	c := &Config{}
	base := root.String("baseURL", true)
	if base != "" {
		u, err := url.Parse(base)
		switch {
		case err != nil:
			root.Errorf("baseURL", `write a full URL such as "https://user.github.io/repo/"`, "baseURL %s is not a URL: %v", diag.Quote(base), urlReason(err))
		case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			root.Errorf("baseURL", `write a full URL such as "https://user.github.io/repo/"`, "baseURL %s must be an absolute http(s) URL", diag.Quote(base))
		default:
			c.BaseURL = NormalizeBase(u)
		}
	}
	c.DefaultLanguage = root.String("defaultLanguage", true)
	c.Paginate = root.Int("paginate", 10)
	if c.Paginate < 1 {
		root.Errorf("paginate", "use a positive number such as 10", "paginate must be at least 1")
		c.Paginate = 10
	}
	c.FeedLimit = root.Int("feedLimit", DefaultFeedLimit)
	if c.FeedLimit < 0 {
		root.Errorf("feedLimit", "use 0 for every entry, or a positive number such as 100", "feedLimit must not be negative")
		c.FeedLimit = DefaultFeedLimit
	}
	c.CNAME = strings.TrimSpace(root.String("cname", false))
	if m := root.Table("markup"); m != nil {
		c.Markup.Unsafe = m.Bool("unsafe")
		m.Strict([]string{"unsafe"})
	}
	if t := root.Table("check"); t != nil {
		c.Check.Disable = t.Strings("disable")
		c.Check.DisablePos = t.KeyPos("disable")
		c.Check.Ezafe = t.String("ezafe", false)
		switch c.Check.Ezafe {
		case "":
			c.Check.Ezafe = "hamza"
		case "hamza", "ye":
		default:
			t.Errorf("ezafe", `write ezafe = "hamza" for «خانهٔ ما» or ezafe = "ye" for «خانه‌ی ما»`,
				"ezafe %s is not a style of the ezafe", diag.Quote(c.Check.Ezafe))
		}
		t.Strict([]string{"disable", "ezafe"})
	} else {
		c.Check.Ezafe = "hamza"
	}
	if t := root.Table("import"); t != nil {
		c.Import.StatusPages = t.Strings("statuspages")
		for _, p := range c.Import.StatusPages {
			if u, err := url.Parse(p); err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
				t.Errorf("statuspages", `write the page's address, such as statuspages = ["https://status.example.com"]`,
					"%s is not the http(s) address of a status page", diag.Quote(p))
			}
		}
		c.Import.From = t.String("from", false)
		c.Import.Ignore = t.Strings("ignore")
		t.Strict([]string{"statuspages", "from", "ignore"})
	}
	c.Image, c.imagePos = parseImage(root, "image")
	if t := root.Table("publisher"); t != nil {
		c.publisher = parseParty(t, publisherKeys)
	}
	if t := root.Table("author"); t != nil {
		c.author = parseParty(t, authorKeys)
	}
	langs := root.Table("languages")
	if langs == nil && !root.Has("languages") {
		root.Errorf("languages", "add a [languages.<code>] table for each language", "no languages are configured")
	}
	if langs != nil {
		for _, code := range langs.Keys() {
			lt := langs.Table(code)
			if lt == nil {
				continue
			}
			c.Languages = append(c.Languages, parseLanguage(code, lt))
		}
		if len(c.Languages) == 0 {
			root.Errorf("languages", "add a [languages.<code>] table for each language", "no languages are configured")
		}
	}
	sort.SliceStable(c.Languages, func(i, j int) bool {
		if c.Languages[i].Weight != c.Languages[j].Weight {
			return c.Languages[i].Weight < c.Languages[j].Weight
		}
		return c.Languages[i].Code < c.Languages[j].Code
	})
	if c.DefaultLanguage != "" && len(c.Languages) > 0 && c.Language(c.DefaultLanguage) == nil {
		hint := "use one of: " + strings.Join(c.Codes(), ", ")
		root.Errorf("defaultLanguage", hint, "defaultLanguage %s is not one of the configured languages", diag.Quote(c.DefaultLanguage))
	}
	root.Strict(topKeys)
	if err := doc.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func parseLanguage(code string, t *tomldoc.Table) *Language {
	l := &Language{Code: code}
	if !validCode(code) {
		t.Errorf("", "use a BCP 47 code such as fa, en or de", "language code %s is not a valid language code", diag.Quote(code))
	}
	l.Name = t.String("name", true)
	l.Title = t.String("title", true)
	l.Direction = t.String("direction", true)
	if l.Direction != "" && l.Direction != "rtl" && l.Direction != "ltr" {
		t.Errorf("direction", `write direction = "rtl" or "ltr"`, "direction must be \"rtl\" or \"ltr\", not %s", diag.Quote(l.Direction))
	}
	l.ZoneName = t.String("timezone", true)
	if l.ZoneName != "" {
		z, err := timeline.LoadZone(l.ZoneName)
		if err != nil {
			t.Errorf("timezone", "use an IANA zone name such as Asia/Tehran or UTC", "%v", err)
		}
		l.Zone = z
	}
	cal := t.String("calendar", true)
	if cal != "" {
		c, err := locale.ParseCalendar(cal)
		if err != nil {
			t.Errorf("calendar", `write calendar = "persian" or "gregorian"`, "%v", err)
		}
		l.Calendar = c
	}
	l.Weight = t.Int("weight", 0)
	l.Locale = DefaultLocale(code)
	if loc := t.String("locale", false); loc != "" {
		if !validLocale(loc) {
			t.Errorf("locale", `write the language and territory joined by _, such as locale = "fa_IR" or "en_GB"`,
				"locale %s is not a locale such as fa_IR", diag.Quote(loc))
		}
		l.Locale = loc
	}
	if pt := t.Table("publisher"); pt != nil {
		l.publisher = parseParty(pt, publisherKeys)
	}
	if at := t.Table("author"); at != nil {
		l.author = parseParty(at, authorKeys)
	}
	t.Strict(langKeys)
	return l
}

func validCode(code string) bool {
	if code == "" || len(code) > 35 {
		return false
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// urlReason is what url.Parse found wrong, without the URL it quotes whole.
func urlReason(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// NormalizeBase returns u with a path ending in "/" and no query or fragment.
func NormalizeBase(u *url.URL) *url.URL {
	c := *u
	c.RawQuery, c.Fragment = "", ""
	if !strings.HasSuffix(c.Path, "/") {
		c.Path += "/"
	}
	c.RawPath = ""
	return &c
}

// ParseBaseURL parses a --baseURL flag value.
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--baseURL %s must be an absolute http(s) URL such as https://user.github.io/repo/", diag.Quote(s))
	}
	return NormalizeBase(u), nil
}
