package content

import (
	"strconv"
	"strings"

	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/imageref"
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
	clean, msg, hint := CleanImage(img)
	if msg != "" {
		t.Errorf("image", hint, "image %q %s", img, msg)
		return
	}
	p.Image = clean
}

// CleanImage returns the image as published (a cleaned path relative to static/, or the URL), or
// what is wrong with it and a hint (imageref.Clean). site.toml's image and logo follow the same rules.
func CleanImage(img string) (clean, msg, hint string) { return imageref.Clean(img) }

// ImageIsURL reports whether the article's image is an http(s) URL rather than a file under static/.
func (p *Page) ImageIsURL() bool { return imageref.IsURL(p.Image) }

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
