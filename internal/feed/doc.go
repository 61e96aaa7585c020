// Package feed writes a site's machine-readable outputs: RSS 2.0 and Atom 1.0 feeds, the XML
// sitemap, robots.txt, and the incidents.json list of a language's incidents. It receives plain
// values and writes bytes; it knows nothing of articles, templates or the build.
//
// Every output is byte-for-byte deterministic: lists are written in the order the caller gives them
// (the caller sorts), no map is ranged over, and no time is read from the clock — the dates written
// are the caller's, converted to UTC. The XML writers stream to the io.Writer through a buffer; they
// never build the document as one string first.
//
// All text is escaped, once per context, in one place (write.go's contexts); nothing is written as
// CDATA. Where RSS readers take an element as HTML (title, description, category), plain text is
// escaped for HTML before it is escaped for XML, so it always reaches the reader as text. Text that XML 1.0 cannot carry is cleaned the
// same way in every output, so a title reads the same in a feed and in incidents.json:
//
//   - control characters U+0000–U+001F other than tab, line feed and carriage return, and the
//     noncharacters U+FFFE and U+FFFF, are dropped;
//   - each byte that is not part of valid UTF-8 becomes U+FFFD, as ranging over the string reports it;
//   - a carriage return is written as &#xD; so that it survives XML's line-end normalization, and in
//     attribute values tab and line feed are written as character references too.
//
// Input is checked before the first byte is written, so an error leaves w untouched: links must be
// absolute ("scheme://host…"), ids must be IRIs (have a scheme), language tags must be well-formed
// BCP 47 ("fa", "en-US", "x-default"), ids must be unique, every item needs a date, and dates must
// fall in the years 0000–9999 that RFC 3339 and RFC 822 can write. After that, the only errors are
// the writer's.
//
// Date formats:
//
//	RSS      pubDate, lastBuildDate   RFC 1123 with numeric zone, in UTC: Wed, 08 Nov 2023 15:46:00 +0000
//	Atom     published, updated       RFC 3339 in UTC:                     2023-11-08T15:46:00Z
//	sitemap  lastmod                  W3C datetime in UTC:                 2023-11-08T15:46:00Z
//	JSON     every time               RFC 3339 in UTC:                     2023-11-08T15:46:00Z
//
// Fractions of a second are truncated. The shape of incidents.json is documented in
// docs/incidents-json.md.
package feed
