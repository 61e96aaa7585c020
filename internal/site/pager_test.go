package site

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinks(t *testing.T) {
	url := func(n int) string { return fmt.Sprint(n) }
	show := func(cur, total int) string {
		var parts []string
		for _, l := range pagerLinks(cur, total, url) {
			switch {
			case l.Gap:
				parts = append(parts, "…")
			case l.Current:
				parts = append(parts, "["+l.URL+"]")
			default:
				parts = append(parts, l.URL)
			}
		}
		return strings.Join(parts, " ")
	}
	tests := []struct {
		cur, total int
		want       string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1] 2 3"},
		{1, 100, "[1] 2 3 … 100"},
		{50, 100, "1 … 48 49 [50] 51 52 … 100"},
		{100, 100, "1 … 98 99 [100]"},
		{4, 7, "1 2 3 [4] 5 6 7"},
		{5, 9, "1 … 3 4 [5] 6 7 … 9"},
	}
	for _, tt := range tests {
		if got := show(tt.cur, tt.total); got != tt.want {
			t.Errorf("page %d of %d: %s, want %s", tt.cur, tt.total, got, tt.want)
		}
	}
}
