// Package search builds the index for the client-side search of a site's pages, one index per
// language, and defines the text normalization that both the index and the browser script
// (static/js/search.js) apply, so that a query finds an article whatever variant of the writing
// system either was typed in: Arabic ي/ك or Persian ی/ک, with or without ZWNJ, with or without
// diacritics and tatweel, with Persian, Arabic-Indic or ASCII digits, in any letter case.
//
// Nothing here depends on the language: Normalize is the same function for every page, because
// folding Arabic-script variants cannot change English text, and lower-casing and removing Latin
// diacritics does no harm to Persian.
//
// The build calls Write with a language's articles, newest first, and publishes the result next
// to that language's pages; the browser fetches it when the reader first uses the search box and
// searches it locally, so the search works on any static host such as GitHub Pages. The index
// format, the matching rules and how the index grows with the number of articles are described in
// docs/search.md.
package search
