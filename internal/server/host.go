package server

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Hosts decides which requests the server answers, by their Host header: only those addressed to
// the server itself. A page on another site can make its own name resolve to 127.0.0.1 (DNS
// rebinding) and then read the preview, drafts included, as if it were its own; such a request
// still carries that site's name as Host, and is refused.
//
// The rule: the Host must carry the port listened on (or no port when it is 80, as browsers drop
// :80) and a host (case-insensitive, IPv6 in brackets, one trailing dot allowed) that is
//   - localhost, 127.0.0.1 or [::1], whatever the bind address;
//   - the bind address itself, as given to --bind;
//   - when the bind address is not a loopback one (0.0.0.0, ::, a LAN address or name), also any
//     address of one of this machine's network interfaces, and this machine's host name: as the
//     system reports it, its first label, and that label + ".local" (mDNS, as macOS and
//     Avahi-enabled Linux announce it) — what a browser on the network would be given to type.
//
// IP literals are safe to accept whatever they are, since no other site can make them mean
// something else; names are accepted only when they are this machine's.
type Hosts struct {
	bind    string // as given, lower case, without brackets
	port    string
	network bool // the bind address is not a loopback one: reachable from other machines

	mu    sync.Mutex
	names map[string]bool     // accepted host names, lower case, no trailing dot
	ips   map[netip.Addr]bool // accepted addresses, unmapped and without zone
}

// ListenHosts returns the Hosts of a server asked to listen on bind ("127.0.0.1", "0.0.0.0",
// "localhost", "::"…; "" is every address) that listens on addr (its listener's Addr: the port
// actually chosen when 0 was asked for).
func ListenHosts(bind string, addr net.Addr) *Hosts {
	var ip net.IP
	port := 0
	if a, ok := addr.(*net.TCPAddr); ok {
		ip, port = a.IP, a.Port
	}
	return newHosts(bind, ip, port)
}

// baseHosts is the Hosts of a server whose base URL is u, taken as its bind address.
func baseHosts(u *url.URL) *Hosts {
	port, _ := strconv.Atoi(u.Port())
	if port == 0 {
		port = 80
		if u.Scheme == "https" {
			port = 443
		}
	}
	return newHosts(u.Hostname(), net.ParseIP(u.Hostname()), port)
}

// newHosts makes Hosts for bind; ip is the address listened on when known, else nil.
func newHosts(bind string, ip net.IP, port int) *Hosts {
	bind = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(bind, "["), "]"))
	h := &Hosts{bind: bind, port: strconv.Itoa(port), names: map[string]bool{"localhost": true}, ips: map[netip.Addr]bool{}}
	for _, a := range []string{"127.0.0.1", "::1"} {
		h.ips[netip.MustParseAddr(a)] = true
	}
	if ip == nil {
		ip = net.ParseIP(bind)
	}
	switch {
	case ip != nil:
		h.network = !ip.IsLoopback() // 0.0.0.0 and :: included
	case bind == "":
		h.network = true
	default: // a name whose address is not known
		h.network = !isLocalhost(bind)
	}
	if a, err := netip.ParseAddr(bind); err == nil {
		if !a.Unmap().IsUnspecified() {
			h.ips[a.Unmap().WithZone("")] = true
		}
	} else if bind != "" {
		h.names[strings.TrimSuffix(bind, ".")] = true
	}
	if h.network {
		h.addMachine()
	}
	return h
}

func isLocalhost(name string) bool {
	name = strings.TrimSuffix(name, ".")
	return name == "localhost" || strings.HasSuffix(name, ".localhost")
}

// addMachine adds this machine's interface addresses and host names; it is called again when a
// request is about to be refused, so that an address gained since (another Wi-Fi) is accepted.
// Under h.mu, or before h is shared.
func (h *Hosts) addMachine() {
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				h.ips[p.Addr().Unmap().WithZone("")] = true
			}
		}
	}
	if name, err := os.Hostname(); err == nil && name != "" {
		name = strings.ToLower(strings.TrimSuffix(name, "."))
		label, _, _ := strings.Cut(name, ".")
		h.names[name] = true
		h.names[label] = true
		h.names[label+".local"] = true
	}
}

// Network reports whether the server is reachable from other machines: its bind address is not a
// loopback one.
func (h *Hosts) Network() bool { return h.network }

// BaseURL is the base URL to build pages for: the bind address and port, except that an address
// that listens everywhere (0.0.0.0, ::), which no browser can open, becomes 127.0.0.1.
func (h *Hosts) BaseURL() *url.URL {
	return &url.URL{Scheme: "http", Host: net.JoinHostPort(openable(h.bind), h.port), Path: "/"}
}

