package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
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
