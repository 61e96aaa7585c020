// Package imageref holds the rules for a picture named in a site's files — an article's image,
// site.toml's image and publisher logo: either an http(s) URL, published as written, or the path
// of a file under static/ relative to it ("images/x.jpg" is static/images/x.jpg). A path that
// leads out of static/, an absolute path, a protocol-relative //host/x or another scheme such as
// javascript:, data: or file: is refused with a reason and a hint.
package imageref

import (
	"net/url"
	"path"
	"strings"
)

// IsURL reports whether img is an http(s) (or any scheme:) URL rather than a path under static/.
func IsURL(img string) bool { return scheme(img) != "" }

const imageHint = `put the picture under static/ and write its path from there, e.g. image = "images/x.jpg" for static/images/x.jpg, or give an http(s) URL`

// Clean returns the image as published (a cleaned path relative to static/, or the URL), or what
// is wrong with it and a hint.
func Clean(img string) (clean, msg, hint string) {
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
