package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

// nasty are texts that must come out well-formed and escaped in every output.
var nasty = []struct{ name, s string }{
	{"script", `<script>alert(1)</script>`},
	{"quotes", `"quotes" & 'apostrophes'`},
	{"cdata end", `]]>`},
	{"cdata", `a]]>b<![CDATA[c]]>d`},
	{"end script", `</script><!-- comment --><?pi x?>`},
	{"entities", `&amp; &lt; &#x41; &bogus; &`},
	{"controls", "a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1fh"},
	{"white space", "  tab\there\nline\rcr\r\ncrlf  "},
	{"invalid utf-8", "bad\xff\xfe byte \xc3\x28 cut\xe2\x82 end\xed\xa0\x80"},
	{"noncharacters", "\uFFFE\uFFFF and a real \uFFFD"},
	{"persian", "گزارش‌های ۱۴۰۲ \u200f(RLM) \u202b(RLE)\u202c"},
	{"separators", "line\u2028paragraph\u2029end \u0085 \u007f"},
	{"astral", "🔥 𝕏"},
	{"empty", ""},
}

func nastyChannel(s string) *Channel {
	return &Channel{
		Title:       s,
		Description: s,
		Lang:        "fa",
		Link:        "https://example.com/fa/?q=" + s,
		Self:        "https://example.com/fa/index.xml?q=" + s,
		Author:      s,
		Generator:   s,
		Items: []Item{{
			ID:         "https://example.com/id/" + s,
			Title:      s,
			Link:       "https://example.com/link/" + s,
			Summary:    s,
			Content:    s,
			Published:  time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
			Categories: []string{s, "x" + s},
		}},
	}
}

func TestRSSEscaping(t *testing.T) {
	for _, n := range nasty {
		t.Run(n.name, func(t *testing.T) {
			c := nastyChannel(n.s)
			out := rss(t, c)
			d := parseRSS(t, out)
			want := carried(n.s)
			ch := d.Channel
			it := d.Channel.Items[0]
			htmlText(t, "channel title", ch.Title, want)
			htmlText(t, "channel description", ch.Description, want)
			check(t, "channel link", ch.Link, carried(c.Link))
			check(t, "atom:link href", ch.AtomLink.Href, carried(c.Self))
			check(t, "generator", ch.Generator, want)
			htmlText(t, "item title", it.Title, want)
			check(t, "item link", it.Link, carried(c.Items[0].Link))
			check(t, "item guid", it.GUID.Value, carried(c.Items[0].ID))
			if it.GUID.IsPermaLink != "false" {
				t.Errorf("isPermaLink = %q, want false", it.GUID.IsPermaLink)
			}
			if n.s != "" {
				htmlText(t, "item description", it.Description, want)
				check(t, "item content:encoded", it.Encoded, want) // HTML already: carried as it is
				if len(it.Categories) != 2 {
					t.Fatalf("categories = %q", it.Categories)
				}
				htmlText(t, "category 1", it.Categories[0], want)
				htmlText(t, "category 2", it.Categories[1], "x"+want)
			}
			noRaw(t, out, n.s)
		})
	}
}

