/* gongkai: the 大字 (large text) choice, applied in <head> before the page paints.
   The switch itself is made by gongkai.js; the choice is kept in localStorage. */
(function () {
  "use strict";
  try {
    if (window.localStorage.getItem("gk-large-text") === "1") {
      document.documentElement.classList.add("gk-large");
    }
  } catch (e) { /* storage blocked: standard size */ }
})();
