package locale

import "golang.org/x/text/number"

// Percent returns bp hundredths of a percent (9995 is 99.95%) in the locale's digits, decimal
// separator and percent sign, per CLDR: "۹۹٫۹۵٪" for "fa", "99.95%" for "en". Two decimals are
// always shown ("99.90%"), except for whole 100% and 0%, which are "100%" and "0%". The caller
// rounds (see package uptime, which rounds down).
func (l *Locale) Percent(bp int) string {
	if bp%10000 == 0 {
		return l.printer.Sprint(number.Percent(bp/10000, number.Scale(0)))
	}
	// bp/10000 is not exact in binary, but the nearest hundredth of a percent of it is bp.
	return l.printer.Sprint(number.Percent(float64(bp)/10000, number.Scale(2)))
}