// TestRSSIsHTML: RSS title, description and category hold HTML by convention, so plain text is
// escaped for HTML before it is escaped for XML, and a feed reader shows "<img …>" and "AT&T" as
// the text they are; content:encoded is HTML and is only escaped for XML.
func TestRSSIsHTML(t *testing.T) {
	const img = `<img src=x onerror=alert(1)>`
	c := &Channel{
		Title: "AT&T " + img, Description: "Q&A <b>", Lang: "en",
		Link: "https://example.com/en/", Self: "https://example.com/en/rss.xml",
		Items: []Item{{
			Title: img, Link: "https://example.com/en/a/", Summary: "AT&T &amp; " + img,
			Content:    `<p>AT&amp;T &lt;img&gt;</p>`,
			Categories: []string{"AT&T", "<script>"},
			Published:  time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
		}},
	}
	out := string(rss(t, c))
	for _, want := range []string{
		"<title>AT&amp;amp;T &amp;lt;img src=x onerror=alert(1)&amp;gt;</title>",
		"<description>Q&amp;amp;A &amp;lt;b&amp;gt;</description>",
		"<title>&amp;lt;img src=x onerror=alert(1)&amp;gt;</title>",
		"<description>AT&amp;amp;T &amp;amp;amp; &amp;lt;img src=x onerror=alert(1)&amp;gt;</description>",
		"<category>AT&amp;amp;T</category>",
		"<category>&amp;lt;script&amp;gt;</category>",
		"<content:encoded>&lt;p&gt;AT&amp;amp;T &amp;lt;img&amp;gt;&lt;/p&gt;</content:encoded>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("RSS lacks %s\n%s", want, out)
		}
	}
	d := parseRSS(t, []byte(out))
	it := d.Channel.Items[0]
	htmlText(t, "channel title", d.Channel.Title, c.Title)
	htmlText(t, "channel description", d.Channel.Description, c.Description)
	htmlText(t, "item title", it.Title, img)
	htmlText(t, "item description", it.Description, c.Items[0].Summary)
	htmlText(t, "category", it.Categories[0], "AT&T")
	htmlText(t, "category", it.Categories[1], "<script>")
	check(t, "content:encoded", it.Encoded, c.Items[0].Content)
}

func TestAtomEscaping(t *testing.T) {
	for _, n := range nasty {
		t.Run(n.name, func(t *testing.T) {
			c := nastyChannel(n.s)
			out := atom(t, c)
			d := parseAtom(t, out)
			want := carried(n.s)
			e := d.Entries[0]
			check(t, "feed title", d.Title, want)
			check(t, "feed subtitle", d.Subtitle, want)
			check(t, "feed author", d.Author, want)
			check(t, "feed generator", d.Generator, want)
			check(t, "feed id", d.ID, carried(c.Self))
			check(t, "self href", d.Links[0].Href, carried(c.Self))
			check(t, "alternate href", d.Links[1].Href, carried(c.Link))
			check(t, "entry id", e.ID, carried(c.Items[0].ID))
			check(t, "entry title", e.Title, want)
			check(t, "entry link", e.Link.Href, carried(c.Items[0].Link))
			if n.s != "" {
				check(t, "entry summary", e.Summary, want)
				check(t, "entry content", e.Content.Value, want)
				var terms []string
				for _, c := range e.Categories {
					terms = append(terms, c.Term)
				}
				checkList(t, "category terms", terms, []string{want, "x" + want})
			}
			noRaw(t, out, n.s)
		})
	}
}

func TestSitemapEscaping(t *testing.T) {
	for _, n := range nasty {
		t.Run(n.name, func(t *testing.T) {
			loc := "https://example.com/fa/" + n.s
			out := sitemapBytes(t, []URL{{
				Loc:        loc,
				LastMod:    time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
				Alternates: []Alternate{{"fa", loc}, {"en", "https://example.com/en/?" + n.s}},
			}})
			d := parseSitemap(t, out)
			u := d.URLs[0]
			check(t, "loc", u.Loc, carried(loc))
			check(t, "fa href", u.Links[0].Href, carried(loc))
			check(t, "en href", u.Links[1].Href, carried("https://example.com/en/?"+n.s))
			noRaw(t, out, n.s)
		})
	}
}

func TestIncidentsJSONEscaping(t *testing.T) {
	for _, n := range nasty {
		t.Run(n.name, func(t *testing.T) {
			in := Incident{
				ID:           "incidents/" + n.s,
				Title:        n.s,
				URL:          "https://example.com/fa/" + n.s,
				Services:     []string{n.s},
				Tags:         []string{n.s, "t"},
				Published:    time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
				Translations: []Translation{{"en", "https://example.com/en/" + n.s}},
			}
			var b bytes.Buffer
			if err := IncidentsJSON(&b, "fa", in.Published, []Incident{in}); err != nil {
				t.Fatal(err)
			}
			out := b.Bytes()
			if !json.Valid(out) {
				t.Fatalf("invalid JSON:\n%s", out)
			}
			if i := bytes.IndexAny(out, "<>&\u2028\u2029"); i >= 0 {
				t.Errorf("raw %q at byte %d; want it escaped:\n%s", out[i], i, out)
			}
			var d incidentsDoc
			if err := json.Unmarshal(out, &d); err != nil {
				t.Fatal(err)
			}
			got := d.Incidents[0]
			want := carried(n.s)
			check(t, "id", got.ID, carried(in.ID))
			check(t, "title", got.Title, want)
			check(t, "url", got.URL, carried(in.URL))
			checkList(t, "services", got.Services, []string{want})
			checkList(t, "tags", got.Tags, []string{want, "t"})
			check(t, "translation url", got.Translations[0].URL, carried(in.Translations[0].URL))
		})
	}
}

