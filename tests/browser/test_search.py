"""Search loads its index only when a reader reaches for it (overrides/main.html), then works:
most page views never search, and the index is the largest download of the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


# Every way a reader opens search: the box in the header, the button on a phone, and
# Material's keys (/ and s). The index held back in main.html must come with each of them.
OPENERS = {
    "the search box (desktop)": (1280, lambda page: page.locator("input.md-search__input").click()),
    "the search button (phone)": (375, lambda page: page.locator("label[for='__search']").first.click()),
    "the / key": (1280, lambda page: page.keyboard.press("/")),
    "the s key": (1280, lambda page: page.keyboard.press("s")),
}


@pytest.mark.parametrize("opener", list(OPENERS))
def test_the_index_loads_on_first_use_of_search_not_with_the_page(browser, base_url, opener):
    width, open_search = OPENERS[opener]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "methods/", wait_until="networkidle")
    assert not [u for u in requested if "search_index" in u], "the index was fetched with the page"
    open_search(page)
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
