"""The card deck: one card per method (and per tool), and its print layouts.

Each card face is rendered once, from the site card's view model (Renderer.method_model) and
the site card's partial (overrides/partials/hb-card.html, whose macros print the facts and the
related methods), through the print partial overrides/print/card.html. The faces are then
placed on pages by CSS positioning (imposition), in four layouts:

- A6: one face per page, front then back, 3 mm bleed and crop marks (for print shops);
- A4 sheets: four cards per sheet, fronts on one page and backs on the next, the backs' columns
  swapped so that double-sided printing flipped on the long edge puts each back behind its
  front; the cards touch, so one guillotine cut along each mark line separates a whole stack;
- A4 sheets per phase: the same, with the methods whose main phase it is;
- single card: front and back side by side on A4, to cut out and fold (one PDF per method).

Imposition is done in HTML and CSS rather than by merging PDF pages (pypdf can place pages on
a sheet, but the result loses the tags that make the PDFs accessible).
"""

from __future__ import annotations

import base64
import copy
import math
from dataclasses import dataclass, field
from pathlib import Path

import segno
from markupsafe import Markup
from weasyprint import Document

from ..loader import Catalogue, Entry
from ..render import Renderer
from ..schema import FOLDERS
from ..urls import item_url
from .settings import Settings
from .weasy import Printer, PrintError
from .words import words

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"
ICONS = PRINT / "icons"

# Sizes in millimetres.
A4 = (210.0, 297.0)
A6 = (105.0, 148.0)
BLEED = 3.0  # art that reaches the card's edge runs this far past it
SLUG = 8.0  # CSS bleed: the bleed plus room outside it for the crop marks (drawn 4-8 mm out)
SHEET_CARD = (95.0, round(95.0 * math.sqrt(2), 2))  # A6's proportions, small enough for printer margins
A6_FONT = 9.0  # points; every size inside a face is in em, so a smaller card is the same card scaled
DENSITY = (1.0, 0.92, 0.85, 0.78)  # font scales tried, in turn, for a face whose text does not fit
SINGLE_TOP = 40.0  # where the single card sits on its A4 page, below the folding instructions


@dataclass
class Card:
    key: str  # "method/journey-mapping"
    entry: Entry
    front: Markup
    back: Markup
    density: list[int] = field(default_factory=lambda: [0, 0])  # per face: index into DENSITY


@dataclass
class Page:
    cards: set[str]  # the keys of the cards on the page
    html: str


@dataclass
class Slot:
    card: Card
    side: int  # 0 front, 1 back
    x: float
    y: float


