package server

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/rokhdad/rokhdad/internal/output"
)

var _ output.Sink = (*MemSink)(nil)

func TestMemSinkRefusesOutside(t *testing.T) {
	m := NewMemSink()
	for _, p := range []string{"../x", "a/../../x", "", "/"} {
		if err := m.WriteFile(p, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
	if err := output.Copy(m, "a/b.txt", strings.NewReader("hi")); err != nil {
		t.Fatal(err)
	}
	if b, ok := m.Get("a/b.txt"); !ok || string(b) != "hi" {
		t.Errorf("Get = %q, %v", b, ok)
	}
	if err := output.Copy(m, "c.txt", iotestErr{}); err == nil {
		t.Errorf("Copy with a failing reader succeeded")
	}
}

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errors.New("boom") }

// A file streamed into the sink (Create) is there once it is closed, as it was written; until then
// Get has the version before. Create refuses paths outside the site, as WriteFile does.
func TestMemSinkCreate(t *testing.T) {
	m := NewMemSink()
	if err := m.WriteFile("feed.xml", []byte("old")); err != nil {
		t.Fatal(err)
	}
	w, err := m.Create("feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"<feed>", strings.Repeat("x", 100000), "</feed>"} {
		if _, err := io.WriteString(w, part); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := m.Get("feed.xml"); string(b) != "old" {
		t.Errorf("before Close: %.20q", b)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := m.Get("feed.xml"); string(b) != "<feed>"+strings.Repeat("x", 100000)+"</feed>" {
		t.Errorf("after Close: %d bytes, %.20q", len(b), b)
	}
	for _, p := range []string{"../x", "a/../../x", "", "/"} {
		if _, err := m.Create(p); err == nil {
			t.Errorf("Create(%q) succeeded", p)
		}
	}
	if err := output.Copy(m, "c.txt", iotestErr{}); err == nil {
		t.Errorf("Copy with a failing reader succeeded")
	}
}
