package content

import (
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// withImage is a good article whose front matter has the image line img (on line 4).
func withImage(img string) []byte {
	return []byte("+++\ntitle = \"Outage\"\ndate = 2023-11-08T10:00:00Z\n" + img + "\nimage_alt = \"A dark data centre\"\n+++\n\nBody.\n")
}

// An image is a path under static/ or an http(s) URL; anything else is an error at the image key.
func TestImage(t *testing.T) {
	for _, c := range []struct {
		line      string
		image     string   // Image after parsing ("" when it is an error)
		file      string   // ImageFile
		msg, hint []string // the error's message and hint contain each
	}{
		{line: `image = "images/x.jpg"`, image: "images/x.jpg", file: "static/images/x.jpg"},
		{line: `image = " images/x.jpg "`, image: "images/x.jpg", file: "static/images/x.jpg"},
		{line: `image = "./images/x.jpg"`, image: "images/x.jpg", file: "static/images/x.jpg"},
		{line: `image = "images/a/../x.jpg"`, image: "images/x.jpg", file: "static/images/x.jpg"},
		{line: `image = "تصویرها/قطعی.jpg"`, image: "تصویرها/قطعی.jpg", file: "static/تصویرها/قطعی.jpg"},
		{line: `image = "https://example.org/x.jpg"`, image: "https://example.org/x.jpg"},
		{line: `image = "HTTP://example.org/x.jpg?w=800"`, image: "HTTP://example.org/x.jpg?w=800"},

		{line: `image = "../../../etc/passwd"`, msg: []string{`image "../../../etc/passwd" leads out of static/`}, hint: []string{"static/"}},
		{line: `image = "images/../../x.jpg"`, msg: []string{"leads out of static/"}},
		{line: `image = ".."`, msg: []string{"leads out of static/"}},
		{line: `image = "/etc/passwd"`, msg: []string{`image "/etc/passwd" is an absolute path`}, hint: []string{"without the leading /"}},
		{line: `image = "/images/x.jpg"`, msg: []string{"absolute path"}, hint: []string{`image = "images/x.jpg"`}},
		{line: `image = "//evil.example/x.jpg"`, msg: []string{"protocol-relative"}, hint: []string{"https://evil.example/x.jpg"}},
		{line: `image = "javascript:alert(1)"`, msg: []string{`image "javascript:alert(1)" is a javascript: URL`}, hint: []string{"http(s) URL"}},
		{line: `image = "JavaScript:alert(1)"`, msg: []string{"javascript: URL"}},
		{line: `image = "data:image/png;base64,iVBORw0KGgo="`, msg: []string{"data: URL"}},
		{line: `image = "file:///etc/passwd"`, msg: []string{"file: URL"}},
		{line: `image = "ftp://example.org/x.jpg"`, msg: []string{"ftp: URL"}},
		{line: `image = "https:///x.jpg"`, msg: []string{"has no host"}},
		{line: `image = "https://"`, msg: []string{"has no host"}},
		{line: `image = "C:\\Users\\me\\x.jpg"`, msg: []string{"a path on your computer"}},
		{line: `image = "images\\x.jpg"`, msg: []string{`\`}, hint: []string{"images/x.jpg"}},
		{line: `image = "images/x.jpg\u0000"`, msg: []string{"control character"}},
	} {
		p, err := Parse("content/en/incidents/x.md", withImage(c.line), time.UTC)
		if c.msg == nil {
			if err != nil {
				t.Errorf("%s: %v", c.line, err)
				continue
			}
			if p.Image != c.image || p.ImageFile() != c.file {
				t.Errorf("%s: Image %q ImageFile %q, want %q %q", c.line, p.Image, p.ImageFile(), c.image, c.file)
			}
			if p.ImageLine != 4 || p.ImageCol != 1 {
				t.Errorf("%s: image at %d:%d, want 4:1", c.line, p.ImageLine, p.ImageCol)
			}
			continue
		}
		list := diag.Flatten(err)
		if len(list) != 1 {
			t.Errorf("%s: want one error, got %v", c.line, err)
			continue
		}
		d := list[0]
		if d.Pos() != "content/en/incidents/x.md:4:1" || d.Rule != "image" {
			t.Errorf("%s: at %s [%s], want content/en/incidents/x.md:4:1 [image]", c.line, d.Pos(), d.Rule)
		}
		for _, want := range c.msg {
			if !strings.Contains(d.Msg, want) {
				t.Errorf("%s: message %q lacks %q", c.line, d.Msg, want)
			}
		}
		for _, want := range c.hint {
			if !strings.Contains(d.Hint, want) {
				t.Errorf("%s: hint %q lacks %q", c.line, d.Hint, want)
			}
		}
	}
}

// CheckImage reports a missing file under static/ at the image key; URLs are not looked up.
func TestCheckImage(t *testing.T) {
	has := map[string]bool{"static/images/x.jpg": true, "static/images/y.jpg": true}
	exists := func(name string) bool { return has[name] }
	for _, c := range []struct {
		line string
		msg  []string // "" when fine
		hint []string
	}{
		{line: `image = "images/x.jpg"`},
		{line: `image = "https://example.org/nope.jpg"`},
		{line: `image = "images/nope.jpg"`, msg: []string{`image "images/nope.jpg": there is no file static/images/nope.jpg`}, hint: []string{"put the picture at static/images/nope.jpg"}},
		{line: `image = "static/images/y.jpg"`, msg: []string{"no file static/static/images/y.jpg"}, hint: []string{`image = "images/y.jpg"`}},
	} {
		p, err := Parse("content/en/incidents/x.md", withImage(c.line), time.UTC)
		if err != nil {
			t.Fatalf("%s: %v", c.line, err)
		}
		err = p.CheckImage(exists)
		if c.msg == nil {
			if err != nil {
				t.Errorf("%s: %v", c.line, err)
			}
			continue
		}
		d, ok := err.(*diag.Diagnostic)
		if !ok {
			t.Errorf("%s: %T %v, want a *diag.Diagnostic", c.line, err, err)
			continue
		}
		if d.Pos() != "content/en/incidents/x.md:4:1" || d.Rule != "image" {
			t.Errorf("%s: at %s [%s]", c.line, d.Pos(), d.Rule)
		}
		for _, want := range c.msg {
			if !strings.Contains(d.Msg, want) {
				t.Errorf("%s: message %q lacks %q", c.line, d.Msg, want)
			}
		}
		for _, want := range c.hint {
			if !strings.Contains(d.Hint, want) {
				t.Errorf("%s: hint %q lacks %q", c.line, d.Hint, want)
			}
		}
	}
	if err := (&Page{}).CheckImage(exists); err != nil {
		t.Errorf("no image: %v", err)
	}
}
