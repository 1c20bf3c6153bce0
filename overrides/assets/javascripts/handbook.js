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

  /* "Add to my session" on the cards -------------------------------------------------- */
  /* The plan is kept in this browser (localStorage): a list of items, each a method's slug
     (with ".minutes" when the planner has set its length) or a break ("~minutes"). The planner
     page's own script, planner.js, reads and writes the same list. Nothing is sent anywhere. */
  var STORE = "hb-session";

  function readPlan() {
    try {
      var plan = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(plan) ? plan.filter(function (s) { return typeof s === "string"; }) : [];
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
      function at(plan) {
        for (var i = 0; i < plan.length; i += 1) if (plan[i].split(".")[0] === slug) return i;
        return -1;
      }
      function show() {
        var on = at(readPlan()) >= 0 ? "remove" : "add";
        button.textContent = button.getAttribute("data-hb-" + on);
        button.setAttribute("aria-label", button.getAttribute("data-hb-" + on + "-named"));
      }
      button.addEventListener("click", function () {
        var plan = readPlan(), i = at(plan);
        if (i >= 0) plan.splice(i, 1); else plan.push(slug);
        writePlan(plan);
        show();
        button.parentNode.querySelector(".hb-plan__status").textContent =
          button.getAttribute(i >= 0 ? "data-hb-removed" : "data-hb-added").replace("{n}", plan.filter(function (s) { return s.charAt(0) !== "~"; }).length);
      });
      show();
      button.parentNode.classList.add("hb-plan--ready");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    planButtons();
    var form = document.getElementById("hb-filters");
    if (form) finder(form);
    var guide = document.getElementById("hb-start");
    if (guide) start(guide);
  });
})();
