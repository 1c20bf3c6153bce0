"""Near misses: a method that the time or people answer leaves out by a little is offered as
"Also consider", with the limit that left it out, in the start guide and in the methods finder.

"A little" (the rule the README states, written out again here rather than taken from the
script): the card's limit is no further from the answer than a quarter of the answer, and for
people always at least one person. The other filters must all match. The words of each item
come from the card on the method's built page (its title and time) and from the front matter's
group size."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

import pytest

from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser


def page_soup(path):
    """A built page, parsed with lxml (ten times quicker than html.parser on these pages)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

EN = {"max": "up to {n} people", "min": "at least {n} people", "time": "takes {time}"}
CY = {"max": "hyd at {n} o bobl", "min": "o leiaf {n} o bobl", "time": "yn cymryd {time}"}


def nearly(limit: float, answer: float, least: float) -> bool:
    return abs(limit - answer) <= max(least, answer / 4)


@functools.lru_cache(maxsize=None)
def card(site, lang: str, slug: str) -> tuple[str, str]:
    """A method's title and time as its own built page shows them."""
    page = page_soup(site / lang / "methods" / slug / "index.html")
    return page.select_one("h1").get_text(strip=True).rstrip("¶"), \
        page.select_one(".hb-card--full .hb-card__fact--time dd").get_text(strip=True)


def expected(site, catalogue, entries, time=0, people=0, lang="", words=EN) -> list[str]:
    found = []
    for e in entries:
        d = e.data
        least = d.time.min * catalogue.vocab.term("time_units", d.time.unit).extra["minutes"]
        fits_time = not time or least <= time
        fits_people = not people or d.people.min <= people <= d.people.max
        if fits_time and fits_people:
            continue
        why = []
        title, time_text = card(site, lang, e.slug)
        if not fits_time:
            if not nearly(least, time, 0):
                continue
            why.append(words["time"].format(time=time_text))
        if not fits_people:
            limit, side = (d.people.max, "max") if people > d.people.max else (d.people.min, "min")
            if not nearly(limit, people, 1):
                continue
            why.append(words[side].format(n=limit))
        found.append(f"{title} — {', '.join(why)}")
    return found


def near_items(page, box: str) -> list[str]:
    return page.eval_on_selector_all(f"{box}:not([hidden]) li", "items => items.map(li => li.textContent)")


def in_situation(catalogue, key):
    return [e for e in catalogue.items("method") if key in e.data.good_for]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_nine_people_offer_root_cause_analysis_in_the_start_guide(page, base_url):
    page.goto(base_url + "start/?" + urlencode({"situation": "new-challenge", "people": 9}))
    suggested = page.eval_on_selector_all(".hb-start__situation:not([hidden]) li:not([hidden]) > a",
                                          "a => a.map(x => x.textContent)")
    assert "Root cause analysis" not in suggested
    box = page.locator("#hb-start-near")
    assert box.is_visible()
    assert box.locator("p").inner_text() == "Also consider:"
    assert "Root cause analysis — up to 8 people" in near_items(page, "#hb-start-near")
    link = box.get_by_role("link", name="Root cause analysis")
    assert link.get_attribute("href").rstrip("/").endswith("methods/root-cause-analysis")
    n = len(near_items(page, "#hb-start-near"))
    assert page.locator("#hb-start-nearly").inner_text() == f"{n} more nearly fit: see “Also consider” after the list."


def test_nine_people_offer_root_cause_analysis_in_the_finder(page, base_url):
    page.goto(base_url + "methods/")
    page.fill('#hb-filters input[name="people"]', "9")
    assert page.locator('article[data-hb-slug="root-cause-analysis"]').is_hidden()
    box = page.locator("#hb-filters-near")
    assert box.is_visible() and box.locator("p").inner_text() == "Also consider:"
    assert "Root cause analysis — up to 8 people" in near_items(page, "#hb-filters-near")
    page.fill('#hb-filters input[name="people"]', "11")  # 3 more than 8: not "a little"
    assert not any(item.startswith("Root cause analysis") for item in near_items(page, "#hb-filters-near"))
    page.fill('#hb-filters input[name="people"]', "5")  # fits
    assert page.locator('article[data-hb-slug="root-cause-analysis"]').is_visible()
    assert not any(item.startswith("Root cause analysis") for item in near_items(page, "#hb-filters-near"))


