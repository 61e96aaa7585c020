package statuspage

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	data, err := os.ReadFile("testdata/incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	p, ins, err := Read("incidents.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Example AI" || p.Zone.String() != "America/Los_Angeles" || p.URL != "https://status.example-ai.test" {
		t.Errorf("page = %+v", p)
	}
	if len(ins) != 3 {
		t.Fatalf("%d incidents, want 3", len(ins))
	}
	up, out, mnt := ins[0], ins[1], ins[2]

	// The ongoing incident: components from the incident, updates oldest first.
	if up.Status != "monitoring" || up.Impact != "minor" || !up.Resolved.IsZero() || up.IsMaintenance() {
		t.Errorf("ongoing incident = %+v", up)
	}
	if strings.Join(up.Components, "|") != "File uploads" {
		t.Errorf("components = %q", up.Components)
	}
	if len(up.Updates) != 2 || up.Updates[0].ID != "k0v8c2xz5pwe" || up.Updates[1].ID != "9n2m4hb7t1ds" {
		t.Fatalf("updates = %+v", up.Updates)
	}
	first := up.Updates[0]
	if first.AtText != "2023-11-08T08:41:10-08:00" || first.Status != "investigating" {
		t.Errorf("first update at %s, status %s", first.AtText, first.Status)
	}
	if want := "We are investigating slow or failing file uploads.\n\nSee [the upload guide](https://help.example-ai.test/uploads) for limits."; first.Body != want {
		t.Errorf("body = %q, want %q", first.Body, want)
	}
	if want := "A fix has been rolled out. Uploads up to 512 MB are working again; we are watching error rates."; up.Updates[1].Body != want {
		t.Errorf("body = %q, want %q", up.Updates[1].Body, want)
	}

	// The resolved one: postmortem reads as resolved; five updates in order.
	if out.Status != "resolved" || out.RawStatus != "postmortem" || out.Impact != "major" {
		t.Errorf("resolved incident: status %s (%s), impact %s", out.Status, out.RawStatus, out.Impact)
	}
	if got := out.Resolved.UTC().Format(time.RFC3339); got != "2023-11-08T15:46:51Z" {
		t.Errorf("resolved at %s", got)
	}
	var ids, sts []string
	for _, u := range out.Updates {
		ids = append(ids, u.ID)
		sts = append(sts, string(u.Status))
	}
	if strings.Join(ids, " ") != "z6x2c9v5b3nm b8s4d1f7g0hj h3q9w2e6u1io m5c1n8r4zt0y p2x7d0v9qgke" {
		t.Errorf("ids = %v", ids)
	}
	if strings.Join(sts, " ") != "investigating identified monitoring resolved resolved" {
		t.Errorf("statuses = %v", sts)
	}
	if strings.Join(out.Components, "|") != "ChatGPT|API" {
		t.Errorf("components = %q", out.Components)
	}

	// The maintenance window: read, marked, with its -07:00 (daylight time in early November).
	if !mnt.IsMaintenance() || len(mnt.Updates) != 0 || mnt.Created.Format(time.RFC3339) != "2023-11-01T10:00:00-07:00" ||
		mnt.StartsText != "2023-11-04T22:00:00-07:00" || mnt.EndsText != "2023-11-04T23:00:00-07:00" || mnt.Ends.Sub(mnt.Starts) != time.Hour {
		t.Errorf("maintenance = %+v", mnt)
	}
	// A maintenance's updates have a window's statuses: verifying is in progress.
	_, ins2, err := Read("m.json", []byte(page("UTC", incident(`"status": "verifying", "scheduled_for": "2023-11-10T22:00:00Z", "scheduled_until": "2023-11-11T02:00:00Z"`,
		update("u1", "in_progress", "2023-11-10T22:00:00Z", "a")+","+update("u2", "verifying", "2023-11-11T01:00:00Z", "b")))))
	if err != nil || len(ins2) != 1 || len(ins2[0].Updates) != 2 || ins2[0].Updates[0].Window != "in_progress" || ins2[0].Updates[1].Window != "in_progress" || ins2[0].Updates[1].Status != "" {
		t.Errorf("maintenance updates: %+v, %v", ins2, err)
	}
}

