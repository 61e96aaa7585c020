package feed

import (
	"io"
	"strconv"
	"testing"
	"time"
)

// benchChannel is a Persian channel of n items with a summary, some HTML content and categories.
func benchChannel(n int) *Channel {
	start := time.Date(2023, 11, 8, 15, 46, 0, 0, time.FixedZone("+0330", 3*3600+1800))
	c := &Channel{
		Title: "رخداد — گزارش‌های حادثه", Description: "گزارش قطعی‌ها به وقت تهران", Lang: "fa",
		Link: "https://example.com/fa/", Self: "https://example.com/fa/index.xml", Generator: "rokhdad",
		Updated: start,
		Items:   make([]Item, n),
	}
	for i := range c.Items {
		link := "https://example.com/fa/incidents/incident-" + strconv.Itoa(i) + "/"
		c.Items[i] = Item{
			ID:         link + "#update-" + strconv.Itoa(i%4),
			Title:      "قطعی ۳ ساعته‌ی DNS کلادفلر & <سرویس‌ها>",
			Link:       link,
			Summary:    "از ساعت ۱۹:۱۶ روز ۱۷ آبان ۱۴۰۲ پاسخ‌های DNS کلادفلر کند شد و بسیاری از سرویس‌ها در دسترس نبودند.",
			Content:    `<p>از ساعت <time datetime="2023-11-08T15:46:00Z">۱۹:۱۶</time> پاسخ‌ها <strong>کند</strong> شد.</p><ul><li>DNS</li><li>CDN &amp; WAF</li></ul>`,
			Published:  start.Add(-time.Duration(i) * time.Hour),
			Categories: []string{"کلادفلر", "DNS"},
		}
	}
	return c
}

func BenchmarkRSS(b *testing.B) {
	c := benchChannel(5000)
	b.ReportAllocs()
	for b.Loop() {
		if err := RSS(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAtom(b *testing.B) {
	c := benchChannel(5000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Atom(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}
