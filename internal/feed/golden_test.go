package feed

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const (
	base    = "https://example.com/rokhdad/"
	faCF    = base + "fa/incidents/cloudflare-dns/"
	enCF    = base + "en/incidents/cloudflare-dns/"
	faIran  = base + "fa/incidents/iran-mobile-2021/"
	enIran  = base + "en/incidents/iran-mobile-2021/"
	tehranZ = "Asia/Tehran"
	laZ     = "America/Los_Angeles"
)

// faChannel is a small Persian channel: ZWNJ (U+200C) in words, Persian digits, times on Tehran's
// clock, an article and a timeline update of it (one ID with Link's path and a fragment), and an item in English inside the Persian feed.
func faChannel(t testing.TB) *Channel {
	teh := zone(t, tehranZ)
	return &Channel{
		Title:       "رخداد — گزارش‌های حادثه",
		Description: "گزارش قطعی‌ها و حادثه‌های سرویس‌های اینترنتی، به وقت تهران",
		Lang:        "fa",
		Link:        base + "fa/",
		Self:        base + "fa/index.xml",
		Updated:     time.Date(2023, 11, 8, 21, 30, 0, 0, teh),
		Generator:   "rokhdad",
		Items: []Item{
			{
				ID:         faCF + "#update-3", // a timeline update: not its Link, so isPermaLink="false"
				Title:      "به‌روزرسانی ۳: سرویس DNS کلادفلر به حالت عادی برگشت",
				Link:       faCF,
				Summary:    "ساعت ۲۱:۳۰ به وقت تهران: همه‌ی سرویس‌ها برقرارند.",
				Published:  time.Date(2023, 11, 8, 21, 30, 0, 0, teh),
				Categories: []string{"کلادفلر", "DNS"},
			},
			{
				Title:      "قطعی ۳ ساعته‌ی DNS کلادفلر", // ID empty: the Link
				Link:       faCF,
				Summary:    "از ساعت ۱۹:۱۶ روز ۱۷ آبان ۱۴۰۲ پاسخ‌های DNS کلادفلر کند شد.",
				Content:    `<p>از ساعت <time datetime="2023-11-08T15:46:00Z">۱۹:۱۶</time> پاسخ‌ها <strong>کند</strong> شد &amp; خطا داد.</p>`,
				Published:  time.Date(2023, 11, 8, 19, 16, 0, 0, teh),
				Updated:    time.Date(2023, 11, 8, 20, 5, 30, 0, teh),
				Categories: []string{"کلادفلر", "DNS", "شبکه"},
			},
			{
				Title:     "Iran mobile networks cut (English original)",
				Link:      enIran,
				Summary:   "Mobile data was cut in several provinces.",
				Published: time.Date(2021, 6, 1, 12, 0, 0, 0, teh), // +04:30: Tehran still kept summer time in 2021
				Lang:      "en",
			},
		},
	}
}

// enChannel is a small English channel on Los Angeles time, one date in PST and one in PDT.
func enChannel(t testing.TB) *Channel {
	la := zone(t, laZ)
	return &Channel{
		Title:       "rokhdad — incident reports",
		Description: "Outages and incidents of Internet services, in UTC",
		Lang:        "en",
		Link:        base + "en/",
		Self:        base + "en/atom.xml",
		ID:          "tag:example.com,2023:rokhdad/en",
		Author:      "rokhdad newsroom",
		Generator:   "rokhdad",
		// Updated left zero: the newest item date is used.
		Items: []Item{
			{
				Title:      "Cloudflare DNS slow for 3 hours",
				Link:       enCF,
				Summary:    "From 19:52 PST, Cloudflare's DNS answered slowly & some queries failed.",
				Content:    `<p>From <time datetime="2023-11-08T03:52:00Z">19:52 PST</time> on, queries failed.</p>`,
				Published:  time.Date(2023, 11, 7, 19, 52, 0, 0, la),
				Updated:    time.Date(2023, 11, 7, 23, 10, 0, 0, la),
				Categories: []string{"Cloudflare", "DNS"},
			},
			{
				Title:      "Iran mobile networks cut",
				Link:       enIran,
				Summary:    "Mobile data was cut in several provinces.",
				Published:  time.Date(2021, 6, 1, 0, 30, 0, 0, la),
				Categories: []string{"Iran"},
			},
		},
	}
}

