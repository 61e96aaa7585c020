package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ownCorpus writes a corpus of the same shape as gen.py's, for machines without it: n articles per
// language of about 650 words in five sections, one to three services, a severity, and a
// five-entry timeline in America/Los_Angeles at wall times that exist exactly once. The text is
// this package's own; the figures differ from gen.py's, the shape does not.
func ownCorpus(dir string, n int) error {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(siteTOML), 0o644); err != nil {
		return err
	}
	for _, lang := range []string{"fa", "en"} {
		folder := filepath.Join(dir, "content", lang, "incidents")
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			text := article(lang, i, la)
			if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("incident-%05d.md", i)), []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

const siteTOML = `baseURL = "https://example.github.io/incidents/"
defaultLanguage = "fa"

[languages.fa]
name = "فارسی"
title = "گزارش رخدادها"
direction = "rtl"
timezone = "Asia/Tehran"
calendar = "persian"
weight = 1

[languages.en]
name = "English"
title = "Incident reports"
direction = "ltr"
timezone = "UTC"
calendar = "gregorian"
weight = 2
`

var (
	services = []string{"Web app", "API", "Mobile app", "Search", "Sign-in", "Uploads", "Billing", "Webhooks"}
	levels   = []string{"minor", "major", "critical"}
	statuses = []string{"investigating", "identified", "monitoring", "monitoring", "resolved"}
	text     = map[string]struct {
		title    string
		heads    []string
		events   []string
		sentence []string
	}{
		"fa": {
			"اختلال در %s",
			[]string{"چه شد", "چه کسانی آسیب دیدند", "علت", "آنچه کردیم", "گام‌های بعد"},
			[]string{"بررسی گزارش‌ها آغاز شد", "علت پیدا شد", "اصلاح منتشر شد", "نتیجه زیر نظر است", "مشکل برطرف شد"},
			[]string{
				"گروهی از کاربران برای چند دقیقه نتوانستند صفحه‌ها را باز کنند.",
				"نخستین هشدار از سامانهٔ پایش رسید و کشیک فنی آن را پذیرفت.",
				"نرخ خطا در یکی از مناطق به بیش از ده برابر حالت عادی رسید.",
				"یک تغییر پیکربندی که همان روز منتشر شده بود، اتصال به پایگاه داده را کند کرد.",
				"ترافیک آن منطقه به منطقه‌ای دیگر فرستاده شد تا فشار کم شود.",
				"در این مدت درخواست‌ها با تأخیری چند ثانیه‌ای پاسخ می‌گرفتند.",
				"هیچ داده‌ای از میان نرفت و هیچ پرداختی دو بار انجام نشد.",
				"وضعیت سرویس در صفحهٔ وضعیت هر نیم ساعت به‌روز شد.",
				"پس از بازگرداندن تغییر، شاخص‌ها در کمتر از یک ساعت به حالت عادی برگشتند.",
				"آزمون‌های پیش از انتشار اکنون این نوع تغییر را هم می‌سنجند.",
				"هشدارها زودتر و با آستانه‌ای پایین‌تر فعال خواهند شد.",
				"از همهٔ کسانی که در این مدت با مشکل روبه‌رو شدند پوزش می‌خواهیم.",
			},
		},
		"en": {
			"Disruption of %s",
			[]string{"What happened", "Who was affected", "Cause", "What we did", "Next steps"},
			[]string{"Investigating reports", "Cause found", "Fix released", "Monitoring the fix", "Resolved"},
			[]string{
				"Some users could not open pages for several minutes.",
				"The first alert came from monitoring and the on-call engineer acknowledged it.",
				"The error rate in one region rose to more than ten times its normal level.",
				"A configuration change released that day slowed down connections to the database.",
				"Traffic for that region was sent to another region to relieve the load.",
				"During this time requests were answered with a delay of several seconds.",
				"No data was lost and no payment was taken twice.",
				"The status page was updated every half hour.",
				"After the change was rolled back, the metrics returned to normal within the hour.",
				"Pre-release tests now check for this kind of change as well.",
				"Alerts will fire earlier and at a lower threshold.",
				"We apologize to everyone who ran into trouble during this time.",
			},
		},
	}
)

// article writes article i in lang. Both languages of one article share its metadata.
func article(lang string, i int, la *time.Location) string {
	meta := rand.New(rand.NewPCG(uint64(i), 1))
	svc := services[meta.IntN(len(services))]
	list := []string{svc}
	for k := meta.IntN(3); k > 0; k-- {
		if s := services[meta.IntN(len(services))]; s != list[len(list)-1] && s != svc {
			list = append(list, s)
		}
	}
	level := levels[meta.IntN(len(levels))]
	var start time.Time
	for {
		start = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(meta.IntN(6*365*24*60)) * time.Minute)
		// A wall time in Los Angeles four hours on either side of no change of offset.
		local := start.In(la)
		if _, off := local.Zone(); func() bool {
			_, a := local.Add(-time.Hour).Zone()
			_, b := local.Add(5 * time.Hour).Zone()
			return a == off && b == off
		}() {
			start = local
			break
		}
	}
	t := text[lang]
	var b strings.Builder
	quoted := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\nservices = [", quoted(fmt.Sprintf(t.title, svc)+fmt.Sprintf(" (%d)", i)), start.Format(time.RFC3339))
	for k, s := range list {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoted(s))
	}
	fmt.Fprintf(&b, "]\nseverity = %q\nstatus = \"resolved\"\ntimezone = \"America/Los_Angeles\"\n", level)
	at := start
	for k, ev := range t.events {
		fmt.Fprintf(&b, "\n[[timeline]]\nat = %q\nstatus = %q\ntext = %s\n", at.Format("2006-01-02 15:04"), statuses[k], quoted(ev))
		at = at.Add(time.Duration(5+meta.IntN(55)) * time.Minute)
	}
	b.WriteString("+++\n")
	words := rand.New(rand.NewPCG(uint64(i), uint64(len(lang))))
	for _, h := range t.heads {
		fmt.Fprintf(&b, "\n## %s\n\n", h)
		for p := 0; p < 2; p++ {
			for s := 0; s < 6; s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.sentence[words.IntN(len(t.sentence))])
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
