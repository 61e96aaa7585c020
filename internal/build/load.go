package build

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/content"
	"github.com/rokhdad/rokhdad/internal/diag"
	"github.com/rokhdad/rokhdad/internal/source"
)

// LoadContent reads every article under content/<lang>/<section>/*.md in parallel. Every problem in
// every file is reported, not just the first. Front-matter images are looked up under static/ for
// the articles to be published: drafts only when drafts is set.
func LoadContent(fsys *source.FS, cfg *config.Config, drafts bool) ([]*content.Page, error) {
	var files []string
	var errs diag.List
	err := fs.WalkDir(fsys.Site(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			errs = append(errs, &diag.Diagnostic{File: p, Msg: err.Error()})
			return nil
		}
		parts := strings.Split(p, "/")
		if d.Type()&fs.ModeSymlink != 0 {
			if err := fsys.CheckLink(p); err != nil {
				errs = append(errs, &diag.Diagnostic{File: p, Rule: "link", Msg: err.Error(),
					Hint: "copy the file into the site's content folder instead of linking to it, or remove the link"})
				return nil
			}
		}
		if d.IsDir() {
			if len(parts) == 2 && cfg.Language(parts[1]) == nil {
				errs = append(errs, &diag.Diagnostic{File: p, Rule: "language",
					Msg:  "language folder " + parts[1] + " is not configured in site.toml",
					Hint: "add [languages." + parts[1] + "] to site.toml, or rename the folder to one of " + strings.Join(cfg.Codes(), ", ")})
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(p) != ".md" || strings.HasPrefix(path.Base(p), ".") {
			return nil
		}
		if len(parts) != 4 {
			errs = append(errs, &diag.Diagnostic{File: p, Rule: "content",
				Msg:  "articles live at content/<language>/<section>/<name>.md",
				Hint: "move the file into a section folder such as content/" + cfg.DefaultLanguage + "/incidents/"})
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sort.Strings(files)
	dirs := map[string]*source.Dir{}
	for _, f := range files {
		d := path.Dir(f)
		if dirs[d] != nil {
			continue
		}
		dir, err := fsys.OpenDir(d)
		if err != nil {
			return nil, &diag.Diagnostic{File: d, Msg: "cannot read: " + err.Error()}
		}
		defer dir.Close()
		dirs[d] = dir
	}
	pages := make([]*content.Page, len(files))
	perr := make([]error, len(files))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				pages[i], perr[i] = loadOne(dirs[path.Dir(files[i])], cfg, files[i])
			}
		}()
	}
	wg.Wait()
	var out []*content.Page
	for i, p := range pages {
		if perr[i] != nil {
			errs = append(errs, diag.Flatten(perr[i])...)
			continue
		}
		out = append(out, p)
	}
	if err := checkImages(fsys, out, drafts); err != nil {
		errs = append(errs, diag.Flatten(err)...)
	}
	if err := cfg.CheckFiles(fsys.Exists); err != nil {
		errs = append(errs, diag.Flatten(err)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func loadOne(dir *source.Dir, cfg *config.Config, file string) (*content.Page, error) {
	src, err := dir.ReadFile(path.Base(file))
	if err != nil {
		return nil, &diag.Diagnostic{File: file, Msg: "cannot read: " + err.Error()}
	}
	return parseArticle(cfg, file, src)
}

// parseArticle parses the article at content/<lang>/<section>/<name>.md.
func parseArticle(cfg *config.Config, file string, src []byte) (*content.Page, error) {
	parts := strings.Split(file, "/")
	p, err := content.Parse(file, src, cfg.Language(parts[1]).Zone)
	if err != nil {
		return nil, err
	}
	p.Lang, p.Section, p.Name = parts[1], parts[2], strings.TrimSuffix(parts[3], ".md")
	return p, nil
}

// checkImages reports every article to be published (drafts only when drafts is set: a draft's
// picture may come later) whose front-matter image names a file that is not under static/, in the
// site or the theme.
func checkImages(fsys *source.FS, pages []*content.Page, drafts bool) error {
	var errs diag.List
	for _, p := range pages {
		if p.Draft && !drafts {
			continue
		}
		if err := p.CheckImage(fsys.Exists); err != nil {
			errs = append(errs, diag.Flatten(err)...)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
