package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/build"
	"github.com/rokhdad/rokhdad/internal/config"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s DIR] [-d DIR] [--baseURL URL] [--drafts] [--minify]", stdout, stderr)
	var src, dest, base string
	var drafts, minify bool
	fs.StringVar(&src, "source", ".", "the site's folder `DIR`")
	alias(fs, "s", "source")
	fs.StringVar(&dest, "destination", "", "the output folder `DIR` (default: public in the site's folder)")
	alias(fs, "d", "destination")
	fs.StringVar(&base, "baseURL", "", "base `URL` to publish under, overriding site.toml (e.g. https://user.github.io/repo/)")
	alias(fs, "b", "baseURL")
	fs.BoolVar(&drafts, "drafts", false, "include articles with draft = true")
	alias(fs, "D", "drafts")
	alias(fs, "buildDrafts", "drafts")
	fs.BoolVar(&minify, "minify", false, "minify the HTML, CSS, JavaScript, XML and JSON written")
	var cpuProfile, memProfile string
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof)")
	fs.StringVar(&memProfile, "memprofile", "", "write a heap profile at the end of the build to `FILE`")
	if done, code := parse(fs, args, stdout); done {
		return code
	}
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	o := build.Options{Source: src, Drafts: drafts, Theme: rokhdad.Theme, Minify: minify}
	if base != "" {
		u, err := config.ParseBaseURL(base)
		if err != nil {
			fmt.Fprintln(stderr, "error: "+err.Error())
			return 2
		}
		o.BaseURL = u
	}
	// Ctrl-C or SIGTERM stops the build; the temporary folder is removed and the destination is
	// left as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	o.Ctx = ctx
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "error: "+err.Error())
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "error: "+err.Error())
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	res, err := build.ToDir(o, dest)
	if memProfile != "" {
		if f, ferr := os.Create(memProfile); ferr == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "interrupted; %s was left as it was\n", dest)
		return 130
	}
	if err != nil {
		report(stderr, err)
		fmt.Fprintf(stderr, "build failed; %s was left as it was\n", dest)
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s in %d ms\n", res.Pages, res.Files, dest, time.Since(start).Milliseconds())
	return 0
}