func sitemapURLs(t testing.TB) []URL {
	teh, la := zone(t, tehranZ), zone(t, laZ)
	home := []Alternate{{"fa", base + "fa/"}, {"en", base + "en/"}, {"x-default", base + "fa/"}}
	cf := []Alternate{{"fa", faCF}, {"en", enCF}}
	return []URL{
		{Loc: base + "fa/", LastMod: time.Date(2023, 11, 8, 21, 30, 0, 0, teh), Alternates: home},
		{Loc: base + "en/", LastMod: time.Date(2023, 11, 7, 23, 10, 0, 0, la), Alternates: home},
		{Loc: faCF, LastMod: time.Date(2023, 11, 8, 20, 5, 30, 0, teh), Alternates: cf},
		{Loc: enCF, LastMod: time.Date(2023, 11, 7, 23, 10, 0, 0, la), Alternates: cf},
		{Loc: faIran, LastMod: time.Date(2021, 6, 1, 12, 0, 0, 0, teh)},
		{Loc: base + "fa/about/"}, // no date
	}
}

func faIncidents(t testing.TB) []Incident {
	teh := zone(t, tehranZ)
	return []Incident{
		{
			ID:           "incidents/cloudflare-dns",
			Title:        "قطعی ۳ ساعته‌ی DNS کلادفلر <به‌روز>",
			URL:          faCF,
			Status:       "resolved",
			Severity:     "major",
			Services:     []string{"Cloudflare DNS", "1.1.1.1"},
			Tags:         []string{"کلادفلر", "DNS"},
			Published:    time.Date(2023, 11, 8, 19, 16, 0, 0, teh),
			Start:        time.Date(2023, 11, 8, 6, 22, 0, 0, teh),
			Resolved:     time.Date(2023, 11, 8, 18, 16, 0, 0, teh),
			Duration:     11*time.Hour + 54*time.Minute + 500*time.Millisecond, // written truncated: 42840
			HasDuration:  true,
			Translations: []Translation{{"en", enCF}},
		},
		{
			ID:        "incidents/iran-mobile-2021",
			Title:     "قطع اینترنت همراه",
			URL:       faIran,
			Status:    "monitoring",
			Published: time.Date(2021, 6, 1, 12, 0, 0, 0, teh),
			Start:     time.Date(2021, 6, 1, 8, 0, 0, 0, teh),
			// unresolved: resolved and duration_seconds are null, services, tags and translations []
			Duration:    -time.Hour,
			HasDuration: true,
		},
	}
}

func enIncidents(t testing.TB) []Incident {
	la := zone(t, laZ)
	return []Incident{{
		ID:           "incidents/cloudflare-dns",
		Title:        "Cloudflare DNS slow for 3 hours & <failing>",
		URL:          enCF,
		Status:       "resolved",
		Severity:     "critical",
		Services:     []string{"Cloudflare DNS"},
		Tags:         []string{"dns"},
		Published:    time.Date(2023, 11, 7, 19, 52, 0, 0, la),
		Start:        time.Date(2023, 11, 7, 19, 52, 0, 0, la),
		Resolved:     time.Date(2023, 11, 7, 23, 10, 0, 0, la),
		Duration:     3*time.Hour + 18*time.Minute,
		HasDuration:  true,
		Translations: []Translation{{"fa", faCF}},
	}}
}

