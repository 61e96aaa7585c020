package markdown

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// marked shows src with the runs that are not prose in ⟦ ⟧.
func marked(src string, l Layout) string {
	var b strings.Builder
	at := 0
	for _, s := range l.Prose {
		if s.Start > at {
			b.WriteString("⟦" + src[at:s.Start] + "⟧")
		}
		b.WriteString(src[s.Start:s.Stop])
		at = s.Stop
	}
	if at < len(src) {
		b.WriteString("⟦" + src[at:] + "⟧")
	}
	return b.String()
}

func TestProse(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"کد `كتاب` و [x](/كتاب/)", "کد ⟦`كتاب`⟧ و [x]⟦(/كتاب/)⟧"},
		{"```\nكتاب\n```\nمتن", "⟦```\nكتاب\n```⟧\nمتن"},
		{"```go\nunclosed\n\nstill code", "⟦```go\nunclosed\n\nstill code⟧"},
		{"    code  x\n\ntext", "⟦    code  x⟧\n\ntext"},
		{"- item\n\n  ```\n  code\n  ```\n- two", "- item\n\n⟦  ```\n  code\n  ```⟧\n- two"},
		{"> ```\n> code\n> ```\n> text", "⟦> ```\n> code\n> ```⟧\n> text"},
		// An HTML block: its text is prose, its markup and the content of code-like elements are not.
		{"<div>\nمتن, كتاب\n</div>\n\nبعد", "⟦<div>⟧\nمتن, كتاب\n⟦</div>⟧\n\nبعد"},
		{"<p class=\"a>b\">متن &nbsp; <b>ب</b><!-- x > y --></p>", "⟦<p class=\"a>b\">⟧متن ⟦&nbsp;⟧ ⟦<b>⟧ب⟦</b><!-- x > y --></p>⟧"},
		{"<div>\n<pre>\nمتن, كد\n</pre>\nمتن < و & او\n</div>", "⟦<div>⟧\n⟦<pre>\nمتن, كد\n</pre>⟧\nمتن < و & او\n⟦</div>⟧"},
		{"<script>\nvar a = \"كد\";\n</script>", "⟦<script>\nvar a = \"كد\";\n</script>⟧"},
		{"<!--\nnote\n-->\nx", "⟦<!--\nnote\n-->⟧\nx"},
		{"[a]: /u \"t\"\n\n[b][a] و [a] و [a][] و [c][]", "⟦[a]: /u \"t\"⟧\n\n[b]⟦[a]⟧ و [a] و [a]⟦[]⟧ و [c][]"},
		{"a \\, b \\\\ c \\ق", "a ⟦\\,⟧ b ⟦\\\\⟧ c \\ق"},
		{"<https://x.org/1> و <span a=\"1\">7</span>", "⟦<https://x.org/1>⟧ و ⟦<span a=\"1\">⟧7⟦</span>⟧"},
		{"![alt](/img.png \"title\")", "![alt]⟦(/img.png \"title\")⟧"},
		{"**[a](u)**, b", "**[a]⟦(u)⟧**, b"},
		{"[![i](a)](b)", "[![i]⟦(a)⟧]⟦(b)⟧"},
		{"| a | `b` |\n|---|---|\n| c | d |", "| a | ⟦`b`⟧ |\n|---|---|\n| c | d |"},
		{"## پيامد [x](/y) ##", "## پيامد [x]⟦(/y)⟧ ##"},
		{"[a](u\n\"t\") b", "[a]⟦(u\n\"t\")⟧ b"},
		{"a `b\nc` d", "a ⟦`b\nc`⟧ d"},
		{"a `b`\r\nc\r\n", "a ⟦`b`⟧\r\nc\r\n"},
		{"~~x~~ *y* [z]", "~~x~~ *y* [z]"},
		{"", ""},
	} {
		if got := marked(tc.src, Prose([]byte(tc.src))); got != tc.want {
			t.Errorf("Prose(%q):\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

func TestInlineProse(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"    - فهرست `کد` [x](/y)", "    - فهرست ⟦`کد`⟧ [x]⟦(/y)⟧"},
		{"```\nکد\n```", "⟦```\nکد\n```⟧"}, // a code span over three lines
		{"# عنوان\n\n> نقل", "# عنوان\n\n> نقل"},
		{"[a]: /u", "[a]: /u"},
		{"| a | b |\n|---|---|", "| a | b |\n|---|---|"},
	} {
		if got := marked(tc.src, InlineProse([]byte(tc.src))); got != tc.want {
			t.Errorf("InlineProse(%q):\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

func TestProseLinks(t *testing.T) {
	src := "[a]: </ref one> \"t\"\n\nمتن [x](/fa/y/) و ![ت](/i.png) و [r][a] و [![i](/in.png)](/out/) و [t](at:2023-11-07T19:52) و <https://x.org>\n"
	var got []string
	for _, l := range Prose([]byte(src)).Links {
		got = append(got, fmt.Sprintf("%s %q %v", src[l.Pos:l.Pos+1], l.Dest, l.Image))
	}
	want := []string{`[ "/ref one" false`, `[ "/fa/y/" false`, `! "/i.png" true`, `[ "/out/" false`, `! "/in.png" true`, `[ "at:2023-11-07T19:52" false`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// textVisitor collects the Text segments walkProse reports, by whether they are prose.
type textVisitor struct{ prose, inCode []Segment }

func (v *textVisitor) block(ast.Node, bool)  {}
func (v *textVisitor) str(*ast.String, bool) {}
func (v *textVisitor) html(*ast.RawHTML)     {}
func (v *textVisitor) link(ast.Node)         {}
func (v *textVisitor) text(t *ast.Text, prose bool) {
	if prose {
		v.prose = append(v.prose, Segment{t.Segment.Start, t.Segment.Stop})
	}
}
func (v *textVisitor) code(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			v.inCode = append(v.inCode, Segment{t.Segment.Start, t.Segment.Stop})
		}
	}
}

// TestProseFollowsWalk: on the digits pass's cases and article, Prose says prose exactly where the
// walk that the digits pass follows finds prose text (but for backslash escapes), never inside
// code, and its segments are in order, not empty and not touching.
func TestProseFollowsWalk(t *testing.T) {
	_, cases := digitsReadCases(t)
	inputs := []string{digitsArticle}
	for _, c := range cases {
		inputs = append(inputs, c.markdown)
	}
	for _, in := range inputs {
		src := []byte(in)
		l := Prose(src)
		covered := make([]bool, len(src))
		last := -1
		for _, s := range l.Prose {
			if s.Start <= last || s.Stop <= s.Start || s.Stop > len(src) {
				t.Fatalf("%q: bad segments %v", in, l.Prose)
			}
			last = s.Stop
			for i := s.Start; i < s.Stop; i++ {
				covered[i] = true
			}
		}
		var v textVisitor
		walkProse(documentParser().Parse(text.NewReader(src)), &v)
		for _, s := range v.prose {
			for i := s.Start; i < s.Stop; i++ {
				if src[i] == '\\' && i+1 < s.Stop && util.IsPunct(src[i+1]) {
					i++
					continue
				}
				if !covered[i] {
					t.Errorf("%q: prose text %q is not in Prose", in, src[s.Start:s.Stop])
					break
				}
			}
		}
		for _, s := range v.inCode {
			for i := s.Start; i < s.Stop; i++ {
				if covered[i] {
					t.Errorf("%q: code %q is in Prose", in, src[s.Start:s.Stop])
					break
				}
			}
		}
	}
}

// TestAllProse: where allProse lets Prose skip the parse, the parse finds all prose too.
func TestAllProse(t *testing.T) {
	_, cases := digitsReadCases(t)
	inputs := strings.Split(digitsArticle, "\n\n")
	for _, c := range cases {
		inputs = append(inputs, c.markdown)
	}
	alphabet := []rune("ab سلام ۱2*_#>-|=!():\"'&;.,+\n\n   \ufeff\u200c")
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range rnd.IntN(40) {
			b.WriteRune(alphabet[rnd.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	checked := 0
	for _, in := range inputs {
		for _, inline := range []bool{false, true} {
			if !allProse([]byte(in), inline) {
				continue
			}
			checked++
			p := documentParser()
			if inline {
				p = inlineParser()
			}
			got := layoutOf([]byte(in), p)
			if len(got.Prose) != 1 || got.Prose[0] != (Segment{0, len(in)}) || len(got.Links) > 0 {
				t.Errorf("%q (inline %v): allProse, but the parse gives %+v", in, inline, got)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d inputs checked", checked)
	}
}
