"""MkDocs hook: a copy of the handbook to download and read with no network, search included.

`mkdocs build` builds the site a second time with Material's offline plugin (HANDBOOK_OFFLINE=true:
plain .html links that work from disk, the search index inlined as a script), copies in the PDFs
the first build made, and zips it into the site (macros/printing/settings.py, Files.offline, names it).
The zip is deterministic: files in sorted order with a fixed timestamp.

- The offline plugin would load its search shim from unpkg.com; the offline build takes the copy
  vendored in overrides/assets/javascripts/vendor instead (nothing may come from another origin).
- One copy holds every language: the offline build of mkdocs.yml builds the other languages into
  it (overrides/hooks/languages.py), so the language links work from disk. Other languages'
  builds make no zip of their own; their download pages link to this one.
- `mkdocs serve` does not make the zip (it would slow every rebuild). In a build, the PDF
  switch (extra.pdf, HANDBOOK_PDF=false) turns it off too, for quick previews; so does
  HANDBOOK_OFFLINE_ZIP=false on its own.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.offline")
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
STATE = {"command": "build"}
STAMP = (2020, 1, 1, 0, 0, 0)  # zip entries need a date: a fixed one keeps the zip reproducible


def _settings(config):
    """The project's print settings module (the zip's name, the yes/no reading of switches)."""
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from macros.printing import settings

    return settings


def on_startup(command: str, dirty: bool) -> None:
    STATE["command"] = command


@event_priority(100)  # before the offline plugin, which adds the unpkg.com shim if none is set
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [SHIM]
    return config


@event_priority(-200)  # after the offline plugin and after the PDFs are made
def on_post_build(config) -> None:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        return  # this is the offline build itself
    settings = _settings(config)
    if config.theme["language"] != settings.ORIGINAL:
        return  # the English build's copy holds this language too
    wanted = settings.truthy(os.environ.get("HANDBOOK_OFFLINE_ZIP", "true")) and \
        settings.truthy((config.extra or {}).get("pdf", True))
    if STATE["command"] != "build" or not wanted:
        log.info("Offline copy not made (only `mkdocs build` makes it; HANDBOOK_PDF=false or "
                 "HANDBOOK_OFFLINE_ZIP=false skips it).")
        return
    site = Path(config.site_dir)
    target = site / settings.Files(settings.ORIGINAL).offline  # the download pages link the same name
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        copy = Path(tmp) / "innovation-handbook"
        env = {**os.environ, "HANDBOOK_OFFLINE": "true", "HANDBOOK_PDF": "false", "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config.config_file_path, "-d", str(copy)],
            capture_output=True, text=True, env=env, cwd=Path(config.config_file_path).parent,
        )
        if result.returncode != 0:
            raise PluginError(f"The offline copy did not build:\n{result.stderr[-3000:]}")
        # The PDFs of every language (downloads/, cy/downloads/), so the copy's download links work.
        for pdf in sorted(site.rglob("downloads/**/*.pdf")):
            dest = copy / pdf.relative_to(site)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(p for p in copy.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"innovation-handbook/{file.relative_to(copy).as_posix()}", STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, file.read_bytes())
    log.info(f"Offline copy: {target.relative_to(site)} ({target.stat().st_size / 1e6:.1f} MB)")
