package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// touchTheme is the theme that calls touch the first time a layout is read: when the site is
// loaded and rendering begins.
type touchTheme struct {
	theme fs.FS
	once  sync.Once
	touch func()
}

func (t *touchTheme) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, "layouts/") {
		t.once.Do(t.touch)
	}
	return t.theme.Open(name)
}

// TestSiteReadsTheSiteOnce: the findings are of one reading of the site. An article deleted while
// check renders changes none of them — not the build's errors, and not the warnings, which once came
// from a second reading of every article after the build (here: "the article exists in fa only").
func TestSiteReadsTheSiteOnce(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "build", "testdata", "sites", "basic"))); err != nil {
		t.Fatal(err)
	}
	want, err := Site(Options{Source: dir, Theme: rokhdad.Theme})
	if err != nil {
		t.Fatal(err)
	}
	theme := &touchTheme{theme: rokhdad.Theme, touch: func() {
		if err := os.Remove(filepath.Join(dir, "content", "en", "incidents", "api-outage.md")); err != nil {
			t.Error(err)
		}
	}}
	got, err := Site(Options{Source: dir, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "en", "incidents", "api-outage.md")); err == nil {
		t.Fatal("the article was not deleted while check ran")
	}
	str := func(l diag.List) []string {
		var out []string
		for _, d := range l {
			out = append(out, d.Severity.String()+" "+d.Error())
		}
		return out
	}
	if !slices.Equal(str(got), str(want)) {
		t.Errorf("findings with the article deleted while check ran:\n%s\nwant, as before:\n%s",
			strings.Join(str(got), "\n"), strings.Join(str(want), "\n"))
	}
}
