package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/window"
)

// windowRules reports what a reader of a maintenance window would be misled by: a translation
// that announces another window (readers of two languages would plan for two different times),
// and a status written as scheduled or in_progress, which the clock would have given anyway and
// which, written, stays so after the window is over.
func windowRules(a *article, group []*content.Page) diag.List {
	p := a.page
	if p == nil || p.Maintenance == nil {
		return nil
	}
	m := p.Maintenance
	var list diag.List
	for _, o := range group {
		if o == p || o.Maintenance == nil || o.Lang == p.Lang {
			continue
		}
		if w := o.Maintenance.Window; !w.Start.Equal(m.Start) || !w.End.Equal(m.End) {
			list = append(list, warn(a.file, m.Line, 1, RuleWindow,
				fmt.Sprintf("the window %s is not the window of its translation %s: %s", span(m.Window), o.File, span(w)),
				"write the same starts and ends in every language (each in its own timezone if they differ)"))
		}
	}
	if m.Status == window.Scheduled || m.Status == window.InProgress {
		list = append(list, warn(a.file, a.lo.statusLine, 1, RuleWindow,
			fmt.Sprintf("status = %q is written, so the window stays %s after it is over", string(m.Status), strings.ReplaceAll(string(m.Status), "_", " ")),
			`leave status out and the clock decides (scheduled, in progress, completed); write "completed" or "cancelled" when the work ends early or is called off`))
	}
	return list
}

func span(w window.Window) string {
	a, b := w.Start.UTC(), w.End.UTC()
	end := b.Format("15:04")
	if a.Format(time.DateOnly) != b.Format(time.DateOnly) {
		end = b.Format("2006-01-02 15:04")
	}
	return a.Format("2006-01-02 15:04") + "–" + end + " UTC"
}
