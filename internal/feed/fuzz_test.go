package feed

import (
	"testing"
	"time"
)

func fuzzSeeds(f *testing.F) {
	for _, n := range nasty {
		f.Add(n.s, n.s, n.s, n.s)
	}
	f.Add("گزارش‌های ۱۴۰۲", "<b>x</b>", "a]]>b", "\x00\r\n\t")
}

func fuzzChannel(title, summary, content, category string) *Channel {
	return &Channel{
		Title: title, Description: summary, Lang: "fa",
		Link: "https://example.com/fa/", Self: "https://example.com/fa/index.xml?" + category,
		Items: []Item{{
			ID: "https://example.com/fa/x/#" + title, Title: title, Link: "https://example.com/fa/x/",
			Summary: summary, Content: content, Categories: []string{category},
			Published: time.Date(2023, 11, 8, 15, 46, 0, 0, time.UTC),
		}},
	}
}

// FuzzRSS checks that any text gives a well-formed RSS feed that carries the text, as HTML text
// where RSS holds HTML.
func FuzzRSS(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, title, summary, content, category string) {
		c := fuzzChannel(title, summary, content, category)
		d := parseRSS(t, rss(t, c))
		it := d.Channel.Items[0]
		htmlText(t, "channel title", d.Channel.Title, carried(title))
		htmlText(t, "channel description", d.Channel.Description, carried(summary))
		check(t, "self", d.Channel.AtomLink.Href, carried(c.Self))
		htmlText(t, "item title", it.Title, carried(title))
		check(t, "guid", it.GUID.Value, carried(c.Items[0].ID))
		if summary != "" {
			htmlText(t, "item description", it.Description, carried(summary))
		}
		if content != "" {
			check(t, "content:encoded", it.Encoded, carried(content))
		}
		if category != "" {
			if len(it.Categories) != 1 {
				t.Fatalf("categories = %q", it.Categories)
			}
			htmlText(t, "category", it.Categories[0], carried(category))
		}
	})
}

// FuzzAtom checks that any text gives a well-formed Atom feed that carries the text.
func FuzzAtom(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, title, summary, content, category string) {
		c := fuzzChannel(title, summary, content, category)
		d := parseAtom(t, atom(t, c))
		e := d.Entries[0]
		check(t, "feed title", d.Title, carried(title))
		check(t, "author (the title)", d.Author, carried(title))
		check(t, "self", d.Links[0].Href, carried(c.Self))
		check(t, "entry id", e.ID, carried(c.Items[0].ID))
		check(t, "entry title", e.Title, carried(title))
		if summary != "" {
			check(t, "feed subtitle", d.Subtitle, carried(summary))
			check(t, "entry summary", e.Summary, carried(summary))
		}
		if content != "" {
			check(t, "entry content", e.Content.Value, carried(content))
		}
		if category != "" {
			if len(e.Categories) != 1 {
				t.Fatalf("categories = %v", e.Categories)
			}
			check(t, "category term", e.Categories[0].Term, carried(category))
		}
	})
}
