"""The whole handbook as one A4 PDF, assembled from the site's pages in navigation order.

Input is generator-neutral: a list of `Chapter`s (title, address, rendered HTML of the
page's content, depth in the navigation). The MkDocs hook provides them; another site
generator would only need to provide the same list.

Each page's HTML is rewritten for the book:
- every id gets its chapter's prefix (pages reuse ids such as "hb-title");
- links to pages in the book become links inside the PDF, to the chapter or its anchor;
  links to anything else become full web addresses, and the address of an outside link is
  printed after its text (paper has no hover);
- images point at the built site's files; a missing image or missing alt text stops the build;
- site-only parts (forms, permalinks, anything marked hb-no-print) are left out.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from markupsafe import Markup

from ..loader import Catalogue
from ..render import Renderer
from ..urls import slugify
from .settings import Settings
from .weasy import Printer, PrintError
from .words import date_text, words

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"
FAKE_ORIGIN = "http://book.invalid/"  # resolves page-relative links; never requested
DROP_TAGS = {"form", "script", "noscript", "style", "iframe", "video", "audio", "button", "template"}
DROP_CLASSES = {"headerlink", "hb-no-print", "hb-filters"}
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")


@dataclass
class Chapter:
    url: str  # the page's address relative to the site root: "", "journey/", "methods/interviews/"
    title: str
    html: str  # the page's content as HTML, its links relative to `url`
    level: int  # 1: a chapter or the opening page of a section; 2: a page inside a section
    section: str = ""  # the section's title, for running heads ("" for a top-level chapter)
    src: str = ""  # the source file, for error messages, e.g. "docs/methods/interviews.md"

    @property
    def id(self) -> str:
        return chapter_id(self.url)


def chapter_id(url: str) -> str:
    slug = slugify(url.lower().removesuffix("index.html"))
    return f"c-{slug or 'home'}"


def _path(url: str) -> str:
    """A site path as chapters are keyed: no leading slash, no trailing index.html."""
    path = unquote(url).lstrip("/")
    return path[: -len("index.html")] if path.endswith("index.html") else path


class Book:
    def __init__(self, chapters: list[Chapter], catalogue: Catalogue, settings: Settings, site_dir: Path):
        self.chapters = [c for c in chapters]
        self.settings = settings
        self.site_dir = Path(site_dir)
        self.renderer = Renderer.of(catalogue, settings.lang)
        self.by_path = {_path(c.url): c for c in self.chapters}
        self.problems: list[str] = []

    # HTML -------------------------------------------------------------------
    def trees(self) -> list[tuple[Chapter, object]]:
        """Every chapter's content, parsed and rewritten for print (the EPUB uses them too)."""
        trees = [(c, self._parse(c)) for c in self.chapters]
        ids = {c.id: {el.get("id") for el in tree.iter() if el.get("id")} for c, tree in trees}
        for chapter, tree in trees:
            self._rewrite(chapter, tree, ids)
        if self.problems:
            raise PrintError(self.problems)
        return trees

    def html(self) -> str:
        """The whole book as one HTML document."""
        bodies = []
        for chapter, tree in self.trees():
            inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in tree)
            bodies.append((chapter, Markup((tree.text or "") + inner)))
        s, r = self.settings, self.renderer
        return r.print_jinja.get_template("book.html").render(
            lang=s.lang, title=s.site_name, description=s.site_description, site_url=s.site_url,
            date=s.date.isoformat() if s.date else None,
            edition=self._edition(),
            w=words(r), chapters=bodies, contents=self._contents(),
        )

    def _edition(self) -> str:
        """The cover's edition line: the edition's name and date, either, or nothing."""
        s, r = self.settings, self.renderer
        if s.edition and s.date:
            return f"{s.edition}, {date_text(s.date, r)}"
        if s.date:
            return r.t("print_edition", date=date_text(s.date, r))
        return s.edition or ""

    def _contents(self) -> list[dict]:
        """Level-1 chapters, each with its section's pages under it."""
        entries: list[dict] = []
        for chapter in self.chapters:
            entry = {"title": chapter.title, "id": chapter.id, "children": []}
            if chapter.level > 1 and entries:
                entries[-1]["children"].append(entry)
            else:
                entries.append(entry)
        return entries

    def _parse(self, chapter: Chapter):
        tree = lxml.html.fragment_fromstring(chapter.html or "<p></p>", create_parent="div")
        for el in list(tree.iter()):
            if not isinstance(el.tag, str):  # comments and processing instructions
                if el.getparent() is not None:
                    el.drop_tree()
                continue
            classes = set((el.get("class") or "").split())
            if el.tag in DROP_TAGS or classes & DROP_CLASSES or el.get("hidden") is not None:
                if el.getparent() is not None:
                    el.drop_tree()
        return tree

    def _rewrite(self, chapter: Chapter, tree, ids: dict[str, set[str]]) -> None:
        prefix = chapter.id + "--"
        first_h1 = None
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            if el.get("id"):
                el.set("id", prefix + el.get("id"))
            for attr in ID_REFS:
                if el.get(attr):
                    el.set(attr, " ".join(prefix + token for token in el.get(attr).split()))
            if el.tag == "h1" and first_h1 is None:
                first_h1 = el
            if el.tag == "a" and el.get("href") is not None:
                self._link(chapter, el, ids)
            elif el.tag == "img":
                self._image(chapter, el)
            elif el.tag == "details":
                el.set("open", "open")
            if "hb-worksheet" in (el.get("class") or "").split():
                # A worksheet starts a page, with its heading: it is meant to be copied.
                before = el.getprevious()
                start = before if before is not None and before.tag in ("h2", "h3") else el
                wide = " pr-page-wide" if "hb-worksheet--wide" in el.get("class").split() else ""
                start.set("class", ((start.get("class") or "") + " pr-page-before" + wide).strip())
        if first_h1 is None:  # every page has its title as h1 (macros/pages.py); be safe anyway
            first_h1 = lxml.html.Element("h1")
            first_h1.text = chapter.title
            tree.insert(0, first_h1)
            tree.text, first_h1.tail = None, tree.text
        first_h1.set("class", ((first_h1.get("class") or "") + " pr-chapter__title").strip())

    def _link(self, chapter: Chapter, a, ids: dict[str, set[str]]) -> None:
        href = a.get("href").strip()
        parts = urlsplit(href)
        if parts.scheme in ("mailto", "tel"):
            return
        if parts.scheme or parts.netloc:
            self._show_address(a, href)
            return
        absolute = urljoin(FAKE_ORIGIN + chapter.url, href)
        target = urlsplit(absolute)
        path = _path(target.path)
        fragment = unquote(target.fragment)
        found = self.by_path.get(path)
        if found is not None:
            a.set("href", self._inside(found, fragment if fragment and fragment in ids[found.id] else ""))
            return
        # A page left out of the book, or a file (a PDF, an image): its address on the web.
        web = self.settings.site_url + absolute[len(FAKE_ORIGIN):]
        a.set("href", web)
        self._show_address(a, web)

    def _inside(self, found: Chapter, fragment: str) -> str:
        """A link to a chapter of the book, or to an anchor in it: all in one document here."""
        return f"#{found.id}--{fragment}" if fragment else f"#{found.id}"

    @staticmethod
    def _show_address(a, href: str) -> None:
        """Print the address after the link's text, unless the text already is the address."""
        text = " ".join(a.text_content().split())
        shown = re.sub(r"^https?://", "", href).rstrip("/")
        if not text or shown in text or text in (href, shown):
            return
        span = lxml.html.Element("span", {"class": "pr-address"})
        span.text = f" ({shown})"
        span.tail, a.tail = a.tail, None
        a.addnext(span)

    def _image(self, chapter: Chapter, img) -> None:
        src = (img.get("src") or "").strip()
        for attr in ("srcset", "loading", "decoding", "sizes"):
            img.attrib.pop(attr, None)
        if not (img.get("alt") or "").strip():
            self.problems.append(f"{chapter.src or chapter.url}: the image {src} has no alt text. "
                                 'Add alt="…" (or ![what it shows](…)) describing what the image shows.')
        if src.startswith("data:"):
            return
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            self.problems.append(f"{chapter.src or chapter.url}: the image {src} is on another website. "
                                 "Save it in docs/assets/images/ and link it from there.")
            return
        path = _path(urlsplit(urljoin(FAKE_ORIGIN + chapter.url, src)).path)
        file = (self.site_dir / path).resolve()
        if not file.is_file() or not file.is_relative_to(self.site_dir.resolve()):
            self.problems.append(f"{chapter.src or chapter.url}: the image {src} does not exist in the built "
                                 f"site (no file {posixpath.join('site', path)}). Check the name and the folder.")
            return
        img.set("src", file.as_uri())

    # PDF --------------------------------------------------------------------
    def write(self, printer: Printer, out: Path) -> dict[str, int]:
        """Write the handbook PDF under `out` (the site); returns {its path in the site: size}."""
        path = self.settings.files.book
        what = f"the handbook PDF ({path})"
        css = [(PRINT / "book.css").read_text(encoding="utf-8"), (PRINT / "worksheets.css").read_text(encoding="utf-8"),
               self._page_css()]
        html = self.html()
        return {path: printer.make(out, path, what, html, css,
                                   lambda: printer.render(html, css, self.site_dir, what=what))}

    def _page_css(self) -> str:
        """The page footer in the build's language: "Page 3 of 120" from the label's pattern."""
        pattern = self.renderer.t("print_page_of", n="\0n\0", total="\0total\0")
        parts = []
        for piece in re.split(r"(\0n\0|\0total\0)", pattern):
            if piece == "\0n\0":
                parts.append("counter(page)")
            elif piece == "\0total\0":
                parts.append("counter(pages)")
            elif piece:
                parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
        footer = " ".join(parts)
        return "".join("@page %s { @bottom-center { content: %s; } }\n" % (name, footer) for name in ("book", "book-wide"))
