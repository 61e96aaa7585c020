package tomldoc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// locate maps each key path in a TOML document to where it is written. It understands what front
// matter and site configuration use: [table] and [[array]] headers, bare, quoted and dotted keys, and
// values that span lines (multi-line strings and arrays). Inline tables are not descended into: their
// key's own position stands for everything inside.
func locate(src []byte, firstLine int) map[string]Pos { return scanKeys(src, firstLine, nil) }

// dupKey is a key or table written a second time.
type dupKey struct {
	path          string // as Doc.Pos takes it; a table as "[name]"
	first, second Pos
}

// duplicate finds the first key or [table] that the document writes twice, as locate reads it.
func duplicate(src []byte, firstLine int) (dupKey, bool) {
	var d dupKey
	scanKeys(src, firstLine, &d)
	return d, d.path != ""
}

// scanKeys is locate; when dup is not nil, it also stops at the first key or [table] written
// twice and sets *dup. Keys are compared part by part, so "a.b" = 1 and a.b = 1 differ.
func scanKeys(src []byte, firstLine int, dup *dupKey) map[string]Pos {
	pos := map[string]Pos{}
	counts := map[string]int{}
	prefix := ""
	var seen map[string]Pos // what is written, by its parts joined with NUL
	idPrefix := ""
	if dup != nil {
		seen = map[string]Pos{}
	}
	written := func(id, path string, p Pos) bool {
		if seen == nil {
			return false
		}
		if first, ok := seen[id]; ok {
			*dup = dupKey{path: path, first: first, second: p}
			return true
		}
		seen[id] = p
		return false
	}
	lines := strings.Split(string(src), "\n")
	var inString string // the delimiter of an open multi-line string
	depth := 0          // open [ and { of a multi-line value
	for i, line := range lines {
		ln := i + firstLine
		if inString != "" {
			if j := strings.Index(line, inString); j >= 0 {
				rest := line[j+3:]
				inString = ""
				depth += bracketDelta(rest, &inString)
			}
			continue
		}
		if depth > 0 {
			depth += bracketDelta(line, &inString)
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if strings.HasPrefix(trimmed, "[[") {
			parts := parseKey(strings.TrimSpace(strings.SplitN(trimmed[2:], "]]", 2)[0]))
			name := strings.Join(parts, ".")
			n := counts[name]
			counts[name] = n + 1
			prefix = name + "[" + strconv.Itoa(n) + "]"
			idPrefix = strings.Join(parts, "\x00") + "[" + strconv.Itoa(n) + "]"
			pos[prefix] = Pos{ln, indent + 1}
			if _, ok := pos[name]; !ok {
				pos[name] = Pos{ln, indent + 1}
			}
			continue
		}
		if trimmed[0] == '[' {
			parts := parseKey(strings.TrimSpace(strings.SplitN(trimmed[1:], "]", 2)[0]))
			name := strings.Join(parts, ".")
			prefix = name
			idPrefix = strings.Join(parts, "\x00")
			if written("[\x00"+idPrefix, "["+name+"]", Pos{ln, indent + 1}) {
				return pos
			}
			pos[prefix] = Pos{ln, indent + 1}
			continue
		}
		eq := keyEnd(trimmed)
		if eq < 0 {
			continue
		}
		parts := parseKey(strings.TrimSpace(trimmed[:eq]))
		if seen != nil {
			full := strings.Join(parts, ".")
			if prefix != "" {
				full = prefix + "." + full
			}
			if written(idPrefix+"\x00"+strings.Join(parts, "\x00"), full, Pos{ln, indent + 1}) {
				return pos
			}
		}
		path := prefix
		for _, p := range parts {
			if path == "" {
				path = p
			} else {
				path += "." + p
			}
			if _, ok := pos[path]; !ok {
				pos[path] = Pos{ln, utf8.RuneCountInString(line[:indent]) + 1}
			}
		}
		depth += bracketDelta(trimmed[eq+1:], &inString)
	}
	return pos
}

// keyEnd returns the index of the '=' that ends the key part of a key/value line, or -1.
func keyEnd(s string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		case c == '#':
			return -1
		}
	}
	return -1
}

// parseKey splits a dotted key into its parts, unquoting quoted parts.
func parseKey(s string) []string {
	var parts []string
	for s != "" {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			break
		}
		var part string
		if s[0] == '"' || s[0] == '\'' {
			q := s[0]
			j := 1
			for j < len(s) && s[j] != q {
				if s[j] == '\\' && q == '"' {
					j++
				}
				j++
			}
			raw := s[:min(j+1, len(s))]
			if q == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				} else {
					part = strings.Trim(raw, `"`)
				}
			} else {
				part = strings.Trim(raw, "'")
			}
			s = s[min(j+1, len(s)):]
		} else {
			j := strings.IndexByte(s, '.')
			if j < 0 {
				j = len(s)
			}
			part = strings.TrimSpace(s[:j])
			s = s[j:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, ".") {
			s = s[1:]
		}
	}
	return parts
}

// bracketDelta counts how many [ and { a value opens minus how many it closes, outside strings and
// comments; it notes an unterminated multi-line string in *open.
func bracketDelta(s string, open *string) int {
	d := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '#':
			return d
		case '[', '{':
			d++
		case ']', '}':
			d--
		case '"', '\'':
			if strings.HasPrefix(s[i:], `"""`) || strings.HasPrefix(s[i:], `'''`) {
				delim := s[i : i+3]
				j := strings.Index(s[i+3:], delim)
				if j < 0 {
					*open = delim
					return d
				}
				i += 3 + j + 2
				continue
			}
			q := c
			i++
			for i < len(s) && s[i] != q {
				if s[i] == '\\' && q == '"' {
					i++
				}
				i++
			}
		}
	}
	return d
}
