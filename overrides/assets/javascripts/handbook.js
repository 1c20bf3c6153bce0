/* The handbook's own script: small, no framework, no requests. Progressive enhancement:
   every page works without it. Written by hand because the job is small (a filter over
   data attributes) and a library would weigh more than the feature. */
(function () {
  "use strict";

  /* Methods finder ---------------------------------------------------------------- */
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
      Array.prototype.forEach.call(form.elements, function (el) {
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
      cards.forEach(function (card) {
        var ok = matches(card, s);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
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
      Array.prototype.forEach.call(form.elements, function (el) {
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
    form.addEventListener("reset", function () {
      setTimeout(function () {
        apply();
        history.pushState(null, "", location.pathname);
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("hb-filters");
    if (form) finder(form);
  });
})();
