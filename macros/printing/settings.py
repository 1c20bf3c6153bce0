"""What the print step needs to know about a build, and where each PDF goes.

Nothing here depends on MkDocs: `Settings.from_config` reads a plain mapping with the
keys MkDocs (or any other generator's adapter) provides, so the PDFs survive a change
of site generator. The file names are defined once, here: the hook writes them and the
"Download and print" page and the method pages link to them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..translations import ORIGINAL  # the original language: its site holds the offline copy

# Pages of the site that are about the website itself, not the handbook: left out of the book.
# Pages kept out of the handbook PDF: a name ending in "/" leaves out a whole folder.
LEAVE_OUT = ("download.md", "planner.md", "tags.md", "accessibility.md", "privacy.md", "contribute/")


def left_out(src_uri: str, names: tuple[str, ...] = LEAVE_OUT) -> bool:
    """Whether a page (its path under docs/) stays out of the handbook PDF."""
    return any(src_uri == name or (name.endswith("/") and src_uri.startswith(name)) for name in names)
DOWNLOADS = "downloads"
BOOK_NAME = "innovation-handbook"


def truthy(value) -> bool:
    """`extra.pdf` as a yes/no: true, false, or the text of an environment variable."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no", "off")
    return bool(value)


@dataclass(frozen=True)
class Files:
    """Where each PDF goes, relative to the site's root. Every name carries the language."""

    lang: str

    @property
    def book(self) -> str:
        return f"{DOWNLOADS}/{BOOK_NAME}-{self.lang}.pdf"

    @property
    def epub(self) -> str:
        """The handbook as an e-book (macros/printing/epub.py), from the same pages as the book."""
        return f"{DOWNLOADS}/{BOOK_NAME}-{self.lang}.epub"

    @property
    def cards_a4(self) -> str:
        return f"{DOWNLOADS}/cards-a4-{self.lang}.pdf"

    @property
    def cards_a6(self) -> str:
        return f"{DOWNLOADS}/cards-a6-{self.lang}.pdf"

    def phase_deck(self, phase: str) -> str:
        return f"{DOWNLOADS}/cards-{phase}-a4-{self.lang}.pdf"

    def card(self, slug: str) -> str:
        return f"{DOWNLOADS}/cards/{slug}-{self.lang}.pdf"

    @property
    def worksheets(self) -> str:
        """Every tool's worksheet in one PDF, to print a set for a workshop."""
        return f"{DOWNLOADS}/worksheets-{self.lang}.pdf"

    def worksheet(self, slug: str, paper: str = "a4") -> str:
        """One tool's fillable worksheet; a stages table also on A3 (`paper="a3"`)."""
        return f"{DOWNLOADS}/worksheets/{slug}{'' if paper == 'a4' else '-' + paper}-{self.lang}.pdf"

    @property
    def offline(self) -> str:
        """The offline copy of the site (macros/pipeline.py makes it), not a PDF. One copy holds every
        language, so it lives in the original language's site: `../` from any other's."""
        return f"{'' if self.lang == ORIGINAL else '../'}{DOWNLOADS}/innovation-handbook-offline.zip"


@dataclass(frozen=True)
class Settings:
    enabled: bool
    lang: str
    site_name: str
    site_description: str
    site_url: str  # the public address, ending in "/", printed on cards and for links that leave the book
    date: dt.date | None  # the edition's date: from the setting, else the content's last commit
    edition: str | None  # a fixed edition name, printed on the cover when set
    leave_out: tuple[str, ...] = LEAVE_OUT
    directory_urls: bool = True
    root: Path = field(default_factory=Path.cwd)

    def leaves_out(self, src_uri: str) -> bool:
        return left_out(src_uri, self.leave_out)

    @property
    def files(self) -> Files:
        return Files(self.lang)

    @classmethod
    def from_config(cls, config, root: Path, site_url: str | None = None) -> "Settings":
        """From a plain mapping of the site's settings: site_name, site_description, site_url,
        use_directory_urls, language, and `extra.pdf` (on or off) and `extra.print` (edition,
        date, leave_out)."""
        extra = config.get("extra") or {}
        options = extra.get("print") or {}
        lang = config.get("language") or ORIGINAL
        url = site_url or config.get("site_url") or ""
        if url and not url.endswith("/"):
            url += "/"
        given = options.get("date")
        if isinstance(given, dt.date):
            date = given
        elif given:
            date = dt.date.fromisoformat(str(given))
        else:
            date = content_date(root)
        return cls(
            enabled=truthy(extra.get("pdf", True)),
            lang=lang,
            site_name=config.get("site_name") or "",
            site_description=config.get("site_description") or "",
            site_url=url,
            date=date,
            edition=options.get("edition"),
            leave_out=tuple(options.get("leave_out", LEAVE_OUT)),
            directory_urls=bool(config.get("use_directory_urls", True)),
            root=root,
        )


def content_date(root: Path) -> dt.date | None:
    """The date of the last commit that changed the content, so the same sources always print
    the same date (never the build's clock). SOURCE_DATE_EPOCH, the reproducible-builds
    convention, wins when set. None outside a git checkout."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    paths = [p for p in ("docs", "macros/labels.yml", "macros/vocabularies.yml") if (root / p).exists()]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *paths],
            cwd=root, capture_output=True, text=True, timeout=20, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.fullmatch(r"\d{4}-\d{2}-\d{2}", result.stdout.strip())
    return dt.date.fromisoformat(found.group(0)) if result.returncode == 0 and found else None
