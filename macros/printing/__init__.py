"""Print: the handbook PDF and EPUB and the card decks, made with WeasyPrint and our own print stylesheets.

This package does not depend on MkDocs. The build pipeline (macros/pipeline.py) gives it
the site's pages in navigation order (`Chapter`s), the catalogue and the settings, and it
writes every PDF into the built site:

    downloads/innovation-handbook-<lang>.pdf      the whole handbook, A4
    downloads/cards-a4-<lang>.pdf                 every card, four to an A4 sheet, double-sided
    downloads/cards-a6-<lang>.pdf                 every card, A6 with bleed and crop marks
    downloads/cards-<phase>-a4-<lang>.pdf         the methods of one phase, A4 sheets
    downloads/cards/<method>-<lang>.pdf           one card, front and back side by side, to fold
    downloads/innovation-handbook-<lang>.epub     the handbook as an e-book, from the book's pages
    downloads/worksheets-<lang>.pdf               every tool's worksheet, in its layout
    downloads/worksheets/<tool>-<lang>.pdf        one tool's worksheet, a fillable PDF form
    downloads/worksheets/<tool>-a3-<lang>.pdf     the same on A3 (a stages table, to fill by hand)

Settings.files is the one place these names are defined.
"""

from __future__ import annotations

import importlib

from .settings import Files, Settings

# WeasyPrint takes about a second to import: load the PDF-making modules only when the PDFs
# are made, not in every build (the macros import this package for the PDFs' addresses).
_LAZY = {"Book": "book", "Chapter": "book", "Deck": "deck", "Epub": "epub", "PrintError": "weasy", "Printer": "weasy",
         "Worksheets": "sheets", "Job": "run", "Report": "run", "build_all": "run", "build_jobs": "run"}
__all__ = ["Files", "Settings", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
