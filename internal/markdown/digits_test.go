package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/rokhdad/rokhdad/internal/digits"
)

// digitsUpdate rewrites the expected HTML of testdata/digits/cases.txt (review every diff!).
var digitsUpdate = flag.Bool("digits.update", false, "rewrite the expected HTML in testdata/digits/cases.txt")

const (
	digitsCasesFile = "testdata/digits/cases.txt"
	digitsSepLine   = "//- - - - - - - - -//"
	digitsEndLine   = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

type digitsCase struct {
	no          string
	options     []string
	description string
	markdown    string
	expected    string
	wantAt      [2]int // line range (0-based, end exclusive) of the expected HTML in the file
}

// digitsReadCases parses the golden file; see its header for the format.
func digitsReadCases(tb testing.TB) ([]string, []digitsCase) {
	tb.Helper()
	data, err := os.ReadFile(digitsCasesFile)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var cases []digitsCase
	i := 0
	for i < len(lines) {
		line := lines[i]
		if line == "" || (len(cases) == 0 && strings.HasPrefix(line, "#")) {
			i++
			continue
		}
		head, desc, ok := strings.Cut(line, ":")
		if !ok {
			tb.Fatalf("%s:%d: want a case header \"<number>[ <option>...]: <description>\", got %q", digitsCasesFile, i+1, line)
		}
		fields := strings.Fields(head)
		c := digitsCase{no: fields[0], options: fields[1:], description: strings.TrimSpace(desc)}
		if i+1 >= len(lines) || lines[i+1] != digitsSepLine {
			tb.Fatalf("%s:%d: want %s after the case header", digitsCasesFile, i+2, digitsSepLine)
		}
		i += 2
		start := i
		for i < len(lines) && lines[i] != digitsSepLine {
			i++
		}
		if i == len(lines) {
			tb.Fatalf("%s: case %s: no %s after the Markdown", digitsCasesFile, c.no, digitsSepLine)
		}
		c.markdown = strings.Join(lines[start:i], "\n") + "\n"
		i++
		start = i
		for i < len(lines) && lines[i] != digitsEndLine {
			i++
		}
		if i == len(lines) {
			tb.Fatalf("%s: case %s: no %s after the HTML", digitsCasesFile, c.no, digitsEndLine)
		}
		if i > start {
			c.expected = strings.Join(lines[start:i], "\n") + "\n"
		}
		c.wantAt = [2]int{start, i}
		i++
		cases = append(cases, c)
	}
	return lines, cases
}

// digitsMarkdown builds goldmark with the case options; withDigits adds the extension.
func digitsMarkdown(tb testing.TB, options []string, withDigits bool) goldmark.Markdown {
	tb.Helper()
	var exts []goldmark.Extender
	var ropts []renderer.Option
	unsafe := true
	var digitOpts []digits.Option
	for _, o := range options {
		switch {
		case o == "linkify":
			exts = append(exts, extension.Linkify)
		case o == "typographer":
			exts = append(exts, extension.Typographer)
		case o == "gfm":
			exts = append(exts, extension.GFM)
		case o == "footnote":
			exts = append(exts, extension.Footnote)
		case o == "safe":
			unsafe = false
		case o == "hardwraps":
			ropts = append(ropts, html.WithHardWraps())
		case strings.HasPrefix(o, "zero="):
			r, size := utf8.DecodeRuneInString(o[len("zero="):])
			if size != len(o)-len("zero=") {
				tb.Fatalf("option %q: want one rune", o)
			}
			digitOpts = append(digitOpts, digits.WithZero(r))
		default:
			tb.Fatalf("unknown case option %q", o)
		}
	}
	if unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	if withDigits {
		exts = append(exts, NewDigits(digitOpts...))
	}
	return goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithRendererOptions(ropts...))
}

func digitsRender(tb testing.TB, md goldmark.Markdown, src string) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.String()
}