// incidentsDoc reads incidents.json back.
type incidentsDoc struct {
	Version   *int    `json:"version"`
	Language  string  `json:"language"`
	Generated *string `json:"generated"`
	Incidents []struct {
		ID              string   `json:"id"`
		Title           string   `json:"title"`
		URL             string   `json:"url"`
		Status          string   `json:"status"`
		Severity        string   `json:"severity"`
		Services        []string `json:"services"`
		Tags            []string `json:"tags"`
		Published       string   `json:"published"`
		Start           *string  `json:"start"`
		Resolved        *string  `json:"resolved"`
		DurationSeconds *int64   `json:"duration_seconds"`
		Translations    []struct {
			Lang string `json:"lang"`
			URL  string `json:"url"`
		} `json:"translations"`
	} `json:"incidents"`
}

func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func checkList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// noRaw fails if markup from s appears unescaped in out.
func noRaw(t *testing.T, out []byte, s string) {
	t.Helper()
	for _, bad := range []string{"<script", "</script", "]]>", "<!--", "<?pi", "<![CDATA["} {
		if strings.Contains(s, bad) && bytes.Contains(out, []byte(bad)) {
			t.Errorf("output holds %q unescaped:\n%s", bad, out)
		}
	}
}

func sitemapBytes(t testing.TB, urls []URL) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Sitemap(&b, urls); err != nil {
		t.Fatalf("Sitemap: %v", err)
	}
	return b.Bytes()
}

// TestDates checks every output's date format for times given on Tehran's and Los Angeles' clocks,
// in and out of daylight saving time: all are written in UTC.
func TestDates(t *testing.T) {
	teh, la := zone(t, tehranZ), zone(t, laZ)
	cases := []struct {
		name      string
		in        time.Time
		rss, w3c  string
		unchanged bool
	}{
		{"Tehran +03:30 (2023, no DST)", time.Date(2023, 11, 8, 19, 16, 0, 0, teh), "Wed, 08 Nov 2023 15:46:00 +0000", "2023-11-08T15:46:00Z", false},
		{"Tehran +04:30 (summer 2021)", time.Date(2021, 6, 1, 12, 0, 0, 0, teh), "Tue, 01 Jun 2021 07:30:00 +0000", "2021-06-01T07:30:00Z", false},
		{"Tehran across midnight", time.Date(2024, 1, 1, 2, 0, 0, 0, teh), "Sun, 31 Dec 2023 22:30:00 +0000", "2023-12-31T22:30:00Z", false},
		{"Los Angeles PST", time.Date(2023, 11, 7, 19, 52, 0, 0, la), "Wed, 08 Nov 2023 03:52:00 +0000", "2023-11-08T03:52:00Z", false},
		{"Los Angeles PDT", time.Date(2023, 7, 4, 9, 5, 7, 0, la), "Tue, 04 Jul 2023 16:05:07 +0000", "2023-07-04T16:05:07Z", false},
		{"fraction truncated", time.Date(2023, 7, 4, 9, 5, 7, 999999999, la), "Tue, 04 Jul 2023 16:05:07 +0000", "2023-07-04T16:05:07Z", false},
		{"UTC", time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC), "Wed, 08 Nov 2023 15:46:00 +0000", "2023-11-08T15:46:00Z", true},
		{"fixed offset", time.Date(2023, 11, 8, 20, 1, 0, 0, time.FixedZone("", 5*3600+45*60)), "Wed, 08 Nov 2023 14:16:00 +0000", "2023-11-08T14:16:00Z", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Channel{Lang: "en", Link: "https://example.com/", Self: "https://example.com/feed",
				Items: []Item{{Link: "https://example.com/a", Published: tc.in, Updated: tc.in}}}
			r := parseRSS(t, rss(t, c))
			check(t, "RSS pubDate", r.Channel.Items[0].PubDate, tc.rss)
			check(t, "RSS lastBuildDate", r.Channel.LastBuildDate, tc.rss)
			a := parseAtom(t, atom(t, c))
			check(t, "Atom updated", a.Updated, tc.w3c)
			check(t, "Atom entry published", a.Entries[0].Published, tc.w3c)
			check(t, "Atom entry updated", a.Entries[0].Updated, tc.w3c)
			s := parseSitemap(t, sitemapBytes(t, []URL{{Loc: "https://example.com/a", LastMod: tc.in}}))
			check(t, "sitemap lastmod", s.URLs[0].LastMod, tc.w3c)
			var b bytes.Buffer
			in := Incident{ID: "i/a", URL: "https://example.com/a", Published: tc.in, Start: tc.in, Resolved: tc.in}
			if err := IncidentsJSON(&b, "en", tc.in, []Incident{in}); err != nil {
				t.Fatal(err)
			}
			var d incidentsDoc
			if err := json.Unmarshal(b.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			check(t, "JSON generated", *d.Generated, tc.w3c)
			check(t, "JSON published", d.Incidents[0].Published, tc.w3c)
			check(t, "JSON start", *d.Incidents[0].Start, tc.w3c)
			check(t, "JSON resolved", *d.Incidents[0].Resolved, tc.w3c)
			// The RSS date parses back to the same instant, to the second.
			back, err := time.Parse(time.RFC1123Z, tc.rss)
			if err != nil || !back.Equal(tc.in.Truncate(time.Second)) {
				t.Errorf("RSS date %q reads back as %v, %v; want %v", tc.rss, back, err, tc.in)
			}
		})
	}
}

