// gongkai serve: reload the page when the preview has rebuilt (content changed, or its errors
// were fixed), and show a small bar linking the board proofs. Served from the preview's own
// origin, never inline, so a Content-Security-Policy of script-src 'self' holds.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = parseInt(script.getAttribute("data-generation"), 10) || 0;
  var request = null;
  var timer = null;

  function poll() {
    stop();
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var latest = parseInt(this.responseText, 10);
      if (this.status === 200 && latest > generation) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 2000);
      }
    };
    request.open("GET", "/_gongkai/poll?generation=" + generation);
    request.send();
  }

  function stop() {
    if (request) { request.onloadend = null; request.abort(); }
    if (timer) { clearTimeout(timer); }
    request = timer = null;
  }

  function bar() {
    if (document.body.classList.contains("gk-preview")) { return; }
    var zh = (document.documentElement.lang || "zh").indexOf("en") !== 0;
    var link = document.createElement("a");
    link.href = "/_gongkai/boards/";
    link.textContent = zh ? "预览：公开栏校样" : "Preview: board proofs";
    link.className = "gk-preview-bar";
    document.body.appendChild(link);
  }

  window.addEventListener("load", function () {
    bar();
    if (document.visibilityState !== "hidden") { poll(); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
