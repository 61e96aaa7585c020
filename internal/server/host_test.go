package server

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rokhdad/rokhdad"
)

// getHost requests target from h with the given Host header. Event streams are cut after a moment
// so that an allowed one returns too.
func getHost(t *testing.T, h http.Handler, host, target string) (int, http.Header, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Header(), rec.Body.String()
}

// A page on another site that rebinds its own name to 127.0.0.1 sends its own name as Host: serve
// must not answer it, neither pages nor the event stream.
func TestHandlerRefusesOtherHosts(t *testing.T) {
	s, out := built(t, fixture) // built for http://127.0.0.1:1313/
	h := s.Handler()
	paths := []string{"/", "/en/incidents/api-outage/", EventsPath}
	for _, host := range []string{
		"evil.example:1313",
		"EVIL.example:1313",
		"localhost.evil.example:1313",
		"127.0.0.1.evil.example:1313",
		"evil.example",        // no port: only port 80 may go without
		"localhost",           // likewise
		"127.0.0.1",           // likewise
		"[::1]",               // likewise
		"localhost:1314",      // another port
		"localhost:80",        // another port
		"127.0.0.1:1313.evil", // not a port
		"::1:1313",            // IPv6 without brackets
		"[::1:1313",           // unterminated bracket
		"[::1]x:1313",         // junk after the bracket
		"127.0.0.2:1313",      // not what it listens on
		"0.0.0.0:1313",        // not an address to open
		"",                    // HTTP/1.0 without Host
	} {
		for _, p := range paths {
			code, hdr, b := getHost(t, h, host, p)
			if code != http.StatusForbidden {
				t.Errorf("Host %q, %s: %d; want 403", host, p, code)
				continue
			}
			if strings.Contains(b, "API outage") || strings.Contains(b, "retry:") || strings.HasPrefix(hdr.Get("Content-Type"), "text/event-stream") {
				t.Errorf("Host %q, %s: refused but answered with the site: %q", host, p, b)
			}
			// One sentence naming what it got and what it accepts, for a user behind a proxy.
			for _, want := range []string{strconv.Quote(host), "localhost:1313", "127.0.0.1:1313", "[::1]:1313", "Host"} {
				if !strings.Contains(b, want) {
					t.Errorf("Host %q, %s: body lacks %q: %q", host, p, want, b)
				}
			}
			if n := strings.Count(strings.TrimSpace(b), "\n"); n != 0 {
				t.Errorf("Host %q: body is %d lines, want one sentence: %q", host, n+1, b)
			}
		}
	}
	for _, host := range []string{"localhost:1313", "LocalHost:1313", "127.0.0.1:1313", "[::1]:1313", "[0:0:0:0:0:0:0:1]:1313", "localhost.:1313"} {
		for _, p := range paths[:2] {
			if code, _, b := getHost(t, h, host, p); code != 200 || !strings.Contains(b, "<html") {
				t.Errorf("Host %q, %s: %d; want 200", host, p, code)
			}
		}
		if code, hdr, b := getHost(t, h, host, EventsPath); code != 200 || hdr.Get("Content-Type") != "text/event-stream" || !strings.Contains(b, "retry:") {
			t.Errorf("Host %q, events: %d %q %q; want the stream", host, code, hdr.Get("Content-Type"), b)
		}
	}
	// The terminal hears of the first refusal, for a user whose proxy sends its own Host, and of
	// no other: a page that keeps trying must not flood it.
	if n := strings.Count(out.String(), "refused a request with Host"); n != 1 || !strings.Contains(out.String(), `refused a request with Host "evil.example:1313": serve answers only to localhost:1313, 127.0.0.1:1313 or [::1]:1313`) {
		t.Errorf("terminal told of %d refusals:\n%s", n, out.String())
	}
}

