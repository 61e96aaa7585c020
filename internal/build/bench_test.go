package build

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rokhdad/rokhdad"
)

// benchCorpus generates the shared benchmark corpus (n articles per language) into a temporary
// directory with ../shared/bench/gen.py, the generator the Hugo comparison uses.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	gen, err := filepath.Abs("../../../shared/bench/gen.py")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(gen); err != nil {
		b.Skip("no ../shared/bench/gen.py beside the repository")
	}
	dir := filepath.Join(b.TempDir(), "site")
	cmd := exec.Command("python3", gen, strconv.Itoa(n), dir, "--format", "rokhdad")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("gen.py: %v\n%s", err, out)
	}
	return dir
}

type discardSink struct{}

func (discardSink) WriteFile(string, []byte) error   { return nil }
func (discardSink) CopyFile(string, io.Reader) error { return nil }

// BenchmarkBuild1000 is a whole build of 1,000 articles per language into memory that is thrown
// away: loading, resolving, rendering every page, feed and index.
func BenchmarkBuild1000(b *testing.B) {
	dir := benchCorpus(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Run(Options{Source: dir, Theme: rokhdad.Theme}, discardSink{}); err != nil {
			b.Fatal(err)
		}
	}
}
