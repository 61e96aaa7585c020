package tomldoc

import "testing"

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
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse("f", []byte(src), 1)
		if err != nil {
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
