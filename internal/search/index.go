package search

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one article as the index sees it. All strings are plain text (no HTML).
type Doc struct {
	URL     string // root-relative URL to link to, e.g. "/repo/fa/incidents/x/"
	Title   string
	Date    string // already formatted for display in the page language, e.g. "۱۷ آبان ۱۴۰۲"
	Summary string // stored cut to SummaryRunes runes; indexed whole
	// Terms is extra searchable text: services, tags, timeline texts, headings, body text — the
	// caller passes what it wants indexed, most important first (the body text last), because
	// only the first MaxDocTerms distinct terms of an article are indexed.
	Terms []string
}

// SummaryRunes is the length at which a stored summary is cut (at a word boundary, with "…").
const SummaryRunes = 160

// MaxDocTerms caps the distinct terms indexed for one article. Terms are taken in this order
// until the cap is reached: Title, Date, Summary, then Terms in the order given; the rest of the
// article's text is not indexed (and not even tokenized). With the title, date, summary,
// services, timeline and headings of an incident report taking about 90 terms, 200 leaves room
// for the first 200–250 words of the body. docs/search.md has the sizes behind the number.
const MaxDocTerms = 200

// Version is the index format version, written as "v".
const Version = 1

// Write writes the JSON index for docs to w, in the order given (which is the order results of
// equal rank are shown in: pass the newest first). The output depends only on docs. Format
// (docs/search.md has the details):
//
//	{"v":1,"prefix":P,"docs":[[URL,TITLE,DATE,SUMMARY],...],"terms":T,"postings":Q}
//
// P is the longest common prefix of the URLs up to a "/", and each stored URL is what follows
// it. T is the space-separated list of distinct terms, sorted in UTF-16 code-unit order (the
// order of JavaScript's < on strings). Q is the space-separated list of posting lists, one per
// term in the same order: the ascending indexes of the docs with the term, delta-encoded and
// written as variable-length numbers in printable ASCII (see appendNum).
func Write(w io.Writer, docs []Doc) error {
	ix := build(docs, MaxDocTerms)
	bw := bufio.NewWriterSize(w, 64<<10)
	ix.write(bw, docs)
	return bw.Flush()
}

type index struct {
	terms    []string  // distinct terms, in first-seen order
	postings [][]int32 // postings[id]: ascending doc indexes of term id
}

// build collects the terms of docs; maxTerms > 0 caps the distinct terms of one doc.
func build(docs []Doc, maxTerms int) *index {
	var (
		ix   index
		ids  = make(map[string]int32)
		last []int32 // last[id]: the last doc that term id was added for
		t    tokenizer
		doc  int32
		n    int // distinct terms of doc so far
	)
	// add adds a term of doc and reports whether doc may have more.
	add := func(tok []byte) bool {
		id, ok := ids[string(tok)]
		if !ok {
			id = int32(len(ix.terms))
			s := string(tok)
			ids[s] = id
			ix.terms = append(ix.terms, s)
			ix.postings = append(ix.postings, nil)
			last = append(last, -1)
		}
		if last[id] != doc {
			last[id] = doc
			ix.postings[id] = append(ix.postings[id], doc)
			n++
		}
		return maxTerms <= 0 || n < maxTerms
	}
	for i := range docs {
		d := &docs[i]
		doc, n = int32(i), 0
		if !t.each(d.Title, add) || !t.each(d.Date, add) || !t.each(d.Summary, add) {
			continue
		}
		for _, s := range d.Terms {
			if !t.each(s, add) {
				break
			}
		}
	}
	return &ix
}

