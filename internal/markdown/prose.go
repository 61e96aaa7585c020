package markdown

import (
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Segment is the run src[Start:Stop] of a document's source.
type Segment struct{ Start, Stop int }

// A Link is a link, an image or a link reference definition of a document.
type Link struct {
	Pos   int    // offset of its "[" in the source ("!" for an image)
	Dest  string // its destination, as goldmark reads it
	Image bool
}

// A Layout says where the prose and the links of a Markdown document are in its source, for rules
// that read the source as written (rokhdad check's typography and links).
type Layout struct {
	// Prose are the runs of the source that are prose, in order, neither empty nor touching: what
	// walkProse (walk.go) calls prose, with the Markdown punctuation around it (emphasis
	// delimiters, the brackets of a link's text, list and heading markers, table pipes) and the
	// line ends, so that a rule sees what stands next to a word. What is left out: code spans and
	// code blocks (with their backticks and fences), HTML blocks and inline tags, autolinks, the
	// destinations, titles and reference labels of links and images, link reference definitions,
	// and backslash escapes (a character written as is). A block that is not prose takes its whole
	// lines.
	Prose []Segment
	// Links are the links and images that have a destination of their own (not those that take
	// one from a reference definition) and the link reference definitions, in order of Pos.
	Links []Link
}

// Prose returns the layout of a Markdown document, parsed as a Renderer parses it.
func Prose(src []byte) Layout {
	if allProse(src, false) {
		return Layout{Prose: []Segment{{0, len(src)}}}
	}
	return layoutOf(src, documentParser())
}

// InlineProse returns the layout of a short piece of Markdown such as a front matter string, in
// which no block is recognised: every line is text of a paragraph, and only inline code, links,
// autolinks, HTML tags and backslash escapes are not prose.
func InlineProse(src []byte) Layout {
	if allProse(src, true) {
		return Layout{Prose: []Segment{{0, len(src)}}}
	}
	return layoutOf(src, inlineParser())
}

// allProse reports whether src (not empty) holds nothing that is not prose, so that the parse can
// be skipped: no character that starts code, HTML, an autolink, a link or an escape, and, in a
// document, no fence of tildes and no tab or four spaces that could indent code.
// TestAllProse checks it against the parse.
func allProse(src []byte, inline bool) bool {
	spaces := 0
	for _, c := range src {
		switch {
		case c == '`' || c == '<' || c == '[' || c == '\\':
			return false
		case inline:
		case c == '~' || c == '\t':
			return false
		case c == ' ':
			if spaces++; spaces == 4 {
				return false
			}
			continue
		}
		spaces = 0
	}
	return len(src) > 0
}

var (
	documentParser = sync.OnceValue(func() parser.Parser { return newLayoutParser(false) })
	inlineParser   = sync.OnceValue(func() parser.Parser { return newLayoutParser(true) })
)

// newLayoutParser returns goldmark's parser with the extensions of a Renderer (or, inline, a
// paragraph's only), whose parsers of code spans, links, autolinks, raw HTML and fenced code
// record where the nodes they make end: goldmark's tree says where a node starts, not where it
// ends.
func newLayoutParser(inline bool) parser.Parser {
	inlines := parser.DefaultInlineParsers()
	for i, p := range inlines {
		switch p.Value {
		case parser.NewCodeSpanParser(), parser.NewLinkParser(), parser.NewAutoLinkParser(), parser.NewRawHTMLParser():
			inlines[i].Value = inlineEnds{p.Value.(parser.InlineParser)}
		}
	}
	opts := []parser.Option{parser.WithInlineParsers(inlines...)}
	exts := syntax()
	if inline {
		opts = append(opts, parser.WithBlockParsers(util.Prioritized(indentedParagraphs{parser.NewParagraphParser()}, 1000)))
		exts = []goldmark.Extender{extension.Strikethrough} // tables are blocks
	} else {
		blocks := parser.DefaultBlockParsers()
		for i, b := range blocks {
			if b.Value == parser.NewFencedCodeBlockParser() {
				blocks[i].Value = fenceEnds{parser.NewFencedCodeBlockParser()}
			}
		}
		opts = append(opts, parser.WithBlockParsers(blocks...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	}
	return goldmark.New(goldmark.WithParser(parser.NewParser(opts...)), goldmark.WithExtensions(exts...)).Parser()
}

var endsKey = parser.NewContextKey()

// ends maps a node to the source it was parsed from: for a link or an image, from its closing "]".
type ends map[ast.Node]Segment

// record notes that n was parsed from from to to, if pc has a table for it.
func record(pc parser.Context, n ast.Node, from, to int) {
	if e, ok := pc.Get(endsKey).(ends); ok {
		e[n] = Segment{from, to}
	}
}

// inlineEnds records the source of the code spans, autolinks and HTML tags that its parser makes,
// and of a link or an image from its closing "]".
type inlineEnds struct{ parser.InlineParser }

func (p inlineEnds) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	_, from := block.Position()
	n := p.InlineParser.Parse(parent, block, pc)
	if n != nil {
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindLink, ast.KindImage, ast.KindAutoLink, ast.KindRawHTML:
			_, to := block.Position()
			record(pc, n, from.Start, to.Start)
		}
	}
	return n
}

// CloseBlock passes the call on (the link parser closes unclosed brackets in it).
func (p inlineEnds) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := p.InlineParser.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

// indentedParagraphs makes a paragraph of an indented line too (goldmark's paragraph parser
// leaves it to the indented code parser).
type indentedParagraphs struct{ parser.BlockParser }

func (indentedParagraphs) CanAcceptIndentedLine() bool { return true }

// fenceEnds records the end of the closing fence of a fenced code block.
type fenceEnds struct{ parser.BlockParser }

func (p fenceEnds) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	_, seg := reader.PeekLine()
	s := p.BlockParser.Continue(node, reader, pc)
	if s == parser.Close {
		record(pc, node, seg.Start, seg.Stop)
	}
	return s
}

