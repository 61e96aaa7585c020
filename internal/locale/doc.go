// Package locale is about how a language shows numbers, dates, times and
// durations: native digits, grouped numbers, the Persian (Solar Hijri)
// calendar, and localized dates, clock times and durations. It is the one
// place that knows these rules; templates and renderers ask a [Locale] and
// never format numbers or dates themselves.
//
// Nothing here is specific to one language. A [Locale] is built from a BCP 47
// tag, a [Calendar], a time zone and the [Names] the language uses (from the
// site's i18n files). The digits and number grouping come from CLDR data via
// golang.org/x/text for the tag's base language, so "fa" prints ۱۲۳, "ar"
// prints ١٢٣ and "en" or "de" print 123, with no per-language code.
//
// # Persian calendar
//
// The Persian calendar arithmetic is implemented here rather than imported:
// golang.org/x/text has no calendar API, none of the project's allowed
// dependencies converts Solar Hijri dates, and the arithmetic is small (the
// well-known break-table method of Borkowski, also used by jalaali-js). It is
// tested against an independent oracle (ICU, through Node's Intl API) for
// every day from 1900-01-01 to 2100-12-31 in both directions; see
// testdata/gen_persian_table.js.
package locale
