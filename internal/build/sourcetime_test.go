package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A UTC time in an article with another zone is shown, as the source's time, in UTC as written
// ("03:52 UTC"), never converted to the article's zone ("19:52 PST"); the other entries keep theirs.
func TestUTCTimeShownAsWritten(t *testing.T) {
	dest := checkBad(t, badSite(t, "at-utc-in-zone"), []string{"ok"})
	b, err := os.ReadFile(filepath.Join(dest, "en", "incidents", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<bdi dir="ltr">19:52 PST</bdi>`,  // the wall time, in the article's zone
		`<bdi dir="ltr">07:46 PST</bdi>`,  // RFC 3339 with the zone's offset
		`datetime="2023-11-08T03:52:00Z"`, // the instant is the same
		// The entry and the inline time pasted in UTC: on this UTC page the source's clock is the
		// reader's, so it is not repeated.
		"<time datetime=\"2023-11-08T03:52:00Z\">03:52 UTC</time>\n <span class=\"badge status-identified\">",
		`8 November 2023, 03:52 UTC</time>.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(page, "19:52 PST"); n != 1 {
		t.Errorf("19:52 PST shown %d times, want once (the first entry only)", n)
	}
}
