// Package linkcheck crawls a built site as it will be served under its base URL and reports every
// internal link, fragment or asset that does not resolve: href, src, srcset, action and data-index
// in HTML pages, absolute URLs in meta content (Open Graph) and JSON-LD, and the <loc> and
// alternate links of sitemap.xml. External links are not
// fetched. A link that leaves the base path on the same host (a "/style.css" on a project site
// served under "/repo/") is reported too: it is the classic way a site breaks under a subpath.
package linkcheck

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Problem is one link that does not resolve.
type Problem struct {
	Page   string // the file, relative to the site root, e.g. "fa/index.html"
	Link   string // the link as written
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Page, p.Link, p.Reason) }

// Check crawls dir as served at base.
func Check(dir string, base *url.URL) ([]Problem, error) {
	c := &checker{dir: dir, base: base, ids: map[string]map[string]bool{}}
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".html") || filepath.Base(p) == "sitemap.xml") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(pages)
	var problems []Problem
	for _, page := range pages {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			return nil, err
		}
		for _, l := range links(string(b), strings.HasSuffix(page, ".xml")) {
			if reason := c.resolve(page, l); reason != "" {
				problems = append(problems, Problem{Page: page, Link: l, Reason: reason})
			}
		}
	}
	return problems, nil
}

type checker struct {
	dir  string
	base *url.URL
	ids  map[string]map[string]bool // file → ids in it
}

// pageURL is the URL a file is served at.
func (c *checker) pageURL(page string) *url.URL {
	p := page
	if path.Base(p) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
	}
	u := *c.base
	u.Path = strings.TrimSuffix(c.base.Path, "/") + "/" + p
	u.RawPath = ""
	return &u
}

// resolve returns why the link l on page does not resolve, or "".
func (c *checker) resolve(page, l string) string {
	l = strings.TrimSpace(l)
	if l == "" {
		return "empty link"
	}
	lower := strings.ToLower(l)
	for _, s := range []string{"mailto:", "tel:", "javascript:", "data:"} {
		if strings.HasPrefix(lower, s) {
			return ""
		}
	}
	ref, err := url.Parse(l)
	if err != nil {
		return "not a URL: " + err.Error()
	}
	u := c.pageURL(page).ResolveReference(ref)
	if u.Scheme != c.base.Scheme && (u.Scheme == "http" || u.Scheme == "https") && u.Host == c.base.Host {
		return "uses " + u.Scheme + " where the site is " + c.base.Scheme
	}
	if u.Host != c.base.Host || (u.Scheme != "http" && u.Scheme != "https") {
		return "" // external
	}
	if !strings.HasPrefix(u.Path, c.base.Path) && u.Path+"/" != c.base.Path {
		return "outside the site's base path " + c.base.Path
	}
	rel := strings.TrimPrefix(u.Path, c.base.Path)
	file, ok := c.file(rel)
	if !ok {
		return "no such page or file"
	}
	if u.Fragment != "" && strings.HasSuffix(file, ".html") {
		if !c.hasID(file, u.Fragment) {
			return "no element with id " + u.Fragment + " on " + file
		}
	}
	return ""
}

// file maps a path under the base to the file that would be served, as GitHub Pages does.
func (c *checker) file(rel string) (string, bool) {
	rel = strings.TrimPrefix(rel, "/")
	try := []string{rel}
	if rel == "" || strings.HasSuffix(rel, "/") {
		try = []string{rel + "index.html"}
	} else {
		try = append(try, rel+"/index.html", rel+".html")
	}
	for _, t := range try {
		full := filepath.Join(c.dir, filepath.FromSlash(path.Clean("/"+t)))
		if st, err := os.Stat(full); err == nil && st.Mode().IsRegular() {
			return path.Clean(t), true
		}
	}
	return "", false
}

func (c *checker) hasID(file, id string) bool {
	ids, ok := c.ids[file]
	if !ok {
		ids = map[string]bool{}
		b, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(file)))
		if err == nil {
			for _, a := range attrs(string(b), "id", "name") {
				ids[a] = true
			}
		}
		c.ids[file] = ids
	}
	return ids[id]
}

// links returns the links of a page: href, src, srcset and action attributes; for XML, <loc>
// elements and href attributes.
func links(doc string, xml bool) []string {
	out := attrs(doc, "href", "src", "action", "data-index")
	// Absolute URLs in meta content (Open Graph, Twitter) and the URLs of JSON-LD.
	for _, c := range attrs(doc, "content") {
		if strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://") {
			out = append(out, c)
		}
	}
	for _, m := range jsonLDURL.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[1])
	}
	for _, s := range attrs(doc, "srcset") {
		for _, part := range strings.Split(s, ",") {
			if f := strings.Fields(part); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	if xml {
		for rest := doc; ; {
			i := strings.Index(rest, "<loc>")
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], "</loc>")
			if j < 0 {
				break
			}
			out = append(out, html.UnescapeString(rest[i+5:i+j]))
			rest = rest[i+j:]
		}
	}
	return out
}

// attrs returns the values of the named attributes in every tag of doc, skipping comments and the
// content of script and style elements.
func attrs(doc string, names ...string) []string {
	var out []string
	i := 0
	for i < len(doc) {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		if strings.HasPrefix(doc[i:], "<!--") {
			end := strings.Index(doc[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		end := tagEnd(doc, i)
		tag := doc[i+1 : end]
		name := tagName(tag)
		for _, a := range parseAttrs(tag[len(name):]) {
			for _, n := range names {
				if strings.EqualFold(a[0], n) {
					out = append(out, html.UnescapeString(a[1]))
				}
			}
		}
		i = end + 1
		if ln := strings.ToLower(name); ln == "script" || ln == "style" {
			close := strings.Index(strings.ToLower(doc[i:]), "</"+ln)
			if close < 0 {
				break
			}
			i += close
		}
	}
	return out
}

// tagEnd finds the ">" that closes the tag starting at i, outside quoted attribute values.
func tagEnd(doc string, i int) int {
	var q byte
	for j := i + 1; j < len(doc); j++ {
		switch c := doc[j]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return j
		}
	}
	return len(doc) - 1
}

func tagName(tag string) string {
	for k, r := range tag {
		if r == ' ' || r == '\t' || r == '\n' || r == '/' || r == '>' {
			return tag[:k]
		}
	}
	return tag
}

// parseAttrs splits the attribute part of a tag into name/value pairs.
func parseAttrs(s string) [][2]string {
	var out [][2]string
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		if s == "" {
			return out
		}
		k := strings.IndexAny(s, " \t\r\n=/")
		if k < 0 {
			return append(out, [2]string{s, ""})
		}
		name := s[:k]
		s = strings.TrimLeft(s[k:], " \t\r\n")
		if !strings.HasPrefix(s, "=") {
			out = append(out, [2]string{name, ""})
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\r\n")
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			q := s[0]
			e := strings.IndexByte(s[1:], q)
			if e < 0 {
				return append(out, [2]string{name, s[1:]})
			}
			val, s = s[1:1+e], s[2+e:]
		} else {
			e := strings.IndexAny(s, " \t\r\n")
			if e < 0 {
				e = len(s)
			}
			val, s = s[:e], s[e:]
		}
		out = append(out, [2]string{name, val})
	}
}

// jsonLDURL finds the URLs of structured data ("url", "mainEntityOfPage", "image").
var jsonLDURL = regexp.MustCompile(`"(?:url|mainEntityOfPage|image)":"(https?://[^"]+)"`)

// ErrBroken is returned by callers that turn problems into a failure.
var ErrBroken = errors.New("broken links")
