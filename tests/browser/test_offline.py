"""The offline copy: a zip in the built site that works from disk, search included, with no network."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from helpers import soup

pytestmark = pytest.mark.browser
ZIP = "downloads/innovation-handbook-offline.zip"  # one copy, both languages


@pytest.fixture(scope="module")
def offline(site, tmp_path_factory) -> Path:
    archive = site / ZIP
    assert archive.is_file(), "mkdocs build must put the offline copy in the site"
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None
        z.extractall(out)
    return out / "innovation-handbook"


def test_the_copy_has_every_page_with_plain_links_and_an_inlined_search_index(site, offline):
    online = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    for rel in online:  # methods/interviews/index.html online is methods/interviews.html offline
        assert (offline / f"{rel}.html").is_file() or (offline / rel / "index.html").is_file(), f"{rel} is missing offline"
    assert (offline / "search" / "search_index.js").read_text().startswith("var __index = ")
    page = soup(offline / "methods" / "interviews.html")
    links = [a["href"] for a in page.select("a[href]") if not re.match(r"https?:|mailto:|#", a["href"])]
    assert links and all(".html" in href or href.endswith((".pdf", ".zip", ".json")) for href in links), links[:5]


def test_the_download_page_links_the_copy(site):
    links = [a["href"] for a in soup(site / "download" / "index.html").select("a[href]")]
    assert f"../{ZIP}" in links


def test_nothing_in_the_copy_comes_from_another_origin(offline):
    for file in offline.rglob("*.html"):
        page = soup(file)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in page.find_all(tag):
                value = node.get(attr) or ""
                if tag == "link" and "stylesheet" not in (node.get("rel") or []) and "icon" not in (node.get("rel") or []):
                    continue
                assert not re.match(r"(https?:)?//", value), f"{file.name}: {tag} {value}"


def test_search_works_from_disk_with_no_network(browser, offline):
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((offline / "index.html").as_uri())
    page.locator("input.md-search__input").click()  # at desktop width the search box is in the header
    page.keyboard.type("interviews")  # Material searches on key presses, as a reader types
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    assert "interviews" in (result.get_attribute("href") or "")
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.split("?")[0].endswith("methods/interviews.html")
    assert page.locator("h1").first.inner_text().startswith("Interviews")
    elsewhere = [u for u in requests if not u.startswith(("file://", "data:", "blob:"))]
    assert not elsewhere, elsewhere
    context.close()


def test_the_planners_copy_link_gives_the_plans_address_on_the_web(browser, offline, catalogue):
    """A file:// address means nothing on anyone else's computer: the offline copy's planner
    shares the plan at the site's address (site_url), in each language."""
    from helpers import ROOT

    slug = catalogue.items("method")[0].slug
    context = browser.new_context()
    try:
        page = context.new_page()
        for config, rel in (("mkdocs.yml", "planner.html"), ("mkdocs.cy.yml", "cy/planner.html")):
            site_url = re.search(r"^site_url: (\S+)$", (ROOT / config).read_text(), re.M).group(1)
            page.goto((offline / rel).as_uri() + f"?plan={slug},~15")
            assert page.url.startswith("file://")
            expected = f"{site_url.rstrip('/')}/planner/?plan={slug},~15&start=10:00"
            assert page.locator("#hb-planner-link").input_value() == expected, rel
            assert page.locator(".hb-planner__url").inner_text() == expected, "and on the printed agenda"
    finally:
        context.close()
