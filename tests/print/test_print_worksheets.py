"""The worksheet PDFs (issue 17), read back: one per tool and language in its layout's paper (page
size and orientation), a stages table also on A3, a fillable form with one text field per box
(per cell of a stages table) named after it, tagged, titled, in its language; the pack has every
tool's worksheet; the tool pages and the Download page link them."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from helpers import ROOT, content
from macros.loader import load
from macros.printing.settings import Files
from macros.vocab import load_labels
from pdfread import norm, root

from test_print_site import pdf_links

LABELS = load_labels()
MM = 72 / 25.4
A4, A3 = (210, 297), (297, 420)
# The shapes that need the width (issue 17): a grid, a stages table, a canvas of three or more columns.
WIDE = {"stakeholder-map", "idea-scoring-grid", "empathy-map", "journey-map", "learning-log",
        "theory-of-change-canvas", "logic-model", "test-card"}


def sizes_mm(reader: PdfReader) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in reader.pages}


@pytest.fixture(scope="module", params=["en", "cy"])
def language(request):
    return request.param, load(ROOT / "docs", root=ROOT, lang=request.param)


def test_each_tool_has_its_fillable_worksheet(site, language):
    lang, catalogue = language
    files = Files(lang)
    base = site if lang == "en" else site / "cy"
    for entry in catalogue.items("tool"):
        tool = entry.data
        reader = PdfReader(base / files.worksheet(entry.slug))
        paper = (A4[1], A4[0]) if entry.slug in WIDE else A4
        assert sizes_mm(reader) == {paper}, entry.slug
        # Titled, in its language, tagged.
        assert reader.metadata.title == LABELS.get("print_worksheet_title", lang, title=tool.title)
        assert root(reader)["/Lang"] == lang
        assert root(reader)["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
        assert "/StructTreeRoot" in root(reader)
        # A form: one text field per box, or per cell of a stages table, named after it.
        fields = reader.get_fields()
        if tool.layout == "stages":
            expected = [f"{box.heading} - {stage}".replace(".", "") for box in tool.worksheet for stage in tool.stages]
        else:
            expected = [box.heading.replace(".", "") for box in tool.worksheet]
        assert sorted(fields) == sorted(expected), entry.slug
        assert all(f.get("/FT") == "/Tx" for f in fields.values())
        text = norm(" ".join(page.extract_text() for page in reader.pages))
        for box in tool.worksheet:
            assert norm(box.heading) in text, (entry.slug, box.heading)
        if tool.layout == "stages":
            a3 = PdfReader(base / files.worksheet(entry.slug, "a3"))
            assert sizes_mm(a3) == {(A3[1], A3[0])}
            assert len(a3.get_fields()) == len(expected)


def test_the_pack_has_every_tool_in_its_shape(site, language):
    lang, catalogue = language
    base = site if lang == "en" else site / "cy"
    reader = PdfReader(base / Files(lang).worksheets)
    site_name = "Innovation Handbook" if lang == "en" else "Llawlyfr Arloesi"
    assert reader.metadata.title == LABELS.get("print_worksheets_title", lang, site=site_name)
    assert root(reader)["/Lang"] == lang
    assert not reader.get_fields()  # for printing: no fields that would share a value across tools
    tools = catalogue.items("tool")
    # Each tool starts a page; the pages of a wide shape are landscape.
    starts = {}
    for number, page in enumerate(reader.pages):
        text = norm(page.extract_text())
        for entry in tools:
            if entry.slug not in starts and text.startswith(norm(entry.data.title)):
                starts[entry.slug] = number
    assert set(starts) == {e.slug for e in tools}
    for entry in tools:
        page = reader.pages[starts[entry.slug]]
        landscape = page.mediabox.width > page.mediabox.height
        assert landscape == (entry.slug in WIDE), entry.slug
    assert [o.title for o in reader.outline] == [e.data.title for e in tools]


def test_tool_pages_and_the_download_page_link_the_worksheets(site, catalogue):
    files = Files("en")
    download = set(pdf_links(site / "download" / "index.html", site))
    assert site / files.worksheets in download
    for entry in catalogue.items("tool"):
        page = site / "tools" / entry.slug / "index.html"
        links = pdf_links(page, site)
        expected = [site / files.worksheet(entry.slug)]
        if entry.data.layout == "stages":
            expected.append(site / files.worksheet(entry.slug, "a3"))
        assert links == expected, entry.slug
        assert set(expected) <= download
        first = content(page).select_one(".hb-print-worksheet a")
        assert first.get_text() == LABELS.get("print_worksheet", "en")


def test_the_handbook_pdf_shows_the_worksheets_in_their_layouts(site, catalogue):
    """In the book, a wide shape's worksheet is on landscape pages, and a stack of boxes upright:
    every page from the sheet's "Team or project" line to its last box."""
    reader = PdfReader(site / Files("en").book)
    texts = [norm(page.extract_text() or "") for page in reader.pages]
    blank = LABELS.get("worksheet_name", "en")
    for slug in ("stakeholder-map", "journey-map", "logic-model", "challenge-statement"):
        tool = catalogue.get("tool", slug).data
        first = next(n for n, text in enumerate(texts)
                     if f"{norm(tool.title)} {blank}" in text and norm(f"1. {tool.worksheet[0].heading}") in text)
        last = next(n for n in range(first, len(texts)) if norm(tool.worksheet[-1].prompt) in texts[n])
        assert last - first <= 2, slug  # the sheet, not the rest of the book
        for n in range(first, last + 1):
            page = reader.pages[n]
            assert (page.mediabox.width > page.mediabox.height) == (slug in WIDE), (slug, n)
