// Client-side search: as the reader types into a form.search, look the words up in the index the
// build wrote for the page's language (the form's data-index, fetched once, on first use) and list
// the articles that contain all of them in ol.search-results: the first 20, then a button shows
// the rest. No server, no dependencies; the page works without it (the form then goes to the
// search page, which needs this script too).
//
// normalize() and tokenize() are exact mirrors of Normalize and Tokens in internal/search (Go),
// which built the index; the Go tests run this file under Node to check that they agree. The
// index format and the matching rules are described in docs/search.md.
(function () {
  "use strict";

  // Keep these (and JOIN_SUFFIX, JOIN_PREFIX) in step with internal/search/normalize.go.
  var MAX_TERM_RUNES = 32;
  var LATIN_FOLD = "àaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoùuúuûuüuýyÿyāaăaąaćcĉcċcčcďdēeĕeėeęeěeĝgğgġgģgĥhĩiīiĭiįiĵjķkĺlļlľlńnņnňnōoŏoőoŕrŗrřrśsŝsşsšsţtťtũuūuŭuůuűuųuŵwŷyźzżzžzơoưuǎaǐiǒoǔuǖuǘuǚuǜuǟaǡaǧgǩkǫoǭoǰjǵgǹnǻaȁaȃaȅeȇeȉiȋiȍoȏoȑrȓrȕuȗușsțtȟhȧaȩeȫoȭoȯoȱoȳyḁaḃbḅbḇbḉcḋdḍdḏdḑdḓdḕeḗeḙeḛeḝeḟfḡgḣhḥhḧhḩhḫhḭiḯiḱkḳkḵkḷlḹlḻlḽlḿmṁmṃmṅnṇnṉnṋnṍoṏoṑoṓoṕpṗpṙrṛrṝrṟrṡsṣsṥsṧsṩsṫtṭtṯtṱtṳuṵuṷuṹuṻuṽvṿvẁwẃwẅwẇwẉwẋxẍxẏyẑzẓzẕzẖhẗtẘwẙyạaảaấaầaẩaẫaậaắaằaẳaẵaặaẹeẻeẽeếeềeểeễeệeỉiịiọoỏoốoồoổoỗoộoớoờoởoỡoợoụuủuứuừuửuữuựuỳyỵyỷyỹy";
  var ARABIC_FOLD = "يیىیئیكکڪکةهۀهەهہهۂهأاإاآاٱاٲاٳاؤوςσ";

  var FOLD = new Map();
  [LATIN_FOLD, ARABIC_FOLD].forEach(function (pairs) {
    var a = Array.from(pairs);
    for (var i = 0; i + 1 < a.length; i += 2) FOLD.set(a[i], a[i + 1]);
  });
  for (var d = 0; d < 10; d++) {
    FOLD.set(String.fromCharCode(0x06f0 + d), String(d)); // Persian digits
    FOLD.set(String.fromCharCode(0x0660 + d), String(d)); // Arabic-Indic digits
  }

  // Letters, marks and numbers are word characters. Unicode property escapes are newer than
  // ES2017; where they are missing, everything but ASCII punctuation, spaces and the common
  // punctuation blocks counts as a word character.
  var WORD;
  try {
    WORD = new RegExp("^[\\p{L}\\p{M}\\p{N}]$", "u");
  } catch (e) {
    WORD = /^(?![\0-\/:-@\[-`{-\xbf\xd7\xf7\u2000-\u206f\u3000-\u303f\u060c\u061b\u061f\u066a-\u066d\u06d4])[\s\S]+$/;
  }

  function dropped(c) {
    return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640 ||
      (c >= 0x0300 && c <= 0x036f) ||
      (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) ||
      c === 0x00ad || c === 0x061c || c === 0xfeff;
  }

  var memo = new Map();
  // mapChar returns what one code point becomes: "" (dropped), " " (separator) or a character.
  function mapChar(ch) {
    var m = memo.get(ch);
    if (m !== undefined) return m;
    var lc = String.fromCodePoint(ch.toLowerCase().codePointAt(0)); // simple case mapping: İ → i
    var f = FOLD.get(lc);
    if (f !== undefined) lc = f;
    if (dropped(lc.codePointAt(0))) m = "";
    else m = WORD.test(lc) ? lc : " ";
    if (memo.size < 4096) memo.set(ch, m);
    return m;
  }

  // A space typed where Persian writes a ZWNJ: JOIN_SUFFIX words join the word before them when it
  // ends in an Arabic-script letter, JOIN_PREFIX words the word after them when it starts with one
  // (joinSuffix and joinPrefix in normalize.go).
  var JOIN_SUFFIX = new Set(["ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ترین", "ای", "اند", "ایم", "اید"]);
  var JOIN_PREFIX = new Set(["می", "نمی"]);
  function arabicScript(c) { return c >= 0x0600 && c <= 0x06ff; }
  function joins(a, b) {
    // The last character of a is one UTF-16 unit if it is Arabic: a low surrogate is not.
    return (JOIN_SUFFIX.has(b) && arabicScript(a.charCodeAt(a.length - 1))) ||
      (JOIN_PREFIX.has(a) && arabicScript(b.charCodeAt(0)));
  }

  // normalize folds writing variants exactly as search.Normalize does.
  function normalize(s) {
    var words = [], w = "";
    for (var ch of String(s == null ? "" : s)) {
      var m = mapChar(ch);
      if (m === "") continue;
      if (m === " ") { if (w) { words.push(w); w = ""; } continue; }
      w += m;
    }
    if (w) words.push(w);
    var out = [];
    for (var i = 0; i < words.length; i++) {
      var n = out.length;
      if (n && joins(out[n - 1], words[i])) out[n - 1] += words[i];
      else out.push(words[i]);
    }
    return out.join(" ");
  }

  // tokenize returns the distinct terms of s as search.Tokens does: runs of at least two
  // characters, or a single digit, cut to MAX_TERM_RUNES characters.
  function tokenize(s) {
    var out = [], seen = new Set(), words = normalize(s).split(" ");
    for (var i = 0; i < words.length; i++) {
      var w = Array.from(words[i]);
      if (w.length < 2 && !(w.length === 1 && w[0] >= "0" && w[0] <= "9")) continue;
      var t = w.length > MAX_TERM_RUNES ? w.slice(0, MAX_TERM_RUNES).join("") : words[i];
      if (!seen.has(t)) { seen.add(t); out.push(t); }
    }
    return out;
  }

  // load turns the parsed JSON index into a searchable object, or returns null.
  function load(json) {
    if (!json || json.v !== 1 || !Array.isArray(json.docs)) return null;
    var terms = json.terms ? String(json.terms).split(" ") : [];
    var postings = json.postings ? String(json.postings).split(" ") : [];
    if (terms.length !== postings.length) return null;
    return { prefix: String(json.prefix || ""), docs: json.docs, terms: terms, postings: postings,
      decoded: new Array(terms.length), titles: new Array(json.docs.length) };
  }

  // docsOf decodes (once) the posting list of term k: delta-encoded variable-length numbers,
  // continuation digits '#'..'?' (base 29, least significant first) and a final digit '@'..'~'
  // without '\' (62 values).
  function docsOf(ix, k) {
    var out = ix.decoded[k];
    if (out) return out;
    out = [];
    var s = ix.postings[k], doc = -1, v = 0, m = 1;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x40) { v += (c - 0x23) * m; m *= 29; continue; }
      v += (c - (c > 0x5c ? 0x41 : 0x40)) * m;
      doc += v + 1;
      out.push(doc);
      v = 0; m = 1;
    }
    ix.decoded[k] = out;
    return out;
  }

  // lowerBound returns the first index of a sorted array whose element is >= s.
  function lowerBound(a, s) {
    var lo = 0, hi = a.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (a[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // titleOf returns the normalized title of doc d with a space before it, so that " " + term is
  // found in it where a word of the title starts with term.
  function titleOf(ix, d) {
    var t = ix.titles[d];
    if (t === undefined) t = ix.titles[d] = " " + normalize(ix.docs[d][1]);
    return t;
  }

  // search returns the docs of ix that contain every term of query, each as a prefix of one of
  // their terms, ranked by how many query terms start a word of the title, then in index order.
  function search(ix, query) {
    if (!ix) return [];
    var toks = tokenize(query).slice(0, 64);
    if (!toks.length) return [];
    var n = ix.docs.length, hits = new Uint8Array(n), i, d;
    for (i = 0; i < toks.length; i++) {
      var t = toks[i], found = false;
      for (var k = lowerBound(ix.terms, t); k < ix.terms.length && ix.terms[k].startsWith(t); k++) {
        var p = docsOf(ix, k);
        for (var j = 0; j < p.length; j++) {
          if (hits[p[j]] === i) { hits[p[j]] = i + 1; found = true; }
        }
      }
      if (!found) return [];
    }
    var res = [];
    for (d = 0; d < n; d++) {
      if (hits[d] !== toks.length) continue;
      var title = titleOf(ix, d), score = 0;
      for (i = 0; i < toks.length; i++) {
        if (title.indexOf(" " + toks[i]) >= 0) score++;
      }
      res.push({ i: d, score: score });
    }
    res.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return res.map(function (r) {
      var doc = ix.docs[r.i];
      return { url: ix.prefix + doc[0], title: doc[1], date: doc[2], summary: doc[3] };
    });
  }

  var api = { normalize: normalize, tokenize: tokenize, load: load, search: search };
  if (typeof module === "object" && module && module.exports) module.exports = api;
  if (typeof window === "undefined" || typeof document === "undefined") return;
  window.rokhdadSearch = api;

  // ---- the page ----

  var indexes = {};
  function fetchIndex(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(load)
        .catch(function () { return null; });
    }
    return indexes[url];
  }

  // FIRST is how many results are shown at once; the "more" button after them shows the rest.
  var FIRST = 20;

  // item makes one result: the title (a link), the date and the summary, each isolated from the
  // others in the page's direction, so that digits of the date never join a Latin title.
  function item(r, dir) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    if (!/^\s*(javascript|data|vbscript):/i.test(r.url)) a.setAttribute("href", r.url);
    var title = document.createElement("bdi");
    title.dir = dir;
    title.textContent = r.title;
    a.appendChild(title);
    li.appendChild(a);
    if (r.date) {
      li.appendChild(document.createTextNode(" "));
      var time = document.createElement("time");
      time.className = "search-date";
      time.dir = dir;
      time.textContent = r.date;
      li.appendChild(time);
    }
    if (r.summary) {
      var p = document.createElement("p");
      p.dir = dir;
      p.textContent = r.summary;
      li.appendChild(p);
    }
    return li;
  }

  function fill(list, results, from, to, dir) {
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) frag.appendChild(item(results[i], dir));
    list.appendChild(frag);
  }

  function render(form, list, status, ix, q) {
    var lang = document.documentElement.lang || undefined;
    var dir = document.documentElement.dir || "auto";
    var results = tokenize(q).length ? search(ix, q) : null;
    while (list.firstChild) list.removeChild(list.firstChild);
    var n = results ? results.length : 0;
    // data-first sets how many show at first; data-limit is its former name (it used to cut the list).
    var first = Math.min(n, parseInt(form.getAttribute("data-first") || form.getAttribute("data-limit"), 10) || FIRST);
    fill(list, results || [], 0, first, dir);
    list.hidden = n === 0;
    more(form, list, results || [], first, lang, dir);
    if (!status) return;
    var msg = "";
    if (results) {
      var count = n.toLocaleString(lang);
      if (n === 0) msg = form.getAttribute("data-msg-none") || count;
      else msg = (n === 1 && form.getAttribute("data-msg-one")) || form.getAttribute("data-msg-count") || "{n}";
      msg = msg.replace("{n}", count);
    }
    status.textContent = msg;
  }

  // more shows, after the first results, a button that shows the rest; it is removed when there is
  // no rest. The button's label comes from the form's data-msg-more ("{n} more").
  function more(form, list, results, shown, lang, dir) {
    var next = list.nextElementSibling, button = next && next.classList.contains("search-more") ? next : null;
    var rest = results.length - shown;
    if (rest <= 0) {
      if (button) button.parentNode.removeChild(button);
      return;
    }
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "search-more";
      list.parentNode.insertBefore(button, list.nextSibling);
    }
    button.textContent = (form.getAttribute("data-msg-more") || "+{n}").replace("{n}", rest.toLocaleString(lang));
    button.onclick = function () {
      fill(list, results, shown, results.length, dir);
      button.parentNode.removeChild(button);
      // Take the reader to the first result they had not seen.
      var link = list.children[shown] && list.children[shown].querySelector("a");
      if (link) link.focus();
    };
  }

  function setup(form, list, status) {
    var input = form.querySelector('input[name="q"]') || form.querySelector('input[type="search"]');
    var url = form.getAttribute("data-index");
    if (!input || !url) return;
    var timer = 0, seq = 0;
    function run() {
      var q = input.value, my = ++seq;
      fetchIndex(url).then(function (ix) {
        if (my === seq) render(form, list, status, ix, q);
      });
    }
    input.addEventListener("focus", function () { fetchIndex(url); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 100);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
      try {
        var u = new URL(location.href), name = input.name || "q";
        if (input.value) u.searchParams.set(name, input.value); else u.searchParams.delete(name);
        history.replaceState(history.state, "", u.href);
      } catch (err) { /* history not available (e.g. a file: page in some browsers) */ }
    });
    var q0 = new URLSearchParams(location.search).get(input.name || "q");
    if (q0) {
      input.value = q0;
      run();
    }
  }

  function init() {
    var list = document.querySelector("ol.search-results");
    if (!list) return; // nowhere to show results: forms submit to the search page as usual
    var status = document.querySelector(".search-status");
    var forms = document.querySelectorAll("form.search[data-index]");
    for (var i = 0; i < forms.length; i++) setup(forms[i], list, status);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
