"""Who has contributed: every author in the git history, for the About page.

The contributor guide promises that the About page thanks everyone whose change is merged. A
list kept by hand would fall behind, so it is made from the history at build time: the authors'
names as git gives them (a `.mailmap` at the root joins one person's several spellings), sorted,
each once. Bots (names ending in "[bot]") are left out. The same commit always gives the same
list, so builds stay reproducible. Outside a git checkout (a downloaded archive) there is no
history, and the page says so instead of showing an empty list.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path


@functools.lru_cache(maxsize=4)
def names(root: Path) -> tuple[str, ...] | None:
    """The authors' names, sorted and each once; None when there is no git history here."""
    try:
        result = subprocess.run(["git", "log", "--format=%aN"], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    found = {line.strip() for line in result.stdout.splitlines() if line.strip()}
    return tuple(sorted((n for n in found if not n.endswith("[bot]")), key=str.casefold))
