package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rokhdad/rokhdad/internal/bidi"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// RuleControl is the rule of the front matter characters the build changes (bidi.Clean): control
// characters it removes, bidi controls it drops or closes.
const RuleControl = "control"

var (
	frontKey   = regexp.MustCompile(`^[ \t]*([A-Za-z0-9_.-]+|"[^"]*"|'[^']*')[ \t]*=`)
	frontTable = regexp.MustCompile(`^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.-]+)`)
)

// controls warns of each character of the front matter's strings that bidi.Clean removes or
// closes, at its line and column (in runes) in src — where it is written, or where its escape
// (\u202E, \b) begins. Comments and the body are not looked at.
func controls(file, src string) []*diag.Diagnostic {
	lo := splitFile(src)
	if lo.body == nil {
		return nil // the front matter is not closed: build reports it
	}
	start := strings.IndexByte(src, '\n') + 1
	end := lo.body.start
	var out []*diag.Diagnostic
	table, key := "", ""
	lineStart := true
	for i := start; i < end; {
		c := src[i]
		if lineStart {
			stop := end
			if n := strings.IndexByte(src[i:end], '\n'); n >= 0 {
				stop = i + n
			}
			line := src[i:stop]
			if m := frontTable.FindStringSubmatch(line); m != nil {
				table = m[1] + "."
			} else if m := frontKey.FindStringSubmatch(line); m != nil {
				key = strings.Trim(m[1], `"'`)
			}
			lineStart = false
		}
		switch c {
		case '\n':
			lineStart = true
			i++
		case '#':
			j := strings.IndexByte(src[i:end], '\n')
			if j < 0 {
				j = end - i
			}
			i += j
		case '"', '\'':
			dec, at, next := tomlString(src, i, end)
			for _, p := range bidi.Problems(dec) {
				out = append(out, controlWarning(file, src, at[p.Offset], table+key, p))
			}
			i = next
		default:
			i++
		}
	}
	return out
}

// controlWarning is the warning for one problem p of the string of key, whose character is written
// at src[off].
func controlWarning(file, src string, off int, key string, p bidi.Problem) *diag.Diagnostic {
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	line := 1 + strings.Count(src[:ls], "\n")
	col := utf8.RuneCountInString(src[ls:off]) + 1
	name := bidi.Name(p.Rune)
	var msg, hint string
	switch p.Fix {
	case bidi.Removed:
		msg = fmt.Sprintf("control character %s is invisible and left out of the built site", strings.TrimSuffix(name, " (a control character)"))
		hint = "delete it"
	case bidi.Stray:
		msg = fmt.Sprintf("%s closes nothing, so the build leaves it out", name)
		hint = "delete it, or add the embedding or isolate it should close"
	default:
		closer := bidi.Name('\u202c')
		if p.Rune >= '\u2066' {
			closer = bidi.Name('\u2069')
		}
		msg = fmt.Sprintf("%s is never closed, so the build closes it", name)
		hint = "add " + closer + " where it should end, or delete it"
	}
	if key != "" {
		msg = key + ": " + msg
	}
	return warn(file, line, col, RuleControl, msg, hint)
}

// tomlString reads the TOML string that starts at src[i] (its opening quote) and ends before end. It
// returns its value, the offset in src at which each byte of the value is written (for an escape,
// its backslash), and the offset after the string. An escape TOML does not have is skipped: build
// reports it.
func tomlString(src string, i, end int) (value string, at []int, next int) {
	q := src[i]
	delim := src[i : i+1]
	if strings.HasPrefix(src[i:end], strings.Repeat(delim, 3)) {
		delim = strings.Repeat(delim, 3)
	}
	multi := len(delim) == 3
	j := i + len(delim)
	if multi { // a line feed right after the opening delimiter is not part of the string
		if strings.HasPrefix(src[j:end], "\r\n") {
			j += 2
		} else if strings.HasPrefix(src[j:end], "\n") {
			j++
		}
	}
	var b []byte
	add := func(s string, off int) {
		for k := 0; k < len(s); k++ {
			b = append(b, s[k])
			at = append(at, off)
		}
	}
	for j < end {
		c := src[j]
		switch {
		case strings.HasPrefix(src[j:end], delim):
			j += len(delim)
			for extra := 0; multi && extra < 2 && j < end && src[j] == q; extra++ { // """"" ends with quotes
				add(src[j:j+1], j)
				j++
			}
			return string(b), at, j
		case c == '\n' && !multi:
			return string(b), at, j
		case c == '\r' && j+1 < end && src[j+1] == '\n':
			j++ // CRLF reads as LF
		case c == '\\' && q == '"':
			n, r := escape(src[j:end], multi)
			switch {
			case r >= 0:
				add(string(r), j)
			case r == -2: // a line-ending backslash: the white space and line breaks after it go
				j += n
				for j < end && strings.IndexByte(" \t\r\n", src[j]) >= 0 {
					j++
				}
				continue
			}
			j += n
		default:
			_, n := utf8.DecodeRuneInString(src[j:end])
			add(src[j:j+n], j)
			j += n
		}
	}
	return string(b), at, end
}

// escape reads the escape at the start of s (s[0] == '\\') and returns its length and its
// character, -1 for one TOML does not have, or -2 for a line-ending backslash.
func escape(s string, multi bool) (int, rune) {
	if len(s) < 2 {
		return 1, -1
	}
	switch s[1] {
	case 'b':
		return 2, '\b'
	case 't':
		return 2, '\t'
	case 'n':
		return 2, '\n'
	case 'f':
		return 2, '\f'
	case 'r':
		return 2, '\r'
	case 'e':
		return 2, 0x1b
	case '"', '\\':
		return 2, rune(s[1])
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
		if len(s) < 2+n {
			return 2, -1
		}
		v, err := strconv.ParseUint(s[2:2+n], 16, 32)
		if err != nil {
			return 2, -1
		}
		return 2 + n, rune(v)
	}
	if multi && strings.IndexByte(" \t\r\n", s[1]) >= 0 {
		return 1, -2
	}
	return 2, -1
}
