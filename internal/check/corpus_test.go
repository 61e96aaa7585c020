package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/rokhdad/rokhdad/internal/markdown"
)

// A typoCase is one line of testdata/typography/*.jsonl: a Markdown text with mistakes and its
// correct form, or (want empty) a text that must stay as it is. scripts/virastar runs Virastar on
// the same files.
type typoCase struct {
	In   string `json:"in"`
	Want string `json:"want"`
	Note string `json:"note"`
	line int
}

func (c typoCase) want() string {
	if c.Want == "" {
		return c.In
	}
	return c.Want
}

func readCases(t testing.TB, name string) []typoCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []typoCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c typoCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
		if c.Want == c.In {
			t.Fatalf("%s:%d: want is the same as in; leave want out for a text that must stay", name, n)
		}
		c.line = n
		out = append(out, c)
	}
	return out
}

// TestTypographyCorpus runs Fix on every case of the corpus: each text with mistakes becomes its
// correct form, each text that must stay stays, a second Fix changes nothing, and what is not
// prose (code, link destinations, HTML, URLs) and the Markdown tree's shape survive. It prints the
// recall (cases fixed) and the cases harmed; the goal is all of the one and none of the other.
func TestTypographyCorpus(t *testing.T) {
	names, _ := filepath.Glob("testdata/typography/*.jsonl")
	total := 0
	for _, name := range names {
		cases := readCases(t, name)
		total += len(cases)
		fixed, fixes, harmed, keeps := 0, 0, 0, 0
		for _, c := range cases {
			got, changes := Fix(c.In)
			if c.Want != "" {
				fixes++
				if got == c.Want {
					fixed++
				}
			} else {
				keeps++
				if got != c.In {
					harmed++
				}
			}
			if got != c.want() {
				t.Errorf("%s:%d (%s):\n in   %s\n got  %s\n want %s\n%v", name, c.line, c.Note, show(c.In), show(got), show(c.want()), changes)
				continue
			}
			if again, more := Fix(got); again != got {
				t.Errorf("%s:%d: a second Fix changes %s to %s (%v)", name, c.line, show(got), show(again), more)
			}
			if err := sameStructure(c.In, got); err != nil {
				t.Errorf("%s:%d: %v", name, c.line, err)
			}
		}
		t.Logf("%s: fixed %d of %d (%.1f%%), harmed %d of %d", name, fixed, fixes, 100*float64(fixed)/float64(max(fixes, 1)), harmed, keeps)
	}
	if total < 150 {
		t.Errorf("the corpus has %d cases in %v; it is at least 150", total, names)
	}
}

// show makes the invisible characters of a case visible.
func show(s string) string {
	return strings.NewReplacer("\u200c", "{ZWNJ}", "\u0654", "{HAMZA}", "\n", "⏎").Replace(s)
}

// sameStructure reports how a fix changed more than prose: a run of the source that is not prose
// (markdown.Prose) missing from the result, in order, or a different tree of block and inline nodes.
func sameStructure(in, out string) error {
	lo := markdown.Prose([]byte(in))
	rest := out
	for _, g := range notProse(lo.Prose, len(in)) {
		piece := strings.TrimSpace(in[g.Start:g.Stop])
		if piece == "" {
			continue
		}
		i := strings.Index(rest, piece)
		if i < 0 {
			return fmt.Errorf("%q, which is not prose, is changed", piece)
		}
		rest = rest[i+len(piece):]
	}
	if a, b := shape(in), shape(out); a != b {
		return fmt.Errorf("the Markdown tree changed:\n%s\n%s", a, b)
	}
	return nil
}

var shapeParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// shape writes the kinds of the nodes of a Markdown document, without their text.
func shape(src string) string {
	doc := shapeParser.Parse(text.NewReader([]byte(src)))
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindText || n.Kind() == ast.KindString {
			return ast.WalkContinue, nil
		}
		if entering {
			b.WriteString(n.Kind().String() + "(")
		} else {
			b.WriteString(")")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
