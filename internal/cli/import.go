package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/importer"
	"github.com/rokhdad/rokhdad/internal/statuspage"
)

// listFlag is a flag that may be given more than once: --incident a --incident b (or a,b).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

const importUsage = "import statuspage [SOURCE] [-s DIR] [--section incidents] [--from LANG] [--incident ID]...\n" +
	"       SOURCE: a file holding a status page's incidents.json (or {\"page\", \"incident\"}), or the\n" +
	"       http(s) address of a status page, whose /api/v2/incidents.json is fetched; without it, every\n" +
	"       page of site.toml's [import] statuspages"

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", importUsage, stdout, stderr)
	var src, section, from string
	var only listFlag
	var timeout time.Duration
	fs.StringVar(&src, "source", ".", "the site's folder `DIR`")
	alias(fs, "s", "source")
	fs.StringVar(&section, "section", "incidents", "the content `SECTION` the articles go in")
	fs.StringVar(&from, "from", "", "the language `LANG` of the status page's text (default: site.toml's [import] from, else the site's first language written left to right)")
	fs.Var(&only, "incident", "import only the incident with this `ID` (again for more)")
	fs.DurationVar(&timeout, "timeout", statuspage.Timeout, "wait at most `DURATION` for a status page to answer")
	// The positional words come first: import statuspage SOURCE --from en.
	var pos []string
	rest := args
	for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		pos = append(pos, rest[0])
		rest = rest[1:]
	}
	if done, code := parse(fs, rest, stdout); done {
		return code
	}
	if len(pos) < 1 || len(pos) > 2 || pos[0] != "statuspage" {
		fmt.Fprintln(stderr, "usage: rokhdad "+importUsage)
		return 2
	}
	cfg, err := config.Load(src)
	if err != nil {
		report(stderr, err)
		return 1
	}
	sources := pos[1:]
	if len(sources) == 0 {
		if sources = cfg.Import.StatusPages; len(sources) == 0 {
			fmt.Fprintln(stderr, "error: no SOURCE, and site.toml lists no status pages: give a file or an address, or list them under [import] statuspages = [\"https://status.example.com\"]")
			return 2
		}
	}
	if from == "" {
		from = cfg.Import.From
	}
	lock, err := importer.Lock(src)
	if err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 1
	}
	defer lock.Unlock()
	code := 0
	for _, source := range sources {
		if err := importOne(stdout, cfg, src, source, section, from, only, timeout); err != nil {
			fmt.Fprintln(stderr, "error: "+err.Error())
			code = 1 // the next page may still have news: go on
		}
	}
	return code
}

// importOne imports the incidents of one status page (a file or an address) into the site in src.
func importOne(stdout io.Writer, cfg *config.Config, src, source, section, from string, only []string, timeout time.Duration) error {
	name, data, err := readSource(source, timeout)
	if err != nil {
		return err
	}
	page, incidents, err := statuspage.Read(name, data)
	if err != nil {
		return err
	}
	files, skipped, err := importer.Plan(importer.Options{Site: src, Config: cfg, Section: section, From: from, Only: only, Ignore: cfg.Import.Ignore}, page, incidents)
	if err != nil {
		return err
	}
	if err := importer.Write(src, files); err != nil {
		return err
	}
	written := 0
	for i := range files {
		f := &files[i]
		fmt.Fprintln(stdout, f.Summary())
		for _, n := range f.Notes {
			fmt.Fprintln(stdout, "  note: "+n)
		}
		if f.Changed() {
			written++
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(stdout, "skipped %s (%s): %s\n", s.ID, s.Name, s.Why)
	}
	fmt.Fprintf(stdout, "%s from %s: %d written, %d unchanged\n", plural(len(files), "file"), page.Name, written, len(files)-written)
	return nil
}

// readSource reads a file, or fetches a status page's incidents.json when source is an http(s)
// address; it returns the name to give in errors and the JSON.
func readSource(source string, timeout time.Duration) (string, []byte, error) {
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return statuspage.Fetch(ctx, &http.Client{Timeout: timeout}, source)
	}
	data, err := os.ReadFile(source)
	return source, data, err
}