// layoutOf parses src with p and walks the document.
func layoutOf(src []byte, p parser.Parser) Layout {
	e := ends{}
	pc := parser.NewContext()
	pc.Set(endsKey, e)
	doc := p.Parse(text.NewReader(src), parser.WithContext(pc))
	l := &layout{src: src, ends: e}
	walkProse(doc, l)
	return l.result()
}

// layout is the proseVisitor that finds what of a document is not prose.
type layout struct {
	src   []byte
	ends  ends
	skip  []Segment // not prose, in any order
	links []Link
}

func (l *layout) block(n ast.Node, prose bool) {
	if prose {
		return
	}
	first, last := n.Pos(), n.Pos()
	if lines := n.Lines(); lines.Len() > 0 {
		if first < 0 {
			first = lines.At(0).Start
		}
		first, last = min(first, lines.At(0).Start), max(last, lines.At(lines.Len()-1).Stop)
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		last = max(last, h.ClosureLine.Stop)
	}
	if s, ok := l.ends[n]; ok {
		last = max(last, s.Stop)
	}
	if first < 0 {
		return
	}
	// Whole lines: from the start of the first to the end of the last.
	for first > 0 && l.src[first-1] != '\n' {
		first--
	}
	last = min(max(last, first+1), len(l.src))
	for last < len(l.src) && l.src[last-1] != '\n' {
		last++
	}
	if l.src[last-1] == '\n' {
		last-- // the line's end is prose, as between any two lines
	}
	if _, ok := n.(*ast.HTMLBlock); ok {
		l.skip = htmlMarkup(l.src, first, last, l.skip)
		return
	}
	l.skip = append(l.skip, Segment{first, last})
	if d, ok := n.(*ast.LinkReferenceDefinition); ok {
		l.links = append(l.links, Link{Pos: d.Pos(), Dest: string(d.Destination)})
	}
}

