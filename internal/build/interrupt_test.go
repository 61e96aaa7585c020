package build

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/output"
)

// cancelAfter cancels the build's context after n writes, as Ctrl-C would midway.
type cancelAfter struct {
	output.Sink
	n      atomic.Int32
	after  int32
	cancel context.CancelFunc
}

func (c *cancelAfter) WriteFile(p string, b []byte) error {
	if c.n.Add(1) == c.after {
		c.cancel()
	}
	return c.Sink.WriteFile(p, b)
}

func TestInterruptedBuildLeavesOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := ToDir(Options{Source: "testdata/sites/basic", Theme: rokhdad.Theme}, dest); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)
	for _, after := range []int32{1, 5, 20} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := toDir(Options{Source: "../..", Theme: rokhdad.Theme, Ctx: ctx, Workers: 1}, dest, func(s output.Sink) output.Sink {
			return &cancelAfter{Sink: s, after: after, cancel: cancel}
		})
		cancel()
		if err == nil {
			t.Fatalf("cancelled after %d writes, the build succeeded", after)
		}
		assertUnchanged(t, dest, before, fmt.Sprintf("cancelled after %d writes", after))
		assertNoTemp(t, filepath.Dir(dest))
	}
}
