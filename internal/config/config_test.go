package config

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
)

const base = `baseURL = "https://user.github.io/repo"
defaultLanguage = "fa"

[languages.fa]
name = "فارسی"
title = "رخداد"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Rokhdad"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`

func TestParse(t *testing.T) {
	c, err := Parse("site.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL.String() != "https://user.github.io/repo/" {
		t.Errorf("baseURL = %s", c.BaseURL)
	}
	if got := strings.Join(c.Codes(), ","); got != "fa,en" {
		t.Errorf("languages = %s", got)
	}
	fa := c.Language("fa")
	if fa.Direction != "rtl" || fa.Zone.String() != "Asia/Tehran" || fa.Calendar != "persian" || fa.Name != "فارسی" {
		t.Errorf("fa = %+v", fa)
	}
	if c.Paginate != 10 {
		t.Errorf("paginate default = %d", c.Paginate)
	}
	if c.FeedLimit != DefaultFeedLimit {
		t.Errorf("feedLimit default = %d", c.FeedLimit)
	}
	c, err = Parse("site.toml", []byte("feedLimit = 0\n"+base))
	if err != nil || c.FeedLimit != 0 {
		t.Errorf("feedLimit = 0: %v, %v", c, err)
	}
}

func TestCheckTable(t *testing.T) {
	c, err := Parse("site.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if c.Check.Ezafe != "hamza" || c.Check.Disable != nil {
		t.Errorf("default [check] = %+v", c.Check)
	}
	c, err = Parse("site.toml", []byte(base+"\n[check]\ndisable = [\"kashida\", \"quotes\"]\nezafe = \"ye\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Check.Ezafe != "ye" || strings.Join(c.Check.Disable, ",") != "kashida,quotes" || c.Check.DisablePos.Line != 21 {
		t.Errorf("[check] = %+v", c.Check)
	}
}

func TestImportTable(t *testing.T) {
	c, err := Parse("site.toml", []byte(base+"\n[import]\nstatuspages = [\"https://status.example.com\", \"http://x.test/status\"]\nfrom = \"en\"\nignore = [\"abc123\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Import.StatusPages, " ") != "https://status.example.com http://x.test/status" || c.Import.From != "en" || strings.Join(c.Import.Ignore, ",") != "abc123" {
		t.Errorf("[import] = %+v", c.Import)
	}
	for _, bad := range []string{`statuspages = ["status.example.com"]`, `statuspages = ["ftp://x.test"]`, `pages = []`} {
		if _, err := Parse("site.toml", []byte(base+"\n[import]\n"+bad+"\n")); err == nil || !strings.Contains(err.Error(), "site.toml:21:") {
			t.Errorf("%s: %v, want an error at site.toml:21", bad, err)
		}
	}
}

func TestThirdLanguageNeedsOnlyConfig(t *testing.T) {
	src := base + `
[languages.de]
name = "Deutsch"
title = "Vorfälle"
direction = "ltr"
timezone = "Europe/Berlin"
calendar = "gregorian"
weight = 3
`
	c, err := Parse("site.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if de := c.Language("de"); de == nil || de.Zone.String() != "Europe/Berlin" {
		t.Fatalf("de = %+v", de)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		line           int
		want           []string
	}{
		{"unknown top key", `defaultLanguage = "fa"`, `defaultLanguage = "fa"` + "\nbaseUrl = \"x\"", 3, []string{"unknown key baseUrl", "did you mean baseURL?"}},
		{"unknown lang key", `weight = 1`, "weight = 1\ntimezon = \"UTC\"", 11, []string{"languages.fa.timezon", "did you mean timezone?"}},
		{"bad direction", `direction = "rtl"`, `direction = "right"`, 7, []string{"direction", "rtl", "ltr"}},
		{"bad zone", `timezone = "Asia/Tehran"`, `timezone = "Asia/Tehrann"`, 8, []string{"Asia/Tehrann"}},
		{"bad calendar", `calendar = "persian"`, `calendar = "jalali"`, 9, []string{"calendar"}},
		{"weight type", `weight = 1`, `weight = "1"`, 10, []string{"weight must be an integer"}},
		{"relative base", `"https://user.github.io/repo"`, `"/repo/"`, 1, []string{"absolute"}},
		{"default missing", `defaultLanguage = "fa"`, `defaultLanguage = "ar"`, 2, []string{`"ar"`, "fa, en"}},
		{"syntax", `title = "رخداد"`, `title = "رخداد`, 6, []string{"invalid TOML"}},
		{"duplicate key", `weight = 1`, "weight = 1\n  weight = 2", 11, []string{"site.toml:11:3: languages.fa.weight is already written at line 10", "keep one of the two"}},
		{"bad ezafe", `weight = 2` + "\n", "weight = 2\n\n[check]\nezafe = \"hamzeh\"\n", 21, []string{"ezafe", `"hamza"`, `"ye"`}},
		{"check key", `weight = 2` + "\n", "weight = 2\n\n[check]\ndisabled = [\"kashida\"]\n", 21, []string{"check.disabled", "did you mean disable?"}},
		{"negative feedLimit", `defaultLanguage = "fa"`, "defaultLanguage = \"fa\"\nfeedLimit = -1", 3, []string{"feedLimit", "0 for every entry"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, tt.old, tt.new, 1)
			if src == base {
				t.Fatal("test did not change the input")
			}
			_, err := Parse("site.toml", []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			d := diag.Flatten(err)[0]
			if d.File != "site.toml" || d.Line != tt.line {
				t.Errorf("at %s, want line %d: %v", d.Pos(), tt.line, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err.Error(), w)
				}
			}
		})
	}
}
