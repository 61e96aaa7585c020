// Package chart draws the small build-time SVG pictures that rokhdad inlines into its HTML pages:
// the incident timeline (Timeline) and the 90-day service uptime bar (Uptime).
//
// The pictures need no JavaScript and no external library. They are plain SVG elements meant to
// be placed directly in the page, and they follow the page rather than fixing a look of their own:
//
//   - Text, the axis and the tick marks use currentColor, so they have the page's text colour and
//     contrast in light mode, dark mode and print.
//   - Coloured shapes carry CSS classes (.ph-investigating, .ph-identified, .ph-monitoring,
//     .ph-resolved, .ph-other; .up-0 … .up-4, .up-n). A small <style> element inside each SVG
//     colours them with the page's custom properties (--bad, --warn, --info, --ok, --muted,
//     --rule) and has fallbacks for pages that do not define them. All its rules are scoped under
//     the .rkc class of the <svg> element, so a theme can override them.
//   - The pictures use a viewBox 450 units wide and width="100%". Text is 16 units, which is
//     at least 11 CSS px when the picture is 310 px wide (a 360 px phone less its margins). The
//     .rkc rule caps the width at 30rem, which keeps the text close to body size on wide screens.
//   - Right-to-left pictures are mirrored by computing mirrored x positions, so glyphs are never
//     mirrored. They set direction="rtl" so Persian labels are shaped and anchored properly.
//   - Each picture has role="img" and is named by a <title> (and, for the timeline, a <desc>)
//     through aria-labelledby. The HTML on the page stays the source of truth; the picture is
//     an illustration of it.
//
// The package imports no other rokhdad package: callers pass the localized strings (labels,
// tooltips, summaries) and, for tick labels, a formatting function, so the digits and the calendar
// of the page are the caller's choice. Every caller string is escaped. Output is deterministic.
package chart

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/digits"
)

// Geometry shared by both pictures, in viewBox units.
const (
	viewW    = 450.0 // viewBox width
	fontSize = 16.0  // text size; 16/450 of the rendered width (11.7 px at 330 px)
)

// buf builds one SVG document. It is a thin wrapper around a byte slice so that a picture costs
// one growing buffer and one final string conversion.
type buf struct{ b []byte }

func (w *buf) s(s string) { w.b = append(w.b, s...) }

// num writes v rounded to one decimal, without a trailing ".0" and without "-0".
func (w *buf) num(v float64) {
	w.b = appendNum(w.b, v)
}

func appendNum(b []byte, v float64) []byte {
	t := math.Round(v * 10)
	if !(math.Abs(t) < 1e15) { // also NaN and ±Inf, which never occur in a valid picture
		return append(b, '0')
	}
	n := int64(t)
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/10, 10)
	if d := n % 10; d != 0 {
		b = append(b, '.', byte('0'+d))
	}
	return b
}

// esc writes s escaped for use as XML/HTML text or as a double-quoted attribute value. Characters
// that XML 1.0 does not allow (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) and invalid
// UTF-8 are replaced by U+FFFD, so the output always parses as XML.
func (w *buf) esc(s string) {
	last := 0 // s[last:i] is yet to be copied verbatim
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		n := 1
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'':
				i++
				continue
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '&':
				rep = "&amp;"
			case c == '"':
				rep = "&#34;"
			case c == '\'':
				rep = "&#39;"
			case c == '\t' || c == '\n' || c == '\r':
				i++
				continue
			default:
				rep = "\uFFFD"
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF) {
				i += n
				continue
			}
			rep = "\uFFFD"
		}
		w.b = append(w.b, s[last:i]...)
		w.b = append(w.b, rep...)
		i += n
		last = i
	}
	w.b = append(w.b, s[last:]...)
}

// id writes an id prefix made safe for an id attribute and for an aria-labelledby list: letters,
// digits, '-' and '_' are kept, anything else becomes '-'. An empty prefix becomes def.
func (w *buf) id(p, def string) {
	if p == "" {
		p = def
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			w.b = append(w.b, c)
		} else {
			w.b = append(w.b, '-')
		}
	}
}

// open writes the <svg> start tag (viewBox minX 0 450 h) with its accessible name, followed by the <style> element and
// the <title>. labelled lists the id suffixes aria-labelledby points at.
func (w *buf) open(cls string, minX, h float64, rtl bool, idPrefix, def string, labelled []string, style, title string) {
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="rkc `)
	w.s(cls)
	w.s(`" viewBox="`)
	w.num(minX)
	w.s(` 0 450 `)
	w.num(h)
	w.s(`" width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="`)
	for i, suf := range labelled {
		if i > 0 {
			w.s(" ")
		}
		w.id(idPrefix, def)
		w.s(suf)
	}
	w.s(`" fill="currentColor" font-size="`)
	w.num(fontSize)
	w.s(`"`)
	if rtl {
		w.s(` direction="rtl"`)
	} else {
		w.s(` direction="ltr"`)
	}
	w.s(`><title id="`)
	w.id(idPrefix, def)
	w.s(`-t">`)
	w.esc(title)
	w.s(`</title>`)
	w.s(style)
}

// anchor returns the text-anchor value that puts text on the given physical side of x: with
// direction="rtl" the start of a string is its right end.
func anchor(rightOfX, rtl bool) string {
	// rightOfX: the text extends to the right of x (its left edge is at x).
	if rightOfX != rtl {
		return "start"
	}
	return "end"
}

// textWidth estimates the rendered width of s in em. Fonts are not available at build time, so
// this is a deliberately generous heuristic, used only to decide which labels fit.
func textWidth(s string) float64 {
	var em float64
	for _, r := range s {
		switch {
		case r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r >= '\u064b' && r <= '\u065f':
			// joiners, direction marks, Arabic diacritics: no advance
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			em += 0.28
		case r == 'i' || r == 'l' || r == 'j' || r == 'I' || r == '.' || r == ',' || r == ':' || r == ';' ||
			r == '\'' || r == '|' || r == '!' || r == '،' || r == '٫':
			em += 0.28
		case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '-' || r == '/':
			em += 0.36
		case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '—' || r == '%':
			em += 0.86
		case r >= 'A' && r <= 'Z':
			em += 0.66
		case digits.IsDigit(r):
			em += 0.58
		case r >= '\u0600' && r <= '\u06ff' || r >= '\ufb50' && r <= '\ufeff':
			em += 0.5
		case r < 0x80:
			em += 0.54
		default:
			em += 0.62
		}
	}
	return em
}
