package build

import (
	"encoding/json"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/search"
)

// TestDisplayDigits checks that every place a Persian reader or a machine reads an article's title
// and summary carries the digits the page shows: the <h1> and lede of the article, the JSON-LD
// headline and description, the title and summary of the search index and the title of
// incidents.json — numbers in Persian digits, the names «iOS 17» and «GPT-4» as written. The
// search index must still find the article by a query typed with ASCII digits.
func TestDisplayDigits(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.toml", read(t, "testdata/sites/basic/site.toml"))
	write(t, dir, "content/fa/incidents/a.md", `+++
title = "خطای 503 در ChatGPT (13) به مدت 2.5 ساعت"
date = 2023-11-08T10:00:00Z
summary = "99.9% درخواست‌ها در iOS 17 و GPT-4 پاسخ گرفتند؛ Gemini (2) هم."
+++

متن.
`)
	dest := buildSite(t, dir)
	const wantTitle = "خطای ۵۰۳ در ChatGPT (۱۳) به مدت ۲٫۵ ساعت"
	const wantSummary = "۹۹٫۹٪ درخواست‌ها در iOS 17 و GPT-4 پاسخ گرفتند؛ Gemini (۲) هم."

	page := read(t, filepath.Join(dest, "fa/incidents/a/index.html"))
	visible := func(re string) string {
		m := regexp.MustCompile(re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s in the page", re)
		}
		return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], ""))
	}
	unisolated := func(s string) string { return strings.NewReplacer("\u2068", "", "\u2069", "").Replace(s) }
	got := map[string]string{
		"<h1>":                 visible(`<h1>(.*?)</h1>`),
		"lede":                 visible(`<p class="lede">(.*?)</p>`),
		"<title>":              unisolated(visible(`<title>(.*?)</title>`)),
		"JSON-LD headline":     "",
		"JSON-LD description":  "",
		"search.json title":    "",
		"search.json summary":  "",
		"incidents.json title": "",
	}
	var ld struct{ Headline, Description string }
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil || json.Unmarshal([]byte(m[1]), &ld) != nil {
		t.Fatalf("no JSON-LD in the page")
	}
	got["JSON-LD headline"], got["JSON-LD description"] = ld.Headline, ld.Description

	var idx struct{ Docs [][]any }
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, "fa/search.json"))), &idx); err != nil || len(idx.Docs) != 1 || len(idx.Docs[0]) < 4 {
		t.Fatalf("fa/search.json: %v, %d docs", err, len(idx.Docs))
	}
	got["search.json title"], _ = idx.Docs[0][1].(string)
	got["search.json summary"], _ = idx.Docs[0][3].(string)

	var inc struct{ Incidents []struct{ Title string } }
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dest, "fa/incidents.json"))), &inc); err != nil || len(inc.Incidents) != 1 {
		t.Fatalf("fa/incidents.json: %v", err)
	}
	got["incidents.json title"] = inc.Incidents[0].Title

	for where, s := range got {
		want := wantTitle
		if strings.Contains(where, "lede") || strings.Contains(where, "description") || strings.Contains(where, "summary") {
			want = wantSummary
		}
		if where == "<title>" {
			s, _, _ = strings.Cut(s, " · ") // the site's name follows
		}
		if s != want {
			t.Errorf("%s = %q, want %q", where, s, want)
		}
	}

	// The index folds digits: the ASCII query finds the Persian-digit title.
	terms := search.Tokens(wantTitle)
	for _, q := range []string{"13", "503", "۱۳"} {
		for _, term := range search.Tokens(q) {
			if !slices.Contains(terms, term) {
				t.Errorf("query %q: term %q is not a term of the indexed title %v", q, term, terms)
			}
		}
	}
}
