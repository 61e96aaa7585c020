package render

import (
	"html/template"
	"runtime"
	"sync"
	"weak"

	"github.com/rokhdad/rokhdad/internal/content"
)

// memo keeps HTML made from one article's own text, such as its card, which the article's home
// page, month, services and tags all show. An edited article is a new *content.Page, so an entry
// is never stale and nothing is ever invalidated by hand; the key holds its article weakly and an
// entry is dropped once its article is collected — when no site a build or serve keeps names it —
// so serve's memos do not grow with every edit.
type memo[K comparable] struct{ m sync.Map }

// cardKey names an article's card.
type cardKey = weak.Pointer[content.Page]

// entryKey names one timeline entry of one article.
type entryKey struct {
	page  weak.Pointer[content.Page]
	index int
}

func (m *memo[K]) load(k K) (template.HTML, bool) {
	v, ok := m.m.Load(k)
	if !ok {
		return "", false
	}
	return v.(template.HTML), true
}

// store keeps h under k, which names an entry of page, until page is collected.
func (m *memo[K]) store(page *content.Page, k K, h template.HTML) {
	if _, loaded := m.m.LoadOrStore(k, h); !loaded {
		runtime.AddCleanup(page, func(k K) { m.m.Delete(k) }, k)
	}
}
