// Native digits: a goldmark extension that writes the numbers of Markdown prose with a language's
// own digits, e.g. "2023" → "۲۰۲۳" on Persian pages, by the rules of prose of package digits
// (which numbers are rewritten, the Arabic separators ٫ ٬ ٪, Latin tokens such as "GPT-4" or
// "iOS 17" that keep their digits, character references).
//
// What is prose is what walkProse says (walk.go). Digits are left alone:
//
//   - in code: code spans, indented and fenced code blocks (and, by name, any other node kind
//     whose name contains "Code", "Math", "HTML" or "TeX", or whose Text is raw);
//   - in raw HTML: HTML blocks and the inline tags themselves (attributes and all). Text between
//     inline tags, such as the 7 in <span data-x="12">7</span>, is Markdown prose and is rewritten;
//     for deciding tokens the tags count as nothing, so "<b>GPT</b>-4" is the token "GPT-4";
//   - in link and image destinations and titles, autolinks (<https://x.org/1>) and linkify's
//     autolinks; link text and image alt text are prose and are rewritten.
//
// Prose is cut into tokens at white space; block ends and soft and hard line breaks count as white
// space, emphasis, links and inline HTML do not cut. Text inside code spans and autolinks takes
// part in deciding tokens but is never rewritten.
//
// Numbers that goldmark does not keep as text are out of reach: ordered-list numbers and footnote
// reference numbers are produced by the renderer (style ordered lists with CSS list-style-type).
//
// How: an AST transformer (priority 1000, after goldmark's own and the inline-time transformer)
// copies the text of each block's inline nodes into one digits.Buffer, so that a token split over
// several Text nodes is judged as a whole. Only after the walk are nodes changed: each changed Text
// node gets an ast.String before it holding its new bytes up to its last edit, and keeps the
// unchanged rest of its segment with its soft and hard line-break flags, so line breaks render
// exactly as before (a Text node left empty without a break is removed). Non-code ast.String nodes
// get a new Value. All new values share one allocation, all new nodes another; the working memory
// is pooled. The source is never modified. Known limitation: with html.WithEastAsianLineBreaks the
// break after a rewritten line can differ, because goldmark looks at the kind of the next node
// there.

package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rokhdad/rokhdad/internal/digits"
)

// NewDigits returns a goldmark extension that writes the numbers of Markdown prose with the
// digits of a digits.Converter made with opts (see the file comment of digits.go for what is
// prose). Without digits.WithZero it uses '۰'. A zero that rewrites nothing ('0', or a rune that
// is not a zero) makes an extension that adds nothing to goldmark: the output is byte-identical to
// goldmark without it.
func NewDigits(opts ...digits.Option) goldmark.Extender {
	opts = append([]digits.Option{digits.WithZero(digits.PersianZero)}, opts...)
	return &digitsExtension{conv: digits.New(opts...)}
}

// PersianDigits is the native-digits extension for Persian: 2023 → ۲۰۲۳, 3.5 → ۳٫۵, 50% → ۵۰٪.
var PersianDigits goldmark.Extender = &digitsExtension{conv: digits.Persian}

// ConvertDigits applies the rules of prose to a plain string (a title, a summary) with the digits
// whose zero is zero: digits.For(zero).Prose(s).
func ConvertDigits(s string, zero rune) string { return digits.For(zero).Prose(s) }

// digitsPriority runs the transformer after goldmark's own transformers (footnotes use 999) and
// after inline times (50), whose labels keep the digits the editor wrote.
const digitsPriority = 1000

type digitsExtension struct {
	conv *digits.Converter
}

// Extend implements goldmark.Extender.
func (e *digitsExtension) Extend(m goldmark.Markdown) {
	if !e.conv.Rewrites() {
		return
	}
	t := &digitsTransformer{conv: e.conv}
	t.pool.New = func() any {
		st := &digitsState{}
		st.buf.Reset(t.conv)
		return st
	}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(t, digitsPriority)))
}

type digitsTransformer struct {
	conv *digits.Converter
	pool sync.Pool // of *digitsState
}

// digitsPiece is a run of the buffer that came from a node whose digits may be rewritten.
type digitsPiece struct {
	node       ast.Node // *ast.Text or *ast.String
	start, end int
}

// digitsRewrite is a node rewrite decided while walking and applied after the walk: the node's
// value buf[start:last] with edits applied replaces the node (*ast.String) or the start of its
// segment (*ast.Text, which keeps the rest).
type digitsRewrite struct {
	node        ast.Node
	start, last int
	edits       []digits.Edit
}

