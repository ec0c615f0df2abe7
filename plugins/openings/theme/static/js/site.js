// Progressive enhancement for the openings list. Without it, facet pages do the filtering.
// With it: the list filters in place, the address keeps the filter (shareable, back button works;
// a filter on one facet alone is that facet's page, so the link shows the same jobs without JS),
// a live region says how many jobs match, and search asks Pagefind's static index, loaded only
// when someone types, with pagefind/paths.json (the posting each result stands for) and
// pagefind/words.json (the board's words); results are listed by relevance.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;
  var KINDS = ["department", "location", "workplace", "employment"];
  // the page's plural rule (CLDR), which picks the form the form's data-* attributes give
  var PLURAL = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var status = document.getElementById("status");
  var query = form.elements.q;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var hits = null; // {site path: true} of the postings matching the query; null: no query
  var rank = []; // the matching postings' paths, most relevant first (Pagefind's order)
  var results = document.getElementById("results");
  var suggest = document.getElementById("suggest");
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 40em)") : { matches: false };
  // search results: one list by relevance, each card labelled with its department
  var ranked = document.createElement("section");
  // a long list's cards are drawn only near the screen (site.css), found by relevance too
  var longList = results.classList.contains("long");
  ranked.className = longList ? "ranked long" : "ranked";
  ranked.hidden = true;
  ranked.setAttribute("aria-labelledby", "ranked-h");
  ranked.innerHTML = '<h2 class="vh" id="ranked-h"></h2><ul class="cards"></ul>';
  ranked.firstChild.textContent = form.dataset.results;
  results.parentNode.insertBefore(ranked, results);
  var rankedList = ranked.lastChild;
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
    card.home = card.parentNode; // its department's list, to go back to after a search
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
    if (push) {
      keepPlace(); // the place in this entry, for Back to it
      entry = newEntry();
    }
    history[push ? "pushState" : "replaceState"]({ entry: entry }, "", address);
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
    if (hits !== null) { // by relevance, in one list
      var byPath = {};
      cards.forEach(function (card) { byPath[card.path] = card; });
      rank.forEach(function (path) { if (byPath[path]) rankedList.appendChild(byPath[path]); });
    } else if (rankedList.firstChild) { // back to the departments, in the board's order
      cards.forEach(function (card) { card.home.appendChild(card); });
    }
    ranked.hidden = hits === null || shown === 0;
    results.hidden = hits !== null;
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".card:not([hidden])");
    });
    var active = hits !== null || KINDS.some(function (kind) { return form.elements[kind].value; });
    var say = form.dataset; // data-one, data-few, data-many, data-other...: the language's forms
    var words = PLURAL ? say[PLURAL.select(shown)] : shown === 1 ? say.one : say.other;
    status.textContent = !active ? "" : shown === 0 ? say.none
      : (words || say.other || say.many).replace("{n}", shown);
  }

  function json(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function load() { // once, however fast someone types; asked again after a failure
    if (engine) return engine;
    var bundle = new URL("pagefind/", base);
    engine = Promise.all([
      import(new URL("pagefind.js", bundle).href),
      json(new URL("paths.json", bundle).href),
      json(new URL("words.json", bundle).href)
    ]).then(function (loaded) {
      return { pagefind: loaded[0], paths: loaded[1], words: loaded[2] };
    });
    engine.catch(function () { engine = null; });
    return engine;
  }

  // The board's words (pagefind/words.json, sorted): a query word must be one of them, the
  // start of one, or one with an ending (engineers: engineer); Pagefind itself would answer
  // an unknown word with its longest known prefix ("forklift": everything with "for").
  function firstFrom(words, word) {
    var low = 0;
    var high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function onBoard(words, word) {
    var at = words[firstFrom(words, word)];
    if (at && at.indexOf(word) === 0) return true;
    for (var cut = 1; cut <= 3 && word.length - cut >= 4; cut += 1) {
      var stem = word.slice(0, -cut);
      if (words[firstFrom(words, stem)] === stem) return true;
    }
    return false;
  }

  function distance(a, b) { // Levenshtein, for "did you mean"
    var row = [];
    for (var j = 0; j <= b.length; j += 1) row.push(j);
    for (var i = 1; i <= a.length; i += 1) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j += 1) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  function closest(words, word) { // a word or two edits away, else the longest shared start
    var limit = word.length > 5 ? 2 : 1;
    var near = words
      .filter(function (w) { return Math.abs(w.length - word.length) <= limit && w.length > 2; })
      .map(function (w) { return [distance(w, word), w]; })
      .filter(function (pair) { return pair[0] <= limit; });
    for (var length = word.length - 1; !near.length && length >= 3; length -= 1) {
      var start = word.slice(0, length);
      for (var at = firstFrom(words, start); at < words.length; at += 1) {
        if (words[at].indexOf(start) !== 0) break;
        if (words[at].length > 3) near.push([Math.abs(words[at].length - word.length), words[at]]);
      }
    }
    return near
      .sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); })
      .slice(0, 3)
      .map(function (pair) { return pair[1]; });
  }

  function offer(words) { // "Did you mean: forecast, forest"; each a button that searches it
    suggest.textContent = "";
    suggest.hidden = !words.length;
    if (!words.length) return;
    suggest.appendChild(document.createTextNode(form.dataset.suggest + " "));
    words.forEach(function (word, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = word;
      button.addEventListener("click", function () {
        query.value = word;
        toAddress(true);
        search();
        query.focus();
      });
      if (index) suggest.appendChild(document.createTextNode(" "));
      suggest.appendChild(button);
    });
  }

  function search() {
    var text = query.value.trim();
    var ticket = ++asked;
    offer([]);
    if (!text) {
      hits = null;
      show();
      return;
    }
    var paths = null;
    var missing = [];
    load()
      .then(function (loaded) {
        paths = loaded.paths;
        var terms = text.toLowerCase().match(/[\p{L}\p{N}_+#]+/gu) || [];
        terms.forEach(function (term) {
          if (!onBoard(loaded.words, term)) missing.push(closest(loaded.words, term));
        });
        if (missing.length) return { results: [] };
        return loaded.pagefind.search(text);
      })
      .then(function (found) {
        // Pagefind's results come most relevant first; each result's posting is in paths.json,
        // and an id two parts of a big board share is null there: its fragment says which
        return Promise.all(found.results.map(function (result) {
          return paths[result.id] || result.data().then(function (page) { return page.url; });
        }));
      })
      .then(function (matched) {
        if (ticket !== asked) return; // a newer query is on its way
        hits = {};
        rank = matched;
        matched.forEach(function (path) { hits[path] = true; }); // "/jobs/x/", as indexed
        show();
        offer([].concat.apply([], missing));
        if (returning) {
          backToCard();
        } else if (narrow.matches && matched.length) {
          // on a phone the filters fill the screen: bring the search field and the first
          // result into view together
          var top = query.parentNode.getBoundingClientRect().top;
          if (top > 0 || top < -query.parentNode.offsetHeight) query.parentNode.scrollIntoView();
        }
      })
      .catch(function () {
        if (ticket !== asked) return;
        hits = null;
        rank = [];
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
      offer([]);
      asked += 1;
      toAddress(true);
      show();
    });
  });
  window.addEventListener("popstate", function () {
    entry = (history.state && history.state.entry) || entry;
    returning = takeKept();
    fromAddress();
    search();
    show();
    if (!query.value.trim()) requestAnimationFrame(backToCard); // after the browser's offset
  });

  // Back to a long list, or a reload of it: the browser would put back the old scroll offset,
  // but the cards it has not drawn yet (content-visibility in site.css) have an estimated
  // height, so that offset shows other cards. Before the list leaves a history entry (another
  // page, or a filter's new entry), keep the first card on the screen under the entry's id
  // (in sessionStorage: a reload forgets history.state set while the page goes); coming back
  // to the entry, put that card where it was. Not for an address that is a facet's own page:
  // that page, without this script, is what comes back.
  var KEPT = "openings-card ";
  function newEntry() {
    return String(Date.now()) + String(Math.random()).slice(2);
  }
  var entry = history.state && history.state.entry;
  if (!entry) {
    entry = newEntry();
    history.replaceState({ entry: entry }, "");
  }
  function keepPlace() {
    if (!longList || facetPages[location.pathname]) return false;
    var shown = document.querySelectorAll(".cards > .card");
    for (var i = 0; i < shown.length; i++) {
      var box = shown[i].getBoundingClientRect();
      if (box.height && box.bottom > 0) {
        try {
          sessionStorage.setItem(KEPT + entry,
            JSON.stringify([shown[i].path, box.top, window.scrollY]));
          return true;
        } catch (e) {} // no storage (a private window may refuse it): the browser's offset
        return false;
      }
    }
    return false;
  }
  window.addEventListener("pagehide", function () {
    if (keepPlace()) history.scrollRestoration = "manual";
  });

  function takeKept() {
    var kept = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEPT + entry));
      sessionStorage.removeItem(KEPT + entry);
    } catch (e) {}
    return kept && kept.length === 3 ? kept : null;
  }
  // Once the page has loaded (the browser's own restoring is over), the browser restores the
  // filters' entries again; popstate then puts the card back.
  function browserRestores() {
    history.scrollRestoration = "auto";
  }
  window.addEventListener("load", function () { setTimeout(browserRestores); });

  // The cards near the screen are drawn in the frames after a scroll, and their real height
  // moves the card: draw the ones around it at once, then look again for a few frames.
  var PUT_BACK_FRAMES = 8;
  function drawAround(card) {
    var all = Array.prototype.slice.call(document.querySelectorAll(".cards > .card"));
    var at = all.indexOf(card);
    all.slice(Math.max(0, at - 30), at + 10).forEach(function (near) {
      near.style.contentVisibility = "visible";
    });
  }
  function putBack(kept, frames) {
    var card = cards.filter(function (c) { return c.path === kept[0]; })[0];
    if (!card || !card.getBoundingClientRect().height) {
      window.scrollTo(0, kept[2]); // gone from the list, or filtered out: the old offset
      return;
    }
    if (frames === PUT_BACK_FRAMES) drawAround(card);
    var off = card.getBoundingClientRect().top - kept[1];
    if (Math.abs(off) >= 1) window.scrollBy(0, off);
    if (frames > 0) {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { putBack(kept, frames - 1); });
      });
    }
  }

  var navigation = window.performance && performance.getEntriesByType
    ? performance.getEntriesByType("navigation")[0] : null;
  var returning = takeKept(); // [the card's path, its top on the screen, the offset]
  if (!navigation || (navigation.type !== "back_forward" && navigation.type !== "reload")) {
    returning = null; // a new visit starts at the top
  }
  function backToCard() {
    if (returning) putBack(returning, PUT_BACK_FRAMES);
    returning = null; // once: the candidate scrolls on from there
  }
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    returning = takeKept(); // back from the browser's back-forward cache
    browserRestores();
    backToCard();
  });

  fromAddress();
  if (query.value.trim()) search(); // its results come later, and bring back the card then
  show();
  if (!query.value.trim()) backToCard();
})();
