package search

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// goResults is what the browser script must reproduce (see testdata/normalize_test.js).
type goResults struct {
	Strings []goString `json:"strings"`
	Ranges  [][2]rune  `json:"ranges"`  // code points to compare, inclusive ranges
	Changed [][2]any   `json:"changed"` // [code point, Normalize(it)] where that is not the rune itself
}

type goString struct {
	In     string   `json:"in"`
	Norm   string   `json:"norm"`
	Tokens []string `json:"tokens"`
}

// assigned reports whether Go's Unicode tables give r a category, leaving out surrogates and
// private use. The browser's tables may be of a newer Unicode version: runes that Go does not
// know are not compared.
func assigned(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z,
		unicode.Cc, unicode.Cf)
}

// randomStrings mixes the characters that normalization treats specially.
func randomStrings(n int) []string {
	parts := []string{"ی", "ي", "ى", "ئ", "ک", "ك", "ه", "ة", "ۀ", "\u0654", "ا", "آ", "أ", "\u0653",
		"ؤ", "و", "\u064f", "\u0650", "\u0651", "\u0670", "ـ", "\u200c", "\u200d", "\u200f", "\u202b",
		"۵", "٥", "5", "0", "۰", "٫", "،", "؟", "«", " ", "  ", "\t", "\n", "-", ".", ",", "/", "_",
		"a", "B", "é", "E\u0301", "İ", "Σ", "ς", "Ж", "ß", "ǅ", "😀", "\u00ad", "\ufeff", "\u00a0",
		"مشکل", "درخواست", "GPT", strings.Repeat("x", 31), strings.Repeat("ب", 30)}
	rng := rand.New(rand.NewPCG(7, 7))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := 1 + rng.IntN(12); k > 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		out[i] = b.String()
	}
	return out
}

// TestJavaScript runs testdata/normalize_test.js under Node: static/js/search.js must normalize and
// tokenize exactly as this package does, and search the golden index as queries.json says.
func TestJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed; the browser script cannot be checked")
		}
		t.Skip("node is not installed")
	}

	var res goResults
	ins := randomStrings(3000)
	for _, v := range readVectors(t) {
		ins = append(ins, v.In)
	}
	ins = append(ins, "", strings.Repeat("z", 45), "a", "۱", "GPT-4 و API")
	for _, s := range ins {
		toks := Tokens(s)
		if toks == nil {
			toks = []string{}
		}
		res.Strings = append(res.Strings, goString{In: s, Norm: Normalize(s), Tokens: toks})
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !assigned(r) {
			continue
		}
		if n := len(res.Ranges); n > 0 && res.Ranges[n-1][1] == r-1 {
			res.Ranges[n-1][1] = r
		} else {
			res.Ranges = append(res.Ranges, [2]rune{r, r})
		}
		if s := Normalize(string(r)); s != string(r) {
			res.Changed = append(res.Changed, [2]any{r, s})
		}
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(t.TempDir(), "go-results.json")
	if err := os.WriteFile(results, b, 0o644); err != nil {
		t.Fatal(err)
	}

	script := filepath.Join("..", "..", "static", "js", "search.js")
	// Read the files node reads, so that go test's cache knows the result depends on them.
	for _, f := range []string{script, "testdata/normalize_test.js", "testdata/queries.json", goldenIndex} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, filepath.Join("testdata", "normalize_test.js"), script, "testdata", results).CombinedOutput()
	if err != nil {
		t.Fatalf("the browser script disagrees with the Go package: %v\n%s", err, out)
	}
	t.Logf("node testdata/normalize_test.js:\n%s", out)
}
