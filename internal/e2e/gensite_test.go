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
	ref, err := writeGenSite(src)
	if err != nil {
		fail(err)
		return
	}
	base, err := config.ParseBaseURL(origin + basePath)
	if err != nil {
		fail(err)
		return
	}
	// The maintenance windows are placed around the content's newest instant: a SOURCE_DATE_EPOCH
	// in the environment would move the reference past them, so this build goes without it.
	if v, ok := os.LookupEnv(build.EpochVar); ok {
		os.Unsetenv(build.EpochVar)
		defer os.Setenv(build.EpochVar, v)
	}
	res, err := build.ToDir(build.Options{Source: src, Theme: rokhdad.Theme, BaseURL: base}, out)
	if err != nil {
		fail(fmt.Errorf("building: %w", err))
		return
	}
	if !res.Site.Reference.Equal(ref) {
		fail(fmt.Errorf("the generated site's reference instant is %v, want %v (the maintenance windows are placed around it)", res.Site.Reference, ref))
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
// content, genArticles more articles per language (the same file names in both, so that each is
// the other's translation), and the maintenance windows of genMaintenance around the reference
// instant the rest gives (which it returns: the windows name no instant later than it, so it
// stays the site's).
func writeGenSite(dir string) (time.Time, error) {
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		return time.Time{}, err
	}
	toml, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		return time.Time{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), toml, 0o644); err != nil {
		return time.Time{}, err
	}
	write := func(folder, name, text string) error {
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644)
	}
	for _, lang := range []string{"fa", "en"} {
		for i := 1; i <= genArticles; i++ {
			if err := write(filepath.Join(dir, "content", lang, "incidents"), fmt.Sprintf("generated-%02d.md", i), genArticle(lang, i)); err != nil {
				return time.Time{}, err
			}
		}
	}
	// The reference instant of the site so far: the newest instant its content names.
	s, fsys, err := build.Site(build.Options{Source: dir, Theme: rokhdad.Theme})
	if err != nil {
		return time.Time{}, fmt.Errorf("loading the generated site: %w", err)
	}
	fsys.Close()
	ref := s.Reference
	for _, lang := range []string{"fa", "en"} {
		for _, m := range genWindows {
			if err := write(filepath.Join(dir, "content", lang, "maintenance"), m.name+".md", genMaintenance(lang, m, ref)); err != nil {
				return time.Time{}, err
			}
		}
	}
	return ref, nil
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

// genInProgress is the generated maintenance window in progress at the reference instant; its
// service is GitHub.
const genInProgress = "github-upgrade"

// genWindow is a maintenance window of the generated site, placed relative to its reference
// instant.
type genWindow struct {
	name     string
	title    map[string]string // by language
	services []string
	zone     string
	start    func(ref time.Time) time.Time // the window's start, from the reference instant (UTC)
	length   time.Duration
	// announced is how long before the reference the article is dated.
	announced time.Duration
	status    string // as written; "" lets the reference decide
	updates   []genUpdate
}

// genUpdate is a timeline entry of a window, at an offset from its start.
type genUpdate struct {
	after  time.Duration
	status string
	text   map[string]string
}

// hoursFrom is a window's start n hours from the reference truncated to the hour.
func hoursFrom(n int) func(time.Time) time.Time {
	return func(ref time.Time) time.Time { return ref.Truncate(time.Hour).Add(time.Duration(n) * time.Hour) }
}

// dayAt is a window's start on the day d days after the reference's (UTC), at h:m UTC.
func dayAt(d, h, m int) func(time.Time) time.Time {
	return func(ref time.Time) time.Time {
		y, mo, day := ref.Date()
		return time.Date(y, mo, day+d, h, m, 0, 0, time.UTC)
	}
}

// genWindows are the generated site's maintenance windows, the same in both languages. At the
// reference instant:
//
//   - github-upgrade is in progress, from the hour before it for 4 h (GitHub, which generated
//     incidents name; no status written: the clock decides);
//   - cdn-migration is scheduled, on the fourth day after from 19:30 to 22:30 UTC — 23:00 to 02:00
//     in Tehran, past midnight — written as Los Angeles wall times (midday there: never in a
//     clock change);
//   - storage-work was completed twenty days before, an update saying so ending it early;
//   - network-called-off, eight days ahead, was cancelled (status = "cancelled").
//
// None names an instant after the reference, so it stays where the incidents put it.
var genWindows = []genWindow{
	{name: genInProgress, title: map[string]string{"fa": "ارتقای پایگاه داده‌های GitHub", "en": "GitHub database upgrade"},
		services: []string{"GitHub"}, zone: "UTC", start: hoursFrom(-1), length: 4 * time.Hour, announced: 5 * 24 * time.Hour},
	{name: "cdn-migration", title: map[string]string{"fa": "جابه‌جایی شبکهٔ تحویل محتوا", "en": "Content delivery network migration"},
		services: []string{"Cloudflare", "Amazon S3"}, zone: "America/Los_Angeles", start: dayAt(4, 19, 30), length: 3 * time.Hour, announced: 2 * 24 * time.Hour},
	{name: "storage-work", title: map[string]string{"fa": "نگهداری سامانهٔ ذخیره‌سازی", "en": "Storage system maintenance"},
		services: []string{"Slack"}, zone: "UTC", start: dayAt(-20, 2, 0), length: 3 * time.Hour, announced: 27 * 24 * time.Hour,
		updates: []genUpdate{
			{0, "in_progress", map[string]string{"fa": "کار آغاز شد.", "en": "Work began."}},
			{2*time.Hour + 10*time.Minute, "completed", map[string]string{"fa": "کار زودتر از برنامه به پایان رسید.", "en": "Work finished ahead of schedule."}},
		}},
	{name: "network-called-off", title: map[string]string{"fa": "نگهداری شبکهٔ Discord لغو شد", "en": "Discord network maintenance called off"},
		services: []string{"Discord"}, zone: "UTC", start: dayAt(8, 1, 0), length: 2 * time.Hour, announced: 10 * 24 * time.Hour, status: "cancelled"},
}

// genMaintenance writes window m of the generated site in lang, relative to the reference ref.
func genMaintenance(lang string, m genWindow, ref time.Time) string {
	ref = ref.UTC()
	start := m.start(ref)
	end := start.Add(m.length)
	zone, err := time.LoadLocation(m.zone)
	if err != nil {
		panic(err)
	}
	wall := func(t time.Time) string { return t.In(zone).Format("2006-01-02 15:04") }
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %s\ndate = %s\nservices = [", q(m.title[lang]), ref.Add(-m.announced).Format(time.RFC3339))
	for i, s := range m.services {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q(s))
	}
	fmt.Fprintf(&b, "]\ntimezone = %q\nstarts = %q\nends = %q\n", m.zone, wall(start), wall(end))
	if m.status != "" {
		fmt.Fprintf(&b, "status = %q\n", m.status)
	}
	for _, u := range m.updates {
		fmt.Fprintf(&b, "\n[[timeline]]\nat = %q\nstatus = %q\ntext = %s\n", wall(start.Add(u.after)), u.status, q(u.text[lang]))
	}
	b.WriteString("+++\n\n")
	if lang == "fa" {
		b.WriteString("در این بازه ممکن است سرویس برای چند دقیقه در دسترس نباشد. پس از پایان کار، همه‌چیز به حالت عادی برمی‌گردد.\n")
	} else {
		b.WriteString("The service may be unavailable for a few minutes during the window. Everything returns to normal once the work is done.\n")
	}
	return b.String()
}
