// Package markdown turns article bodies and timeline texts into HTML: goldmark with GitHub tables and
// strikethrough, the native-digits pass for languages such as Persian (digits.go), and inline times
// (inline_time.go). One Renderer serves one language and is safe for concurrent use. The prose walk
// (walk.go) says what of a document is prose; the digits pass and Prose, the layout of a
// document's prose and links in its source that rokhdad check reads (prose.go), both follow it.
package markdown

import (
	"bufio"
	"bytes"
	"io"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/digits"
)

// Options configure a Renderer.
type Options struct {
	// Zero is the language's zero digit: '۰' turns prose digits Persian; '0' (or 0) leaves them alone.
	Zero rune
	// Unsafe passes raw HTML through; otherwise it is left out of the output.
	Unsafe bool
	// FormatTime renders an inline time as HTML (already escaped); label is what the editor wrote as
	// the link text. Nil renders a plain <time> element.
	FormatTime func(t time.Time, label string) string
}

// Renderer converts Markdown to HTML for one language.
type Renderer struct {
	md     goldmark.Markdown
	digits *digits.Converter
}

// syntax are the extensions of the Markdown that rokhdad reads: what a Renderer parses, and what
// Prose parses.
func syntax() []goldmark.Extender {
	return []goldmark.Extender{extension.Table, extension.Strikethrough}
}

// New makes a Renderer.
func New(o Options) *Renderer {
	ext := syntax()
	conv := digits.For(o.Zero)
	if conv.Rewrites() {
		ext = append(ext, &digitsExtension{conv: conv})
	}
	ext = append(ext, &inlineTimes{format: o.FormatTime})
	var ropts []renderer.Option
	if o.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(ext...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(ropts...),
	)
	return &Renderer{md: md, digits: conv}
}

// Doc says where a piece of Markdown comes from, for inline times and error positions.
type Doc struct {
	File string         // file name for errors
	Line int            // line of the file on which the Markdown starts
	Zone *time.Location // zone of inline times written without an offset
}

// Render converts a Markdown document to HTML.
func (r *Renderer) Render(src []byte, doc Doc) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := r.RenderTo(&buf, src, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderTo converts a Markdown document to HTML, writing to w.
func (r *Renderer) RenderTo(w io.Writer, src []byte, doc Doc) error {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(docKey, &docState{doc: doc, src: src})
	// goldmark buffers its output in a new 4 KiB bufio.Writer per call unless given one: reuse them.
	bw := writerPool.Get().(*bufio.Writer)
	bw.Reset(w)
	err := r.md.Convert(src, bw, parser.WithContext(ctx))
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	writerPool.Put(bw)
	if err != nil {
		return &diag.Diagnostic{File: doc.File, Line: doc.Line, Rule: "markdown", Msg: err.Error()}
	}
	if st := ctx.Get(docKey).(*docState); len(st.errs) > 0 {
		return st.errs
	}
	return nil
}

// RenderInline converts a short piece of Markdown (a timeline entry's text, a summary); a single
// paragraph comes back without its <p> wrapper.
func (r *Renderer) RenderInline(src string, doc Doc) ([]byte, error) {
	if out, ok := r.plainInline(src); ok {
		return out, nil
	}
	out, err := r.Render([]byte(src), doc)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimRight(out, "\n")
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) &&
		bytes.Count(out, []byte("<p>")) == 1 {
		out = out[3 : len(out)-4]
	}
	return out, nil
}

var docKey = parser.NewContextKey()

var writerPool = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

type docState struct {
	doc  Doc
	src  []byte
	errs diag.List
}

// position returns the file line and column of byte offset off in the Markdown source.
func (s *docState) position(off int) (line, col int) {
	if off > len(s.src) {
		off = len(s.src)
	}
	line = s.doc.Line + bytes.Count(s.src[:off], []byte("\n"))
	start := bytes.LastIndexByte(s.src[:off], '\n') + 1
	col = len([]rune(string(s.src[start:off]))) + 1
	return line, col
}
