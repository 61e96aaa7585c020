package locale

import (
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	fa := mustLocale(t, "fa", Persian)
	en := mustLocale(t, "en", Gregorian)
	cases := []struct {
		bp     int
		fa, en string
	}{
		{10000, "۱۰۰٪", "100%"},
		{9999, "۹۹٫۹۹٪", "99.99%"},
		{9995, "۹۹٫۹۵٪", "99.95%"},
		{9990, "۹۹٫۹۰٪", "99.90%"},
		{9901, "۹۹٫۰۱٪", "99.01%"},
		{5000, "۵۰٫۰۰٪", "50.00%"},
		{1, "۰٫۰۱٪", "0.01%"},
		{0, "۰٪", "0%"},
	}
	for _, c := range cases {
		if got := fa.Percent(c.bp); got != c.fa {
			t.Errorf("fa Percent(%d) = %q, want %q", c.bp, got, c.fa)
		}
		if got := en.Percent(c.bp); got != c.en {
			t.Errorf("en Percent(%d) = %q, want %q", c.bp, got, c.en)
		}
	}
}

func mustLocale(t *testing.T, tag string, cal Calendar) *Locale {
	t.Helper()
	n := Names{Day: "d", Hour: "h", Minute: "m"}
	for i := range n.PersianMonths {
		n.PersianMonths[i], n.GregorianMonths[i] = "m", "m"
	}
	for i := range n.Weekdays {
		n.Weekdays[i] = "w"
	}
	l, err := New(tag, cal, time.UTC, n)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
