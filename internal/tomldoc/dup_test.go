package tomldoc

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// A key written twice is reported at the second one's own line and column, naming the first. The
// documents start at line 2 of their file, as front matter does.
func TestDuplicateKey(t *testing.T) {
	for _, c := range []struct {
		src  string
		pos  string // file:line:col of the diagnostic
		want string // in its message
	}{
		{"a = 1\na = 2\n", "f:3:1", "a is already written at line 2"},
		{"title = \"x\"\nsummary = \"y\"\n  title = \"z\"\n", "f:4:3", "title is already written at line 2"},
		{"a = 1 \na=2", "f:3:1", "a is already written at line 2"},
		{"x = \"فارسی\"\nx = 3\n", "f:3:1", "x is already written at line 2"},
		{"a.b = 1\na.b = 2\n", "f:3:1", "a.b is already written at line 2"},
		{"a = 1\n\"a\" = 2\n", "f:3:1", "a is already written at line 2"},
		{"[t]\nx = 1\n[t]\ny = 2\n", "f:4:1", "table [t] is already written at line 2"},
		{"[[timeline]]\nat = \"1\"\ntext = \"a\"\n\tat = \"2\"\n", "f:5:2", "timeline[0].at is already written at line 3"},
		{"[[timeline]]\nat = \"1\"\n[[timeline]]\nat = \"2\"\ntext = 'x'\ntext = 'y'\n", "f:7:1", "timeline[1].text is already written at line 6"},
		{"long = \"\"\"\na = 1\n\"\"\"\nb = [\n  1,\n]\nlong = 2\n", "f:8:1", "long is already written at line 2"},
		{"[x]\na = 1\n[y]\na = 1\n[x]\n", "f:6:1", "table [x] is already written at line 2"},
	} {
		_, err := Parse("f", []byte(c.src), 2)
		d, ok := err.(*diag.Diagnostic)
		if !ok {
			t.Errorf("%q: %v, want a diagnostic", c.src, err)
			continue
		}
		if d.Pos() != c.pos || !strings.Contains(d.Msg, c.want) {
			t.Errorf("%q:\n got %v\nwant %s: …%s…", c.src, err, c.pos, c.want)
		}
	}
}
