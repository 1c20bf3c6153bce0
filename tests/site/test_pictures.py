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
        # each phase's link says which phase it is, so that it is not named like a method
        # (in Welsh the phase "Creu syniadau" and the method of that title would share a name)
        word = {"en": "Phase", "cy": "Cam"}[lang]
        assert [words(li.find("a")) for li in items] == [f"{word} {n}: {label}" for n, (_, label) in enumerate(phases, 1)], path
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


# Whiteboard backgrounds ------------------------------------------------------------------

def tools() -> list[Path]:
    return sorted(p for p in (ROOT / "docs" / "tools").glob("*.md") if p.name != "index.md" and p.name.count(".") == 1)


def kb(n: int) -> str:
    return f"{max(1, round(n / 1024))} KB"


def sheet_svg(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "xml")


def groups(svg, cls: str) -> list:
    """The SVG's groups with the class `cls` (parsed as XML, where class is one string)."""
    return svg.find_all(lambda tag: tag.name == "g" and cls in (tag.get("class") or "").split())


def check_shape(svg, meta: dict, where: str) -> None:
    """The SVG's boxes, quadrants and stages are the tool's, as its front matter gives them."""
    boxes = meta["worksheet"]
    layout = meta.get("layout", "boxes")
    sheet = svg.find("g", attrs={"data-layout": True})
    assert sheet is not None and sheet["data-layout"] == layout, where
    drawn = groups(svg, "hb-d-sheet-box")
    assert sorted(int(g["data-box"]) for g in drawn) == list(range(len(boxes))), where
    quadrants = {int(g["data-box"]): g.get("data-quadrant") for g in drawn if g.get("data-quadrant")}
    assert quadrants == {i: b["quadrant"] for i, b in enumerate(boxes) if b.get("quadrant")}, where
    stages = groups(svg, "hb-d-stage")
    cells = groups(svg, "hb-d-cell")
    if layout == "stages":
        assert len(stages) == len(meta["stages"]) and len(cells) == len(boxes) * len(meta["stages"]), where
    else:
        assert not stages and not cells, where


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_tool_has_whiteboard_backgrounds_in_its_shape_linked_with_their_sizes(site, lang):
    from PIL import Image

    found = tools()
    assert len(found) > 20
    prefix = "" if lang == "en" else "cy/"
    for file in found:
        meta = front_matter(file)
        words = meta
        welsh = file.with_name(f"{file.stem}.cy.md")
        if lang == "cy" and welsh.is_file():
            words = {**meta, **front_matter(welsh)}
        svg_file = site / prefix / "downloads" / "whiteboards" / f"{file.stem}-{lang}.svg"
        png_file = svg_file.with_suffix(".png")
        assert svg_file.is_file() and png_file.is_file(), file.stem
        svg = sheet_svg(svg_file)
        check_shape(svg, meta, f"{svg_file.name}")
        text = " ".join(svg.get_text(" ").split())
        assert text.startswith(words["title"]), svg_file.name  # (its <title>, then the drawn title)
        for n, box in enumerate(words["worksheet"], start=1):  # each box's heading starts its box
            assert f"{n}. {box['heading'].split()[0]}" in text, f"{svg_file.name}: box {n}"
        with Image.open(png_file) as image:
            assert image.size == (1920, 1080), png_file.name
            dark = sum(image.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255:])
            assert 0.005 < dark / (1920 * 1080) < 0.2, f"{png_file.name}: {dark} dark pixels"
        # The tool's page links both, with their sizes.
        page = soup(site / prefix / "tools" / file.stem / "index.html")
        for path, kind in ((svg_file, "SVG"), (png_file, "PNG")):
            links = [a for a in page.select(".hb-preview a[href]") if a["href"].endswith(path.name)]
            assert len(links) == 1, f"{file.stem}: no link to {path.name}"
            assert target(site, site / prefix / "tools" / file.stem / "index.html", links[0]["href"])[0] == path.resolve()
            assert words_of(links[0]) == f"{kind} ({kb(path.stat().st_size)})", f"{file.stem}: {words_of(links[0])}"


def words_of(el) -> str:
    return " ".join(el.get_text(" ", strip=True).split())


