// Package rokhdad holds the default theme — layouts, static files and the i18n catalogs — embedded
// in the binary, so that `go install ./cmd/rokhdad` alone can build any site. A site overrides any
// theme file by placing its own at the same relative path.
package rokhdad

import "embed"

// Theme is the default theme: layouts/, static/ and i18n/ as they are in this repository.
//
//go:embed layouts static i18n
var Theme embed.FS
