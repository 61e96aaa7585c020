package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/rokhdad/rokhdad"
	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/server"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr, nil)
}

// serve runs the serve command until ctx is done. When ready is not nil it receives the URL once
// the server is listening.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(url string)) int {
	fs := newFlags("serve", "serve [-s DIR] [-p PORT] [--bind ADDR] [--drafts]", stdout, stderr)
	var src, bind string
	var port int
	var drafts bool
	fs.StringVar(&src, "source", ".", "the site's folder `DIR`")
	alias(fs, "s", "source")
	fs.IntVar(&port, "port", 1313, "listen on `PORT` (0 picks a free one)")
	alias(fs, "p", "port")
	fs.StringVar(&bind, "bind", "127.0.0.1", "listen on `ADDR`; the default serves this machine only, 0.0.0.0 the network too")
	fs.BoolVar(&drafts, "drafts", false, "include articles with draft = true")
	alias(fs, "D", "drafts")
	alias(fs, "buildDrafts", "drafts")
	if done, code := parse(fs, args, stdout); done {
		return code
	}
	if port < 0 || port > 65535 {
		fmt.Fprintf(stderr, "error: --port %d is not a port number (0 to 65535)\n", port)
		return 2
	}
	bind = strings.TrimSuffix(strings.TrimPrefix(bind, "["), "]") // --bind [::1] as well as ::1
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "error: cannot listen on %s: %v\n", addr, err)
		return 1
	}
	hosts := server.ListenHosts(bind, ln.Addr()) // the port chosen, when 0 was asked for
	base, err := config.ParseBaseURL(hosts.BaseURL().String())
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 2
	}
	if hosts.Network() {
		shown := bind
		if shown == "" {
			shown = `""`
		}
		fmt.Fprintf(stderr, "warning: --bind %s makes the preview, drafts included, reachable from the network by anyone who can reach this machine; it answers to %s (use --bind 127.0.0.1 to keep it to this machine)\n",
			shown, hosts.Accepted())
		if urls := hosts.NetworkURLs(); len(urls) > 0 {
			fmt.Fprintf(stderr, "other machines can open it as %s\n", strings.Join(urls, " or "))
		}
	}
	s := server.New(server.Options{Source: src, Drafts: drafts, BaseURL: base, Hosts: hosts, Theme: rokhdad.Theme, Out: stdout, Errors: stderr})
	_ = s.Build() // a failed first build is reported; the server waits for a fix
	fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop)\n", base)
	if ready != nil {
		ready(base.String())
	}
	if err := s.Run(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "error: "+err.Error())
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
