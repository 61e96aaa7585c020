package content

import (
	"strings"
	"testing"
	"time"
)

// A value thousands of characters long is quoted cut in the message, wherever it is wrong.
func TestLongValuesAreCut(t *testing.T) {
	long := "2023-11-07 19:52 " + strings.Repeat("and then the API failed again ", 200)
	fm := func(lines ...string) string { return "+++\n" + strings.Join(lines, "\n") + "\n+++\nbody\n" }
	head := []string{`title = "x"`, `date = 2023-11-08T10:00:00Z`}
	for name, src := range map[string]string{
		"at":       fm(append(head, ``, `[[timeline]]`, `at = "`+long+`"`, `text = "x"`)...),
		"zone":     fm(append(head, ``, `[[timeline]]`, `at = "2023-11-07 19:52"`, `zone = "`+long+`"`, `text = "x"`)...),
		"timezone": fm(append(head, `timezone = "`+long+`"`)...),
		"status":   fm(append(head, `status = "`+long+`"`)...),
		"entry":    fm(append(head, ``, `[[timeline]]`, `at = "2023-11-07 19:52"`, `status = "`+long+`"`, `text = "x"`)...),
		"severity": fm(append(head, `severity = "`+long+`"`)...),
		"type":     fm(`title = "x"`, `date = "`+long+`"`),
	} {
		_, err := Parse("content/en/incidents/x.md", []byte(src), time.UTC)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		msg := err.Error()
		if len(msg) > 600 || strings.Contains(msg, long[:100]) || !strings.Contains(msg, "characters)") {
			t.Errorf("%s: %d bytes: %.700s", name, len(msg), msg)
		}
	}
}
