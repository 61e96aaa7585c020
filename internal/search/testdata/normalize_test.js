// Checks static/js/search.js against the Go package (run by TestJavaScript in js_test.go):
//
//   node normalize_test.js SEARCH_JS TESTDATA_DIR [GO_RESULTS_JSON]
//
// - normalize() gives the "out" of every vector in TESTDATA_DIR/normalize.json;
// - search() over the golden index TESTDATA_DIR/index.golden.json returns, for each query of
//   TESTDATA_DIR/queries.json, exactly the URLs listed, in that order;
// - with GO_RESULTS_JSON (written by the Go test): normalize() and tokenize() give what Go's
//   Normalize and Tokens gave for each string, and normalize() of every single code point that
//   Go's Unicode tables assign gives what Go gave.
"use strict";
const fs = require("fs");
const path = require("path");

const [searchJS, dir, goResults] = process.argv.slice(2);
const api = require(path.resolve(searchJS));
let passed = 0, failed = 0;
const fail = (msg) => { failed++; if (failed <= 50) console.log("FAIL " + msg); };
const check = (ok, msg) => (ok ? passed++ : fail(msg()));
const q = (s) => JSON.stringify(s);
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));

for (const v of read(path.join(dir, "normalize.json"))) {
  const got = api.normalize(v.in);
  check(got === v.out, () => `${v.note}: normalize(${q(v.in)}) = ${q(got)}, want ${q(v.out)}`);
}

const ix = api.load(read(path.join(dir, "index.golden.json")));
check(ix !== null, () => "load(index.golden.json) = null");
for (const c of read(path.join(dir, "queries.json"))) {
  const got = ix ? api.search(ix, c.q).map((r) => r.url) : [];
  check(q(got) === q(c.want), () => `${c.note}: search(${q(c.q)}) = ${q(got)}, want ${q(c.want)}`);
}
check(api.search(api.load({ v: 2, docs: [] }), "x").length === 0, () => "an index of another version is not ignored");
check(api.load(null) === null, () => "load(null) is not null");
const first = ix && api.search(ix, "كندي")[0];
check(first && first.title === "کندی پاسخ‌ها در سرویس Sora" && first.date === "۲ مهر ۱۴۰۲" &&
  first.summary.startsWith("در این مدت"), () => `result fields: ${q(first)}`);

if (goResults) {
  const g = read(goResults);
  for (const c of g.strings) {
    const n = api.normalize(c.in), t = api.tokenize(c.in);
    check(n === c.norm, () => `normalize(${q(c.in)}) = ${q(n)}, Go ${q(c.norm)}`);
    check(q(t) === q(c.tokens), () => `tokenize(${q(c.in)}) = ${q(t)}, Go ${q(c.tokens)}`);
  }
  const changed = new Map(g.changed);
  let cps = 0, bad = 0;
  for (const [lo, hi] of g.ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp), got = api.normalize(ch);
      const want = changed.has(cp) ? changed.get(cp) : ch;
      cps++;
      if (got !== want) {
        bad++;
        fail(`normalize(U+${cp.toString(16).toUpperCase().padStart(4, "0")} ${q(ch)}) = ${q(got)}, Go ${q(want)}`);
      }
    }
  }
  if (!bad) passed++;
  console.log(`${cps} code points compared, ${bad} differ`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
