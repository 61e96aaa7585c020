package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// The prose walk: what of a goldmark document is prose and what is code, in source order. The
// native-digits pass (digits.go) and the prose layout that rokhdad check reads (prose.go) both
// walk a document with walkProse, so that they agree on it.

// A proseVisitor is told what walkProse finds, in source order.
type proseVisitor interface {
	// block is called for each block before what is in it, with whether its content is prose.
	// walkProse walks the content of a prose block; it does not look inside the others: code
	// blocks, HTML blocks, link reference definitions, and any raw block or block of code, math,
	// HTML or TeX of an extension. (The inline content of a block ends where the next block
	// starts, or the document ends: goldmark gives a node blocks or inlines, never both.)
	block(n ast.Node, prose bool)
	// text and str are called for each *ast.Text and *ast.String in a prose block, with prose
	// false for raw text and for a String that is code or raw.
	text(n *ast.Text, prose bool)
	str(n *ast.String, prose bool)
	// code is called for an inline whose text is not prose: a code span, an autolink, and any
	// inline of code, math, HTML or TeX of an extension. walkProse does not look inside it.
	code(n ast.Node)
	// html is called for an inline raw HTML tag. Tags are transparent in prose: the text on both
	// sides of one reads as one run.
	html(n *ast.RawHTML)
	// link is called for a link or an image after its text, which is prose and walked before.
	// Its destination and title are not prose.
	link(n ast.Node)
}

// walkProse tells v what is below n (a document), in source order.
func walkProse(n ast.Node, v proseVisitor) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeInline {
			prose := !c.IsRaw() && !opaqueKind(c.Kind())
			v.block(c, prose)
			if prose {
				walkProse(c, v)
			}
			continue
		}
		switch x := c.(type) {
		case *ast.Text:
			v.text(x, !x.IsRaw())
		case *ast.String:
			v.str(x, !x.IsCode() && !x.IsRaw())
		case *ast.AutoLink:
			v.code(x)
		case *ast.RawHTML:
			v.html(x)
		case *ast.CodeSpan:
			v.code(x)
		default:
			if opaqueKind(x.Kind()) {
				v.code(x)
				continue
			}
			walkProse(x, v)
			if k := x.Kind(); k == ast.KindLink || k == ast.KindImage {
				v.link(x)
			}
		}
	}
}

// opaqueKind reports node kinds, known or from other extensions, whose text is not prose.
func opaqueKind(k ast.NodeKind) bool {
	switch k {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindList, ast.KindListItem,
		ast.KindBlockquote, ast.KindEmphasis, ast.KindLink, ast.KindImage, ast.KindDocument:
		return false
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML:
		return true
	}
	name := k.String()
	return strings.Contains(name, "Code") || strings.Contains(name, "Math") ||
		strings.Contains(name, "HTML") || strings.Contains(name, "TeX")
}