// The same over a real listener on port 0: the port it picked is the one Host must carry.
func TestRunRefusesOtherHosts(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	base := "http://" + ln.Addr().String() + "/"
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	s := New(Options{Source: fixture, BaseURL: u, Theme: rokhdad.Theme, Out: &out, Errors: &out})
	if err := s.Build(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-ran }()

	do := func(host, p string) (int, string, string) {
		t.Helper()
		rctx, stop := context.WithTimeout(context.Background(), 5*time.Second)
		defer stop()
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, base+strings.TrimPrefix(p, "/"), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b []byte
		if res.Header.Get("Content-Type") == "text/event-stream" {
			b = make([]byte, 64)
			n, _ := io.ReadAtLeast(res.Body, b, len("retry:"))
			b = b[:n]
		} else {
			b, _ = io.ReadAll(res.Body)
		}
		return res.StatusCode, res.Header.Get("Content-Type"), string(b)
	}
	for _, p := range []string{"/", "/en/incidents/api-outage/", EventsPath} {
		code, _, b := do("evil.example:"+port, p)
		if code != http.StatusForbidden || !strings.Contains(b, `"evil.example:`+port+`"`) || !strings.Contains(b, "127.0.0.1:"+port) {
			t.Errorf("evil.example:%s %s: %d %q; want 403 naming both", port, p, code, b)
		}
		for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port} {
			code, ct, b := do(host, p)
			if code != 200 || (p == EventsPath) != (ct == "text/event-stream") || !strings.Contains(b, map[bool]string{true: "retry:", false: "<html"}[p == EventsPath]) {
				t.Errorf("%s %s: %d %q %.80q; want 200", host, p, code, ct, b)
			}
		}
	}
}

// A server built for an address that listens everywhere links to one a browser can open.
func TestWildcardBaseNeverInPages(t *testing.T) {
	for _, wild := range []string{"0.0.0.0", "[::]"} {
		u, err := url.Parse("http://" + wild + ":4000/")
		if err != nil {
			t.Fatal(err)
		}
		var out lockedBuffer
		s := New(Options{Source: fixture, BaseURL: u, Theme: rokhdad.Theme, Out: &out, Errors: &out})
		if err := s.Build(); err != nil {
			t.Fatal(err)
		}
		site := s.site.Load()
		page, _ := site.Get("en/incidents/api-outage/index.html")
		if !bytes.Contains(page, []byte(`<link rel="canonical" href="http://127.0.0.1:4000/en/incidents/api-outage/">`)) {
			t.Errorf("%s: canonical is not on 127.0.0.1:4000:\n%.600s", wild, page)
		}
		site.mu.Lock()
		var bad []string
		for name, data := range site.files {
			if bytes.Contains(data, []byte(wild)) {
				bad = append(bad, name)
			}
		}
		site.mu.Unlock()
		if len(bad) > 0 {
			sort.Strings(bad)
			t.Errorf("%s: %d files link to it, such as %s", wild, len(bad), bad[0])
		}
	}
}

