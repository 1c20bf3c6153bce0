"""Fixtures: the real handbook built once per run, the mini handbook, and one Chromium
with a local web server for the browser tests.

Chromium is Debian's (`apt-get install chromium`, done by `make test` and .ci/run);
Playwright cannot download browsers here. Set CHROMIUM to use another binary.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import MINI, ROOT, run_build

# Builds of the mini handbook skip the PDFs (a second or two each); the real handbook below is
# built as the deploy builds it, PDFs included, and tests/print builds PDFs where it needs them.
os.environ.setdefault("HANDBOOK_PDF", "false")
# No PDF cache in tests: every PDF a test reads is made afresh, so the determinism tests compare
# two real renders (tests/print/test_print_cache.py turns a cache on, in a folder of its own).
os.environ.setdefault("HANDBOOK_PDF_CACHE", "false")
# Nor any other cache between builds (compiled templates, drawn pictures: macros/caches.py):
# tests/site/test_caches.py builds with them on and compares.
os.environ.setdefault("HANDBOOK_CACHE", "false")


def _shared(base: Path) -> Path:
    """The run's own temporary folder: under xdist, the one above each worker's."""
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Under xdist (make test, CI), start building the real handbook at once, in the background,
    so that it builds (about a minute and a half) while the workers run the tests that do not
    need it; the `site` fixture waits for it. A single-process run builds it on first use."""
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    if os.environ.get("HANDBOOK_BUILT_SITE"):
        return  # the site was built before the tests (the GitHub workflow's `make build`)
    if config.args and all(Path(arg.split("::")[0]).parts[-2:-1] == ("tests",) and
                           Path(arg.split("::")[0]).name == "content" for arg in config.args):
        return  # only the content tests were asked for: they do not need the site
    shared = config._tmp_path_factory.getbasetemp()
    (shared / "handbook-site.err").touch()  # before any worker starts: it tells them to wait
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "true"}
    script = ('import subprocess, sys; r = subprocess.run(sys.argv[1:-2], stderr=open(sys.argv[-2], "w")); '
              'open(sys.argv[-1], "w").write(str(r.returncode))')
    config._handbook_build = subprocess.Popen(
        [sys.executable, "-c", script, sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(ROOT / "mkdocs.yml"), "-d", str(shared / "handbook-site"), str(shared / "handbook-site.err"),
         str(shared / "handbook-site.done")], cwd=ROOT, env=env, start_new_session=True)


def pytest_unconfigure(config):
    build = getattr(config, "_handbook_build", None)
    if build is not None and build.poll() is None:  # the run ended first (stopped, or no test needed it)
        os.killpg(build.pid, signal.SIGTERM)
        build.wait()


def pytest_collection_modifyitems(session, config, items):
    """Order the run for two workers (xdist hands tests out in this order as workers free up):
    the tests that do not need the built site first, while it builds; then the long accessibility
    tests; then the short tests of the built site, to fill the gaps at the end."""
    def needs_site(item) -> bool:
        return "site" in getattr(item, "fixturenames", ())

    def long(item) -> bool:
        return getattr(item, "originalname", "") == "test_every_page_passes_axe_and_requests_nothing_from_elsewhere"

    items.sort(key=lambda item: 0 if not needs_site(item) else 1 if long(item) else 2)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once for the whole run, with its PDFs (as deployed).

    Under xdist the build started with the run (pytest_configure); every worker waits for it. On
    its own, the first test that needs the site builds it, and any other process waits (a lock)."""
    built = os.environ.get("HANDBOOK_BUILT_SITE")
    if built:  # a strict build with PDFs made before the run (`make build`): test that, build nothing
        assert (Path(built) / "index.html").is_file(), f"HANDBOOK_BUILT_SITE={built} has no built site in it"
        return Path(built).resolve()
    shared = _shared(tmp_path_factory.getbasetemp())
    out, log = shared / "handbook-site", shared / "handbook-site.log"
    done, err = shared / "handbook-site.done", shared / "handbook-site.err"
    if err.exists():  # started in the background: wait for it
        deadline = time.monotonic() + 1200
        while not done.is_file() or not done.read_text().strip():
            assert time.monotonic() < deadline, "the background build of the handbook did not finish"
            time.sleep(0.5)
        assert done.read_text().strip() == "0", f"The handbook does not build:\n{err.read_text()}"
        return out
    with open(shared / "handbook-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (out / "index.html").is_file() and not log.is_file():
            before = os.environ.get("HANDBOOK_PDF")
            os.environ["HANDBOOK_PDF"] = "true"
            try:
                result = run_build(ROOT, out)
            finally:
                os.environ["HANDBOOK_PDF"] = before if before is not None else "false"
            if result.returncode != 0:
                log.write_text(result.stderr)
    assert not log.is_file(), f"The handbook does not build:\n{log.read_text() if log.is_file() else ''}"
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


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium as root needs --no-sandbox; the rest stop it calling Google's services on a closed network.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: CI must install it (apt-get install chromium).")
        pytest.skip("Chromium is not installed: sudo apt-get install chromium (make test does this as root).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