// faStatus is a Persian status.json: one ongoing incident, one service down and one not.
func faStatus(t testing.TB) *Status {
	la := zone(t, "America/Los_Angeles")
	faCF := base + "fa/incidents/cloudflare-dns/"
	return &Status{Lang: "fa", At: time.Date(2023, 11, 8, 2, 0, 0, 0, la),
		Ongoing: []StatusIncident{{ID: "incidents/cloudflare-dns", Title: "کندی ۳ ساعته‌ی DNS کلادفلر <به‌روز>", URL: faCF,
			Status: "identified", Severity: "critical", Services: []string{"Cloudflare DNS"},
			Began: time.Date(2023, 11, 7, 19, 52, 0, 0, la), Updated: time.Date(2023, 11, 7, 23, 10, 0, 0, la),
			Latest: &StatusUpdate{ID: "u2", Status: "identified", Text: "علت پیدا شد & **اصلاح** در راه است.",
				HTML: "علت پیدا شد &amp; <strong>اصلاح</strong> در راه است.", URL: faCF + "#update-u2", At: time.Date(2023, 11, 7, 23, 10, 0, 0, la)}}},
		Services: []StatusService{
			{Name: "Cloudflare DNS", URL: base + "fa/services/cloudflare-dns/", Status: "identified", Incidents: []string{"incidents/cloudflare-dns"}},
			{Name: "GitHub", URL: base + "fa/services/github/", Status: "operational"},
		}}
}

// outputs are the golden files and how to make them.
func outputs(t testing.TB) []struct {
	name  string
	write func(*bytes.Buffer) error
} {
	teh := zone(t, tehranZ)
	empty := &Channel{Title: "خالی", Lang: "fa", Link: base + "fa/", Self: base + "fa/index.xml"}
	return []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"fa.rss.xml", func(b *bytes.Buffer) error { return RSS(b, faChannel(t)) }},
		{"fa.atom.xml", func(b *bytes.Buffer) error { return Atom(b, faChannel(t)) }},
		{"en.rss.xml", func(b *bytes.Buffer) error { return RSS(b, enChannel(t)) }},
		{"en.atom.xml", func(b *bytes.Buffer) error { return Atom(b, enChannel(t)) }},
		{"empty.rss.xml", func(b *bytes.Buffer) error { return RSS(b, empty) }},
		{"empty.atom.xml", func(b *bytes.Buffer) error { return Atom(b, empty) }},
		{"sitemap.xml", func(b *bytes.Buffer) error { return Sitemap(b, sitemapURLs(t)) }},
		{"empty.sitemap.xml", func(b *bytes.Buffer) error { return Sitemap(b, nil) }},
		{"fa.incidents.json", func(b *bytes.Buffer) error {
			return IncidentsJSON(b, "fa", time.Date(2023, 11, 8, 21, 30, 0, 0, teh), faIncidents(t))
		}},
		{"en.incidents.json", func(b *bytes.Buffer) error {
			return IncidentsJSON(b, "en", time.Date(2023, 11, 8, 21, 30, 0, 0, teh), enIncidents(t))
		}},
		{"empty.incidents.json", func(b *bytes.Buffer) error { return IncidentsJSON(b, "en", time.Time{}, nil) }},
		{"fa.status.json", func(b *bytes.Buffer) error { return StatusJSON(b, faStatus(t)) }},
		{"empty.status.json", func(b *bytes.Buffer) error {
			return StatusJSON(b, &Status{Lang: "en", At: time.Date(2023, 11, 8, 18, 0, 0, 0, time.UTC),
				Services: []StatusService{{Name: "Cloudflare DNS", URL: base + "en/services/cloudflare-dns/", Status: "operational"}}})
		}},
		{"robots.txt", func(b *bytes.Buffer) error { _, err := b.Write(Robots(base + "sitemap.xml")); return err }},
	}
}

// TestGolden compares every output with its golden file (go test -update rewrites them), checks that
// it parses, and that writing it twice gives the same bytes.
func TestGolden(t *testing.T) {
	for _, o := range outputs(t) {
		t.Run(o.name, func(t *testing.T) {
			var got, again bytes.Buffer
			if err := o.write(&got); err != nil {
				t.Fatal(err)
			}
			if err := o.write(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Fatalf("two writes differ:\n%s\n---\n%s", got.Bytes(), again.Bytes())
			}
			switch filepath.Ext(o.name) {
			case ".xml":
				wellFormed(t, got.Bytes())
			case ".json":
				if !json.Valid(got.Bytes()) {
					t.Fatalf("invalid JSON:\n%s", got.Bytes())
				}
			}
			path := filepath.Join("testdata", "golden", o.name)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from the golden file (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", o.name, got.Bytes(), want)
			}
		})
	}
}
