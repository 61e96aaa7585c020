package render

import (
	"os"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/digits"
)

func TestCounterStyle(t *testing.T) {
	for _, c := range []struct {
		zero rune
		want string
	}{
		{'0', "decimal"},
		{'۰', "persian"},
		{'٠', "arabic-indic"},
		{'०', "devanagari"},
		{'𝟎', "decimal"}, // no CSS style
	} {
		if got := counterStyle(c.zero); got != c.want {
			t.Errorf("counterStyle(%q) = %q, want %q", c.zero, got, c.want)
		}
	}
}

// TestCounterStylesHaveCSS: site.css numbers the lists of a page by every style counterStyle gives.
func TestCounterStylesHaveCSS(t *testing.T) {
	b, err := os.ReadFile("../../static/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range digits.CounterStyles {
		if s == "decimal" {
			continue
		}
		rule := `:where([data-digits="` + s + `"]) ol { list-style-type: ` + s + `; }`
		if !strings.Contains(string(b), rule) {
			t.Errorf("site.css lacks %s", rule)
		}
	}
}
