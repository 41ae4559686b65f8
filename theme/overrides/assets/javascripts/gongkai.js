/* gongkai: filter a table by free text and by a column's value. No network, no library.
   <div class="gk-filter" data-gk-table="ID" data-gk-count="… {shown} … {total} …">
     <input type="search" data-gk-cols="1,2">   text matched in these columns (all if absent)
     <select data-gk-col="2">                    exact value of this column ("" = any)
     <span class="gk-count"></span>
   </div> */
(function () {
  "use strict";

  function setUp(box) {
    var table = document.getElementById(box.getAttribute("data-gk-table"));
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var input = box.querySelector("input");
    var select = box.querySelector("select");
    var count = box.querySelector(".gk-count");
    var template = box.getAttribute("data-gk-count") || "{shown}/{total}";
    var cols = input && input.getAttribute("data-gk-cols");
    cols = cols ? cols.split(",").map(Number) : null;
    var column = select ? Number(select.getAttribute("data-gk-col")) : -1;

    function text(row, i) {
      var cell = row.cells[i];
      return cell ? cell.textContent.trim() : "";
    }

    function apply() {
      var query = input ? input.value.trim().toLowerCase() : "";
      var value = select ? select.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var words = cols ? cols.map(function (i) { return text(row, i); }).join(" ") : row.textContent;
        var ok = (!query || words.toLowerCase().indexOf(query) !== -1) &&
                 (!value || text(row, column) === value);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) {
        count.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
      }
    }

    if (input) input.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".gk-filter"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
