"""What the site's pages say about the PDFs: the "Download and print" page's list and each
method page's "Print this card" link. The addresses come from Settings.files, the same names
the print step writes."""

from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup

from ..loader import Entry
from ..render import Renderer
from .settings import Files

# The page that lists the PDFs; the macros add the list to it.
DOWNLOAD_PAGE = "download.md"
Relative = Callable[[str], str]  # a path in the site -> a link from the current page


def downloads_html(renderer: Renderer, files: Files, relative: Relative, enabled: bool) -> str:
    env = renderer.print_jinja
    cat, lang = renderer.cat, renderer.lang
    phases = [{"label": term.text(lang), "href": relative(files.phase_deck(term.key))}
              for term in cat.vocab.terms("phases")
              if any(e.data.phases[0] == term.key for e in cat.items("method"))]
    href = {"book": relative(files.book), "cards_a4": relative(files.cards_a4), "cards_a6": relative(files.cards_a6),
            "offline": relative(files.offline), "worksheets": relative(files.worksheets)}
    sheets = [{"label": e.data.title, "lang": renderer.lang_of(e), "href": relative(files.worksheet(e.slug)),
               "a3": relative(files.worksheet(e.slug, "a3")) if e.data.layout == "stages" else None}
              for e in cat.items("tool")]
    words = {key: renderer.t(key) for key in (
        "download_book", "download_book_about", "download_cards_a4", "download_cards_a4_about",
        "download_cards_a6", "download_cards_a6_about", "download_phases", "download_phases_about",
        "download_single", "download_worksheets", "download_off", "download_offline", "download_offline_about",
        "download_worksheets_pack", "download_worksheets_pack_about", "download_worksheets_each", "print_worksheet_a3")}
    html = env.get_template("downloads.html").render(enabled=enabled, w=words, href=href, phases=phases, sheets=sheets)
    # Markdown ends a raw HTML block at a blank line, so the output must have none.
    return re.sub(r"\n\s*\n", "\n", html).strip()


def print_card_html(renderer: Renderer, files: Files, entry: Entry, relative: Relative) -> str:
    """The method page's link to its one-card PDF. Hidden when the page itself is printed."""
    href = Markup.escape(relative(files.card(entry.slug)))
    return (f'<p class="hb-print-card hb-no-print"><a href="{href}" type="application/pdf">'
            f"{Markup.escape(renderer.t('print_card'))}</a></p>")


def print_worksheet_html(renderer: Renderer, files: Files, entry: Entry, relative: Relative) -> str:
    """The tool page's links to its worksheet PDF (a fillable form) and, for a stages table, its
    A3 version. Hidden when the page itself is printed: the page prints its own worksheet."""
    links = [(files.worksheet(entry.slug), renderer.t("print_worksheet"))]
    if entry.data.layout == "stages":
        links.append((files.worksheet(entry.slug, "a3"), renderer.t("print_worksheet_a3")))
    items = "".join(f'<li><a href="{Markup.escape(relative(path))}" type="application/pdf">{Markup.escape(text)}</a></li>'
                    for path, text in links)
    return f'<ul class="hb-print-worksheet hb-no-print">{items}</ul>'
