package build

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/search"
)

// TestSearchIndexGregorianMonths: a Persian page shows the Gregorian date beside the Persian one
// («۸ نوامبر ۲۰۲۳»), so the fa index has its month names too; the en index has no Persian ones.
func TestSearchIndexGregorianMonths(t *testing.T) {
	dest := buildSite(t, switcherSite(t))
	terms := func(lang string) []string {
		var ix struct{ Terms string }
		if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, lang, "search.json"))), &ix); err != nil {
			t.Fatal(err)
		}
		return strings.Split(ix.Terms, " ")
	}
	fa, en := terms("fa"), terms("en")
	for _, w := range []string{"نوامبر", "اکتبر", "2023", "آبان", "1402"} {
		if !slices.Contains(fa, search.Normalize(w)) {
			t.Errorf("fa/search.json has no term %q", w)
		}
	}
	for _, w := range []string{"آبان", "نوامبر"} {
		if slices.Contains(en, search.Normalize(w)) {
			t.Errorf("en/search.json has the term %q", w)
		}
	}
}
