// Package minify makes a build's output smaller (build --minify): an output.Sink wrapper that
// minifies HTML, CSS, JavaScript, XML and JSON files by their extension, with
// github.com/tdewolff/minify/v2 (the minifier Hugo uses), and passes every other file through
// untouched. Minifying is deterministic: the same input gives the same bytes on every run.
//
// The HTML settings are Hugo's defaults, except that attribute quotes are kept: the document,
// head and body tags, end tags, default attribute values and special comments stay; whitespace
// between elements collapses to at most one space, which keeps the space between inline elements
// such as <bdi> and leaves the content of <pre> and <textarea> exactly as it was. JSON-LD in a
// <script type="application/ld+json"> is minified as JSON; other inline scripts as JavaScript.
package minify

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/rokhdad/rokhdad/internal/output"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier is shared by every build: tdewolff's M is safe for concurrent use once set up.
var minifier = newMinifier()

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
		KeepSpecialComments: true,
	})
	m.Add("text/css", &css.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?json$`), &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?xml$`), &xml.Minifier{})
	return m
}

// mediaTypes maps the extensions minified to their media type.
var mediaTypes = map[string]string{
	".html": "text/html",
	".htm":  "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".mjs":  "application/javascript",
	".json": "application/json",
	".xml":  "application/xml",
}

// MediaType is the media type a file is minified as, or "" when it is copied as it is.
func MediaType(p string) string { return mediaTypes[strings.ToLower(path.Ext(p))] }

// Bytes minifies data as the file p, or returns it unchanged when p is not of a minified kind.
func Bytes(p string, data []byte) ([]byte, error) {
	mt := MediaType(p)
	if mt == "" {
		return data, nil
	}
	out, err := minifier.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", p, err)
	}
	return out, nil
}

// Sink returns a sink that minifies what it writes into s.
func Sink(s output.Sink) output.Sink { return &sink{s} }

type sink struct{ next output.Sink }

// WriteFile implements output.Sink.
func (s *sink) WriteFile(p string, data []byte) error {
	out, err := Bytes(p, data)
	if err != nil {
		return err
	}
	return s.next.WriteFile(p, out)
}

// Create implements output.Sink. A file of a minified kind is gathered and minified, into the next
// sink's own file, when it is closed; any other streams through as it comes.
func (s *sink) Create(p string) (io.WriteCloser, error) {
	mt := MediaType(p)
	if mt == "" {
		return s.next.Create(p)
	}
	return &file{s: s, path: p, mt: mt}, nil
}

// Remove implements output.Sink.
func (s *sink) Remove(p string) error { return s.next.Remove(p) }

// file gathers a streamed file.
type file struct {
	s    *sink
	path string
	mt   string
	buf  bytes.Buffer
}

func (f *file) Write(b []byte) (int, error) { return f.buf.Write(b) }

func (f *file) Close() error {
	w, err := f.s.next.Create(f.path)
	if err != nil {
		return err
	}
	if err = minifier.Minify(f.mt, w, &f.buf); err != nil {
		err = fmt.Errorf("minifying %s: %w", f.path, err)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}
