package render

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/source"
)

// Layout files. A site overrides any of them by placing a file at the same path.
const (
	layoutBase     = "layouts/baseof.html"
	layoutLanding  = "layouts/landing.html"
	layoutStatus   = "layouts/partials/status.html"
	layout404      = "layouts/404.html"
	layoutPartials = "layouts/partials"
)

// pageKinds are the layouts that fill baseof.html's "main" block, one file each: layouts/<kind>.html.
var pageKinds = []string{"home", "single", "list", "archive", "terms", "service", "search", "maintenance"}

// Templates are the site's parsed layouts. Pages are executed from per-language clones that carry
// the language's functions (see FuncMap).
type Templates struct {
	kinds             map[string]*template.Template
	landing, notFound *template.Template
	labels            map[string]string // template name → file label for messages
	own               []string          // layouts of the site's own, unlike the theme's
}

// LoadTemplates parses the layouts once.
func LoadTemplates(fsys *source.FS) (*Templates, error) {
	ts := &Templates{labels: map[string]string{}, kinds: map[string]*template.Template{}}
	read := func(name string) (string, error) {
		data, theme, err := fsys.ReadFile(name)
		if err != nil {
			return "", &diag.Diagnostic{File: name, Rule: "layout", Msg: "cannot read layout: " + err.Error()}
		}
		ts.labels[name] = source.Label(name, theme)
		if !theme && !fsys.ThemeHas(name, data) {
			ts.own = append(ts.own, name)
		}
		return string(data), nil
	}
	base := template.New(layoutBase).Funcs(placeholderFuncs())
	text, err := read(layoutBase)
	if err != nil {
		return nil, err
	}
	if _, err := base.Parse(text); err != nil {
		return nil, ts.wrap(err)
	}
	partials, err := fsys.Files(layoutPartials)
	if err != nil {
		return nil, err
	}
	for _, f := range partials {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		text, err := read(f.Path)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(f.Path).Parse(text); err != nil {
			return nil, ts.wrap(err)
		}
	}
	kind := func(name string) (*template.Template, error) {
		text, err := read(name)
		if err != nil {
			return nil, err
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(text); err != nil {
			return nil, ts.wrap(err)
		}
		return t, nil
	}
	for _, k := range pageKinds {
		if ts.kinds[k], err = kind("layouts/" + k + ".html"); err != nil {
			return nil, err
		}
	}
	standalone := func(name string) (*template.Template, error) {
		text, err := read(name)
		if err != nil {
			return nil, err
		}
		t, err := template.New(name).Funcs(placeholderFuncs()).Parse(text)
		if err != nil {
			return nil, ts.wrap(err)
		}
		return t, nil
	}
	if ts.landing, err = standalone(layoutLanding); err != nil {
		return nil, err
	}
	// The landing page shows each language's current status with the partial the home pages use.
	text, err = read(layoutStatus)
	if err != nil {
		return nil, err
	}
	if _, err := ts.landing.New(layoutStatus).Parse(text); err != nil {
		return nil, ts.wrap(err)
	}
	if ts.notFound, err = standalone(layout404); err != nil {
		return nil, err
	}
	return ts, nil
}

var templateErrPos = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: `)

// wrap turns a template error into a diagnostic that names the layout file and line.
func (ts *Templates) wrap(err error) error {
	msg := err.Error()
	m := templateErrPos.FindStringSubmatch(msg)
	if m == nil {
		return &diag.Diagnostic{Rule: "layout", Msg: msg}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	file := m[1]
	if l, ok := ts.labels[file]; ok {
		file = l
	}
	rest := strings.TrimSpace(msg[len(m[0]):])
	if i := strings.LastIndex(rest, ": "); i >= 0 && strings.Contains(rest, "error calling") {
		rest = rest[i+2:]
	}
	return &diag.Diagnostic{File: file, Line: line, Col: col, Rule: "layout", Msg: rest}
}

func (ts *Templates) String() string { return fmt.Sprintf("templates(%d files)", len(ts.labels)) }

// ownLayouts lists the layouts of the site's own, sorted (see Renderer.SiteLayouts).
func (ts *Templates) ownLayouts() []string {
	own := slices.Clone(ts.own)
	slices.Sort(own)
	return own
}
