package site

import (
	"testing"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/locale"
)

// switchSite is fa (Tehran, Persian calendar) and en (UTC, Gregorian), two articles a page:
//
//	a: 2023-11-08, in both, services ChatGPT/API, tags قطعی/هوش ↔ outage/ai
//	b: 2023-10-20, in both, service ChatGPT, tag قطعی ↔ outage
//	c: 2023-10-25, fa only, tag فقط-فارسی
//	d: 2023-09-01, en only
//	e: 2023-11-01, en only, tag outage
//	f: 2023-08-01, en only
//	g: 2023-10-10, fa only, tag قطعی
//
// So fa has 2 pages of home and en 3; fa's قطعی has 2 pages, en's outage 2.
func switchSite(t *testing.T) *Site {
	t.Helper()
	cfg := testConfig(t)
	cfg.Paginate = 2
	tehran, err := time.LoadLocation("Asia/Tehran")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Languages = []*config.Language{
		{Code: "fa", Zone: tehran, Calendar: locale.Persian, Direction: "rtl"},
		{Code: "en", Zone: time.UTC, Calendar: locale.Gregorian, Direction: "ltr"},
	}
	art := func(lang, name string, date string, services, tags []string) *content.Page {
		p := article(lang, "incidents", name)
		p.Date, _ = time.Parse(time.DateOnly, date)
		p.Date = p.Date.Add(12 * time.Hour)
		p.Services, p.Tags = services, tags
		return p
	}
	s, err := Resolve(cfg, nil, []*content.Page{
		art("fa", "a", "2023-11-08", []string{"ChatGPT", "API"}, []string{"قطعی", "هوش"}),
		art("en", "a", "2023-11-08", []string{"ChatGPT", "API"}, []string{"outage", "AI"}),
		art("fa", "b", "2023-10-20", []string{"ChatGPT"}, []string{"قطعی"}),
		art("en", "b", "2023-10-20", []string{"ChatGPT"}, []string{"outage"}),
		art("fa", "c", "2023-10-25", nil, []string{"فقط فارسی"}),
		art("en", "d", "2023-09-01", nil, nil),
		art("en", "e", "2023-11-01", nil, []string{"outage"}),
		art("en", "f", "2023-08-01", nil, nil),
		art("fa", "g", "2023-10-10", nil, []string{"قطعی"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSwitchURL(t *testing.T) {
	s := switchSite(t)
	fa, en := s.Lang("fa"), s.Lang("en")
	term := func(l *Lang, tags bool, slug string) *Term {
		list := l.Services
		if tags {
			list = l.Tags
		}
		tm := FindTerm(list, slug)
		if tm == nil {
			t.Fatalf("%s has no term %q", l.Code, slug)
		}
		return tm
	}
	for _, c := range []struct {
		name     string
		from, to *Lang
		pl       Place
		path     string
		want     string
	}{
		{"archive root", fa, en, Place{Kind: KindShared}, "fa/archive/", "/news/en/archive/"},
		{"services index", en, fa, Place{Kind: KindShared}, "en/services/", "/news/fa/services/"},
		{"search", fa, en, Place{Kind: KindShared}, "fa/search/", "/news/en/search/"},
		{"home", fa, en, Place{Kind: KindHome, Page: 1}, "", "/news/en/"},
		{"home page 2, which en has (3 pages)", fa, en, Place{Kind: KindHome, Page: 2}, "", "/news/en/page/2/"},
		{"home page 3, which fa lacks (2 pages)", en, fa, Place{Kind: KindHome, Page: 3}, "", "/news/fa/"},
		{"service by slug", fa, en, Place{Kind: KindTerm, Term: term(fa, false, "chatgpt")}, "", "/news/en/services/chatgpt/"},
		{"tag by translation", fa, en, Place{Kind: KindTerm, Tags: true, Term: term(fa, true, "هوش")}, "", "/news/en/tags/ai/"},
		{"tag by translation, back", en, fa, Place{Kind: KindTerm, Tags: true, Term: term(en, true, "outage")}, "", "/news/fa/tags/%D9%82%D8%B7%D8%B9%DB%8C/"},
		{"tag page 2, which the peer has", en, fa, Place{Kind: KindTerm, Tags: true, Term: term(en, true, "outage"), Page: 2}, "", "/news/fa/tags/%D9%82%D8%B7%D8%B9%DB%8C/page/2/"},
		{"service page 2, which the peer lacks: its first page", en, fa, Place{Kind: KindTerm, Term: term(en, false, "chatgpt"), Page: 2}, "", "/news/fa/services/chatgpt/"},
		{"tag without a peer", fa, en, Place{Kind: KindTerm, Tags: true, Term: term(fa, true, "فقط-فارسی")}, "", "/news/en/"},
		// fa 1402/08 (Aban) begins on 23 October 2023.
		{"fa month to the en month of its first day", fa, en, Place{Kind: KindMonth, Year: 1402, Month: 8}, "", "/news/en/archive/2023/10/"},
		// 1 November 2023 is 10 Aban 1402.
		{"en month to the fa month of its first day", en, fa, Place{Kind: KindMonth, Year: 2023, Month: 11}, "", "/news/fa/archive/1402/08/"},
		// 1 October 2023 is 9 Mehr 1402: fa has b (28 Mehr) in it.
		{"en October to fa Mehr", en, fa, Place{Kind: KindMonth, Year: 2023, Month: 10}, "", "/news/fa/archive/1402/07/"},
		// 1 September 2023 is 10 Shahrivar 1402, which has no fa article.
		{"month the other language lacks", en, fa, Place{Kind: KindMonth, Year: 2023, Month: 9}, "", "/news/fa/"},
		// 1 Farvardin 1402 is 21 March 2023.
		{"fa year to the en year of its first day", fa, en, Place{Kind: KindYear, Year: 1402}, "", "/news/en/archive/2023/"},
		// 1 January 2023 is 11 Dey 1401, which fa lacks.
		{"year the other language lacks", en, fa, Place{Kind: KindYear, Year: 2023}, "", "/news/fa/"},
	} {
		if got := s.SwitchURL(c.from, c.to, c.pl, c.path); got != c.want {
			t.Errorf("%s: SwitchURL(%s → %s) = %s, want %s", c.name, c.from.Code, c.to.Code, got, c.want)
		}
	}
}

func TestSameInstant(t *testing.T) {
	s := switchSite(t)
	fa, en := s.Lang("fa"), s.Lang("en")
	for _, c := range []struct {
		from, to    *Lang
		year, month int
		want        locale.Date
	}{
		{fa, en, 1402, 8, locale.Date{Year: 2023, Month: 10, Day: 22}}, // 00:00 Tehran on 1 Aban is 20:30 UTC the day before
		{en, fa, 2023, 11, locale.Date{Year: 1402, Month: 8, Day: 10}},
		{fa, en, 1402, 1, locale.Date{Year: 2023, Month: 3, Day: 20}},
		{en, fa, 2024, 3, locale.Date{Year: 1402, Month: 12, Day: 11}},
		{en, en, 2024, 2, locale.Date{Year: 2024, Month: 2, Day: 1}},
	} {
		if got := SameInstant(c.from, c.to, c.year, c.month); got != c.want {
			t.Errorf("SameInstant(%s %d/%d → %s) = %v, want %v", c.from.Code, c.year, c.month, c.to.Code, got, c.want)
		}
	}
}