// TestItemDates checks which item date goes where when one of the two is zero.
func TestItemDates(t *testing.T) {
	pub := time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC)
	upd := time.Date(2023, 11, 9, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name                       string
		published, updated         time.Time
		pubDate, lastBuild         string
		atomPublished, atomUpdated string
	}{
		{"both", pub, upd, "Wed, 08 Nov 2023 15:46:00 +0000", "Thu, 09 Nov 2023 08:00:00 +0000", "2023-11-08T15:46:00Z", "2023-11-09T08:00:00Z"},
		{"published only", pub, time.Time{}, "Wed, 08 Nov 2023 15:46:00 +0000", "Wed, 08 Nov 2023 15:46:00 +0000", "2023-11-08T15:46:00Z", "2023-11-08T15:46:00Z"},
		{"updated only", time.Time{}, upd, "Thu, 09 Nov 2023 08:00:00 +0000", "Thu, 09 Nov 2023 08:00:00 +0000", "", "2023-11-09T08:00:00Z"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Channel{Lang: "en", Link: "https://example.com/", Self: "https://example.com/feed",
				Items: []Item{{Link: "https://example.com/a", Published: tc.published, Updated: tc.updated}}}
			r := parseRSS(t, rss(t, c))
			check(t, "pubDate", r.Channel.Items[0].PubDate, tc.pubDate)
			check(t, "lastBuildDate (Updated zero: the newest item's)", r.Channel.LastBuildDate, tc.lastBuild)
			a := parseAtom(t, atom(t, c))
			check(t, "published", a.Entries[0].Published, tc.atomPublished)
			check(t, "updated", a.Entries[0].Updated, tc.atomUpdated)
			check(t, "feed updated (Updated zero: the newest item's)", a.Updated, tc.atomUpdated)
		})
	}
}

