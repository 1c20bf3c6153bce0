"""The card decks of the real handbook, read back: sizes, counts, bleed, fronts and backs."""

from __future__ import annotations

import math

import pytest
from pdfread import MM, boxes, norm, outline, page_texts, page_words, region_text, root, stream_texts
from pypdf import PdfReader

from macros.printing.deck import A4, A6, BLEED, SHEET_CARD
from macros.printing.settings import Files
from macros.vocab import load_labels

FILES = Files("en")
LABELS = load_labels()


def titles(catalogue) -> list[str]:
    """Every card's title, in deck order: methods in journey order, then tools."""
    return [norm(e.data.title) for e in catalogue.items("method")] + [norm(e.data.title) for e in catalogue.items("tool")]


def card_in(text: str, known: list[str]) -> str | None:
    """The card whose title comes first in a face's text (after the band): the earliest known
    title, and the longest of those that start there ("Journey map" is in "Journey mapping")."""
    found = [(text.index(t), -len(t), t) for t in known if t in text]
    return min(found)[2] if found else None


def assert_tagged(reader: PdfReader, title: str) -> None:
    catalog = root(reader)
    assert reader.metadata.title == title
    assert str(catalog["/Lang"]) == "en"
    assert "/StructTreeRoot" in catalog and "/MarkInfo" in catalog


def test_a6_deck_one_face_per_page_with_bleed(site, catalogue):
    path = site / FILES.cards_a6
    reader = PdfReader(path)
    known = titles(catalogue)
    assert len(reader.pages) == 2 * len(known)
    for page in reader.pages:
        size = boxes(page)
        assert size["TrimBox"] == list(A6)
        assert size["BleedBox"] == [A6[0] + 2 * BLEED, A6[1] + 2 * BLEED]
        assert size["MediaBox"][0] > size["BleedBox"][0], "room for the crop marks outside the bleed"
    texts = [norm(t) for t in page_texts(path)]
    for i, title in enumerate(known):
        front, back = texts[2 * i], texts[2 * i + 1]
        assert title in front, f"page {2 * i + 1} should be the front of {title}"
        assert back.startswith(title), f"page {2 * i + 2} should be the back of {title}, not {back[:40]!r}"
    assert [t for _, t, _ in outline(reader)] == known, "a bookmark per card"
    assert_tagged(reader, LABELS.get("print_cards_title", "en", site="Innovation Handbook"))


def sheet_regions():
    """The four slots of an A4 sheet, as (row, column) -> region in points."""
    w, h = SHEET_CARD
    x0, y0 = (A4[0] - 2 * w) / 2, (A4[1] - 2 * h) / 2
    return {(r, c): ((x0 + c * w) * MM, (y0 + r * h) * MM, (x0 + (c + 1) * w) * MM, (y0 + (r + 1) * h) * MM)
            for r in (0, 1) for c in (0, 1)}