class Deck:
    def __init__(self, catalogue: Catalogue, settings: Settings, printer: Printer):
        self.cat = catalogue
        self.settings = settings
        self.printer = printer
        self.renderer = Renderer.of(catalogue, settings.lang)
        self.t = words(self.renderer)
        self.jinja = self.renderer.print_jinja
        self.faces = self.jinja.get_template("card.html").module
        self.card = self._card_module()
        self.cards = [self._method_card(e) for e in catalogue.items("method")]
        self.cards += [self._tool_card(e) for e in catalogue.items("tool")]
        self.css = [(PRINT / "cards.css").read_text(encoding="utf-8"), self._icons_css()]

    # Faces -------------------------------------------------------------------------
    def link(self, entry: Entry) -> str:
        return self.settings.site_url + item_url(entry.kind, entry.slug, self.settings.directory_urls)

    def _card_module(self):
        """overrides/partials/hb-card.html as a module, for its `lead`, `facts` and `links` macros:
        the printed card says what the web card says, from the same view model and template."""
        return self.jinja.get_template("hb-card.html").make_module({"t": self.t})

    def _qr(self, url: str) -> dict:
        # A regular QR code (not Micro QR, which few phones read), medium error correction,
        # a two-module quiet zone; made here from the address, nothing fetched. A 1-bit PNG
        # rather than SVG: WeasyPrint embeds an image once per PDF but redraws an SVG's paths
        # each time, which made the card step several times slower. Printed unsmoothed
        # (image-rendering: pixelated), its modules stay sharp.
        code = segno.make_qr(url, error="m")
        address = url.removeprefix("https://").removeprefix("http://")
        return {"src": code.png_data_uri(scale=4, border=2),
                "alt": self.renderer.t("print_qr", url=address), "address": address}

    def _method_card(self, entry: Entry) -> Card:
        model, card = self.renderer.method_model(entry, self.link), self.card
        also = ", ".join(p["label"] for p in model["phases"][1:])
        also = self.renderer.t("print_also", phases=also) if also else ""
        return Card(f"method/{entry.slug}", entry, self.faces.method_front(model, self.t, card),
                    self.faces.method_back(model, self.t, card, self._qr(model["href"]), also))

    def _tool_card(self, entry: Entry) -> Card:
        methods = self.cat.methods_using("tools", entry.slug)
        model = {"title": entry.data.title, "summary": entry.data.summary, "href": self.link(entry),
                 "boxes": entry.data.worksheet,
                 "methods": [{"title": m.data.title, "href": self.link(m), "lang": self.renderer.lang_of(m)}
                             for m in methods]}
        card = self.card
        return Card(f"tool/{entry.slug}", entry, self.faces.tool_front(model, self.t, card),
                    self.faces.tool_back(model, self.t, card, self._qr(model["href"])))

    def _icons_css(self) -> str:
        """The phase (and tool) icons as data URLs, so the card CSS loads no file."""
        def url(name: str) -> str:
            path = ICONS / f"{name}.svg"
            if not path.is_file():
                raise PrintError([f"overrides/print/icons/{name}.svg is missing: every phase in "
                                  "macros/vocabularies.yml needs an icon for the printed cards."])
            return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode()

        rules = [f'.pr-icon--phase-{key} {{ background-image: url("{url("phase-" + key)}"); }}'
                 for key in self.cat.vocab.keys("phases")]
        rules.append(f'.pr-icon--tool {{ background-image: url("{url("kind-tool")}"); }}')
        return "\n".join(rules)

    # Layouts -------------------------------------------------------------------------
    def _face(self, slot: Slot, width: float, height: float, font: float) -> str:
        card = slot.card
        scale = DENSITY[card.density[slot.side]]
        html = card.back if slot.side else card.front
        return (f'<div class="pr-slot" data-card="{card.key}" data-side="{"back" if slot.side else "front"}" '
                f'style="left: {slot.x:.2f}mm; top: {slot.y:.2f}mm; width: {width:.2f}mm; height: {height:.2f}mm; '
                f'font-size: {font * scale:.3f}pt">{html}</div>')

    def _document(self, title: str, body_class: str, pages: list[str]) -> str:
        t = self.settings
        date = f'<meta name="dcterms.created" content="{t.date}"><meta name="dcterms.modified" content="{t.date}">' \
            if t.date else ""
        head = (f'<!DOCTYPE html><html lang="{t.lang}"><head><meta charset="utf-8">'
                f"<title>{Markup.escape(title)}</title>"
                f'<meta name="author" content="{Markup.escape(self.t["print_author"])}">{date}</head>'
                f'<body class="{body_class}">')
        return head + "\n".join(pages) + "</body></html>"

    # A layout is a list of pages, each with the cards on it and its HTML (which depends on the
    # cards' current type sizes). Faces are positioned absolutely, so each page of HTML is one
    # page of PDF whatever its text.
    def a6_pages(self, cards: list[Card]) -> list[Page]:
        return [Page({card.key}, '<div class="pr-page pr-page--a6">'
                     + self._face(Slot(card, side, 0, 0), *A6, A6_FONT) + "</div>")
                for card in cards for side in (0, 1)]

    def sheet_slots(self, group: list[Card], side: int) -> list[Slot]:
        """Four cards, two by two, centred on A4. On the back page the columns swap: flipping
        the sheet on its long edge mirrors it left to right."""
        w, h = SHEET_CARD
        x0, y0 = (A4[0] - 2 * w) / 2, (A4[1] - 2 * h) / 2
        slots = []
        for i, card in enumerate(group):
            row, col = divmod(i, 2)
            if side:
                col = 1 - col
            slots.append(Slot(card, side, x0 + col * w, y0 + row * h))
        return slots

    def sheet_pages(self, cards: list[Card]) -> list[Page]:
        font = A6_FONT * SHEET_CARD[0] / A6[0]
        pages = []
        for start in range(0, len(cards), 4):
            group = cards[start:start + 4]
            for side in (0, 1):
                faces = "".join(self._face(s, *SHEET_CARD, font) for s in self.sheet_slots(group, side))
                pages.append(Page({c.key for c in group}, f'<div class="pr-page pr-page--sheet">{faces}</div>'))
        return pages

    def single_pages(self, cards: list[Card]) -> list[Page]:
        w, h = SHEET_CARD
        font = A6_FONT * w / A6[0]
        x0 = (A4[0] - 2 * w) / 2
        how = Markup.escape(self.t["print_fold"])
        return [Page({card.key}, f'<div class="pr-page pr-page--single"><p class="pr-single__how">{how}</p>'
                     + self._face(Slot(card, 0, x0, SINGLE_TOP), w, h, font)
                     + self._face(Slot(card, 1, x0 + w, SINGLE_TOP), w, h, font) + "</div>")
                for card in cards]

    def marks_css(self) -> str:
        """Cut marks for the A4 layouts, drawn in the margins as each page's background."""
        w, h = SHEET_CARD
        x0, y0 = (A4[0] - 2 * w) / 2, (A4[1] - 2 * h) / 2
        sheet = _marks([x0, x0 + w, x0 + 2 * w], [y0, y0 + h, y0 + 2 * h])
        single = _marks([x0, x0 + 2 * w], [SINGLE_TOP, SINGLE_TOP + h], fold=x0 + w)
        return (f'@page sheet {{ background: #fff url("{sheet}") no-repeat 0 0 / 210mm 297mm; }}\n'
                f'@page single {{ background: #fff url("{single}") no-repeat 0 0 / 210mm 297mm; }}\n')

    # Rendering ---------------------------------------------------------------------
    def render(self, html: str, what: str) -> Document:
        return self.printer.render(html, self.css + [self.marks_css()], PRINT, what)

    def fitted(self, layout, cards: list[Card], title: str, kind: str, what: str) -> Document:
        """Render the pages `layout(cards)` makes. A face whose text does not fit gets a smaller
        type, in steps, and only the pages it is on are rendered again; a face that does not
        fit even then stops the build, naming its file."""
        by_key = {c.key: c for c in cards}
        pages = layout(cards)
        first = self.render(self._document(title, kind, [p.html for p in pages]), what)
        if len(first.pages) != len(pages):
            raise PrintError([f"{what}: {len(first.pages)} pages for {len(pages)} pages of cards (a print "
                              "stylesheet lets a card's page break)."])
        final = list(first.pages)
        over = overflowing(first)
        while over:
            stuck = []
            for key, side in over:
                card = by_key[key]
                if card.density[side] + 1 < len(DENSITY):
                    card.density[side] += 1
                else:
                    stuck.append((card, side))
            if stuck:
                raise PrintError([
                    f"docs/{FOLDERS[c.entry.kind]}/{c.entry.slug}.md: the card's {'back' if side else 'front'} "
                    "does not fit on the card, even in smaller type. Shorten "
                    + (("the steps, outputs or related methods." if side else "the summary or why.")
                       if c.entry.kind == "method" else "the worksheet prompts or the summary.")
                    for c, side in stuck])
            keys = {key for key, _ in over}
            pages = layout(cards)
            again = [i for i, page in enumerate(pages) if page.cards & keys]
            redone = self.render(self._document(title, kind, [pages[i].html for i in again]), what)
            for i, page in zip(again, redone.pages):
                final[i] = page
            over = overflowing(redone)
        return _join([first], title, final) if final != first.pages else first

    def _html(self, layout, cards: list[Card], title: str, kind: str) -> str:
        """A layout's document before any face is fitted: what its PDF is made from (the cache's key)."""
        return self._document(title, kind, [p.html for p in layout(cards)])

    def write_a6(self, out: Path) -> dict[str, int]:
        """Every card, one face per A6 page, with bleed and crop marks, for a print shop."""
        files = self.settings.files
        title = self.renderer.t("print_cards_title", site=self.settings.site_name)
        kind, what = "pr-deck pr-deck--a6", "the A6 cards"
        size = self.printer.make(out, files.cards_a6, what, self._html(self.a6_pages, self.cards, title, kind),
                                 self.css + [self.marks_css()],
                                 lambda: self.fitted(self.a6_pages, self.cards, title, kind, what), bleed_mm=BLEED)
        return {files.cards_a6: size}

    def write_sheets(self, out: Path) -> dict[str, int]:
        """Every card on A4 sheets, and each phase's methods on their own sheets.

        Each phase's methods start a sheet of their own, so a phase's deck is a run of the
        whole deck's sheets: laid out once, written twice. A run is laid out only when its own
        PDF or the whole deck is not in the cache."""
        files, t, site = self.settings.files, self.renderer.t, self.settings.site_name
        kind, css = "pr-deck pr-deck--sheets", self.css + [self.marks_css()]
        runs = []  # (its PDF's path or None, title, what, cards)
        for term in self.cat.vocab.terms("phases"):
            cards = [c for c in self.cards if c.entry.kind == "method" and c.entry.data.phases[0] == term.key]
            if cards:
                title = t("print_phase_title", site=site, phase=term.text(self.settings.lang))
                runs.append((files.phase_deck(term.key), title, f"the cards for the phase {term.key}", cards))
        tools = [c for c in self.cards if c.entry.kind == "tool"]
        if tools:
            runs.append((None, site, "the tool cards", tools))
        if not runs:
            return {}
        htmls = [self._html(self.sheet_pages, cards, title, kind) for _, title, _, cards in runs]
        documents: dict[int, object] = {}

        def laid_out(index: int):
            if index not in documents:
                _, title, what, cards = runs[index]
                documents[index] = self.fitted(self.sheet_pages, cards, title, kind, what)
            return documents[index]

        written = {path: self.printer.make(out, path, what, html, css, lambda i=i: laid_out(i))
                   for i, ((path, _, what, _), html) in enumerate(zip(runs, htmls)) if path}
        whole_title = t("print_cards_title", site=site)
        written[files.cards_a4] = self.printer.make(
            out, files.cards_a4, "the A4 card sheets", whole_title + "\n" + "\n".join(htmls), css,
            lambda: _join([laid_out(i) for i in range(len(runs))], whole_title))
        return written

    def write_singles(self, out: Path) -> dict[str, int]:
        """One PDF per method: its card's front and back side by side on A4, to cut out and fold.
        Each is looked up in the cache on its own; the cards not there are laid out together."""
        files, t = self.settings.files, self.renderer.t
        methods = [c for c in self.cards if c.entry.kind == "method"]
        if not methods:
            return {}
        kind, css = "pr-deck pr-deck--single", self.css + [self.marks_css()]
        title = t("print_cards_title", site=self.settings.site_name)
        keys = {c.key: self.printer.cache.key(
            self._html(self.single_pages, [c], t("print_card_title", title=c.entry.data.title), kind), css)
            for c in methods}
        written, missing = {}, []
        for card in methods:
            path = files.card(card.entry.slug)
            size = self.printer.cache.fetch(keys[card.key], out / path, path)
            if size is None:
                missing.append(card)
            else:
                written[path] = size
        if missing:
            singles = self.fitted(self.single_pages, missing, title, kind, "the single cards")
            for card, page in zip(missing, singles.pages):
                one = _join([singles], t("print_card_title", title=card.entry.data.title), [page])
                path = files.card(card.entry.slug)
                data = self.printer.write(one, out / path, f"the card for {card.entry.slug}")
                self.printer.cache.store(keys[card.key], data, path)
                written[path] = len(data)
        return dict(sorted(written.items()))


