"""The pictures drawn from the content (macros/pictures.py), read back from the built site: the
journey diagram on the home page and the journey chapter, in both languages. The expected phases
and methods are read from the sources themselves (the vocabulary file, each method's front
matter), never from the code that draws them."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT
from helpers import soup as parse

soup = functools.lru_cache(maxsize=None)(parse)  # each page parsed once: links lead to the same pages

PAGES = {"en": ["", "journey/"], "cy": ["cy/", "cy/journey/"]}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def phases_in(lang: str) -> list[tuple[str, str]]:
    """(key, label) of every phase, in the vocabulary's order."""
    vocab = yaml.safe_load((ROOT / "macros" / "vocabularies.yml").read_text(encoding="utf-8"))
    return [(term["key"], term["label"][lang]) for term in vocab["phases"]]


def methods_by_phase(lang: str) -> dict[str, set[tuple[str, str]]]:
    """Each phase's methods (slug, title in `lang`): those whose first phase it is."""
    found: dict[str, set[tuple[str, str]]] = {}
    for file in sorted((ROOT / "docs" / "methods").glob("*.md")):
        if file.name == "index.md" or file.name.count(".") > 1:
            continue
        meta = front_matter(file)
        title = meta["title"]
        welsh = file.with_name(f"{file.stem}.{lang}.md")
        if lang != "en" and welsh.is_file():
            title = front_matter(welsh).get("title", title)
        found.setdefault(meta["phases"][0], set()).add((file.stem, title))
    return found


def target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    path = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir() or not path.suffix:
        path = path / "index.html"
    return path, parts.fragment


@functools.lru_cache(maxsize=None)
def title_of(page: Path) -> str:
    """A built page's level-1 heading, in words (parsing whole pages for it is slow)."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    return " ".join(BeautifulSoup(found.group(1), "lxml").get_text(" ").split()) if found else ""


def words(el) -> str:
    return " ".join(el.get_text(" ", strip=True).split())


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_journey_diagram_is_on_home_and_journey_and_its_list_names_every_phase_and_method(site, lang):
    phases, methods = phases_in(lang), methods_by_phase(lang)
    assert sum(len(m) for m in methods.values()) > 20
    for path in PAGES[lang]:
        page = site / path / "index.html"
        figures = soup(page).select("figure.hb-journey-map")
        assert len(figures) == 1, f"/{path}: {len(figures)} journey diagrams"
        figure = figures[0]
        pictures = figure.select("svg")
        assert len(pictures) == 2 and all(svg.get("aria-hidden") == "true" for svg in pictures), path
        # The text alternative: one item per phase, in order, each listing its methods.
        items = figure.select("ol.hb-journey-map__list > li")
        assert [words(li.find("a")) for li in items] == [label for _, label in phases], path
        for (key, _), li in zip(phases, items):
            listed = {(urlsplit(a["href"]).path.rstrip("/").split("/")[-1], words(a)) for a in li.select("ul a")}
            assert listed == methods.get(key, set()), f"/{path}: {key}"
        # The picture says the same: the same phases, and each phase's methods under it.
        for svg in pictures:
            drawn = [words(a) for a in svg.select("a.hb-d-phase-link")]
            assert drawn == [f"{n}. {label}" for n, (_, label) in enumerate(phases, start=1)], path
            for key, _ in phases:
                group = svg.select_one(f'g.hb-d-methods[data-phase="{key}"]')
                shown = {words(a) for a in group.select("a")}
                assert shown == {title for _, title in methods.get(key, set())}, f"/{path}: {key}"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_journey_diagram_links_resolve_to_the_phase_sections_and_the_method_pages(site, lang):
    phases = dict(phases_in(lang))
    for path in PAGES[lang]:
        page = site / path / "index.html"
        figure = soup(page).select_one("figure.hb-journey-map")
        phase_links = figure.select("a.hb-d-phase-link") + figure.select("ol.hb-journey-map__list > li > a")
        method_links = figure.select("a.hb-d-method-link") + figure.select("ol.hb-journey-map__list ul a")
        assert len(phase_links) == 3 * len(phases), path  # two pictures and the list
        assert len(phase_links) + len(method_links) == len(figure.select("a[href]")), path
        for a in phase_links:  # its section of the journey chapter, whose heading is the phase's name
            file, fragment = target(site, page, a["href"])
            assert file == (site / PAGES[lang][1] / "index.html").resolve(), f"/{path}: {a['href']}"
            heading = soup(file).find(id=fragment)
            assert heading is not None and heading.name == "h2", f"/{path}: no section #{fragment}"
            assert words(heading).startswith(phases[fragment]), f"/{path}: #{fragment} is {words(heading)}"
        for a in method_links:  # the method's page, whose title is the link's words
            file, fragment = target(site, page, a["href"])
            assert file.is_file() and file.parent.parent.name == "methods" and not fragment, f"/{path}: {a['href']}"
            assert title_of(file).startswith(words(a)), f"/{path}: {a['href']}"


def test_journey_diagram_links_stay_out_of_the_tab_order(site):
    """The picture is hidden from screen readers; its links are for pointers only (the list
    carries them for keyboards), so none of them may take focus."""
    for path in PAGES["en"] + PAGES["cy"]:
        for a in soup(site / path / "index.html").select("figure.hb-journey-map svg a"):
            assert a.get("tabindex") == "-1", f"/{path}: {a}"


@pytest.mark.parametrize("path", ["", "cy/"])
def test_home_page_opens_with_the_three_ways_in_as_cards(site, path):
    """Material's grid cards (md_in_html, attr_list): three cards, each a heading, a sentence and
    links, before any other section of the page; the Welsh page has the same cards."""
    article = soup(site / path / "index.html").select_one("article")
    grids = article.select("div.grid.cards")
    assert len(grids) == 1, path
    cards = grids[0].select(":scope > ul > li")
    assert [li.find("h2")["id"] for li in cards] == ["i-have-a-problem", "im-running-a-workshop",
                                                    "i-want-to-build-my-teams-skills"], path
    for li in cards:
        assert li.find("p") is not None and len(li.select("ul a[href]")) >= 2, path
    first_section = next(h for h in article.select("h2") if not h.find_parent("div", class_="grid"))
    assert grids[0].sourceline < first_section.sourceline, f"/{path}: the cards do not open the page"
    assert "markdown" not in grids[0].attrs, path  # md_in_html has read it
