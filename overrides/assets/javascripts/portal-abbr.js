/* Explanations of abbreviations (the glossary's <abbr title>) for keyboard
   and touch: the stylesheet shows the title under an abbreviation that has
   the focus (portal.css, "Abbreviations"); Esc hides it again without moving
   the focus (WCAG 2.1, 1.4.13). A mouse gets the browser's own tooltip.

   These few lines replace Material's content.tooltips, which builds a
   tooltip for every abbreviation and link while the page loads: on a phone
   that was most of a page view's main-thread work. Loaded as a file, never
   inline: the portal's Content Security Policy allows no inline script. */
(function () {
  "use strict";

  var HIDDEN = "portal-abbr--dismissed";

  document.addEventListener("keydown", function (event) {
    var focused = document.activeElement;
    if (event.key === "Escape" && focused && focused.matches("abbr[title]")) {
      focused.classList.add(HIDDEN);
    }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains(HIDDEN)) {
      event.target.classList.remove(HIDDEN);
    }
  });
})();
