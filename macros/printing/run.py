"""Run the print step: every part, in worker processes when there are cores for them."""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..loader import Catalogue
from .book import Book, Chapter
from .deck import Deck
from .settings import Settings
from .weasy import Printer, PrintError

PRINT = Path(__file__).resolve().parent.parent.parent / "overrides" / "print"


@dataclass
class Report:
    files: dict[str, int] = field(default_factory=dict)  # path under the site -> size in bytes
    seconds: dict[str, float] = field(default_factory=dict)  # each part's time
    wall: float = 0.0  # the whole step's time (parts run side by side when there are cores for it)
    peak_mb: dict[str, float] = field(default_factory=dict)  # each process's peak resident memory
    workers: int = 1

    def summary(self) -> str:
        parts = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        return (f"{len(self.files)} PDFs ({sum(self.files.values()) / 1e6:.1f} MB) in {self.wall:.1f} s "
                f"with {self.workers} process{'es' if self.workers > 1 else ''} ({parts}); "
                f"peak memory {max(self.peak_mb.values(), default=0):.0f} MB")


# The parts of the print step, longest first. Each runs on its own (in a worker process when
# there is more than one core) and writes its own PDFs.
PARTS = ("book", "a6", "sheets", "singles")
_JOB: tuple | None = None  # the job, set before the workers fork so they inherit it unpickled


def _part(name: str) -> tuple[str, dict[str, int], float, float]:
    chapters, catalogue, settings, site_dir, out = _JOB
    start = time.perf_counter()
    printer = Printer(roots=[site_dir, PRINT])
    if name == "book":
        files = Book(chapters, catalogue, settings, site_dir).write(printer, out)
    else:
        deck = Deck(catalogue, settings, printer)
        files = getattr(deck, f"write_{name}")(out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return name, files, time.perf_counter() - start, peak


def workers_available() -> int:
    """Worker processes to use: HANDBOOK_PDF_WORKERS, else one per core (at most one per part)."""
    given = os.environ.get("HANDBOOK_PDF_WORKERS", "").strip()
    count = int(given) if given.isdigit() else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                                  else os.cpu_count() or 1)
    return max(1, min(count, len(PARTS)))


def build_all(chapters: list[Chapter], catalogue: Catalogue, settings: Settings, site_dir: Path,
              out_dir: Path | None = None, workers: int | None = None) -> Report:
    """Every PDF, written under out_dir (the built site by default). Raises PrintError with
    every problem found. With more than one worker, the parts run in forked processes."""
    global _JOB
    site_dir = Path(site_dir)
    _JOB = (chapters, catalogue, settings, site_dir, Path(out_dir or site_dir))
    workers = workers or workers_available()
    report = Report(workers=workers)
    start = time.perf_counter()
    problems: list[str] = []
    try:
        if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
            report.workers = 1
            results = []
            for name in PARTS:
                try:
                    results.append(_part(name))
                except PrintError as error:
                    problems += error.problems
        else:
            # fork: the workers inherit the job (pages, catalogue) without pickling it.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = [pool.submit(_part, name) for name in PARTS]
                results = []
                for future in futures:
                    try:
                        results.append(future.result())
                    except PrintError as error:
                        problems += error.problems
    finally:
        _JOB = None
    if problems:
        raise PrintError(problems)
    for name, files, seconds, peak in results:
        report.files.update(files)
        report.seconds[name] = seconds
        report.peak_mb[name] = peak
    report.wall = time.perf_counter() - start
    return report
