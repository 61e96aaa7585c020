package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/site"
)

// now is the clock of `new`; tests replace it.
var now = time.Now

// checkName says what is wrong with an article's name or section, in build's words, or "": a name
// is a URL segment (site.Segment) of a file that build reads, so not a hidden one.
func checkName(name, section string) string {
	for _, c := range []struct{ flag, name string }{{"", name}, {"--section: ", section}} {
		if _, err := site.Segment(c.name); err != nil {
			var ne *site.NameError
			if errors.As(err, &ne) {
				return c.flag + ne.Error() + " (" + ne.Hint() + ")"
			}
			return c.flag + err.Error()
		}
	}
	if strings.HasPrefix(name, ".") {
		return "the name " + diag.Quote(name) + " starts with a dot, and build skips such hidden files (start it with a letter or digit)"
	}
	return ""
}

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "site" {
		return runNewSite(args[1:], stdout, stderr)
	}
	fs := newFlags("new", "new incident NAME [-s DIR] [--lang fa,en] [--section incidents]\n       rokhdad new maintenance NAME [-s DIR] [--lang fa,en]\n       rokhdad "+contentUsage+" [-s DIR] [--lang fa,en]   (the path relative to content/)", stdout, stderr)
	var src, langs, section string
	fs.StringVar(&src, "source", ".", "the site's folder `DIR`")
	alias(fs, "s", "source")
	fs.StringVar(&langs, "lang", "", "the languages to create, comma-separated, such as `fa,en` (default: every configured language)")
	fs.StringVar(&section, "section", "incidents", "the content `SECTION` of new incident")
	// Flags may come after the positional words: new incident NAME --lang fa.
	var pos []string
	rest := args
	for len(rest) > 0 {
		if strings.HasPrefix(rest[0], "-") {
			break
		}
		pos = append(pos, rest[0])
		rest = rest[1:]
	}
	if done, code := parse(fs, rest, stdout); done {
		return code
	}
	if len(pos) != 2 || (pos[0] != "incident" && pos[0] != "content" && pos[0] != "maintenance") {
		fmt.Fprintln(stderr, "usage: rokhdad new incident NAME [--lang fa,en] [--section incidents]\n       rokhdad new maintenance NAME [--lang fa,en]\n       rokhdad "+contentUsage+" [--lang fa,en]")
		return 2
	}
	name := strings.TrimSuffix(pos[1], ".md")
	var only string // new content: the language folder its path names, if any
	if pos[0] == "maintenance" {
		msg := ""
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "section" {
				msg = "--section does not go with new maintenance: a window's article is in content/<lang>/maintenance/"
			}
		})
		if msg != "" {
			fmt.Fprintln(stderr, "error: "+msg)
			return 2
		}
		section = content.MaintenanceSection
	}
	if pos[0] == "content" {
		msg := ""
		if fs.Visit(func(f *flag.Flag) {
			if f.Name == "section" {
				msg = "--section does not go with new content: its path names the section (SECTION/NAME.md)"
			}
		}); msg == "" {
			only, section, name, msg = contentPath(pos[1])
		}
		if msg != "" {
			fmt.Fprintln(stderr, "error: "+msg)
			return 2
		}
	}
	if msg := checkName(name, section); msg != "" {
		fmt.Fprintln(stderr, "error: "+msg)
		return 2
	}
	cfg, err := config.Load(src)
	if err != nil {
		report(stderr, err)
		return 1
	}
	codes := cfg.Codes()
	if langs != "" {
		codes = nil
		for _, c := range strings.Split(langs, ",") {
			c = strings.TrimSpace(c)
			if cfg.Language(c) == nil {
				fmt.Fprintf(stderr, "error: --lang %s: site.toml has no [languages.%s] (configured: %s)\n", c, c, strings.Join(cfg.Codes(), ", "))
				return 2
			}
			codes = append(codes, c)
		}
	}
	if pos[0] == "content" {
		var msg string
		if codes, msg = contentLang(cfg, pos[1], only, section, langs, codes); msg != "" {
			fmt.Fprintln(stderr, "error: "+msg)
			return 2
		}
	}
	// Refuse before writing anything, so that no language is half created.
	var paths []string
	for _, c := range codes {
		p := filepath.Join(src, "content", c, section, name+".md")
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintf(stderr, "error: %s already exists; not overwriting it\n", p)
			return 1
		} else if !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return 1
		}
		paths = append(paths, p)
	}
	for i, c := range codes {
		l := cfg.Language(c)
		text := skeleton(l, name, now())
		if strings.EqualFold(section, content.MaintenanceSection) {
			text = maintenanceSkeleton(l, name, now())
		}
		if err := os.MkdirAll(filepath.Dir(paths[i]), 0o755); err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return 1
		}
		f, err := os.OpenFile(paths[i], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return 1
		}
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			fmt.Fprintf(stderr, "error: writing %s: %v\n", paths[i], err)
			return 1
		}
		fmt.Fprintf(stdout, "created %s\n", paths[i])
	}
	return 0
}

// maintenanceSkeleton is the front matter of a new maintenance window: announced now, a window of
// two hours from the next full hour a day ahead, both ends with their offset (so that they mean
// one instant even across a clock change; the editor may write wall times instead), no status
// (the clock decides until the work is completed or cancelled), and no updates yet.
func maintenanceSkeleton(l *config.Language, name string, t time.Time) string {
	local := t.In(l.Zone).Truncate(time.Minute)
	// The next full hour of the clock a day ahead (time.Date normalizes an hour a clock change skips).
	start := time.Date(local.Year(), local.Month(), local.Day()+1, local.Hour()+1, 0, 0, 0, l.Zone)
	end := start.Add(2 * time.Hour).In(l.Zone)
	return skeletonHead(name, local) + fmt.Sprintf(`timezone = "%s"
# The window, in the timezone above: a wall time such as "2026-12-04 01:00", or with its offset.
starts = "%s"
ends = "%s"
# status = "cancelled"   # or "completed" when the work ends early; left out, the clock decides

# When the work begins, ends early or is moved, add an update (and when it is moved, set lastmod):
# [[timeline]]
# at = "%s"
# status = "in_progress"
# text = ""
+++

`, l.ZoneName, start.Format(time.RFC3339), end.Format(time.RFC3339), start.Format(time.RFC3339))
}

// skeletonHead is how every new article's front matter begins: a draft titled after its name,
// dated at local (with its offset), with empty summary, services and tags to fill in.
func skeletonHead(name string, local time.Time) string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = %s\nsummary = \"\"\ndraft = true\nservices = []\ntags = []\n",
		strings.ReplaceAll(name, "-", " "), local.Format(time.RFC3339))
}

// skeleton is the front matter of a new article: now in the language's zone (with its offset), a
// draft titled after its name, and one example timeline entry. The entry's time carries its offset,
// so it means one instant even when the clock is in a daylight-saving change.
func skeleton(l *config.Language, name string, t time.Time) string {
	local := t.In(l.Zone).Truncate(time.Minute)
	return skeletonHead(name, local) + fmt.Sprintf(`status = "investigating"
severity = "minor"
timezone = "%s"

[[timeline]]
at = "%s"
status = "investigating"
text = ""
+++

`, l.ZoneName, local.Format(time.RFC3339))
}
