package site

import "testing"

func TestSegment(t *testing.T) {
	for in, want := range map[string]string{
		"api-outage":        "api-outage",
		"API-Outage":        "api-outage",
		"قطعی\u200cاینترنت": "قطعی\u200cاینترنت",
		"v1.2_notes":        "v1.2_notes",
		"۱۴۰۲":              "۱۴۰۲",
	} {
		if got, err := Segment(in); err != nil || got != want {
			t.Errorf("Segment(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "api outage", "a?b", "a#b", "100%", "a\xffb", "a\u00a0b"} {
		if got, err := Segment(in); err == nil {
			t.Errorf("Segment(%q) = %q, want an error", in, got)
		}
	}
}
