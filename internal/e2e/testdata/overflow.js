// Evaluated by layout_test.go and harness_test.go: measures horizontal overflow of the page for a
// viewport of the given width, and names the elements and text that stick out of it.
(width) => {
  const de = document.documentElement;
  // Positions are in document coordinates (the rectangle plus the scroll offset), so that they hold
  // also when a mobile browser has zoomed out to show an overflowing page, and when a right-to-left
  // page overflows to the left (its scrollX is then negative). The visible area is 0…limit.
  const limit = Math.min(width, de.clientWidth);
  const sx = window.scrollX;
  const selector = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.localName;
      if (e.id) s += "#" + e.id;
      for (const c of e.classList) s += "." + c;
      parts.unshift(s);
      if (e.id || e === document.body) break;
    }
    return parts.join(" > ");
  };
  const out = [];
  const seen = new Set();
  const add = (el, what, r) => {
    const sel = selector(el) + what;
    if (seen.has(sel)) return;
    seen.add(sel);
    out.push({selector: sel, left: Math.round(r.left + sx), right: Math.round(r.right + sx), width: Math.round(r.width)});
  };
  const outside = (r) => r.width > 0 && r.height > 0 && (r.right + sx > limit + 0.5 || r.left + sx < -0.5);
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (!outside(r)) continue;
    // Report the outermost element that sticks out; its descendants go with it.
    const p = el.parentElement;
    if (p && p !== document.body && outside(p.getBoundingClientRect())) continue;
    add(el, "", r);
  }
  // Text that overflows a box that itself fits (a long unbreakable word, a URL).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (outside(r) && !outside(n.parentElement.getBoundingClientRect())) {
        add(n.parentElement, " (text: " + JSON.stringify(n.textContent.trim().slice(0, 40)) + ")", r);
        break;
      }
    }
  }
  return {scrollX: sx, scrollWidth: de.scrollWidth, innerWidth: window.innerWidth, clientWidth: de.clientWidth, offenders: out.slice(0, 20)};
}
