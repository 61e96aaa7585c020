package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary files to the front matter split and strict decode: never a panic; an
// error always names the file and a line; a page that parses has a title and a date.
func FuzzParse(f *testing.F) {
	f.Add(good)
	f.Add("\ufeff" + strings.ReplaceAll(good, "\n", "\r\n"))
	f.Add("+++\n+++\n")
	f.Add("+++\ntitle = \"x\"\n")
	f.Add("")
	seeds, _ := filepath.Glob("../build/testdata/sites/basic/content/*/*/*.md")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		}
	}
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Parse("x.md", []byte(src), loc)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "x.md:") {
				t.Fatalf("error without file:line: %q", msg)
			}
			if utf8.ValidString(src) && !utf8.ValidString(msg) {
				t.Fatalf("invalid UTF-8 in error %q", msg)
			}
			return
		}
		if p.Title == "" || p.Date.IsZero() {
			t.Fatalf("parsed without title or date: %+v", p)
		}
		if err := p.Timeline.Check(); err != nil {
			t.Fatalf("timeline out of order after parse: %v", err)
		}
	})
}
