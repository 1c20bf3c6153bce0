"""Shared helpers: build the real handbook once per test run, or a small copy of it in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` (strict through mkdocs.yml) in a fresh process, so no module is cached between builds.

    Never pass -q: it hides warnings, and strict mode then has nothing to count.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env,
    )


def copy_project(dest: Path, docs: Path = MINI / "docs", nav: list | None = None) -> Path:
    """A copy of the project's config, macros and theme with another docs folder (the mini handbook by default)."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in ("macros", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(docs, dest / "docs")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["nav"] = nav or [
        {"Home": "index.md"},
        {"Mindsets": ["mindsets/index.md"]},
        {"Methods": ["methods/index.md"]},
        {"Tools": ["tools/index.md"]},
    ]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: Path) -> BeautifulSoup:
    """The page's article, without Material's header, navigation and footer."""
    return soup(page).select_one("article.md-content__inner")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once for the whole run."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"The handbook does not build:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def catalogue():
    from macros.loader import load

    return load(ROOT / "docs", root=ROOT)


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the mini handbook's docs, for tests that break one file."""
    docs = tmp_path / "docs"
    shutil.copytree(MINI / "docs", docs)
    return docs
