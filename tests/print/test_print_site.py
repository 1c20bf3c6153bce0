"""The site's side of printing: the "Download and print" page and "Print this card" links point at
PDFs that the build made, every PDF is linked, and pages print cleanly from the browser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from helpers import content
from macros.printing.settings import DOWNLOADS, Files
from macros.vocab import load_labels

LABELS = load_labels()


def pdf_links(page: Path, site: Path) -> list[Path]:
    """The PDFs a built page links to, as files of the built site."""
    base = "http://site.invalid/" + page.parent.relative_to(site).as_posix() + "/"
    found = []
    for a in content(page).select('a[href$=".pdf"]'):
        path = urlsplit(urljoin(base, a["href"])).path.lstrip("/")
        found.append(site / path)
    return found


def test_download_page_links_every_deck_and_the_book(site, catalogue):
    page = site / "download" / "index.html"
    links = pdf_links(page, site)
    files = Files("en")
    expected = {site / files.book, site / files.cards_a4, site / files.cards_a6}
    expected |= {site / files.phase_deck(p) for p in catalogue.vocab.keys("phases")
                 if catalogue.methods_in_phase(p, main_only=True)}
    expected |= {site / files.worksheets} | {site / files.worksheet(e.slug) for e in catalogue.items("tool")}
    expected |= {site / files.worksheet(e.slug, "a3") for e in catalogue.items("tool") if e.data.layout == "stages"}
    assert set(links) == expected
    for link in links:
        assert link.is_file() and link.stat().st_size > 1000, f"{link} is linked but was not built"
    text = content(page).get_text(" ", strip=True)
    assert LABELS.get("download_book", "en") in text


def test_every_method_page_has_print_this_card(site, catalogue):
    for entry in catalogue.items("method"):
        page = site / "methods" / entry.slug / "index.html"
        link = content(page).select_one("p.hb-print-card a")
        assert link is not None and link.get_text() == LABELS.get("print_card", "en"), entry.slug
        assert pdf_links(page, site) == [site / Files("en").card(entry.slug)]
        assert pdf_links(page, site)[0].is_file()


def test_every_pdf_in_the_site_is_linked(site, catalogue):
    linked = set(pdf_links(site / "download" / "index.html", site))
    for entry in catalogue.items("method"):
        linked |= set(pdf_links(site / "methods" / entry.slug / "index.html", site))
    for entry in catalogue.items("tool"):
        linked |= set(pdf_links(site / "tools" / entry.slug / "index.html", site))
    built = set((site / DOWNLOADS).rglob("*.pdf"))
    assert built == linked, f"unlinked: {sorted(map(str, built - linked))}; missing: {sorted(map(str, linked - built))}"


@pytest.mark.browser
def test_pages_print_cleanly_from_the_browser(browser, base_url, catalogue):
    page = browser.new_page(viewport={"width": 800, "height": 1100})
    page.emulate_media(media="print")
    method = catalogue.items("method")[0]
    page.goto(f"{base_url}methods/{method.slug}/")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".hb-print-card", ".headerlink"):
        locator = page.locator(chrome).first
        assert locator.count() == 0 or not locator.is_visible(), f"{chrome} shows in print"
    assert page.locator("section.hb-card--full").is_visible()
    tool = catalogue.items("tool")[0]
    page.goto(f"{base_url}tools/{tool.slug}/")
    breaks = page.evaluate("""() => {
        const sheet = document.querySelector('.hb-worksheet');
        const heading = sheet.previousElementSibling;
        const space = sheet.querySelector('.hb-worksheet__space');
        return [heading.tagName, getComputedStyle(heading).breakBefore, space.getBoundingClientRect().height];
    }""")
    assert breaks[0] == "H2" and breaks[1] == "page", "the worksheet starts a page in print"
    assert breaks[2] >= 30, "the worksheet leaves space to write"
    page.close()
