// Progressive enhancement for the openings list. Without it, facet pages do the filtering.
// With it: the list filters in place, the address keeps the filter (shareable, back button works;
// a filter on one facet alone is that facet's page, so the link shows the same jobs without JS),
// a live region says how many jobs match, and search asks Pagefind's static index, loaded only
// when someone types, with pagefind/paths.json: the posting each result stands for.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;
  var KINDS = ["department", "location", "workplace", "employment"];
  var status = document.getElementById("status");
  var query = form.elements.q;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var hits = null; // {site path: true} of the postings matching the query; null: no query
  var engine = null; // the promise of Pagefind's module and paths.json
  var asked = 0;
  var timer = 0;
  var base = new URL(form.dataset.base + "/", document.baseURI);
  var facetPages = {}; // {path of a facet's page: [kind, slug]}

  // The address may become a facet's page: links written relative to this page must not follow
  Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (link) {
    link.setAttribute("href", link.href);
  });
  KINDS.forEach(function (kind) {
    Array.prototype.forEach.call(form.elements[kind].options, function (option) {
      if (option.dataset.url) {
        facetPages[new URL(option.dataset.url, document.baseURI).pathname] = [kind, option.value];
      }
    });
  });

  // a card's posting as Pagefind knows it: its path from the site's root ("/jobs/x/")
  cards.forEach(function (card) {
    var path = new URL(card.querySelector("a").href).pathname;
    card.path = path.indexOf(base.pathname) === 0 ? path.slice(base.pathname.length - 1) : path;
  });
  form.hidden = false; // already shown by site.css where the browser says it runs scripts

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    var facet = facetPages[location.pathname];
    if (facet) params.set(facet[0], facet[1]);
    KINDS.forEach(function (kind) {
      var select = form.elements[kind];
      select.value = params.get(kind) || "";
      if (select.selectedIndex < 0) select.value = "";
    });
    query.value = params.get("q") || "";
  }

  function toAddress(push) {
    var params = new URLSearchParams();
    var chosen = [];
    KINDS.forEach(function (kind) {
      var select = form.elements[kind];
      if (select.value) {
        params.set(kind, select.value);
        chosen.push(select.options[select.selectedIndex]);
      }
    });
    if (query.value.trim()) params.set("q", query.value.trim());
    var address = base.pathname + (params.toString() ? "?" + params.toString() : "");
    if (chosen.length === 1 && !query.value.trim() && chosen[0].dataset.url) {
      address = new URL(chosen[0].dataset.url, base).pathname; // that facet's own page
    }
    if (address === location.pathname + location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", address);
  }

  function matches(card) {
    var ok = KINDS.every(function (kind) {
      var wanted = form.elements[kind].value;
      return !wanted || (card.getAttribute("data-" + kind) || "").split(" ").indexOf(wanted) >= 0;
    });
    if (!ok || hits === null) return ok;
    return hits.hasOwnProperty(card.path);
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

  function load() { // once, however fast someone types; asked again after a failure
    if (engine) return engine;
    var bundle = new URL("pagefind/", base);
    engine = Promise.all([
      import(new URL("pagefind.js", bundle).href),
      fetch(new URL("paths.json", bundle).href).then(function (response) {
        if (!response.ok) throw new Error("paths.json: " + response.status);
        return response.json();
      })
    ]).then(function (loaded) {
      return { pagefind: loaded[0], paths: loaded[1] };
    });
    engine.catch(function () { engine = null; });
    return engine;
  }

  function search() {
    var text = query.value.trim();
    var ticket = ++asked;
    if (!text) {
      hits = null;
      show();
      return;
    }
    var paths = null;
    load()
      .then(function (loaded) {
        paths = loaded.paths;
        return loaded.pagefind.search(text);
      })
      .then(function (found) {
        // each result's posting is in paths.json; an id two parts of a big board share is
        // null there, and that result's own fragment says which posting it is
        var known = [];
        var unknown = [];
        found.results.forEach(function (result) {
          if (paths[result.id]) known.push(paths[result.id]);
          else unknown.push(result);
        });
        return Promise.all(unknown.map(function (result) { return result.data(); }))
          .then(function (pages) {
            return known.concat(pages.map(function (page) { return page.url; }));
          });
      })
      .then(function (matched) {
        if (ticket !== asked) return; // a newer query is on its way
        hits = {};
        matched.forEach(function (path) { hits[path] = true; }); // "/jobs/x/", as indexed
        show();
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
