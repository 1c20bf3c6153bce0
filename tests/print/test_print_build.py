"""The print step on the mini handbook and on made-up input: determinism, the off switch, bad
input stopping the build, alt text, a Welsh build, cards that do not fit, and `mkdocs serve`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from pdfread import norm, page_texts, root, struct_elements
from PIL import Image
from pypdf import PdfReader

from helpers import MINI, copy_project, run_build, serving
from macros.loader import load
from macros.printing import Chapter, Job, PrintError, Settings, build_all, build_jobs
from macros.printing.deck import DENSITY, Deck
from macros.printing.weasy import Printer

FILES_EN = Settings.from_config({"site_name": "Mini"}, MINI).files


@pytest.fixture
def pdf_on(monkeypatch):
    monkeypatch.setenv("HANDBOOK_PDF", "true")


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` of a project in a fresh process (strict, through its mkdocs.yml)."""
    return run_build(project, site)


def pdfs(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "downloads").rglob("*.pdf"))}


def test_same_sources_same_pdfs(tmp_path, pdf_on):
    project = copy_project(tmp_path / "project")
    first = build(project, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    second = build(project, tmp_path / "two")
    assert second.returncode == 0, second.stderr
    one, two = pdfs(tmp_path / "one"), pdfs(tmp_path / "two")
    assert set(one) == {FILES_EN.book, FILES_EN.cards_a4, FILES_EN.cards_a6, *(FILES_EN.card(s) for s in
                        ("alpha", "beta", "gamma")), FILES_EN.worksheets, FILES_EN.worksheet("worksheet-one")} | {
                        k for k in one if re.fullmatch(r"downloads/cards-\w+-a4-en\.pdf", k)}
    for name in one:
        assert one[name] == two[name], f"{name} differs between two builds of the same sources"
        assert b"/CreationDate" not in one[name] and b"/ModDate" not in one[name], "no build-time dates"
    epubs = [(site / FILES_EN.epub).read_bytes() for site in (tmp_path / "one", tmp_path / "two")]
    assert epubs[0] == epubs[1], "the EPUB differs between two builds of the same sources"


def test_edition_date_comes_from_the_setting(tmp_path, pdf_on):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    edition: null\n", "    edition: null\n    date: 2026-03-01\n"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    book = tmp_path / "site" / FILES_EN.book
    assert "Edition of 1 March 2026" in norm(page_texts(book)[0])
    info = PdfReader(book).metadata
    assert info["/CreationDate"].startswith("D:20260301") and info["/ModDate"].startswith("D:20260301")


def test_off_switch_skips_the_pdfs(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_PDF", "false")
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # No PDF or e-book is made (the whiteboard pictures are, since they cost nothing once kept).
    made = [p.name for p in (tmp_path / "site").rglob("*") if p.suffix in (".pdf", ".epub")]
    assert not made, made
    assert "hb-print-card" not in (tmp_path / "site" / "methods" / "alpha" / "index.html").read_text()


def test_a_missing_image_stops_the_build_with_a_clear_message(tmp_path, mini, pdf_on):
    page = mini / "methods" / "alpha.md"
    page.write_text(page.read_text() + '\n<img src="../../assets/images/nope.png" alt="A diagram">\n')
    project = copy_project(tmp_path / "project", docs=mini)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "The PDFs cannot be built" in result.stderr
    assert "docs/methods/alpha.md: the image ../../assets/images/nope.png does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_images_keep_their_alt_text(tmp_path, mini, pdf_on):
    (mini / "assets" / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), "white").save(mini / "assets" / "images" / "wall.png")
    page = mini / "methods" / "alpha.md"
    text = page.read_text()
    heading = re.search(r"^## .+$", text, re.M).group(0)
    page.write_text(text.replace(heading, heading + "\n\n![A journey map drawn on a wall](../assets/images/wall.png)", 1))
    project = copy_project(tmp_path / "project", docs=mini)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    figures = [e for e in struct_elements(PdfReader(tmp_path / "site" / FILES_EN.book)) if e["/S"] == "/Figure"]
    assert [str(f.get("/Alt")) for f in figures] == ["A journey map drawn on a wall"]


def settings(lang: str = "en", **extra) -> Settings:
    return Settings.from_config({"site_name": "Mini", "site_description": "A test.", "language": lang,
                                 "site_url": "https://example.org/handbook/", "extra": {"print": extra}}, MINI)


def test_a_welsh_build_names_and_words(tmp_path):
    catalogue = load(MINI / "docs", root=MINI)
    chapters = [Chapter(url="", title="Croeso", html='<h1 id="hb-title">Croeso</h1><p>Testun.</p>', level=1),
                Chapter(url="methods/", title="Dulliau", html="<h1>Dulliau</h1><p>Testun.</p>", level=1,
                        section="Dulliau")]
    s = settings("cy", date=dt.date(2026, 11, 2))
    report = build_all(chapters, catalogue, s, tmp_path, workers=1)
    assert all(name.endswith(("-cy.pdf", "-cy.epub")) for name in report.files), sorted(report.files)
    book = tmp_path / s.files.book
    reader = PdfReader(book)
    assert str(root(reader)["/Lang"]) == "cy"
    text = norm(" ".join(page_texts(book)))
    for words in ("Cynnwys", "Tudalen 2 o 4", "Argraffiad 2 Tachwedd 2026"):
        assert words in text
    cards = norm(" ".join(page_texts(tmp_path / s.files.cards_a6))).lower()
    assert "pam ei ddefnyddio" in cards and "y camau'n gryno" in cards
    assert str(root(PdfReader(tmp_path / s.files.cards_a6))["/Lang"]) == "cy"


def test_links_to_other_sites_are_not_fetched(tmp_path):
    catalogue = load(MINI / "docs", root=MINI)
    chapters = [Chapter(url="", title="Home", html='<h1>Home</h1><p><img src="https://example.org/x.png" alt="x"></p>',
                        level=1, src="docs/index.md")]
    with pytest.raises(PrintError, match=r"docs/index.md: the image https://example.org/x.png is on another website"):
        build_all(chapters, catalogue, settings(), tmp_path, workers=1)


def test_both_languages_in_one_step_and_a_problem_names_its_language(tmp_path):
    catalogue = load(MINI / "docs", root=MINI)
    good = [Chapter(url="", title="Home", html="<h1>Home</h1><p>Text.</p>", level=1, src="docs/index.md")]
    bad = [Chapter(url="", title="Hafan", html='<h1>Hafan</h1><p><img src="missing.png" alt="x"></p>',
                   level=1, src="docs/index.md")]
    jobs = [Job(good, catalogue, settings("en"), tmp_path / "en", tmp_path / "en"),
            Job(bad, catalogue, settings("cy"), tmp_path / "cy", tmp_path / "cy")]
    with pytest.raises(PrintError) as raised:
        build_jobs(jobs, workers=1)
    assert raised.value.problems == [
        "Cymraeg (cy) PDFs: docs/index.md: the image missing.png does not exist in the built site (no file "
        "site/missing.png). Check the name and the folder."]
    reports = build_jobs(jobs[:1] + [Job(good, catalogue, settings("cy"), tmp_path / "cy", tmp_path / "cy")],
                         workers=1)
    assert [r.languages for r in reports] == [2, 2] and reports[0].wall == reports[1].wall
    assert all(name.endswith(("-en.pdf", "-en.epub")) for name in reports[0].files)
    assert all(name.endswith(("-cy.pdf", "-cy.epub")) for name in reports[1].files)
    assert (tmp_path / "cy" / settings("cy").files.book).is_file()


def test_a_long_card_gets_smaller_type_and_one_too_long_stops_the_build(tmp_path):
    catalogue = load(MINI / "docs", root=MINI)
    entry = catalogue.items("method")[0]
    entry.data = entry.data.model_copy(update={"steps": [("Step " + "word " * 22 + "end.")[:120]] * 8,
                                               "outputs": [("An output of a good length " * 3)[:80]] * 5})
    deck = Deck(catalogue, settings(), Printer([tmp_path]))
    deck.write_a6(tmp_path)
    card = next(c for c in deck.cards if c.entry is entry)
    assert 0 < card.density[1] < len(DENSITY), "a long back is printed in smaller type"

    entry.data = entry.data.model_copy(update={"outputs": [("An output that goes on and on " * 3)[:80]] * 30})
    with pytest.raises(PrintError, match=f"docs/methods/{entry.slug}.md: the card's back does not fit"):
        Deck(catalogue, settings(), Printer([tmp_path])).write_a6(tmp_path)


def test_serve_makes_the_pdfs_once_and_keeps_them(tmp_path, pdf_on):
    """`mkdocs serve` makes the PDFs in the background after the first build; an edit rebuilds
    the pages, not the PDFs, and the PDFs stay served."""
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log, HANDBOOK_LANGUAGES="en") as (server, base):
        def wait_for(text: str, count: int = 1, seconds: float = 90) -> str:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                content = log.read_text()
                if content.count(text) >= count:
                    return content
                assert server.poll() is None, content
                time.sleep(0.3)
            raise AssertionError(f"no {text!r} after {seconds} s:\n{log.read_text()}")

        wait_for("PDFs ready")
        url = base + FILES_EN.book
        assert urllib.request.urlopen(url, timeout=10).read().startswith(b"%PDF")
        page = project / "docs" / "methods" / "alpha.md"
        page.write_text(page.read_text() + "\nOne more line.\n")
        wait_for("Documentation built", count=2)
        content = log.read_text()
        assert content.count("PDFs ready") == 1 and content.count("Making the PDFs") == 1
        assert urllib.request.urlopen(url, timeout=10).read().startswith(b"%PDF"), "the PDFs survive a rebuild"
    shutil.rmtree(project, ignore_errors=True)
