"""Friendly content errors.

Contributors are often not developers: a mistake in a file must come back as one
plain line naming the file, the line where known, the field, what is wrong, what
is allowed and, where we can guess, what they probably meant. No traceback.
"""

from __future__ import annotations

import difflib
import os
import sys
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


def _escape(text: str, prop: bool = False) -> str:
    """GitHub's workflow-command escaping: %, CR and LF everywhere; ':' and ',' in properties."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def annotation(problem: Problem) -> str:
    """One problem as a GitHub Actions error annotation, shown on the pull request's changed line."""
    props = [f"file={_escape(problem.path, True)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
    title = f"Handbook content: {problem.field}" if problem.field else "Handbook content"
    props.append(f"title={_escape(title, True)}")
    return f"::error {','.join(props)}::{_escape(problem.message)}"


def annotate(problems: list[Problem], stream=None) -> None:
    """Under GitHub Actions, print each problem as an annotation too, so that a contributor who
    edited in the web editor sees it on the line they changed. Elsewhere, print nothing."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    stream = stream or sys.stdout
    for problem in problems:
        print(annotation(problem), file=stream)
    stream.flush()
