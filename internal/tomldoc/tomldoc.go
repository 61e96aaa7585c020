// Package tomldoc decodes a TOML document strictly and remembers where every key stands, so that each
// problem — a syntax error, an unknown key, a value of the wrong type — is reported with file:line:col,
// the key, what was expected and, for a misspelt key, the nearest valid one.
//
// Syntax is parsed by github.com/BurntSushi/toml into plain maps; this package then reads the values
// through typed accessors that record every key they consume, so whatever is left over is unknown.
package tomldoc

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// Pos is a 1-based line and column in the file.
type Pos struct{ Line, Col int }

// Doc is one parsed TOML document and the diagnostics found while reading it.
type Doc struct {
	File  string
	Diags diag.List
	pos   map[string]Pos
	root  *Table
	first int // the line a key missing from the top-level table is reported at
}

// Parse parses src, which starts at line firstLine of file (1 for a whole file, 2 for front matter after
// its opening +++ line). A syntax error is returned as a *diag.Diagnostic.
func Parse(file string, src []byte, firstLine int) (*Doc, error) {
	m, pos, ok := fastDecode(src, firstLine)
	var err error
	if !ok {
		m = map[string]any{}
		_, err = toml.NewDecoder(strings.NewReader(string(src))).Decode(&m)
		pos = nil
	}
	if err != nil {
		var pe toml.ParseError
		isPE := errors.As(err, &pe)
		// BurntSushi/toml stops at a key written twice with a column that is often wrong and
		// without the first place: find both. Only when nothing before it was wrong.
		if d, ok := duplicate(src, firstLine); ok && (!isPE || d.second.Line <= pe.Position.Line+firstLine-1) {
			what := d.path
			if strings.HasPrefix(what, "[") {
				what = "table " + what
			}
			return nil, &diag.Diagnostic{File: file, Line: d.second.Line, Col: d.second.Col, Rule: "toml",
				Msg:  fmt.Sprintf("%s is already written at line %d", what, d.first.Line),
				Hint: "keep one of the two"}
		}
		if isPE {
			msg := pe.Message
			hint := "fix the TOML syntax"
			if pe.LastKey != "" {
				hint = "fix the TOML syntax near key " + diag.Quote(pe.LastKey)
			}
			return nil, &diag.Diagnostic{File: file, Line: pe.Position.Line + firstLine - 1, Col: pe.Position.Col,
				Rule: "toml", Msg: "invalid TOML: " + msg, Hint: hint}
		}
		return nil, &diag.Diagnostic{File: file, Line: firstLine, Rule: "toml", Msg: "invalid TOML: " + err.Error()}
	}
	if pos == nil {
		pos = locate(src, firstLine)
	}
	d := &Doc{File: file, pos: pos, first: max(firstLine-1, 1)}
	d.root = &Table{doc: d, m: m, used: map[string]bool{}}
	return d, nil
}

// Root is the document's top-level table.
func (d *Doc) Root() *Table { return d.root }

