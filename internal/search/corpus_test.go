package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// A synthetic Persian corpus for measuring index size and build time. The text is that of the
// project's benchmark generator (shared/bench/gen.py): about 650 words per article made of 25
// sentences, five headings, 1–3 services, a severity and a five-event timeline. Its vocabulary is
// tiny (every article uses nearly the same ~200 words), so corpus can also replace a share of the
// body's words with words drawn from a Zipf distribution over a large made-up vocabulary, which
// gives the long tail of rare words (names, numbers, typos) that real articles have.

var faSentences = []string{
	"در این رخداد، بخشی از کاربران هنگام ورود به سامانه با خطای ناشناخته روبه‌رو شدند.",
	"تیم پشتیبانی پس از دریافت نخستین گزارش‌ها، بررسی فوری مشکل را آغاز کرد.",
	"نرخ خطای درخواست‌ها در چند دقیقهٔ نخست به‌طور چشمگیری افزایش یافت.",
	"مهندسان ما علت اصلی را در پیکربندی نادرست یکی از سرورهای پایگاه داده شناسایی کردند.",
	"برای کاهش اثر مشکل، بخشی از ترافیک به مرکز داده‌ای دیگر منتقل شد.",
	"در این مدت، پاسخ‌های مدل با تأخیر بیشتری نسبت به حالت عادی ارسال می‌شد.",
	"هیچ داده‌ای از کاربران در جریان این رخداد از دست نرفت.",
	"ما به‌روزرسانی‌های منظمی را در صفحهٔ وضعیت منتشر کردیم تا کاربران در جریان باشند.",
	"پس از اعمال اصلاحیه، شاخص‌های عملکرد به‌تدریج به وضعیت عادی بازگشتند.",
	"این رخداد نشان داد که سازوکار هشدار ما باید زودتر فعال شود.",
	"بخشی از درخواست‌های رابط برنامه‌نویسی با کد خطای ۵۰۳ پاسخ داده شد.",
	"کاربرانی که از نسخهٔ تلفن همراه استفاده می‌کردند، بیشتر تحت تأثیر قرار گرفتند.",
	"تیم زیرساخت ظرفیت اضافی را برای پاسخ‌گویی به بار افزایش‌یافته فراهم کرد.",
	"ما از همهٔ کاربرانی که در این مدت دچار مشکل شدند صمیمانه عذرخواهی می‌کنیم.",
	"بررسی‌های بعدی نشان داد که یک تغییر در کد، بار غیرمنتظره‌ای بر حافظهٔ نهان وارد کرده بود.",
	"این تغییر بلافاصله بازگردانده شد و سرویس دوباره پایدار شد.",
	"برای جلوگیری از تکرار چنین رخدادی، آزمون‌های بار گسترده‌تری به فرایند انتشار افزوده می‌شود.",
	"همچنین پایش دقیق‌تری بر مصرف منابع در هر منطقه راه‌اندازی خواهد شد.",
	"در اوج رخداد، حدود یک‌سوم درخواست‌ها با شکست مواجه شدند.",
	"سامانهٔ صف پیام‌ها برای مدتی کوتاه از پردازش درخواست‌های جدید بازماند.",
	"گزارش کامل فنی این رخداد پس از پایان بررسی‌ها منتشر خواهد شد.",
	"کاربران سازمانی می‌توانند برای جزئیات بیشتر با تیم پشتیبانی تماس بگیرند.",
	"زمان‌های ذکرشده در این گزارش به وقت تهران و زمان هماهنگ جهانی آمده است.",
	"ما همچنان در حال بهبود سازوکارهای بازیابی خودکار سامانه هستیم.",
	"این مشکل تنها در برخی مناطق جغرافیایی و برای گروهی از حساب‌ها مشاهده شد.",
}

var (
	faHeadings = []string{"خلاصه", "اثر بر کاربران", "علت ریشه‌ای", "اقدامات انجام‌شده", "اقدامات بعدی"}
	services   = []string{"ChatGPT", "API", "Sora", "Playground", "Login", "Files", "Voice mode", "Codex"}
	severities = []string{"جزئی", "عمده", "بحرانی"}
	faTitles   = []string{"افزایش نرخ خطا در %s", "اختلال در دسترسی به %s", "کندی پاسخ‌ها در %s", "قطعی جزئی %s"}
	faEvents   = []string{"آغاز بررسی گزارش‌های خطا", "شناسایی علت مشکل", "اعمال اصلاحیه",
		"پایش نتایج پس از اصلاح", "رفع کامل مشکل"}
	faMonths = []string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
		"دی", "بهمن", "اسفند"}
)

type corpusOptions struct {
	body     bool    // pass the body text in Terms
	rareRate float64 // share of body words replaced by words of the Zipf vocabulary
}

func faDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '۰'
		}
		return r
	}, s)
}

