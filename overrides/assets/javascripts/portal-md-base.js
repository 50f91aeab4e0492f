/*
 * Material for MkDocs 9.8.1, partials/javascripts/base.html, as a file: the
 * Content Security Policy of the portal allows no inline script. The scope
 * comes from the script element's data-md-scope (Material writes it into the
 * code). Must stay a classic, synchronous script: document.currentScript.
 */
__md_scope = new URL(document.currentScript.dataset.mdScope, location),
__md_hash = e => [...e].reduce(((e, _) => (e << 5) - e + _.charCodeAt(0)), 0),
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_))
  } catch (e) {}
}
