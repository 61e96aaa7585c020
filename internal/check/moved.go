package check

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"

	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// movedWindows reports a maintenance window whose starts or ends changed since the last commit
// (the site's git HEAD) while nothing in the file dates the change: its calendar event's SEQUENCE
// counts from the last dated change (lastmod, an update), so calendars that subscribed would not
// take the new time. Outside a git work tree, or for a file HEAD does not have, it reports nothing.
func movedWindows(dir string, arts []*article) diag.List {
	var list diag.List
	var inTree *bool
	for _, a := range arts {
		p := a.page
		if p == nil || p.Maintenance == nil || p.Maintenance.Start.IsZero() {
			continue
		}
		if inTree == nil {
			ok := exec.Command("git", "-C", dir, "rev-parse", "--is-inside-work-tree").Run() == nil
			inTree = &ok
		}
		if !*inTree {
			return nil
		}
		old, err := exec.Command("git", "-C", dir, "show", "HEAD:./"+filepath.ToSlash(a.file)).Output()
		if err != nil || bytes.Equal(old, []byte(a.src)) {
			continue
		}
		was, err := content.Parse(a.file, old, a.lang.Zone)
		if err != nil || was.Maintenance == nil || was.Maintenance.Start.IsZero() {
			continue
		}
		m, w := p.Maintenance, was.Maintenance
		if (m.Start.Equal(w.Start) && m.End.Equal(w.End)) || p.Modified().After(was.Modified()) {
			continue
		}
		list = append(list, warn(a.file, m.Line, 1, RuleWindow,
			fmt.Sprintf("the window moved from %s (the last commit) to %s, but nothing in the file dates the change", span(w.Window), span(m.Window)),
			"set lastmod to now (or add an update saying so): the calendar event's SEQUENCE counts from it, and calendars take the new time by it"))
	}
	return list
}
