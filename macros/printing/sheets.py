"""The worksheet PDFs: each tool's worksheet in its layout, a fillable PDF form (one text field per
box, per cell of a stages table, named after it), a stages table also on A3, and a pack of every
tool's worksheet to print for a workshop.

Each sheet is the site's own worksheet (overrides/partials/hb-worksheet.html, from
Renderer.worksheet_model), so the page, the browser's print and the PDFs show the same shape.
For the fillable PDFs the template writes a <textarea> where the site has ruled space, and
WeasyPrint (pdf_forms) turns each into a PDF text field; its tooltip (/TU) is the box's heading.
The pack is for printing: ruled space, no fields (one tool's "Who is missing?" would share its
value with another's field of the same name).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from ..loader import Catalogue, Entry
from ..render import Renderer, layout_is_wide
from ..urls import item_url
from .settings import Settings
from .weasy import Printer

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"


class Worksheets:
    def __init__(self, catalogue: Catalogue, settings: Settings, printer: Printer):
        self.cat = catalogue
        self.settings = settings
        self.printer = printer
        self.renderer = Renderer.of(catalogue, settings.lang)
        self.page = self.renderer.print_jinja.get_template("worksheet.html")
        self.css = [(PRINT / "worksheets.css").read_text(encoding="utf-8")]

    def _sheet(self, entry: Entry, fields: bool) -> dict:
        model = self.renderer.worksheet_model(entry)
        html = self.renderer.jinja.get_template("hb-worksheet.html").render(
            m=model, t=self.renderer.words, pdf=fields)
        if not fields:  # in the pack, with every other tool's sheet: its ids made its own
            html = re.sub(r'(id|aria-labelledby)="([^"]*)"', lambda m: f'{m.group(1)}="' + " ".join(
                f"{entry.slug}--{token}" for token in m.group(2).split()) + '"', html)
        address = self.settings.site_url + item_url("tool", entry.slug, self.settings.directory_urls)
        source = f"{self.settings.site_name} · {address.removeprefix('https://').removeprefix('http://')}"
        return {"html": Markup(html), "wide": layout_is_wide(entry.data), "source": source}

    def _html(self, title: str, sheets: list[dict], paper: str = "a4") -> str:
        return self.page.render(lang=self.settings.lang, title=title, description=self.settings.site_description,
                                sheets=sheets, paper=paper)

    def _write(self, out: Path, path: str, what: str, html: str, forms: bool) -> int:
        # Whether the PDF has form fields is part of what it is made from: Printer.make keys it.
        return self.printer.make(out, path, what, html, self.css,
                                 lambda: self.printer.render(html, self.css, out, what=what, forms=forms),
                                 forms=forms)

    def write_worksheets(self, out: Path) -> dict[str, int]:
        """Every tool's fillable worksheet (and a stages table's A3), and the pack."""
        files = self.settings.files
        written: dict[str, int] = {}
        tools = self.cat.items("tool")
        for entry in tools:
            title = self.renderer.t("print_worksheet_title", title=entry.data.title)
            html = self._html(title, [self._sheet(entry, fields=True)])
            path = files.worksheet(entry.slug)
            written[path] = self._write(out, path, f"the worksheet PDF ({path})", html, forms=True)
            if entry.data.layout == "stages":
                path = files.worksheet(entry.slug, "a3")
                html = self._html(title, [self._sheet(entry, fields=True)], paper="a3")
                written[path] = self._write(out, path, f"the A3 worksheet PDF ({path})", html, forms=True)
        title = self.renderer.t("print_worksheets_title", site=self.settings.site_name)
        html = self._html(title, [self._sheet(entry, fields=False) for entry in tools])
        written[files.worksheets] = self._write(out, files.worksheets, f"the worksheet pack ({files.worksheets})",
                                                html, forms=False)
        return written