def _join(documents: list[Document], title: str, pages: list | None = None) -> Document:
    """One document of the pages of `documents` (or the given pages), in order, with its own title."""
    joined = documents[0].copy(pages if pages is not None else [p for d in documents for p in d.pages])
    joined.metadata = copy.copy(documents[0].metadata)
    joined.metadata.title = title
    return joined


def _marks(xs: list[float], ys: list[float], fold: float | None = None) -> str:
    """An A4 SVG (in mm) with cut marks in the margins at the lines x in xs and y in ys, and
    a dashed fold mark at x = fold. Marks stop 2 mm short of the cards."""
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    lines = []
    for x in xs:
        lines.append(f'<line x1="{x:.2f}" y1="{top - 12:.2f}" x2="{x:.2f}" y2="{top - 2:.2f}"/>')
        lines.append(f'<line x1="{x:.2f}" y1="{bottom + 2:.2f}" x2="{x:.2f}" y2="{bottom + 12:.2f}"/>')
    for y in ys:
        lines.append(f'<line x1="{max(left - 12, 0.5):.2f}" y1="{y:.2f}" x2="{left - 2:.2f}" y2="{y:.2f}"/>')
        lines.append(f'<line x1="{right + 2:.2f}" y1="{y:.2f}" x2="{min(right + 12, A4[0] - 0.5):.2f}" y2="{y:.2f}"/>')
    if fold is not None:
        for y1, y2 in ((top - 12, top - 2), (bottom + 2, bottom + 12)):
            lines.append(f'<line x1="{fold:.2f}" y1="{y1:.2f}" x2="{fold:.2f}" y2="{y2:.2f}" stroke-dasharray="1.5 1"/>')
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">'
           '<g stroke="#000" stroke-width="0.25" fill="none">' + "".join(lines) + "</g></svg>")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def overflowing(document: Document) -> list[tuple[str, int]]:
    """Faces whose text does not fit their card, as (card key, side), read from WeasyPrint's
    layout: text that runs past the card, a body that runs into the footer, or text that is
    missing from the layout (WeasyPrint drops what falls off the page of a positioned box)."""
    found: list[tuple[str, int]] = []
    for page in document.pages:
        for slot in page._page_box.descendants():
            element = getattr(slot, "element", None)
            if element is None or slot.element_tag != "div" or "pr-slot" not in (element.get("class") or "").split():
                continue
            key, side = element.get("data-card"), 1 if element.get("data-side") == "back" else 0
            if _overflows(slot, element):
                found.append((key, side))
    return list(dict.fromkeys(found))


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


