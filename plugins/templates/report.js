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
  // Rows of the index and claim sections come in chunks (blocks the browser skips while off
  // screen); a chunk whose claims are all filtered out is hidden as a whole.
  var chunks = document.querySelectorAll("#cc-claims .cc-chunk");
  var articles = [], rows = [], articleChunk = [], rowChunk = [];
  for (var k = 0; k < chunks.length; k++) {
    var inside = chunks[k].querySelectorAll("article.cc-claim, tbody tr");
    for (var j = 0; j < inside.length; j++) {
      if (inside[j].tagName === "ARTICLE") { articles.push(inside[j]); articleChunk.push(k); }
      else { rows.push(inside[j]); rowChunk.push(k); }
    }
  }
  var n = articles.length;
  var items = new Array(n);
  for (var i = 0; i < n; i++) {
    var a = articles[i];
    items[i] = {
      article: a,
      articleChunk: articleChunk[i],
      row: rows[i] || null,
      rowChunk: i < rowChunk.length ? rowChunk[i] : -1,
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
    var perChunk = new Array(chunks.length);
    for (var k = 0; k < chunks.length; k++) { perChunk[k] = 0; }
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
      if (ok) {
        shown++;
        perChunk[item.articleChunk]++;
        if (item.rowChunk >= 0) { perChunk[item.rowChunk]++; }
      }
    }
    for (var c = 0; c < chunks.length; c++) {
      var nothing = perChunk[c] === 0;
      if (chunks[c].hidden !== nothing) { chunks[c].hidden = nothing; }
    }
    count.value = "Showing " + shown + " of " + n + " claim" + (n === 1 ? "" : "s");
    empty.hidden = shown !== 0 || n === 0;
  }

  function reveal() {
    // Following a link to a claim that a filter hides: clear the filters so it shows.
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; } // a malformed link
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
    if (next < n) { setTimeout(warm, 0); } else { controls.setAttribute("data-ready", ""); }
  }
  setTimeout(warm, 0);
})();
