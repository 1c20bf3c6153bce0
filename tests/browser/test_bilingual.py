"""Both languages in a real browser: the language link keeps the reader on the same page, and
search on a Welsh page finds Welsh pages (its own index, with Welsh words intact)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_the_language_link_goes_to_the_same_page_and_back(page, base_url):
    page.goto(base_url + "methods/journey-mapping/")
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_load_state()
    assert page.url == base_url + "cy/methods/journey-mapping/"
    assert page.evaluate("document.documentElement.lang") == "cy"
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == base_url + "methods/journey-mapping/"


def search(page, words: str) -> list[str]:
    page.locator("input.md-search__input").click()
    page.keyboard.type(words)  # Material searches on key presses, as a reader types
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    return [a.get_attribute("href") or "" for a in results.all()]


def test_a_welsh_search_on_a_welsh_page_finds_welsh_pages(page, base_url, welsh_titles):
    page.goto(base_url + "cy/")
    hrefs = search(page, "rhagdybiaethau")
    absolute = [page.evaluate("h => new URL(h, document.baseURI).href", h) for h in hrefs]
    assert absolute and all(h.startswith(base_url + "cy/") for h in absolute), absolute
    first = page.locator(".md-search-result__item h1").first.inner_text()
    assert first in welsh_titles, first
    # "her" (a challenge) is an English stop word: the Welsh index keeps it.
    page.goto(base_url + "cy/methods/challenge-framing/")
    assert any("challenge-framing" in h for h in search(page, "her"))


def test_an_english_search_finds_only_english_pages(page, base_url):
    page.goto(base_url)
    hrefs = search(page, "assumptions")
    absolute = [page.evaluate("h => new URL(h, document.baseURI).href", h) for h in hrefs]
    assert absolute and not any("/cy/" in h for h in absolute), absolute


@pytest.fixture(scope="module")
def welsh_titles():
    from helpers import ROOT
    from macros.loader import load

    cat = load(ROOT / "docs", root=ROOT, lang="cy")
    return {e.data.title for kind in ("method", "tool", "mindset") for e in cat.items(kind)} | {
        str(t.text.get("title")) for t in cat.translated["cy"].values()}