// Pos returns where the key at path (e.g. "languages.fa.timezone", "timeline[2].at") is written;
// for a key that is not written it falls back to its nearest written parent.
func (d *Doc) Pos(path string) Pos {
	for path != "" {
		if p, ok := d.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return Pos{Line: d.first, Col: 1}
}

// Err returns the errors found so far, or nil.
func (d *Doc) Err() error { return d.Diags.Err() }

// Table is a TOML table being read. Accessors record each key they read.
type Table struct {
	doc  *Doc
	path string
	m    map[string]any
	used map[string]bool
}

// Path is the table's dotted path in the document ("" for the root).
func (t *Table) Path() string { return t.path }

// Pos is where the table starts (its header), or of its parent when it has none.
func (t *Table) Pos() Pos { return t.doc.Pos(t.path) }

func (t *Table) keyPath(key string) string {
	if key == "" {
		return t.path
	}
	if t.path == "" {
		return key
	}
	return t.path + "." + key
}

// Has reports whether key is present.
func (t *Table) Has(key string) bool { _, ok := t.m[key]; return ok }

// IsList reports whether key holds an array (of any kind).
func (t *Table) IsList(key string) bool {
	switch t.m[key].(type) {
	case []any, []map[string]any:
		return true
	}
	return false
}

// Keys returns the table's keys, sorted.
func (t *Table) Keys() []string {
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// KeyPos is where key is written.
func (t *Table) KeyPos(key string) Pos { return t.doc.Pos(t.keyPath(key)) }

// Errorf records an error about key (its position is looked up).
func (t *Table) Errorf(key, hint, format string, args ...any) {
	p := t.KeyPos(key)
	t.doc.Diags = append(t.doc.Diags, &diag.Diagnostic{File: t.doc.File, Line: p.Line, Col: p.Col,
		Rule: t.keyPath(key), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (t *Table) get(key string) (any, bool) {
	v, ok := t.m[key]
	if ok {
		t.used[key] = true
	}
	return v, ok
}

func (t *Table) typeErr(key, want string, v any) {
	t.Errorf(key, fmt.Sprintf("write %s = %s", key, example(want)), "%s must be %s, not %s", t.keyPath(key), want, describe(v))
}

func (t *Table) missing(key, want string) {
	p := t.Pos()
	t.doc.Diags = append(t.doc.Diags, &diag.Diagnostic{File: t.doc.File, Line: p.Line, Col: p.Col,
		Rule: t.keyPath(key), Msg: fmt.Sprintf("%s is required", t.keyPath(key)),
		Hint: fmt.Sprintf("add %s = %s", key, example(want))})
}

// String reads a string. A missing required key is an error.
func (t *Table) String(key string, required bool) string {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missing(key, "a string")
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.typeErr(key, "a string", v)
	}
	return s
}

// Bool reads a boolean.
func (t *Table) Bool(key string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.typeErr(key, "true or false", v)
	}
	return b
}

// Int reads an integer; def when absent.
func (t *Table) Int(key string, def int) int {
	v, ok := t.get(key)
	if !ok {
		return def
	}
	n, ok := v.(int64)
	if !ok {
		t.typeErr(key, "an integer", v)
		return def
	}
	return int(n)
}

// Strings reads an array of strings.
func (t *Table) Strings(key string) []string {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.typeErr(key, "a list of strings", v)
		return nil
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			t.typeErr(key, "a list of strings", v)
			return nil
		}
		out = append(out, s)
	}
	return out
}

// Time reads a TOML offset date-time. A local date-time or a date without an offset is an error,
// because the instant would depend on the machine that builds the site.
func (t *Table) Time(key string, required bool) time.Time {
	v, ok := t.get(key)
	if !ok {
		if required {
			t.missing(key, "a date-time")
		}
		return time.Time{}
	}
	tm, ok := v.(time.Time)
	if !ok {
		t.typeErr(key, "a date-time with an offset", v)
		return time.Time{}
	}
	switch tm.Location().String() {
	case "datetime-local", "date-local", "time-local":
		t.Errorf(key, fmt.Sprintf("write %s = %s", key, example("a date-time")),
			"%s has no UTC offset, so its instant is unknown", t.keyPath(key))
		return time.Time{}
	}
	return tm
}

// Table reads a sub-table; nil when absent.
func (t *Table) Table(key string) *Table {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.typeErr(key, "a table", v)
		return nil
	}
	return &Table{doc: t.doc, path: t.keyPath(key), m: m, used: map[string]bool{}}
}

// Tables reads an array of tables ([[key]]).
func (t *Table) Tables(key string) []*Table {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	arr, ok := v.([]map[string]any)
	if !ok {
		if anyArr, isArr := v.([]any); isArr && len(anyArr) == 0 {
			return nil
		}
		t.typeErr(key, "an array of tables ([["+key+"]])", v)
		return nil
	}
	out := make([]*Table, len(arr))
	for i, m := range arr {
		out[i] = &Table{doc: t.doc, path: t.keyPath(key) + "[" + strconv.Itoa(i) + "]", m: m, used: map[string]bool{}}
	}
	return out
}

// Strict reports every key that no accessor read as unknown, suggesting the nearest of valid.
func (t *Table) Strict(valid []string) {
	for _, k := range t.Keys() {
		if t.used[k] {
			continue
		}
		hint := "remove it; valid keys are " + strings.Join(valid, ", ")
		if s := diag.Suggest(k, valid); s != "" {
			hint = "did you mean " + s + "?"
		}
		t.Errorf(k, hint, "unknown key %s", t.keyPath(k))
	}
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "the string " + diag.Quote(x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return "a number"
	case bool:
		return fmt.Sprintf("%t", x)
	case time.Time:
		return "a date-time"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func example(want string) string {
	switch {
	case strings.HasPrefix(want, "a string"):
		return `"…"`
	case strings.HasPrefix(want, "a list of strings"):
		return `["…", "…"]`
	case strings.HasPrefix(want, "a date-time"):
		return "2023-11-08T10:00:00-08:00"
	case strings.HasPrefix(want, "an integer"):
		return "10"
	case want == "true or false":
		return "true"
	}
	return "…"
}