func TestDigitsCases(t *testing.T) {
	lines, cases := digitsReadCases(t)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	var updated []string
	from := 0
	for _, c := range cases {
		got := digitsRender(t, digitsMarkdown(t, c.options, true), c.markdown)
		if *digitsUpdate {
			updated = append(updated, lines[from:c.wantAt[0]]...)
			if got != "" {
				updated = append(updated, strings.Split(strings.TrimSuffix(got, "\n"), "\n")...)
			}
			from = c.wantAt[1]
			continue
		}
		if got != c.expected {
			t.Errorf("case %s (%s)\nmarkdown:\n%s\ngot:\n%s\nwant:\n%s", c.no, c.description, c.markdown, got, c.expected)
		}
	}
	if *digitsUpdate {
		updated = append(updated, lines[from:]...)
		if err := os.WriteFile(digitsCasesFile, []byte(strings.Join(updated, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s: review the diff", digitsCasesFile)
	}
}

// TestDigitsDisabled: a zero that disables the pass leaves the output byte-identical to goldmark.
func TestDigitsDisabled(t *testing.T) {
	_, cases := digitsReadCases(t)
	inputs := []string{digitsArticle}
	for _, c := range cases {
		inputs = append(inputs, c.markdown)
	}
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, extension.Typographer}
	plain := goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithRendererOptions(html.WithUnsafe()))
	for _, zero := range []rune{'0', 0, -1, 'a', '1', '۵', '٥', 0x1D7D3, utf8.MaxRune, utf8.MaxRune + 1} {
		md := goldmark.New(goldmark.WithExtensions(append(exts[:len(exts):len(exts)], NewDigits(digits.WithZero(zero)))...),
			goldmark.WithRendererOptions(html.WithUnsafe()))
		for _, in := range inputs {
			if got, want := digitsRender(t, md, in), digitsRender(t, plain, in); got != want {
				t.Errorf("zero %U: output differs from goldmark for %q:\ngot:  %q\nwant: %q", zero, in, got, want)
			}
		}
		if got := ConvertDigits("2023 و 3.5", zero); got != "2023 و 3.5" {
			t.Errorf("ConvertDigits(_, %U) = %q, want the input", zero, got)
		}
	}
}

// TestDigitsLineBreaks checks the node surgery directly: the newline and the ZWNJ survive and
// only digits change.
func TestDigitsLineBreaks(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(PersianDigits))
	for in, want := range map[string]string{
		"الف 1\nب 2":                     "<p>الف ۱\nب ۲</p>\n",
		"الف 1  \nب 2":                   "<p>الف ۱<br>\nب ۲</p>\n",
		"12\n34\n":                       "<p>۱۲\n۳۴</p>\n",
		"می\u200cشود 5\u200cتا\n6":       "<p>می\u200cشود ۵\u200cتا\n۶</p>\n",
		"*1*\n2 _3_ **4**  \n5 [6](7)\n": "<p><em>۱</em>\n۲ <em>۳</em> <strong>۴</strong><br>\n۵ <a href=\"7\">۶</a></p>\n",
	} {
		if got := digitsRender(t, md, in); got != want {
			t.Errorf("%q:\ngot:  %q\nwant: %q", in, got, want)
		}
	}
}

