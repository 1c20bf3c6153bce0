/* The handbook's own script: small, no framework, no requests. Progressive enhancement:
   every page works without it. Written by hand because the job is small (a filter over
   data attributes) and a library would weigh more than the feature. */
(function () {
  "use strict";

  /* Methods finder ---------------------------------------------------------------- */
  /* The finder and the guide are groups of controls, not <form>s (they submit nothing): their
     controls are the elements with a name. */
  function controls(root) {
    return root.querySelectorAll("input[name], select[name]");
  }

  function finder(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll("article.hb-card--compact"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".hb-phase-group"));
    var status = document.getElementById("hb-filters-count");
    var names = ["phase", "difficulty", "time", "people", "mindset", "theme", "lab"];

    function words(card, name) {
      return (card.getAttribute("data-hb-" + name) || "").split(" ");
    }

    function state() {
      var s = {};
      names.forEach(function (name) { s[name] = []; });
      Array.prototype.forEach.call(controls(form), function (el) {
        if (!el.name || names.indexOf(el.name) < 0) return;
        if ((el.type === "checkbox" && el.checked) || (el.type !== "checkbox" && el.value)) s[el.name].push(el.value);
      });
      return s;
    }

    function matches(card, s) {
      if (s.phase.length && !s.phase.some(function (p) { return words(card, "phases").indexOf(p) >= 0; })) return false;
      if (s.difficulty.length && s.difficulty.indexOf(card.getAttribute("data-hb-difficulty")) < 0) return false;
      if (s.time.length && Number(card.getAttribute("data-hb-time-min")) > Number(s.time[0])) return false;
      if (s.people.length) {
        var n = Number(s.people[0]);
        if (n < Number(card.getAttribute("data-hb-people-min")) || n > Number(card.getAttribute("data-hb-people-max"))) return false;
      }
      if (s.mindset.length && words(card, "mindsets").indexOf(s.mindset[0]) < 0) return false;
      if (s.theme.length && words(card, "themes").indexOf(s.theme[0]) < 0) return false;
      if (s.lab.length && words(card, "labs").indexOf(s.lab[0]) < 0) return false;
      return true;
    }

    function apply() {
      var s = state();
      var shown = 0;
      var near = window.hbNear, missed = [], loose = Object.assign({}, s, { time: [], people: [] });
      cards.forEach(function (card) {
        var ok = matches(card, s);
        card.hidden = !ok;
        if (ok) shown += 1;
        else if (near && matches(card, loose)) near.miss(missed, card, form, s.time[0], s.people[0]);
      });
      if (near) near.show("hb-filters-near", form, missed);
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("article.hb-card--compact:not([hidden])");
      });
      status.textContent = shown
        ? form.getAttribute("data-hb-count").replace("{n}", shown).replace("{total}", cards.length)
        : form.getAttribute("data-hb-none");
      return s;
    }

    function toQuery(s) {
      var params = new URLSearchParams();
      names.forEach(function (name) { s[name].forEach(function (v) { params.append(name, v); }); });
      var q = params.toString();
      return q ? "?" + q : location.pathname;
    }

    function fromQuery() {
      var params = new URLSearchParams(location.search);
      Array.prototype.forEach.call(controls(form), function (el) {
        if (!el.name || names.indexOf(el.name) < 0) return;
        var values = params.getAll(el.name);
        if (el.type === "checkbox") el.checked = values.indexOf(el.value) >= 0;
        else el.value = values[0] || "";
      });
      apply();
    }

    form.addEventListener("change", function () {
      history.pushState(null, "", toQuery(apply()) + location.hash);
    });
    form.addEventListener("input", function (event) {
      if (event.target.type === "number") apply();
    });
    form.querySelector("[data-hb-clear]").addEventListener("click", function () {
      Array.prototype.forEach.call(controls(form), function (el) {
        if (el.type === "checkbox") el.checked = false;
        else el.value = "";
      });
      apply();
      history.pushState(null, "", location.pathname);
    });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
  }

  /* "Where do I start?" ------------------------------------------------------------ */
  function start(form) {
    var sections = Array.prototype.slice.call(document.querySelectorAll(".hb-start__situation"));
    var reason = document.getElementById("hb-start-reason");

    function read() {
      var checked = form.querySelector('input[name="situation"]:checked');
      return {
        situation: checked ? checked.value : "",
        time: form.querySelector("[name=time]").value,
        people: form.querySelector("[name=people]").value
      };
    }

    function apply() {
      var s = read();
      var shown = 0, near = window.hbNear, missed = [];
      sections.forEach(function (section) {
        var active = section.getAttribute("data-hb-situation") === s.situation;
        section.hidden = !active;
        Array.prototype.forEach.call(section.querySelectorAll("li"), function (li) {
          var ok = active &&
            (!s.time || Number(li.getAttribute("data-hb-time-min")) <= Number(s.time)) &&
            (!s.people || (Number(s.people) >= Number(li.getAttribute("data-hb-people-min")) &&
                           Number(s.people) <= Number(li.getAttribute("data-hb-people-max"))));
          li.hidden = !ok;
          if (ok) shown += 1;
          else if (near && active) near.miss(missed, li, form, s.time, s.people);
        });
      });
      if (near) near.guide(form, s.situation, shown, missed);
      if (!s.situation) {
        reason.textContent = "";
        return s;
      }
      var label = form.querySelector('input[name="situation"]:checked').parentNode.textContent.trim();
      var text = form.getAttribute("data-hb-because").replace("{situation}", label);
      if (s.time) {
        var option = form.querySelector("[name=time]").options[form.querySelector("[name=time]").selectedIndex].text.toLowerCase();
        text += ", " + form.getAttribute("data-hb-time-reason").replace("{time}", option);
      }
      if (s.people) text += ", " + form.getAttribute("data-hb-people-reason").replace("{n}", s.people);
      reason.textContent = shown ? text + "." : form.getAttribute("data-hb-none");
      return s;
    }

    function save(s) {
      var params = new URLSearchParams();
      Object.keys(s).forEach(function (k) { if (s[k]) params.set(k, s[k]); });
      history.replaceState(null, "", (params.toString() ? "?" + params : location.pathname));
    }

    var params = new URLSearchParams(location.search);
    var initial = form.querySelector('input[name="situation"][value="' + (params.get("situation") || "").replace(/[^a-z-]/g, "") + '"]');
    if (initial) initial.checked = true;
    form.querySelector("[name=time]").value = params.get("time") || "";
    form.querySelector("[name=people]").value = params.get("people") || "";
    form.addEventListener("change", function () { save(apply()); });
    form.addEventListener("input", function () { save(apply()); });
    form.hidden = false;
    apply();
  }

  /* Session planner ---------------------------------------------------------------- */
  /* The plan is a list of method slugs, kept in this browser (localStorage) and in the
     planner's address (?plan=a,b,c) so that it can be shared. Nothing is sent anywhere. */
  var STORE = "hb-session";

  function readPlan() {
    try {
      var plan = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(plan) ? plan.filter(function (s) { return /^[a-z0-9-]+$/.test(s); }) : [];
    } catch (e) {
      return [];
    }
  }

  function writePlan(plan) {
    try { localStorage.setItem(STORE, JSON.stringify(plan)); } catch (e) { /* private mode: the link still works */ }
  }

  function planButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("button.hb-plan__toggle"), function (button) {
      var slug = button.getAttribute("data-hb-slug");
      function show() {
        var on = readPlan().indexOf(slug) >= 0;
        button.textContent = button.getAttribute(on ? "data-hb-remove" : "data-hb-add");
      }
      button.addEventListener("click", function () {
        var plan = readPlan();
        var at = plan.indexOf(slug);
        if (at >= 0) plan.splice(at, 1); else plan.push(slug);
        writePlan(plan);
        show();
        button.parentNode.querySelector(".hb-plan__status").textContent =
          button.getAttribute(at >= 0 ? "data-hb-removed" : "data-hb-added").replace("{n}", plan.length);
      });
      show();
      button.parentNode.classList.add("hb-plan--ready");
    });
  }

  function planner(root) {
    var methods = {};
    Array.prototype.forEach.call(root.querySelectorAll(".hb-planner__method"), function (el) {
      methods[el.getAttribute("data-hb-slug")] = el;
    });
    var agenda = root.querySelector(".hb-planner__agenda");
    var total = root.querySelector(".hb-planner__total");
    var needs = root.querySelector(".hb-planner__materials");
    var cards = root.querySelector(".hb-planner__cards");
    var link = root.querySelector(".hb-planner__link");
    var status = document.getElementById("hb-planner-status");
    function w(key) { return root.getAttribute("data-hb-" + key) || ""; }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? values[k] : all; });
    }
    function words(minutes) {
      var h = Math.floor(minutes / 60), m = minutes % 60;
      return fill(w(!h ? "minutes" : m ? "hours-minutes" : "hours"), { h: h, m: m });
    }
    function clock(minutes) {
      return Math.floor(minutes / 60) + ":" + ("0" + (minutes % 60)).slice(-2);
    }
    function button(text, label, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "hb-planner__move";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.setAttribute("data-hb-action", action);
      return b;
    }

    var params = new URLSearchParams(location.search);
    var plan = params.has("plan") ? params.get("plan").split(",") : readPlan();
    plan = plan.filter(function (s, i) { return methods[s] && plan.indexOf(s) === i; });

    function render(focus) {
      writePlan(plan);
      history.replaceState(null, "", location.pathname + (plan.length ? "?plan=" + plan.join(",") : "") + location.hash);
      link.value = location.href.split("#")[0];
      agenda.textContent = "";
      needs.textContent = "";
      var start = 0, longest = 0, seen = [];
      plan.forEach(function (slug, i) {
        var el = methods[slug], title = el.getAttribute("data-hb-title");
        var li = document.createElement("li");
        li.setAttribute("data-hb-slug", slug);
        var a = document.createElement("a");
        a.href = el.getAttribute("data-hb-href");
        a.textContent = title;
        var when = document.createElement("span");
        when.className = "hb-planner__when";
        if (el.getAttribute("data-hb-session") === "true") {
          when.textContent = fill(w("starts"), { start: clock(start) }) + " · " + el.getAttribute("data-hb-time");
          start += Number(el.getAttribute("data-hb-min"));
          longest += Number(el.getAttribute("data-hb-max"));
        } else {
          when.textContent = el.getAttribute("data-hb-time") + " · " + w("not-counted");
        }
        var tools = document.createElement("span");
        tools.className = "hb-planner__tools hb-no-print";
        if (i > 0) tools.appendChild(button("↑", fill(w("up"), { title: title }), "up"));
        if (i < plan.length - 1) tools.appendChild(button("↓", fill(w("down"), { title: title }), "down"));
        tools.appendChild(button("✕", fill(w("remove"), { title: title }), "remove"));
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(when);
        li.appendChild(tools);
        agenda.appendChild(li);
        JSON.parse(el.getAttribute("data-hb-materials")).forEach(function (item) {
          if (seen.indexOf(item) >= 0) return;
          seen.push(item);
          var need = document.createElement("li");
          need.textContent = item;
          needs.appendChild(need);
        });
        cards.appendChild(el);  /* the cards follow the agenda's order */
      });
      Object.keys(methods).forEach(function (slug) { methods[slug].hidden = plan.indexOf(slug) < 0; });
      total.textContent = plan.length ? fill(w("total"), { min: words(start), max: words(longest) }) : "";
      total.setAttribute("data-hb-min", start);
      total.setAttribute("data-hb-max", longest);
      root.querySelector(".hb-planner__empty").hidden = plan.length > 0;
      Array.prototype.forEach.call(root.querySelectorAll(".hb-planner__agenda, .hb-planner__total, .hb-planner__assume, .hb-planner__materials, .hb-planner__cards-heading, .hb-planner__print"), function (el) {
        el.hidden = !plan.length;
      });
      if (focus) {
        var item = 'li[data-hb-slug="' + focus[0] + '"] [data-hb-action="';
        var target = agenda.querySelector(item + focus[1] + '"]') ||
          agenda.querySelector(item + (focus[1] === "up" ? "down" : "up") + '"]') ||
          agenda.querySelector(item + 'remove"]') ||
          agenda.querySelector("[data-hb-action]") || root.querySelector(".hb-planner__empty");
        if (target.tagName === "P") target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }

    agenda.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-hb-action]");
      if (!b) return;
      var slug = b.closest("li").getAttribute("data-hb-slug");
      var at = plan.indexOf(slug), action = b.getAttribute("data-hb-action");
      var title = methods[slug].getAttribute("data-hb-title");
      if (action === "remove") {
        plan.splice(at, 1);
        var next = plan[Math.min(at, plan.length - 1)];
        status.textContent = fill(w("gone"), { title: title });
        render(next ? [next, "remove"] : ["", ""]);
        return;
      }
      var to = action === "up" ? at - 1 : at + 1;
      plan.splice(at, 1);
      plan.splice(to, 0, slug);
      status.textContent = fill(w("moved"), { title: title, n: to + 1 });
      render([slug, action]);
    });
    root.querySelector(".hb-planner__copy").addEventListener("click", function () {
      link.select();
      var done = function () { status.textContent = w("copied"); };
      if (navigator.clipboard) navigator.clipboard.writeText(link.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    root.querySelector(".hb-planner__print").addEventListener("click", function () { window.print(); });
    root.querySelector(".hb-planner__clear").addEventListener("click", function () {
      plan = [];
      status.textContent = w("cleared");
      render(["", ""]);
    });
    root.hidden = false;
    document.querySelector(".hb-planner__nojs").hidden = true;
    render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    planButtons();
    var plannerRoot = document.getElementById("hb-planner");
    if (plannerRoot) planner(plannerRoot);
    var form = document.getElementById("hb-filters");
    if (form) finder(form);
    var guide = document.getElementById("hb-start");
    if (guide) start(guide);
  });
})();
