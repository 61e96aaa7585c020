package chart

import (
	"errors"
	"html/template"
	"strconv"
	"time"
)

// Day is one cell of the uptime bar.
type Day struct {
	// Downtime is how long the service was down that day. Zero is an operational day; a
	// negative value means the day has no data (before the service was tracked) and is drawn
	// in the neutral .up-n colour.
	Downtime time.Duration
	Label    string // tooltip text, e.g. "۱۷ آبان ۱۴۰۲ — ۱۱ ساعت و ۵۴ دقیقه"
}

// UptimeSpec describes a status-page style uptime bar.
type UptimeSpec struct {
	Days       []Day  // oldest first; usually 90
	RTL        bool   // right-to-left page: the oldest day is at the right
	Title      string // accessible summary
	StartLabel string // under the oldest end, e.g. "۹۰ روز پیش"
	EndLabel   string // under the newest end, e.g. "امروز"
	ID         string // unique id prefix within the page, e.g. "up"
}

// DowntimeLevel grades a day's downtime into the shade drawn for it: 0 for no downtime, 1 for
// less than 30 minutes, 2 for less than 2 hours, 3 for less than 8 hours and 4 for 8 hours or
// more; -1 for no data (a negative duration). The cell's class is "up-" and the level, or "up-n".
func DowntimeLevel(d time.Duration) int {
	switch {
	case d < 0:
		return -1
	case d == 0:
		return 0
	case d < 30*time.Minute:
		return 1
	case d < 2*time.Hour:
		return 2
	case d < 8*time.Hour:
		return 3
	}
	return 4
}

var upClass = [...]string{"up-n", "up-0", "up-1", "up-2", "up-3", "up-4"}

// Uptime bar layout, in viewBox units.
const (
	upBarH   = 30.0 // cell height (written as the literal "v30")
	upLabelY = 49.0 // label baseline
	upRowH   = 21.0
)

const upStyle = `<style>.rkc{max-width:30rem}.rkc .up-0{fill:var(--ok,#15803d)}` +
	`.rkc .up-1{fill:var(--warn,#b45309);fill-opacity:.55}.rkc .up-2{fill:var(--warn,#b45309)}` +
	`.rkc .up-3{fill:var(--bad,#b91c1c);fill-opacity:.6}.rkc .up-4{fill:var(--bad,#b91c1c)}` +
	`.rkc .up-n{fill:var(--rule,#d4d4d8)}.rk-up path:hover{opacity:.7}</style>`

// Uptime draws a row of day cells, oldest to newest (right to left on RTL pages), each shaded by
// its downtime (see DowntimeLevel) and carrying its Label as a <title> tooltip, with StartLabel
// and EndLabel under the two ends. The error reports invalid input: no days.
func Uptime(s UptimeSpec) (template.HTML, error) {
	n := len(s.Days)
	if n == 0 {
		return "", errors.New("chart: uptime bar has no days")
	}
	pitch := viewW / float64(n)
	cell := pitch - min(pitch*0.2, 2)

	// The two labels share a row unless they would collide.
	sw := textWidth(s.StartLabel) * fontSize
	ew := textWidth(s.EndLabel) * fontSize
	endY := upLabelY
	if s.StartLabel != "" && s.EndLabel != "" && sw+ew+12 > viewW {
		endY += upRowH
	}
	height := upLabelY + 6
	if s.StartLabel == "" && s.EndLabel == "" {
		height = upBarH + 1
	} else if endY > upLabelY {
		height = endY + 6
	}

	var w buf
	size := 1024 + len(s.Title) + len(s.StartLabel) + len(s.EndLabel) + n*48
	for i := range s.Days {
		size += len(s.Days[i].Label) + len(s.Days[i].Label)/8 // room for some escaping
	}
	w.b = make([]byte, 0, size)
	w.open("rk-up", -(pitch-cell)/2, height, s.RTL, s.ID, "up", []string{"-t"}, upStyle, s.Title)
	cw := appendNum(nil, cell)
	// Cells are grouped by shade, so the class is written once per group, and drawn as short
	// paths: <path d="M445 0h4v30h-4"><title>…</title></path>.
	for lv := -1; lv <= 4; lv++ {
		open := false
		for i := range s.Days {
			if DowntimeLevel(s.Days[i].Downtime) != lv {
				continue
			}
			if !open {
				w.s(`<g class="`)
				w.s(upClass[lv+1])
				w.s(`">`)
				open = true
			}
			x := float64(i) * pitch
			if s.RTL {
				x = viewW - x - pitch
			}
			w.s(`<path d="M`)
			w.num(x)
			w.s(` 0h`)
			w.b = append(w.b, cw...)
			w.s(`v30h-`)
			w.b = append(w.b, cw...)
			if s.Days[i].Label == "" {
				w.s(`"/>`)
				continue
			}
			w.s(`"><title>`)
			w.esc(s.Days[i].Label)
			w.s(`</title></path>`)
		}
		if open {
			w.s(`</g>`)
		}
	}
	// Oldest end: left (LTR) or right (RTL); the text runs inwards from it.
	label := func(l string, atLeft bool, y float64) {
		if l == "" {
			return
		}
		x := -(pitch - cell) / 2
		if !atLeft {
			x = viewW + x
		}
		w.s(`<text x="`)
		w.num(x)
		w.s(`" y="`)
		w.b = strconv.AppendFloat(w.b, y, 'f', -1, 64)
		if a := anchor(atLeft, s.RTL); a != "start" {
			w.s(`" text-anchor="`)
			w.s(a)
		}
		w.s(`">`)
		w.esc(l)
		w.s(`</text>`)
	}
	label(s.StartLabel, !s.RTL, upLabelY)
	label(s.EndLabel, s.RTL, endY)
	w.s(`</svg>`)
	return template.HTML(w.b), nil
}
