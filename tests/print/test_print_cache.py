"""The PDF cache: an unchanged PDF is copied, byte for byte what a fresh render writes; an edit
to one card remakes only the PDFs that contain it."""

from __future__ import annotations

import json
import os

from helpers import MINI, copy_project, edit, run_build
from macros.printing import Settings

FILES = Settings.from_config({"site_name": "Mini"}, MINI).files


def build(project, site, cache, report):
    """One strict build of the mini handbook with its PDFs: the PDFs' bytes and what the step says
    it took from the cache."""
    env = {"HANDBOOK_PDF": "true", "HANDBOOK_PDF_CACHE": str(cache), "HANDBOOK_PDF_REPORT": str(report)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = run_build(project, site)
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    assert result.returncode == 0, result.stderr
    pdfs = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "downloads").rglob("*.pdf"))}
    return pdfs, json.loads(report.read_text())


def test_unchanged_pdfs_come_from_the_cache_and_an_edit_remakes_only_what_contains_it(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    cold, first = build(project, tmp_path / "one", cache, tmp_path / "one.json")
    assert first["cached"] == [] and len(cold) >= 7, first
    warm, second = build(project, tmp_path / "two", cache, tmp_path / "two.json")
    assert sorted(second["cached"]) == sorted(cold), "every PDF of an unchanged handbook comes from the cache"
    assert warm == cold, "a PDF from the cache has the same bytes as the one first made"

    # alpha's card text changes: its single card, the decks and the book contain it; beta's and
    # gamma's single cards, and the decks of phases alpha is not in, do not.
    edit(project / "docs", "methods/alpha.md", "summary: Alpha does the first thing.", "summary: Alpha does it first.")
    edited, third = build(project, tmp_path / "three", cache, tmp_path / "three.json")
    made = sorted(set(edited) - set(third["cached"]))
    alpha_phase = next(k for k in edited if k.startswith("downloads/cards-understand"))
    assert made == sorted([FILES.book, FILES.cards_a4, FILES.cards_a6, FILES.card("alpha"), alpha_phase]), made
    assert FILES.card("beta") in third["cached"] and FILES.card("gamma") in third["cached"]

    # What the cache served with the edit is what a build without any cache makes.
    fresh, _ = build(project, tmp_path / "four", "false", tmp_path / "four.json")
    assert fresh == edited, [k for k in fresh if fresh[k] != edited.get(k)]
