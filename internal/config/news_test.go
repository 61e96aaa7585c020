package config

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
)

const news = `image = "images/share.png"

[publisher]
name = "Rokhdad"
url = "https://rokhdad.example/"
logo = "logo.png"

[author]
name = "Desk"
`

func TestNewsKeys(t *testing.T) {
	src := strings.Replace(base, "[languages.fa]", news+"\n[languages.fa]", 1)
	src = strings.Replace(src, "weight = 1\n", "weight = 1\nlocale = \"fa_AF\"\n[languages.fa.publisher]\nname = \"رخداد\"\n[languages.fa.author]\nname = \"میز\"\ntype = \"Person\"\nurl = \"https://rokhdad.example/fa/desk/\"\n", 1)
	c, err := Parse("site.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fa, en := c.Language("fa"), c.Language("en")
	if c.Image != "images/share.png" || fa.Locale != "fa_AF" || en.Locale != "en_US" {
		t.Errorf("image %q, locales %q %q", c.Image, fa.Locale, en.Locale)
	}
	if p := c.Publisher(fa); p.Name != "رخداد" || p.URL != "https://rokhdad.example/" || p.Logo != "logo.png" {
		t.Errorf("fa publisher = %+v", p)
	}
	if p := c.Publisher(en); p.Name != "Rokhdad" || p.Logo != "logo.png" {
		t.Errorf("en publisher = %+v", p)
	}
	if a := c.Author(fa); a.Name != "میز" || a.Type != "Person" || a.URL != "https://rokhdad.example/fa/desk/" {
		t.Errorf("fa author = %+v", a)
	}
	if a := c.Author(en); a.Name != "Desk" || a.Type != "Organization" || a.URL != "" {
		t.Errorf("en author = %+v", a)
	}
	if err := c.CheckFiles(func(string) bool { return true }); err != nil {
		t.Error(err)
	}
	err = c.CheckFiles(func(name string) bool { return name != "static/logo.png" })
	if err == nil || !strings.HasPrefix(err.Error(), "site.toml:9:1: logo \"logo.png\": there is no file static/logo.png") {
		t.Errorf("missing logo: %v", err)
	}
	// Without any of it: no publisher, no author, locales from the codes.
	c, err = Parse("site.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if p, a := c.Publisher(c.Language("fa")), c.Author(c.Language("fa")); p.Name != "" || a.Name != "" || c.Language("fa").Locale != "fa_IR" {
		t.Errorf("defaults: %+v %+v %q", p, a, c.Language("fa").Locale)
	}
}

func TestDefaultLocale(t *testing.T) {
	for code, want := range map[string]string{"fa": "fa_IR", "en": "en_US", "de": "de_DE", "en-GB": "en_GB", "pt-br": "pt_BR", "xx": "xx", "zh-Hant": "zh-Hant"} {
		if got := DefaultLocale(code); got != want {
			t.Errorf("DefaultLocale(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestNewsKeyErrors(t *testing.T) {
	for _, tt := range []struct {
		name, add string
		line      int
		want      []string
	}{
		{"unknown publisher key", "[publisher]\nname = \"R\"\nlgo = \"x.png\"\n", 3, []string{"unknown key publisher.lgo", "did you mean logo?"}},
		{"logo is svg path outside", "[publisher]\nlogo = \"../logo.png\"\n", 2, []string{"logo", "leads out of static/"}},
		{"logo data url", "[publisher]\nlogo = \"data:image/png;base64,xx\"\n", 2, []string{"logo", "data: URL"}},
		{"publisher url relative", "[publisher]\nurl = \"/about/\"\n", 2, []string{"url \"/about/\" must be an absolute http(s) URL"}},
		{"author type", "[author]\nname = \"A\"\ntype = \"Persn\"\n", 3, []string{"type \"Persn\"", "did you mean Person?"}},
		{"author logo", "[author]\nlogo = \"a.png\"\n", 2, []string{"unknown key author.logo"}},
		{"image absolute", "image = \"/share.png\"\n", 1, []string{"image \"/share.png\" is an absolute path"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// A table goes where [languages.fa] was (line 4), a key first.
			src, line := strings.Replace(base, "[languages.fa]", tt.add+"\n[languages.fa]", 1), tt.line+3
			if tt.add[0] != '[' {
				src, line = tt.add+base, tt.line
			}
			_, err := Parse("site.toml", []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			d := diag.Flatten(err)[0]
			if d.Line != line {
				t.Errorf("at %s, want line %d: %v", d.Pos(), line, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err.Error(), w)
				}
			}
		})
	}
	src := strings.Replace(base, "weight = 1\n", "weight = 1\nlocale = \"fa-IR\"\n", 1)
	if _, err := Parse("site.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), "site.toml:11:") || !strings.Contains(err.Error(), `locale "fa-IR" is not a locale such as fa_IR`) {
		t.Errorf("bad locale: %v", err)
	}
}
