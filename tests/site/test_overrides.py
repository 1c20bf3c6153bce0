"""The templates in overrides/ that replace Material's whole (its partials have no blocks to
extend) against the originals they were made from, kept in tests/fixtures/material/.

When an upgrade of Material (or MkDocs, for the sitemap) changes one of those originals, the
test fails and prints what changed upstream, and what our override changes from the stored
original, so the reviewer knows which override to revisit and how.
"""

from __future__ import annotations

import difflib
from importlib.metadata import version
from pathlib import Path

import pytest

import material
import mkdocs

from helpers import FIXTURES, ROOT

MATERIAL = Path(material.__file__).parent / "templates"
MKDOCS = Path(mkdocs.__file__).parent / "templates"
STORED = FIXTURES / "material"
OVERRIDES = ROOT / "overrides"

# The override (a path in overrides/), and the folder of the installed original.
COPIES = {
    "partials/alternate.html": MATERIAL,
    "partials/nav.html": MATERIAL,
    "partials/nav-item.html": MATERIAL,
    "partials/path.html": MATERIAL,
    "partials/tags.html": MATERIAL,
    "partials/palette.html": MATERIAL,
    "partials/javascripts/palette.html": MATERIAL,  # rewritten, not copied: it must keep Material's storage
    "partials/search.html": MATERIAL,
    "partials/source.html": MATERIAL,
    "partials/source-file.html": MATERIAL,
    "sitemap.xml": MKDOCS,
}


def diff(a: Path, b: Path, a_name: str, b_name: str) -> str:
    return "".join(difflib.unified_diff(a.read_text().splitlines(keepends=True), b.read_text().splitlines(keepends=True),
                                        a_name, b_name))


@pytest.mark.parametrize("template", sorted(COPIES))
def test_the_original_of_each_override_is_unchanged_upstream(template):
    installed, stored, ours = COPIES[template] / template, STORED / template, OVERRIDES / template
    assert ours.is_file() and stored.is_file(), template
    assert installed.is_file(), (
        f"The installed {'Material' if COPIES[template] is MATERIAL else 'MkDocs'} has no {template} any more: "
        f"overrides/{template} replaces nothing. Remove it or find where its markup went.")
    if installed.read_text() != stored.read_text():
        pytest.fail(
            f"{template} has changed upstream (mkdocs-material {version('mkdocs-material')}, mkdocs {version('mkdocs')}); "
            f"overrides/{template} was made from tests/fixtures/material/{template}.\n\n"
            f"What changed upstream:\n{diff(stored, installed, 'stored original', 'installed original')}\n"
            f"What our override changes (bring it to the new original, then store that):\n"
            f"{diff(stored, ours, 'stored original', 'overrides/' + template)}")


def test_every_template_that_replaces_one_of_materials_is_listed():
    """A new copy of a Material template needs its original stored here too. main.html is not a
    copy: it extends Material's base.html through its blocks."""
    theirs = {p.relative_to(MATERIAL).as_posix() for p in MATERIAL.rglob("*") if p.is_file()}
    theirs |= {p.relative_to(MKDOCS).as_posix() for p in MKDOCS.glob("*.xml")}
    shadowing = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*") if p.is_file()} & theirs
    assert shadowing - {"main.html"} == set(COPIES)
    assert (OVERRIDES / "main.html").read_text().startswith('{% extends "base.html" %}')
