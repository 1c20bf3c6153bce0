"""Friendly content errors.

Contributors are often not developers: a mistake in a file must come back as one
plain line naming the file, the line where known, the field, what is wrong, what
is allowed and, where we can guess, what they probably meant. No traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, e.g. docs/methods/journey-mapping.md
    line: int | None
    field: str  # "" when the problem is not about one field (for example YAML syntax)
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message}"


class ContentError(Exception):
    """Raised with every problem found, so one build reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The handbook's content has {count} {noun}. Fix each one, then build again:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def did_you_mean(value: str, allowed: list[str]) -> str:
    """A ' Did you mean "x"?' suffix when one allowed value is close to the given one."""
    match = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
    return f' Did you mean "{match[0]}"?' if match else ""


def allowed_list(allowed: list[str]) -> str:
    return f"(allowed: {', '.join(allowed)})"
