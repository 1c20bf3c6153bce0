"""The handbook PDF of the real handbook, read back: chapters, contents, bookmarks, running heads,
page numbers, links, metadata and tags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pdfread import (internal_links, norm, outline, page_texts_and_runs, printed_number, root, stream_texts,
                     struct_elements, uris)
from pypdf import PdfReader

from helpers import ROOT
from macros.frontmatter import parse
from macros.printing.settings import Files, content_date, left_out
from macros.schema import FOLDERS
from macros.vocab import load_labels

# One worker reads the handbook PDF back once for all these tests (make test runs xdist).
pytestmark = pytest.mark.xdist_group("handbook-pdf")

LABELS = load_labels()


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def expected_chapters(catalogue) -> list[tuple[int, str]]:
    """(level, title) of every chapter the book must have, in navigation order."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_IgnoreTags)["nav"]
    found: list[tuple[int, str]] = []

    def title(path: str) -> str:
        source, _ = parse((ROOT / "docs" / path).read_text(encoding="utf-8"), path)
        return norm(source.meta["title"])

    def walk(items, depth):
        opened = False
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, list):
                walk(value, depth + 1)
                continue
            if left_out(value):
                continue
            found.append((1 if depth == 0 or not opened else 2, title(value)))
            opened = True
            for kind, folder in FOLDERS.items():
                if value == f"{folder}/index.md":
                    found.extend((2, norm(e.data.title)) for e in catalogue.items(kind))

    walk(nav, 0)
    return found


@pytest.fixture(scope="module")
def book(site) -> Path:
    path = site / Files("en").book
    assert path.is_file(), "the build must write the handbook PDF"
    return path


@pytest.fixture(scope="module")
def reader(book) -> PdfReader:
    return PdfReader(book)


@pytest.fixture(scope="module")
def parsed(book) -> tuple[list[str], list[list[dict]]]:
    return page_texts_and_runs(book)


@pytest.fixture(scope="module")
def texts(parsed) -> list[str]:
    return parsed[0]


@pytest.fixture(scope="module")
def runs(parsed) -> list[list[dict]]:
    return parsed[1]


def chapter_pages(reader) -> list[tuple[int, str, int]]:
    """Bookmarks of the chapters (without the cover and the contents)."""
    marks = outline(reader)
    assert marks[0][1] == "Innovation Handbook" and marks[1][1] == LABELS.get("print_contents", "en")
    return marks[2:]


def test_every_chapter_in_navigation_order_with_a_bookmark(reader, catalogue):
    found = [(depth + 1, title) for depth, title, _ in chapter_pages(reader)]
    assert found == expected_chapters(catalogue)
    methods = [t for level, t in found if level == 2 and t in {norm(e.data.title) for e in catalogue.items("method")}]
    assert methods == [norm(e.data.title) for e in catalogue.items("method")], "methods in journey order"


def test_chapters_start_pages_in_order_and_show_their_title(reader, texts):
    marks = chapter_pages(reader)
    pages = [page for _, _, page in marks]
    assert pages == sorted(pages) and len(set(pages)) == len(pages), "each chapter starts a page"
    for _, title, page in marks:
        assert title in norm(texts[page - 1]), f"{title} is not on its first page ({page})"


def test_contents_numbers_are_the_pages_where_chapters_start(reader, runs):
    marks = outline(reader)
    contents_page = marks[1][2]
    first_chapter = marks[2][2]
    starts = {page for _, _, page in marks[2:]}
    checked = set()
    for index in range(contents_page - 1, first_chapter - 1):
        height = float(reader.pages[index].mediabox.height)
        for rect, target in internal_links(reader, index):
            top, bottom = height - max(rect[1], rect[3]), height - min(rect[1], rect[3])
            number = printed_number(runs[index], top, bottom)
            assert number == target, f"contents line on page {index + 1} says {number}, its link goes to {target}"
            checked.add(target)
    assert checked == starts, "the contents must list every chapter, each with a link"


def test_running_heads_and_page_x_of_y(reader, runs):
    total = len(reader.pages)
    pattern = LABELS.get("print_page_of", "en", n="{n}", total="{total}")
    marks = chapter_pages(reader)
    heads = {}
    for depth, title, page in marks:
        heads[page] = title
    for index in range(1, total):  # every page but the cover
        height = float(reader.pages[index].mediabox.height)
        foot = " ".join(w["text"] for w in runs[index] if w["top"] > height - 20 * 72 / 25.4)
        assert pattern.format(n=index + 1, total=total) in foot, f"page {index + 1}: footer is {foot!r}"
    for page, title in heads.items():
        head = norm(" ".join(w["text"] for w in runs[page - 1] if w["bottom"] < 20 * 72 / 25.4))
        assert title in head, f"page {page}: the running head {head!r} should name the chapter {title!r}"


def test_cover_has_title_edition_and_licence(texts):
    cover = norm(texts[0])
    assert "Innovation Handbook" in cover
    assert "CC BY 4.0" in cover
    date = content_date(ROOT)
    if date is not None:
        month = LABELS.get("print_months", "en").split(",")[date.month - 1]
        assert LABELS.get("print_edition", "en", date=f"{date.day} {month} {date.year}") in cover


def test_no_site_chrome(texts):
    whole = "\n".join(texts)
    for chrome in ("Skip to content", "¶", "Edit this page", "Last update", "Initializing search",
                   "Clear filters", LABELS.get("print_card", "en")):
        assert chrome not in whole, f"site chrome in the PDF: {chrome!r}"


def test_links_work_inside_and_outside(reader):
    internal = sum(len(internal_links(reader, i)) for i in range(len(reader.pages)))
    assert internal > len(reader.pages) / 2, "cards and lists link to other chapters inside the PDF"
    for uri in uris(reader):
        assert re.match(r"(https?|mailto):", uri), uri
        assert "127.0.0.1" not in uri and "localhost" not in uri, uri


def test_accessible_document(reader, catalogue):
    catalog = root(reader)
    assert reader.metadata.title == "Innovation Handbook"
    assert str(catalog["/Lang"]) == "en"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp and b"Innovation Handbook" in xmp
    kinds = [str(e["/S"]) for e in struct_elements(reader)]
    assert kinds.count("/H1") >= len(catalogue.items("method")) + len(catalogue.items("tool"))
    for tag in ("/Art", "/P", "/L", "/LI", "/Link"):
        assert tag in kinds, f"no {tag} in the tag tree"


def test_method_cards_are_printed_with_their_facts(reader, book, catalogue):
    from macros.render import Renderer

    render = Renderer(catalogue, "en")
    starts = {title: page for _, title, page in chapter_pages(reader)}
    methods = catalogue.items("method")
    texts = stream_texts(book, {starts[norm(entry.data.title)] for entry in methods})
    for entry in methods:
        page = texts[starts[norm(entry.data.title)]]
        assert norm(entry.data.summary) in page
        assert render.time_text(entry) in page and render.people_text(entry) in page
        for phase in entry.data.phases:
            assert catalogue.vocab.term("phases", phase).text("en") in page
