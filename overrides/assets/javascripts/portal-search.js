/*
 * The portal's search worker, in place of Material's (hooks/stages.py points
 * the theme's configuration here). It speaks Material's worker messages, so
 * the theme's search box, result list and keyboard handling stay as they are:
 *
 *   SETUP (0) → READY (1)      at page load; the page sends only a stub index
 *   QUERY (2) → RESULT (3)     one answer per query, in order
 *
 * The real index (built by portal/search/index.py) is fetched with the first
 * query that is not empty, not on page view. Words become index terms exactly
 * as in portal/search/text.py: change both together (the browser suite
 * compares them over the portal's whole vocabulary).
 */
"use strict";

var portalSearch = (function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  /* How a term found for a query word counts: the word itself, a word it
     begins, a word one or two letters away. */
  var EXACT = 1.0, PREFIX = 0.6, FUZZY = 0.3;
  /* Whole pages before their sections, as in Material's ranking. */
  var PAGE = 2.0, SECTIONS = 0.25;
  var MIN_FUZZY = 4;
  /* Pages in the list, and sections shown under each page: Material renders
     ten pages at first, and the rest only when the reader scrolls. */
  var MAX_RESULTS = 30, MAX_SECTIONS = 4;
  /* A short beginning („h“, „hi“) stands for many terms: the first ones in
     alphabetical order are enough while the reader goes on typing. */
  var MAX_PREFIX_TERMS = 100;

  var UMLAUTS = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };
  var SPELLED_UMLAUTS = [["ae", "a"], ["oe", "o"], ["ue", "u"]];
  var WORD = /[\p{L}\p{N}]+/gu;
  var GENDER_FORM = /(?<![\p{L}\p{N}_])([\p{L}\p{N}]+)[*:_·](in|innen)(?![\p{L}\p{N}_])/gu;
  var STOP_WORDS = {
    de: new Set(("aber als am an auch auf aus bei bin bis bist da dann das dass dem den der des die " +
      "dies diese dieser dieses doch du durch ein eine einem einen einer eines er es fur " +
      "hat hatte ich ihr im in ist ja jede jeder kann man mit nach nicht noch nur ob oder " +
      "sich sie sind so um und uns vom von vor war was wenn wer wie wir wird wo zu zum " +
      "zur uber").split(" ")),
    en: new Set(("a an and are as at be by for from has have in is it its of on or that the this to " +
      "was were will with").split(" "))
  };

  /* Words (portal/search/text.py) */

  function fold(word) {
    var lowered = word.toLowerCase().replace(/[äöüß]/g, function (c) { return UMLAUTS[c]; });
    if (/^[\x00-\x7f]*$/.test(lowered)) return lowered;
    return lowered.normalize("NFKD").replace(/\p{Mn}/gu, "");
  }

  function spelledUmlautVariant(word) {
    for (var i = 0; i < SPELLED_UMLAUTS.length; i++)
      word = word.split(SPELLED_UMLAUTS[i][0]).join(SPELLED_UMLAUTS[i][1]);
    return word;
  }

  function words(text) {
    var found = (text.match(WORD) || []).map(fold);
    if (text.indexOf("in") >= 0)
      for (var m of text.matchAll(GENDER_FORM)) found.push(fold(m[1] + m[2]));
    return found;
  }

  function cistem(word) {
    word = word.split("sch").join("$").split("ei").join("%").split("ie").join("&");
    word = word.replace(/(.)\1/g, "$1*");
    while (word.length > 3) {
      var end = word.slice(-2);
      if (word.length > 5 && (end === "em" || end === "er" || end === "nd")) {
        word = word.slice(0, -2);
      } else if ("tesn".indexOf(word[word.length - 1]) >= 0) {
        word = word.slice(0, -1);
      } else {
        break;
      }
    }
    word = word.replace(/(.)\*/g, "$1$1");
    return word.split("%").join("ei").split("&").join("ie").split("$").join("sch");
  }

  function sStem(word) {
    if (word.length <= 3) return word;
    if (/ies$/.test(word) && !/[ea]ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/es$/.test(word) && !/[aeo]es$/.test(word)) return word.slice(0, -1);
    if (/s$/.test(word) && !/(us|ss)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function stem(word, locale) {
    if (locale === "de") return cistem(word);
    if (locale === "en") return sStem(word);
    return word;
  }

  function isStopWord(word, locale) {
    var list = STOP_WORDS[locale];
    return !!list && list.has(word);
  }

  /* Index */

  function Index(data) {
    this.locale = data.locale;
    this.docs = data.docs;
    this.terms = data.terms;
    this.postings = data.postings;
  }

  /* The first position whose term is not below `term`. */
  Index.prototype.lowerBound = function (term) {
    var lo = 0, hi = this.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.terms[mid] < term) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  /* Index terms for one stem: term position → how it counts. */
  Index.prototype.lookUp = function (stems) {
    var found = new Map();
    for (var s of stems) {
      var at = this.lowerBound(s);
      var end = Math.min(this.terms.length, at + MAX_PREFIX_TERMS);
      for (var i = at; i < end && this.terms[i].startsWith(s); i++) {
        var factor = this.terms[i] === s ? EXACT : PREFIX;
        if ((found.get(i) || 0) < factor) found.set(i, factor);
      }
    }
    if (found.size) return found;
    for (var s2 of stems) {
      if (s2.length < MIN_FUZZY) continue;
      var limit = s2.length >= 8 ? 2 : 1;
      for (var j = 0; j < this.terms.length; j++) {
        var t = this.terms[j];
        if (Math.abs(t.length - s2.length) <= limit && distance(s2, t, limit) <= limit)
          found.set(j, FUZZY);
      }
    }
    return found;
  };

  /* Entry number → score of one query word. */
  Index.prototype.scores = function (found) {
    var scores = new Map();
    var total = this.docs.length;
    for (var [position, factor] of found) {
      var list = this.postings[position];
      var idf = Math.log(1 + total / (list.length / 2));
      var doc = 0;
      for (var k = 0; k < list.length; k += 2) {
        doc += list[k];
        var score = factor * list[k + 1] / 10 * idf;
        if ((scores.get(doc) || 0) < score) scores.set(doc, score);
      }
    }
    return scores;
  };

  Index.prototype.search = function (query) {
    var locale = this.locale;
    var all = words(query);
    var kept = all.filter(function (w) { return !isStopWord(w, locale); });
    if (!kept.length) kept = all;
    var tokens = [];
    for (var w of new Set(kept)) {
      var stems = new Set([stem(w, locale), stem(spelledUmlautVariant(w), locale)]);
      var found = this.lookUp(stems);
      tokens.push({ word: w, stems: stems, scores: this.scores(found) });
    }
    if (!tokens.length) return { items: [], suggest: [] };

    /* Every word if some entry has them all, otherwise any. */
    var totals = new Map(), counts = new Map();
    for (var token of tokens)
      for (var [doc, score] of token.scores) {
        totals.set(doc, (totals.get(doc) || 0) + score);
        counts.set(doc, (counts.get(doc) || 0) + 1);
      }
    var complete = [...counts.values()].some(function (c) { return c === tokens.length; });
    var groups = new Map();
    for (var [d, sum] of totals) {
      if (complete && counts.get(d) !== tokens.length) continue;
      var location = this.docs[d][0];
      var page = location.split("#")[0];
      var value = location === page ? sum * PAGE : sum;
      var group = groups.get(page) || { best: 0, rest: 0, items: new Map() };
      group.rest += Math.min(group.best, value);
      group.best = Math.max(group.best, value);
      group.items.set(d, value);
      groups.set(page, group);
    }
    var ranked = [...groups.entries()]
      .sort(function (a, b) { return rank(b[1]) - rank(a[1]); })
      .slice(0, MAX_RESULTS);
    var pages = this.pageEntries();
    var self = this;
    var items = ranked.map(function ([page, group]) {
      var article = pages.get(page);
      if (article !== undefined && !group.items.has(article)) group.items.set(article, 0);
      return [...group.items.entries()]
        .sort(function (a, b) { return b[1] - a[1]; })
        .filter(function ([doc], position) { return position <= MAX_SECTIONS || doc === article; })
        .map(function ([doc, score]) { return self.item(doc, score, tokens); });
    });
    return { items: items, suggest: [] };
  };

  Index.prototype.pageEntries = function () {
    if (!this.pages) {
      this.pages = new Map();
      for (var i = 0; i < this.docs.length; i++)
        if (this.docs[i][0].indexOf("#") < 0 && !this.pages.has(this.docs[i][0]))
          this.pages.set(this.docs[i][0], i);
    }
    return this.pages;
  };

  Index.prototype.item = function (doc, score, tokens) {
    var [location, title, text, tags] = this.docs[doc];
    var terms = {};
    var marks = [];
    for (var token of tokens) {
      terms[token.word] = token.scores.has(doc);
      for (var s of token.stems) if (s.length >= 2) marks.push(s);
    }
    var result = {
      location: location,
      title: highlight(title, marks),
      text: highlight(text, marks),
      score: score,
      terms: terms
    };
    if (tags && tags.length) result.tags = tags;
    return result;
  };

  /* Helper functions */

  /* A page ranks by its best entry; its other matching sections add a little. */
  function rank(group) {
    return group.best + SECTIONS * group.rest;
  }

  /* Levenshtein distance of a and b, or limit + 1 once it must exceed limit. */
  function distance(a, b, limit) {
    var previous = new Array(b.length + 1);
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        current[k] = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (current[k] < best) best = current[k];
      }
      if (best > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* `text` as HTML, words that contain a searched stem marked. */
  function highlight(text, marks) {
    var out = "", last = 0;
    for (var m of text.matchAll(WORD)) {
      var folded = fold(m[0]);
      if (marks.some(function (s) { return folded.indexOf(s) >= 0; })) {
        out += escape(text.slice(last, m.index)) + "<mark>" + escape(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escape(text.slice(last));
  }

  /* Worker */

  function Worker(scope) {
    this.scope = scope;
    this.url = null;
    this.index = null;
    this.queue = Promise.resolve();
  }

  Worker.prototype.load = function () {
    if (!this.index) {
      this.index = fetch(this.url)
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.json();
        })
        .then(function (data) { return new Index(data); });
    }
    return this.index;
  };

  Worker.prototype.handle = function (message) {
    var self = this;
    switch (message.type) {
      case SETUP:
        var config = message.data.config || {};
        /* The index path is relative to the site root, two levels above this file. */
        if (config.portal_index)
          self.url = new URL(config.portal_index, new URL("../../", self.scope.location)).href;
        return Promise.resolve({ type: READY });
      case QUERY:
        var query = String(message.data || "").trim();
        if (!query || !self.url) return Promise.resolve({ type: RESULT, data: { items: [] } });
        return self.load()
          .then(function (index) { return { type: RESULT, data: index.search(query) }; })
          .catch(function (error) {
            self.index = null;
            console.warn("Suche:", error);
            return { type: RESULT, data: { items: [] } };
          });
      default:
        return Promise.resolve(null);
    }
  };

  /* Messages are answered one by one, in the order they came. */
  Worker.prototype.listen = function () {
    var self = this;
    self.scope.addEventListener("message", function (event) {
      self.queue = self.queue
        .then(function () { return self.handle(event.data); })
        .then(function (answer) { if (answer) self.scope.postMessage(answer); });
    });
  };

  if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope)
    new Worker(self).listen();

  return { fold: fold, words: words, stem: stem, spelledUmlautVariant: spelledUmlautVariant,
           Index: Index };
})();
