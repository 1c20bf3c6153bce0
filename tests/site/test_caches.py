"""The caches between builds (macros/caches.py: compiled templates, drawn whiteboards) change
nothing a reader gets: a build that reads them writes the same site, byte for byte, as one
that makes everything afresh. The other tests build with the caches off."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers import copy_project, run_build


def digests(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.xdist_group("caches")
def test_a_build_from_the_caches_is_the_same_as_a_fresh_one(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("HANDBOOK_GIT_DATES", "false")  # a copy outside git would be dated by the clock
    monkeypatch.setenv("HANDBOOK_CACHE", "false")
    fresh = run_build(project, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stderr
    assert not (project / ".cache").exists(), "HANDBOOK_CACHE=false must write no cache"

    monkeypatch.setenv("HANDBOOK_CACHE", "true")
    filling = run_build(project, tmp_path / "filling")  # fills the caches
    assert filling.returncode == 0, filling.stderr
    templates = list((project / ".cache" / "jinja").iterdir())
    pictures = list((project / ".cache" / "pictures").glob("*.png"))
    content = list((project / ".cache" / "content").glob("*.pickle"))
    assert templates, "no compiled template was kept"
    assert pictures, "no whiteboard was kept"
    assert len(content) == 1, "the content read and checked was not kept"
    stored = {p: p.stat().st_mtime_ns for p in templates + pictures + content}

    filled = run_build(project, tmp_path / "filled")  # reads them
    assert filled.returncode == 0, filled.stderr
    assert {p: p.stat().st_mtime_ns for p in stored} == stored, "a hit must read the entry, not make it again"
    assert digests(tmp_path / "filled") == digests(tmp_path / "fresh")
    assert digests(tmp_path / "filling") == digests(tmp_path / "fresh")


def test_a_mistake_is_reported_with_the_caches_full(tmp_path, monkeypatch):
    """The content kept by an earlier build is never used for files that changed since: a mistake
    made after a good build is reported, and undoing it builds from the cache again."""
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("HANDBOOK_GIT_DATES", "false")
    monkeypatch.setenv("HANDBOOK_CACHE", "true")
    assert run_build(project, tmp_path / "good").returncode == 0
    page = project / "docs" / "methods" / "alpha.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("difficulty: ", "difficulty: impossible\nold_difficulty: ", 1), encoding="utf-8")
    broken = run_build(project, tmp_path / "broken")
    assert broken.returncode != 0
    assert "docs/methods/alpha.md" in broken.stderr and "difficulty" in broken.stderr, broken.stderr
    page.write_text(good, encoding="utf-8")
    kept = {p: p.stat().st_mtime_ns for p in (project / ".cache" / "content").glob("*.pickle")}
    assert len(kept) == 1
    assert run_build(project, tmp_path / "again").returncode == 0
    now = {p: p.stat().st_mtime_ns for p in (project / ".cache" / "content").glob("*.pickle")}
    assert now == kept, "the good content was read again instead of from the cache"
