package i18n

import "testing"

func TestCount(t *testing.T) {
	en, err := Parse("en.toml", "en", []byte("reports_one = \"{n} report\"\nreports_other = \"{n} reports\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	fa, err := Parse("fa.toml", "fa", []byte("reports_one = \"{n} گزارش\"\nreports_other = \"{n} گزارش\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	ru, err := Parse("ru.toml", "ru", []byte("reports_one = \"{n} отчёт\"\nreports_few = \"{n} отчёта\"\nreports_other = \"{n} отчётов\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		c    *Catalog
		n    int
		num  string
		want string
	}{
		{en, 1, "1", "1 report"},
		{en, 0, "0", "0 reports"},
		{en, 3, "3", "3 reports"},
		{en, 21, "21", "21 reports"},
		{fa, 1, "۱", "۱ گزارش"},
		{fa, 3, "۳", "۳ گزارش"},
		{ru, 1, "1", "1 отчёт"},
		{ru, 3, "3", "3 отчёта"},
		{ru, 21, "21", "21 отчёт"},
		{ru, 5, "5", "5 отчётов"}, // "many" is not in the catalog: other
	}
	for _, c := range cases {
		got, err := c.c.Count("reports", c.n, c.num)
		if err != nil || got != c.want {
			t.Errorf("%s Count(reports, %d) = %q, %v; want %q", c.c.Lang, c.n, got, err, c.want)
		}
	}
	if _, err := en.Count("articles", 2, "2"); err == nil {
		t.Error("a missing key is no error")
	}
}
