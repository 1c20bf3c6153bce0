"""The benchmarks page (tests/benchmarks/README.md): each script writes its latest figures into
its own section, between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, with the date and the
machine they were measured on. Nothing else in the page changes."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from pathlib import Path

PAGE = Path(__file__).with_name("README.md")


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with open("/proc/meminfo") as info:
        kb = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    return f"{cores} cores, {kb / 1024 / 1024:.0f} GB, Python {platform.python_version()}"


def record(name: str, markdown: str) -> None:
    """Replace the section `name` of the benchmarks page with `markdown`, dated."""
    text = PAGE.read_text(encoding="utf-8")
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    if start not in text or end not in text:
        raise SystemExit(f"{PAGE}: no section {start} … {end} to write the figures into")
    stamp = f"*Measured on {dt.date.today():%-d %B %Y}, on {machine()}.*"
    body = f"{start}\n{stamp}\n\n{markdown.strip()}\n{end}"
    PAGE.write_text(re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: body, text, flags=re.S),
                    encoding="utf-8")
    print(f"Figures written to {PAGE.relative_to(PAGE.parents[2])} ({name}).")
