"""Where a build keeps what it made, for the next build: `.cache/<name>/` in the project.

- `pdf`: finished PDFs (macros/printing/cache.py, which HANDBOOK_PDF_CACHE points elsewhere);
- `pictures`: each tool's whiteboard background, drawn (macros/pictures.py);
- `jinja`: the site's templates, compiled (Jinja's own bytecode cache: `templates`);
- `content`: the content as read and checked, when it passed every check (macros/edition.py);
- `schemas`: the front matter's JSON Schemas, for the contributor guide (macros/jsonschema.py).

Every entry is keyed by a hash of what it is made from, so a stale one is never used; the worst
case is a miss. HANDBOOK_CACHE=false turns them all off (the tests do, so that they test the
making, not the cache; tests/site/test_caches.py builds with them on).
"""

from __future__ import annotations

import os
from pathlib import Path

OFF = ("false", "0", "no", "off")


def enabled() -> bool:
    return os.environ.get("HANDBOOK_CACHE", "true").strip().lower() not in OFF


def folder(root: Path, name: str) -> Path | None:
    """The cache called `name` for the project at `root`, or None when caches are off."""
    return Path(root) / ".cache" / name if enabled() else None


def store(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all: another build may be reading the folder."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def templates(root: Path):
    """A bytecode cache for a Jinja environment: compiling the templates was a tenth of an HTML
    build (every build, and every rebuild under serve, starts a new environment), and Jinja checks
    each template's source against its stored code. None when caches are off."""
    from jinja2 import FileSystemBytecodeCache

    where = folder(root, "jinja")
    if where is None:
        return None
    where.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(where))