// pseudoWords makes n distinct Persian-looking words of 3 to 8 letters.
func pseudoWords(rng *rand.Rand, n int) []string {
	letters := []rune("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		w := make([]rune, 3+rng.IntN(6))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		if s := string(w); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func corpus(n int, o corpusOptions) []Doc {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	var vocab []string
	var zipf *rand.Zipf
	if o.rareRate > 0 {
		vocab = pseudoWords(rng, 200000)
		zipf = rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	}
	docs := make([]Doc, n)
	for i := range docs {
		svc := rng.Perm(len(services))[:1+rng.IntN(3)]
		var tags []string
		for _, s := range svc {
			tags = append(tags, services[s])
		}
		// body: gen.py's algorithm, ~650 words
		var paras, headings []string
		words, h := 0, 0
		for words < 600 {
			if h < len(faHeadings) && words >= h*600/len(faHeadings) {
				headings = append(headings, faHeadings[h])
				paras = append(paras, faHeadings[h])
				h++
			}
			var p []string
			for _, k := range rng.Perm(len(faSentences))[:5] {
				s := faSentences[k]
				if o.rareRate > 0 {
					ws := strings.Fields(s)
					for j := range ws {
						if rng.Float64() < o.rareRate {
							ws[j] = vocab[zipf.Uint64()]
						}
					}
					s = strings.Join(ws, " ")
				}
				p = append(p, s)
				words += len(strings.Fields(s))
			}
			paras = append(paras, strings.Join(p, " "))
		}
		d := Doc{
			URL:     fmt.Sprintf("/incidents/fa/incidents/incident-%05d/", n-i),
			Title:   fmt.Sprintf(faTitles[rng.IntN(len(faTitles))], tags[0]) + faDigits(fmt.Sprintf(" (%d)", n-i)),
			Date:    faDigits(fmt.Sprintf("%d %s %d", 1+rng.IntN(30), faMonths[rng.IntN(12)], 1398+rng.IntN(6))),
			Summary: paras[1],
		}
		d.Terms = append(d.Terms, tags...)
		d.Terms = append(d.Terms, severities[rng.IntN(3)])
		d.Terms = append(d.Terms, faEvents...)
		d.Terms = append(d.Terms, headings...)
		if o.body {
			d.Terms = append(d.Terms, strings.Join(paras, "\n"))
		}
		docs[i] = d
	}
	return docs
}

// syntheticDocs is corpus with gen.py's text only.
func syntheticDocs(n int, body bool) []Doc { return corpus(n, corpusOptions{body: body}) }

func BenchmarkWrite5000(b *testing.B) {
	docs := syntheticDocs(5000, true)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite5000RareWords(b *testing.B) {
	docs := corpus(5000, corpusOptions{body: true, rareRate: 0.35})
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, docs); err != nil {
			b.Fatal(err)
		}
	}
}

var sizes = flag.Bool("sizes", false, "TestIndexSizes: measure index sizes for synthetic corpora and print a table")

// TestIndexSizes prints the table of docs/search.md (go test ./internal/search -run Sizes -sizes -v).
func TestIndexSizes(t *testing.T) {
	if !*sizes {
		t.Skip("run with -sizes")
	}
	fmt.Println("| articles | text | body terms | terms/article | vocabulary | index bytes | per article | docs part | terms part | postings part | gzip | gzip/article |")
	fmt.Println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, n := range []int{1000, 5000, 10000} {
		for _, rare := range []float64{0, 0.35} {
			for _, limit := range []int{-1, 0, 200, 100} { // -1: no body text
				docs := corpus(n, corpusOptions{body: limit >= 0, rareRate: rare})
				ix := build(docs, max(limit, 0))
				var buf bytes.Buffer
				bw := bufio.NewWriter(&buf)
				ix.write(bw, docs)
				bw.Flush()
				out := buf.Bytes()
				postings := 0
				for _, p := range ix.postings {
					postings += len(p)
				}
				termsAt := bytes.Index(out, []byte(`"terms":`))
				postAt := bytes.Index(out, []byte(`"postings":`))
				var gz bytes.Buffer
				zw, _ := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
				zw.Write(out)
				zw.Close()
				text := "gen.py"
				if rare > 0 {
					text = "gen.py + rare words"
				}
				body := "none"
				switch {
				case limit == 0:
					body = "all"
				case limit > 0:
					body = fmt.Sprintf("first %d terms", limit)
				}
				fmt.Printf("| %d | %s | %s | %.0f | %d | %s | %d | %s | %s | %s | %s | %d |\n",
					n, text, body, float64(postings)/float64(n), len(ix.terms), kb(len(out)),
					len(out)/n, kb(termsAt), kb(postAt-termsAt), kb(len(out)-postAt),
					kb(gz.Len()), gz.Len()/n)
				if n == 5000 && rare > 0 && limit >= 0 && os.Getenv("SEARCH_SIZES_OUT") != "" {
					os.WriteFile(fmt.Sprintf("%s-%d.json", os.Getenv("SEARCH_SIZES_OUT"), limit), out, 0o644)
				}
			}
		}
	}
}

func kb(n int) string { return fmt.Sprintf("%.0f KB", float64(n)/1000) }
