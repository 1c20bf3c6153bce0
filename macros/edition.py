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
        _CACHE[key] = cached = (stamp, _read(Path(docs_dir), Path(root)), {})
    return cached


def _read(docs_dir: Path, root: Path) -> Content:
    """The content, read and checked; or, when exactly the same files were read and passed every
    check in an earlier build, what that build kept (.cache/content/, macros/caches.py).

    The key is a hash of the bytes of every file under docs/ and of the handbook's code and word
    lists (macros/: a change to a check reads everything again), with Python's and pydantic's
    versions. Content with a problem is never kept, so every build that has one reports it. Kept
    with pickle: the folder is the project's own, as trusted as its code; a file that does not
    load is read again. Reading and checking is most of a build's fixed cost (a tenth of an
    HTML build); finding it kept takes a few milliseconds.
    """
    import hashlib
    import pickle
    import sys

    from .caches import folder, store

    where = folder(root, "content")
    if where is None:
        return read_content(docs_dir, root)
    import pydantic

    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}|{docs_dir.resolve()}".encode())
    for base, pattern in ((docs_dir, "*"), (HERE, "*.py"), (HERE, "*.yml")):
        for file in sorted(base.rglob(pattern)):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(f"\0{file.relative_to(base).as_posix()}\0".encode() + file.read_bytes())
    stored = where / f"{digest.hexdigest()}.pickle"
    if stored.is_file():
        try:
            return pickle.loads(stored.read_bytes())
        except Exception:  # written by other code, or cut short: read the content instead
            pass
    content = read_content(docs_dir, root)  # (raises ContentError: then nothing is kept)
    for old in where.glob("*.pickle"):  # only the latest is worth keeping
        old.unlink(missing_ok=True)
    store(stored, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    return content


def edition(docs_dir: Path, root: Path, lang: str) -> Edition:
    """One language's edition, made once from the content while it is unchanged. The content is
    read and checked (ContentError lists every problem) once for every language."""
    if lang not in LANGUAGES:
        raise ValueError(f"{lang}: the handbook's languages are {', '.join(LANGUAGES)}")
    _, found, editions = _entry(docs_dir, root)
    if lang not in editions:
        editions[lang] = Edition(lang, found.catalogue(lang))
    return editions[lang]
