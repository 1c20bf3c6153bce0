"""The journey diagram in the handbook PDF, read back: drawn as vector shapes and text (no
picture of it), black on white, with every phase and method in it, in both languages."""

from __future__ import annotations

import pdfplumber
import pytest
import yaml
from pypdf import PdfReader

from helpers import ROOT

pytestmark = pytest.mark.xdist_group("handbook-pdf")

CAPTION = {"en": "The innovation journey: the phases in order", "cy": "Y daith arloesi: y camau mewn trefn"}
BOOK = {"en": "downloads/innovation-handbook-en.pdf", "cy": "cy/downloads/innovation-handbook-cy.pdf"}


def squeeze(text: str) -> str:
    return "".join(text.split())  # the SVG's words are placed one by one: compare without spaces


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_journey_diagram_prints_as_vector_in_black_and_white(site, lang):
    labels = yaml.safe_load((ROOT / "macros" / "labels.yml").read_text(encoding="utf-8"))
    assert labels["journey_map_caption"][lang].startswith(CAPTION[lang])
    vocab = yaml.safe_load((ROOT / "macros" / "vocabularies.yml").read_text(encoding="utf-8"))
    phases = [f"{n}. {term['label'][lang]}" for n, term in enumerate(vocab["phases"], start=1)]
    found = []
    reader = PdfReader(site / BOOK[lang])
    # The home page and the journey chapter come early in the navigation: read the first pages.
    early = [n for n, page in enumerate(reader.pages[:40]) if squeeze(CAPTION[lang]) in squeeze(page.extract_text() or "")]
    with pdfplumber.open(site / BOOK[lang], pages=[n + 1 for n in early]) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            if squeeze(CAPTION[lang]) not in squeeze(text):
                continue
            found.append(page.page_number)
            assert not page.images, f"page {page.page_number}: the diagram is an image, not vector shapes"
            drawn = squeeze(text)
            for label in phases:  # wrapped in the chevrons, but every word there, in order
                assert squeeze(label) in drawn or all(w in drawn for w in label.split()), label
            shapes = page.curves + page.rects + page.lines
            assert len(shapes) >= 2 * len(phases), f"page {page.page_number}: {len(shapes)} shapes"
            for shape in shapes:  # black, white or grey: legible printed in black and white
                for key in ("stroking_color", "non_stroking_color"):
                    colour = shape.get(key)
                    if colour and len(colour) == 3:
                        assert max(colour) - min(colour) < 0.01, f"page {page.page_number}: colour {colour}"
    assert len(found) == 2, f"the diagram should be on the home page and the journey chapter: pages {found}"
