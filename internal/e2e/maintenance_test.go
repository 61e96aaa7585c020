package e2e

import (
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// maintBlock is what the browser says of one "Scheduled maintenance" block (section.maint-now of
// partials/status.html) and of what is around it: the status block and the articles of the same
// language (the whole page, or its language's half of the landing page).
type maintBlock struct {
	Lang, Dir string  // the language it is in and its computed direction
	Top       float64 // its box, in document coordinates
	Bottom    float64
	Left      float64
	Right     float64
	// AfterStatus: the status block (section.status-now) of the same language comes before it in
	// the document; StatusBottom is that block's bottom (-1 without one).
	AfterStatus  bool
	StatusBottom float64
	// Width is its width and StatusWidth the status block's: both span the column.
	Width, StatusWidth float64
	// ArticlesTop is the top of the first article below it (a card, or on the landing page the
	// list of reports); -1 without one. BeforeArticles: it comes before them in the document.
	ArticlesTop    float64
	BeforeArticles bool
	Items          []maintEntry
}

// maintEntry is one li.maint-item.
type maintEntry struct {
	Status string // the status badge's status-* class, without "status-"
	Href   string // the title's link
	Text   string // its text, less the services' names
	When   string // the p.maint-when line's text
	Notes  []string
	// SourceLines is how many lines the source's own times ("(as reported …)") take: they wrap
	// as one piece, so those of the generated windows, shorter than a phone's line, take one.
	SourceLines int
	Top         float64
	Bottom      float64
	Left        float64
	Right       float64
}

// maintJS measures every section.maint-now of the page (see maintBlock).
const maintJS = `(() => {
	const shown = el => el && el.getClientRects().length ? el.innerText : '';
	const doc = el => { const r = el.getBoundingClientRect(); return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left + scrollX, Right: r.right + scrollX}; };
	const before = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
	const item = li => {
		// Its text, less the services' names (which keep their own digits, as in "Amazon S3").
		const w = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
		let text = '';
		for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('.services')) text += n.textContent;
		const badge = li.querySelector('.maint-title .badge');
		const st = badge ? [...badge.classList].find(c => c.startsWith('status-')) : '';
		return {Status: st ? st.slice(7) : '', Href: li.querySelector('.maint-title a')?.getAttribute('href') ?? '', Text: text.replace(/\s+/g, ' ').trim(),
			When: shown(li.querySelector('.maint-when')), Notes: [...li.querySelectorAll('.maint-note')].map(shown).filter(n => n),
			SourceLines: (() => { const s = li.querySelector('.maint-when .secondary'); return s ? s.getClientRects().length : 0; })(), ...doc(li)};
	};
	return [...document.querySelectorAll('section.maint-now')].map(m => {
		const scope = m.closest('section.landing-lang') || document;
		const status = scope.querySelector('section.status-now');
		const arts = scope.querySelector('.cards .card, ul.landing-reports');
		const langEl = m.closest('[lang]') || document.documentElement;
		return {Lang: langEl.getAttribute('lang'), Dir: getComputedStyle(m).direction, ...doc(m),
			AfterStatus: !!status && before(status, m), StatusBottom: status ? doc(status).Bottom : -1,
			Width: m.getBoundingClientRect().width, StatusWidth: status ? status.getBoundingClientRect().width : -1,
			ArticlesTop: arts ? doc(arts).Top : -1, BeforeArticles: !!arts && before(m, arts),
			Items: [...m.querySelectorAll('li.maint-item')].map(item)};
	});
})()`

var (
	asciiDigit   = regexp.MustCompile(`[0-9]`)
	persianDigit = regexp.MustCompile(`[۰-۹]`)
)

// checkMaintItems checks the coming windows of the generated site as a list shows them: the one in
// progress, then the one scheduled (genWindows), in the language's digits, the scheduled one with
// a note that it runs past midnight for a Persian reader (Tehran time) and none for an English
// one (UTC).
func checkMaintItems(t *testing.T, where, lang string, items []maintEntry) {
	t.Helper()
	var got []string
	for _, it := range items {
		got = append(got, it.Status+" "+path.Base(it.Href))
	}
	want := []string{"in_progress " + genInProgress, "scheduled cdn-migration"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("%s: the windows are %q, want %q (in progress first, then the scheduled one)", where, got, want)
		return
	}
	for _, it := range items {
		if it.When == "" {
			t.Errorf("%s: %s has no p.maint-when line", where, it.Href)
		}
		if lang == "fa" && (asciiDigit.MatchString(it.Text) || !persianDigit.MatchString(it.Text)) {
			t.Errorf("%s: a Persian window's text is not in Persian digits: %q", where, it.Text)
		}
	}
	// Both are on a source clock other than a Persian reader's; the scheduled one (Los Angeles) on
	// one other than an English reader's.
	if (lang == "fa" && items[0].SourceLines != 1) || items[1].SourceLines != 1 {
		t.Errorf("%s: the source's times take %d and %d lines, want one each (one piece, not split after \"(as\")", where, items[0].SourceLines, items[1].SourceLines)
	}
	notes := strings.Join(items[1].Notes, " | ")
	if lang == "fa" && !strings.Contains(notes, "نیمه‌شب") {
		t.Errorf("%s: the scheduled window runs past midnight in Tehran, but its notes say %q", where, notes)
	}
	if lang == "en" && notes != "" {
		t.Errorf("%s: the scheduled window is within one UTC day, but its notes say %q", where, notes)
	}
	// One below the other, never overlapping.
	if items[1].Top < items[0].Bottom-0.5 {
		t.Errorf("%s: the windows overlap: %+v and %+v", where, items[0], items[1])
	}
}

// checkBlock checks a maintenance block of the home or landing page, at viewport width w (and
// height h): after the status block, above the articles, inside the viewport's width, in the
// language's direction, and at 1280 px within the first screen.
func checkBlock(t *testing.T, where, lang string, b maintBlock, w, h int64) {
	t.Helper()
	if b.Lang != lang {
		t.Errorf("%s: the block is in %q, want %s", where, b.Lang, lang)
	}
	if !b.AfterStatus || b.Top < b.StatusBottom-0.5 {
		t.Errorf("%s: the block (top %.0f) does not come after the status block (bottom %.0f, before it in the document: %v)", where, b.Top, b.StatusBottom, b.AfterStatus)
	}
	if !b.BeforeArticles || b.Bottom > b.ArticlesTop+0.5 {
		t.Errorf("%s: the block (bottom %.0f) is not above the articles (top %.0f, after it in the document: %v)", where, b.Bottom, b.ArticlesTop, b.BeforeArticles)
	}
	if b.Left < -0.5 || b.Right > float64(w)+0.5 {
		t.Errorf("%s: the block is at x %.0f–%.0f in a %d px viewport", where, b.Left, b.Right, w)
	}
	if math.Abs(b.Width-b.StatusWidth) > 1 {
		t.Errorf("%s: the block is %.0f px wide and the status block %.0f: it does not span the column", where, b.Width, b.StatusWidth)
	}
	// On a desktop a reader sees it without scrolling: its heading and the window in progress.
	if w >= 1280 && (b.Top > float64(h) || len(b.Items) == 0 || b.Items[0].Bottom > float64(h)) {
		t.Errorf("%s: the block's top (%.0f px) or its first window are not within the first %d px screen: %+v", where, b.Top, h, b.Items)
	}
	t.Logf("%s at %d px: the block is at y %.0f–%.0f", where, w, b.Top, b.Bottom)
	wantDir := map[string]string{"fa": "rtl", "en": "ltr"}[lang]
	if b.Dir != wantDir {
		t.Errorf("%s: the block's direction is %s, want %s", where, b.Dir, wantDir)
	}
	checkMaintItems(t, where, lang, b.Items)
}

// noOverflow fails the test when the page is wider than the viewport's width w.
func noOverflow(t *testing.T, tb *tab, where string, w int64) {
	t.Helper()
	if bad, why := measureOverflow(tb, int(w)).overflows(w); bad {
		t.Errorf("%s: horizontal overflow at %d px: %s", where, w, why)
	}
}

// TestMaintenanceBlock: scheduled maintenance as a reader in each language sees it on a desktop
// and a phone, on the generated site, whose windows (genWindows) are one in progress, one
// scheduled four days ahead past midnight in Tehran, one completed and one cancelled. The home
// page and each half of the landing page show the two coming windows, the one in progress first,
// in a block after the status block and above the articles (within the first screen of a
// desktop), in the language's direction and digits; a service they affect shows its window, one
// with only past windows none; the maintenance list puts the coming windows first, then the past
// ones under headings of their months; the window's page says in its facts box when it is, how
// long, where it stands and links its event.ics; at 375 px none of these pages scrolls sideways.
func TestMaintenanceBlock(t *testing.T) {
	dir := filepath.Join(screenshotDir, "maintenance")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const h = 900
	for _, w := range []int64{1280, 375} {
		for _, lang := range []string{"fa", "en"} {
			t.Run(fmt.Sprintf("%s-%d", lang, w), func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.viewport(w, h, w < 600)

				// The home page.
				tb.openURL(genURL(t, lang+"/"), 200)
				bs := eval[[]maintBlock](tb, maintJS)
				if len(bs) != 1 {
					t.Fatalf("home: %d maintenance blocks, want 1", len(bs))
				}
				checkBlock(t, "home", lang, bs[0], w, h)
				card := eval[string](tb, `(() => { const c = [...document.querySelectorAll('.cards .card')].find(c => c.querySelector('a[href$="/maintenance/`+genInProgress+`/"]'));
					const shown = el => el && el.getClientRects().length ? el.innerText : '';
					return c ? shown(c.querySelector('.badge.maint')) + '|' + shown(c.querySelector('p.maint-when time[datetime]')) : '' })()`)
				if badge, when, _ := strings.Cut(card, "|"); badge == "" || when == "" {
					t.Errorf("home: the card of the window in progress shows %q, want its maint badge and its window", card)
				}
				noOverflow(t, tb, "home", w)
				shot, err := chromedp.Run(tb.ctx, chromedp.Screenshot("section.maint-now"))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("home-block-%s-%d.png", lang, w)), shot, 0o644)

				// Services: one the window in progress affects, one the scheduled one does, one
				// with only a completed window.
				for svc, want := range map[string]string{"github": genInProgress, "amazon-s3": "cdn-migration", "slack": ""} {
					tb.openURL(genURL(t, lang+"/services/"+svc+"/"), 200)
					var hrefs []string
					for _, b := range eval[[]maintBlock](tb, maintJS) {
						for _, it := range b.Items {
							hrefs = append(hrefs, it.Href)
						}
					}
					got := strings.Join(hrefs, " ")
					if (want == "" && got != "") || (want != "" && (len(hrefs) != 1 || !strings.HasSuffix(got, "/maintenance/"+want+"/"))) {
						t.Errorf("the %s page's maintenance block lists %q, want %q", svc, got, want)
					}
				}

				// The maintenance list.
				tb.openURL(genURL(t, lang+"/maintenance/"), 200)
				bs = eval[[]maintBlock](tb, maintJS)
				if len(bs) != 1 {
					t.Fatalf("the list: %d blocks of coming windows, want 1", len(bs))
				}
				checkMaintItems(t, "the list", lang, bs[0].Items)
				type pastItem struct {
					Status, Href string
					Decoration   string // the status badge's text-decoration-line
					Top          float64
				}
				type month struct {
					Heading, ID string
					Items       []pastItem
					Top         float64
				}
				past := eval[[]month](tb, `[...document.querySelectorAll('section.maint-past h3')].map(h => {
					const ul = h.nextElementSibling;
					const items = ul && ul.matches('ul.maint-list') ? [...ul.querySelectorAll(':scope > li.maint-item')] : [];
					const badge = li => li.querySelector('.maint-title .badge');
					const st = li => [...(badge(li)?.classList ?? [])].find(c => c.startsWith('status-'))?.slice(7) ?? '';
					return {Heading: h.getClientRects().length ? h.innerText : '', ID: h.id, Top: h.getBoundingClientRect().top + scrollY,
						Items: items.map(li => ({Status: st(li), Href: li.querySelector('.maint-title a')?.getAttribute('href') ?? '',
							Decoration: badge(li) ? getComputedStyle(badge(li)).textDecorationLine : '', Top: li.getBoundingClientRect().top + scrollY}))};
				})`)
				all := eval[int](tb, `document.querySelectorAll('section.maint-past li.maint-item').length`)
				var order []string
				heading := regexp.MustCompile(`^[A-Z][a-z]+ [0-9]{4}$`)
				if lang == "fa" {
					heading = regexp.MustCompile(`^\p{Arabic}+ [۰-۹]{4}$`)
				}
				for _, m := range past {
					if !heading.MatchString(m.Heading) || !regexp.MustCompile(`^m-[0-9]{4}-[0-9]{2}$`).MatchString(m.ID) {
						t.Errorf("the list: a past month's heading is %q (id %q)", m.Heading, m.ID)
					}
					if len(m.Items) == 0 {
						t.Errorf("the list: the heading %q has no windows under it", m.Heading)
					}
					for _, it := range m.Items {
						if it.Top < m.Top {
							t.Errorf("the list: %s is above its month's heading %q", it.Href, m.Heading)
						}
						order = append(order, it.Status+" "+path.Base(it.Href))
						// A line through Persian runs along the joins of its letters: the word is lost.
						if lang == "fa" && it.Decoration != "none" {
							t.Errorf("the list: the Persian %s badge has text-decoration %s, want none", it.Status, it.Decoration)
						}
					}
				}
				if wantPast := "cancelled network-called-off, completed storage-work"; strings.Join(order, ", ") != wantPast || all != 2 {
					t.Errorf("the list: the past windows under month headings are %q (of %d), want %q, the latest first", order, all, wantPast)
				}
				noOverflow(t, tb, "the list", w)

				// The window's own page.
				tb.openURL(genURL(t, lang+"/maintenance/"+genInProgress+"/"), 200)
				type facts struct {
					Terms, Values []string
					Window        string // the window's dd, and its time's datetime
					Datetime      string
					WindowWidth   float64 // the window's row, the list's width, the box's and the header's
					ListWidth     float64
					FactsWidth    float64
					HeadWidth     float64
					ICS           string // the calendar link's address, resolved
					ICSBody       string // the start of what it serves
					Badges        []box
				}
				f := eval[facts](tb, `(async () => {
					const dl = document.querySelector('aside.facts dl');
					const win = dl.querySelector('.maint-window');
					const ics = dl.querySelector('a[href$="event.ics"]');
					const body = ics ? await fetch(ics.href).then(r => r.ok ? r.text() : 'HTTP ' + r.status) : '';
					const shown = el => el && el.getClientRects().length ? el.innerText : '';
					const box = el => { const r = el.getBoundingClientRect(); return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Width: r.width, Height: r.height}; };
					return {Terms: [...dl.querySelectorAll('dt')].map(shown), Values: [...dl.querySelectorAll('dd')].map(shown),
						Window: shown(win?.querySelector('dd')), Datetime: win?.querySelector('time')?.getAttribute('datetime') ?? '',
						WindowWidth: win ? win.getBoundingClientRect().width : 0, ListWidth: dl.getBoundingClientRect().width,
						FactsWidth: dl.closest('aside').getBoundingClientRect().width, HeadWidth: document.querySelector('.article-head').getBoundingClientRect().width,
						ICS: ics && ics.getClientRects().length ? ics.href : '', ICSBody: body.slice(0, 200),
						Badges: [...document.querySelectorAll('.article-head .badges .badge')].map(box)};
				})()`)
				words := map[string][3]string{"fa": {"بازهٔ زمانی", "مدت", "در حال انجام"}, "en": {"Window", "Length", "In progress"}}[lang]
				terms, values := strings.Join(f.Terms, " | "), strings.Join(f.Values, " | ")
				if !strings.Contains(terms, words[0]) || !strings.Contains(terms, words[1]) || !strings.Contains(values, words[2]) {
					t.Errorf("the window's page: facts %q = %q, want its window, length and status (%q)", f.Terms, f.Values, words)
				}
				if f.Window == "" || f.Datetime == "" {
					t.Errorf("the window's page: the window is %q (datetime %q)", f.Window, f.Datetime)
				}
				if lang == "fa" && (asciiDigit.MatchString(f.Window) || !persianDigit.MatchString(f.Window)) {
					t.Errorf("the window's page: the Persian window %q is not in Persian digits", f.Window)
				}
				if f.WindowWidth < f.ListWidth-1 {
					t.Errorf("the window's page: the window's row is %.0f px of the facts' %.0f: squeezed into one column", f.WindowWidth, f.ListWidth)
				}
				if f.FactsWidth < f.HeadWidth-1 {
					t.Errorf("the window's page: the facts box is %.0f px wide, the article's column %.0f", f.FactsWidth, f.HeadWidth)
				}
				if !strings.HasSuffix(f.ICS, "/"+lang+"/maintenance/"+genInProgress+"/event.ics") || !strings.HasPrefix(f.ICSBody, "BEGIN:VCALENDAR") {
					t.Errorf("the window's page links the calendar %q, which serves %q", f.ICS, f.ICSBody)
				}
				if len(f.Badges) != 2 {
					t.Errorf("the window's page has %d badges, want 2 (maintenance and its status)", len(f.Badges))
				} else if a, b := f.Badges[0], f.Badges[1]; a.overlap(b) > 0 || math.Min(a.Bottom, b.Bottom)-math.Max(a.Top, b.Top) < math.Min(a.Height, b.Height)/2 {
					t.Errorf("the window's page: the badges are not side by side on one line: %s and %s", a, b)
				}
				noOverflow(t, tb, "the window's page", w)
			})
		}
		t.Run(fmt.Sprintf("landing-%d", w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.viewport(w, h, w < 600)
			tb.openURL(genURL(t, ""), 200)
			bs := eval[[]maintBlock](tb, maintJS)
			if len(bs) != 2 {
				t.Fatalf("landing: %d maintenance blocks, want one in each language's half", len(bs))
			}
			for i, lang := range []string{"fa", "en"} {
				checkBlock(t, "landing "+lang, lang, bs[i], w, h)
			}
			noOverflow(t, tb, "landing", w)
			png := fullPageScreenshot(tb, w, h, w < 600)
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("landing-%d.png", w)), png, 0o644)
		})
	}
}
