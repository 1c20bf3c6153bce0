"""What the site's pages say about the PDFs: the "Download and print" page's list and each
method page's "Print this card" link. The addresses come from Settings.files, the same names
the print step writes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ..loader import Entry
from ..render import Renderer
from .settings import Files

# The page that lists the PDFs; the macros add the list to it.
DOWNLOAD_PAGE = "download.md"
Relative = Callable[[str], str]  # a path in the site -> a link from the current page


FILE_TYPES = {".pdf": "application/pdf", ".epub": "application/epub+zip", ".zip": "application/zip"}
# Where a file's size goes on the download page, filled in after the file is made (fill_sizes).
SIZE = re.compile(r'<span class="hb-size" data-hb-file="([^"]+)">[^<]*</span>')


def downloads_html(renderer: Renderer, files: Files, relative: Relative, enabled: bool) -> str:
    """The download page's list of files and, when they are made, how to read them offline on each
    device (a markdown heading, then raw HTML). Each file's size is a placeholder until then."""
    env = renderer.print_jinja
    cat, lang = renderer.cat, renderer.lang

    def item(path: str) -> dict:
        return {"href": relative(path), "file": path, "type": FILE_TYPES[Path(path).suffix]}

    phases = [{"label": term.text(lang), **item(files.phase_deck(term.key))}
              for term in cat.vocab.terms("phases")
              if any(e.data.phases[0] == term.key for e in cat.items("method"))]
    link = {"book": item(files.book), "epub": item(files.epub), "cards_a4": item(files.cards_a4),
            "cards_a6": item(files.cards_a6), "offline": item(files.offline), "worksheets": item(files.worksheets)}
    sheets = [{"label": e.data.title, "lang": renderer.lang_of(e), **item(files.worksheet(e.slug)),
               "a3": item(files.worksheet(e.slug, "a3")) if e.data.layout == "stages" else None}
              for e in cat.items("tool")]
    words = {key: renderer.t(key) for key in (
        "download_book", "download_book_about", "download_cards_a4", "download_cards_a4_about",
        "download_cards_a6", "download_cards_a6_about", "download_phases", "download_phases_about",
        "download_single", "download_worksheets", "download_off", "download_offline", "download_offline_about",
        "download_epub", "download_epub_about", "download_device_desktop", "download_device_android",
        "download_device_iphone", "download_worksheets_pack", "download_worksheets_pack_about",
        "download_worksheets_each", "print_worksheet_a3")}
    links = {name: Markup('<a href="{}" type="{}">{}</a>').format(link[target]["href"], link[target]["type"],
                                                                renderer.t(f"download_link_{name}"))
             for name, target in (("zip", "offline"), ("epub", "epub"), ("pdf", "book"))}
    how = {device: _with_links(renderer.t(f"download_device_{device}_how", **{k: f"\0{k}\0" for k in links}), links)
           for device in ("desktop", "android", "iphone")}
    html = env.get_template("downloads.html").render(enabled=enabled, w=words, link=link, phases=phases, sheets=sheets)
    # Markdown ends a raw HTML block at a blank line, so the output must have none.
    html = re.sub(r"\n\s*\n", "\n", html).strip()
    if not enabled:
        return html
    heading = re.sub(r"([\\`*_\[\]{}#])", r"\\\1", renderer.t("download_devices"))
    devices = re.sub(r"\n\s*\n", "\n", env.get_template("devices.html").render(w=words, how=how)).strip()
    return f"{html}\n\n## {heading} {{ #hb-devices }}\n\n{devices}"


def _with_links(text: str, links: dict[str, Markup]) -> Markup:
    """A label's text, escaped, with its \\0name\\0 markers replaced by the links."""
    parts = re.split(r"\0(\w+)\0", text)
    return Markup("").join(links[part] if index % 2 else Markup.escape(part) for index, part in enumerate(parts))


def size_text(size: int, labels, lang: str) -> str:
    """A file's size in words: "850 kB", "2.4 MB" (SI units, as a file manager shows them)."""
    if size < 1_000_000:
        return labels.get("size_kb", lang, n=max(1, round(size / 1000)))
    return labels.get("size_mb", lang, n=f"{size / 1_000_000:.1f}")


def fill_sizes(page: Path, site_dir: Path, labels, lang: str) -> int:
    """Write each file's size into the download page `page` of the site in `site_dir`, measured
    now, after the file is made. A file that is not there keeps no size. Returns how many
    sizes were written."""
    if not page.is_file():
        return 0
    html = page.read_text(encoding="utf-8")
    filled = 0

    def fill(match: re.Match) -> str:
        nonlocal filled
        file = (site_dir / match.group(1)).resolve()
        if not file.is_file():
            return match.group(0)
        filled += 1
        text = labels.get("download_size", lang, kind=file.suffix.lstrip(".").upper(),
                          size=size_text(file.stat().st_size, labels, lang))
        return f'<span class="hb-size" data-hb-file="{match.group(1)}"> {Markup.escape(text)}</span>'

    page.write_text(SIZE.sub(fill, html), encoding="utf-8")
    return filled


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
