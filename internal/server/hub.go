package server

import "sync"

// The event hub: what the build tells the open pages (reload, build-error), fanned out to each.

// event is one server-sent event.
type event struct {
	name string
	data string
}

// hub fans events out to the connected pages. Each client has a small buffered channel; a client
// that does not keep up is dropped (its channel closed) rather than slowing the others.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan event]struct{}{}} }

// subscribe returns a new client's channel, or nil when the hub is closed.
func (h *hub) subscribe() chan event {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	c := make(chan event, 8)
	h.clients[c] = struct{}{}
	return c
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

func (h *hub) broadcast(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- e:
		default:
			delete(h.clients, c)
			close(c)
		}
	}
}

// close ends every client's stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}
