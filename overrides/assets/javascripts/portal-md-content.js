/*
 * Material for MkDocs 9.8.1, partials/javascripts/content.html (second
 * script), as a file: the portal's Content Security Policy allows no inline
 * script. Opens the content tab an address's fragment points to.
 */
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"))
