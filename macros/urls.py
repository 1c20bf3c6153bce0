"""Addresses in the built site: the one rule for where each page lives and how one page links to
another, used by the cards, the indexes, the search index, the PDFs and the language links.

MkDocs has the same rule inside it (mkdocs.utils.get_relative_url, File.url). It is written out
here, in a few lines, so that nothing but the MkDocs hook (overrides/hooks/handbook.py) imports
MkDocs, and so that a link to another language's site (which lies above this build's root) is
made by the same function as every other link.
"""

from __future__ import annotations

import functools

import posixpath
import re

from .schema import FOLDERS


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """A page's address relative to its site's root, as MkDocs gives it: `methods/x.md` ->
    `methods/x/` (or `methods/x.html`), `methods/index.md` -> `methods/`, `index.md` -> ``."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


@functools.lru_cache(maxsize=65536)
def item_url(kind: str, slug: str, directory_urls: bool = True) -> str:
    """A mindset's, method's or tool's page: `methods/journey-mapping/`."""
    return page_url(f"{FOLDERS[kind]}/{slug}.md", directory_urls)


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.strip("/").split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return parts


@functools.lru_cache(maxsize=65536)  # (pure, and asked for every link of every card on every page)
def relative(target: str, from_url: str) -> str:
    """A link from the page at `from_url` to `target` (both relative to the site's root).

    A target starting with `../` leaves this site for the one above it (the original
    language's, from another language's site): it climbs past this site's root."""
    base = from_url or "."
    folder, _, name = base.rpartition("/")
    if "." in name:  # a file's address (plain .html links): its folder is the base
        base = folder
    rest, climb = target, 0
    while rest.startswith("../"):
        rest, climb = rest[3:], climb + 1
    here, there = _parts(base), _parts(rest)
    common = 0
    if not climb:
        for a, b in zip(here, there):
            if a != b:
                break
            common += 1
    link = "/".join([".."] * (len(here) - common + climb) + there[common:]) or "."
    return link + "/" if target.endswith("/") else link


def markdown_link(target_src: str, from_src: str) -> str:
    """A markdown link target from one file in docs/ to another (MkDocs turns it into a URL)."""
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def slugify(text: str) -> str:
    """Lower case words joined by hyphens: the form of every file name (a page's address) and of
    the anchors the PDFs make. `Card sorting` -> `card-sorting`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
