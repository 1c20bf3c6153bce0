"""On the Welsh site, the methods finder and the search results say when a page is translated
only in part: "only the card" (a translation with no body) or "not yet translated" (none). A
page in full says nothing, and the English site never does.

Every Welsh page of the handbook is translated in full, so there the indicator must be absent;
the mini handbook (tests/fixtures/mini) has a card-only translation (alpha) and methods with
none (beta, gamma), so there it must show."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
from bs4 import BeautifulSoup

from helpers import MINI, copy_project, run_build

pytestmark = pytest.mark.browser

CARD_ONLY = "Dim ond y cerdyn sydd wedi'i gyfieithu"
NOT_TRANSLATED = "Heb ei gyfieithu eto"


def page_soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def states(finder) -> dict[str, str]:
    """Each finder card's indicator, by the method's slug ("" for none)."""
    return {card["data-hb-slug"]: (card.select_one(".hb-card__state").get_text(strip=True)
                                   if card.select_one(".hb-card__state") else "")
            for card in finder.select("article.hb-card--compact")}


def search_tags(site, lang: str) -> set[str]:
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {tag for doc in index["docs"] for tag in doc.get("tags", [])}


def test_the_handbook_shows_no_indicator_because_every_welsh_page_is_full(site, catalogue):
    notes = [p for p in sorted((site / "cy").rglob("index.html")) if page_soup(p).select(".hb-lang-note")]
    assert not notes, f"these Welsh pages are not translated in full, so the test below tests less: {notes}"
    for lang in ("", "cy"):
        found = states(page_soup(site / lang / "methods" / "index.html"))
        assert set(found) == {e.slug for e in catalogue.items("method")}
        assert set(found.values()) == {""}, lang
        assert not search_tags(site, lang) & {CARD_ONLY, NOT_TRANSLATED}, lang


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    assert (MINI / "docs" / "methods" / "alpha.cy.md").read_text().rstrip().endswith("---"), \
        "the mini alpha's Welsh translation should hold only the card"
    assert not (MINI / "docs" / "methods" / "beta.cy.md").exists()
    project = copy_project(tmp_path_factory.mktemp("translation-state") / "project")
    out = project.parent / "site"
    result = run_build(project, out, languages="en,cy")
    assert result.returncode == 0, result.stderr
    return out


def test_the_welsh_finder_marks_partial_pages_and_the_english_finder_none(mini_site):
    assert states(page_soup(mini_site / "cy" / "methods" / "index.html")) == {
        "alpha": CARD_ONLY, "beta": NOT_TRANSLATED, "gamma": NOT_TRANSLATED}
    assert set(states(page_soup(mini_site / "methods" / "index.html")).values()) == {""}
    assert not search_tags(mini_site, "") & {CARD_ONLY, NOT_TRANSLATED}


@pytest.fixture(scope="module")
def mini_url(mini_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                                                  {"log_message": lambda *a: None}), directory=str(mini_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def first_result(page, query: str):
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=10)
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=15000)
    page.wait_for_timeout(300)  # the worker answers each key press: let the last answer land
    return page.locator(".md-search-result__item").first


@pytest.mark.parametrize("lang, query, tag", [("cy/", "alffa", CARD_ONLY), ("cy/", "beta", NOT_TRANSLATED),
                                              ("", "alpha", None)])
def test_a_search_result_says_how_much_is_translated(browser, mini_url, lang, query, tag):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(mini_url + lang, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    result = first_result(page, query)
    tags = result.locator(".md-tag").all_inner_texts()
    context.close()
    if tag:
        assert tags[:1] == [tag], tags
    else:
        assert not set(tags) & {CARD_ONLY, NOT_TRANSLATED}, tags
