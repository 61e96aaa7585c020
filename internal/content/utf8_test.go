package content

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
)

func TestCheckUTF8(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
	}{
		{"+++\ntitle = \"a\xffb\"\n", 2, 11},
		{"\xc3", 1, 1},
		{"ok\nسلام\n\xe2\x82", 3, 1},
	} {
		err := CheckUTF8("x.md", []byte(c.src))
		d, ok := err.(*diag.Diagnostic)
		if !ok {
			t.Fatalf("%q: err = %v", c.src, err)
		}
		if d.Line != c.line || d.Col != c.col || !strings.Contains(d.Msg, "not valid UTF-8") {
			t.Errorf("%q: got %s, want line %d col %d", c.src, d.Error(), c.line, c.col)
		}
	}
	if err := CheckUTF8("x.md", []byte("\ufeff+++\nسلام\n")); err != nil {
		t.Error(err)
	}
}
