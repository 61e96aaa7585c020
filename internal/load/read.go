package load

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

// load reads every article under content/<lang>/<section>/*.md in parallel, each folder through one
// open handle. Front-matter images are looked up under static/ for the articles to be published.
func (s *Site) load() error {
	files, err := s.walk()
	if err != nil {
		return err
	}
	dirs := map[string]*source.Dir{}
	for _, f := range files {
		d := path.Dir(f)
		if dirs[d] != nil {
			continue
		}
		dir, err := s.FS.OpenDir(d)
		if err != nil {
			return &diag.Diagnostic{File: d, Msg: "cannot read: " + err.Error()}
		}
		defer dir.Close()
		dirs[d] = dir
	}
	arts := make([]Article, len(files))
	perr := make([]error, len(files))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				arts[i], perr[i] = loadOne(dirs[path.Dir(files[i])], s.Config, files[i])
			}
		}()
	}
	wg.Wait()
	var pages []*content.Page
	s.Articles = make([]*Article, 0, len(files))
	for i := range arts {
		a := &arts[i]
		if a.Src != nil {
			s.Articles = append(s.Articles, a)
		}
		if perr[i] != nil {
			s.Problems = append(s.Problems, diag.Flatten(perr[i])...)
			continue
		}
		pages = append(pages, a.Page)
	}
	if err := checkImages(s.FS, pages, s.drafts); err != nil {
		s.Problems = append(s.Problems, diag.Flatten(err)...)
	}
	if err := s.Config.CheckFiles(s.FS.Exists); err != nil {
		s.Problems = append(s.Problems, diag.Flatten(err)...)
	}
	return nil
}

// walk lists the article files under content/, sorted, and reports in Problems what is where no
// article may be.
func (s *Site) walk() ([]string, error) {
	var files []string
	cfg, fsys := s.Config, s.FS
	err := fs.WalkDir(fsys.Site(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			s.Problems = append(s.Problems, &diag.Diagnostic{File: p, Msg: err.Error()})
			return nil
		}
		parts := strings.Split(p, "/")
		if d.Type()&fs.ModeSymlink != 0 {
			if err := fsys.CheckLink(p); err != nil {
				s.Problems = append(s.Problems, &diag.Diagnostic{File: p, Rule: "link", Msg: err.Error(),
					Hint: "copy the file into the site's content folder instead of linking to it, or remove the link"})
				return nil
			}
		}
		if d.IsDir() {
			if len(parts) == 2 && cfg.Language(parts[1]) == nil {
				s.Problems = append(s.Problems, &diag.Diagnostic{File: p, Rule: "language",
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
			s.Problems = append(s.Problems, &diag.Diagnostic{File: p, Rule: "content",
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
	return files, nil
}

// loadOne reads and parses one article file. Src is nil when the file cannot be read.
func loadOne(dir *source.Dir, cfg *config.Config, file string) (Article, error) {
	a := Article{File: file}
	src, err := dir.ReadFile(path.Base(file))
	if err != nil {
		return a, &diag.Diagnostic{File: file, Msg: "cannot read: " + err.Error()}
	}
	if src == nil {
		src = []byte{} // an empty file was read
	}
	a.Src = src
	a.Page, err = Parse(cfg, file, src)
	return a, err
}

// Parse parses src as the article file at content/<lang>/<section>/<name>.md of a site configured
// by cfg, which must have the language.
func Parse(cfg *config.Config, file string, src []byte) (*content.Page, error) {
	parts := strings.Split(file, "/")
	p, err := content.Parse(file, src, cfg.Language(parts[1]).Zone)
	if err != nil {
		return nil, err
	}
	p.Lang, p.Section, p.Name = parts[1], parts[2], strings.TrimSuffix(parts[3], ".md")
	return p, nil
}

// checkImages reports every article to be published (a draft's picture may come later) whose
// front-matter image names a file that is not under static/, in the site or the theme.
func checkImages(fsys *source.FS, pages []*content.Page, drafts bool) error {
	var errs diag.List
	for _, p := range pages {
		if !publishes(p, drafts) {
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
