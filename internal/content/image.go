package content

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/tomldoc"
)

// The front matter's image is either an http(s) URL, published as written, or the path of a file
// under the site's static/ folder (or the theme's), relative to it: image = "images/x.jpg" is
// static/images/x.jpg, published at <base>/images/x.jpg. Anything else — a path that leads out of
// static/, an absolute path, a protocol-relative //host/x, another scheme such as javascript:, data:
// or file: — is an error at the image key, and so is a file that does not exist (CheckImage): a page
// never points its reader at a picture the site does not have.

// parseImage reads the image key into p, cleaned, or records why it is not one.
func (p *Page) parseImage(t *tomldoc.Table) {
	raw := t.String("image", false)
	img := strings.TrimSpace(raw)
	if img == "" {
		return
	}
	pos := t.KeyPos("image")
	p.ImageLine, p.ImageCol = pos.Line, pos.Col
	clean, msg, hint := cleanImage(img)
	if msg != "" {
		t.Errorf("image", hint, "image %q %s", img, msg)
		return
	}
	p.Image = clean
}

const imageHint = `put the picture under static/ and write its path from there, e.g. image = "images/x.jpg" for static/images/x.jpg, or give an http(s) URL`

// cleanImage returns the image as published (a cleaned path relative to static/, or the URL), or
// what is wrong with it and a hint.
func cleanImage(img string) (clean, msg, hint string) {
	for _, r := range img {
		if r < ' ' || r == 0x7f {
			return "", "contains a control character", imageHint
		}
	}
	if s := scheme(img); s != "" {
		switch ls := strings.ToLower(s); {
		case ls == "http" || ls == "https":
			u, err := url.Parse(img)
			if err != nil {
				return "", "is not a valid URL: " + err.Error(), "write it as https://host/path"
			}
			if u.Host == "" {
				return "", "has no host", "write it as https://host/path"
			}
			return img, "", ""
		case len(s) == 1:
			return "", "is a path on your computer", imageHint
		default:
			return "", "is a " + ls + ": URL, which is not a picture the page can show safely", imageHint
		}
	}
	if strings.HasPrefix(img, "//") || strings.HasPrefix(img, `\\`) {
		return "", "is a protocol-relative URL, which leaves the site without saying how",
			"write it with https:, e.g. image = \"https:" + strings.ReplaceAll(img, `\`, "/") + "\""
	}
	if strings.Contains(img, `\`) {
		return "", `separates folders with \`, `write / instead, e.g. image = "` + strings.ReplaceAll(img, `\`, "/") + `"`
	}
	if strings.HasPrefix(img, "/") {
		rel := strings.TrimLeft(img, "/")
		return "", "is an absolute path",
			`image paths are relative to static/: write it without the leading /, e.g. image = "` + rel + `" for static/` + rel
	}
	clean = path.Clean(img)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", "leads out of static/", imageHint
	}
	return clean, "", ""
}

// scheme returns the URL scheme s starts with ("https" for "https://…"), or "".
func scheme(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return s[:i]
		default:
			return ""
		}
	}
	return ""
}

// ImageIsURL reports whether the article's image is an http(s) URL rather than a file under static/.
func (p *Page) ImageIsURL() bool { return scheme(p.Image) != "" }

// ImageFile is the site path of the file the article's image names ("static/images/x.jpg"), or ""
// when the image is a URL or there is none.
func (p *Page) ImageFile() string {
	if p.Image == "" || p.ImageIsURL() {
		return ""
	}
	return "static/" + p.Image
}

// CheckImage returns a *diag.Diagnostic at the image key when the article's image names a file
// under static/ that does not exist, by exists, which is given a site path such as
// "static/images/x.jpg" (source.FS.Exists looks in the site and its theme); else nil.
func (p *Page) CheckImage(exists func(name string) bool) error {
	f := p.ImageFile()
	if f == "" || exists(f) {
		return nil
	}
	hint := "put the picture at " + f + ", or correct the path, which is relative to static/"
	if rest, ok := strings.CutPrefix(p.Image, "static/"); ok && exists(f[len("static/"):]) {
		hint = `image paths are relative to static/: write image = "` + rest + `"`
	}
	return &diag.Diagnostic{File: p.File, Line: p.ImageLine, Col: p.ImageCol, Rule: "image",
		Msg: "image " + strconv.Quote(p.Image) + ": there is no file " + f, Hint: hint}
}