def check_sheets(path, cards: list[str], known: list[str]) -> list[str]:
    """Fronts and backs pair up for double-sided printing flipped on the long edge; returns
    the cards found, in order."""
    reader = PdfReader(path)
    for page in reader.pages:
        assert boxes(page)["MediaBox"] == list(A4)
    words = page_words(path)
    assert len(words) % 2 == 0
    found = []
    for sheet in range(len(words) // 2):
        front, back = words[2 * sheet], words[2 * sheet + 1]
        for (row, col), region in sheet_regions().items():
            title = card_in(region_text(front, *region), known)
            mirrored = sheet_regions()[(row, 1 - col)]
            back_text = region_text(back, *mirrored)
            if title is None:
                assert back_text == "", "an empty slot on the front is empty on the back"
                continue
            found.append(title)
            assert back_text.startswith(title), (
                f"sheet {sheet + 1}: {title} is at row {row + 1}, column {col + 1} on the front; the back "
                f"at row {row + 1}, column {2 - col} begins {back_text[:40]!r}")
    return found


def test_a4_sheets_four_cards_backs_behind_fronts(site, catalogue):
    known = titles(catalogue)
    found = check_sheets(site / FILES.cards_a4, known, known)
    assert sorted(found) == sorted(known)
    methods = [norm(e.data.title) for e in catalogue.items("method")]
    assert found[: len(methods)] == methods, "methods in journey order, then tools"
    reader = PdfReader(site / FILES.cards_a4)
    # Each phase starts a sheet: at most one part-filled sheet per phase, and one for the tools.
    phases = [p for p in catalogue.vocab.keys("phases") if catalogue.methods_in_phase(p, main_only=True)]
    sheets = sum(math.ceil(len(catalogue.methods_in_phase(p, main_only=True)) / 4) for p in phases)
    sheets += math.ceil(len(catalogue.items("tool")) / 4)
    assert len(reader.pages) == 2 * sheets
    assert_tagged(reader, LABELS.get("print_cards_title", "en", site="Innovation Handbook"))


def test_a_deck_per_phase(site, catalogue):
    known = titles(catalogue)
    for term in catalogue.vocab.terms("phases"):
        methods = catalogue.methods_in_phase(term.key, main_only=True)
        path = site / FILES.phase_deck(term.key)
        if not methods:
            assert not path.exists()
            continue
        found = check_sheets(path, [norm(e.data.title) for e in methods], known)
        assert found == [norm(e.data.title) for e in methods]
        assert_tagged(PdfReader(path), LABELS.get("print_phase_title", "en", site="Innovation Handbook",
                                                   phase=term.text("en")))


@pytest.mark.parametrize("side", ["front", "back"])
def test_faces_carry_the_cards_fields(site, catalogue, side):
    from macros.render import Renderer

    render = Renderer(catalogue, "en")
    methods = catalogue.items("method")  # the deck's first cards: front, back, front, back...
    number = {entry.slug: 2 * i + 1 + (side == "back") for i, entry in enumerate(methods)}
    texts = stream_texts(site / FILES.cards_a6, set(number.values()))
    for entry in methods:
        text = texts[number[entry.slug]]
        if side == "front":
            for expected in (entry.data.summary, entry.data.why, render.time_text(entry), render.people_text(entry),
                             catalogue.vocab.term("difficulty", entry.data.difficulty).text("en"),
                             catalogue.vocab.term("phases", entry.data.phases[0]).text("en")):
                assert norm(expected) in text, (entry.slug, expected)
        else:
            for expected in [*entry.data.steps, *entry.data.outputs,
                             *(catalogue.get("method", s).data.title for s in entry.data.related)]:
                assert norm(expected) in text, (entry.slug, expected)
            assert f"methods/{entry.slug}/" in text.replace(" ", ""), "the card's online address"


def test_backs_have_a_qr_code(site):
    import pdfplumber

    with pdfplumber.open(site / FILES.cards_a6) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if number % 2 == 0:
                assert page.images, f"page {number}: no QR code"


def test_a_single_card_per_method(site, catalogue):
    for entry in catalogue.items("method"):
        path = site / FILES.card(entry.slug)
        reader = PdfReader(path)
        assert len(reader.pages) == 1 and boxes(reader.pages[0])["MediaBox"] == list(A4)
        words = page_words(path)[0]
        w, h = SHEET_CARD
        x0 = (A4[0] - 2 * w) / 2
        front = region_text(words, x0 * MM, 0, (x0 + w) * MM, A4[1] * MM)
        back = region_text(words, (x0 + w) * MM, 30 * MM, (x0 + 2 * w) * MM, A4[1] * MM)
        assert norm(entry.data.title) in front and back.startswith(norm(entry.data.title)), "front and back, side by side"
        assert LABELS.get("print_fold", "en") in norm(page_texts(path)[0])
        assert_tagged(reader, LABELS.get("print_card_title", "en", title=entry.data.title))
