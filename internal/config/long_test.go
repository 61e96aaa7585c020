package config

import (
	"strings"
	"testing"
)

// A value thousands of characters long is quoted cut in the message.
func TestLongValuesAreCut(t *testing.T) {
	long := strings.Repeat("rtl-", 1500)
	for name, c := range map[string][2]string{
		"baseURL":         {`"https://user.github.io/repo"`, `"https://user.github.io/repo/` + long + `%zz"`},
		"relative":        {`"https://user.github.io/repo"`, `"/` + long + `"`},
		"defaultLanguage": {`defaultLanguage = "fa"`, `defaultLanguage = "` + long + `"`},
		"direction":       {`direction = "rtl"`, `direction = "` + long + `"`},
		"timezone":        {`timezone = "Asia/Tehran"`, `timezone = "` + long + `"`},
		"type":            {`weight = 1`, `weight = "` + long + `"`},
		"calendar":        {`calendar = "persian"`, `calendar = "` + long + `"`},
		"syntax":          {`weight = 1`, `weight = ` + long},
		"code":            {`[languages.en]`, `[languages.` + strings.Repeat("x", 3000) + `]`},
	} {
		src := strings.Replace(base, c[0], c[1], 1)
		if src == base {
			t.Fatalf("%s: the test did not change the input", name)
		}
		_, err := Parse("site.toml", []byte(src))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		msg := err.Error()
		if len(msg) > 700 || strings.Contains(msg, long[:100]) {
			t.Errorf("%s: %d bytes: %.800s", name, len(msg), msg)
		}
	}
	if _, err := ParseBaseURL("/" + long); err == nil || len(err.Error()) > 300 {
		t.Errorf("--baseURL: %.400v", err)
	}
}
