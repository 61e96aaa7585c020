package search

import "testing"

func TestWithoutDestinations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"at [19:52 PST](at:2023-11-07T19:52) then", "at [19:52 PST  then"},
		{"![alt](img/a (1).png) x", "![alt  x"},
		{"see <https://e.org/a> now", "see  now"},
		{"[a](b\nc)", "[a \nc)"},
		{"unclosed ](x", "unclosed  "},
	}
	for _, tt := range tests {
		if got := withoutDestinations(tt.in); got != tt.want {
			t.Errorf("withoutDestinations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
