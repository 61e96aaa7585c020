package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// axePath is axe-core's browser build, installed by `npm ci` in the repository root.
var axePath = filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js")

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns axe.min.js, skipping the test (failing it in CI) when it is not installed.
func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(axePath)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		skipOrFail(t, "axe-core is not installed (%v); run `npm ci` in the repository root", axeErr)
	}
	return axeSource
}

// axeViolation is a violation of one axe rule, with its first few elements.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Count   int    `json:"count"`
	Nodes   []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s, on %d element(s) — %s", v.ID, v.Impact, v.Help, v.Count, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%v %s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return b.String()
}

// runAxe injects axe-core into the tab's page, unless it is there already, and returns its
// violations. rules, when given, limits the run to those rule ids.
func runAxe(tb *tab, src string, rules ...string) []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof axe === "object"`) {
		eval[bool](tb, src+"\n;typeof axe === 'object'")
	}
	opts := `{resultTypes: ["violations"]}`
	if len(rules) > 0 {
		opts = `{resultTypes: ["violations"], runOnly: {type: "rule", values: ` + jsStrings(rules) + `}}`
	}
	return eval[[]axeViolation](tb, `axe.run(document, `+opts+`).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
		nodes: v.nodes.slice(0, 4).map(n => ({target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary || ""})),
	})))`)
}

// jsStrings writes a JavaScript array of the strings (plain ASCII rule ids).
func jsStrings(ss []string) string {
	return `["` + strings.Join(ss, `", "`) + `"]`
}

// blocking reports whether a violation fails the test.
func blocking(v axeViolation) bool { return v.Impact == "serious" || v.Impact == "critical" }

// colorRules are the axe rules whose outcome depends on the color scheme.
var colorRules = []string{"color-contrast", "link-in-text-block"}

// TestAccessibility runs axe-core on the home, article, archive, a service and the search page
// of both languages, and on the 404 page, and fails on any violation of impact "serious" or
// "critical"; lesser violations are logged. All rules run in the light color scheme; then the page
// switches to the dark one (prefers-color-scheme: dark) and the rules about colors run again.
func TestAccessibility(t *testing.T) {
	type target struct{ name, rel string }
	var targets []target
	for _, lang := range []string{"fa", "en"} {
		for _, p := range []target{
			{"home", ""},
			{"article", article},
			{"archive", "archive/"},
			{"service", "services/chatgpt/"},
			{"search", "search/"},
		} {
			targets = append(targets, target{lang + "-" + p.name, lang + "/" + p.rel})
		}
	}
	targets = append(targets, target{"404", "fa/no/such/page/"})
	for _, p := range targets {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			src := axeScript(t)
			tb := newTab(t)
			tb.viewport(1280, 900, false)
			tb.colorScheme("light")
			if p.name == "404" {
				tb.openNotFound(p.rel)
			} else {
				tb.open(p.rel)
			}
			u := pageURL(p.rel)
			report := func(scheme string, vs []axeViolation) {
				for _, v := range vs {
					if blocking(v) {
						t.Errorf("%s (%s scheme): axe violation %s", u, scheme, v)
					} else {
						t.Logf("%s (%s scheme): minor axe violation %s", u, scheme, v)
					}
				}
			}
			report("light", runAxe(tb, src))
			const bgJS = `getComputedStyle(document.body).backgroundColor`
			light := eval[string](tb, bgJS)
			tb.colorScheme("dark")
			tb.settle()
			if dark := eval[string](tb, bgJS); dark == light {
				t.Errorf("the dark color scheme did not apply: the body's background is %s in both", dark)
			}
			report("dark", runAxe(tb, src, colorRules...))
		})
	}
}
