package check

import (
	"io"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/output"
)

var _ output.Sink = (*discard)(nil)

// The sink check builds into keeps the paths of the files written, however they were written, and
// drops those removed; their content goes nowhere.
func TestDiscardKeepsPaths(t *testing.T) {
	d := &discard{}
	if err := d.WriteFile("fa/index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	w, err := d.Create("./fa/atom.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "<feed/>")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := output.Copy(d, "css/site.css", strings.NewReader("a{}")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("gone.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove("gone.html"); err != nil {
		t.Fatal(err)
	}
	want := []string{"css/site.css", "fa/atom.xml", "fa/index.html"}
	if len(d.paths) != len(want) {
		t.Errorf("paths = %v, want %v", d.paths, want)
	}
	for _, p := range want {
		if !d.paths[p] {
			t.Errorf("paths = %v, want %v", d.paths, want)
		}
	}
}
