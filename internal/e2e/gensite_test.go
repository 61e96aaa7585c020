package e2e

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

// The generated site: the repository's own site (its site.toml and articles) plus genArticles
// articles per language, so that every kind of page the theme makes exists — a home page 2,
// several years and months in the archive, several services and tags — and the lists are full
// enough to show how they wrap. It is built on first use and served by a server of its own, under
// the same basePath as the repository's site.
const genArticles = 25

// genOngoing is the generated article whose incident is still going on (identified): the newest.
// Its services are Zoom and GitHub.
const genOngoing = genArticles

var (
	genOnce   sync.Once
	genOrigin string // http://127.0.0.1:PORT of the generated site
	genErr    error
	genStop   = func() {}
)

// stopGenSite stops the generated site's server and removes the site; TestMain calls it.
func stopGenSite() { genStop() }

// genURL is the absolute URL of a path below the generated site's base, building and serving the
// site on first use.
func genURL(t *testing.T, rel string) string {
	t.Helper()
	genOnce.Do(startGenSite)
	if genErr != nil {
		t.Fatalf("the generated site: %v", genErr)
	}
	return genOrigin + basePath + rel
}

func startGenSite() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		genErr = err
		return
	}
	origin := "http://" + ln.Addr().String()
	tmp, err := os.MkdirTemp("", "rokhdad-e2e-gen-")
	if err != nil {
		ln.Close()
		genErr = err
		return
	}
	src, out := filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	fail := func(err error) {
		ln.Close()
		os.RemoveAll(tmp)
		genErr = err
	}
	if err := writeGenSite(src); err != nil {
		fail(err)
		return
	}
	base, err := config.ParseBaseURL(origin + basePath)
	if err != nil {
		fail(err)
		return
	}
	if _, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, BaseURL: base}, out); err != nil {
		fail(fmt.Errorf("building: %w", err))
		return
	}
	mux := http.NewServeMux()
	mux.Handle(basePath, siteHandler(out))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := &http.Server{Handler: noStore(mux), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	genOrigin = origin
	genStop = func() {
		srv.Close()
		os.RemoveAll(tmp)
	}
}

// writeGenSite writes the generated site's source into dir: the repository's site.toml and
// content, and genArticles more articles per language (the same file names in both, so that each
// is the other's translation).
func writeGenSite(dir string) error {
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		return err
	}
	toml, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), toml, 0o644); err != nil {
		return err
	}
	for _, lang := range []string{"fa", "en"} {
		folder := filepath.Join(dir, "content", lang, "incidents")
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		for i := 1; i <= genArticles; i++ {
			name := filepath.Join(folder, fmt.Sprintf("generated-%02d.md", i))
			if err := os.WriteFile(name, []byte(genArticle(lang, i)), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

var (
	genServices = []string{"GitHub", "Cloudflare", "Slack", "Amazon S3", "Zoom", "Discord", "Google Cloud"}
	genTags     = map[string][]string{
		"fa": {"قطعی سرویس", "شبکه", "امنیت", "ذخیره‌سازی", "پیام‌رسان", "رایانش ابری"},
		"en": {"outage", "network", "security", "storage", "messaging", "cloud"},
	}
	genSeverity = []string{"minor", "major", "critical"}
)

// persianDigits writes the ASCII digits of s as Persian ones.
func persianDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + r - '0'
		}
		return r
	}, s)
}

// genArticle writes generated article i in lang: a date 23 days after the one before, from
// January 2025 (so the archive spans two Gregorian and three Persian years), two services, two
// tags and a three-entry timeline. Both languages share the metadata.
func genArticle(lang string, i int) string {
	start := time.Date(2025, 1, 3, 8, 15, 0, 0, time.UTC).Add(time.Duration(i*23) * 24 * time.Hour)
	svc := []string{genServices[i%len(genServices)], genServices[(i+3)%len(genServices)]}
	tags := genTags[lang]
	tg := []string{tags[i%len(tags)], tags[(i+2)%len(tags)]}
	var title, summary string
	var events [3]string
	var body string
	if lang == "fa" {
		title = fmt.Sprintf("اختلال در %s و %s (گزارش %s)", svc[0], svc[1], persianDigits(fmt.Sprint(i))) // "Amazon S3" keeps its digit
		summary = fmt.Sprintf("کاربران %s برای مدتی نتوانستند به سرویس دسترسی پیدا کنند؛ این گزارش آنچه را رخ داد شرح می‌دهد.", svc[0])
		events = [3]string{"بررسی گزارش‌ها آغاز شد.", "علت پیدا شد و اصلاح منتشر شد.", "مشکل برطرف شد."}
		body = "## چه شد\n\nگروهی از کاربران برای چند دقیقه نتوانستند صفحه‌ها را باز کنند. نخستین هشدار از سامانهٔ پایش رسید.\n\n## علت\n\nیک تغییر پیکربندی اتصال به پایگاه داده را کند کرد. پس از بازگرداندن تغییر، شاخص‌ها به حالت عادی برگشتند.\n"
	} else {
		title = fmt.Sprintf("%s and %s disrupted (report %d)", svc[0], svc[1], i)
		summary = fmt.Sprintf("Users of %s could not reach the service for a while; this report tells what happened.", svc[0])
		events = [3]string{"Investigating reports.", "Cause found and a fix released.", "Resolved."}
		body = "## What happened\n\nSome users could not open pages for several minutes. The first alert came from monitoring.\n\n## Cause\n\nA configuration change slowed down connections to the database. After it was rolled back, the metrics returned to normal.\n"
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	var b strings.Builder
	statuses := []string{"investigating", "identified", "resolved"}
	evs := events[:]
	if i == genOngoing { // the newest is still going on: the status blocks show it
		statuses, evs = statuses[:2], evs[:2]
	}
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\nsummary = %s\nservices = [%s, %s]\ntags = [%s, %s]\nstatus = %q\nseverity = %q\ntimezone = \"UTC\"\n",
		q(title), start.Format(time.RFC3339), q(summary), q(svc[0]), q(svc[1]), q(tg[0]), q(tg[1]), statuses[len(statuses)-1], genSeverity[i%len(genSeverity)])
	if i == genOngoing { // imported from a status page: its page names the source
		b.WriteString("\n[source]\nurl = \"https://status.example.com/incidents/gen25\"\nincident = \"gen25\"\n")
	}
	for k, ev := range evs {
		at := start.Add(time.Duration(k*40+i) * time.Minute)
		fmt.Fprintf(&b, "\n[[timeline]]\nat = %q\nstatus = %q\ntext = %s\n", at.Format("2006-01-02 15:04"), statuses[k], q(ev))
	}
	b.WriteString("+++\n\n")
	b.WriteString(body)
	return b.String()
}
