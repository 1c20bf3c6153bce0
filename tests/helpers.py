"""Helpers shared by the tests: building the handbook, copying it, reading built pages."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


def run_build(project: Path, site_dir: Path, languages: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` (strict through mkdocs.yml) in a fresh process, so no module is cached between builds.

    The real handbook builds in every language; a copy (the mini handbook) in English only unless
    `languages` (such as "en,cy") says otherwise: most tests of a copy are about one language.
    Never pass -q: it hides warnings, and strict mode then has nothing to count.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if languages or project.resolve() != ROOT:
        env["HANDBOOK_LANGUAGES"] = languages or "en"
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
    # mkdocs.yml uses tags such as !ENV that a plain YAML loader rejects: swap the nav
    # (the file's last section) as text.
    config = (ROOT / "mkdocs.yml").read_text()
    assert "\nnav:\n" in config, "mkdocs.yml must end with its nav section"
    nav = nav or [
        {"Home": "index.md"},
        {"Mindsets": ["mindsets/index.md"]},
        {"Methods": ["methods/index.md"]},
        {"Tools": ["tools/index.md"]},
    ]
    config = config[: config.index("\nnav:\n")] + "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False)
    (dest / "mkdocs.yml").write_text(config)
    # The Welsh site's config inherits this one: the same pages, under cy/.
    shutil.copyfile(ROOT / "mkdocs.cy.yml", dest / "mkdocs.cy.yml")
    return dest


def site_paths(site: Path, lang: str | None = "en") -> list[str]:
    """Every page of the built site in one language (None: all) as a path under the site's
    root, e.g. '' or 'methods/interviews/'; Welsh pages start with 'cy/'."""
    paths = []
    for file in sorted(site.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        path = "" if rel == "." else rel + "/"
        page_lang = "cy" if path.startswith("cy/") else "en"
        if lang is None or page_lang == lang:
            paths.append(path)
    return paths


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: Path) -> BeautifulSoup:
    """The page's article, without Material's header, navigation and footer."""
    return soup(page).select_one("article.md-content__inner")


def problems(docs: Path, lang: str = "en") -> list[str]:
    """Every content problem the loader finds in a docs folder, as the build prints them."""
    from macros.errors import ContentError
    from macros.loader import load

    try:
        load(docs, root=docs.parent, lang=lang)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


def edit(docs: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in a fixture file with `new` (the fixture must contain it)."""
    path = docs / rel
    text = path.read_text()
    assert old in text, f"fixture {rel} has no {old!r}"
    path.write_text(text.replace(old, new, 1))


def only(found: list[str]) -> str:
    """The one problem found."""
    assert len(found) == 1, found
    return found[0]


NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"


def checker(relative: str) -> Path:
    """A file of a checker that `make checkers` (a step of `make test`) installs into .cache/node,
    from tests/node/package-lock.json. Missing: a failure under CI, which must install it; else a skip."""
    import pytest

    path = NODE_MODULES / relative
    if not path.is_file():
        message = f"{path.relative_to(ROOT)} is missing: run `make checkers` (make test does)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(project: Path, log: Path, **env: str):
    """`mkdocs serve` of a project in a fresh process, its output in `log`; yields the served
    site's address (with the site_url's path), and stops the server on the way out."""
    import re
    import signal

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_GIT_DATES": "false", **env}
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                                   "-f", str(project / "mkdocs.yml")], cwd=project, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    mount = re.search(r"^site_url: https?://[^/]+(/.*)$", (project / "mkdocs.yml").read_text(), re.M).group(1)
    try:
        yield server, f"http://127.0.0.1:{port}{mount.rstrip('/')}/"
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def sift(findings, rules: list, excludes, describe) -> list[str]:
    """What an outside checker found that no rule excludes, each described in a line. Every rule
    (an error from Material's own markup, with its reason beside it in the test) must still
    exclude something: a rule that matches nothing any more fails, so the list stays true."""
    used, failures = {rule: 0 for rule in rules}, []
    for finding in findings:
        rule = next((rule for rule in rules if excludes(finding, rule)), None)
        if rule is None:
            failures.append(describe(finding))
        else:
            used[rule] += 1
    unused = [rule for rule, count in used.items() if not count]
    assert not unused, f"these exclusions no longer match anything: remove them: {unused}"
    return failures
