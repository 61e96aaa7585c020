package site

import (
	"fmt"
	"strconv"
	"time"

	"github.com/rokhdad/rokhdad/internal/locale"
)

// The language switcher keeps the reader's place: from a list page it leads to the same list in
// the other language when that list exists there, and only otherwise to the other language's
// home. "The same list" is, by page type:
//
//   - the home, the archive, the services and tags indexes and the search page: the same path,
//     which every language has; page N of the home is page N there, or the home if it has fewer;
//   - a service or tag: its counterpart (Term.Peers, see pairTerms), page N of it, or its first
//     page if it has fewer; without a counterpart, the home;
//   - an archive year or month: the year or month, in the other language's calendar and zone,
//     that contains the first instant (midnight, in the source language's zone) of the source
//     year or month — fa 1402 (from 21 March 2023) is en 2023, fa 1402/08 (from 23 October 2023)
//     is en 2023/10, en 2023/11 is fa 1402/08 (1 November 2023 is 10 Aban 1402) — if the other
//     language has articles in it; else the home.
//
// Articles go to their translation (Page.Translations), or the home.

// Place is a list page a reader is on, as the switcher needs it.
type Place struct {
	Kind  PlaceKind
	Term  *Term // KindTerm: the service or tag
	Tags  bool  // KindTerm: Term is a tag (else a service)
	Year  int   // KindYear, KindMonth: in the source language's calendar
	Month int   // KindMonth: 1..12
	Page  int   // KindHome, KindTerm: the pager's number (0 or 1 is the first page)
}

// PlaceKind is a kind of list page.
type PlaceKind int

// The kinds of place. KindShared is any page that has the same path in every language (archive
// root, services and tags indexes, search); its Path is given to SwitchURL.
const (
	KindShared PlaceKind = iota
	KindHome
	KindTerm
	KindYear
	KindMonth
)

// SwitchURL returns the root-relative URL that the switcher on place pl of language from shows
// for language to. path is the site path of a KindShared page ("fa/archive/"): the same path
// under to's code is returned.
func (s *Site) SwitchURL(from, to *Lang, pl Place, path string) string {
	switch pl.Kind {
	case KindShared:
		if len(path) > len(from.Code) && path[:len(from.Code)+1] == from.Code+"/" {
			return s.RelURL(to.Code + "/" + path[len(from.Code)+1:])
		}
	case KindHome:
		if pl.Page > 1 && pl.Page <= s.pages(len(to.Pages)) {
			return s.RelURL(to.Code + "/page/" + strconv.Itoa(pl.Page) + "/")
		}
	case KindTerm:
		if pl.Term == nil {
			break
		}
		t := pl.Term.Peers[to.Code]
		if t == nil {
			break
		}
		if pl.Page > 1 && pl.Page <= s.pages(len(t.Pages)) {
			return s.RelURL(fmt.Sprintf("%s/%s/%s/page/%d/", to.Code, termKind(pl.Tags), t.Slug, pl.Page))
		}
		return t.URL
	case KindYear, KindMonth:
		month := pl.Month
		if pl.Kind == KindYear {
			month = 1
		}
		d := SameInstant(from, to, pl.Year, month)
		for _, y := range to.Years {
			if y.Year != d.Year {
				continue
			}
			if pl.Kind == KindYear {
				return y.URL
			}
			for _, m := range y.Months {
				if m.Month == d.Month {
					return m.URL
				}
			}
		}
	}
	return to.URL
}

// pages is how many pages a paginated list of n articles has.
func (s *Site) pages(n int) int { return PagerCount(n, s.Config.Paginate) }

func termKind(tags bool) string {
	if tags {
		return "tags"
	}
	return "services"
}

// SameInstant returns the date, in to's calendar and zone, of the first instant of day 1 of month
// of year in from's calendar, at midnight in from's zone.
func SameInstant(from, to *Lang, year, month int) locale.Date {
	g := locale.Date{Year: year, Month: month, Day: 1}
	if from.Calendar == locale.Persian {
		g = locale.GregorianFromPersian(year, month, 1)
	}
	t := time.Date(g.Year, time.Month(g.Month), g.Day, 0, 0, 0, 0, zoneOf(from))
	return locale.DateIn(t.In(zoneOf(to)), to.Calendar)
}

func zoneOf(l *Lang) *time.Location {
	if l.Zone == nil {
		return time.UTC
	}
	return l.Zone
}

// pairTerms fills Term.Peers: for every service and tag of every language, the same service or
// tag in each other language, if it has one. A term's counterpart in language L is
//
//  1. the term of L with the same slug (services are mostly product names, written alike in
//     every language: "ChatGPT" is ChatGPT everywhere); else
//  2. by translation: the newest article naming the term whose translation into L has a term at
//     the same index of its services (or tags) gives that term — an article with
//     tags = ["قطعی سرویس", "هوش مصنوعی"] translated with tags = ["outage", "AI"] pairs
//     قطعی سرویس with outage and هوش مصنوعی with AI.
//
// Otherwise the term has no counterpart in L, and the switcher leads to L's home.
func (s *Site) pairTerms() {
	for _, from := range s.Langs {
		for _, to := range s.Langs {
			if to == from {
				continue
			}
			pair(from.Services, to.Services, to.Code, func(p *Page) []string { return p.Services })
			pair(from.Tags, to.Tags, to.Code, func(p *Page) []string { return p.Tags })
		}
	}
}

func pair(from, to []*Term, code string, names func(*Page) []string) {
	bySlug := make(map[string]*Term, len(to))
	for _, t := range to {
		bySlug[t.Slug] = t
	}
	for _, t := range from {
		peer := bySlug[t.Slug]
		for _, p := range t.Pages {
			if peer != nil {
				break
			}
			tr := p.Translation(code)
			if tr == nil {
				continue
			}
			own, theirs := names(p), names(tr)
			for i, n := range own {
				if i < len(theirs) && Slug(n) == t.Slug {
					peer = bySlug[Slug(theirs[i])]
					break
				}
			}
		}
		if peer == nil {
			continue
		}
		if t.Peers == nil {
			t.Peers = make(map[string]*Term)
		}
		t.Peers[code] = peer
	}
}