func TestHostsRule(t *testing.T) {
	tcp := func(ip string, port int) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: port} }
	name, _ := os.Hostname()
	name = strings.ToLower(name)
	label, _, _ := strings.Cut(name, ".")
	var lan string // one of this machine's interface addresses that is not loopback
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if p, ok := a.(*net.IPNet); ok && !p.IP.IsLoopback() {
				lan = p.IP.String()
				break
			}
		}
	}
	loopback := []string{"localhost:1313", "LOCALHOST:1313", "127.0.0.1:1313", "[::1]:1313", "[::ffff:127.0.0.1]:1313"}
	foreign := []string{"evil.example:1313", "evil.example", "localhost", "localhost:1314", "0.0.0.0:1313", "[::]:1313", "127.0.0.1:01313x", "localhost:", ""}
	machine := []string{strings.ToUpper(name) + ":1313", label + ":1313", label + ".local:1313"}
	if lan != "" {
		machine = append(machine, net.JoinHostPort(lan, "1313"))
	}
	for _, c := range []struct {
		bind    string
		addr    net.Addr
		network bool
		base    string
		allow   []string
		refuse  []string
	}{
		{"127.0.0.1", tcp("127.0.0.1", 1313), false, "http://127.0.0.1:1313/", loopback, append(foreign, "127.0.0.2:1313")},
		{"localhost", tcp("127.0.0.1", 1313), false, "http://localhost:1313/", loopback, foreign},
		{"::1", tcp("::1", 1313), false, "http://[::1]:1313/", loopback, foreign},
		{"[::1]", tcp("::1", 1313), false, "http://[::1]:1313/", loopback, foreign},
		{"127.0.0.2", tcp("127.0.0.2", 1313), false, "http://127.0.0.2:1313/", append(loopback, "127.0.0.2:1313"), append(foreign, "127.0.0.3:1313")},
		{"dev-alias", tcp("127.0.0.1", 1313), false, "http://dev-alias:1313/", append(loopback, "DEV-ALIAS:1313"), foreign}, // a name for 127.0.0.1 in /etc/hosts
		// Port 80 goes without, as browsers send it.
		{"127.0.0.1", tcp("127.0.0.1", 80), false, "http://127.0.0.1:80/", []string{"localhost", "localhost:80", "127.0.0.1", "[::1]", "[::1]:80", "[::1]:"}, []string{"localhost:8080", "evil.example", "evil.example:"}},
		// Port 0 was asked for: the port chosen counts.
		{"127.0.0.1", tcp("127.0.0.1", 40123), false, "http://127.0.0.1:40123/", []string{"localhost:40123"}, []string{"localhost:0", "localhost", "localhost:1313"}},
		{"0.0.0.0", tcp("0.0.0.0", 1313), true, "http://127.0.0.1:1313/", append(loopback, machine...), foreign},
		{"::", tcp("::", 1313), true, "http://127.0.0.1:1313/", append(loopback, machine...), foreign},
		{"", tcp("::", 1313), true, "http://127.0.0.1:1313/", append(loopback, machine...), foreign},
		{"192.0.2.9", tcp("192.0.2.9", 1313), true, "http://192.0.2.9:1313/", append(append(loopback, machine...), "192.0.2.9:1313"), foreign},
		{"Box.LAN", tcp("192.0.2.9", 1313), true, "http://box.lan:1313/", append(loopback, "box.lan:1313", "BOX.lan:1313", "box.lan.:1313"), foreign},
	} {
		h := ListenHosts(c.bind, c.addr)
		if h.Network() != c.network {
			t.Errorf("bind %q: Network = %v", c.bind, h.Network())
		}
		if got := h.BaseURL().String(); got != c.base {
			t.Errorf("bind %q: BaseURL = %s, want %s", c.bind, got, c.base)
		}
		for _, host := range c.allow {
			if !h.Allows(host) {
				t.Errorf("bind %q on %s: refuses Host %q", c.bind, c.addr, host)
			}
		}
		for _, host := range c.refuse {
			if h.Allows(host) {
				t.Errorf("bind %q on %s: allows Host %q", c.bind, c.addr, host)
			}
		}
		// The refusal is readable by the refused page: it must not give away the machine's
		// name or addresses.
		acc := h.Accepted()
		if label != "" && label != "localhost" && strings.Contains(strings.ToLower(acc), label) || lan != "" && strings.Contains(acc, lan) {
			t.Errorf("bind %q: Accepted() names this machine: %q", c.bind, acc)
		}
		if c.network != strings.Contains(acc, "this machine's own addresses and host name") {
			t.Errorf("bind %q: Accepted() = %q", c.bind, acc)
		}
		if urls := h.NetworkURLs(); c.network != (urls != nil || c.bind == "0.0.0.0" || c.bind == "::" || c.bind == "") {
			t.Errorf("bind %q: NetworkURLs = %q", c.bind, urls)
		}
	}
}
