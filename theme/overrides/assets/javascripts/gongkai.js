/* gongkai: table filters with recomputed totals, the 大字 switch, the printed page address.
   No network, no library, no inline code (the pages' Content-Security-Policy allows none).

   <div class="gk-filter" data-gk-table="ID" data-gk-count="… {shown} … {total} …">
     <input type="search" data-gk-cols="1,2">   text matched in these columns (all if absent)
     <select data-gk-col="2">                    exact value of this column ("" = any)
     <select data-gk-field="category">           exact value of the row's data-gk-category
     <span class="gk-count"></span>
   </div>
   Footer cells with data-gk-sum="count" show the number of visible rows; data-gk-sum="sum"
   the sum of the column's data-gk-value integers (exact: amounts at data-gk-scale decimals,
   never through floating point), formatted like the page (1,234.50). */
(function () {
  "use strict";

  function groupDigits(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* An integer count of 10^-scale units as text: 123450, 2 -> "1,234.50". */
  function formatScaled(units, scale) {
    var negative = units < 0;
    var digits = String(negative ? -units : units);
    while (digits.length <= scale) digits = "0" + digits;
    var whole = scale ? digits.slice(0, digits.length - scale) : digits;
    var text = groupDigits(whole) + (scale ? "." + digits.slice(digits.length - scale) : "");
    return (negative ? "-" : "") + text;
  }

  function setUp(box) {
    var table = document.getElementById(box.getAttribute("data-gk-table"));
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var input = box.querySelector("input");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select"));
    var count = box.querySelector(".gk-count");
    var template = box.getAttribute("data-gk-count") || "{shown}/{total}";
    var cols = input && input.getAttribute("data-gk-cols");
    cols = cols ? cols.split(",").map(Number) : null;
    var footer = table.tFoot ? Array.prototype.slice.call(table.tFoot.rows[0].cells) : [];
    var sums = footer.filter(function (cell) { return cell.hasAttribute("data-gk-sum"); });
    sums.forEach(function (cell) { cell.setAttribute("data-gk-all", cell.textContent); });

    function text(row, i) {
      var cell = row.cells[i];
      return cell ? cell.textContent.trim() : "";
    }

    function value(row, select) {
      var field = select.getAttribute("data-gk-field");
      if (field) return row.getAttribute("data-gk-" + field) || "";
      return text(row, Number(select.getAttribute("data-gk-col")));
    }

    function total(shown, cell) {
      if (cell.getAttribute("data-gk-sum") === "count") return String(shown.length);
      var column = cell.cellIndex, units = 0;
      shown.forEach(function (row) {
        units += parseInt(row.cells[column].getAttribute("data-gk-value") || "0", 10);
      });
      return formatScaled(units, Number(cell.getAttribute("data-gk-scale") || "0"));
    }

    function apply() {
      var query = input ? input.value.trim().toLowerCase() : "";
      var filtered = !!query;
      var shown = rows.filter(function (row) {
        var words = cols ? cols.map(function (i) { return text(row, i); }).join(" ") : row.textContent;
        var ok = !query || words.toLowerCase().indexOf(query) !== -1;
        selects.forEach(function (select) {
          if (select.value) {
            filtered = true;
            ok = ok && value(row, select) === select.value;
          }
        });
        row.hidden = !ok;
        return ok;
      });
      sums.forEach(function (cell) {
        cell.textContent = filtered ? total(shown, cell) : cell.getAttribute("data-gk-all");
      });
      if (count) {
        count.textContent = template.replace("{shown}", shown.length).replace("{total}", rows.length);
      }
    }

    if (input) input.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  function words() {
    var meta = document.querySelector('meta[name="gk-words"]');
    return function (name) { return meta ? meta.getAttribute("data-" + name) || "" : ""; };
  }

  /* The 大字 switch in the header; the choice is remembered (gongkai-text-size.js applies it). */
  function largeTextSwitch(word) {
    var header = document.querySelector(".md-header__inner");
    if (!header || !word("large-text")) return;
    var root = document.documentElement;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button gk-large-switch";
    button.textContent = word("large-text");
    button.setAttribute("aria-label", word("large-text-label"));
    button.setAttribute("aria-pressed", String(root.classList.contains("gk-large")));
    button.addEventListener("click", function () {
      var on = root.classList.toggle("gk-large");
      button.setAttribute("aria-pressed", String(on));
      try { window.localStorage.setItem("gk-large-text", on ? "1" : "0"); } catch (e) { /* not kept */ }
    });
    var search = header.querySelector(".md-search");
    header.insertBefore(button, search || null);
  }

  /* The page's address, printed at the end of the page (hidden on screen). */
  function printedAddress(word) {
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    var line = document.createElement("p");
    line.className = "gk-print-url";
    line.textContent = word("print-url") + window.location.href;
    content.appendChild(line);
  }

  /* Material's search dialog has no name; it is named after its own field ("搜索"). */
  function nameSearchDialog() {
    Array.prototype.forEach.call(document.querySelectorAll('.md-search[role="dialog"]'), function (box) {
      var field = box.querySelector("input");
      if (!box.hasAttribute("aria-label") && field) {
        box.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
      }
    });
  }

  function init() {
    var word = words();
    nameSearchDialog();
    Array.prototype.forEach.call(document.querySelectorAll(".gk-filter"), setUp);
    largeTextSwitch(word);
    printedAddress(word);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
