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
// violations. rules, when given, limits the run to those rule ids; otherwise every rule runs that
// axe runs by default, and target-size too.
func runAxe(tb *tab, src string, rules ...string) []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof axe === "object"`) {
		eval[bool](tb, src+"\n;typeof axe === 'object'")
	}
	// target-size (WCAG 2.2, 2.5.8: 24 px targets, or 24 px apart) is off in axe by default.
	opts := `{resultTypes: ["violations"], rules: {"target-size": {enabled: true}}}`
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

// TestAccessibility runs axe-core on every kind of page the default theme makes (pageVisits: the
// landing and 404 pages, and in each language the home page and its page 2, an article, the
// archive with a year and a month, the services and tags indexes with a service and a tag, the
// search page, empty and with results, and the maintenance list and a window's page), on the
// generated site, and fails on any violation of impact "serious" or "critical"; lesser violations
// are logged. All rules run in the light color scheme; then the page switches to the dark one
// (prefers-color-scheme: dark) and the rules about colors run again.
func TestAccessibility(t *testing.T) {
	genURL(t, "") // build the site once, before the tabs' clocks start
	for _, v := range pageVisits() {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			src := axeScript(t)
			tb := newTab(t)
			tb.viewport(1280, 900, false)
			tb.colorScheme("light")
			u, left := openVisit(tb, v)
			if left {
				t.Skipf("%s: the landing page went on to %s at once; there is no page of its own to check", u, eval[string](tb, `location.href`))
			}
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
