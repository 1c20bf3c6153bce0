"""The handbook as an EPUB 3 e-book, for phones, tablets and e-readers: the text reflows to fit.

Made by the print step from the same pages as the handbook PDF: `Book.trees()` gives each
chapter's content already rewritten for print (ids prefixed, site-only parts left out, links
to other pages of the book made internal, images checked). Here each chapter becomes one XHTML
document; a link to another chapter points at its file.

The EPUB itself is written by EbookLib (pinned in requirements.txt): the package document
(title, language, author, publisher, licence, date), the navigation document listing every
chapter as the PDF's contents does (each section's pages under it), the NCX for older readers,
the spine. Our own code only serialises each chapter as XHTML and fixes the zip's dates.

Reproducible: the same sources give the same bytes. The identifier is a UUID made from the
site's address and the file's name, the modification date is the edition's (the same date as
the PDFs, `Settings.date`), and the zip entries get a fixed timestamp (EbookLib stamps each
with the clock). Nothing is loaded from elsewhere: images come from the built site, the
stylesheet is overrides/print/epub.css.

No cache, unlike the PDFs (macros/printing/cache.py): there is no layout to do, and the whole
EPUB is written in well under a second (tests/benchmarks/README.md has the measured figure).
"""

from __future__ import annotations

import datetime as dt
import io
import mimetypes
import uuid
import zipfile
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from ebooklib import epub
from lxml import etree

from .book import PRINT, Book, Chapter
from .words import words

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
STAMP = (2020, 1, 1, 0, 0, 0)  # every zip entry's date: a fixed one keeps the file reproducible
STYLE = "style/epub.css"
SVG_CASE = {"viewbox": "viewBox", "preserveaspectratio": "preserveAspectRatio"}
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def file_name(chapter: Chapter) -> str:
    return f"{chapter.id}.xhtml"


