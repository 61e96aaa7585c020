package tomldoc

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// fastDecode decodes the TOML that front matter is almost always written in — bare keys, one-line
// basic and literal strings, integers, booleans, offset date-times, one-line arrays of strings,
// [table] and [[array of tables]] headers with bare names, comments — into exactly the map that
// github.com/BurntSushi/toml decodes it into (FuzzFastDecode checks they agree). ok is false for
// anything else, valid or not: Parse then hands the document to BurntSushi/toml, which also
// reports every error. Decoding front matter was a sixth of a whole build's CPU time; this path
// is several times faster. It also returns where each key is written, as locate would find it
// (firstLine is the document's first line in its file), saving a second pass.
func fastDecode(src []byte, firstLine int) (root map[string]any, pos map[string]Pos, ok bool) {
	if !utf8.Valid(src) {
		return nil, nil, false
	}
	root, pos = map[string]any{}, map[string]Pos{}
	cur := root
	prefix := "" // the key path of the current table, as locate writes it
	s := string(src)
	for ln := firstLine; len(s) > 0; ln++ {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		full := len(line)
		line = strings.TrimLeft(line, " \t")
		col := full - len(line) + 1 // the indent is blanks: bytes are runes
		if line == "" || line[0] == '#' {
			if !commentOK(line) {
				return nil, nil, false
			}
			continue
		}
		if line[0] == '[' {
			array := strings.HasPrefix(line, "[[")
			open, close := "[", "]"
			if array {
				open, close = "[[", "]]"
			}
			end := strings.Index(line, close)
			if end < 0 {
				return nil, nil, false
			}
			name := line[len(open):end]
			if !bareKey(name) || !restOK(line[end+len(close):]) {
				return nil, nil, false
			}
			t := map[string]any{}
			switch v, exists := root[name]; {
			case array && !exists:
				root[name] = []map[string]any{t}
				pos[name] = Pos{ln, col}
				prefix = name + "[0]"
			case array:
				list, isList := v.([]map[string]any)
				if !isList {
					return nil, nil, false
				}
				prefix = name + "[" + strconv.Itoa(len(list)) + "]"
				root[name] = append(list, t)
			case exists:
				return nil, nil, false
			default:
				root[name] = t
				prefix = name
			}
			pos[prefix] = Pos{ln, col}
			cur = t
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			return nil, nil, false
		}
		key := strings.TrimRight(line[:eq], " \t")
		if !bareKey(key) {
			return nil, nil, false
		}
		if _, dup := cur[key]; dup {
			return nil, nil, false
		}
		v, rest, ok := value(strings.TrimLeft(line[eq+1:], " \t"))
		if !ok || !restOK(rest) {
			return nil, nil, false
		}
		cur[key] = v
		path := key
		if prefix != "" {
			path = prefix + "." + key
		}
		pos[path] = Pos{ln, col}
	}
	return root, pos, true
}

// value reads one value at the start of s and returns what follows it.
func value(s string) (v any, rest string, ok bool) {
	if s == "" {
		return nil, "", false
	}
	switch c := s[0]; {
	case c == '"':
		return basicString(s)
	case c == '\'':
		return literalString(s)
	case c == '[':
		return stringArray(s)
	case strings.HasPrefix(s, "true"):
		return true, s[4:], true
	case strings.HasPrefix(s, "false"):
		return false, s[5:], true
	case c >= '0' && c <= '9' || c == '-' || c == '+':
		end := 0
		for end < len(s) && s[end] != ' ' && s[end] != '\t' && s[end] != '#' && s[end] != ',' && s[end] != ']' {
			end++
		}
		tok := s[:end]
		if t, ok := offsetDateTime(tok); ok {
			return t, s[end:], true
		}
		if n, ok := integer(tok); ok {
			return n, s[end:], true
		}
	}
	return nil, "", false
}

// basicString reads a one-line "…" string with the escapes every TOML version has.
func basicString(s string) (any, string, bool) {
	if strings.HasPrefix(s, `"""`) {
		return nil, "", false
	}
	var b strings.Builder
	plain := true // no escapes so far: the result is a substring
	for i := 1; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			if plain {
				return s[1:i], s[i+1:], true
			}
			return b.String(), s[i+1:], true
		case c == '\\':
			if plain {
				b.WriteString(s[1:i])
				plain = false
			}
			if i+1 >= len(s) {
				return nil, "", false
			}
			n := 2
			switch s[i+1] {
			case 'b':
				b.WriteByte('\b')
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'f':
				b.WriteByte('\f')
			case 'r':
				b.WriteByte('\r')
			case '"':
				b.WriteByte('"')
			case '\\':
				b.WriteByte('\\')
			case 'u', 'U':
				digits := 4
				if s[i+1] == 'U' {
					digits = 8
				}
				if i+2+digits > len(s) {
					return nil, "", false
				}
				cp, err := strconv.ParseUint(s[i+2:i+2+digits], 16, 32)
				if err != nil || !utf8.ValidRune(rune(cp)) {
					return nil, "", false
				}
				b.WriteRune(rune(cp))
				n = 2 + digits
			default:
				return nil, "", false
			}
			i += n
		case c < 0x20 && c != '\t' || c == 0x7f:
			return nil, "", false
		default:
			if !plain {
				b.WriteByte(c)
			}
			i++
		}
	}
	return nil, "", false
}

// literalString reads a one-line '…' string.
func literalString(s string) (any, string, bool) {
	if strings.HasPrefix(s, "'''") {
		return nil, "", false
	}
	end := strings.IndexByte(s[1:], '\'')
	if end < 0 {
		return nil, "", false
	}
	v := s[1 : 1+end]
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return nil, "", false
		}
	}
	return v, s[2+end:], true
}

// stringArray reads a one-line array of strings.
func stringArray(s string) (any, string, bool) {
	arr := make([]any, 0, 2) // as BurntSushi/toml makes it
	s = strings.TrimLeft(s[1:], " \t")
	for {
		if strings.HasPrefix(s, "]") {
			return arr, s[1:], true
		}
		if s == "" || s[0] != '"' && s[0] != '\'' {
			return nil, "", false
		}
		v, rest, ok := value(s)
		if !ok {
			return nil, "", false
		}
		arr = append(arr, v)
		s = strings.TrimLeft(rest, " \t")
		if strings.HasPrefix(s, ",") {
			s = strings.TrimLeft(s[1:], " \t")
		} else if !strings.HasPrefix(s, "]") {
			return nil, "", false
		}
	}
}

// offsetDateTime reads 2006-01-02T15:04:05[.frac](Z|±07:00) as BurntSushi/toml does.
func offsetDateTime(s string) (time.Time, bool) {
	const pattern = "0000-00-00T00:00:00"
	if len(s) < len(pattern)+1 {
		return time.Time{}, false
	}
	for i := 0; i < len(pattern); i++ {
		if p := pattern[i]; p == '0' && (s[i] < '0' || s[i] > '9') || p != '0' && s[i] != p {
			return time.Time{}, false
		}
	}
	rest := s[len(pattern):]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 || i > 10 {
			return time.Time{}, false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
		isDigits(rest[1:3]) && isDigits(rest[4:6]):
	default:
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(time.RFC3339Nano, s, time.Local)
	return t, err == nil
}

// integer reads a decimal integer without underscores or leading zeros.
func integer(s string) (int64, bool) {
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || !isDigits(digits) || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func bareKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// restOK says whether what follows a value or header is only blanks and a comment.
func restOK(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return s == "" || s[0] == '#' && commentOK(s)
}

// commentOK says whether a comment (or blank line) has only characters TOML allows in one.
func commentOK(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
