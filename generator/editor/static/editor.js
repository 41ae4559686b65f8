/* gongkai's part of the editor: beside every form, `gongkai check`'s problems for
   the file being edited, the page the site will show and the board panel.
   The entry as it stands in the form goes to gongkai (POST /gongkai/preview),
   which merges it into the file in a scratch copy, checks and renders it. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var ITEMS = "content/offices/";

  function entryPath(entry, data) {
    var path = entry.get("path");
    if (path) return path;
    if (data._office && data._section && data._file) {
      return ITEMS + data._office + "/" + data._section + "/" + data._file + ".item";
    }
    if (data._file && data.office !== undefined) return "boards/" + data._file + ".yml";
    return "";
  }

  function rawOf(path, data) {
    var fields = {}, body = data.body;
    Object.keys(data).forEach(function (k) { if (k !== "body") fields[k] = data[k]; });
    var yaml = JSON.stringify(fields, null, 1);
    return path.slice(-5) === ".item" ? "---\n" + yaml + "\n---\n" + (body || "") : yaml;
  }

  var Preview = createClass({
    getInitialState: function () { return { result: null, error: null }; },
    componentDidMount: function () { this.schedule(); },
    componentDidUpdate: function (prev) { if (prev.entry !== this.props.entry) this.schedule(); },
    componentWillUnmount: function () { clearTimeout(this.timer); },
    schedule: function () {
      var self = this;
      clearTimeout(this.timer);
      this.timer = setTimeout(function () { self.refresh(); }, 400);
    },
    refresh: function () {
      var self = this, data = this.props.entry.get("data").toJS();
      var path = entryPath(this.props.entry, data);
      if (!path) { this.setState({ result: null, error: "填写单位、季度和文件名后显示检查结果和预览" }); return; }
      var asked = ++this.asked || (this.asked = 1);
      fetch("/gongkai/preview", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ path: path, raw: rawOf(path, data) })
      }).then(function (r) { return r.json().then(function (j) { return [r.ok, j]; }); })
        .then(function (res) {
          if (asked !== self.asked) return;
          if (res[0]) self.setState({ result: res[1], error: null });
          else self.setState({ result: null, error: res[1].error || "检查失败" });
        })
        .catch(function () { self.setState({ result: null, error: "预览需要 gongkai edit 在本机运行" }); });
    },
    render: function () {
      var r = this.state.result, parts = [];
      var problems = r ? r.problems : [];
      parts.push(h("section", { className: "gk-check", key: "check" },
        h("h2", {}, "检查结果（gongkai check）"),
        this.state.error ? h("p", { className: "gk-wait" }, this.state.error) :
          !r ? h("p", { className: "gk-wait" }, "正在检查……") :
          problems.length === 0 ? h("p", { className: "gk-ok" }, "没有问题") :
          h("ul", {}, problems.map(function (p, i) {
            return h("li", { key: i, className: "gk-" + p.severity, title: p.text },
              h("span", { className: "gk-where" }, "第 " + p.line + " 行"),
              h("span", { className: "gk-code" }, (p.severity === "error" ? "错误" : "提醒") + " " + p.code),
              h("span", { className: "gk-message" }, p.message));
          }))));
      if (r && r.page) {
        parts.push(h("section", { className: "gk-page", key: "page" }, h("h2", {}, "网页预览"),
          h("iframe", { srcDoc: r.page, title: "网页预览", sandbox: "" })));
      }
      if (r && r.panel) {
        var on = r.boards.length ? "（在公开栏 " + r.boards.join("、") + " 上）" : "（未排入公开栏）";
        parts.push(h("section", { className: "gk-panel", key: "panel" }, h("h2", {}, "公开栏栏目预览" + on),
          h("iframe", { srcDoc: r.panel, title: "公开栏栏目预览", sandbox: "" })));
      }
      return h("div", { className: "gk-preview" }, parts);
    }
  });

  /* Table rows (recipients, income, fee items...): the CMS's own list, plus a box that
     takes rows pasted from Excel (tab-separated; a first row of column names, as labels
     or field names, picks the columns, otherwise they go in the form's order). */
  function pastedRows(text, fields) {
    var lines = text.replace(/\r/g, "").split("\n").filter(function (l) { return l.trim(); });
    var cells = lines.map(function (l) { return l.split("\t").map(function (c) { return c.trim(); }); });
    var byName = {}, order = fields.map(function (f) { byName[f.name] = f; return f.name; });
    var head = (cells[0] || []).map(function (c) {
      var f = fields.filter(function (f) { return f.label === c || f.name === c; })[0];
      return f ? f.name : null;
    });
    if (head.filter(Boolean).length >= 2) { order = head; cells = cells.slice(1); }
    return cells.map(function (row) {
      var out = {};
      order.forEach(function (name, i) {
        var text = row[i];
        if (!name || text === undefined || text === "") return;
        out[name] = byName[name].widget === "number" && /^-?\d+$/.test(text) ? parseInt(text, 10) : text;
      });
      return out;
    }).filter(function (row) { return Object.keys(row).length; });
  }

  var ListControl = CMS.getWidget("list").control;
  var RowsControl = createClass({
    getInitialState: function () { return { generation: 0, note: "" }; },
    onPaste: function (event) {
      var text = event.clipboardData.getData("text");
      var fields = this.props.field.get("fields").toJS();
      var rows = pastedRows(text, fields);
      event.preventDefault();
      if (!rows.length) { this.setState({ note: "没有读到表格行" }); return; }
      var IMap = this.props.field.constructor, IList = this.props.field.get("fields").constructor;
      var added = new IList(rows.map(function (r) { return new IMap(r); }));
      var value = this.props.value;
      this.props.onChange(value && value.size !== undefined ? value.concat(added) : added);
      this.setState({ generation: this.state.generation + 1, note: "已添加 " + rows.length + " 行" });
    },
    render: function () {
      var props = Object.assign({}, this.props, { key: "rows-" + this.state.generation });
      return h("div", {},
        h(ListControl, props),
        h("textarea", {
          className: "gk-paste", rows: 2, onPaste: this.onPaste, value: "", onChange: function () {},
          placeholder: "从 Excel 复制表格行，粘贴到这里即可追加（第一行可以是列名）",
          "aria-label": "从 Excel 粘贴表格行：" + this.props.field.get("label")
        }),
        this.state.note ? h("p", { className: "gk-paste-note" }, this.state.note) : null);
    }
  });
  CMS.registerWidget("gk-rows", RowsControl, CMS.getWidget("list").preview);

  CMS.registerPreviewStyle([
    "body{font-family:sans-serif;margin:0;padding:12px 60px 12px 12px;color:#222}",
    ".gk-check ul{list-style:none;padding:0}",
    ".gk-check li{border-left:4px solid #c62828;background:#fdecea;margin:6px 0;padding:6px 8px}",
    ".gk-check li.gk-warning{border-color:#ef6c00;background:#fff3e0}",
    ".gk-where,.gk-code{font-weight:bold;margin-right:8px}",
    ".gk-ok{color:#2e7d32;font-weight:bold}",
    ".gk-wait{color:#666}",
    "h2{font-size:16px;margin:16px 0 6px}",
    "iframe{width:100%;height:480px;border:1px solid #ccc;background:#fff}"
  ].join("\n"), { raw: true });
  var names = document.querySelector('meta[name="gongkai-templates"]');
  JSON.parse(names ? names.content : "[]").forEach(function (name) { CMS.registerPreviewTemplate(name, Preview); });
})();
