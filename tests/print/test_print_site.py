"""The site's side of printing: the "Download and print" page and "Print this card" links point at
PDFs that the build made, every PDF is linked, and pages print cleanly from the browser."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

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


SIZE = re.compile(r"^\s*\((PDF|EPUB|ZIP), (\d+(?:\.\d)?) (kB|MB)\)")
DEVICES = {  # what each language's page must say, as a reader would look for it
    "en": {"dt": ("computer", "Android", "iPhone"), "phones": "does not open", "lang": "en"},
    "cy": {"dt": ("gyfrifiadur", "Android", "iPhone"), "phones": "Nid yw", "lang": "cy"},
}


def _target(page: Path, site: Path, href: str) -> Path:
    base = "http://site.invalid/" + page.parent.relative_to(site).as_posix() + "/"
    return site / urlsplit(urljoin(base, href)).path.lstrip("/")


@pytest.mark.parametrize("lang", ("en", "cy"))
def test_download_page_gives_each_files_real_size(site, lang):
    """Every file in the list shows its size as on disk (within the rounding shown)."""
    page = (site if lang == "en" else site / lang) / "download" / "index.html"
    links = content(page).select("ul.hb-downloads a[href]")
    assert len(links) >= 6
    for a in links:
        file = _target(page, site, a["href"])
        assert file.is_file(), f"{a['href']} is linked but not built"
        after = a.next_sibling  # the text right after the link
        shown = SIZE.match(after.get_text() if hasattr(after, "get_text") else str(after or ""))
        assert shown, f"no size after the link to {a['href']}"
        kind, number, unit = shown.groups()
        assert kind == file.suffix.lstrip(".").upper()
        size = file.stat().st_size
        if unit == "kB":
            assert size < 1_000_000 and abs(float(number) * 1000 - size) <= 500, f"{file.name}: {number} kB, {size} bytes"
        else:
            assert abs(float(number) * 1_000_000 - size) <= 50_000, f"{file.name}: {number} MB, {size} bytes"
    kinds = {_target(page, site, a["href"]).suffix for a in links}
    assert kinds == {".pdf", ".epub", ".zip"}


@pytest.mark.parametrize("lang", ("en", "cy"))
def test_download_page_says_how_to_read_offline_on_each_device(site, lang):
    """A computer opens the unzipped copy; phones are told that it does not open there and
    pointed at the EPUB and the handbook PDF of their language, which are on the site."""
    page = (site if lang == "en" else site / lang) / "download" / "index.html"
    doc = content(page)
    heading = doc.select_one("h2#hb-devices")
    assert heading is not None, "no heading for the devices"
    devices = heading.find_next_sibling("dl")
    names = [dt.get_text(" ", strip=True) for dt in devices.select("dt")]
    how = [dd for dd in devices.select("dd")]
    expect = DEVICES[lang]
    assert len(names) == 3 and all(word in name for word, name in zip(expect["dt"], names)), names
    desktop = how[0]
    assert "index.html" in desktop.get_text()
    assert [_target(page, site, a["href"]).name for a in desktop.select("a")] == ["innovation-handbook-offline.zip"]
    for phone in how[1:]:
        assert expect["phones"] in phone.get_text(), phone.get_text()
        targets = {_target(page, site, a["href"]) for a in phone.select("a")}
        names = {t.name for t in targets}
        assert names == {f"innovation-handbook-{lang}.epub", f"innovation-handbook-{lang}.pdf"}, names
        assert all(t.is_file() for t in targets)
    assert BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html["lang"] == expect["lang"]
