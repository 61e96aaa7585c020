package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// Version is set at link time with -ldflags "-X github.com/rokhdad/rokhdad/internal/cli.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stdout, stderr)
	if done, code := parse(fs, args, stdout); done {
		return code
	}
	v := Version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok {
			if bi.Main.Version != "" {
				v = bi.Main.Version
			}
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v += " " + s.Value[:12]
				}
			}
		}
	}
	fmt.Fprintf(stdout, "rokhdad %s %s/%s %s\n", v, runtime.GOOS, runtime.GOARCH, runtime.Version())
	return 0
}
