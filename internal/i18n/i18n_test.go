package i18n

import (
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	c, err := Parse("i18n/x.toml", "x", []byte(`a = "{date}، ساعت {time}"
b = "no placeholders"
c = "{n} of {n}, {unknown} and {"
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		vals []string
		want string
	}{
		{"a", []string{"date", "۱۷ آبان", "time", "۰۷:۲۲"}, "۱۷ آبان، ساعت ۰۷:۲۲"},
		{"b", []string{"date", "x"}, "no placeholders"},
		{"c", []string{"n", "3"}, "3 of 3, {unknown} and {"},
		{"a", nil, "{date}، ساعت {time}"},
	}
	for _, tt := range tests {
		got, err := c.Format(tt.key, tt.vals...)
		if err != nil || got != tt.want {
			t.Errorf("Format(%s, %v) = %q, %v; want %q", tt.key, tt.vals, got, err, tt.want)
		}
	}
}

func TestMissingKeyAndCompleteness(t *testing.T) {
	fa, _ := Parse("i18n/fa.toml", "fa", []byte("a = \"x\"\nb = \"y\"\n"))
	en, _ := Parse("i18n/en.toml", "en", []byte("a = \"x\"\n"))
	if _, err := en.T("b"); err == nil || !strings.Contains(err.Error(), `"b"`) || !strings.Contains(err.Error(), `"en"`) {
		t.Errorf("missing key: %v", err)
	}
	err := CheckComplete([]*Catalog{fa, en})
	if err == nil || !strings.Contains(err.Error(), `i18n key "b" is missing for language "en"`) {
		t.Errorf("CheckComplete: %v", err)
	}
}
