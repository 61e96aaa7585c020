package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// TestServiceUptimeReference: the service page's 90-day bar and yearly figures end on the day
// SOURCE_DATE_EPOCH names, and show the uptime computed from the incident (19:52 PST 7 November
// to 07:46 PST 8 November 2023: 11 h 54 min).
func TestServiceUptimeReference(t *testing.T) {
	cases := []struct {
		name, epoch string
		want        map[string][]string // output file → substrings
	}{
		{
			// 2023-12-31T12:00:00Z. en (UTC): the 90 days run from 3 October 00:00 to 31 December
			// 12:00, 2148 h: 1 − 11.9/2148 = 99.446% → 99.44%; 2023 up to then is 8748 h: 99.86%.
			// fa (Tehran, +03:30): from 3 October 00:00 to 31 December 15:30 (۱۰ دی ۱۴۰۲), 2151.5 h:
			// 99.446% → ۹۹٫۴۴٪; 1402 from 1 Farvardin (21 March) is 6855.5 h: 99.826% → ۹۹٫۸۲٪.
			"epoch", "1704024000", map[string][]string{
				"en/services/chatgpt/index.html": {"99.44%", "uptime in the 90 days to 31 December 2023",
					"<td>11 h 54 min</td><td>99.86%</td>", ">3 October 2023</text>", ">31 December 2023</text>"},
				"fa/services/chatgpt/index.html": {"۹۹٫۴۴٪", "در ۹۰ روز تا ۱۰ دی ۱۴۰۲",
					"<td>۱۱ ساعت و ۵۴ دقیقه</td><td>۹۹٫۸۲٪</td>", ">۱۰ دی ۱۴۰۲</text>"},
			},
		},
		{
			// Earlier than the content (2023-01-01): the newest instant in the content, as unset.
			"epoch before the content", "1672531200", map[string][]string{
				"en/services/chatgpt/index.html": {"99.44%", "to 8 November 2023"},
			},
		},
		{
			// Unset: the newest date in the content, the article's date 2023-11-08T18:00:00Z.
			// en: 11 August 00:00 to 8 November 18:00 is 2154 h: 99.447% → 99.44%; 2023 up to then
			// is 7482 h: 99.84%.
			"content", "", map[string][]string{
				"en/services/chatgpt/index.html": {"99.44%", "to 8 November 2023",
					"<td>11 h 54 min</td><td>99.84%</td>", ">11 August 2023</text>", ">8 November 2023</text>"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(EpochVar, c.epoch)
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := ToDir(Options{Source: "../..", Theme: rokhdad.Theme}, dest); err != nil {
				t.Fatal(err)
			}
			for file, subs := range c.want {
				page := read(t, filepath.Join(dest, file))
				for _, s := range subs {
					if !strings.Contains(page, s) {
						t.Errorf("%s lacks %q", file, s)
					}
				}
			}
		})
	}
}

// TestSourceDateEpochInvalid: a value that is not whole seconds is an error naming the variable.
func TestSourceDateEpochInvalid(t *testing.T) {
	for _, v := range []string{"yesterday", "1.5", "-1", "+100", " 100", "1e9", "99999999999999999999"} {
		t.Setenv(EpochVar, v)
		dest := filepath.Join(t.TempDir(), "public")
		_, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest)
		if err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") || !strings.Contains(err.Error(), "seconds since 1970-01-01 UTC") {
			t.Errorf("SOURCE_DATE_EPOCH=%q: err = %v, want one naming the variable", v, err)
		}
	}
}

// TestReproducibleWithEpoch: with SOURCE_DATE_EPOCH set, two builds are byte-identical.
func TestReproducibleWithEpoch(t *testing.T) {
	t.Setenv(EpochVar, "1704024000")
	a, b := buildSite(t, "../.."), buildSite(t, copyDir(t, "../.."))
	ha, hb := treeHash(t, a), treeHash(t, b)
	for k, v := range ha {
		if hb[k] != v {
			t.Errorf("%s differs between two builds", k)
		}
	}
	if len(ha) != len(hb) {
		t.Errorf("%d files vs %d", len(ha), len(hb))
	}
}

// TestServiceUptimeOverlap: two overlapping incidents of one service count their shared time
// once, and an unresolved one counts up to the reference instant.
func TestServiceUptimeOverlap(t *testing.T) {
	site := copyDir(t, "testdata/sites/basic")
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(site, "content/en/incidents", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inc := func(title, from, to string) string {
		s := "+++\ntitle = \"" + title + "\"\ndate = 2024-03-01T00:00:00Z\nservices = [\"Lamp\"]\ntimezone = \"UTC\"\n\n" +
			"[[timeline]]\nat = \"" + from + "\"\nstatus = \"investigating\"\ntext = \"Down.\"\n"
		if to != "" {
			s += "\n[[timeline]]\nat = \"" + to + "\"\nstatus = \"resolved\"\ntext = \"Up.\"\n"
		}
		return s + "+++\n\nBody.\n"
	}
	// 10:00–16:00 and 12:00–18:00 on 1 March: 8 h, not 12; an unresolved one from 23:00 on 9 March
	// to the reference, 10 March 02:00: 3 h. 11 h of the 90 days (12 December 2023 00:00 to 10 March 02:00,
	// 2138 h): 99.485% → 99.48%.
	write("lamp-a.md", inc("Lamp A", "2024-03-01 10:00", "2024-03-01 16:00"))
	write("lamp-b.md", inc("Lamp B", "2024-03-01 12:00", "2024-03-01 18:00"))
	write("lamp-c.md", inc("Lamp C", "2024-03-09 23:00", ""))
	t.Setenv(EpochVar, "1710036000") // 2024-03-10T02:00:00Z
	page := read(t, filepath.Join(buildSite(t, site), "en/services/lamp/index.html"))
	for _, s := range []string{"99.48%", "<td>3</td><td>11 h</td>", "1 March 2024 — 8 h", "9 March 2024 — 1 h", "10 March 2024 — 2 h"} {
		if !strings.Contains(page, s) {
			t.Errorf("lamp's page lacks %q", s)
		}
	}
}
