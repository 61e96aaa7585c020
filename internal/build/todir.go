package build

import (
	"github.com/rokhdad/rokhdad/internal/output"
)

// ToDir builds into dest atomically.
func ToDir(o Options, dest string) (*Result, error) { return toDir(o, dest, nil) }

// toDir is ToDir with a hook for tests: wrap, when not nil, wraps the sink the build writes through.
func toDir(o Options, dest string, wrap func(output.Sink) output.Sink) (*Result, error) {
	cdest, err := output.CheckDest(dest, o.Source)
	if err != nil {
		return nil, err
	}
	lock, err := output.LockDest(cdest)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	sink, err := output.NewDirSink(cdest)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			sink.Abort() // also when the build panics: no temporary folder is left behind
		}
	}()
	var out output.Sink = sink
	if wrap != nil {
		out = wrap(sink)
	}
	res, err := Run(o, out)
	if err != nil {
		return nil, err
	}
	if o.Ctx != nil && o.Ctx.Err() != nil {
		return nil, o.Ctx.Err() // interrupted after rendering: still leave the destination alone
	}
	res.Files = sink.Files()
	committed = true // Commit cleans up after itself
	if err := sink.Commit(); err != nil {
		return nil, err
	}
	return res, nil
}
