package site

import (
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
)

func segmentConfig(t *testing.T) *config.Config {
	t.Helper()
	c, err := config.Parse("site.toml", []byte(`baseURL = "https://example.org/"
defaultLanguage = "en"
[languages.en]
name = "English"
title = "Incidents"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
`))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSegment(t *testing.T) {
	for in, want := range map[string]string{
		"api-outage":                   "api-outage",
		"API-Outage":                   "api-outage",
		"قطعی\u200cاینترنت":            "قطعی\u200cاینترنت",
		"v1.2_notes":                   "v1.2_notes",
		"۱۴۰۲":                         "۱۴۰۲",
		strings.Repeat("a", MaxName):   strings.Repeat("a", MaxName),
		strings.Repeat("ق", MaxName/2): strings.Repeat("ق", MaxName/2), // 2 bytes a letter
	} {
		if got, err := Segment(in); err != nil || got != want {
			t.Errorf("Segment(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":                               "empty",
		"api outage":                     "contains a space",
		"a?b":                            `contains "?"`,
		"a#b":                            `contains "#"`,
		"100%":                           `contains "%"`,
		"a/b":                            `contains "/"`,
		`a\b`:                            `contains "\\"`,
		"a\xffb":                         "not valid UTF-8",
		"a\u00a0b":                       "contains a space",
		strings.Repeat("a", MaxName+1):   "253 bytes long; a name can be at most 252 bytes",
		strings.Repeat("ق", MaxName/2+1): "254 bytes long; a name can be at most 252 bytes",
		strings.Repeat("a", 300):         "300 bytes long; a name can be at most 252 bytes",
	} {
		got, err := Segment(in)
		if err == nil {
			t.Errorf("Segment(%.40q) = %q, want an error", in, got)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, want) || len(msg) > 200 {
			t.Errorf("Segment(%.40q): %q, want …%s…", in, msg, want)
		}
	}
}

// A name too long for a file system is refused before anything is written, for an article whose
// file system allowed it (one that counts characters, not bytes) and for a service or tag.
func TestNamesTooLongForAFileSystem(t *testing.T) {
	long := strings.Repeat("ق", 200) // 400 bytes: a file name on macOS, but no folder on Linux
	p := &content.Page{File: "content/en/incidents/" + long + ".md", Lang: "en", Section: "incidents", Name: long}
	if _, err := Resolve(segmentConfig(t), nil, []*content.Page{p}); err == nil || !strings.Contains(err.Error(), "252 bytes") || strings.Count(err.Error(), "ق") > 250 {
		t.Errorf("long name: %v", err)
	}
	tag := strings.Repeat("outage ", 40)
	p = &content.Page{File: "content/en/incidents/a.md", Lang: "en", Section: "incidents", Name: "a", Tags: []string{tag}}
	if _, err := Resolve(segmentConfig(t), nil, []*content.Page{p}); err == nil || !strings.Contains(err.Error(), "content/en/incidents/a.md") || !strings.Contains(err.Error(), "252 bytes") {
		t.Errorf("long tag: %v", err)
	}
}
