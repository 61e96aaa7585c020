// Package benchcorpus generates the corpus for benchmarks: the bilingual incident site that
// ../shared/bench/gen.py writes beside the repository — the one the comparison with Hugo
// (../shared/bench/compare.sh) builds — or, where that is missing, one of the same shape of its own.
// It is used by tests only.
package benchcorpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Generate writes the corpus of n articles per language into a temporary folder and returns the
// site folder: gen.py's when it and python3 are there, else one of the same shape written by this
// package (see ownCorpus), so that the benchmarks run on any machine.
func Generate(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if gen := generator(); gen != "" {
		cmd := exec.Command("python3", gen, strconv.Itoa(n), dir, "--format", "rokhdad")
		if out, err := cmd.CombinedOutput(); err == nil {
			return dir
		} else {
			tb.Logf("gen.py: %v\n%s; using the package's own corpus", err, out)
		}
	}
	if err := ownCorpus(dir, n); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// N is the corpus size a benchmark should use: ROKHDAD_BENCH_N when set, else def.
func N(def int) int {
	if n, err := strconv.Atoi(os.Getenv("ROKHDAD_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return def
}

// generator finds ../shared/bench/gen.py from the repository root, the nearest folder up from the
// working directory (a package's, under go test) that holds go.mod.
func generator() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			gen := filepath.Join(dir, "..", "shared", "bench", "gen.py")
			if _, err := os.Stat(gen); err == nil {
				return gen
			}
			return ""
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// Own writes this package's own corpus of n articles per language into a temporary folder and
// returns the site folder.
func Own(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if err := ownCorpus(dir, n); err != nil {
		tb.Fatal(err)
	}
	return dir
}
