package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors from the heading's words in any script: "چه اتفاقی افتاد" becomes
// "چه-اتفاقی-افتاد" and "What happened" "what-happened". Letters and digits are kept (Latin ones
// lower-cased), a zero-width non-joiner is kept inside a word, and every other run becomes one "-".
// Repeated anchors get "-1", "-2"….
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	out := make([]rune, 0, len(value))
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = append(out, unicode.ToLower(r))
		case r == '\u200c' && len(out) > 0 && !dash:
			out = append(out, r)
		default:
			dash = true
		}
	}
	for len(out) > 0 && out[len(out)-1] == '\u200c' {
		out = out[:len(out)-1]
	}
	id := string(out)
	if id == "" {
		id = "section"
	}
	base := id
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
