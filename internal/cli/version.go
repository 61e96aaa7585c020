package cli

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Version is set at link time with -ldflags "-X github.com/rokhdad/rokhdad/internal/cli.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// versionInfo is what this binary knows of the rokhdad it was built from.
type versionInfo struct {
	Version  string // a module version or pseudo-version, or "(devel)"
	Revision string // the VCS revision, or ""
	Time     string // the revision's commit time in UTC (RFC 3339), or ""
	Modified bool   // built from a tree with uncommitted changes
	Go       string // the Go version that built it
	// Pin is a version that `go install github.com/rokhdad/rokhdad/cmd/rokhdad@Pin` fetches and
	// builds into this same program, or "" when none is known (a go run, or a modified tree).
	Pin string
}

// semver is a module version the go command accepts after @: vMAJOR.MINOR.PATCH, with an optional
// pre-release such as a pseudo-version's -0.20261202035000-1a2b3c4d5e6f.
var semver = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// buildVersion reads the version from the link-time Version, else from the build information:
// the main module's version as `go install …@v` or `go build` (Go 1.24 and later) recorded it, or,
// when that is "(devel)", the pseudo-version v0.0.0-TIMESTAMP-REV12 of the recorded VCS commit.
func buildVersion() versionInfo {
	v := versionInfo{Version: "(devel)", Go: runtime.Version()}
	bi, ok := readBuildInfo()
	if ok && bi != nil {
		if bi.GoVersion != "" {
			v.Go = bi.GoVersion
		}
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
					v.Time = t.UTC().Format(time.RFC3339)
				}
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if strings.HasSuffix(v.Version, "+dirty") {
		v.Version = strings.TrimSuffix(v.Version, "+dirty")
		v.Modified = true
	}
	if v.Version == "(devel)" && len(v.Revision) >= 12 && v.Time != "" {
		t, _ := time.Parse(time.RFC3339, v.Time)
		v.Version = "v0.0.0-" + t.Format("20060102150405") + "-" + v.Revision[:12]
	}
	if Version != "" {
		v = versionInfo{Version: Version, Go: v.Go}
	}
	if semver.MatchString(v.Version) && !v.Modified {
		v.Pin = v.Version
	}
	return v
}

// String is the first line `rokhdad version` prints.
func (v versionInfo) String() string {
	s := "rokhdad " + v.Version
	var detail []string
	if v.Revision != "" {
		detail = append(detail, v.Revision)
	}
	if v.Time != "" {
		detail = append(detail, v.Time)
	}
	if v.Modified {
		detail = append(detail, "modified")
	}
	if len(detail) > 0 {
		s += " (" + strings.Join(detail, ", ") + ")"
	} else if v.Version == "(devel)" {
		s += " (built without version control information)"
	}
	return s
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stdout, stderr)
	if done, code := parse(fs, args, stdout); done {
		return code
	}
	v := buildVersion()
	fmt.Fprintln(stdout, v.String())
	fmt.Fprintf(stdout, "built with %s for %s/%s\n", v.Go, runtime.GOOS, runtime.GOARCH)
	return 0
}
