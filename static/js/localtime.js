// Progressive enhancement: beside each timeline and inline time, show the same instant in the reader's
// own zone, in the page's digits, when it differs from the time the page already shows. Pages are
// complete without it.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var label = document.body.getAttribute("data-local-label") || "";
  var fmt;
  try {
    fmt = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  } catch (e) { return; }
  var zero = (0).toLocaleString(lang);
  function native(s) {
    if (zero === "0" || zero.length !== 1) return s;
    var base = zero.charCodeAt(0);
    return s.replace(/[0-9]/g, function (d) { return String.fromCharCode(base + (d.charCodeAt(0) - 48)); });
  }
  var times = document.querySelectorAll(".entry .when > time[datetime], time.inline-time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var t = times[i];
    var d = new Date(t.getAttribute("datetime"));
    if (isNaN(d.getTime())) continue;
    var local = native(fmt.format(d).replace(/[\u200e\u200f]/g, ""));
    if (t.textContent.indexOf(local) >= 0) continue; // the reader is in the page's zone already
    var span = document.createElement("span");
    span.className = "local-time";
    var b = document.createElement("bdi");
    b.textContent = local + (label ? " " + label : "");
    span.appendChild(document.createTextNode(" ("));
    span.appendChild(b);
    span.appendChild(document.createTextNode(")"));
    var after = t;
    if (t.nextElementSibling && t.nextElementSibling.classList.contains("source")) after = t.nextElementSibling;
    after.insertAdjacentElement("afterend", span);
  }
})();
