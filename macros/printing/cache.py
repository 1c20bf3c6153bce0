"""A cache of finished PDFs, keyed by a hash of exactly what each one is made from.

WeasyPrint is the slow part of every build (about a sixth of a second of CPU per page), and most
edits change one page: the other PDFs come out byte for byte the same. So each PDF is looked up
before it is laid out, by a key made from:

- its HTML, as it goes to WeasyPrint (for the cards: the layout before any type is made smaller
  to fit, which decides the rest), and the bytes of every local file that HTML loads (images);
- its stylesheets (the print CSS, and the CSS the build generates), and its bleed;
- what makes the bytes besides the input: WeasyPrint's and pydyf's versions, the fonts installed
  (fontconfig's list), and the source of this package (the finishing code, the tagging fix).

A hit copies the stored file: the same bytes a fresh run would write (the PDFs are deterministic,
which tests/print checks). A miss makes the PDF and stores it. Nothing is ever shared between
different inputs, so a stale PDF cannot be served; the worst case is a miss.

The folder is `.cache/pdf/` in the project (HANDBOOK_PDF_CACHE names another, or `false` turns
the cache off, as HANDBOOK_CACHE=false does unless HANDBOOK_PDF_CACHE names a folder); the
GitHub workflow keeps it between runs. Files not used for 30 days are removed.

Why our own: the PDFs are made inside one step from in-memory HTML, and a general cache (joblib,
diskcache) would still need this key, which is the whole of the work; storing files by name in a
folder is the rest.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

FORMAT = "1"  # change to drop every stored PDF at once
KEEP_DAYS = 30
NOT_PDF = ("epub.py",)  # code of this package that makes no PDF: editing it keeps every stored PDF
FILE_URI = re.compile(r"file://[^\"'()\s<>]+")


@lru_cache(maxsize=1)
def _environment() -> bytes:
    """What turns the same HTML into different bytes: versions, fonts, this package's code."""
    import pydyf
    import weasyprint

    digest = hashlib.sha256(f"{FORMAT}\0{weasyprint.__version__}\0{pydyf.__version__}\0".encode())
    try:
        fonts = subprocess.run(["fc-list", "--format", "%{file}|%{family}|%{style}\n"], capture_output=True,
                               text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        fonts = "(fontconfig unavailable)"
    digest.update("\n".join(sorted(fonts.splitlines())).encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        if source.name in NOT_PDF:
            continue
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


class PdfCache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self.hits: list[str] = []  # paths (in the site) served from the cache
        self.misses: list[str] = []  # paths made afresh

    @classmethod
    def from_environment(cls, project: Path) -> "PdfCache":
        from ..caches import OFF, folder

        given = os.environ.get("HANDBOOK_PDF_CACHE", "").strip()
        if given.lower() in OFF:
            return cls(None)
        return cls(Path(given) if given else folder(project, "pdf"))  # (none when HANDBOOK_CACHE is false)

    def key(self, html: str, css: list[str], bleed_mm: float | None = None) -> str:
        digest = hashlib.sha256(_environment())
        for part in (html, *css, repr(bleed_mm)):
            digest.update(len(part).to_bytes(8, "big") + part.encode("utf-8"))
        for uri in sorted(set(FILE_URI.findall(html))):  # the images the HTML loads
            path = Path(unquote(urlsplit(uri).path))
            digest.update(uri.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"(missing)"))
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def fetch(self, key: str, target: Path, path: str) -> int | None:
        """Write the stored PDF for `key` to `target`; its size, or None when it is not stored."""
        if self.folder is None or not self._file(key).is_file():
            return None
        data = self._file(key).read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(self._file(key))  # recently used: kept by prune()
        self.hits.append(path)
        return len(data)

    def store(self, key: str, data: bytes, path: str) -> None:
        self.misses.append(path)
        if self.folder is None:
            return
        file = self._file(key)
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{os.getpid()}.part")  # workers may store at the same time
        partial.write_bytes(data)
        partial.replace(file)

    def prune(self) -> None:
        """Remove stored PDFs that no build has used for KEEP_DAYS."""
        if self.folder is None or not self.folder.is_dir():
            return
        limit = time.time() - KEEP_DAYS * 86400
        for file in self.folder.glob("*/*.pdf"):
            if file.stat().st_mtime < limit:
                file.unlink(missing_ok=True)
