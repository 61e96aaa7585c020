package bidi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		// A clock time with a zone abbreviation or AM/PM is one left-to-right unit.
		{"ساعت 19:52 PST بود", "ساعت \u206819:52 PST\u2069 بود"},
		{"ساعت ۱۹:۵۲ PST بود.", "ساعت \u2068۱۹:۵۲ PST\u2069 بود."},
		{"ساعت 19:52 PST.", "ساعت \u206819:52 PST\u2069."},
		{"ساعت ١٩:٥٢ PST", "ساعت \u2068١٩:٥٢ PST\u2069"},
		{"(۱۹:۵۲ PST)", "(\u2068۱۹:۵۲ PST\u2069)"},
		{"۱۹:۵۲ PST، سه‌شنبه", "\u2068۱۹:۵۲ PST\u2069، سه‌شنبه"},
		{"19:52 PST, Tue 7 Nov", "\u206819:52 PST\u2069, Tue 7 Nov"},
		{"ساعت ۰۳:۵۲:۰۵ UTC", "ساعت \u2068۰۳:۵۲:۰۵ UTC\u2069"},
		{"ساعت 19:52 UTC+3:30 بود", "ساعت \u206819:52 UTC+3:30\u2069 بود"},
		{"ساعت 19:52 GMT-8", "ساعت \u206819:52 GMT-8\u2069"},
		{"ساعت 7 AM", "ساعت \u20687 AM\u2069"},
		{"ساعت 7:30 p.m. PST.", "ساعت \u20687:30 p.m. PST\u2069."},
		{"ساعت 7:30 PM", "ساعت \u20687:30 PM\u2069"},
		{"در 2023-11-08 19:52 UTC", "در \u20682023-11-08 19:52 UTC\u2069"},
		{"ساعت 19:52\u00a0PST", "ساعت \u206819:52\u00a0PST\u2069"},
		{"ساعت 19:52 IRST", "ساعت \u206819:52 IRST\u2069"},
		// A count or a number before a Latin word is not a unit: the default order reads right.
		{"نسخهٔ 3 SDK", "نسخهٔ 3 SDK"},
		{"نسخهٔ ۳ SDK منتشر شد", "نسخهٔ ۳ SDK منتشر شد"},
		{"۵ GB حافظه", "۵ GB حافظه"},
		{"2 GB RAM", "2 GB RAM"},
		{"خطای 503 Service Unavailable.", "خطای 503 Service Unavailable."},
		{"ساعت 10:30 API از دسترس خارج شد", "ساعت 10:30 API از دسترس خارج شد"}, // API is no zone
		{"13 AM", "13 AM"},                     // no such hour
		{"ساعت 25:10 UTC", "ساعت 25:10 UTC"},   // nor this one
		{"ساعت 19:75 UTC", "ساعت 19:75 UTC"},   // nor this minute
		{"19:52 PSTX", "19:52 PSTX"},           // not an abbreviation
		{"19:52 PST2", "19:52 PST2"},           // nor this
		{"2023-11-08 UTC", "2023-11-08 UTC"},   // a date without a time
		{"SDK ۳", "SDK ۳"},                     // begins with a letter: already right
		{"iOS 17 سالم بود", "iOS 17 سالم بود"}, // likewise
		{"GPT-4 Turbo معرفی شد", "GPT-4 Turbo معرفی شد"},
		{"ساعت ۱۹:۵۲ بود", "ساعت ۱۹:۵۲ بود"}, // a lone time
		{"۱۳ دقیقه بعد", "۱۳ دقیقه بعد"},     // number then Persian
		{"x19:52 PST", "x19:52 PST"},         // not at a token start
		{"در 19:52  PST", "در 19:52  PST"},   // two spaces end the run
		{"", ""},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>ساعت 19:52 PST بود</p>", `<p>ساعت <bdi dir="ltr">19:52 PST</bdi> بود</p>`},
		{`<p><a href="/x/19:52 PST">ساعت 7 AM</a></p>`, `<p><a href="/x/19:52 PST">ساعت <bdi dir="ltr">7 AM</bdi></a></p>`},
		{"<pre><code>19:52 PST</code></pre>", "<pre><code>19:52 PST</code></pre>"},
		{"<p><code>19:52 PST</code> و 8 GB</p>", "<p><code>19:52 PST</code> و 8 GB</p>"},
		{`<span class="source">(<bdi dir="ltr">۱۹:۵۲ PST</bdi>)</span>`, `<span class="source">(<bdi dir="ltr">۱۹:۵۲ PST</bdi>)</span>`},
		{"<p>2 AT&amp;T lines</p>", "<p>2 AT&amp;T lines</p>"},
		{"<p>نسخهٔ ۳ SDK و ۵ GB</p>", "<p>نسخهٔ ۳ SDK و ۵ GB</p>"},
		{"<p>19:52 <b>PST</b></p>", "<p>19:52 <b>PST</b></p>"}, // a run never spans a tag
		{"<!-- 19:52 PST --><p>x</p>", "<!-- 19:52 PST --><p>x</p>"},
		{"<p>بدون تغییر</p>", "<p>بدون تغییر</p>"},
		{"<br/>19:52 PST", `<br/><bdi dir="ltr">19:52 PST</bdi>`},
		{"<p>19:52&nbsp;PST</p>", `<p><bdi dir="ltr">19:52&nbsp;PST</bdi></p>`},
	}
	for _, tt := range tests {
		if got := HTML(tt.in); got != tt.want {
			t.Errorf("HTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{"<p>ساعت 19:52 PST بود</p>", "<pre>1 a</pre>", "a &amp; 1 b", "<", "1 a<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HTML(s)
		// Only <bdi dir="ltr"> and </bdi> are ever added.
		stripped := strings.ReplaceAll(strings.ReplaceAll(got, `<bdi dir="ltr">`, ""), "</bdi>", "")
		if strings.Count(s, `<bdi dir="ltr">`) == 0 && strings.Count(s, "</bdi>") == 0 && stripped != s {
			t.Fatalf("HTML changed more than isolates: %q → %q", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		txt := Text(s)
		if strings.ReplaceAll(strings.ReplaceAll(txt, fsi, ""), pdi, "") != strings.ReplaceAll(strings.ReplaceAll(s, fsi, ""), pdi, "") {
			t.Fatalf("Text changed more than isolates: %q → %q", s, txt)
		}
	})
}

// benchBody is a Persian article body as the renderer gives it to HTML: prose with numbers,
// Latin names, times and code.
var benchBody = strings.Repeat(`<p>ساعت ۱۹:۵۲ PST بخشی از درخواست‌های رابط برنامه‌نویسی ChatGPT با خطای ۵۰۳ Service Unavailable پاسخ داده شد؛ `+
	`نسخهٔ ۳ SDK و iOS 17 و <code>GPT-4 19:52 PST</code> هم درگیر بودند و ۹۹٫۹٪ کاربران پس از ۱۳ دقیقه دوباره وصل شدند.</p>
<ul><li>۵ GB حافظه</li><li>۱۰–۱۲ ساعت</li><li>v1.2.3 و 127.0.0.1</li></ul>
`, 40)

func BenchmarkHTML(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	b.ReportAllocs()
	for b.Loop() {
		_ = HTML(benchBody)
	}
}

func BenchmarkText(b *testing.B) {
	s := "خطای ۵۰۳ در ChatGPT (۱۳) ساعت ۱۹:۵۲ PST به مدت ۲٫۵ ساعت در iOS 17"
	b.ReportAllocs()
	for b.Loop() {
		_ = Text(s)
	}
}
