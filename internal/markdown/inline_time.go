package markdown

import (
	"html"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/timeline"
)

// Inline times are written as Markdown links whose destination starts with "at:":
//
//	the first reports came in at [19:52 PST](at:2023-11-07T19:52)
//
// The destination holds the same values a timeline entry's `at` accepts: a wall time in the
// article's zone ("2023-11-07T19:52" or "2023-11-07 19:52" inside <…>), or RFC 3339 with an offset
// that the article's zone has at that instant, or UTC (see timeline.ParseAt).
// Plain Markdown viewers show the link text, which is the time as the source gave it; rokhdad shows the
// time in the reader's zone with the original beside it.

// TimePrefix starts the destination of an inline time.
const TimePrefix = "at:"

// KindInlineTime is the AST kind of an inline time.
var KindInlineTime = ast.NewNodeKind("InlineTime")

// InlineTime is a resolved inline time.
type InlineTime struct {
	ast.BaseInline
	At    time.Time
	Label string
}

// Kind implements ast.Node.
func (n *InlineTime) Kind() ast.NodeKind { return KindInlineTime }

// Dump implements ast.Node.
func (n *InlineTime) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"At": n.At.Format(time.RFC3339), "Label": n.Label}, nil)
}

type inlineTimes struct {
	format func(time.Time, string) string
}

func (e *inlineTimes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 50)))
}

// Transform replaces every at: link with an InlineTime.
func (e *inlineTimes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(docKey).(*docState)
	src := reader.Source()
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && strings.HasPrefix(string(l.Destination), TimePrefix) {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		value := strings.TrimSpace(string(l.Destination[len(TimePrefix):]))
		label := plainText(l, src)
		var zone *time.Location
		if st != nil {
			zone = st.doc.Zone
		}
		if zone == nil {
			zone = time.UTC
		}
		at, err := timeline.ParseAt(value, zone)
		if err != nil {
			if st != nil {
				line, col := st.position(firstOffset(l))
				st.errs = append(st.errs, &diag.Diagnostic{File: st.doc.File, Line: line, Col: col, Rule: "inline-time",
					Msg: "inline time " + diag.Quote(label) + ": " + err.Error()})
			}
			continue
		}
		n := &InlineTime{At: at, Label: label}
		l.Parent().ReplaceChild(l.Parent(), l, n)
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (e *inlineTimes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInlineTime, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		it := n.(*InlineTime)
		if e.format != nil {
			_, _ = w.WriteString(e.format(it.At, it.Label))
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(`<time datetime="` + timeline.UTCString(it.At) + `">` + html.EscapeString(it.Label) + `</time>`)
		return ast.WalkSkipChildren, nil
	})
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func firstOffset(n ast.Node) int {
	off := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}