def _text(box) -> str:
    return "".join(b.text for b in box.descendants(placeholders=True) if type(b).__name__ == "TextBox")


def _overflows(slot, element) -> bool:
    limit = slot.content_box_y() + slot.height + 0.5
    # Faces and their footers are positioned absolutely: look inside those too.
    boxes = list(slot.descendants(placeholders=True))
    for inner in boxes:
        if inner is not slot and inner.margin_height() > 0 and inner.position_y + inner.margin_height() > limit:
            return True
    parts = {}
    for inner in boxes:
        for name in ("pr-face__body", "pr-face__foot"):
            if name in _classes(inner) and inner.element_tag == "div":
                parts.setdefault(name, []).append(inner)
    for name in ("pr-face__body", "pr-face__foot"):
        source = [e for e in element.iter() if name in (e.get("class") or "").split()]
        if not source:
            continue
        # Without spaces and case: CSS may change both (text-transform: uppercase).
        expected = "".join("".join(source[0].itertext()).split()).casefold()
        laid = "".join("".join(_text(b) for b in parts.get(name, [])).split()).casefold()
        if expected and expected[-12:] not in laid:
            return True
    if "pr-face__body" in parts and "pr-face__foot" in parts:
        body_end = max(_content_end(b) for b in parts["pr-face__body"])
        foot_top = min(b.border_box_y() for b in parts["pr-face__foot"])
        if body_end > foot_top + 0.5:
            return True
    return False


def _content_end(box) -> float:
    """Where a box's content really ends: the lowest bottom among its descendants."""
    end = 0.0
    for inner in box.descendants(placeholders=True):
        if inner is not box and hasattr(inner, "margin_height"):
            height = inner.margin_height()
            if height > 0:
                end = max(end, inner.position_y + height)
    return end
