"""How the whole handbook is built, in order. Start here to change the build.

`mkdocs build` (and `make build`, and the deploy) makes, one after another:

1. the original language's site, into site/ (MkDocs builds it: that is the command that runs);
2. each other language's site, into site/<code>/ (`after_first_site` below);
3. every language's PDFs and EPUB, in one step that shares the worker processes (macros/printing);
4. the offline copy: every language again with plain .html links, zipped with the PDFs and EPUBs;
5. each file's size, measured, on every language's download page (`fill_download_sizes`).

`make serve` does 1 and 2 on every change (only the languages a change can affect, see
`languages_to_rebuild`), and makes the PDFs once, in the background, so that a reload never
waits for them; it makes no offline copy.

Each stage gets what it needs as arguments: the sites built so far (`Site`: its language,
folder, pages in navigation order and its edition, macros/edition.py). Nothing is handed over
through another plugin's state or through the order of MkDocs events. This module does not
import MkDocs: the one file that talks to MkDocs, overrides/hooks/handbook.py, gives it a
`Builder` that builds one language's site.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from .edition import Edition
from .printing.settings import Settings
from .translations import LANGUAGES, NAMES, ORIGINAL

log = logging.getLogger("mkdocs.handbook")
STAMP = (2020, 1, 1, 0, 0, 0)  # zip entries need a date: a fixed one keeps the zip reproducible


@dataclass
class Site:
    """One language's built site, and what the later stages need from it."""
    lang: str
    site_dir: Path
    edition: Edition
    settings: Settings
    chapters: Callable[[], list]  # its pages in navigation order, with their HTML (for the book)


class Builder(Protocol):
    def site(self, lang: str, site_dir: Path, offline: bool = False) -> Site:
        """Build one language's site into site_dir (with offline: plain .html links, for disk)."""


@dataclass
class Run:
    """One `mkdocs build` or `mkdocs serve`: what to make, and how to build a site."""
    command: str  # "build" or "serve"
    languages: list[str]  # original first (HANDBOOK_LANGUAGES may leave some out)
    pdf: bool  # make the PDFs (extra.pdf, HANDBOOK_PDF)
    offline: bool  # make the offline copy
    builder: Builder
    serve: "ServePdfs | None" = None
    next_languages: list[str] | None = None  # under serve: the other languages the next rebuild needs


def after_first_site(run: Run, first: Site, others: list[str] | None = None) -> list[Site]:
    """`mkdocs build` has built the original language's site. The rest of the build, in order.
    `others`: the other languages to build (default: all of them)."""
    sites = [first]
    for lang in run.languages[1:] if others is None else others:
        log.info(f"Building the {NAMES[lang]} site into {lang}/")
        sites.append(run.builder.site(lang, first.site_dir / lang))
    if run.pdf and run.command == "build":
        make_pdfs(sites)
    elif run.pdf:
        run.serve.after_build(sites)  # under serve: made once, in the background
    if run.offline and run.command == "build":
        make_offline_copy(run, sites)
    if run.pdf and run.command == "build":
        fill_download_sizes(sites)  # last: every file the page lists is made by now
    return sites


def fill_download_sizes(sites: list[Site], root: Path | None = None) -> None:
    """Each file's size on every language's download page, measured now that the files are made.
    `root`: another copy of the sites (the offline copy), laid out as sites[0].site_dir is."""
    from .printing.links import DOWNLOAD_PAGE, fill_sizes
    from .urls import page_url

    for site in sites:
        folder = site.site_dir if root is None else root / site.site_dir.relative_to(sites[0].site_dir)
        directory_urls = site.settings.directory_urls if root is None else False
        page = folder / (page_url(DOWNLOAD_PAGE, directory_urls) + ("index.html" if directory_urls else ""))
        fill_sizes(page, folder, site.edition.catalogue.labels, site.lang)


def languages_to_rebuild(changed: list[Path], project: Path, previous: Edition) -> list[str]:
    """Under `serve`, the languages a change can affect, judged against the content as it was
    before the change (`previous`). A translation (page.cy.md) affects its language only. An
    English page affects English, and each other language whose page shows something of it:
    a page with no translated text of its own (the English text shows through), or one whose
    English front matter changed (the card's facts, the title, live in the English file).
    Anything else (the code, the theme, the word lists, a new or deleted page) affects every
    language."""
    from .frontmatter import parse

    docs = project / "docs"
    wanted: set[str] = set()
    for path in changed:
        src = path.relative_to(docs).as_posix() if path.is_relative_to(docs) else ""
        known = previous.catalogue.originals.get(src)
        if path.suffix != ".md" or not path.is_file() or not src:
            wanted.update(LANGUAGES)
            continue
        code = path.name.rsplit(".", 2)[1] if path.name.count(".") >= 2 else ORIGINAL
        if code in LANGUAGES[1:]:
            wanted.add(code)
            continue
        if known is None:  # a new page: every language's navigation and indexes change
            wanted.update(LANGUAGES)
            continue
        wanted.add(ORIGINAL)
        source, _ = parse(path.read_text(encoding="utf-8"), src)
        same_card = source is not None and source.meta == known[1].meta
        for lang in LANGUAGES[1:]:
            done = previous.catalogue.translation(src, lang)
            if done is None or not done.has_body or not same_card:
                wanted.add(lang)
    return [lang for lang in LANGUAGES if lang in wanted]


