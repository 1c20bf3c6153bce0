"""Search loads its index only when a reader reaches for it (overrides/main.html), then works:
most page views never search, and the index is the largest download of the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_the_index_loads_on_first_use_of_search_not_with_the_page(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "methods/", wait_until="networkidle")
    assert not [u for u in requested if "search_index" in u], "the index was fetched with the page"
    if width > 1000:
        page.locator("input.md-search__input").click()  # the search box is in the header
    else:
        page.locator("label[for='__search']").first.click()  # the search button opens it
    page.keyboard.type("journey")
    first = page.locator(".md-search-result__item h1").first
    first.wait_for(timeout=15000)
    assert [u for u in requested if u.endswith("search/search_index.json")]
    assert first.inner_text() == "Journey mapping"
    context.close()


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_search_key_loads_the_index_and_opens_search(browser, base_url, key):
    """Material's keys for search (/, s, f) open it: the index held back in main.html must
    come with them."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "glossary/", wait_until="networkidle")
    assert not [u for u in requested if "search_index" in u], "the index was fetched with the page"
    page.keyboard.press(key)
    page.keyboard.type("journey")
    first = page.locator(".md-search-result__item h1").first
    first.wait_for(timeout=15000)
    assert [u for u in requested if u.endswith("search/search_index.json")]
    assert first.inner_text() == "Journey mapping"
    context.close()


def test_arriving_from_a_search_result_highlights_the_words(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "methods/journey-mapping/?h=touchpoints")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=15000)
    context.close()
