package statuspage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MaxSize is the most Fetch reads of a response: a status page's incidents.json is tens of
// kilobytes; anything near this is not one.
const MaxSize = 32 << 20

// Timeout is how long Fetch waits for a status page by default.
const Timeout = 30 * time.Second

// IncidentsURL returns the address of a status page's incidents.json: page is the page's own
// address (https://status.example.com), or already an address of a .json file.
func IncidentsURL(page string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(page))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("%q is not the http(s) address of a status page", page)
	}
	if strings.HasSuffix(u.Path, ".json") {
		return u.String(), nil
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/api/v2/incidents.json"
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// Fetch gets the incidents.json of the status page at page (see IncidentsURL) with client (nil:
// one with Timeout) and returns its address and body. Any status but 200, a body that is not JSON,
// a body over MaxSize and a timeout are errors that say what the page answered.
func Fetch(ctx context.Context, client *http.Client, page string) (string, []byte, error) {
	addr, err := IncidentsURL(page)
	if err != nil {
		return "", nil, err
	}
	if client == nil {
		client = &http.Client{Timeout: Timeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return addr, nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "rokhdad-import (+https://github.com/rokhdad/rokhdad)")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && ue.Timeout() {
			return addr, nil, fmt.Errorf("%s: no answer within %v", addr, client.Timeout)
		}
		return addr, nil, fmt.Errorf("%s: %v", addr, errors.Unwrap(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxSize+1))
	if err != nil {
		return addr, nil, fmt.Errorf("%s: reading the answer: %v", addr, err)
	}
	if resp.StatusCode != http.StatusOK {
		return addr, nil, fmt.Errorf("%s: the page answered %s%s", addr, resp.Status, snippet(body))
	}
	if len(body) > MaxSize {
		return addr, nil, fmt.Errorf("%s: the answer is over %d MB; that is no incidents.json", addr, MaxSize>>20)
	}
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "html") {
		return addr, nil, fmt.Errorf("%s: the page answered with HTML (%s), not JSON: is this the address of a status page that has the Statuspage API?", addr, ct)
	}
	return addr, body, nil
}

// snippet is the start of an error answer, on one line.
func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if s == "" {
		return ""
	}
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return ": " + s
}