// TestStructure checks what the golden files show, by reading the feeds back: the language on the
// root element, the self and alternate links, the absolute URLs, and the per-item language.
func TestStructure(t *testing.T) {
	fa := faChannel(t)
	r := parseRSS(t, rss(t, fa))
	check(t, "rss version", r.Version, "2.0")
	check(t, "rss xml:lang", r.Lang, "fa")
	check(t, "rss language", r.Channel.Language, "fa")
	check(t, "rss self", r.Channel.AtomLink.Href, fa.Self)
	check(t, "rss self rel", r.Channel.AtomLink.Rel, "self")
	check(t, "item 3 xml:lang", r.Channel.Items[2].Lang, "en")
	check(t, "item 1 xml:lang (same as the channel's: left out)", r.Channel.Items[0].Lang, "")
	check(t, "item 1 guid permalink", r.Channel.Items[0].GUID.IsPermaLink, "false")
	check(t, "item 2 guid permalink", r.Channel.Items[1].GUID.IsPermaLink, "true")
	check(t, "item 2 guid (ID empty: the link)", r.Channel.Items[1].GUID.Value, fa.Items[1].Link)

	a := parseAtom(t, atom(t, fa))
	check(t, "atom xml:lang", a.Lang, "fa")
	check(t, "atom id (ID empty: Self)", a.ID, fa.Self)
	check(t, "atom author (Author empty: Title)", a.Author, fa.Title)
	if len(a.Links) != 2 || a.Links[0] != (atomLink{"self", "application/atom+xml", fa.Self}) ||
		a.Links[1] != (atomLink{"alternate", "text/html", fa.Link}) {
		t.Errorf("feed links = %+v", a.Links)
	}
	check(t, "entry 3 xml:lang", a.Entries[2].Lang, "en")
	check(t, "entry 2 content type", a.Entries[1].Content.Type, "html")
	check(t, "entry 1 published", a.Entries[0].Published, "2023-11-08T18:00:00Z")

	for _, out := range [][]byte{rss(t, fa), atom(t, fa), rss(t, enChannel(t)), atom(t, enChannel(t)), sitemapBytes(t, sitemapURLs(t))} {
		for _, m := range urlAttr.FindAllSubmatch(out, -1) {
			if !bytes.HasPrefix(m[1], []byte("https://")) && !bytes.HasPrefix(m[1], []byte("tag:")) {
				t.Errorf("URL %q is not absolute", m[1])
			}
		}
	}

	// The content namespace is declared only when an item has content.
	c := enChannel(t)
	if !bytes.Contains(rss(t, c), []byte(`xmlns:content="http://purl.org/rss/1.0/modules/content/"`)) {
		t.Error("content namespace not declared")
	}
	for i := range c.Items {
		c.Items[i].Content = ""
	}
	if bytes.Contains(rss(t, c), []byte("xmlns:content")) {
		t.Error("content namespace declared without content")
	}
}

// urlAttr finds the URLs and ids the XML outputs write.
var urlAttr = regexp.MustCompile(`(?:href="|<link>|<loc>|<id>|<guid isPermaLink="[a-z]+">)([^"<]*)`)

