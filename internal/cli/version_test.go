package cli

import (
	"runtime"
	"testing"
)

// version prints the module version, or the pseudo-version of the commit it was built from, with
// the VCS revision, time and state when the build recorded them; never "(devel)" alone.
func TestVersionFormat(t *testing.T) {
	rev := "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
	tail := "built with go1.26.8 for " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	for _, c := range []struct {
		name, version string
		settings      []string
		ldflags       string
		want, pin     string
	}{
		{"go install @version", "v0.3.0", nil, "", "rokhdad v0.3.0\n", "v0.3.0"},
		{"go install @pseudo", "v0.0.0-20261202035000-1a2b3c4d5e6f", nil, "", "rokhdad v0.0.0-20261202035000-1a2b3c4d5e6f\n", "v0.0.0-20261202035000-1a2b3c4d5e6f"},
		{"go build, clean tree", "v0.0.0-20261202035000-1a2b3c4d5e6f", []string{"vcs", "git", "vcs.revision", rev, "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "false"}, "",
			"rokhdad v0.0.0-20261202035000-1a2b3c4d5e6f (" + rev + ", 2026-12-02T03:50:00Z)\n", "v0.0.0-20261202035000-1a2b3c4d5e6f"},
		{"go build, modified tree", "v0.0.0-20261202035000-1a2b3c4d5e6f+dirty", []string{"vcs.revision", rev, "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "true"}, "",
			"rokhdad v0.0.0-20261202035000-1a2b3c4d5e6f (" + rev + ", 2026-12-02T03:50:00Z, modified)\n", ""},
		{"tagged commit, modified", "v0.3.0+dirty", []string{"vcs.revision", rev, "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "true"}, "",
			"rokhdad v0.3.0 (" + rev + ", 2026-12-02T03:50:00Z, modified)\n", ""},
		{"devel with VCS", "(devel)", []string{"vcs.revision", rev, "vcs.time", "2026-12-02T03:50:00+00:00", "vcs.modified", "false"}, "",
			"rokhdad v0.0.0-20261202035000-1a2b3c4d5e6f (" + rev + ", 2026-12-02T03:50:00Z)\n", "v0.0.0-20261202035000-1a2b3c4d5e6f"},
		{"devel, modified", "(devel)", []string{"vcs.revision", rev, "vcs.time", "2026-12-02T03:50:00Z", "vcs.modified", "true"}, "",
			"rokhdad v0.0.0-20261202035000-1a2b3c4d5e6f (" + rev + ", 2026-12-02T03:50:00Z, modified)\n", ""},
		{"go run", "(devel)", nil, "", "rokhdad (devel) (built without version control information)\n", ""},
		{"short revision", "(devel)", []string{"vcs.revision", "1a2b3c", "vcs.time", "2026-12-02T03:50:00Z"}, "", "rokhdad (devel) (1a2b3c, 2026-12-02T03:50:00Z)\n", ""},
		{"ldflags", "(devel)", nil, "v2.0.0", "rokhdad v2.0.0\n", "v2.0.0"},
		{"ldflags, not a version", "(devel)", nil, "nightly", "rokhdad nightly\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fakeBuild(t, c.version, c.settings...)
			old := Version
			Version = c.ldflags
			defer func() { Version = old }()
			code, out, errOut := run("version")
			if code != 0 || out != c.want+tail || errOut != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, out, errOut, c.want+tail)
			}
			if got := buildVersion().Pin; got != c.pin {
				t.Errorf("pin %q, want %q", got, c.pin)
			}
		})
	}
}
