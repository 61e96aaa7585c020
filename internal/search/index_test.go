package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/index.golden.json")

const goldenIndex = "testdata/index.golden.json"

// tinyCorpus is the corpus of the golden index, newest first. The browser script's tests search it.
func tinyCorpus() []Doc {
	return []Doc{
		{
			URL:     "/repo/fa/incidents/chatgpt-errors/",
			Title:   "افزایش نرخ خطا در ChatGPT",
			Date:    "۱۷ آبان ۱۴۰۲",
			Summary: "بخشی از کاربران هنگام ورود به سامانه با خطای ۵۰۳ روبه‌رو شدند.",
			Terms: []string{"ChatGPT", "API", "عمده", "آغاز بررسی گزارش‌های خطا", "رفع کامل مشکل",
				"علت ریشه‌ای",
				"مهندسان ما علت اصلی را در پیکربندی نادرست یکی از سرورهای پایگاه داده شناسایی کردند."},
		},
		{
			URL:     "/repo/fa/incidents/sora-slow/",
			Title:   "کندی پاسخ‌ها در سرویس Sora",
			Date:    "۲ مهر ۱۴۰۲",
			Summary: "در این مدت، پاسخ‌های مدل با تأخیر بیشتری نسبت به حالت عادی ارسال می‌شد.",
			Terms:   []string{"Sora", "جزئی", "شناسایی علت مشکل", "نرخ خطای درخواست‌ها در چند دقیقهٔ نخست افزایش یافت."},
		},
		{
			URL:     "/repo/fa/incidents/codex-outage/",
			Title:   "قطعی جزئی Codex",
			Date:    "۳۰ شهریور ۱۴۰۲",
			Summary: "Partial outage of Codex in Zürich; GPT-4 requests failed.",
			Terms:   []string{"Codex", "Voice mode", "بحرانی"},
		},
		{
			URL:   "/repo/fa/incidents/edge-cases/",
			Title: "\"Quoted\" \\ <b>not html</b>\u2028line",
			Date:  "",
			Summary: strings.Repeat("این یک خلاصهٔ بسیار طولانی است که باید کوتاه شود، ", 6) +
				"و این پایان آن است\u200c.",
			Terms: []string{"tab\there", "control\x01char", strings.Repeat("z", 50)},
		},
	}
}

