// Progressive enhancement for the openings list. Without it, facet pages do the filtering.
// With it: the list filters in place, the address keeps the filter (shareable, back button works),
// a live region says how many roles match, and search asks Pagefind's static index, loaded only
// when someone types.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;
  var KINDS = ["department", "location", "workplace", "employment"];
  var status = document.getElementById("status");
  var query = form.elements.q;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var hits = null; // paths Pagefind found for the query; null when there is no query
  var pagefind = null;
  var MAX_RESULTS = 200; // overridable with data-max on the form (tests)
  var total = 0;
  var asked = 0;
  var timer = 0;

  cards.forEach(function (card) {
    card.path = new URL(card.querySelector("a").href).pathname;
  });
  form.hidden = false; // already shown by site.css where the browser says it runs scripts

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    KINDS.forEach(function (kind) {
      var select = form.elements[kind];
      select.value = params.get(kind) || "";
      if (select.selectedIndex < 0) select.value = "";
    });
    query.value = params.get("q") || "";
  }

  function toAddress(push) {
    var params = new URLSearchParams();
    KINDS.forEach(function (kind) {
      if (form.elements[kind].value) params.set(kind, form.elements[kind].value);
    });
    if (query.value.trim()) params.set("q", query.value.trim());
    var address = params.toString() ? "?" + params.toString() : location.pathname;
    if (address === location.search || (address === location.pathname && !location.search)) return;
    history[push ? "pushState" : "replaceState"](null, "", address);
  }

  function matches(card) {
    var ok = KINDS.every(function (kind) {
      var wanted = form.elements[kind].value;
      return !wanted || (card.getAttribute("data-" + kind) || "").split(" ").indexOf(wanted) >= 0;
    });
    if (!ok || hits === null) return ok;
    return hits.some(function (path) {
      return card.path.slice(-path.length) === path;
    });
  }

  function show() {
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card);
      if (!card.hidden) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".card:not([hidden])");
    });
    var active = hits !== null || KINDS.some(function (kind) { return form.elements[kind].value; });
    var say = form.dataset;
    status.textContent = !active ? "" : shown === 0 ? say.none
      : (shown === 1 ? say.one : say.other).replace("{n}", shown);
  }

  function search() {
    var text = query.value.trim();
    var ticket = ++asked;
    if (!text) {
      hits = null;
      show();
      return;
    }
    var bundle = new URL(form.dataset.base + "/pagefind/pagefind.js", document.baseURI).href;
    (pagefind ? Promise.resolve(pagefind) : import(bundle).then(function (module) {
      pagefind = module;
      return module;
    }))
      .then(function (engine) { return engine.search(text); })
      .then(function (found) {
        // each result's address costs a request: on a big board, take the best ones only
        total = found.results.length;
        var best = found.results.slice(0, Number(form.dataset.max) || MAX_RESULTS);
        return Promise.all(best.map(function (result) { return result.data(); }));
      })
      .then(function (pages) {
        if (ticket !== asked) return; // a newer query is on its way
        hits = pages.map(function (page) { return new URL(page.url, location.href).pathname; });
        show();
        if (total > hits.length) {
          status.textContent = form.dataset.capped
            .replace("{shown}", hits.length).replace("{total}", total);
        }
      })
      .catch(function () {
        if (ticket !== asked) return;
        hits = null;
        show();
        status.textContent = form.dataset.unavailable;
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target === query) return;
    toAddress(true);
    show();
  });
  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      toAddress(false);
      search();
    }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    toAddress(true);
    search();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { // the fields are cleared after this event
      hits = null;
      asked += 1;
      toAddress(true);
      show();
    });
  });
  window.addEventListener("popstate", function () {
    fromAddress();
    search();
    show();
  });

  fromAddress();
  if (query.value.trim()) search();
  show();
})();
