package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// plainInline renders src the way goldmark would when src is plain text — one line in which
// nothing can be Markdown — and reports whether it was. Most timeline entries are such a sentence
// ("Investigating errors on the API."), and goldmark's parser costs far more than the text: a site
// has five entries for every article. FuzzPlainInline checks that both ways give the same HTML.
func (r *Renderer) plainInline(src string) ([]byte, bool) {
	if !isPlain(src) {
		return nil, false
	}
	return util.EscapeHTML([]byte(r.digits.Prose(src))), true
}

// isPlain reports whether s is one line of text that holds nothing Markdown (with this package's
// extensions) treats specially: no markup characters, no leading or trailing space, and no start
// that makes a block (a list item, a heading, a quote, a break).
func isPlain(s string) bool {
	if s == "" || !utf8.ValidString(s) || strings.TrimSpace(s) != s {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			return false
		case strings.IndexByte("\\`*_[]<>&!#|~", c) >= 0:
			return false
		}
	}
	switch s[0] {
	case '-', '+', '=', ':':
		return false
	}
	// An ordered list item: up to nine ASCII digits, then '.' or ')', then a space or the end.
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ') {
		return false
	}
	return true
}
