package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out, errOut syncBuffer
	urls := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"-s", "../build/testdata/sites/basic", "-p", "0"}, &out, &errOut, func(u string) { urls <- u })
	}()
	var base string
	select {
	case base = <-urls:
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start within 10 s")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.Contains(out.String(), "serving "+base+" (Ctrl-C to stop)") {
		t.Errorf("base %q, stdout %q", base, out.String())
	}
	c := &http.Client{Timeout: 5 * time.Second}
	res, err := c.Get(base + "en/incidents/api-outage/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), base+"en/") {
		t.Errorf("article: %d; links to %s = %v", res.StatusCode, base, strings.Contains(string(page), base+"en/"))
	}
	cancel() // as Ctrl-C does
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s")
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var out, errOut syncBuffer
	code := serve(context.Background(), []string{"-s", "../build/testdata/sites/basic", "--port", port}, &out, &errOut, nil)
	if code != 1 || !strings.Contains(errOut.String(), "cannot listen on 127.0.0.1:"+port) {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestServeFlags(t *testing.T) {
	var out, errOut syncBuffer
	if code := serve(context.Background(), []string{"--help"}, &out, &errOut, nil); code != 0 || !strings.Contains(out.String(), "Usage: rokhdad serve") || !strings.Contains(out.String(), "-bind") {
		t.Errorf("--help: exit %d, %q", code, out.String())
	}
	if code := serve(context.Background(), []string{"-p", "70000"}, &out, &errOut, nil); code != 2 {
		t.Errorf("-p 70000: exit %d", code)
	}
	if code := serve(context.Background(), []string{"--nope"}, &out, &errOut, nil); code != 2 {
		t.Errorf("--nope: exit %d", code)
	}
}

// startServe runs serve with args until the test ends and returns its base URL and outputs.
func startServe(t *testing.T, args ...string) (string, *syncBuffer, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	var out, errOut syncBuffer
	urls := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, append([]string{"-s", "../build/testdata/sites/basic"}, args...), &out, &errOut, func(u string) { urls <- u })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	})
	select {
	case u := <-urls:
		return u, &out, &errOut
	case code := <-done:
		t.Fatalf("serve %v exited %d: %s", args, code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start within 10 s")
	}
	return "", nil, nil
}

// getHost fetches u with the Host header host.
func getHost(t *testing.T, u, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	res, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// The default bind answers only to its own names and warns of nothing.
func TestServeRefusesOtherHosts(t *testing.T) {
	base, _, errOut := startServe(t, "-p", "0")
	port := strings.TrimSuffix(base[strings.LastIndex(base, ":")+1:], "/")
	article := base + "en/incidents/api-outage/"
	if code, b := getHost(t, article, "evil.example:"+port); code != http.StatusForbidden || strings.Contains(b, "API outage") {
		t.Errorf("Host evil.example: %d %.100q; want 403", code, b)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port} {
		if code, _ := getHost(t, article, host); code != 200 {
			t.Errorf("Host %s: %d; want 200", host, code)
		}
	}
	if strings.Contains(errOut.String(), "warning") {
		t.Errorf("default bind warned: %q", errOut.String())
	}
}

// --bind 0.0.0.0 warns, links to an address a browser can open, and answers to the machine's own
// addresses and name but not to other sites'.
func TestServeBindAll(t *testing.T) {
	for _, bind := range []string{"0.0.0.0", "::"} {
		t.Run(bind, func(t *testing.T) {
			if bind == "::" {
				if ln, err := net.Listen("tcp", "[::]:0"); err != nil {
					t.Skipf("no IPv6: %v", err)
				} else {
					ln.Close()
				}
			}
			base, out, errOut := startServe(t, "--bind", bind, "-p", "0")
			if !strings.HasPrefix(base, "http://127.0.0.1:") {
				t.Errorf("base %q, want http://127.0.0.1:PORT/", base)
			}
			port := strings.TrimSuffix(base[strings.LastIndex(base, ":")+1:], "/")
			if w := errOut.String(); !strings.Contains(w, "warning: ") || !strings.Contains(w, "reachable from the network") || !strings.Contains(w, "--bind 127.0.0.1") {
				t.Errorf("stderr lacks the network warning: %q", w)
			}
			if strings.Contains(out.String(), "0.0.0.0") || strings.Contains(out.String(), "[::]") {
				t.Errorf("stdout names the wildcard address: %q", out.String())
			}
			article := base + "en/incidents/api-outage/"
			code, page := getHost(t, article, "127.0.0.1:"+port)
			if code != 200 || !strings.Contains(page, `<link rel="canonical" href="`+article+`">`) || strings.Contains(page, "0.0.0.0") || strings.Contains(page, "[::]") {
				t.Errorf("article: %d, canonical on %s = %v, wildcard in page = %v", code, base, strings.Contains(page, `rel="canonical" href="`+article), strings.Contains(page, "0.0.0.0") || strings.Contains(page, "[::]"))
			}
			if code, _ := getHost(t, article, "evil.example:"+port); code != http.StatusForbidden {
				t.Errorf("Host evil.example: %d; want 403", code)
			}
			own := []string{"localhost:" + port}
			if name, err := os.Hostname(); err == nil && name != "" {
				own = append(own, strings.ToUpper(name)+":"+port)
			}
			if addrs, err := net.InterfaceAddrs(); err == nil {
				for _, a := range addrs {
					if p, ok := a.(*net.IPNet); ok && !p.IP.IsLoopback() && p.IP.To4() != nil {
						own = append(own, net.JoinHostPort(p.IP.String(), port))
						break
					}
				}
			}
			for _, host := range own {
				if code, _ := getHost(t, article, host); code != 200 {
					t.Errorf("Host %s (this machine): %d; want 200", host, code)
				}
			}
		})
	}
}
