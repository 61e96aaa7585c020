package bidi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ساعت 19:52 PST بود", "ساعت \u206819:52 PST\u2069 بود"},
		{"ساعت ۱۹:۵۲ PST بود.", "ساعت \u2068۱۹:۵۲ PST\u2069 بود."},
		{"خطای 503 Service Unavailable.", "خطای \u2068503 Service Unavailable\u2069."},
		{"ساعت 19:52 PST.", "ساعت \u206819:52 PST\u2069."},
		{"iOS 17 سالم بود", "iOS 17 سالم بود"},           // begins with a letter: already right
		{"GPT-4 Turbo معرفی شد", "GPT-4 Turbo معرفی شد"}, // likewise
		{"ساعت ۱۹:۵۲ بود", "ساعت ۱۹:۵۲ بود"},             // a lone number
		{"۱۳ دقیقه بعد", "۱۳ دقیقه بعد"},                 // number then Persian
		{"x19:52 PST", "x19:52 PST"},                     // not at a token start
		{"در 19:52  PST", "در 19:52  PST"},               // two spaces end the run
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
		{"<p><code>19:52 PST</code> و 8 GB</p>", `<p><code>19:52 PST</code> و <bdi dir="ltr">8 GB</bdi></p>`},
		{`<span class="source">(<bdi dir="ltr">۱۹:۵۲ PST</bdi>)</span>`, `<span class="source">(<bdi dir="ltr">۱۹:۵۲ PST</bdi>)</span>`},
		{"<p>2 AT&amp;T lines</p>", `<p><bdi dir="ltr">2 AT&amp;T lines</bdi></p>`},
		{"<!-- 19:52 PST --><p>x</p>", "<!-- 19:52 PST --><p>x</p>"},
		{"<p>بدون تغییر</p>", "<p>بدون تغییر</p>"},
		{"<br/>19:52 PST", `<br/><bdi dir="ltr">19:52 PST</bdi>`},
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