// TestDigitsConcurrent renders with one goldmark instance from several goroutines (the
// transformer pools its working memory).
func TestDigitsConcurrent(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, PersianDigits))
	want := digitsRender(t, md, digitsArticle)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var buf bytes.Buffer
				if err := md.Convert([]byte(digitsArticle), &buf); err != nil || buf.String() != want {
					errs <- fmt.Sprintf("concurrent render differs (err %v)", err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// digitsFold maps the digits and separators the extension writes back to ASCII, so that outputs
// with and without the extension can be compared. Invalid UTF-8 is copied as is.
func digitsFold(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r >= '۰' && r <= '۹':
			out = append(out, byte('0'+r-'۰'))
		case r >= '٠' && r <= '٩':
			out = append(out, byte('0'+r-'٠'))
		case r == '٫':
			out = append(out, '.')
		case r == '٬':
			out = append(out, ',')
		case r == '٪':
			out = append(out, '%')
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// FuzzDigitsExtension: goldmark with the extension never panics, keeps valid UTF-8 valid, and
// differs from goldmark without it only in digits and the three separators.
func FuzzDigitsExtension(f *testing.F) {
	_, cases := digitsReadCases(f)
	for _, c := range cases {
		f.Add(c.markdown)
	}
	f.Add(digitsArticle)
	type pair struct{ plain, digits goldmark.Markdown }
	var pairs []pair
	for _, exts := range [][]goldmark.Extender{
		nil,
		{extension.GFM, extension.Footnote, extension.Typographer, extension.DefinitionList},
	} {
		plain := goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithRendererOptions(html.WithUnsafe()))
		digits := goldmark.New(goldmark.WithExtensions(append(exts[:len(exts):len(exts)], PersianDigits)...),
			goldmark.WithRendererOptions(html.WithUnsafe()))
		pairs = append(pairs, pair{plain, digits})
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			return
		}
		for _, p := range pairs {
			var want, got bytes.Buffer
			if err := p.plain.Convert([]byte(src), &want); err != nil {
				return
			}
			if err := p.digits.Convert([]byte(src), &got); err != nil {
				t.Fatalf("goldmark fails only with the extension: %v", err)
			}
			if utf8.ValidString(src) && !utf8.Valid(got.Bytes()) {
				t.Fatalf("invalid UTF-8 output for valid input %q: %q", src, got.Bytes())
			}
			if !bytes.Equal(digitsFold(got.Bytes()), digitsFold(want.Bytes())) {
				t.Fatalf("extension changed more than digits for %q:\ngot:  %q\nwant: %q", src, got.Bytes(), want.Bytes())
			}
		}
	})
}

func BenchmarkDigits(b *testing.B) {
	src := []byte(digitsArticle)
	for _, bc := range []struct {
		name string
		exts []goldmark.Extender
	}{
		{"plain", []goldmark.Extender{extension.GFM}},
		{"digits", []goldmark.Extender{extension.GFM, PersianDigits}},
	} {
		md := goldmark.New(goldmark.WithExtensions(bc.exts...))
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := md.Convert(src, &buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// digitsArticle is a Persian news article of about 650 words with numbers of every kind, for the
// benchmark, the fuzz corpus and the disabled-pass test.
var digitsArticle = func() string {
	b, err := os.ReadFile(filepath.Join("testdata", "digits", "article.md"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func TestDigitsArticle(t *testing.T) {
	if n := len(strings.Fields(digitsArticle)); n < 600 || n > 700 {
		t.Errorf("benchmark article has %d words, want about 650", n)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, PersianDigits))
	got := digitsRender(t, md, digitsArticle)
	for _, want := range []string{
		"ساعت ۱۹:۵۲", "۱۴ آذر ۱۴۰۲", "۶٫۲ ریشتر", "۱٬۳۴۰ زخمی", "۶۰٪", "<code>10.0.0.12</code>",
		"نسخهٔ 2.4.1", "SeisComP 5", "192.168.10.4", "iOS 17 و Android 14", "#زلزله_۱۴۰۲",
		"۱۴۰۲/۱۰/۰۱", "Earthquake Response 2023", `href="https://news.example.org/2023/12/05/quake-1402"`,
		"<h1>زلزلهٔ ۶٫۲ ریشتری",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("article output lacks %q", want)
		}
	}
}

// TestDigitsAfterLatinWord: rule 3 of the token rules (a number right after a Latin word keeps its
// digits, one in brackets or quotes after it does not; see digits.TestProseAfterLatinWord) holds in
// Markdown as in plain strings (titles, summaries).
func TestDigitsAfterLatinWord(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(PersianDigits))
	for _, in := range []string{
		"ChatGPT (13)",
		"گزارش‌های ChatGPT (13) و Gemini (2)",
		"ChatGPT [13]",
		"ChatGPT «13»",
		"ChatGPT \"13\"",
		"GPT-4 (2023)",
		"ChatGPT (v13)",
		"ChatGPT (1.2.3)",
		"iOS 17",
		"iOS 17)",
		"Windows 11، macOS 14",
		"(ChatGPT 13)",
		"ChatGPT  (13)",
	} {
		want := "<p>" + strings.ReplaceAll(ConvertDigits(in, '۰'), "\"", "&quot;") + "</p>\n"
		if got := digitsRender(t, md, in); got != want {
			t.Errorf("Markdown %q = %q, want %q", in, got, want)
		}
	}
}
