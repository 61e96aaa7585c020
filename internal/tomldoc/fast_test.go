package tomldoc

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// frontMatters are real front matter: the site's own articles and the test sites', read from the
// repository, plus the shapes the benchmark corpus and editors write.
func frontMatters(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, glob := range []string{"../../content/*/*/*.md", "../build/testdata/sites/*/content/*/*/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.SplitN(strings.ReplaceAll(string(b), "\r\n", "\n"), "+++\n", 3)
			if len(parts) == 3 {
				out = append(out, parts[1])
			}
		}
	}
	return append(out,
		"title = \"Partial outage of ChatGPT\"\ndate = 2024-03-05T10:00:00-08:00\nsummary = 'literal \\ text'\nservices = [\"ChatGPT\", \"API\"]\ntags = []\ndraft = false\nweight = -3\n\n[[timeline]]\ntime = \"2024-03-05T09:12:00\"\nzone = \"America/Los_Angeles\"\ntext = \"Investigating \\\"errors\\\" \\u00e9\\tnow\"\n# a comment\n[[timeline]] # second\nat = \"2024-03-05 10:00\"\n",
		"title = \"گزارش «قطعی» سرویس\" # نظر\ndate = 2023-11-08T06:30:00.123Z\n[extra]\nkey = 1\n",
	)
}

// The fast path must take the front matter it was made for.
func TestFastDecodeTakesFrontMatter(t *testing.T) {
	fms := frontMatters(t)
	if len(fms) < 5 {
		t.Fatalf("only %d front matters found", len(fms))
	}
	for i, fm := range fms {
		if _, _, ok := fastDecode([]byte(fm), 1); !ok {
			t.Errorf("front matter %d left to the slow path:\n%s", i, fm)
		}
	}
}

// Whatever the fast path decodes, BurntSushi/toml decodes to the same values; what it declines
// goes to BurntSushi/toml, whatever it is.
func TestFastDecodeAgrees(t *testing.T) {
	cases := append(frontMatters(t),
		"a = 1\na = 2\n",                 // duplicate: declined, BurntSushi reports it
		"[t]\nx = 1\n[t]\ny = 2\n",       // table defined twice
		"a = [\"x\", 1]\n",               // mixed array
		"a = 0x10\n",                     // hex
		"a = 1_000\n",                    // underscores
		"a = 01\n",                       // leading zero
		"a = 1.5\n",                      // float
		"a = 2023-01-01\n",               // local date
		"a = 2023-01-01 10:00:00Z\n",     // space separator
		"a = 2023-01-01T10:00:00+0330\n", // malformed offset
		"a = \"x\" y\n",                  // junk after a value
		"a = \"\\q\"\n",                  // bad escape
		"a = \"\"\"multi\"\"\"\n",        // multi-line string
		"\"quoted key\" = 1\n",           // quoted key
		"a.b = 1\n",                      // dotted key
		"a = { x = 1 }\n",                // inline table
		"[[t]]\nx = 1\n[t]\n",            // array then table
		"t = 1\n[[t]]\n",                 // value then array of tables
		"a = \"tab\there\"\n",            // tab inside a string
		"a = \"\\U0001F600 \\u0041\"\n",  // unicode escapes
		"a = \"\\uD800\"\n",              // surrogate
		"a = 'it''s'\n",                  // two literals
		"a = true # yes\nb = false\n",    // booleans
		"a = truex\n",                    // not a boolean
		"a = 9223372036854775808\n",      // overflow
		"a = -0\nb = +7\n",               // signs
		"a = [\n\"x\"]\n",                // multi-line array
		"a = [ 'x' , \"y\" , ]\n",        // trailing comma
		"a = 2023-13-01T10:00:00Z\n",     // month 13
		"a = 2023-01-01T10:00:00.1234567891Z\n",
	)
	for _, c := range cases {
		checkAgrees(t, c)
	}
}

func FuzzFastDecode(f *testing.F) {
	for _, fm := range frontMatters(f) {
		f.Add(fm)
	}
	f.Add("a = [\"x\", 'y']\n[[t]]\nb = 2023-01-01T00:00:00Z\n")
	f.Fuzz(func(t *testing.T, s string) { checkAgrees(t, s) })
}

func checkAgrees(t *testing.T, s string) {
	t.Helper()
	fast, pos, ok := fastDecode([]byte(s), 3)
	if !ok {
		return
	}
	if want := locate([]byte(s), 3); !maps.Equal(pos, want) {
		t.Fatalf("fast path positions differ from locate's:\n%q\nfast: %v\nlocate: %v", s, pos, want)
	}
	slow := map[string]any{}
	if _, err := toml.Decode(s, &slow); err != nil {
		t.Fatalf("fast path accepted what BurntSushi/toml rejects (%v):\n%q", err, s)
	}
	if why := differ(fast, slow); why != "" {
		t.Fatalf("fast path differs: %s\n%q\nfast: %#v\nslow: %#v", why, s, fast, slow)
	}
}

// differ explains how two decoded values differ, or returns "".
func differ(a, b any) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("table %v vs %v", a, b)
		}
		for k, v := range x {
			if d := differ(v, y[k]); d != "" {
				return k + ": " + d
			}
		}
	case []map[string]any:
		y, ok := b.([]map[string]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("array of tables %T vs %T", a, b)
		}
		for i := range x {
			if d := differ(x[i], y[i]); d != "" {
				return fmt.Sprintf("[%d] %s", i, d)
			}
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("array %#v vs %#v", a, b)
		}
		for i := range x {
			if d := differ(x[i], y[i]); d != "" {
				return fmt.Sprintf("[%d] %s", i, d)
			}
		}
	case time.Time:
		y, ok := b.(time.Time)
		_, xo := x.Zone()
		_, yo := y.Zone()
		if !ok || !x.Equal(y) || xo != yo || x.Location().String() != y.Location().String() {
			return fmt.Sprintf("time %v vs %v", a, b)
		}
	default:
		if a != b {
			return fmt.Sprintf("%#v (%T) vs %#v (%T)", a, a, b, b)
		}
	}
	return ""
}
