"""Every word the PDFs print, from macros/labels.yml in the build's language.

Nothing printed is written in a template or in Python: a Welsh build prints Welsh.
"""

from __future__ import annotations

import datetime as dt

from ..render import Renderer

# Label keys the print step adds to the card's (Renderer.words). Those with {placeholders}
# are filled in where they are used (Renderer.t). tests/print checks each has en and cy.
PRINT_LABELS = (
    "print_card", "print_contents", "print_page_of", "print_edition", "print_months", "print_date",
    "print_licence", "print_licence_url", "print_online", "print_author", "print_method", "print_tool", "print_also",
    "print_qr", "print_fold", "print_cards_title", "print_phase_title", "print_card_title",
    "print_used_in", "print_worksheet_on_page", "print_worksheet", "print_worksheet_a3",
    "download_worksheets_pack", "download_worksheets_pack_about", "download_worksheets_each",
    "download_book", "download_book_about", "download_cards_a4", "download_cards_a4_about",
    "download_cards_a6", "download_cards_a6_about", "download_phases", "download_phases_about",
    "download_single", "download_worksheets", "download_off",
)
PATTERNS = ("print_page_of", "print_edition", "print_date", "print_also", "print_qr", "print_cards_title",
            "print_phase_title", "print_card_title")


def words(renderer: Renderer) -> dict[str, str]:
    """The card's words and the print step's plain ones, as one dict for the print templates."""
    found = dict(renderer.words)
    found.update({key: renderer.t(key) for key in PRINT_LABELS if key not in PATTERNS})
    found["worksheet"] = renderer.t("worksheet")
    found["methods_for_tool"] = renderer.t("methods_for_tool")
    return found


def date_text(date: dt.date, renderer: Renderer) -> str:
    """A date in words, e.g. "10 November 2026" or "10 Tachwedd 2026"."""
    month = [m.strip() for m in renderer.t("print_months").split(",")][date.month - 1]
    return renderer.t("print_date", day=date.day, month=month, year=date.year)
