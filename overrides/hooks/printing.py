"""MkDocs hook: make the PDFs (macros/printing) after the site is built.

The only MkDocs-specific part of printing: it hands the print step the pages in navigation
order, the catalogue that the macros loaded, and the settings.

- `mkdocs build` (and so the deploy) writes every PDF into the site; a problem stops the build.
  The other languages' sites are built inside the English build (overrides/hooks/languages.py,
  in its post-build step). Each language's PDFs wait until the last site is built, and are then
  made together, sharing the worker processes (macros/printing/run.py says why).
- `mkdocs serve` makes the PDFs once, in the background (worker processes, so the server stays
  responsive), after the first build, keeps them in a temporary folder and copies them into
  the site after every rebuild: editing a page never waits for the PDFs. Restart the server
  to make them again from the edited pages.
- `extra.pdf` in mkdocs.yml (HANDBOOK_PDF=false in the environment) turns the PDF step off.

MkDocs keeps a hook module loaded for the whole `serve` session (it caches hooks by path), so
the state below lasts across rebuilds. The other languages' builds (overrides/hooks/languages.py)
share this module, so what `serve` keeps is kept per language.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.printing")
STATE: dict = {
    "command": "build",
    "nav": {},  # language -> its navigation (the builds share this module)
    "open": 0,  # builds started and not yet at this hook's post-build step (one inside another)
    "pending": [],  # the PDF jobs of the languages built so far, made when the outermost build ends
    "serve": {},  # language -> its background thread, cache, files
}
LOCK = threading.Lock()


def on_startup(command: str, dirty: bool) -> None:
    STATE["command"] = command


def on_config(config):
    # The print step lives in the project's `macros` package: make it importable from here.
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return config


def on_pre_build(config) -> None:
    STATE["open"] += 1


def on_build_error(error) -> None:
    STATE["open"], STATE["pending"] = 0, []


def on_nav(nav, config, files):
    STATE["nav"][config.theme["language"]] = nav
    return nav


def _settings(config):
    from macros.printing import Settings

    plain = {
        "site_name": config.site_name, "site_description": config.site_description,
        "site_url": config.site_url, "use_directory_urls": config.use_directory_urls,
        "language": config.theme["language"], "extra": config.extra,
    }
    return Settings.from_config(plain, Path(config.config_file_path).resolve().parent)


def _chapters(nav, settings) -> list:
    """Every page of the navigation, in order, as the print step's Chapters."""
    from macros.printing import Chapter

    chapters = []

    def walk(items, section: str, depth: int) -> None:
        opened = False
        for item in items:
            if item.is_page:
                if settings.leaves_out(item.file.src_uri):
                    continue
                level = 1 if depth == 0 or not opened else 2
                opened = True
                chapters.append(Chapter(url=item.url, title=item.title or "", html=item.content or "",
                                        level=level, section=section, src=f"docs/{item.file.src_uri}"))
            elif item.is_section:
                walk(item.children, item.title or "", depth + 1)

    walk(nav.items, "", 0)
    return chapters


def _catalogue(config):
    """The catalogue the macros plugin loaded and checked for this build."""
    macros = config.plugins.get("macros")
    handbook = macros.variables.get("handbook") if macros is not None else None
    if handbook is None:
        raise PluginError("The print step needs the macros plugin (module_name: macros) in mkdocs.yml.")
    return handbook.cat


def _job(config, out_dir: Path | None = None):
    """What the print step needs from this build, taken now (a later rebuild replaces it)."""
    from macros.printing import Job

    settings = _settings(config)
    site_dir = Path(config.site_dir)
    return Job(_chapters(STATE["nav"][settings.lang], settings), _catalogue(config), settings, site_dir,
               out_dir or site_dir)


def _build(jobs: list) -> list:
    from macros.printing import PrintError, build_jobs

    try:
        return build_jobs(jobs)
    except PrintError as error:
        raise PluginError(str(error)) from None


def _served(config) -> dict:
    """What `serve` keeps for this build's language: the background thread, the cache, the files."""
    return STATE["serve"].setdefault(config.theme["language"], {"thread": None, "cache": None, "files": None})


def _restore(config) -> None:
    """Under serve: put the PDFs made earlier back into the freshly cleaned site."""
    served = _served(config)
    with LOCK:
        cache, files = served["cache"], list(served["files"] or ())
    for path in files:
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / path, target)


def _background(job, config) -> None:
    from macros.printing import build_jobs

    cache = job.out_dir
    try:
        report, = build_jobs([job])
    except Exception as error:  # noqa: BLE001 - shown to the author; the server keeps running
        log.error(f"The PDFs could not be made: {error}")
        shutil.rmtree(cache, ignore_errors=True)
        return
    with LOCK:
        _served(config).update(cache=cache, files=list(report.files))
    _restore(config)
    log.info(f"PDFs ready: {report.summary()}")


def on_shutdown() -> None:
    for served in STATE["serve"].values():
        if served.get("cache"):
            shutil.rmtree(served["cache"], ignore_errors=True)


# After the other languages' sites (overrides/hooks/languages.py, -100), which run inside this
# build's post-build step; before the offline copy (overrides/hooks/offline.py, -200) zips the site.
@event_priority(-150)
def on_post_build(config) -> None:
    STATE["open"] = max(0, STATE["open"] - 1)
    settings = _settings(config)
    if not settings.enabled:
        log.info("PDFs off (extra.pdf / HANDBOOK_PDF): no PDFs made.")
    elif STATE["command"] == "serve":
        served = _served(config)
        if served["thread"] is None:
            log.info("Making the PDFs in the background; they appear under downloads/ when ready.")
            # The job is taken now, in the build's thread: a rebuild replaces the navigation.
            job = _job(config, out_dir=Path(tempfile.mkdtemp(prefix="handbook-pdf-")))
            served["thread"] = threading.Thread(target=_background, args=(job, config), daemon=True)
            served["thread"].start()
        else:
            _restore(config)
        return
    else:
        STATE["pending"].append(_job(config))
    if STATE["open"] or not STATE["pending"]:
        return  # inside another language's build: its PDFs are made with the outer build's
    jobs, STATE["pending"] = STATE["pending"], []
    from macros.translations import ORIGINAL

    reports = _build(jobs)
    for job, report in zip(jobs, reports):
        log.info(f"PDFs ({job.settings.lang}): {report.summary()}")
        if os.environ.get("HANDBOOK_PDF_REPORT"):  # for tests/benchmarks/pdf.py: one report per language
            path = Path(os.environ["HANDBOOK_PDF_REPORT"])
            if job.settings.lang != ORIGINAL:
                path = path.with_name(f"{path.stem}.{job.settings.lang}{path.suffix}")
            path.write_text(json.dumps(dataclasses.asdict(report), indent=1))
