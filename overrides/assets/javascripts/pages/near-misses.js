/* Near misses ("Also consider") and the start guide's results, for the two pages that filter
   methods: the methods finder and "Where do I start?". Loaded only there (their templates,
   hb-filters.html and hb-start.html, include it), before handbook.js, which calls it through
   window.hbNear as it filters; without it, handbook.js filters as before. Kept out of handbook.js so that the
   other pages do not load it (handbook.js has a size budget: tests/site/test_site.py). */
(function () {
  "use strict";

  /* A method that only the time or the people filter leaves out, and each of them only by a
     little, is listed after the results with the limit that left it out. "A little": the card's
     limit is no further from the answer than a quarter of the answer (for people, at least one
     person). So 9 or 10 people nearly fit a card for 3 to 8 (11 do not), 2 nearly fit one for 3
     or more, and "Half a day" (225 minutes) nearly fits a method that needs 4 hours (up to 281
     minutes). The README says the same; tests/browser/test_near_misses.py checks it. */
  function miss(found, el, root, time, people) {
    var why = [], least = Number(el.getAttribute("data-hb-time-min"));
    var lo = Number(el.getAttribute("data-hb-people-min")), hi = Number(el.getAttribute("data-hb-people-max"));
    time = Number(time) || 0;
    people = Number(people) || 0;
    function close(limit, answer, min) { return Math.abs(limit - answer) <= Math.max(min, answer / 4); }
    if (time && least > time) {
      if (!close(least, time, 0)) return;
      why.push(root.getAttribute("data-hb-near-time").replace("{time}", el.querySelector(".hb-card__fact--time dd, .hb-start__time").textContent));
    }
    if (people && (people < lo || people > hi)) {
      var limit = people > hi ? hi : lo;
      if (!close(limit, people, 1)) return;
      why.push(root.getAttribute(people > hi ? "data-hb-near-max" : "data-hb-near-min").replace("{n}", limit));
    }
    if (why.length) found.push([el.querySelector("a"), why.join(", ")]);
  }

  function show(id, root, found) {
    var box = document.getElementById(id);
    box.textContent = "";
    box.hidden = !found.length;
    if (!found.length) return;
    var p = document.createElement("p"), ul = document.createElement("ul");
    p.textContent = root.getAttribute("data-hb-near");
    ul.className = "hb-list";
    found.forEach(function (f) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = f[0].getAttribute("href");
      a.textContent = f[0].textContent;
      if (f[0].parentNode.lang) a.lang = f[0].parentNode.lang;  /* a title not yet translated */
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + f[1]));
      ul.appendChild(li);
    });
    box.appendChild(p);
    box.appendChild(ul);
  }

  /* The start guide's results heading: how many methods are suggested and how many more nearly
     fit (one live region reads them out with the reason), and the way back to the questions. */
  function guide(form, situation, shown, found) {
    function say(id, key, n) {
      document.getElementById(id).textContent = situation && n !== null ? form.getAttribute(key).replace("{n}", n) : "";
    }
    say("hb-start-count", "data-hb-count", shown);
    say("hb-start-nearly", "data-hb-nearly", found.length || null);
    form.querySelector(".hb-start__back").hidden = !situation;
    show("hb-start-near", form, found);
    if (!form.hbResults) results(form);  /* once, from the first call: after handbook.js's own listeners */
  }

  /* On a phone the suggestions lie below the questions, out of sight. After an answer given by
     tapping or clicking, scroll them into view; the live region reads their count out either
     way. Not after one given from the keyboard: the arrow keys move within the radio group, and
     the page must not jump under them (the next Tab reaches the suggestions). Focus stays on
     the answer, and "Change your answers" leads back to the questions, focus on the answer. */
  function results(form) {
    var box = document.getElementById("hb-start-results"), keys = false;
    form.hbResults = true;
    form.addEventListener("keydown", function () { keys = true; });
    document.addEventListener("pointerdown", function () { keys = false; }, true);
    form.addEventListener("change", function () {
      var top = box.getBoundingClientRect().top;
      if (!keys && (top < 0 || top > window.innerHeight * 0.6)) box.scrollIntoView({ block: "start" });
    });
    box.querySelector("a").addEventListener("click", function (event) {
      event.preventDefault();
      form.scrollIntoView({ block: "start" });
      (form.querySelector("input:checked") || form.querySelector("input")).focus({ preventScroll: true });
    });
  }

  window.hbNear = { miss: miss, show: show, guide: guide };
})();