// openable is host, or 127.0.0.1 when host is empty or an unspecified address. 127.0.0.1 rather
// than localhost: it is what serve's default bind builds for, so the pages are the same either
// way, and it needs no name lookup (localhost may resolve to ::1, where a 0.0.0.0 bind does not
// listen). Other machines still browse the preview, since the pages link to each other by paths;
// only the absolute URLs (canonical, feeds, og:url) name 127.0.0.1.
func openable(host string) string {
	if host == "" {
		return "127.0.0.1"
	}
	if a, err := netip.ParseAddr(host); err == nil && a.Unmap().IsUnspecified() {
		return "127.0.0.1"
	}
	return host
}

// Allows reports whether a request with the Host header host is addressed to the server.
func (h *Hosts) Allows(host string) bool {
	if h == nil {
		return false
	}
	name, port, ok := splitHost(host)
	if !ok || port != h.port && !(port == "" && h.port == "80") {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.allows(name) {
		return true
	}
	if h.network { // the machine may have gained an address or a name since
		h.addMachine()
		return h.allows(name)
	}
	return false
}

// allows reports whether name (a lower-case host name or an IP without brackets) is accepted;
// under h.mu.
func (h *Hosts) allows(name string) bool {
	if a, err := netip.ParseAddr(name); err == nil {
		return h.ips[a.Unmap().WithZone("")]
	}
	return h.names[strings.TrimSuffix(name, ".")]
}

// splitHost splits a Host header value into its lower-cased host (IPv6 without brackets) and its
// port, "" when it has none. ok is false when the value is malformed.
func splitHost(v string) (host, port string, ok bool) {
	if v == "" {
		return "", "", false
	}
	if v[0] == '[' {
		end := strings.IndexByte(v, ']')
		if end < 0 {
			return "", "", false
		}
		host, rest := v[1:end], v[end+1:]
		if rest != "" {
			if rest[0] != ':' {
				return "", "", false
			}
			port = rest[1:]
		}
		if a, err := netip.ParseAddr(host); err != nil || !a.Is6() {
			return "", "", false
		}
		return strings.ToLower(host), port, validPort(port)
	}
	if i := strings.LastIndexByte(v, ':'); i >= 0 {
		host, port = v[:i], v[i+1:]
	} else {
		host = v
	}
	if host == "" || strings.Contains(host, ":") {
		return "", "", false
	}
	return strings.ToLower(host), port, validPort(port)
}

// validPort reports whether p is empty or decimal digits.
func validPort(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}

// Accepted names what the server answers to, for messages: "localhost:1313, 127.0.0.1:1313,
// [::1]:1313, and this machine's own addresses and host name at port 1313". It never lists the
// machine's addresses or name themselves: the refused page may be another site's, reading the
// answer.
func (h *Hosts) Accepted() string {
	if h == nil {
		return "its own address, which it does not know yet"
	}
	list := []string{"localhost", "127.0.0.1", "[::1]"}
	if b := h.bind; b != "" && b != "localhost" && b != "127.0.0.1" && b != "::1" && openable(b) == b {
		if strings.Contains(b, ":") {
			b = "[" + b + "]"
		}
		list = append(list, b)
	}
	for i := range list {
		list[i] += ":" + h.port
	}
	if h.network {
		return strings.Join(list, ", ") + " and this machine's own addresses and host name at port " + h.port
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}

// refuse answers a request whose Host is not the server's with 403 and one sentence saying why.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request) {
	msg := fmt.Sprintf("rokhdad serve refused this request because its Host header is %q, and it answers only to %s, so that no other web site can read the preview (a proxy in front of it must send one of these as Host).",
		r.Host, s.hosts.Accepted())
	if s.refused.CompareAndSwap(false, true) {
		s.errorf("refused a request with Host %q: serve answers only to %s (further refusals are not reported)\n", r.Host, s.hosts.Accepted())
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	http.Error(w, msg, http.StatusForbidden)
}

// NetworkURLs lists base URLs by which other machines may open the server, for the terminal: the
// bind address when it is a particular one, else the addresses of this machine's network
// interfaces that other machines can route to (not loopback or link-local). Nil when the server
// is not reachable from the network.
func (h *Hosts) NetworkURLs() []string {
	if h == nil || !h.network {
		return nil
	}
	if b := openable(h.bind); b == h.bind {
		return []string{"http://" + net.JoinHostPort(b, h.port) + "/"}
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var v4, v6 []string
	for _, a := range addrs {
		p, err := netip.ParsePrefix(a.String())
		if err != nil {
			continue
		}
		ip := p.Addr().Unmap()
		if ip.IsLoopback() || ip.IsLinkLocalUnicast() || !ip.IsGlobalUnicast() {
			continue
		}
		u := "http://" + net.JoinHostPort(ip.String(), h.port) + "/"
		if ip.Is4() {
			v4 = append(v4, u)
		} else {
			v6 = append(v6, u)
		}
	}
	return append(v4, v6...)
}
