"""Reading the PDFs back for the print tests: outline, metadata, tags, text and where it is."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pypdf import PdfReader
from pypdf.generic import IndirectObject

MM = 72 / 25.4


def norm(text: str) -> str:
    """Whitespace collapsed, and a word broken after its hyphen at a line's end joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


def stream_texts(path: Path, numbers: set[int] | None = None) -> dict[int, str]:
    """Each page's text (or only the pages numbered, from 1) in the order it is drawn, which
    follows the document (pypdf): table cells and side-by-side cards are not interleaved line
    by line, as they are by position. Reading a page costs about a tenth of a second."""
    pages = PdfReader(path).pages
    wanted = sorted(numbers) if numbers is not None else range(1, len(pages) + 1)
    return {n: norm(pages[n - 1].extract_text() or "") for n in wanted}


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, 1-based page), in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, norm(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def root(reader: PdfReader):
    return reader.trailer["/Root"]


def struct_elements(reader: PdfReader):
    """Every structure element of the tag tree (depth first)."""
    tree = root(reader).get("/StructTreeRoot")
    if tree is None:
        return
    stack = [tree.get_object()]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids.get_object()
        if not isinstance(kids, list):
            kids = [kids]
        for kid in reversed(kids):
            if isinstance(kid, IndirectObject):
                kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/Type") == "/StructElem":
                yield kid
                stack.append(kid)


def boxes(page) -> dict[str, list[float]]:
    """A page's boxes in millimetres: width and height of each."""
    found = {}
    for name in ("/MediaBox", "/TrimBox", "/BleedBox"):
        if name in page:
            x0, y0, x1, y1 = (float(v) for v in page[name])
            found[name[1:]] = [round((x1 - x0) / MM, 1), round((y1 - y0) / MM, 1)]
    return found


def page_words(path: Path) -> list[list[dict]]:
    """Each page's words with their positions (pdfplumber: x0, top, x1, bottom in points from the top left)."""
    with pdfplumber.open(path) as pdf:
        return [page.extract_words(keep_blank_chars=False, use_text_flow=True) for page in pdf.pages]


def page_texts_and_runs(path: Path) -> tuple[list[str], list[list[dict]]]:
    """Each page's text, and its runs of text with where they start, in one pass (pypdf).

    A run is what one text-showing operator draws: a line, part of one, or one leader dot. It
    has the keys of a pdfplumber word that the tests read (text, x0, top, bottom in points from
    the top left; top and bottom are both the baseline). For the long handbook PDF this is about
    twice as fast as pdfplumber, which parses every character's box.
    """
    texts, runs = [], []
    for page in PdfReader(path).pages:
        height = float(page.mediabox.height)
        found: list[dict] = []

        def visit(text, cm, tm, font, size, found=found, height=height):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append({"text": text.strip(), "x0": x, "top": height - y, "bottom": height - y})

        texts.append(page.extract_text(visitor_text=visit) or "")
        runs.append(found)
    return texts, runs


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def region_text(words: list[dict], x0: float, top: float, x1: float, bottom: float) -> str:
    """The text of the words whose centre falls in a region (points), in reading order."""
    inside = [w for w in words
              if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
    return norm(" ".join(w["text"] for w in inside))


def internal_links(reader: PdfReader, page_index: int) -> list[tuple[list[float], int]]:
    """A page's links to places in the same PDF: (rectangle, 1-based target page)."""
    names = {k: v for k, v in reader.named_destinations.items()}
    found = []
    page = reader.pages[page_index]
    for annot in page.get("/Annots", []) or []:
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest = annot.get("/Dest")
        action = annot.get("/A")
        if dest is None and action is not None and action.get("/S") == "/GoTo":
            dest = action.get("/D")
        if dest is None:
            continue
        if isinstance(dest, str) or not isinstance(dest, list):
            dest = names[str(dest)]
            number = reader.get_destination_page_number(dest) + 1
        else:
            number = reader.get_page_number(dest[0].get_object()) + 1
        found.append(([float(v) for v in annot["/Rect"]], number))
    return found


def uris(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                found.append(str(action["/URI"]))
    return found


def printed_number(words: list[dict], top: float, bottom: float) -> int | None:
    """The page number printed at the end of the contents line between top and bottom (points)."""
    line = [w for w in words if top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1]
    line.sort(key=lambda w: w["x0"])
    if not line:
        return None
    match = re.search(r"(\d+)$", line[-1]["text"])
    return int(match.group(1)) if match else None