// htmlMarkup appends to skip what of the HTML block src[first:last] is not text a reader sees: tags
// (with their attributes), comments, declarations, character references (&nbsp;) and everything
// inside the elements whose content is not prose (pre, code, script, style, textarea and the like).
func htmlMarkup(src []byte, first, last int, skip []Segment) []Segment {
	i := first
	for i < last {
		switch c := src[i]; {
		case c == '&':
			j := i + 1
			for j < last && j-i < 32 && (isAlnum(src[j]) || src[j] == '#') {
				j++
			}
			if j < last && src[j] == ';' && j > i+1 {
				skip = append(skip, Segment{i, j + 1})
				i = j + 1
				continue
			}
			i++
		case c == '<' && i+1 < last && (isAlpha(src[i+1]) || src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?'):
			end := tagEnd(src, i, last)
			if name := tagName(src[i+1 : end]); rawElements[name] && src[i+1] != '/' {
				// Up to the end of the element's closing tag, or of the block.
				close := []byte("</" + name)
				k := end
				for k < last && !(src[k] == '<' && hasPrefixFold(src[k:last], close)) {
					k++
				}
				end = tagEnd(src, k, last)
			}
			skip = append(skip, Segment{i, end})
			i = end
		default:
			i++
		}
	}
	return skip
}

// rawElements hold no prose: code and preformatted text, scripts, styles, form fields, formulas.
var rawElements = map[string]bool{"pre": true, "code": true, "kbd": true, "samp": true, "var": true, "script": true,
	"style": true, "textarea": true, "math": true, "svg": true, "template": true}

// tagEnd returns the offset after the markup that starts with "<" at src[i]: after its ">" (outside
// quoted attribute values), after "-->" for a comment, or last.
func tagEnd(src []byte, i, last int) int {
	if hasPrefixFold(src[i:last], []byte("<!--")) {
		for k := i + 4; k+3 <= last; k++ {
			if src[k] == '-' && src[k+1] == '-' && src[k+2] == '>' {
				return k + 3
			}
		}
		return last
	}
	var quote byte
	for k := i + 1; k < last; k++ {
		switch c := src[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		}
	}
	return last
}

// tagName is the lower-case name of the tag whose text after "<" is s.
func tagName(s []byte) string {
	s = bytesTrimPrefix(s, '/')
	n := 0
	for n < len(s) && (isAlnum(s[n]) || s[n] == '-') {
		n++
	}
	b := make([]byte, n)
	for k := range n {
		b[k] = s[k] | 0x20
	}
	return string(b)
}

func bytesTrimPrefix(s []byte, c byte) []byte {
	if len(s) > 0 && s[0] == c {
		return s[1:]
	}
	return s
}

func hasPrefixFold(s, prefix []byte) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k, c := range prefix {
		if s[k]|0x20 != c|0x20 {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool { return isAlpha(c) || c >= '0' && c <= '9' }

func (l *layout) str(*ast.String, bool) {} // an ast.String is not source

func (l *layout) text(t *ast.Text, prose bool) {
	if !prose {
		l.skip = append(l.skip, Segment{t.Segment.Start, t.Segment.Stop})
		return
	}
	v := t.Segment.Value(l.src)
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '\\' && util.IsPunct(v[i+1]) {
			l.skip = append(l.skip, Segment{t.Segment.Start + i, t.Segment.Start + i + 2})
			i++
		}
	}
}

func (l *layout) code(n ast.Node) {
	if s, ok := l.ends[n]; ok {
		l.skip = append(l.skip, s)
		return
	}
	// An inline of an extension: the text below it.
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			l.skip = append(l.skip, Segment{t.Segment.Start, t.Segment.Stop})
		} else {
			l.code(c)
		}
	}
}

func (l *layout) html(n *ast.RawHTML) {
	for i := range n.Segments.Len() {
		s := n.Segments.At(i)
		l.skip = append(l.skip, Segment{s.Start, s.Stop})
	}
}

func (l *layout) link(n ast.Node) {
	if s, ok := l.ends[n]; ok && s.Stop > s.Start+1 {
		l.skip = append(l.skip, Segment{s.Start + 1, s.Stop}) // after "]"
	}
	var dest []byte
	var ref *ast.ReferenceLink
	image := false
	switch v := n.(type) {
	case *ast.Link:
		dest, ref = v.Destination, v.Reference
	case *ast.Image:
		dest, ref, image = v.Destination, v.Reference, true
	}
	if ref == nil && n.Pos() >= 0 {
		l.links = append(l.links, Link{Pos: n.Pos(), Dest: string(dest), Image: image})
	}
}

// result returns the complement of the segments that are not prose, and the links in order.
func (l *layout) result() Layout {
	slices.SortFunc(l.skip, func(a, b Segment) int { return a.Start - b.Start })
	var out Layout
	at := 0
	for _, c := range l.skip {
		if c.Start > at {
			out.Prose = append(out.Prose, Segment{at, c.Start})
		}
		at = max(at, c.Stop)
	}
	if at < len(l.src) {
		out.Prose = append(out.Prose, Segment{at, len(l.src)})
	}
	slices.SortStableFunc(l.links, func(a, b Link) int { return a.Pos - b.Pos })
	out.Links = l.links
	return out
}
