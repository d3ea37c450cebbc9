(function () {
  "use strict";
  // Search box and status/tag filters. The page is complete without this script: every claim
  // is shown and the controls stay hidden; the script only hides what does not match.
  var controls = document.getElementById("cc-controls");
  if (!controls) { return; }
  var search = document.getElementById("cc-search");
  var status = document.getElementById("cc-status");
  var tag = document.getElementById("cc-tag");
  var count = document.getElementById("cc-count");
  var empty = document.getElementById("cc-empty");
  var articles = document.querySelectorAll("article.cc-claim");
  var rows = document.querySelectorAll("#cc-table tbody tr");
  var n = articles.length;
  var items = new Array(n);
  for (var i = 0; i < n; i++) {
    var a = articles[i];
    items[i] = {
      article: a,
      row: rows[i] || null,
      status: a.getAttribute("data-status"),
      tags: JSON.parse(a.getAttribute("data-tags") || "[]"),
      text: null,
      shown: true
    };
  }

  function text(item) {
    // Everything in the claim's section: id, claim, quote, figure, sources, notes...
    if (item.text === null) { item.text = item.article.textContent.toLowerCase(); }
    return item.text;
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var words = query ? query.split(/\s+/) : [];
    var wantStatus = status.value;
    var wantTag = tag.value;
    var shown = 0;
    for (var i = 0; i < n; i++) {
      var item = items[i];
      var ok = (!wantStatus || item.status === wantStatus) && (!wantTag || item.tags.indexOf(wantTag) >= 0);
      if (ok && words.length) {
        var hay = text(item);
        for (var w = 0; w < words.length; w++) {
          if (hay.indexOf(words[w]) < 0) { ok = false; break; }
        }
      }
      if (ok !== item.shown) {
        // only touch elements whose state changes: cheap even with 10,000 claims
        item.shown = ok;
        item.article.hidden = !ok;
        if (item.row) { item.row.hidden = !ok; }
      }
      if (ok) { shown++; }
    }
    count.value = "Showing " + shown + " of " + n + " claim" + (n === 1 ? "" : "s");
    empty.hidden = shown !== 0 || n === 0;
  }

  function reveal() {
    // Following a link to a claim that a filter hides: clear the filters so it shows.
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.hidden) {
      search.value = ""; status.value = ""; tag.value = "";
      apply();
      target.scrollIntoView();
    }
  }

  search.addEventListener("input", apply);
  status.addEventListener("change", apply);
  tag.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  controls.hidden = false;
  if (search.value || status.value || tag.value) { apply(); } // values kept by "back"

  // Read each claim's text in small batches after load, so the first search answers at once.
  var next = 0;
  function warm() {
    var stop = Math.min(n, next + 500);
    for (; next < stop; next++) { text(items[next]); }
    if (next < n) { setTimeout(warm, 0); }
  }
  setTimeout(warm, 0);
})();
