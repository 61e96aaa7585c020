package build

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rokhdad/rokhdad/internal/diag"
)

// EpochVar is the reproducible-builds variable (https://reproducible-builds.org/specs/source-date-epoch/)
// that fixes the build's reference instant: the day the service pages' 90-day bar and yearly
// uptime end on, and the instant "what is down now" is told as of. Without it (or when it is
// earlier) the reference is the newest instant in the content (site.Newest), never the clock, so
// that a build is the same whenever it runs.
const EpochVar = "SOURCE_DATE_EPOCH"

// reference reads EpochVar: zero when it is unset or empty, else its instant. A value that is not
// a whole number of seconds since 1970-01-01 UTC is an error naming the variable.
func reference() (time.Time, error) {
	v, ok := os.LookupEnv(EpochVar)
	if !ok || v == "" {
		return time.Time{}, nil
	}
	// The specification allows decimal digits only: no sign, space or fraction.
	digits := strings.Trim(v, "0123456789") == ""
	n, err := strconv.ParseInt(v, 10, 64)
	// 253402300799 is 9999-12-31T23:59:59Z, the last second RFC 3339 can write.
	if !digits || err != nil || n > 253402300799 {
		return time.Time{}, &diag.Diagnostic{Rule: EpochVar,
			Msg:  fmt.Sprintf("%s=%s is not a number of seconds since 1970-01-01 UTC", EpochVar, diag.Quote(v)),
			Hint: "set it to e.g. the last commit's time, `git log -1 --format=%ct`, or unset it to use the newest date in the content"}
	}
	return time.Unix(n, 0).UTC(), nil
}
