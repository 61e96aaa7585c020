package build

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// unterminated returns a description of the first explicit bidi control in text that a line does
// not close (an embedding, override or isolate still open at the line's end) or that closes nothing
// on its line, and of the first control character other than tab and line feed; "" when there is
// none. It is the test's own reading of the Unicode bidi algorithm's matching (UAX #9 BD9, X6a, X7),
// independent of internal/bidi.
func unterminated(text string) string {
	for n, line := range strings.Split(text, "\n") {
		var stack []rune // openers; true isolates are 2066–2068
		for col, r := range line {
			where := fmt.Sprintf("line %d byte %d: %U", n+1, col, r)
			switch {
			case r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f:
				return where + " is a control character"
			case r >= 0x202a && r <= 0x202e && r != 0x202c, r >= 0x2066 && r <= 0x2068:
				stack = append(stack, r)
			case r == 0x202c:
				if len(stack) == 0 || stack[len(stack)-1] >= 0x2066 {
					return where + " closes no embedding"
				}
				stack = stack[:len(stack)-1]
			case r == 0x2069:
				i := len(stack) - 1
				for i >= 0 && stack[i] < 0x2066 {
					i--
				}
				if i < 0 {
					return where + " closes no isolate"
				}
				if i != len(stack)-1 {
					return fmt.Sprintf("%s closes an isolate around the unclosed %U", where, stack[len(stack)-1])
				}
				stack = stack[:i]
			}
		}
		if len(stack) > 0 {
			return fmt.Sprintf("line %d: %U is never closed", n+1, stack[len(stack)-1])
		}
	}
	return ""
}

// jsonUnicode matches the JSON escapes of control characters and explicit bidi controls.
var jsonUnicode = regexp.MustCompile(`\\u(00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|202[a-eA-E]|206[6-9])|\\[bfr]`)

// TestBidiControlsDoNotLeak builds articles whose title, summary, service, tag, image text and
// timeline text hold unbalanced bidi embeddings, overrides and isolates and control characters,
// and checks every file the build wrote: no control is left open or stray on any line, in the
// text as written or as HTML character references or JSON escapes; and the title is the same clean
// value in the page, the feeds and incidents.json. ZWNJ, LRM and RLM, and balanced isolates, stay.
func TestBidiControlsDoNotLeak(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	const (
		// U+202E RLO never closed; a bell; a balanced isolate; ZWNJ and RLM.
		title = "Evil \u202eat 10:00 UTC\a \u2067نمی\u200cخواهم\u2069 \u200f!"
		// A stray PDI, then an RLI never closed; a backspace and a form feed.
		summary = "before\u2069 after \u2067open\b\f end"
		service = "svc\u202b"                                                        // RLE never closed
		tag     = "\u2066tag\u202c"                                                  // LRI never closed, and a PDF that closes nothing
		alt     = "alt\u202d text\r"                                                 // LRO never closed, a carriage return
		entry   = "a\u202db\u2069c\x1bd"                                             // LRO, then a PDI that closes no isolate, then ESC
		clean   = "Evil \u202eat 10:00 UTC \u2067نمی\u200cخواهم\u2069 \u200f!\u202c" // RLO closed at the end
	)
	q := strconv.QuoteToASCII // TOML basic strings take the same \uXXXX escapes
	article := "+++\n" +
		"title = " + q(title) + "\n" +
		"date = 2023-11-09T10:00:00Z\n" +
		"summary = " + q(summary) + "\n" +
		"services = [" + q(service) + "]\n" +
		"tags = [" + q(tag) + "]\n" +
		"image = \"css/site.css\"\n" +
		"image_alt = " + q(alt) + "\n" +
		"image_credit = " + q(alt) + "\n" +
		"timezone = \"UTC\"\n\n" +
		"[[timeline]]\nat = \"2023-11-09 10:00\"\nstatus = \"investigating\"\ntext = " + q(entry) + "\n" +
		"+++\n\nBody.\n"
	// strconv.QuoteToASCII writes \a, \x1b and \v, which TOML does not have: spell them as \u.
	article = strings.NewReplacer(`\a`, `\u0007`, `\x1b`, `\u001b`, `\v`, `\u000b`).Replace(article)
	for _, lang := range []string{"en", "fa"} {
		if err := os.WriteFile(filepath.Join(site, "content", lang, "incidents", "evil.md"), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := buildSite(t, site)

	files := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".xml" && ext != ".json" && ext != ".txt" {
			return nil
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		text := string(b)
		if m := jsonUnicode.FindString(text); m != "" && ext == ".json" {
			t.Errorf("%s escapes a control character: %s", rel, m)
		}
		if u := unterminated(text); u != "" {
			t.Errorf("%s: %s", rel, u)
		}
		// Character references: the HTML (and, unescaped twice, the RSS) as a reader decodes it.
		if u := unterminated(html.UnescapeString(html.UnescapeString(text))); u != "" && ext != ".json" {
			t.Errorf("%s, character references decoded: %s", rel, u)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("checked only %d files", files)
	}

	// One clean value everywhere.
	page := read(t, filepath.Join(dest, "en", "incidents", "evil", "index.html"))
	if want := "<title>" + html.EscapeString(clean); !strings.Contains(page, want) {
		t.Errorf("the page's <title> is not the clean title %q:\n%s", want, page[:min(len(page), 600)])
	}
	var inc struct{ Incidents []struct{ ID, Title string } }
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, "en", "incidents.json"))), &inc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range inc.Incidents {
		if in.ID == "incidents/evil" {
			found = true
			if in.Title != clean {
				t.Errorf("incidents.json title = %q, want %q", in.Title, clean)
			}
		}
	}
	if !found {
		t.Error("incidents.json lacks the article")
	}
	if atom := read(t, filepath.Join(dest, "en", "atom.xml")); !strings.Contains(atom, "<title>"+html.EscapeString(clean)+"</title>") {
		t.Errorf("atom.xml lacks the clean title %q", clean)
	}
}