func writeIndex(t testing.TB, docs []Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, docs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteGolden(t *testing.T) {
	got := writeIndex(t, tinyCorpus())
	if *update {
		if err := os.WriteFile(goldenIndex, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenIndex)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("index differs from %s (run go test ./internal/search -update and review the diff):\n%s", goldenIndex, got)
	}
}

func TestWriteDeterministic(t *testing.T) {
	docs := syntheticDocs(300, true)
	a := writeIndex(t, docs)
	for i := 0; i < 3; i++ {
		if b := writeIndex(t, docs); !bytes.Equal(a, b) {
			t.Fatal("two Writes of the same docs differ")
		}
	}
	// A copy of the input (new strings, same text) gives the same bytes.
	var cp []Doc
	if err := json.Unmarshal(must(json.Marshal(docs)), &cp); err != nil {
		t.Fatal(err)
	}
	if b := writeIndex(t, cp); !bytes.Equal(a, b) {
		t.Fatal("Write of a copy of the docs differs")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// parsed is an index read back: the URLs, titles, dates and summaries and, for each term, its docs.
type parsed struct {
	V        int
	Prefix   string
	Docs     [][4]string
	Terms    []string
	Postings map[string][]int
}

func parseIndex(t testing.TB, b []byte) parsed {
	t.Helper()
	var raw struct {
		V        int         `json:"v"`
		Prefix   string      `json:"prefix"`
		Docs     [][4]string `json:"docs"`
		Terms    string      `json:"terms"`
		Postings string      `json:"postings"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("index is not JSON: %v\n%s", err, b)
	}
	p := parsed{V: raw.V, Prefix: raw.Prefix, Docs: raw.Docs, Postings: map[string][]int{}}
	if raw.Terms == "" {
		if raw.Postings != "" {
			t.Fatalf("postings without terms")
		}
		return p
	}
	p.Terms = strings.Split(raw.Terms, " ")
	lists := strings.Split(raw.Postings, " ")
	if len(lists) != len(p.Terms) {
		t.Fatalf("%d terms, %d posting lists", len(p.Terms), len(lists))
	}
	for i, term := range p.Terms {
		docs, err := decodeNums(lists[i])
		if err != nil {
			t.Fatalf("term %q: %v", term, err)
		}
		p.Postings[term] = docs
	}
	return p
}

// decodeNums decodes a posting list written by appendNum, as the browser script does.
func decodeNums(s string) ([]int, error) {
	var out []int
	doc, v, m := -1, 0, 1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x23 && c < 0x40:
			v += int(c-0x23) * m
			m *= 29
		case c >= 0x40 && c <= 0x7E && c != '\\':
			d := int(c - 0x40)
			if c > '\\' {
				d--
			}
			v += d * m
			doc += v + 1
			out = append(out, doc)
			v, m = 0, 1
		default:
			return nil, fmt.Errorf("bad character %q in %q", c, s)
		}
	}
	if m != 1 {
		return nil, fmt.Errorf("unfinished number in %q", s)
	}
	return out, nil
}

// TestWriteContent reads the index back and checks it against the docs term by term.
func TestWriteContent(t *testing.T) {
	for _, docs := range [][]Doc{tinyCorpus(), syntheticDocs(500, true), nil} {
		p := parseIndex(t, writeIndex(t, docs))
		if p.V != Version || len(p.Docs) != len(docs) {
			t.Fatalf("v=%d, %d docs; want %d, %d", p.V, len(p.Docs), Version, len(docs))
		}
		want := map[string][]int{}
		for i, d := range docs {
			stored := p.Docs[i]
			if p.Prefix+stored[0] != d.URL || stored[1] != oneLine(d.Title) || stored[2] != oneLine(d.Date) {
				t.Errorf("doc %d stored as %q", i, stored)
			}
			if s := stored[3]; utf8.RuneCountInString(s) > SummaryRunes+1 {
				t.Errorf("doc %d: summary of %d runes", i, utf8.RuneCountInString(s))
			}
			n := 0 // distinct terms of doc i
		texts:
			for _, s := range append([]string{d.Title, d.Date, d.Summary}, d.Terms...) {
				for _, term := range Tokens(s) {
					if l := want[term]; len(l) == 0 || l[len(l)-1] != i {
						if n == MaxDocTerms {
							break texts
						}
						want[term] = append(l, i)
						n++
					}
				}
			}
		}
		if len(want) != len(p.Postings) {
			t.Errorf("%d terms, want %d", len(p.Postings), len(want))
		}
		for term, docs := range want {
			if !slices.Equal(p.Postings[term], docs) {
				t.Errorf("term %q: docs %v, want %v", term, p.Postings[term], docs)
			}
		}
		if !slices.IsSortedFunc(p.Terms, compareUTF16) {
			t.Error("terms are not sorted")
		}
		for i := 1; i < len(p.Terms); i++ {
			if p.Terms[i-1] == p.Terms[i] {
				t.Errorf("term %q twice", p.Terms[i])
			}
		}
	}
}

func TestWriteEmpty(t *testing.T) {
	got := string(writeIndex(t, nil))
	want := "{\"v\":1,\"prefix\":\"\",\"docs\":[],\n\"terms\":\"\",\n\"postings\":\"\"}\n"
	if got != want {
		t.Errorf("Write(nil) = %q, want %q", got, want)
	}
}

func TestAppendNum(t *testing.T) {
	vals := []uint32{0, 1, 27, 28, 61, 62, 63, 1797, 1798, 52141, 52142, 1 << 20, 1<<32 - 1}
	for i := 0; i < 1000; i++ {
		vals = append(vals, uint32(i))
	}
	for _, v := range vals {
		enc := appendNum(nil, v)
		if bytes.ContainsAny(enc, "\"\\ ") {
			t.Errorf("appendNum(%d) = %q", v, enc)
		}
		got, err := decodeNums(string(enc))
		if err != nil || len(got) != 1 || got[0] != int(v) {
			t.Errorf("decode(appendNum(%d) = %q) = %v, %v", v, enc, got, err)
		}
	}
	for _, c := range []struct {
		v uint32
		n int
	}{{61, 1}, {62, 2}, {1797, 2}, {1798, 3}, {52141, 3}, {52142, 4}} {
		if got := len(appendNum(nil, c.v)); got != c.n {
			t.Errorf("len(appendNum(%d)) = %d, want %d", c.v, got, c.n)
		}
	}
}

func TestCompareUTF16(t *testing.T) {
	key := func(s string) []uint16 { return utf16.Encode([]rune(s)) }
	runes := []rune{'a', 'z', 'é', 'ی', 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var a, b []rune
		for n := rng.IntN(4); n > 0; n-- {
			a = append(a, runes[rng.IntN(len(runes))])
		}
		for n := rng.IntN(4); n > 0; n-- {
			b = append(b, runes[rng.IntN(len(runes))])
		}
		want := slices.Compare(key(string(a)), key(string(b)))
		if got := compareUTF16(string(a), string(b)); got != want {
			t.Fatalf("compareUTF16(%+q, %+q) = %d, want %d", string(a), string(b), got, want)
		}
	}
}

func TestURLPrefix(t *testing.T) {
	for _, c := range []struct {
		urls []string
		want string
	}{
		{[]string{"/repo/fa/incidents/a/", "/repo/fa/incidents/b/"}, "/repo/fa/incidents/"},
		{[]string{"/repo/fa/incidents/ab/", "/repo/fa/incidents/ac/"}, "/repo/fa/incidents/"},
		{[]string{"/repo/fa/incidents/a/"}, "/repo/fa/incidents/a/"},
		{[]string{"/repo/fa/x/", "/repo/en/y/"}, "/repo/"},
		{[]string{"a", "b"}, ""},
	} {
		var docs []Doc
		for _, u := range c.urls {
			docs = append(docs, Doc{URL: u})
		}
		if got := urlPrefix(docs); got != c.want {
			t.Errorf("urlPrefix(%q) = %q, want %q", c.urls, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("کلمه ", 50)
	for _, c := range []struct {
		in, want string
		max      int
	}{
		{"short", "short", 160},
		{"abcdefghij", "abcdefghij", 10},
		{"abcdefghijk", "abcdefghij…", 10},
		{"abcd efghijk", "abcd efghi…", 10}, // the space is not in the last quarter
		{"abcdefgh, ijk", "abcdefgh…", 10},
		{long, strings.TrimSpace(long[:len(strings.Repeat("کلمه ", 32))]) + "…", 160},
		{"این\u200cیک", "این…", 4},
	} {
		if got := truncate(c.in, c.max); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func TestWriteStringEscapes(t *testing.T) {
	in := "a\"b\\c\n\t\r\x01\x7f<>&\u2028\u2029ی\xff"
	docs := []Doc{{URL: "/x/", Title: in, Summary: in}}
	var got [][4]string
	var raw struct{ Docs json.RawMessage }
	if err := json.Unmarshal(writeIndex(t, docs), &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw.Docs, &got); err != nil {
		t.Fatal(err)
	}
	want := oneLine(strings.ToValidUTF8(in, "\uFFFD"))
	if got[0][1] != want {
		t.Errorf("title read back as %+q, want %+q", got[0][1], want)
	}
	if bytes.ContainsAny(raw.Docs, "\u2028\u2029") {
		t.Error("U+2028/U+2029 not escaped")
	}
}

func TestMaxDocTerms(t *testing.T) {
	docs := []Doc{{URL: "/a/", Title: "one two", Terms: []string{"three four five six"}}}
	ix := build(docs, 3)
	if !slices.Equal(ix.terms, []string{"one", "two", "three"}) {
		t.Errorf("terms with a cap of 3: %q", ix.terms)
	}
}

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a b", "a b"},
		{"مدیریت ماه", "مدیریت ماه"},
		{" a", "a"},
		{"a ", "a"},
		{"a  b", "a b"},
		{"a\nb", "a b"},
		{"a\u00a0b", "a b"},
		{"a\u0085b", "a b"},
		{"a\u2003\u3000b", "a b"},
		{"a\u200cb", "a\u200cb"},
		{"\tم\r\nم ", "م م"},
	} {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%+q) = %+q, want %+q", c.in, got, c.want)
		}
		if got, want := oneLine(c.in), strings.Join(strings.Fields(c.in), " "); got != want {
			t.Errorf("oneLine(%+q) = %+q, strings.Fields gives %+q", c.in, got, want)
		}
	}
}
