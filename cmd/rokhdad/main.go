// Command rokhdad builds a bilingual (Persian and English) incident news site from Markdown.
package main

import (
	"os"

	"github.com/rokhdad/rokhdad/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
