package feed

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// IncidentsVersion is the "version" of the incidents.json format IncidentsJSON writes. It changes
// only when a field is removed or its meaning or type changes; added fields keep the version.
const IncidentsVersion = 1

// Incident is one incident of a language, for the machine-readable list written as
// /<lang>/incidents.json.
type Incident struct {
	ID           string        // stable id: "<section>/<name>", the same in every language
	Title        string        // plain text
	URL          string        // absolute URL of the article
	Status       string        // investigating, identified, monitoring, resolved or ""
	Severity     string        // minor, major, critical or ""
	Services     []string      // nil → []
	Tags         []string      // nil → []
	Published    time.Time     // required
	Start        time.Time     // the first timeline entry; zero → null
	Resolved     time.Time     // zero → null
	Duration     time.Duration // with HasDuration; negative or unresolved → null
	HasDuration  bool
	Translations []Translation // the article in other languages, in the order to write; nil → []
}

// Translation is the same incident in another language.
type Translation struct{ Lang, URL string }

type jsonIncident struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	URL             string            `json:"url"`
	Status          string            `json:"status"`
	Severity        string            `json:"severity"`
	Services        []string          `json:"services"`
	Tags            []string          `json:"tags"`
	Published       string            `json:"published"`
	Start           *string           `json:"start"`
	Resolved        *string           `json:"resolved"`
	DurationSeconds *int64            `json:"duration_seconds"`
	Translations    []jsonTranslation `json:"translations"`
}

type jsonTranslation struct {
	Lang string `json:"lang"`
	URL  string `json:"url"`
}

// IncidentsJSON writes a language's incidents, in the order given, as the JSON document described in
// docs/incidents-json.md:
//
//	{"version":1,"language":"fa","generated":"2023-11-08T18:00:00Z","incidents":[
//	{"id":"incidents/x","title":"…",…},
//	…
//	]}
//
// one incident per line. generated is the caller's (the newest article date, so that the same input
// gives the same bytes); zero writes null. Times are RFC 3339 in UTC with seconds; duration_seconds
// is the Duration truncated to whole seconds, null unless HasDuration is set, the Duration is not
// negative and the incident has a Resolved time. '<', '>' and '&' are escaped as \u003c, \u003e and
// \u0026, so the document can be embedded in HTML; strings are cleaned like the XML outputs' text.
func IncidentsJSON(w io.Writer, lang string, generated time.Time, incidents []Incident) error {
	ck := &checker{format: "incidents.json"}
	ck.lang("language", lang)
	ck.time("generated", generated)
	seen := make(map[string]int, len(incidents))
	for i := range incidents {
		in := &incidents[i]
		ck.at("incident", i, in.ID)
		if in.ID == "" {
			ck.fail("no id")
		}
		if j, dup := seen[in.ID]; dup {
			ck.fail("id is also the id of incident %d; ids must be unique", j+1)
		}
		seen[in.ID] = i
		ck.absURL("url", in.URL)
		switch in.Status {
		case "", "investigating", "identified", "monitoring", "resolved":
		default:
			ck.fail("status %q is not one of investigating, identified, monitoring, resolved", in.Status)
		}
		switch in.Severity {
		case "", "minor", "major", "critical":
		default:
			ck.fail("severity %q is not one of minor, major, critical", in.Severity)
		}
		if in.Published.IsZero() {
			ck.fail("no published time")
		}
		ck.time("published", in.Published)
		ck.time("start", in.Start)
		ck.time("resolved", in.Resolved)
		for _, tr := range in.Translations {
			ck.lang("translation language", tr.Lang)
			ck.absURL("translation url", tr.URL)
		}
		if ck.err != nil {
			return ck.err
		}
	}

	bw := bufio.NewWriterSize(w, bufSize)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	value := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return nil
	}

	bw.WriteString(`{"version":`)
	bw.Write(strconv.AppendInt(bw.AvailableBuffer(), IncidentsVersion, 10))
	bw.WriteString(`,"language":`)
	if err := value(lang); err != nil {
		return err
	}
	bw.WriteString(`,"generated":`)
	if err := value(jsonTime(generated)); err != nil {
		return err
	}
	bw.WriteString(`,"incidents":[`)
	for i := range incidents {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		if err := value(toJSON(&incidents[i])); err != nil {
			return err
		}
	}
	if len(incidents) > 0 {
		bw.WriteByte('\n')
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func toJSON(in *Incident) *jsonIncident {
	j := &jsonIncident{
		ID:           clean(in.ID),
		Title:        clean(in.Title),
		URL:          clean(in.URL),
		Status:       in.Status,
		Severity:     in.Severity,
		Services:     cleanAll(in.Services),
		Tags:         cleanAll(in.Tags),
		Published:    *jsonTime(in.Published),
		Start:        jsonTime(in.Start),
		Resolved:     jsonTime(in.Resolved),
		Translations: make([]jsonTranslation, len(in.Translations)),
	}
	for i, tr := range in.Translations {
		j.Translations[i] = jsonTranslation{Lang: tr.Lang, URL: clean(tr.URL)}
	}
	if in.HasDuration && in.Duration >= 0 && !in.Resolved.IsZero() {
		s := int64(in.Duration / time.Second)
		j.DurationSeconds = &s
	}
	return j
}

// jsonTime returns t in UTC as RFC 3339 with seconds and "Z", or nil for the zero time.
func jsonTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(rfc3339Layout)
	return &s
}

// cleanAll returns the cleaned strings of ss, never nil.
func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}