def make_pdfs(sites: list[Site]) -> None:
    """Every language's PDFs in one step (macros/printing): the parts of all languages share the
    worker processes. A PDF whose inputs have not changed is copied from the cache."""
    from .printing import Job, build_jobs

    jobs = [Job(site.chapters(), site.edition.catalogue, site.settings, site.site_dir, site.site_dir)
            for site in sites if site.settings.enabled]
    for job, report in zip(jobs, build_jobs(jobs) if jobs else []):
        log.info(f"PDFs ({job.settings.lang}): {report.summary()}")
        if os.environ.get("HANDBOOK_PDF_REPORT"):  # for the benchmarks and tests: one report per language
            path = Path(os.environ["HANDBOOK_PDF_REPORT"])
            if job.settings.lang != ORIGINAL:
                path = path.with_name(f"{path.stem}.{job.settings.lang}{path.suffix}")
            path.write_text(json.dumps(dataclasses.asdict(report), indent=1))


def make_offline_copy(run: Run, sites: list[Site]) -> None:
    """Every language's site again with plain .html links (Material's offline plugin: pages that
    work from disk, the search index inlined), the PDFs copied in, zipped into the original
    language's site, with the files' sizes on its download pages. The zip is deterministic: files
    in sorted order with a fixed timestamp."""
    first = sites[0]
    target = first.site_dir / first.settings.files.offline
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        copy = Path(tmp) / "innovation-handbook"
        for site in sites:
            run.builder.site(site.lang, copy if site.lang == ORIGINAL else copy / site.lang, offline=True)
        made = [*first.site_dir.rglob("downloads/**/*.pdf"), *first.site_dir.rglob("downloads/*.epub")]
        for file in sorted(made):  # every language's PDFs and EPUB
            dest = copy / file.relative_to(first.site_dir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, dest)
        fill_download_sizes(sites, root=copy)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(p for p in copy.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"innovation-handbook/{file.relative_to(copy).as_posix()}", STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, file.read_bytes())
    log.info(f"Offline copy: {target.relative_to(first.site_dir)} ({target.stat().st_size / 1e6:.1f} MB)")


@dataclass
class ServePdfs:
    """Under `serve`: every language's PDFs made once, in a background thread, after the first
    build (worker processes keep the server responsive), kept in a folder of their own and
    copied into the site after every rebuild, which empties it. Editing never waits for them;
    restart the server to make them again from the edited pages."""
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="handbook-pdf-")))
    files: list[Path] | None = None  # relative to a site's root, once made
    thread: threading.Thread | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    sites: list[Site] | None = None  # the sites of the last build

    def after_build(self, sites: list[Site]) -> None:
        self.sites = sites  # their download pages get the files' sizes once the files are there
        if self.thread is None:
            log.info("Making the PDFs in the background; they appear under downloads/ when ready.")
            # The jobs are taken now, in the build's thread: a rebuild replaces the pages.
            from .printing import Job

            jobs = [Job(site.chapters(), site.edition.catalogue, site.settings, site.site_dir,
                        self.folder / site.site_dir.relative_to(sites[0].site_dir)) for site in sites
                    if site.settings.enabled]
            self.thread = threading.Thread(target=self._make, args=(jobs, sites[0].site_dir), daemon=True)
            self.thread.start()
        else:
            self.restore(sites[0].site_dir)

    def _make(self, jobs: list, root: Path) -> None:
        from .printing import build_jobs

        try:
            reports = build_jobs(jobs)
        except Exception as error:  # noqa: BLE001 - shown to the author; the server keeps running
            log.error(f"The PDFs could not be made: {error}")
            return
        with self.lock:
            self.files = sorted(p.relative_to(self.folder) for p in self.folder.rglob("*.pdf"))
        self.restore(root)
        for report in reports:
            log.info(f"PDFs ready: {report.summary()}")

    def restore(self, root: Path) -> None:
        """Put the PDFs made earlier back into the freshly built site."""
        with self.lock:
            files = list(self.files or ())
        for path in files:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.folder / path, target)
        if files and self.sites:
            fill_download_sizes(self.sites)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
