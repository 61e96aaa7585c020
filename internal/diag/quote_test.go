package diag

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	long := strings.Repeat("2023-11-07 ", 1000)
	persian := strings.Repeat("ق", 100)
	for _, c := range []struct{ in, want string }{
		{"", `""`},
		{"api", `"api"`},
		{`say "hi"`, `"say \"hi\""`},
		{strings.Repeat("a", QuoteMax), `"` + strings.Repeat("a", QuoteMax) + `"`},
		{strings.Repeat("a", QuoteMax+1), `"` + strings.Repeat("a", QuoteMax) + `"… (41 characters)`},
		{long, `"` + long[:QuoteMax] + `"… (11000 characters)`},
		// Characters, not bytes: a Persian letter is two bytes and is never cut in half.
		{persian, `"` + strings.Repeat("ق", QuoteMax) + `"… (100 characters)`},
		{"a\xffb", `"a\xffb"`},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%.50q…) = %s, want %s", c.in, got, c.want)
		}
	}
}
