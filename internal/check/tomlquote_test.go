package check

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestFixFileTOMLEscapes: a quotation mark written \" inside a TOML basic string becomes «» like
// any other straight quote around Persian, and the fixed front matter is still valid TOML with the
// value an editor means; other escapes are left alone.
func TestFixFileTOMLEscapes(t *testing.T) {
	tests := []struct{ title, want string }{
		{`مدیر گفت \"قطعی\" بود`, `مدیر گفت «قطعی» بود`},
		{`نسخهٔ \"v2\" آمد`, `نسخهٔ \"v2\" آمد`},
		{`مسیر C:\\temp و \t و \u0041`, `مسیر C:\\temp و \t و \u0041`},
		{`«نقل قول\"`, `«نقل قول»`},
		{`\"قطعی\" رخ داد`, `«قطعی» رخ داد`},
		{"کد `a \\\"ب\\\"` است", "کد `a \\\"ب\\\"` است"}, // in code: left alone
	}
	for _, tt := range tests {
		src := "+++\ntitle = \"" + tt.title + "\"\ndate = 2023-11-08\n+++\nمتن\n"
		got, _ := fixFile("x.md", src, nil)
		want := "+++\ntitle = \"" + tt.want + "\"\ndate = 2023-11-08\n+++\nمتن\n"
		if got != want {
			t.Errorf("title %s:\n got %q\nwant %q", tt.title, got, want)
		}
		var fm struct{ Title string }
		if _, err := toml.Decode(got[4:len(got)-len("+++\nمتن\n")], &fm); err != nil {
			t.Errorf("title %s: the fixed front matter is not TOML: %v\n%s", tt.title, err, got)
		}
	}
}
