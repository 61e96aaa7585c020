package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runCheckCmd runs "rokhdad check args…".
func runCheckCmd(args ...string) (code int, stdout, stderr string) {
	return run(append([]string{"check"}, args...)...)
}

// checkSite copies the basic test site into a temporary folder and applies edits (file → function of
// its contents).
func checkSite(t *testing.T, edits map[string]func(string) string) string {
	t.Helper()
	from := filepath.Join("..", "build", "testdata", "sites", "basic")
	dir := t.TempDir()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		if f := edits[filepath.ToSlash(rel)]; f != nil {
			s = f(s)
		}
		return os.WriteFile(filepath.Join(dir, rel), []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

const (
	faFile = "content/fa/incidents/api-outage.md"
	enFile = "content/en/incidents/older-en-only.md"
)

// problems injects: an Arabic ك on line 30 of the fa body, a broken link on line 34, and a timeline
// entry without status (line 11) in the English-only article.
var problems = map[string]func(string) string{
	faFile: func(s string) string {
		s = strings.Replace(s, "## پیامد", "## پيامد كلي", 1)
		return s + "\nنگاه کنید به [x](/fa/incidents/nope/) و [این](/fa/incidents/api-outage/) و [آن](../api-outage/) و ![تصویر](/css/site.css).\n"
	},
	enFile: func(s string) string {
		return strings.Replace(s, "+++\n\nAn", "\n[[timeline]]\nat = \"2021-07-01 13:00\"\ntext = \"Still looking.\"\n+++\n\nAn", 1)
	},
}

func TestCheckText(t *testing.T) {
	dir := checkSite(t, problems)
	before, _ := os.ReadDir(dir)
	code, out, errOut := runCheckCmd("-s", dir)
	if code != 0 {
		t.Fatalf("exit %d (warnings only should be 0)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		faFile + ":30:5: warning: Arabic letter 'ي' (U+064A) in \"پيامد\" [arabic-letters] (",
		faFile + ":30:10: warning: Arabic letter 'ك' (U+0643) in \"كلي\" [arabic-letters] (",
		faFile + ":34:14: warning: link \"/fa/incidents/nope/\" leads to no article and no static file [link] (",
		enFile + ":1:1: warning: the article exists in en only [translation] (add its translation as content/fa/incidents/older-en-only.md)",
		enFile + ":11:1: warning: the timeline entry has no status [timeline-status] (",
		"0 errors, 5 warnings\n",
	} {
		if !strings.Contains(plain(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "[link]") != 1 {
		t.Errorf("only the broken link should be reported:\n%s", out)
	}
	// check writes nothing: no public/, no temporary folder.
	after, _ := os.ReadDir(dir)
	if len(after) != len(before) {
		t.Errorf("check wrote into the site folder: %v", after)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check created public/")
	}

	if code, out, _ := runCheckCmd("-s", dir, "--strict"); code != 1 || !strings.Contains(out, "5 warnings") {
		t.Errorf("--strict with warnings: exit %d\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := checkSite(t, problems)
	code, out, errOut := runCheckCmd("--source", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []struct {
		File, Severity, Rule, Message, Hint string
		Line, Col                           int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	rules := map[string]int{}
	for i, f := range got {
		rules[f.Rule]++
		if f.Severity != "warning" || f.File == "" || f.Line == 0 || f.Col == 0 || f.Message == "" || f.Hint == "" {
			t.Errorf("finding %d: %+v", i, f)
		}
		if i > 0 {
			p := got[i-1]
			if p.File > f.File || (p.File == f.File && (p.Line > f.Line || (p.Line == f.Line && p.Col > f.Col))) {
				t.Errorf("findings out of order: %+v before %+v", p, f)
			}
		}
	}
	if rules["arabic-letters"] != 2 || rules["link"] != 1 || rules["translation"] != 1 || rules["timeline-status"] != 1 {
		t.Errorf("rules = %v\n%s", rules, out)
	}
	if code, _, errOut := runCheckCmd("-s", dir, "--format", "xml"); code != 2 || !strings.Contains(errOut, "--format") {
		t.Errorf("--format xml: exit %d, %q", code, errOut)
	}
}

func TestCheckErrors(t *testing.T) {
	dir := checkSite(t, map[string]func(string) string{
		faFile: func(s string) string { return strings.Replace(s, "severity = ", "sevrity = ", 1) },
		// A resolved article whose last entry is not resolved is a warning, not an error.
		"content/en/incidents/api-outage.md": func(s string) string {
			return strings.Replace(s, "status = \"resolved\"\ntext = \"Resolved.\"", "status = \"monitoring\"\ntext = \"Watching.\"", 1)
		},
	})
	code, out, _ := runCheckCmd("-s", dir)
	if code != 1 {
		t.Errorf("a front matter error: exit %d\n%s", code, out)
	}
	for _, want := range []string{
		faFile + ":8:1: error: unknown key sevrity [sevrity] (did you mean severity?)",
		"content/en/incidents/api-outage.md:7:1: warning: the article is resolved but its last timeline entry (line 22) has monitoring [resolved]",
		"1 error, 2 warnings\n", // the fa translation still counts though it does not parse
	} {
		if !strings.Contains(plain(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckFix(t *testing.T) {
	dir := checkSite(t, problems)
	code, out, errOut := runCheckCmd("-s", dir, "--fix")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	for _, want := range []string{
		faFile + `:30:5: arabic-letters: "پيامد" → "پیامد"`,
		faFile + `:30:10: arabic-letters: "كلي" → "کلی"`,
		"0 errors, 3 warnings\n", // what remains: link, translation, timeline-status
	} {
		if !strings.Contains(plain(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[arabic-letters]") {
		t.Errorf("the Arabic letters remain after --fix:\n%s", out)
	}
	b, err := os.ReadFile(filepath.Join(dir, faFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "## پیامد کلی\n") || strings.ContainsAny(string(b), "يك") {
		t.Errorf("file not fixed:\n%s", b)
	}
	if !strings.Contains(string(b), "[x](/fa/incidents/nope/)") || !strings.Contains(string(b), "`503`") {
		t.Errorf("fix touched links or code:\n%s", b)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "fa", "incidents"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// A second --fix has nothing to do.
	if _, out, _ := runCheckCmd("-s", dir, "--fix"); strings.Contains(out, "→") {
		t.Errorf("second --fix changed more:\n%s", out)
	}
}

func TestCheckOutputLinks(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := run("build", "-s", "../build/testdata/sites/basic", "-d", dest, "--baseURL", "https://user.github.io/repo/"); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	if code, out, errOut := runCheckCmd("--output", dest, "--baseURL", "https://user.github.io/repo/"); code != 0 || !strings.Contains(out, "0 errors") {
		t.Fatalf("clean tree: exit %d\n%s%s", code, out, errOut)
	}
	// Served under another path, every root-relative link breaks, and each is named with its page.
	code, out, _ := runCheckCmd("--output", dest, "--baseURL", "https://example.org/other/")
	if code != 1 || !strings.Contains(out, "index.html: error: broken link \"/repo/") {
		t.Errorf("moved tree: exit %d\n%s", code, out)
	}
	// A missing page is reported.
	if err := os.RemoveAll(filepath.Join(dest, "fa", "incidents", "api-outage")); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCheckCmd("--output", dest, "--baseURL", "https://user.github.io/repo/", "--format", "json")
	if code != 1 || !strings.Contains(out, `"rule": "link"`) || !strings.Contains(out, "fa/incidents/api-outage/") {
		t.Errorf("missing page: exit %d\n%s", code, out)
	}
}

// TestCheckControls: an unbalanced bidi control and a control character in the front matter are
// warnings at their file:line:col; the site still builds.
func TestCheckControls(t *testing.T) {
	dir := checkSite(t, map[string]func(string) string{
		enFile: func(s string) string {
			return strings.Replace(s, `title = "Older English-only note"`, `title = "Older \u202EEnglish-only\u0007 note"`, 1)
		},
	})
	code, out, errOut := runCheckCmd("-s", dir)
	if code != 0 {
		t.Fatalf("exit %d (warnings only should be 0)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		enFile + ":2:16: warning: title: U+202E RIGHT-TO-LEFT OVERRIDE is never closed, so the build closes it [control] (add U+202C POP DIRECTIONAL FORMATTING where it should end, or delete it)",
		enFile + ":2:34: warning: title: control character U+0007 is invisible and left out of the built site [control] (delete it)",
	} {
		if !strings.Contains(plain(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// explanation is a rule's Persian explanation in a message (check.Rules); plain takes it out, for
// tests of the rest of a finding. TestScript/check_rules checks the explanations.
var explanation = regexp.MustCompile(` — [^\[\n"]*`)

func plain(out string) string { return explanation.ReplaceAllString(out, " ") }