func TestRobots(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://example.com/sitemap.xml", "User-agent: *\nAllow: /\n\nSitemap: https://example.com/sitemap.xml\n"},
		{"", "User-agent: *\nAllow: /\n"},
		{"https://example.com/s.xml\nDisallow: /\r\n", "User-agent: *\nAllow: /\n\nSitemap: https://example.com/s.xmlDisallow: /\n"},
		{"\n\t", "User-agent: *\nAllow: /\n"},
		{"https://example.com/\xff", "User-agent: *\nAllow: /\n\nSitemap: https://example.com/\uFFFD\n"},
	}
	for _, tc := range cases {
		if got := string(Robots(tc.in)); got != tc.want {
			t.Errorf("Robots(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIncidentsJSON checks the JSON values the golden files hold, read back.
func TestIncidentsJSON(t *testing.T) {
	var b bytes.Buffer
	gen := time.Date(2023, 11, 8, 18, 0, 0, 0, time.UTC)
	if err := IncidentsJSON(&b, "fa", gen, faIncidents(t)); err != nil {
		t.Fatal(err)
	}
	var d incidentsDoc
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Version == nil || *d.Version != 1 || d.Language != "fa" || d.Generated == nil || *d.Generated != "2023-11-08T18:00:00Z" {
		t.Errorf("header = %v %q %v", d.Version, d.Language, d.Generated)
	}
	one, two := d.Incidents[0], d.Incidents[1]
	if one.DurationSeconds == nil || *one.DurationSeconds != 42840 {
		t.Errorf("duration_seconds = %v, want 42840", one.DurationSeconds)
	}
	if two.Resolved != nil || two.DurationSeconds != nil {
		t.Errorf("unresolved incident: resolved %v, duration %v; want null", two.Resolved, two.DurationSeconds)
	}
	// Lists are [] and never null.
	for _, key := range []string{`"services":[]`, `"tags":[]`, `"translations":[]`} {
		if !bytes.Contains(b.Bytes(), []byte(key)) {
			t.Errorf("want %s in\n%s", key, b.Bytes())
		}
	}
	if bytes.Contains(b.Bytes(), []byte(`:null`)) && !bytes.Contains(b.Bytes(), []byte(`"resolved":null`)) {
		t.Errorf("unexpected null:\n%s", b.Bytes())
	}

	dur := func(in Incident) *int64 {
		var b bytes.Buffer
		in.ID, in.URL, in.Published = "i/x", "https://example.com/x", gen
		if err := IncidentsJSON(&b, "en", gen, []Incident{in}); err != nil {
			t.Fatal(err)
		}
		var d incidentsDoc
		if err := json.Unmarshal(b.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		return d.Incidents[0].DurationSeconds
	}
	for _, tc := range []struct {
		name string
		in   Incident
		want int64 // -1: null
	}{
		{"resolved", Incident{Resolved: gen, Duration: time.Hour, HasDuration: true}, 3600},
		{"zero length", Incident{Resolved: gen, Duration: 0, HasDuration: true}, 0},
		{"fraction truncated", Incident{Resolved: gen, Duration: 1999 * time.Millisecond, HasDuration: true}, 1},
		{"negative", Incident{Resolved: gen, Duration: -time.Second, HasDuration: true}, -1},
		{"no duration", Incident{Resolved: gen, Duration: time.Hour}, -1},
		{"unresolved", Incident{Duration: time.Hour, HasDuration: true}, -1},
	} {
		got := dur(tc.in)
		if (got == nil) != (tc.want < 0) || got != nil && *got != tc.want {
			t.Errorf("%s: duration_seconds = %v, want %d (-1 = null)", tc.name, got, tc.want)
		}
	}
}

// TestErrors checks that bad input is an error naming the problem, and that nothing is written.
func TestErrors(t *testing.T) {
	when := time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC)
	channel := func(edit func(*Channel)) *Channel {
		c := &Channel{Lang: "fa", Link: "https://example.com/fa/", Self: "https://example.com/fa/index.xml",
			Items: []Item{{Link: "https://example.com/fa/a/", Published: when}, {Link: "https://example.com/fa/b/", Published: when}}}
		edit(c)
		return c
	}
	feeds := []struct {
		name string
		c    *Channel
		want string
	}{
		{"nil", nil, "nil channel"},
		{"no language", channel(func(c *Channel) { c.Lang = "" }), `language ""`},
		{"bad language", channel(func(c *Channel) { c.Lang = `fa"><x` }), "not a language tag"},
		{"long subtag", channel(func(c *Channel) { c.Lang = "fa-abcdefghi" }), "not a language tag"},
		{"digit first", channel(func(c *Channel) { c.Lang = "1a" }), "not a language tag"},
		{"relative link", channel(func(c *Channel) { c.Link = "/fa/" }), `link "/fa/" is not an absolute URL`},
		{"no host", channel(func(c *Channel) { c.Self = "https:///index.xml" }), "not an absolute URL"},
		{"relative item link", channel(func(c *Channel) { c.Items[1].Link = "fa/b/" }), `item 2 ("fa/b/"): link`},
		{"id without scheme", channel(func(c *Channel) { c.Items[0].ID = "incidents/a" }), `id "incidents/a" is not an absolute IRI`},
		{"duplicate id", channel(func(c *Channel) { c.Items[1].ID = c.Items[0].Link }), "also the id of item 1"},
		{"no date", channel(func(c *Channel) { c.Items[0].Published = time.Time{} }), "no date"},
		{"year 10000", channel(func(c *Channel) { c.Items[0].Updated = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }), "outside the years"},
		{"negative year", channel(func(c *Channel) { c.Updated = time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC) }), "outside the years"},
		{"bad item language", channel(func(c *Channel) { c.Items[0].Lang = "en_US" }), "not a language tag"},
	}
	for _, tc := range feeds {
		for _, f := range []struct {
			name  string
			write func(*bytes.Buffer, *Channel) error
		}{{"rss", func(b *bytes.Buffer, c *Channel) error { return RSS(b, c) }}, {"atom", func(b *bytes.Buffer, c *Channel) error { return Atom(b, c) }}} {
			var b bytes.Buffer
			err := f.write(&b, tc.c)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "feed: "+f.name+": ") {
				t.Errorf("%s %s: error %v, want one containing %q", f.name, tc.name, err, tc.want)
			}
			if b.Len() > 0 {
				t.Errorf("%s %s: wrote %d bytes despite the error", f.name, tc.name, b.Len())
			}
		}
	}

	urls := func(edit func([]URL) []URL) []URL {
		return edit([]URL{{Loc: "https://example.com/fa/", Alternates: []Alternate{{"fa", "https://example.com/fa/"}, {"x-default", "https://example.com/fa/"}}}})
	}
	many := make([]URL, MaxSitemapURLs+1)
	for i := range many {
		many[i].Loc = "https://example.com/" // duplicates, but the count is checked first
	}
	for _, tc := range []struct {
		name string
		urls []URL
		want string
	}{
		{"too many", many, "50001 URLs is more than the 50000"},
		{"relative loc", urls(func(u []URL) []URL { u[0].Loc = "/fa/"; return u }), "not an absolute URL"},
		{"duplicate loc", urls(func(u []URL) []URL { return append(u, u[0]) }), "also the loc of url 1"},
		{"bad hreflang", urls(func(u []URL) []URL { u[0].Alternates[0].Lang = "fa IR"; return u }), "not a language tag"},
		{"relative href", urls(func(u []URL) []URL { u[0].Alternates[1].Href = "../fa/"; return u }), "alternate href"},
	} {
		var b bytes.Buffer
		err := Sitemap(&b, tc.urls)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("sitemap %s: error %v, want one containing %q", tc.name, err, tc.want)
		}
		if b.Len() > 0 {
			t.Errorf("sitemap %s: wrote %d bytes despite the error", tc.name, b.Len())
		}
	}
	exactly := make([]URL, MaxSitemapURLs)
	for i := range exactly {
		exactly[i].Loc = "https://example.com/" + strings.Repeat("a", i/1000) + "/" + itoa(i)
	}
	if err := Sitemap(&bytes.Buffer{}, exactly); err != nil {
		t.Errorf("sitemap of exactly %d URLs: %v", MaxSitemapURLs, err)
	}

	incidents := func(edit func([]Incident)) []Incident {
		in := []Incident{{ID: "incidents/a", URL: "https://example.com/fa/a/", Published: when, Translations: []Translation{{"en", "https://example.com/en/a/"}}}}
		edit(in)
		return in
	}
	for _, tc := range []struct {
		name string
		lang string
		in   []Incident
		want string
	}{
		{"bad language", "", incidents(func([]Incident) {}), "language"},
		{"no id", "fa", incidents(func(in []Incident) { in[0].ID = "" }), "no id"},
		{"duplicate id", "fa", append(incidents(func([]Incident) {}), incidents(func([]Incident) {})...), "also the id of incident 1"},
		{"relative url", "fa", incidents(func(in []Incident) { in[0].URL = "/fa/a/" }), "not an absolute URL"},
		{"status", "fa", incidents(func(in []Incident) { in[0].Status = "fixed" }), `status "fixed"`},
		{"severity", "fa", incidents(func(in []Incident) { in[0].Severity = "huge" }), `severity "huge"`},
		{"no published", "fa", incidents(func(in []Incident) { in[0].Published = time.Time{} }), "no published time"},
		{"translation language", "fa", incidents(func(in []Incident) { in[0].Translations[0].Lang = "" }), "translation language"},
		{"translation url", "fa", incidents(func(in []Incident) { in[0].Translations[0].URL = "en/a/" }), "translation url"},
		{"year", "fa", incidents(func(in []Incident) { in[0].Resolved = time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC) }), "outside the years"},
	} {
		var b bytes.Buffer
		err := IncidentsJSON(&b, tc.lang, when, tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "feed: incidents.json: ") {
			t.Errorf("incidents.json %s: error %v, want one containing %q", tc.name, err, tc.want)
		}
		if b.Len() > 0 {
			t.Errorf("incidents.json %s: wrote %d bytes despite the error", tc.name, b.Len())
		}
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errDisk = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDisk
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriterErrors checks that the writer's error comes back, whether it happens in the middle of the
// document or at its end.
func TestWriterErrors(t *testing.T) {
	big := benchChannel(200)
	for _, n := range []int{0, 100, 20000} {
		if err := RSS(&failWriter{n}, big); !errors.Is(err, errDisk) {
			t.Errorf("RSS after %d bytes: %v, want %v", n, err, errDisk)
		}
		if err := Atom(&failWriter{n}, big); !errors.Is(err, errDisk) {
			t.Errorf("Atom after %d bytes: %v, want %v", n, err, errDisk)
		}
		if err := Sitemap(&failWriter{n}, sitemapURLs(t)); !errors.Is(err, errDisk) && n < 1000 {
			t.Errorf("Sitemap after %d bytes: %v, want %v", n, err, errDisk)
		}
		if err := IncidentsJSON(&failWriter{n}, "fa", time.Time{}, faIncidents(t)); !errors.Is(err, errDisk) && n < 500 {
			t.Errorf("IncidentsJSON after %d bytes: %v, want %v", n, err, errDisk)
		}
	}
}

// maxWriter records the largest single write.
type maxWriter struct{ total, max int }

func (w *maxWriter) Write(p []byte) (int, error) {
	w.total += len(p)
	w.max = max(w.max, len(p))
	return len(p), nil
}

// TestStreaming checks that a large feed reaches the writer in buffer-sized pieces, not as one
// document built in memory.
func TestStreaming(t *testing.T) {
	c := benchChannel(5000)
	for name, write := range map[string]func(*maxWriter) error{
		"rss":  func(w *maxWriter) error { return RSS(w, c) },
		"atom": func(w *maxWriter) error { return Atom(w, c) },
	} {
		var w maxWriter
		if err := write(&w); err != nil {
			t.Fatal(err)
		}
		if w.total < 10*bufSize || w.max > bufSize {
			t.Errorf("%s: %d bytes in writes of up to %d; want writes of at most %d", name, w.total, w.max, bufSize)
		}
	}
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		tag string
		ok  bool
	}{
		{"fa", true}, {"en", true}, {"en-US", true}, {"zh-Hant-TW", true}, {"x-default", true}, {"fa-IR-u-nu-arabext", true},
		{"", false}, {"-", false}, {"fa-", false}, {"-fa", false}, {"fa--IR", false}, {"en_US", false}, {"1fa", false},
		{"abcdefghi", false}, {"fa IR", false}, {`fa"`, false}, {"فا", false},
	} {
		if got := validLang(tc.tag); got != tc.ok {
			t.Errorf("validLang(%q) = %v, want %v", tc.tag, got, tc.ok)
		}
	}
	for _, tc := range []struct {
		url      string
		abs, iri bool
	}{
		{"https://example.com/", true, true},
		{"https://example.com", true, true},
		{"http://localhost:8000/fa/", true, true},
		{"https://example.com/fa/x/#update-3", true, true},
		{"HTTPS://EXAMPLE.COM/", true, true},
		{"git+ssh://host/repo", true, true},
		{"tag:example.com,2023:x", false, true},
		{"urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", false, true},
		{"https://", false, true},
		{"https:///path", false, true},
		{"//example.com/", false, false},
		{"/fa/", false, false},
		{"fa/x/", false, false},
		{"", false, false},
		{":x", false, false},
		{"1http://x", false, false},
		{"ht tp://x", false, false},
	} {
		ck := &checker{format: "test"}
		ck.absURL("url", tc.url)
		if (ck.err == nil) != tc.abs {
			t.Errorf("absURL(%q): %v, want ok %v", tc.url, ck.err, tc.abs)
		}
		ck = &checker{format: "test"}
		ck.iri("id", tc.url)
		if (ck.err == nil) != tc.iri {
			t.Errorf("iri(%q): %v, want ok %v", tc.url, ck.err, tc.iri)
		}
	}
}