@pytest.mark.parametrize("answers", [{"people": 2}, {"people": 9}, {"people": 10}, {"people": 11}, {"people": 40},
                                     {"time": 60}, {"time": 225}, {"time": 450}, {"time": 225, "people": 9}])
def test_the_start_guide_offers_exactly_the_near_misses(page, base_url, site, catalogue, answers):
    page.goto(base_url + "start/?" + urlencode(answers))
    for term in catalogue.vocab.terms("situations"):
        page.check(f'#hb-start input[name="situation"][value="{term.key}"]')
        want = expected(site, catalogue, in_situation(catalogue, term.key), **answers)
        assert near_items(page, "#hb-start-near") == want, term.key


@pytest.mark.parametrize("query", [{"people": 9}, {"people": 2}, {"time": 225}, {"phase": "understand", "people": 9},
                                   {"difficulty": "starter", "time": 60, "people": 13}])
def test_the_finder_offers_exactly_the_near_misses(page, base_url, site, catalogue, query):
    page.goto(base_url + "methods/?" + urlencode(query))
    entries = [e for e in catalogue.items("method")
               if ("phase" not in query or query["phase"] in e.data.phases)
               and ("difficulty" not in query or e.data.difficulty == query["difficulty"])]
    order = page.eval_on_selector_all("article.hb-card--compact", "cards => cards.map(c => c.dataset.hbSlug)")
    entries.sort(key=lambda e: order.index(e.slug))  # the finder lists them in its cards' order
    want = expected(site, catalogue, entries, time=query.get("time", 0), people=query.get("people", 0))
    assert near_items(page, "#hb-filters-near") == want
    if query == {"time": 225}:
        assert want, "half a day should nearly fit some 4-hour methods: the case tests nothing otherwise"


def test_near_misses_in_welsh(page, base_url, site, catalogue):
    title, _ = card(site, "cy", "root-cause-analysis")
    page.goto(base_url + "cy/start/?" + urlencode({"situation": "new-challenge", "people": 9}))
    assert page.locator("#hb-start-near p").inner_text() == "Ystyriwch hefyd:"
    assert f"{title} — hyd at 8 o bobl" in near_items(page, "#hb-start-near")
    page.goto(base_url + "cy/methods/?people=9")
    assert page.locator("#hb-filters-near p").inner_text() == "Ystyriwch hefyd:"
    order = page.eval_on_selector_all("article.hb-card--compact", "cards => cards.map(c => c.dataset.hbSlug)")
    entries = sorted(catalogue.items("method"), key=lambda e: order.index(e.slug))
    assert near_items(page, "#hb-filters-near") == expected(site, catalogue, entries, people=9, lang="cy", words=CY)


def test_without_javascript_there_are_no_near_misses(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("start/", "methods/"):
        page.goto(base_url + path + "?people=9")
        assert page.locator(".hb-near").count() == 1 and page.locator(".hb-near").is_hidden(), path
    context.close()


def test_the_near_misses_script_is_small_and_only_where_it_is_needed(site):
    """Its own budget (3 KB minified): it is not counted in handbook.js's, as only the finder and
    the start guide load it, in both languages."""
    import re

    import rjsmin

    script = site / "assets" / "javascripts" / "pages" / "near-misses.js"
    size = len(rjsmin.jsmin(script.read_text(encoding="utf-8")).encode("utf-8"))
    assert size < 3 * 1024, f"near-misses.js is {size} bytes minified (budget 3 KB)"
    loading = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
               if re.search(r'<script src="[^"]*pages/near-misses\.js"', p.read_text(encoding="utf-8"))}
    assert loading == {"methods", "start", "cy/methods", "cy/start"}
