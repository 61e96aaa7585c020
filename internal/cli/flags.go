package cli

import (
	"flag"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// commandAliases are other names of commands, as Hugo spells them.
var commandAliases = map[string]string{"server": "serve"}

// alias makes name another spelling of the flag target, defined before: -D and --buildDrafts of
// --drafts, -b of --baseURL. Help lists it beside target.
func alias(fs *flag.FlagSet, name, target string) {
	fs.Var(fs.Lookup(target).Value, name, "")
}

// dashed spells a flag the way the usage lines do: -s for a one-letter name, --source otherwise.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// printFlags writes a flag set's flags, one line per flag with its other spellings first
// ("-s, --source DIR   the site's folder DIR"), sorted by name, the descriptions aligned, in
// place of the flag package's PrintDefaults, which spells every flag with one dash. Flags that share a
// variable are spellings of one flag; the description is the one of the longest name that has one.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	type group struct {
		names   []string
		primary *flag.Flag
	}
	byValue := map[any]*group{}
	var groups []*group
	fs.VisitAll(func(f *flag.Flag) {
		var g *group
		if key, ok := valueKey(f.Value); ok {
			g = byValue[key]
			if g == nil {
				g = &group{}
				byValue[key] = g
			}
		} else {
			g = &group{}
		}
		if len(g.names) == 0 {
			groups = append(groups, g)
		}
		g.names = append(g.names, f.Name)
		if f.Usage != "" && (g.primary == nil || len(f.Name) > len(g.primary.Name)) {
			g.primary = f
		}
	})
	type line struct{ key, names, usage string }
	var lines []line
	width := 0
	for _, g := range groups {
		p := g.primary
		if p == nil {
			p = fs.Lookup(g.names[0])
		}
		// one-letter spellings, then the described name, then the other long ones
		sort.SliceStable(g.names, func(i, j int) bool {
			ri, rj := rank(g.names[i], p.Name), rank(g.names[j], p.Name)
			if ri != rj {
				return ri < rj
			}
			return g.names[i] < g.names[j]
		})
		spelled := make([]string, len(g.names))
		for i, n := range g.names {
			spelled[i] = dashed(n)
		}
		placeholder, usage := flag.UnquoteUsage(p)
		names := strings.Join(spelled, ", ")
		if len(g.names[0]) > 1 {
			names = "    " + names // long names line up under those of flags with a shorthand
		}
		if placeholder != "" && !isBool(p) {
			names += " " + placeholder
		}
		if d := p.DefValue; d != "" && d != "false" && d != "0" {
			if g, ok := p.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					d = fmt.Sprintf("%q", d)
				}
			}
			usage += " (default " + d + ")"
		}
		lines = append(lines, line{strings.ToLower(p.Name), names, usage})
		width = max(width, len(names))
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].key < lines[j].key })
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s   %s\n", width, l.names, l.usage)
	}
}

func rank(name, primary string) int {
	switch {
	case len(name) == 1:
		return 0
	case name == primary:
		return 1
	}
	return 2
}

// valueKey is what identifies a flag's variable: flags defined on the same variable share it.
func valueKey(v flag.Value) (any, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return nil, false
	}
	return rv.Pointer(), true
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagNames lists every spelling of the flags of fs.
func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

// nearest is the candidate closest to what was typed, or "" when none is close enough to be what
// was meant: one a letter or two away (not counting case), or that starts with it.
func nearest(typed string, candidates []string) string {
	best, bestD := "", -1
	lt := strings.ToLower(typed)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := diag.Distance(lt, lc) // --prot is one edit from --port
		if d > 2 || 2*d >= max(len(lt), len(lc)) {
			if len(lt) >= 3 && strings.HasPrefix(lc, lt) {
				d = 3 // a prefix, weaker than a near miss
			} else {
				continue
			}
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// flagError rewrites an error of the flag package in the usage lines' spelling (--port, not
// -port), suggesting the nearest flag for one that does not exist.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag " + dashed(name)
		if n := nearest(name, flagNames(fs)); n != "" {
			msg += " (did you mean " + dashed(n) + "?)"
		}
		return msg
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return dashed(name) + " needs a value"
	}
	// invalid value "x" for flag -p: parse error; invalid boolean value "x" for -drafts: …
	for _, sep := range []string{" for flag -", " for -"} {
		if i := strings.Index(msg, sep); i >= 0 {
			rest := msg[i+len(sep):]
			name, tail, _ := strings.Cut(rest, ":")
			return msg[:i] + " for " + dashed(name) + ":" + tail
		}
	}
	return msg
}
