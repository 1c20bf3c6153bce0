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
import threading
from pathlib import Path

import pytest

from helpers import MINI, ROOT, run_build

# Builds of the mini handbook skip the PDFs (a second or two each); the real handbook below is
# built as the deploy builds it, PDFs included, and tests/print builds PDFs where it needs them.
os.environ.setdefault("HANDBOOK_PDF", "false")


def pytest_collection_modifyitems(session, config, items):
    """Order the run for two workers (xdist hands tests out in this order as workers free up):
    first one full-site accessibility test, whose worker builds the handbook (about two minutes);
    meanwhile the other worker runs every test that does not need the built site; then the other
    long accessibility tests, then the short tests of the built site to fill the gaps."""
    def needs_site(item) -> bool:
        return "site" in getattr(item, "fixturenames", ())

    def long(item) -> bool:
        return getattr(item, "originalname", "") == "test_every_page_passes_axe_and_requests_nothing_from_elsewhere"

    first = next((item for item in items if long(item)), None)
    items.sort(key=lambda item: 0 if item is first else 1 if not needs_site(item) else 2 if long(item) else 3)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once for the whole run, with its PDFs (as deployed).

    Under xdist every worker has its own session: the first to get here builds into a folder they
    all share, the others wait for it (a lock file) and reuse it, so the build runs once a run."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    out, log = shared / "handbook-site", shared / "handbook-site.log"
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
