"""WeasyPrint, set up once for every PDF of the handbook.

- Nothing is fetched from the network: the URL fetcher serves `data:` URLs and files under
  the folders it is given, and stops the build on anything else (no request leaves the origin).
- WeasyPrint's warnings and errors (a missing image, an image without alt text, CSS it cannot
  use) stop the build with the list of them, instead of scrolling past.
- Every PDF is tagged (PDF/UA-1 variant: structure tree, /Lang, /MarkInfo, document title
  shown), and deterministic: no dates but the edition's, and a file identifier made from the
  content, so the same sources give the same bytes.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .cache import PdfCache

MM = 72 / 25.4  # PDF points per millimetre


def _page_references(pdf) -> tuple:
    """pydyf's PDF.page_references, remembered while the page list stays the same length.

    pydyf (0.13) rebuilds the tuple on every call, and WeasyPrint's tagging calls it once per
    tagged element: time grows with pages × elements (about 2 s of a 110-page book, and far
    more for a longer one). Pages are only ever appended, so the length tells when to rebuild.
    """
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_hb_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_hb_page_references"] = cached
    return cached[1]


pydyf.PDF.page_references = property(_page_references)


class PrintError(Exception):
    """The PDFs cannot be made; the message says what to fix. Raised with every problem at once."""

    def __init__(self, problems: list[str]):
        self.problems = list(dict.fromkeys(problems))
        count = len(self.problems)
        lines = [f"The PDFs cannot be built: {count} problem{'s' if count != 1 else ''}. Fix "
                 f"{'it' if count == 1 else 'each one'}, or build without PDFs (HANDBOOK_PDF=false):"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))

    def __reduce__(self):  # raised in a worker process, re-raised in the build's
        return (type(self), (self.problems,))


class BlockedFetch(FatalURLFetchingError):
    """A resource the print step must not (or cannot) load. Fatal: WeasyPrint stops at once."""


class LocalFetcher(URLFetcher):
    """Serves `data:` URLs and files inside `roots`; refuses everything else.

    WeasyPrint's own fetcher would go to the network for http(s) addresses.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)
        self.roots = [Path(r).resolve() for r in roots]

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise BlockedFetch(f"{url}: the PDFs load nothing from other sites. Save the file in docs/ "
                               "and link to it from there.")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise BlockedFetch(f"{path}: outside the folders the PDFs may read ({', '.join(map(str, self.roots))}).")
        if not path.is_file():
            raise BlockedFetch(f"{path}: the file does not exist.")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextmanager
def strict_weasyprint(what: str):
    """Run WeasyPrint and turn any warning or error it logs into a PrintError naming `what`."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    # WeasyPrint's messages would otherwise also reach MkDocs' log (and its strict counter)
    # one by one; they are reported together below instead.
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    except FatalURLFetchingError as error:
        handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if handler.messages:
        raise PrintError([f"{what}: {m}" for m in handler.messages])


class Printer:
    """Renders HTML to PDF with one font configuration, stylesheets and fetcher for a whole build."""

    def __init__(self, roots: list[Path], cache: PdfCache | None = None):
        self.fonts = FontConfiguration()
        self.fetcher = LocalFetcher(roots)
        self._css: dict[str, CSS] = {}
        self.cache = cache or PdfCache(None)

    def make(self, out: Path, path: str, what: str, html: str, css: list[str], render,
             bleed_mm: float | None = None, forms: bool = False) -> int:
        """The PDF `path` (under `out`) from the cache when its inputs are unchanged, else made with
        `render()` (which returns the laid-out Document), written and stored. Returns its size.
        `forms`: the PDF has form fields (WeasyPrint's pdf_forms), part of the cache key."""
        key = self.cache.key(html, css + ([f"pdf_forms={forms}"] if forms else []), bleed_mm)
        size = self.cache.fetch(key, out / path, path)
        if size is None:
            data = self.write(render(), out / path, what, bleed_mm=bleed_mm, forms=forms)
            self.cache.store(key, data, path)
            size = len(data)
        return size

    def css(self, text: str) -> CSS:
        if text not in self._css:
            with strict_weasyprint("print stylesheet"):
                self._css[text] = CSS(string=text, font_config=self.fonts, url_fetcher=self.fetcher)
        return self._css[text]

    def render(self, html: str, css: list[str], base: Path, what: str, forms: bool = False) -> Document:
        stylesheets = [self.css(text) for text in css]
        with strict_weasyprint(what):
            return HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=self.fetcher).render(
                stylesheets=stylesheets, font_config=self.fonts, pdf_variant="pdf/ua-1", pdf_tags=True,
                pdf_forms=forms or None)
        raise AssertionError("unreachable")  # strict_weasyprint raises when rendering failed

    def write(self, document: Document, target: Path, what: str, bleed_mm: float | None = None,
              forms: bool = False) -> bytes:
        """Write `document` to `target` (and return its bytes). `bleed_mm` sets each page's
        BleedBox that far outside its TrimBox (WeasyPrint caps it at 10 points, 3.53 mm)."""
        finisher = _bleed_box(bleed_mm) if bleed_mm is not None else None
        with strict_weasyprint(what):
            # identifier=True: pydyf makes the file identifier from a hash of the content.
            data = document.write_pdf(finisher=finisher, pdf_variant="pdf/ua-1", pdf_tags=True,
                                      pdf_identifier=True, pdf_forms=forms or None)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return data


def _bleed_box(bleed_mm: float):
    bleed = bleed_mm * MM

    def finish(document, pdf):
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page" and "TrimBox" in obj:
                left, top, right, bottom = obj["TrimBox"]
                obj["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])

    return finish