func (ix *index) write(w *bufio.Writer, docs []Doc) {
	prefix := urlPrefix(docs)
	w.WriteString(`{"v":`)
	w.WriteString(strconv.Itoa(Version))
	w.WriteString(`,"prefix":`)
	writeString(w, prefix)
	w.WriteString(`,"docs":[`)
	for i := range docs {
		d := &docs[i]
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n[")
		writeString(w, d.URL[len(prefix):])
		w.WriteByte(',')
		writeString(w, oneLine(d.Title))
		w.WriteByte(',')
		writeString(w, oneLine(d.Date))
		w.WriteByte(',')
		writeString(w, truncate(oneLine(d.Summary), SummaryRunes))
		w.WriteByte(']')
	}
	w.WriteString("],\n")

	order := make([]int32, len(ix.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return compareUTF16(ix.terms[a], ix.terms[b]) })

	// Terms never need JSON escaping: they hold only letters, marks and numbers.
	w.WriteString(`"terms":"`)
	for i, id := range order {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(ix.terms[id])
	}
	w.WriteString("\",\n\"postings\":\"")
	var buf []byte
	for i, id := range order {
		buf = buf[:0]
		if i > 0 {
			buf = append(buf, ' ')
		}
		prev := int32(-1)
		for _, d := range ix.postings[id] {
			buf = appendNum(buf, uint32(d-prev-1))
			prev = d
		}
		w.Write(buf)
	}
	w.WriteString("\"}\n")
}

// appendNum appends v as a variable-length number of printable ASCII characters that need no
// escaping in JSON: zero or more continuation digits '#'..'?' (0x23–0x3F, base 29, least
// significant first) and one final digit from '@'..'~' without '\' (0x40–0x7E, 62 values).
// Values below 62 take one character, below 1,798 two, below 52,142 three.
func appendNum(dst []byte, v uint32) []byte {
	for v >= 62 {
		dst = append(dst, byte(0x23+v%29))
		v /= 29
	}
	c := byte(0x40 + v)
	if c >= '\\' {
		c++
	}
	return append(dst, c)
}

// urlPrefix returns the longest common prefix of the docs' URLs that ends with "/" ("" if none).
func urlPrefix(docs []Doc) string {
	if len(docs) == 0 {
		return ""
	}
	p := docs[0].URL
	for i := 1; i < len(docs) && p != ""; i++ {
		u := docs[i].URL
		n := 0
		for n < len(p) && n < len(u) && p[n] == u[n] {
			n++
		}
		p = p[:n]
	}
	return p[:strings.LastIndexByte(p, '/')+1]
}

// compareUTF16 compares a and b in the order of their UTF-16 code units, which is how
// JavaScript compares strings. It is UTF-8 byte order except where the first differing runes are
// one above U+FFFF (a surrogate pair, whose first unit U+D800–U+DBFF sorts first) and one in
// U+E000–U+FFFF; their UTF-8 lead bytes are 0xF0–0xF4 and 0xEE–0xEF.
func compareUTF16(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	if i == n {
		return cmp.Compare(len(a), len(b))
	}
	ca, cb := a[i], b[i]
	if ca >= 0xEE && cb >= 0xEE && (ca >= 0xF0) != (cb >= 0xF0) {
		if ca >= 0xF0 {
			return -1
		}
		return 1
	}
	return cmp.Compare(ca, cb)
}

// oneLine collapses runs of white space into one space and trims s.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c == ' ':
			clean = i > 0 && i < len(s)-1 && s[i+1] != ' '
		case c < ' ', c >= utf8.RuneSelf && !plainUTF8(s[i:]):
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainUTF8 reports whether the rune at the start of s is not white space. Only the runes that
// start with bytes 0xC2, 0xE1, 0xE2 and 0xE3 (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000)
// can be.
func plainUTF8(s string) bool {
	switch s[0] {
	case 0xC2, 0xE1, 0xE2, 0xE3:
		r, _ := utf8.DecodeRuneInString(s)
		return !unicode.IsSpace(r)
	}
	return true
}

// truncate cuts s to at most max runes plus "…", at the last space within the final quarter of
// the cut (or mid-word if there is none), without trailing punctuation or space.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut, n := 0, 0
	for i := range s {
		if n == max {
			cut = i
			break
		}
		n++
	}
	t := s[:cut]
	if sp := strings.LastIndexByte(t, ' '); sp > 0 && utf8.RuneCountInString(t[sp:]) <= max/4 {
		t = t[:sp]
	}
	t = strings.TrimRightFunc(t, func(r rune) bool { return mapRune(r) == sep || r == 0x200C })
	return t + "…"
}

// writeString writes s as a JSON string. Non-ASCII text is written as UTF-8; only '"', '\',
// control characters and U+2028/U+2029 are escaped, and invalid UTF-8 becomes U+FFFD.
// writeString writes s as a JSON string. Like encoding/json, it writes <, > and & as \u003c, \u003e
// and \u0026, so that the index is inert even if someone serves or embeds it as HTML.
func writeString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\t':
				w.WriteString(`\t`)
			case '\r':
				w.WriteString(`\r`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			w.WriteString(s[start:i])
			w.WriteString("\uFFFD")
			i += n
			start = i
			continue
		}
		if r == 0x2028 || r == 0x2029 {
			w.WriteString(s[start:i])
			w.WriteString(`\u202`)
			w.WriteByte(hex[r&0xF])
			i += n
			start = i
			continue
		}
		i += n
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
