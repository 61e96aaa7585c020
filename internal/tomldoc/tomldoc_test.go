package tomldoc

import (
	"strconv"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/diag"
)

func TestLocate(t *testing.T) {
	src := `# comment
title = "x"
"quoted key" = 1
a.b.c = 2
long = """
not = a key
"""
arr = [
  "x = y",
]
[languages.fa]
name = "فارسی"
  timezone = "Asia/Tehran"

[[timeline]]
at = "1"
[[timeline]]
text = 'x'
`
	pos := locate([]byte(src), 10)
	want := map[string]Pos{
		"title":                 {11, 1},
		"quoted key":            {12, 1},
		"a.b.c":                 {13, 1},
		"a":                     {13, 1},
		"long":                  {14, 1},
		"arr":                   {17, 1},
		"languages.fa":          {20, 1},
		"languages.fa.name":     {21, 1},
		"languages.fa.timezone": {22, 3},
		"timeline[0]":           {24, 1},
		"timeline[0].at":        {25, 1},
		"timeline[1].text":      {27, 1},
	}
	for k, w := range want {
		if got := pos[k]; got != w {
			t.Errorf("%s at %v, want %v", k, got, w)
		}
	}
	for _, k := range []string{"not", "x"} {
		if _, ok := pos[k]; ok {
			t.Errorf("%q found inside a multi-line value", k)
		}
	}
}

func TestDocPosFallsBackToParent(t *testing.T) {
	d, err := Parse("f", []byte("[[timeline]]\nat = \"x\"\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Pos("timeline[0].text"); got.Line != 1 {
		t.Errorf("missing key falls back to line %d, want 1", got.Line)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title = \"x\"\n[[timeline]]\nat = 1\n")
	f.Add("a = \"\"\"\nb\n\"\"\"\n[x]\ny.z = [1,\n2]\n")
	f.Add("a = 1\n[[t]]\nb = 2\n  b = 3\n[x]\n[x]\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f", []byte(src), 1)
		if err != nil {
			checkDuplicateAt(t, src, err)
			return
		}
		r := d.Root()
		for _, k := range r.Keys() {
			r.String(k, false)
			r.Tables(k)
		}
		r.Strict(nil)
	})
}

// checkDuplicateAt: a key reported as written twice is reported where a key or [table] starts,
// after the line of the first one.
func checkDuplicateAt(t *testing.T, src string, err error) {
	d, ok := err.(*diag.Diagnostic)
	if !ok || !strings.Contains(d.Msg, "is already written at line ") {
		return
	}
	first, _ := strconv.Atoi(strings.TrimPrefix(d.Msg[strings.LastIndex(d.Msg, " "):], " "))
	lines := strings.Split(src, "\n")
	if d.Line < 1 || d.Line > len(lines) || first < 1 || first >= d.Line {
		t.Fatalf("duplicate at line %d, first at line %d, of %d lines: %v", d.Line, first, len(lines), err)
	}
	line := lines[d.Line-1]
	if d.Col < 1 || d.Col > len(line) || strings.TrimLeft(line[:d.Col-1], " \t") != "" || strings.ContainsRune(" \t#=", rune(line[d.Col-1])) {
		t.Fatalf("duplicate at column %d of %q: %v", d.Col, line, err)
	}
}
