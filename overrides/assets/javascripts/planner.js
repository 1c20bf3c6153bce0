/* The session planner (docs/planner.md, overrides/partials/hb-planner.html). Loaded on that page
   only (overrides/main.html), with the vendored QR encoder; handbook.js runs the "Add to my
   session" buttons on the cards. Plain script, no framework, no requests.

   The plan is a list of items: a method (its slug, and the minutes chosen within its card's
   range, the shortest by default) or a break (its minutes). It is kept in this browser
   (localStorage "hb-session", which the cards' buttons share) and in the address, so that it can
   be shared: ?plan=challenge-framing.90,~15,hopes-and-fears&start=10:00&target=180&date=...&name=...
   ("slug.minutes" when not the shortest; "~minutes" a break). Nothing is sent anywhere. */
(function () {
  "use strict";
  var STORE = "hb-session", DETAILS = "hb-session-details";
  var TOKEN = /^(?:[a-z0-9-]+(?:\.\d{1,4})?|~\d{1,3})$/;

  function load(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function keep(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the link still works */ }
  }
  function clamp(n, low, high) { return Math.min(high, Math.max(low, Math.round(n))); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function planner(root) {
    var methods = {};
    Array.prototype.forEach.call(root.querySelectorAll(".hb-planner__method"), function (node) {
      var a = function (k) { return node.getAttribute("data-hb-" + k); };
      methods[a("slug")] = { node: node, title: a("title"), href: a("href"), time: a("time"), min: Number(a("min")),
        max: Number(a("max")), session: a("session") === "true", materials: JSON.parse(a("materials")), steps: JSON.parse(a("steps")) };
    });
    function $(selector) { return root.querySelector(selector); }
    var agenda = $(".hb-planner__agenda"), total = $(".hb-planner__total"), needs = $(".hb-planner__materials");
    var cards = $(".hb-planner__cards"), link = $(".hb-planner__link"), status = $("#hb-planner-status");
    var fields = { name: $("#hb-planner-name"), date: $("#hb-planner-date"), start: $("#hb-planner-start"), target: $("#hb-planner-target") };
    var supplies = JSON.parse(w("supplies"));
    var lang = document.documentElement.lang || "en";
    if (lang === "en") lang = "en-GB";  /* dates as in Britain: Tuesday 8 December 2026 */
    function w(key) { return root.getAttribute("data-hb-" + key) || ""; }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? values[k] : all; });
    }
    function words(minutes) {
      var h = Math.floor(minutes / 60), m = minutes % 60;
      return fill(w(!h ? "minutes" : m ? "hours-minutes" : "hours"), { h: h, m: m });
    }
    function clock(minutes) {
      minutes = ((minutes % 1440) + 1440) % 1440;
      return ("0" + Math.floor(minutes / 60)).slice(-2) + ":" + ("0" + (minutes % 60)).slice(-2);
    }
    function startMinutes() {
      var m = /^(\d{1,2}):(\d{2})$/.exec(fields.start.value);
      return m ? clamp(Number(m[1]) * 60 + Number(m[2]), 0, 1439) : 600;
    }

    /* The plan: from the link when it has one (someone's shared plan), else from this browser. */
    var uid = 0, items = [];
    var params = new URLSearchParams(location.search);
    var shared = params.has("plan");
    var tokens = shared ? params.get("plan").split(",") : load(STORE, []);
    var details = shared ? {} : load(DETAILS, {});
    ["name", "date", "start", "target"].forEach(function (k) {
      var value = shared ? params.get(k) : details[k];
      if (value) fields[k].value = String(value).slice(0, 80);
    });
    (Array.isArray(tokens) ? tokens : []).forEach(function (t) {
      if (!TOKEN.test(t)) return;
      if (t.charAt(0) === "~") { items.push({ id: "b" + (uid += 1), min: clamp(Number(t.slice(1)), 5, 240) }); return; }
      var parts = t.split("."), m = methods[parts[0]];
      if (!m || items.some(function (it) { return it.slug === parts[0]; })) return;
      items.push({ id: parts[0], slug: parts[0], min: parts[1] && m.session ? clamp(Number(parts[1]), m.min, m.max) : m.min });
    });

    function title(it, n) { return it.slug ? methods[it.slug].title : fill(w("break-n"), { n: n }); }
    function timed(it) { return !it.slug || methods[it.slug].session; }
    function token(it) {
      return it.slug ? it.slug + (timed(it) && it.min !== methods[it.slug].min ? "." + it.min : "") : "~" + it.min;
    }
    function query() {
      if (!items.length) return "";
      var q = "?plan=" + items.map(token).join(",");
      ["start", "target", "date", "name"].forEach(function (k) {
        if (fields[k].value) q += "&" + k + "=" + encodeURIComponent(fields[k].value).replace(/%3A/g, ":");
      });
      return q;
    }
    function button(text, label, action) {
      var b = el("button", "hb-planner__move", text);
      b.type = "button";
      b.setAttribute("aria-label", label);
      b.setAttribute("data-hb-action", action);
      return b;
    }

    /* Builds the agenda's items (when the plan's order or content changes), then update() fills
       in everything that follows from the times, so typing a length does not rebuild the input. */
    function build(focus) {
      agenda.textContent = "";
      var breaks = 0;
      items.forEach(function (it, i) {
        var m = it.slug && methods[it.slug], name = title(it, it.slug ? 0 : (breaks += 1));
        var li = el("li", it.slug ? "hb-planner__item" : "hb-planner__item hb-planner__item--break");
        li.setAttribute("data-hb-id", it.id);
        if (it.slug) li.setAttribute("data-hb-slug", it.slug);
        var head = el("p", "hb-planner__head");
        head.appendChild(el("span", "hb-planner__clock"));
        head.appendChild(document.createTextNode(" "));
        if (m) {
          var a = el("a", "", name);
          a.href = m.href;
          head.appendChild(a);
        } else {
          head.appendChild(el("strong", "", name));
        }
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("span", "hb-planner__duration"));
        li.appendChild(head);
        var when = el("p", "hb-planner__when hb-no-print",
          m && m.session ? fill(w("range"), { time: m.time }) : "");
        if (timed(it)) {
          var label = el("label", "hb-planner__length");
          label.appendChild(el("span", "", w("length")));
          var input = el("input");
          input.type = "number";
          input.step = "5";
          input.min = m ? m.min : 5;
          input.max = m ? m.max : 240;
          input.value = it.min;
          input.setAttribute("inputmode", "numeric");
          input.setAttribute("aria-label", m ? fill(w("length-named"), { title: name, min: m.min, max: m.max })
            : fill(w("break-length-named"), { n: breaks }));
          label.appendChild(document.createTextNode(" "));
          label.appendChild(input);
          when.appendChild(document.createTextNode(m ? " " : ""));
          when.appendChild(label);
        }
        if (when.childNodes.length) li.appendChild(when);
        var tools = el("p", "hb-planner__tools hb-no-print");
        if (i > 0) tools.appendChild(button("↑", fill(w("up"), { title: name }), "up"));
        if (i < items.length - 1) tools.appendChild(button("↓", fill(w("down"), { title: name }), "down"));
        tools.appendChild(button("✕", fill(w("remove"), { title: name }), "remove"));
        li.appendChild(tools);
        if (m) {  /* the steps in short, for the printed agenda */
          var steps = el("ol", "hb-planner__steps hb-print-only");
          steps.setAttribute("aria-label", fill(w("steps"), { title: name }));
          m.steps.forEach(function (s) { steps.appendChild(el("li", "", s)); });
          li.appendChild(steps);
        }
        agenda.appendChild(li);
      });
      Object.keys(methods).forEach(function (slug) { methods[slug].node.hidden = true; });
      items.forEach(function (it) {
        if (!it.slug) return;
        methods[it.slug].node.hidden = false;
        cards.appendChild(methods[it.slug].node);  /* the cards follow the agenda's order */
      });
      $(".hb-planner__empty").hidden = items.length > 0;
      Array.prototype.forEach.call(root.querySelectorAll(".hb-planner__details, .hb-planner__sheet > *, .hb-planner__controls"), function (e) {
        e.hidden = !items.length;
      });
      $(".hb-planner__cards-heading").hidden = !items.some(function (it) { return it.slug; });
      update();
      if (focus) {
        var sel = 'li[data-hb-id="' + focus[0] + '"] ';
        var target = (focus[1] === "length" && agenda.querySelector(sel + "input")) ||
          agenda.querySelector(sel + '[data-hb-action="' + focus[1] + '"]') ||
          agenda.querySelector(sel + '[data-hb-action="' + (focus[1] === "up" ? "down" : "up") + '"]') ||
          agenda.querySelector(sel + '[data-hb-action="remove"]') ||
          agenda.querySelector("[data-hb-action]") || $(".hb-planner__empty");
        if (target.tagName === "P") target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }

    function update() {
      keep(STORE, items.map(token));
      var d = {};
      Object.keys(fields).forEach(function (k) { if (fields[k].value) d[k] = fields[k].value; });
      keep(DETAILS, d);
      var q = query();
      history.replaceState(null, "", location.pathname + q + location.hash);
      var address = (w("online") || location.href.split(/[?#]/)[0]) + q;
      link.value = address;
      var start = startMinutes(), t = start, seen = {}, order = [];
      items.forEach(function (it) {
        var li = agenda.querySelector('li[data-hb-id="' + it.id + '"]');
        if (timed(it)) {
          li.querySelector(".hb-planner__clock").textContent = clock(t) + "–" + clock(t + it.min);
          li.querySelector(".hb-planner__duration").textContent = "(" + words(it.min) + ")";
          t += it.min;
        } else {
          li.querySelector(".hb-planner__duration").textContent = "(" + methods[it.slug].time + ", " + w("not-counted") + ")";
        }
        if (!it.slug) return;
        methods[it.slug].materials.forEach(function (pair) {  /* like items once (macros/materials.py) */
          if (!seen[pair[0]]) { seen[pair[0]] = { text: pair[1] || supplies[pair[0].slice(7)], titles: [] }; order.push(pair[0]); }
          seen[pair[0]].titles.push(methods[it.slug].title);
        });
      });
      var sum = t - start, target = Number(fields.target.value) || 0;
      var text = fill(w("total"), { total: words(sum), start: clock(start), end: clock(t) });
      if (target > 0) {
        var diff = sum - target, values = { diff: words(Math.abs(diff)), target: words(target) };
        text += " " + fill(w(diff > 0 ? "over" : diff < 0 ? "under" : "on-target"), values);
      }
      total.textContent = items.length ? text : "";
      total.setAttribute("data-hb-total", sum);
      total.setAttribute("data-hb-end", clock(t));
      total.classList.toggle("hb-planner__total--over", target > 0 && sum > target);
      needs.textContent = "";
      order.forEach(function (k) {
        var li = el("li", "", seen[k].text + " ");
        li.appendChild(el("span", "hb-planner__for", "(" + fill(w("needed-by"), { titles: seen[k].titles.join(", ") }) + ")"));
        needs.appendChild(li);
      });
      $(".hb-planner__materials-heading").hidden = !order.length;
      /* The printed agenda's head, and the way back to the plan: its address and a QR code. */
      $(".hb-planner__print-title").textContent = fields.name.value || w("untitled");
      var when = clock(start) + "–" + clock(t), date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields.date.value);
      if (date) {
        var day = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
        try {
          when = day.toLocaleDateString(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" }) + ", " + when;
        } catch (e) { when = fields.date.value + ", " + when; }
      }
      $(".hb-planner__print-when").textContent = when;
      $(".hb-planner__url").textContent = address;
      qr($(".hb-planner__qr"), address);
    }

    agenda.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-hb-action]");
      if (!b) return;
      var li = b.closest("li"), at = Array.prototype.indexOf.call(agenda.children, li);
      var it = items[at], action = b.getAttribute("data-hb-action");
      var name = li.querySelector(".hb-planner__head a, .hb-planner__head strong").textContent;
      if (action === "remove") {
        items.splice(at, 1);
        var next = items[Math.min(at, items.length - 1)];
        status.textContent = fill(w("gone"), { title: name });
        build(next ? [next.id, "remove"] : ["", ""]);
        return;
      }
      var to = action === "up" ? at - 1 : at + 1;
      items.splice(at, 1);
      items.splice(to, 0, it);
      status.textContent = fill(w("moved"), { title: name, n: to + 1 });
      build([it.id, action]);
    });
    function length(event, final) {
      var input = event.target;
      if (input.tagName !== "INPUT") return;
      var it = items[Array.prototype.indexOf.call(agenda.children, input.closest("li"))];
      var value = Number(input.value);
      if (!input.value || isNaN(value)) { if (final) input.value = it.min; return; }
      it.min = clamp(value, Number(input.min), Number(input.max));
      if (final) input.value = it.min;
      update();
    }
    agenda.addEventListener("input", function (event) { length(event, false); });
    agenda.addEventListener("change", function (event) { length(event, true); });
    Object.keys(fields).forEach(function (k) { fields[k].addEventListener("input", update); });
    fields.start.addEventListener("change", function () { if (!fields.start.value) fields.start.value = "10:00"; update(); });
    $(".hb-planner__add-break").addEventListener("click", function () {
      var it = { id: "b" + (uid += 1), min: 15 };
      items.push(it);
      status.textContent = w("break-added");
      build([it.id, "length"]);
    });
    $(".hb-planner__copy").addEventListener("click", function () {
      var said = $("#hb-planner-copied");
      var done = function () {  /* said beside the button, and by its live region to screen readers */
        said.textContent = "";
        setTimeout(function () { said.textContent = w("copied"); }, 50);
      };
      link.select();
      if (navigator.clipboard) navigator.clipboard.writeText(link.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    $(".hb-planner__print").addEventListener("click", function () { window.print(); });
    $(".hb-planner__clear").addEventListener("click", function () {
      items = [];
      status.textContent = w("cleared");
      $("#hb-planner-copied").textContent = "";
      build(["", ""]);
    });
    root.hidden = false;
    document.querySelector(".hb-planner__nojs").hidden = true;
    build();
  }

  /* The plan's address as a QR code, drawn as SVG from Project Nayuki's encoder (vendor/). */
  function qr(box, text) {
    box.textContent = "";
    if (!window.qrcodegen) return;
    var code = window.qrcodegen.QrCode.encodeText(text, window.qrcodegen.QrCode.Ecc.MEDIUM), size = code.size, d = "";
    for (var y = 0; y < size; y += 1) {
      for (var x = 0; x < size; x += 1) if (code.getModule(x, y)) d += "M" + (x + 2) + " " + (y + 2) + "h1v1h-1z";
    }
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 " + (size + 4) + " " + (size + 4));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("shape-rendering", "crispEdges");
    path.setAttribute("d", d);
    svg.appendChild(path);
    box.appendChild(svg);
    box.setAttribute("data-hb-text", text);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("hb-planner");
    if (root) planner(root);
  });
})();
