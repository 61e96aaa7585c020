package e2e

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearch types into the search form of a home page and waits for the article among the
// results. The Persian queries are written as an Arabic keyboard types them — Arabic yeh ي
// (U+064A) and kaf ك (U+0643) — and without the zero-width non-joiner, which the index must fold
// to the Persian ی and ک and drop: "سرويسها" is "سرویس‌ها" of the title and summary, and "نزديك"
// is "نزدیک".
//
// The DOM contract: <form class="search" data-index="…/search.json"> with <input name="q">; the
// script fills <ol class="search-results" hidden> with <li><a href=URL>TITLE</a>…</li> and
// un-hides it.
func TestSearch(t *testing.T) {
	cases := []struct{ name, lang, query string }{
		{"fa-arabic-yeh-no-zwnj", "fa", "سرويسها"},
		{"fa-arabic-yeh-and-kaf", "fa", "نزديك"},
		{"en-upper-case", "en", "CHATGPT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			index := pageURL(c.lang + "/search.json")
			resp, err := http.Get(index)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusNotFound {
				if ci() {
					t.Fatalf("%s: 404: the search index is not built (CI=true: a failure, not a skip)", index)
				}
				t.Skip("search index not built yet: " + index + " is 404")
			}
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", index, resp.StatusCode)
			}

			tb := newTab(t)
			tb.open(c.lang + "/")
			if got := eval[string](tb, `document.querySelector("form.search").dataset.index`); pageURL(c.lang+"/search.json") != origin+got {
				t.Errorf("form.search data-index = %q, want %q", got, basePath+c.lang+"/search.json")
			}
			if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`form.search input[name=q]`), c.query)); err != nil {
				t.Fatalf("typing %q: %v", c.query, err)
			}
			want := pageURL(c.lang + "/" + article)
			found, err := chromedp.Run(tb.ctx, chromedp.PollFunction[bool](`(want) => {
				const ol = document.querySelector("ol.search-results");
				if (!ol || ol.hidden || ol.getClientRects().length === 0) return false;
				return [...ol.querySelectorAll("li a[href]")].some(a => a.href === want);
			}`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second),
				chromedp.WithPollingArgs(want)))
			if err != nil || !found {
				type state struct {
					Value   string   `json:"value"`
					Hidden  bool     `json:"hidden"`
					Results string   `json:"results"`
					Status  string   `json:"status"`
					Scripts []string `json:"scripts"`
				}
				s := eval[state](tb, `(() => {
					const ol = document.querySelector("ol.search-results"), st = document.querySelector(".search-status");
					return {value: document.querySelector("form.search input[name=q]").value,
						hidden: !ol || ol.hidden, results: ol ? ol.innerHTML : "(no ol.search-results)",
						status: st ? st.textContent : "", scripts: [...document.scripts].map(s => s.src).filter(Boolean)};
				})()`)
				if errors.Is(err, chromedp.ErrPollingTimeout) || err == nil {
					t.Errorf("typed %q: within 5 s ol.search-results did not show a link to %s\n"+
						"input value %q, hidden %v, status %q, scripts %q\nresults: %s",
						c.query, want, s.Value, s.Hidden, s.Status, s.Scripts, s.Results)
				} else {
					t.Errorf("typed %q: %v (results %s)", c.query, err, s.Results)
				}
			}
		})
	}
}
