"""The handbook's content, read and checked once, and each language's edition of it.

An edition is everything one language's site, PDFs and part of the offline copy are made from:
its catalogue (the cards in its words, every page's English source, the translations), its
words and its addresses. Every stage (the macros in each page, the other languages' sources,
the print step) takes it from here; no stage reaches into another plugin for it.

One `mkdocs build` builds several sites in one process (each language, then the offline copy
of each), and `make serve` rebuilds again and again. The content is read once for all of them:
`edition()` keeps what it read while no file it read has changed (their sizes and modification
times), and reads everything again, and checks it again, as soon as one has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import Catalogue, Content, read_content
from .translations import LANGUAGES

HERE = Path(__file__).resolve().parent
_CACHE: dict[tuple[str, str], tuple[tuple, Content, dict[str, "Edition"]]] = {}


@dataclass(frozen=True)
class Edition:
    lang: str
    catalogue: Catalogue

    def page_source(self, src_uri: str) -> tuple[dict, str] | None:
        """A page's front matter and body in this language, parsed once by the loader: MkDocs is
        given the body and the front matter as they are, instead of reading the file again."""
        return self.catalogue.page_source(src_uri)


def fingerprint(docs_dir: Path) -> tuple:
    """What the content is read from: every markdown file and the word lists, by size and time."""
    files = sorted(Path(docs_dir).rglob("*.md")) + sorted(HERE.glob("*.yml"))
    return tuple((str(f), (s := f.stat()).st_size, s.st_mtime_ns) for f in files)


def _entry(docs_dir: Path, root: Path) -> tuple[tuple, Content, dict[str, "Edition"]]:
    key = (str(Path(docs_dir).resolve()), str(Path(root).resolve()))
    stamp = fingerprint(docs_dir)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp:
        _CACHE[key] = cached = (stamp, read_content(Path(docs_dir), Path(root)), {})
    return cached


def edition(docs_dir: Path, root: Path, lang: str) -> Edition:
    """One language's edition, made once from the content while it is unchanged. The content is
    read and checked (ContentError lists every problem) once for every language."""
    if lang not in LANGUAGES:
        raise ValueError(f"{lang}: the handbook's languages are {', '.join(LANGUAGES)}")
    _, found, editions = _entry(docs_dir, root)
    if lang not in editions:
        editions[lang] = Edition(lang, found.catalogue(lang))
    return editions[lang]