def test_whiteboards_are_drawn_in_each_layout_of_the_contract(tmp_path):
    """The layouts no tool may use yet, drawn from made-up front matter and read back: a grid's
    quadrants in their corners with y's high at the top and x's high at the right, stages as
    columns in order across and rows down, a canvas's spans and its arrows in reading order."""
    from macros.pictures import Sheet, whiteboard

    def box(n, **extra):
        return {"heading": f"Box {n}", "prompt": "A question?", "lines": 3, **extra}

    def rects(svg, cls="hb-d-sheet-box"):
        out = {}
        for g in groups(svg, cls):
            r = g.find("rect")
            out[(g.get("data-box"), g.get("data-stage"))] = tuple(float(r[k]) for k in ("x", "y", "width", "height"))
        return out

    grid = {"title": "A grid", "layout": "grid", "axes": {"x": {"label": "Effort", "low": "Low", "high": "High"},
                                                            "y": {"label": "Impact", "low": "Low", "high": "High"}},
            "worksheet": [box(1), box(2, quadrant="bottom-right"), box(3, quadrant="top-left"),
                          box(4, quadrant="top-right"), box(5, quadrant="bottom-left"), box(6)]}
    svg = BeautifulSoup(whiteboard(Sheet.of(grid), {})[0], "xml")
    check_shape(svg, grid, "grid")
    at = {grid["worksheet"][int(k[0])].get("quadrant"): v for k, v in rects(svg).items()}
    assert at["top-left"][0] < at["top-right"][0] and at["top-left"][1] < at["bottom-left"][1]
    assert at["bottom-right"][0] == at["top-right"][0] and at["bottom-right"][1] == at["bottom-left"][1]
    by_index = {int(k[0]): v for k, v in rects(svg).items()}
    assert by_index[0][0] + by_index[0][2] < at["top-left"][0], "box 1 (before the grid) is left of it"
    assert by_index[5][0] > at["top-right"][0] + at["top-right"][2], "box 6 (after the grid) is right of it"
    axes = groups(svg, "hb-d-axes")[0]
    assert axes["data-x"] == "Effort" and axes["data-y"] == "Impact"
    lines = [[tuple(map(float, p.split(","))) for p in line["points"].split()] for line in axes.find_all("polyline")]
    assert any(a[1] == b[1] and b[0] > a[0] for a, b in lines)  # x: an arrow to the right
    assert any(a[0] == b[0] and b[1] < a[1] for a, b in lines)  # y: an arrow to the top

    stages = {"title": "Stages", "layout": "stages", "stages": ["Before", "During", "After"],
              "worksheet": [box(1), box(2), box(3, lines=6)]}
    svg = BeautifulSoup(whiteboard(Sheet.of(stages), {})[0], "xml")
    check_shape(svg, stages, "stages")
    heads = groups(svg, "hb-d-stage")
    assert [" ".join(g.get_text(" ").split()) for g in heads] == ["Before", "During", "After"]
    cells = rects(svg, "hb-d-cell")
    for row in "012":
        xs = [cells[(row, col)][0] for col in "012"]
        assert xs == sorted(xs), "stages run left to right"
    assert cells[("0", "0")][1] < cells[("1", "0")][1] < cells[("2", "0")][1], "rows run down"
    assert cells[("2", "0")][3] > cells[("0", "0")][3], "a row with more lines is taller"

    canvas = {"title": "Canvas", "layout": "canvas", "columns": 3, "flow": True,
              "worksheet": [box(1), box(2, span=2), box(3), box(4), box(5)]}
    svg = BeautifulSoup(whiteboard(Sheet.of(canvas), {})[0], "xml")
    check_shape(svg, canvas, "canvas")
    r = {k[0]: v for k, v in rects(svg).items()}
    assert r["0"][1] == r["1"][1] and r["1"][2] > 1.9 * r["0"][2], "box 2 spans two columns beside box 1"
    assert r["2"][1] > r["0"][1] and r["2"][1] == r["3"][1] == r["4"][1], "boxes 3 to 5 fill the next row"
    arrows = groups(svg, "hb-d-sheet")[0].find_all("polyline", recursive=False)
    assert len(arrows) == len(canvas["worksheet"]) - 1, "a chain: one arrow from each box to the next"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_tool_page_opens_with_a_small_decorative_preview_of_its_worksheet(site, lang):
    prefix = "" if lang == "en" else "cy/"
    for file in tools():
        meta = front_matter(file)
        article = soup(site / prefix / "tools" / file.stem / "index.html").select_one("article")
        previews = article.select(".hb-preview svg")
        assert len(previews) == 1, file.stem
        svg = previews[0]
        assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false", file.stem
        assert not svg.select("a, [tabindex]"), file.stem
        first_heading = article.select("h2")[0]
        assert svg.sourceline < first_heading.sourceline, f"{file.stem}: the preview is not near the top"
        check_shape(BeautifulSoup(str(svg), "xml"), meta, f"{file.stem} preview")
        # Small: only the boxes' numbers, which match the numbered boxes of the worksheet below.
        numbers = [" ".join(t.get_text(" ").split()) for t in svg.select("text")]
        assert sorted(numbers, key=int) == [str(n) for n in range(1, len(meta["worksheet"]) + 1)], file.stem
        # Small: a journey map's 48 cells are the most, about 11 KB raw and a fraction of that gzipped.
        assert len(str(svg)) < 16000, f"{file.stem}: the preview is {len(str(svg))} bytes"


def test_pages_with_pictures_stay_within_the_page_weight_budget(site):
    """The inline pictures add to the pages that carry them: a first visit to each (its HTML and
    the stylesheets, scripts and icon it names, gzipped as a server sends them) stays within
    the budget of tests/benchmarks/README.md, 100 KB and 12 requests, search index excluded.
    (tests/benchmarks/page_weight.py measures the same in Chromium.)"""
    import gzip

    for path in ["", "journey/", "tools/stakeholder-map/", "cy/", "cy/journey/", "cy/tools/journey-map/"]:
        page = site / path / "index.html"
        files = [page]
        for el in soup(page).select("link[rel~=stylesheet][href], script[src], link[rel~=icon][href]"):
            ref = urlsplit(el.get("href") or el.get("src"))
            assert not ref.netloc, f"/{path}: {ref.geturl()}"
            found = (page.parent / unquote(ref.path)).resolve()
            assert found.is_file(), f"/{path}: {ref.geturl()} is missing"
            files.append(found)
        weight = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        assert weight <= 100 * 1024 and len(files) <= 12, f"/{path}: {weight / 1024:.1f} KB in {len(files)} files"


def test_a_grid_without_axes_draws_no_axes():
    from macros.pictures import Sheet, whiteboard

    grid = {"title": "Four boxes", "layout": "grid",
            "worksheet": [{"heading": f"Box {n}", "prompt": "?", "lines": 3, "quadrant": q}
                          for n, q in enumerate(["top-left", "top-right", "bottom-left", "bottom-right"], start=1)]}
    svg = BeautifulSoup(whiteboard(Sheet.of(grid), {})[0], "xml")
    check_shape(svg, grid, "grid without axes")
    assert not groups(svg, "hb-d-axes")[0].find_all("polyline")
