/* Fill in on screen: a tool page's printable worksheet becomes a form to type into.
 *
 * Loaded only on tool pages (overrides/main.html). It finds the worksheet by the attributes of the
 * shared worksheet markup (data-hb-sheet, data-box, data-stage, the hb-box-N ids), never by its
 * layout's CSS, and turns each box's .hb-worksheet__space (in a stages layout, each cell's) into a
 * text area named by the box heading (and the stage) and described by the prompt, in the order of
 * the markup, which is the sheet's reading order. What is typed is kept in this browser's
 * localStorage under the tool and the language, and nowhere else. Export writes a markdown file that
 * reads on its own, with the same data at its end in an HTML comment; Import reads it back.
 * Each text area has a copy of its text beside it that only print shows, so that a filled-in
 * sheet prints what was typed, in the sheet's shape (a text area prints as a clipped box).
 * The words come from macros/labels.yml, through data-hb-w-* attributes (overrides/partials/hb-fillin.html).
 * Written by hand: the form is small, and the handbook fetches no libraries.
 */
(function () {
  "use strict";
  var sheet = document.querySelector("[data-hb-sheet]");
  var holder = sheet && sheet.querySelector("[data-hb-fillin]");
  if (!holder) return;
  var tool = sheet.getAttribute("data-tool"), lang = sheet.getAttribute("data-lang");
  var KEY = "hb-fillin:" + tool + ":" + lang;
  var FORMAT = "hb-worksheet";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var all = function (selector) { return Array.prototype.slice.call(sheet.querySelectorAll(selector)); };

  function w(key, values) {
    return (holder.getAttribute("data-hb-w-" + key) || "").replace(/\{(\w+)\}/g, function (whole, k) {
      return values && k in values ? values[k] : whole;
    });
  }
  function make(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) el.textContent = text;
    return el;
  }
  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  // The shape. Boxes: every [data-box] that is not a cell, with its own space to write in.
  // Rows of a stages layout: the boxes that hold cells. Stages: the column headings.
  var boxes = all("[data-box]:not([data-stage])");
  var rows = boxes.filter(function (box) { return box.querySelector(".hb-worksheet__cell"); });
  var stageHeads = all(".hb-worksheet__stage[data-stage]");
  var original = stageHeads.map(text);
  var staged = rows.length > 0 && stageHeads.length > 0;
  var state = blank();
  var on = false, stored = true;

  function blank() {
    var s = { format: FORMAT, version: 1, tool: tool, lang: lang, boxes: {} };
    if (staged) {
      s.stages = original.slice();
      s.cells = {};
      rows.forEach(function (row) { s.cells[row.getAttribute("data-box")] = original.map(function () { return ""; }); });
    }
    return s;
  }
  function isEmpty(s) {
    var filled = Object.keys(s.boxes).some(function (k) { return s.boxes[k]; });
    if (s.cells) filled = filled || Object.keys(s.cells).some(function (k) { return s.cells[k].some(Boolean); });
    return !filled && (!s.stages || s.stages.join("\n") === original.join("\n"));
  }
  // Data from storage or from a file: only strings, in the places this sheet has.
  function clean(data) {
    var s = blank();
    var str = function (v) { return typeof v === "string" ? v : ""; };
    boxes.forEach(function (box) {
      var n = box.getAttribute("data-box");
      if (data.boxes && str(data.boxes[n])) s.boxes[n] = data.boxes[n];
    });
    if (staged) {
      if (Array.isArray(data.stages) && data.stages.length) s.stages = data.stages.slice(0, 12).map(str);
      rows.forEach(function (row) {
        var n = row.getAttribute("data-box"), cells = data.cells && data.cells[n];
        s.cells[n] = s.stages.map(function (x, j) { return Array.isArray(cells) ? str(cells[j]) : ""; });
      });
    }
    return s;
  }
  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "null");
      return data && data.format === FORMAT ? clean(data) : null;
    } catch (e) {
      return null;
    }
  }
  function save() {
    try {
      if (isEmpty(state)) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(state));
      stored = true;
    } catch (e) {
      stored = false;
    }
  }

  // The controls, in the holder above the sheet; the status line is a polite live region.
  var start = make("button", { type: "button", "class": "md-button md-button--primary", "aria-pressed": "false" }, w("start"));
  var tools = make("span", { "class": "hb-fillin__tools", hidden: "" });
  var printButton = make("button", { type: "button", "class": "md-button" }, w("print"));
  var exportButton = make("button", { type: "button", "class": "md-button" }, w("export"));
  var importButton = make("button", { type: "button", "class": "md-button" }, w("import"));
  var clearButton = make("button", { type: "button", "class": "md-button" }, w("clear"));
  var addButton = make("button", { type: "button", "class": "md-button" }, w("add-stage"));
  var picker = make("input", { type: "file", accept: ".md,.markdown,.txt,text/markdown,text/plain", hidden: "", tabindex: "-1",
                               "aria-label": w("import") });
  var status = make("p", { "class": "hb-fillin__status", role: "status" });
  var dialog = make("dialog", { "class": "hb-fillin__dialog", "aria-labelledby": "hb-fillin-confirm" });
  var yes = make("button", { type: "button", "class": "md-button md-button--primary" }, w("confirm-yes"));
  var no = make("button", { type: "button", "class": "md-button", autofocus: "" }, w("confirm-no"));
  dialog.appendChild(make("p", { id: "hb-fillin-confirm" }, w("confirm")));
  dialog.appendChild(make("p", { "class": "hb-fillin__buttons" })).append(yes, " ", no);
  [printButton, exportButton, clearButton].forEach(function (b) { tools.append(b, " "); });
  var buttons = make("p", { "class": "hb-fillin__buttons" });
  buttons.append(start, " ", tools, importButton);
  // A stages layout: the stages' names and their buttons, here rather than in the sheet, whose
  // column headings a layout may hide (on a phone, say).
  var stagesBox = make("fieldset", { "class": "hb-fillin__stages", hidden: "" });
  var stageList = make("ol", { "class": "hb-fillin__stage-list" });
  stagesBox.append(make("legend", {}, w("stages")), stageList, addButton);
  holder.append(buttons, make("p", { "class": "hb-fillin__note" }, w("note")), status, picker, dialog);
  if (staged) holder.append(stagesBox);
  holder.hidden = false;

  function say(message) { status.textContent = message; }

  // A text area in place of a space, and beside it the copy that print shows.
  function field(space, id, label, describedBy, value, box, stage) {
    var area = make("textarea", { "class": "hb-fillin__field", id: id, "aria-labelledby": label, rows: "3" });
    var lines = parseInt(getComputedStyle(space).getPropertyValue("--hb-lines"), 10);
    if (lines > 0) area.rows = Math.max(2, lines);
    if (describedBy && document.getElementById(describedBy)) area.setAttribute("aria-describedby", describedBy);
    area.setAttribute("data-hb-field", box);
    if (stage !== undefined) area.setAttribute("data-hb-stage", stage);
    area.value = value || "";
    var typed = make("div", { "class": "hb-fillin__typed", "aria-hidden": "true" }, area.value);
    space.hidden = true;
    space.after(area, typed);
  }
  function unfield(scope) {
    each(scope.querySelectorAll(".hb-fillin__field, .hb-fillin__typed"), function (el) { el.remove(); });
    each(scope.querySelectorAll(".hb-worksheet__space"), function (el) { el.hidden = false; });
  }

  // Stages: the page's columns, made as many as the state has, by copying the last one.
  function columns(count) {
    var heads = all(".hb-worksheet__stage[data-stage]");
    while (heads.length > count && heads.length > 1) heads.pop().remove();
    while (heads.length < count) {
      var head = heads[heads.length - 1].cloneNode(false);
      heads[heads.length - 1].after(head);
      heads.push(head);
    }
    heads.forEach(function (head, j) {
      head.id = "hb-stage-" + j;
      head.setAttribute("data-stage", j);
    });
    rows.forEach(function (row) {
      var n = row.getAttribute("data-box");
      var cells = Array.prototype.slice.call(row.querySelectorAll(".hb-worksheet__cell"));
      while (cells.length > count && cells.length > 1) cells.pop().remove();
      while (cells.length < count) {
        var cell = cells[cells.length - 1].cloneNode(true);
        each(cell.querySelectorAll(".hb-fillin__field, .hb-fillin__typed"), function (el) { el.remove(); });
        each(cell.querySelectorAll(".hb-worksheet__space"), function (el) { el.hidden = false; });
        cells[cells.length - 1].after(cell);
        cells.push(cell);
      }
      cells.forEach(function (cell, j) {
        cell.setAttribute("data-stage", j);
        cell.setAttribute("aria-labelledby", "hb-box-" + n + " hb-stage-" + j);
      });
    });
    // For a layout whose columns are counted in CSS.
    sheet.style.setProperty("--hb-stages", count);
    each(sheet.querySelectorAll("[style*='--hb-stages']"), function (el) { el.style.setProperty("--hb-stages", count); });
    return heads;
  }
  // A cell may repeat its stage's name (for a narrow screen): keep it the stage's name.
  function cellNames(names, only) {
    rows.forEach(function (row) {
      each(row.querySelectorAll(".hb-worksheet__cell"), function (cell, j) {
        var shown = cell.querySelector(".hb-worksheet__cell-stage");
        if (shown && (only === undefined || only === j)) shown.textContent = names[j];
      });
    });
  }
  // Each stage: its heading in the sheet shows its name (and names its cells); in the controls,
  // an input to rename it and a button to remove it.
  function stageControls(heads) {
    stageList.textContent = "";
    heads.forEach(function (head, j) {
      var name = state.stages[j];
      head.textContent = name;
      var input = make("input", { type: "text", "class": "hb-fillin__stage-name", "data-hb-stage-name": j,
                                  "aria-label": w("stage-name", { n: j + 1 }) });
      input.value = name;
      var remove = make("button", { type: "button", "class": "hb-fillin__remove", "data-hb-remove": j,
                                    "aria-label": w("remove-stage", { stage: name }) }, w("remove"));
      if (heads.length < 2) remove.disabled = true;
      var item = make("li");
      item.append(input, " ", remove);
      stageList.append(item);
    });
  }

  function build() {
    boxes.forEach(function (box) {
      var n = box.getAttribute("data-box");
      var space = box.querySelector(":scope > .hb-worksheet__space");
      if (space) field(space, "hb-field-" + n, "hb-box-" + n, "hb-box-" + n + "-prompt", state.boxes[n], n);
    });
    if (!staged) return;
    stageControls(columns(state.stages.length));
    cellNames(state.stages);
    rows.forEach(function (row) {
      var n = row.getAttribute("data-box");
      each(row.querySelectorAll(".hb-worksheet__cell"), function (cell, j) {
        var space = cell.querySelector(".hb-worksheet__space");
        field(space, "hb-field-" + n + "-" + j, "hb-box-" + n + " hb-stage-" + j,
              "hb-box-" + n + "-prompt", state.cells[n][j], n, j);
      });
    });
  }
  function unbuild() {
    unfield(sheet);
    if (!staged) return;
    stageList.textContent = "";
    columns(original.length).forEach(function (head, j) { head.textContent = original[j]; });
    cellNames(original);
  }
  function rebuild() {
    unbuild();
    build();
  }
  function mode(value) {
    on = value;
    start.setAttribute("aria-pressed", String(on));
    tools.hidden = !on;
    stagesBox.hidden = !on;
    sheet.classList.toggle("hb-fillin--on", on);
    if (on) build(); else unbuild();
  }

  // Typing: into the state, the print copy and storage.
  sheet.addEventListener("input", function (event) {
    var el = event.target;
    if (el.hasAttribute("data-hb-field")) {
      var n = el.getAttribute("data-hb-field");
      if (el.hasAttribute("data-hb-stage")) state.cells[n][Number(el.getAttribute("data-hb-stage"))] = el.value;
      else state.boxes[n] = el.value;
      el.nextElementSibling.textContent = el.value;
    } else if (el.hasAttribute("data-hb-stage-name")) {
      var j = Number(el.getAttribute("data-hb-stage-name"));
      state.stages[j] = el.value;
      document.getElementById("hb-stage-" + j).textContent = el.value;
      cellNames(state.stages, j);
      el.nextElementSibling.setAttribute("aria-label", w("remove-stage", { stage: el.value }));
    } else {
      return;
    }
    save();
    say(stored ? w("saved") : w("unsaved"));
  });
  // Removing a stage: its column goes; focus goes to the next stage's button, or the last one's.
  sheet.addEventListener("click", function (event) {
    var button = event.target.closest(".hb-fillin__remove");
    if (!button || !on) return;
    var j = Number(button.getAttribute("data-hb-remove")), name = state.stages[j];
    state.stages.splice(j, 1);
    Object.keys(state.cells).forEach(function (n) { state.cells[n].splice(j, 1); });
    save();
    rebuild();
    var left = sheet.querySelectorAll("[data-hb-remove]");
    (left[Math.min(j, left.length - 1)]).focus();
    say(w("stage-removed", { stage: name || w("stage-new", { n: j + 1 }) }));
  });
  addButton.addEventListener("click", function () {
    var name = w("stage-new", { n: state.stages.length + 1 });
    state.stages.push(name);
    Object.keys(state.cells).forEach(function (n) { state.cells[n].push(""); });
    save();
    rebuild();
    sheet.querySelector("[data-hb-stage-name='" + (state.stages.length - 1) + "']").focus();
    say(w("stage-added", { stage: name }));
  });

  start.addEventListener("click", function () {
    mode(!on);
    say(on ? w("started") : w("stopped"));
  });
  printButton.addEventListener("click", function () { window.print(); });

  clearButton.addEventListener("click", function () { dialog.showModal(); });
  no.addEventListener("click", function () { dialog.close(); });
  yes.addEventListener("click", function () {
    state = blank();
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing was kept */ }
    rebuild();
    dialog.close();
    say(w("cleared"));
  });
  dialog.addEventListener("close", function () { clearButton.focus(); });

  // Export: the sheet as markdown that reads on its own, the data to load it back at its end.
  function markdown() {
    var out = ["# " + text(document.getElementById("hb-worksheet-title")), ""];
    var when = new Date();
    // The date in words, from labels.yml (the browser may not know Welsh month names).
    var day = w("day", { day: when.getDate(), month: w("months").split(",")[when.getMonth()], year: when.getFullYear() });
    out.push(w("date") + ": " + day, "");
    var said = function (value) { return value && value.trim() ? value.trim() : w("empty"); };
    boxes.forEach(function (box) {
      var n = box.getAttribute("data-box");
      out.push("## " + text(document.getElementById("hb-box-" + n)), "");
      if (staged && rows.indexOf(box) >= 0) {
        state.stages.forEach(function (name, j) {
          out.push("### " + (name || w("stage-new", { n: j + 1 })), "", said(state.cells[n][j]), "");
        });
      } else {
        out.push(said(state.boxes[n]), "");
      }
    });
    var page = location.href.replace(/[?#].*$/, "");
    out.push("---", "", w("file-note", { url: page }), "");
    // JSON never has < or > outside its strings: escaped inside them, no "-->" can end the comment.
    var data = JSON.stringify(state, null, 1).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
    out.push("<!-- " + FORMAT, data, "-->", "");
    return { text: out.join("\n"), name: tool + "-" + lang + "-" + when.toISOString().slice(0, 10) + ".md" };
  }
  exportButton.addEventListener("click", function () {
    var file = markdown();
    var url = URL.createObjectURL(new Blob([file.text], { type: "text/markdown;charset=utf-8" }));
    var a = make("a", { href: url, download: file.name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(w("exported", { file: file.name }));
  });

  importButton.addEventListener("click", function () { picker.click(); });
  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) return;
    file.text().then(function (content) {
      // The last such comment: the data the export wrote at the end (text after it is ignored).
      var at = content.lastIndexOf("<!-- " + FORMAT), end = content.indexOf("-->", at), data = null;
      try { data = at >= 0 && end > at ? JSON.parse(content.slice(at + 5 + FORMAT.length, end)) : null; } catch (e) { data = null; }
      picker.value = "";
      if (!data || data.format !== FORMAT) return say(w("import-bad", { file: file.name }));
      if (data.tool !== tool) return say(w("import-other", { file: file.name, tool: String(data.tool) }));
      state = clean(data);
      save();
      if (on) rebuild(); else mode(true);
      say(w("imported", { file: file.name }));
    });
  });

  // What was typed before: back, in fill-in mode.
  var kept = load();
  if (kept && !isEmpty(kept)) {
    state = kept;
    mode(true);
    say(w("restored"));
  }
})();