// digitsState is the per-document working memory of the transformer (pooled). It is the
// proseVisitor of the pass.
type digitsState struct {
	buf      digits.Buffer
	pieces   []digitsPiece // of the current block
	rewrites []digitsRewrite
	source   []byte
}

// Transform implements parser.ASTTransformer.
func (t *digitsTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	st := t.pool.Get().(*digitsState)
	st.source = reader.Source()
	walkProse(doc, st)
	st.flush()
	if len(st.rewrites) > 0 {
		st.rewrite()
	}
	clear(st.rewrites)
	st.rewrites = st.rewrites[:0]
	st.source = nil
	if st.buf.Cap() <= 1<<16 {
		st.buf.Reset(t.conv)
		t.pool.Put(st)
	}
}

// block ends the block before: a block's prose is judged on its own.
func (st *digitsState) block(ast.Node, bool) { st.flush() }

func (st *digitsState) text(n *ast.Text, prose bool) {
	st.add(n.Segment.Value(st.source), n, prose)
	if n.SoftLineBreak() || n.HardLineBreak() {
		st.buf.Break()
	}
}

func (st *digitsState) str(n *ast.String, prose bool) { st.add(n.Value, n, prose) }

func (st *digitsState) code(n ast.Node) {
	if v, ok := n.(*ast.AutoLink); ok {
		st.buf.Add(v.Label(st.source), false)
		return
	}
	st.addContext(n)
}

func (st *digitsState) html(*ast.RawHTML) {} // no text, no token boundary

func (st *digitsState) link(ast.Node) {}

// add adds the text of a node to the buffer, to be rewritten if write is set.
func (st *digitsState) add(b []byte, node ast.Node, write bool) {
	start := st.buf.Add(b, write)
	if write && len(b) > 0 {
		st.pieces = append(st.pieces, digitsPiece{node: node, start: start, end: start + len(b)})
	}
}

// addContext adds the text below n as context that is never rewritten.
func (st *digitsState) addContext(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			st.buf.Add(v.Segment.Value(st.source), false)
			if v.SoftLineBreak() || v.HardLineBreak() {
				st.buf.Break()
			}
		case *ast.String:
			st.buf.Add(v.Value, false)
		default:
			st.addContext(v)
		}
	}
}

// flush decides the edits of the current block and records the node rewrites.
func (st *digitsState) flush() {
	edits := st.buf.Flush()
	if len(edits) == 0 {
		clear(st.pieces)
		st.pieces = st.pieces[:0]
		return
	}
	e := 0
	for _, p := range st.pieces {
		if e == len(edits) {
			break
		}
		from := e
		for e < len(edits) && edits[e].Pos < p.end {
			e++
		}
		if e == from {
			continue
		}
		last := edits[e-1].End // a Text keeps the rest of its segment
		if _, ok := p.node.(*ast.String); ok {
			last = p.end
		}
		st.rewrites = append(st.rewrites, digitsRewrite{node: p.node, start: p.start, last: last, edits: edits[from:e]})
	}
	clear(st.pieces)
	st.pieces = st.pieces[:0]
}

// rewrite applies the recorded rewrites, with one allocation for all new values and one for
// all new nodes.
func (st *digitsState) rewrite() {
	size, texts := 0, 0
	for _, rw := range st.rewrites {
		size = digits.Size(size+rw.last-rw.start, rw.edits)
		if _, ok := rw.node.(*ast.Text); ok {
			texts++
		}
	}
	arena := make([]byte, 0, size)
	strs := make([]ast.String, texts)
	for _, rw := range st.rewrites {
		at := len(arena)
		arena = st.buf.Append(arena, rw.start, rw.last, rw.edits)
		value := arena[at:len(arena):len(arena)]
		n, ok := rw.node.(*ast.Text)
		if !ok {
			rw.node.(*ast.String).Value = value
			continue
		}
		str := &strs[0]
		strs = strs[1:]
		str.Value = value
		parent := n.Parent()
		parent.InsertBefore(parent, n, str)
		seg := n.Segment
		if seg.Padding == 0 && !seg.ForceNewline {
			seg = text.NewSegment(seg.Start+rw.last-rw.start, seg.Stop)
		} else {
			seg = text.NewSegment(seg.Stop, seg.Stop)
		}
		n.Segment = seg
		if seg.IsEmpty() && !n.SoftLineBreak() && !n.HardLineBreak() {
			parent.RemoveChild(parent, n)
		}
	}
}
