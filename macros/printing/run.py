"""Run the print step: every part of every language's PDFs, in worker processes when there
are cores for them.

A build of the whole handbook makes the PDFs of every language in one step (macros/pipeline.py
calls it after every language's site is built), so that the parts of
both languages share the workers: each language alone leaves a core idle while its book, the
longest part, finishes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..loader import Catalogue
from .book import Book, Chapter
from .cache import PdfCache
from .deck import Deck
from .epub import Epub
from .settings import Settings
from .sheets import Worksheets
from .weasy import Printer, PrintError

PROJECT = Path(__file__).resolve().parent.parent.parent
PRINT = PROJECT / "overrides" / "print"


@dataclass
class Report:
    files: dict[str, int] = field(default_factory=dict)  # path under the site -> size in bytes
    seconds: dict[str, float] = field(default_factory=dict)  # each part's time
    wall: float = 0.0  # the whole step's time: every language's parts, side by side when there are cores
    peak_mb: dict[str, float] = field(default_factory=dict)  # each process's peak resident memory
    workers: int = 1
    languages: int = 1  # how many languages' PDFs the step made (their reports share `wall`)
    cached: list[str] = field(default_factory=list)  # the PDFs copied from the cache, unchanged

    def summary(self) -> str:
        parts = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        shared = f" (the step for {self.languages} languages)" if self.languages > 1 else ""
        made = len(self.files) - len(self.cached)
        return (f"{len(self.files)} files ({sum(self.files.values()) / 1e6:.1f} MB; {made} made, "
                f"{len(self.cached)} unchanged from the cache) in {self.wall:.1f} s{shared} "
                f"with {self.workers} process{'es' if self.workers > 1 else ''} ({parts}); "
                f"peak memory {max(self.peak_mb.values(), default=0):.0f} MB")


@dataclass
class Job:
    """One language's PDFs: its pages in navigation order, its catalogue and settings, the built
    site (for images) and where to write."""
    chapters: list[Chapter]
    catalogue: Catalogue
    settings: Settings
    site_dir: Path
    out_dir: Path


# The parts of one language's files, longest first. Each runs on its own (in a worker process
# when there is more than one core) and writes its own files: the PDFs, then the EPUB (quick).
PARTS = ("book", "a6", "sheets", "worksheets", "singles", "epub")
# The jobs of each running step, set before its workers fork so that they inherit them unpickled.
# Under `mkdocs serve` each language's step runs in a thread of its own: a lock keeps one step's
# jobs in place until its workers have forked, and each step has its own key.
_JOBS: dict[int, list[Job]] = {}
_FORKING = threading.Lock()
_KEYS = itertools.count()


def _part(key: int, index: int, name: str) -> tuple[int, str, dict[str, int], float, float, list[str]]:
    job = _JOBS[key][index]
    start = time.perf_counter()
    if name == "epub":  # no layout: WeasyPrint is not needed
        files = Epub(job.chapters, job.catalogue, job.settings, job.site_dir).write(job.out_dir)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return index, name, files, time.perf_counter() - start, peak, []
    printer = Printer(roots=[job.site_dir, PRINT], cache=PdfCache.from_environment(PROJECT))
    if name == "book":
        files = Book(job.chapters, job.catalogue, job.settings, job.site_dir).write(printer, job.out_dir)
    elif name == "worksheets":
        files = Worksheets(job.catalogue, job.settings, printer).write_worksheets(job.out_dir)
    else:
        deck = Deck(job.catalogue, job.settings, printer)
        files = getattr(deck, f"write_{name}")(job.out_dir)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return index, name, files, time.perf_counter() - start, peak, printer.cache.hits


def workers_available(tasks: int = len(PARTS)) -> int:
    """Worker processes to use: HANDBOOK_PDF_WORKERS, else one per core (at most one per task)."""
    given = os.environ.get("HANDBOOK_PDF_WORKERS", "").strip()
    count = int(given) if given.isdigit() else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                                  else os.cpu_count() or 1)
    return max(1, min(count, tasks))


def build_all(chapters: list[Chapter], catalogue: Catalogue, settings: Settings, site_dir: Path,
              out_dir: Path | None = None, workers: int | None = None) -> Report:
    """One language's PDFs, written under out_dir (the built site by default). Raises PrintError
    with every problem found."""
    site_dir = Path(site_dir)
    return build_jobs([Job(chapters, catalogue, settings, site_dir, Path(out_dir or site_dir))], workers)[0]


def _named(problems: list[str], jobs: list[Job], index: int) -> list[str]:
    """With more than one language in the step, each problem says which language's PDFs it is in."""
    if len(jobs) == 1:
        return problems
    from ..translations import NAMES

    lang = jobs[index].settings.lang
    return [f"{NAMES.get(lang, lang)} ({lang}) PDFs: {problem}" for problem in problems]


def build_jobs(jobs: list[Job], workers: int | None = None) -> list[Report]:
    """Every PDF of every job, one report per job. Raises PrintError with every problem found.
    With more than one worker, the parts run in forked processes, the longest (the books) first."""
    # Longest first: every language's book, then its decks. A book takes about as long as the
    # three decks together, so with two workers the books start at once and the decks fill in.
    tasks = [(i, name) for name in PARTS for i in range(len(jobs))]
    workers = workers or workers_available(len(tasks))
    start = time.perf_counter()
    problems: list[str] = []
    results = []
    key = next(_KEYS)
    try:
        if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
            _JOBS[key] = list(jobs)
            for task in tasks:
                try:
                    results.append(_part(key, *task))
                except PrintError as error:
                    problems += _named(error.problems, jobs, task[0])
        else:
            # fork: the workers inherit the jobs (pages, catalogues) without pickling them.
            # With the fork method, the pool starts all its workers at the first submit.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                with _FORKING:
                    _JOBS[key] = list(jobs)
                    futures = [pool.submit(_part, key, *task) for task in tasks]
                for task, future in zip(tasks, futures):
                    try:
                        results.append(future.result())
                    except PrintError as error:
                        problems += _named(error.problems, jobs, task[0])
    finally:
        _JOBS.pop(key, None)
    if problems:
        raise PrintError(problems)
    PdfCache.from_environment(PROJECT).prune()
    wall = time.perf_counter() - start
    reports = [Report(wall=wall, workers=workers, languages=len(jobs)) for _ in jobs]
    for index, name, files, seconds, peak, cached in sorted(results, key=lambda r: (r[0], PARTS.index(r[1]))):
        report = reports[index]
        report.files.update(files)
        report.cached += cached
        report.seconds[name] = seconds
        report.peak_mb[name] = peak
    return reports