class Epub(Book):
    """One language's EPUB, from the pages the handbook PDF is made from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.images: dict[str, Path] = {}  # its name in the EPUB -> the built site's file

    # Rewriting, on top of the book's --------------------------------------------
    def _inside(self, found: Chapter, fragment: str) -> str:
        """Each chapter is a document of its own: a link to another names its file."""
        return file_name(found) + (f"#{found.id}--{fragment}" if fragment else "")

    @staticmethod
    def _show_address(a, href: str) -> None:
        """An e-reader follows links: no need to print an outside link's address after it."""

    def _image(self, chapter: Chapter, img) -> None:
        super()._image(chapter, img)  # the book's checks: alt text, a file of the built site
        src = img.get("src") or ""
        if src.startswith("file:"):
            file = Path(unquote(urlsplit(src).path))
            name = "images/" + file.relative_to(self.site_dir.resolve()).as_posix()
            self.images[name] = file
            img.set("src", name)

    # Writing ----------------------------------------------------------------------
    def write(self, out: Path) -> dict[str, int]:
        """Write the EPUB under `out` (the site); returns {its path in the site: size}."""
        path = self.settings.files.epub
        data = self.make()
        target = Path(out) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return {path: len(data)}

    def make(self) -> bytes:
        """The EPUB file's bytes: the same sources give the same bytes."""
        s, r = self.settings, self.renderer
        w = words(r)
        trees = self.trees()
        book = epub.EpubBook()
        book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, s.site_url + s.files.epub)}")
        book.set_title(s.site_name)
        book.set_language(s.lang)
        book.add_author(w["print_author"])
        book.add_metadata("DC", "publisher", w["print_author"])
        book.add_metadata("DC", "description", s.site_description)
        book.add_metadata("DC", "rights", w["print_licence"])
        book.add_metadata("DC", "source", s.site_url)
        if s.date:
            book.add_metadata("DC", "date", s.date.isoformat())
        style = epub.EpubItem(uid="style", file_name=STYLE, media_type="text/css",
                              content=(PRINT / "epub.css").read_bytes())
        book.add_item(style)

        cover = self._document("cover", "cover.xhtml", s.site_name, self._cover(w))
        book.add_item(cover)
        documents = []
        for chapter, tree in trees:
            # Its title as the chapter's heading says it (the PDF's bookmarks do the same): the
            # home page's navigation title is "Home", its heading the handbook's name.
            h1 = tree.find(".//h1")
            title = " ".join(h1.text_content().split()) if h1 is not None else chapter.title
            article = lxml.html.Element("article", {"id": chapter.id, "class": f"pr-chapter pr-chapter--level-{chapter.level}"})
            article.text = tree.text
            for child in list(tree):
                article.append(child)
            item = self._document(chapter.id, file_name(chapter), title or chapter.title, article)
            book.add_item(item)
            documents.append((chapter, item, title or chapter.title))
        for number, (name, file) in enumerate(sorted(self.images.items())):
            media = mimetypes.guess_type(name)[0] or "application/octet-stream"
            book.add_item(epub.EpubItem(uid=f"image-{number}", file_name=name, media_type=media,
                                        content=file.read_bytes()))

        book.toc = self._toc(documents)
        nav = epub.EpubNav(title=w["print_contents"])
        nav.add_link(href=STYLE, rel="stylesheet", type="text/css")
        book.add_item(nav)
        book.add_item(epub.EpubNcx())
        book.spine = [cover, nav, *(item for _, item, _ in documents)]

        raw = io.BytesIO()
        modified = dt.datetime.combine(s.date or dt.date(*STAMP[:3]), dt.time())
        epub.write_epub(raw, book, {"mtime": modified, "epub3_pages": False, "compresslevel": 9})
        return _fixed_dates(raw.getvalue())

    def _cover(self, w: dict[str, str]):
        """The title page: the cover of the PDF, in words."""
        s = self.settings
        section = lxml.html.Element("section", {"class": "pr-cover"})
        for tag, cls, text in (("h1", "pr-cover__title", s.site_name), ("p", "pr-cover__subtitle", s.site_description),
                               ("p", "pr-cover__edition", self._edition())):
            if text:
                lxml.html.etree.SubElement(section, tag, {"class": cls}).text = text
        online = lxml.html.etree.SubElement(section, "p", {"class": "pr-cover__online"})
        online.text = f"{w['print_online']}: "
        link = lxml.html.etree.SubElement(online, "a", {"href": s.site_url})
        link.text = s.site_url.replace("https://", "")
        licence = lxml.html.etree.SubElement(section, "p", {"class": "pr-cover__licence"})
        licence.text = w["print_licence"] + " "
        lxml.html.etree.SubElement(licence, "a", {"href": LICENCE}).text = LICENCE.replace("https://", "").rstrip("/")
        return section

    def _document(self, uid: str, name: str, title: str, content) -> epub.EpubItem:
        """One XHTML content document around `content` (an lxml.html element): serialised as XML,
        then read back as XHTML, so that every element is in the XHTML namespace, unprefixed, and
        inline SVG in its own."""
        svg = False
        for el in content.iter("svg"):
            svg = True
            el.set("xmlns", SVG)
            for part in el.iter():  # the HTML parser lowercases names that SVG spells in camel case
                for lower, camel in SVG_CASE.items():
                    if lower in part.attrib:
                        part.set(camel, part.attrib.pop(lower))
        lang = escape(self.settings.lang, quote=True)
        body = lxml.html.tostring(content, method="xml", encoding="unicode")
        source = (f'<html xmlns="{XHTML}" lang="{lang}" xml:lang="{lang}"><head><meta charset="utf-8"/>'
                  f'<title>{escape(title)}</title><link rel="stylesheet" type="text/css" href="{STYLE}"/></head>'
                  f"<body>{body}</body></html>")
        root = etree.fromstring(source)
        data = etree.tostring(root, encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE html>")
        item = epub.EpubItem(uid=uid, file_name=name, media_type="application/xhtml+xml", content=data)
        item.properties = ["svg"] if svg else []
        return item

    def _toc(self, documents: list[tuple[Chapter, epub.EpubItem, str]]) -> list:
        """Level-1 chapters, each with its section's pages under it (as the PDF's contents)."""
        toc: list = []
        for chapter, item, title in documents:
            link = epub.Link(item.file_name, title, chapter.id)
            if chapter.level > 1 and toc:
                parent, children = toc[-1] if isinstance(toc[-1], tuple) else (toc[-1], [])
                toc[-1] = (parent, [*children, link])
            else:
                toc.append(link)
        return toc


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with a fixed date on every entry, in the same order: the mimetype first and
    stored, as EPUB requires, the rest compressed. (EbookLib dates each entry with the clock.)"""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, STAMP)
            info.compress_type = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry), compresslevel=9)
    return out.getvalue()