// page wraps incidents in a page of zone for the table tests.
func page(zone, incidents string) string {
	return `{"page": {"id": "p", "name": "P", "url": "https://status.p.test", "time_zone": "` + zone + `"}, "incidents": [` + incidents + `]}`
}

func incident(fields, updates string) string {
	s := `{"id": "i1", "name": "Outage", "status": "resolved", "impact": "major", "created_at": "2023-11-08T03:52:14.000Z"`
	if fields != "" {
		s += ", " + fields
	}
	return s + `, "incident_updates": [` + updates + `]}`
}

func update(id, status, at, body string) string {
	return `{"id": "` + id + `", "status": "` + status + `", "body": "` + body + `", "created_at": "` + at + `", "display_at": "` + at + `"}`
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"not JSON", `{"page": `, "x.json:1:10: not valid JSON: the JSON ends early"},
		{"syntax", "{\n  \"page\": {,\n}", "x.json:2:12: not valid JSON: invalid character ','"},
		{"wrong type", `{"page": {"time_zone": 5}, "incidents": []}`, "page.time_zone is a JSON number, not a string"},
		{"empty", ``, "x.json: empty: no JSON"},
		{"an array", `[]`, "x.json:1:2: not valid JSON: the document is a JSON array, not an object"},
		{"no page", `{"incidents": []}`, `no "page"`},
		{"no incidents", `{"page": {"time_zone": "UTC"}}`, `no "incidents"`},
		{"no zone", page("", ""), `the page has no "time_zone"`},
		{"unknown zone", page("America/Los_Angles", ""), `the page's time_zone: `},
		{"refused zone", page("EST", ""), `EST`},
		{"no id", page("UTC", `{"name": "x", "created_at": "2023-11-07T19:52:14Z"}`), `an incident ("x") has no id`},
		{"no name", page("UTC", `{"id": "a", "created_at": "2023-11-07T19:52:14Z"}`), `incident "a" has no name`},
		{"bad impact", page("UTC", incident(`"impact": "huge"`, "")), `impact "huge" is none of`},
		{"bad status", page("UTC", incident(`"status": "fixed"`, "")), `status "fixed" is none of`},
		{"twice", page("UTC", incident("", "")+","+incident("", "")), `incident "i1" is listed twice`},
		{"wrong offset", page("America/Los_Angeles", incident("", update("u1", "investigating", "2023-11-07T19:52:14.000-07:00", "x"))),
			`update "u1": "2023-11-07T19:52:14.000-07:00" has the offset -07:00, but the page's time_zone America/Los_Angeles was at -08:00 at that instant`},
		{"offset of another zone", page("Asia/Tehran", incident(`"created_at": "2023-11-08T07:22:14+04:30"`, "")),
			`created_at: `},
		{"no offset", page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:52:14", "x"))), `has no UTC offset`},
		{"bad time", page("UTC", incident("", update("u1", "investigating", "2023-11-31T19:52:14Z", "x"))), `update "u1": `},
		{"update without id", page("UTC", incident("", update("", "investigating", "2023-11-07T19:52:14Z", "x"))), `has no id, so a later import`},
		{"two updates, one id", page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:52:14Z", "a")+","+update("u1", "resolved", "2023-11-07T20:52:14Z", "b"))),
			`two different updates have the id "u1"`},
		{"bad update status", page("UTC", incident("", update("u1", "fixing", "2023-11-07T19:52:14Z", "x"))), `status "fixing" is none of`},
		{"no date at all", page("UTC", `{"id": "a", "name": "b", "status": "investigating"}`), `has neither a created_at nor an update`},
		{"two values", page("UTC", "") + " {}", "more than one JSON value"},
		{"window offset not the zone's", page("America/Los_Angeles", incident(`"status": "scheduled", "scheduled_for": "2023-11-10T22:00:00-07:00", "scheduled_until": "2023-11-11T02:00:00-08:00"`, "")),
			`scheduled_for: "2023-11-10T22:00:00-07:00" has the offset -07:00, but the page's time_zone America/Los_Angeles was at -08:00`},
		{"window backwards", page("UTC", incident(`"status": "scheduled", "scheduled_for": "2023-11-10T22:00:00Z", "scheduled_until": "2023-11-10T21:00:00Z"`, "")),
			`scheduled_until 2023-11-10T21:00:00Z is not after scheduled_for 2023-11-10T22:00:00Z`},
	}
	for _, tt := range tests {
		_, _, err := Read("x.json", []byte(tt.json))
		if err == nil {
			t.Errorf("%s: no error, want %q", tt.name, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestReadCases(t *testing.T) {
	long := strings.Repeat("word ", 20000)
	tests := []struct {
		name, json string
		check      func(t *testing.T, in Incident)
	}{
		{"one incident", `{"page": {"time_zone": "UTC"}, "incident": ` + incident("", update("u1", "resolved", "2023-11-07T20:00:00Z", "done")) + `}`,
			func(t *testing.T, in Incident) {
				if in.ID != "i1" || len(in.Updates) != 1 || in.Updates[0].AtText != "2023-11-07T20:00:00Z" {
					t.Errorf("%+v", in)
				}
			}},
		{"no updates", page("UTC", incident("", "")), func(t *testing.T, in Incident) {
			if len(in.Updates) != 0 || in.Latest() != nil || in.Created.IsZero() {
				t.Errorf("%+v", in)
			}
		}},
		{"the same update twice", page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:52:14Z", "a")+","+update("u1", "investigating", "2023-11-07T19:52:14Z", "a"))),
			func(t *testing.T, in Incident) {
				if len(in.Updates) != 1 {
					t.Errorf("%d updates, want 1", len(in.Updates))
				}
			}},
		{"out of order", page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:00:00Z", "a")+","+update("u2", "resolved", "2023-11-07T21:00:00Z", "b")+","+update("u3", "identified", "2023-11-07T20:00:00Z", "c"))),
			func(t *testing.T, in Incident) {
				if in.Updates[0].ID != "u1" || in.Updates[1].ID != "u3" || in.Updates[2].ID != "u2" {
					t.Errorf("order %s %s %s", in.Updates[0].ID, in.Updates[1].ID, in.Updates[2].ID)
				}
			}},
		{"same instant keeps the page's order, reversed", page("UTC", incident("", update("b", "identified", "2023-11-07T19:00:00Z", "second")+","+update("a", "investigating", "2023-11-07T19:00:00Z", "first"))),
			func(t *testing.T, in Incident) {
				if in.Updates[0].ID != "a" {
					t.Errorf("first is %s", in.Updates[0].ID)
				}
			}},
		{"display_at over created_at", page("UTC", incident("", `{"id": "u1", "status": "investigating", "created_at": "2023-11-07T19:58:00Z", "display_at": "2023-11-07T19:52:00Z", "body": "x"}`)),
			func(t *testing.T, in Incident) {
				if in.Updates[0].AtText != "2023-11-07T19:52:00Z" {
					t.Errorf("at %s", in.Updates[0].AtText)
				}
			}},
		{"components from the updates", page("UTC", incident("", `{"id": "u1", "status": "investigating", "created_at": "2023-11-07T19:58:00Z", "body": "x", "affected_components": [{"name": "API"}, {"name": " api "}, {"name": "Web  app"}]}`)),
			func(t *testing.T, in Incident) {
				if strings.Join(in.Components, "|") != "API|Web app" {
					t.Errorf("components %q", in.Components)
				}
			}},
		{"UTC times in a zone with an offset", page("America/Los_Angeles", incident("", update("u1", "investigating", "2023-11-08T03:52:14Z", "x"))),
			func(t *testing.T, in Incident) {
				if in.Updates[0].AtText != "2023-11-08T03:52:14Z" {
					t.Errorf("at %s", in.Updates[0].AtText)
				}
			}},
		{"fractions of a second", page("UTC", incident("", update("u1", "investigating", "2023-11-08T03:52:14.250Z", "x"))),
			func(t *testing.T, in Incident) {
				if in.Updates[0].AtText != "2023-11-08T03:52:14.25Z" {
					t.Errorf("at %s", in.Updates[0].AtText)
				}
			}},
		{"DST: the offset of the day", page("America/Los_Angeles", incident(`"created_at": "2023-11-05T01:30:00-07:00"`, update("u1", "investigating", "2023-11-05T01:30:00-08:00", "x"))),
			func(t *testing.T, in Incident) {
				if d := in.Updates[0].At.Sub(in.Created); d != time.Hour {
					t.Errorf("the two 01:30s are %v apart", d)
				}
			}},
		{"a very long body", page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:52:14Z", long))),
			func(t *testing.T, in Incident) {
				if len(in.Updates[0].Body) != len(strings.TrimSpace(long)) {
					t.Errorf("body of %d bytes", len(in.Updates[0].Body))
				}
			}},
		{"null fields", page("UTC", `{"id": "a", "name": "b", "status": null, "impact": null, "shortlink": null, "resolved_at": null, "components": null, "incident_updates": null, "created_at": "2023-11-07T19:52:14Z"}`),
			func(t *testing.T, in Incident) {
				if in.Status != "" || in.Impact != "" || len(in.Updates) != 0 {
					t.Errorf("%+v", in)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ins, err := Read("x.json", []byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, ins[0])
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"**Update**: we are _still_ investigating.", "**Update**: we are _still_ investigating."},
		{"line one\r\nline two", "line one\nline two"},
		{"para one\n\n\n\npara two\n", "para one\n\npara two"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<p>one</p><p>two</p>", "one\n\ntwo"},
		{`see <a href="https://x.test/a b(c)">the <i>docs</i></a>.`, "see [the docs](https://x.test/a%20b%28c%29)."},
		{`<a href='https://x.test/[x]'>[x]</a>`, `[\[x\]](https://x.test/[x])`},
		{`<a href="javascript:alert(1)">click</a>`, "click"},
		{`<a href="/relative">docs</a>`, "docs"},
		{"AT&amp;T &lt;b&gt; &quot;quoted&quot;", `AT&T \<b> "quoted"`},
		{"<script>alert(1)</script>text", "alert(1)text"},
		{`<a href="https://x.test/?a=1&amp;region=eu&amp;copy=2">the &amp;lt;b&amp;gt; docs</a>`, `[the &lt;b&gt; docs](https://x.test/?a=1&region=eu&copy=2)`},
		{"see https://y.test/?q=1&region=us&copy=2 now", "see https://y.test/?q=1&region=us&copy=2 now"},
		{"R&amp;D &amp;amp; more", "R&D &amp; more"},
		{"if a < b and c > d", "if a < b and c > d"},
		{"x <!-- hidden --> y", "x  y"},
		{"   \n\n  ", ""},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	data, _ := os.ReadFile("testdata/incidents.json")
	f.Add(data)
	f.Add([]byte(page("UTC", incident("", update("u1", "investigating", "2023-11-07T19:52:14Z", "x")))))
	f.Add([]byte(`{"page": {"time_zone": "Asia/Tehran"}, "incident": {"id": "a", "name": "b", "created_at": "2023-03-21T23:30:00+03:30"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ins, err := Read("f.json", data)
		if err != nil {
			if p != nil || ins != nil {
				t.Fatal("an error with a result")
			}
			return
		}
		for _, in := range ins {
			if in.ID == "" || in.Name == "" || in.Created.IsZero() {
				t.Fatalf("incident without id, name or date: %+v", in)
			}
			seen := map[string]bool{}
			for k, u := range in.Updates {
				if u.ID == "" || seen[u.ID] {
					t.Fatalf("update id %q empty or repeated", u.ID)
				}
				seen[u.ID] = true
				if k > 0 && u.At.Before(in.Updates[k-1].At) {
					t.Fatal("updates out of order")
				}
				back, err := time.Parse(time.RFC3339Nano, u.AtText)
				if err != nil || !back.Equal(u.At) {
					t.Fatalf("AtText %q does not read back as %v: %v", u.AtText, u.At, err)
				}
				if _, off := u.At.Zone(); off != 0 {
					if _, zoff := u.At.In(p.Zone).Zone(); zoff != off {
						t.Fatalf("update at %v has an offset the page's zone has not", u.At)
					}
				}
			}
		}
	})
}
