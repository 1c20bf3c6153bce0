"""Checks that go beyond one field's shape: vocabularies, ranges, references,
duplicates and the page body. Each returns a list of Problems; none raises."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem, allowed_list, did_you_mean
from .schema import PEOPLE_LIMITS, REF_FIELDS, TIME_LIMIT_MINUTES, VOCAB_FIELDS

if TYPE_CHECKING:
    from .frontmatter import Source
    from .loader import Entry
    from .vocab import Labels, Vocabularies

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE_LINE = re.compile(r"^\s*(```|~~~)")  # a line that opens or closes a fenced block
RAW_BLOCK = re.compile(r"{%-?\s*raw\s*-?%}.*?{%-?\s*endraw\s*-?%}", re.DOTALL)
JINJA = re.compile(r"{{|{%|{#")
MACRO_CALL = re.compile(r"{{\s*([a-z_]+)\(.*?\)\s*}}")
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
FENCE_BLOCK = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)  # a whole fenced block
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def check_slug(stem: str, path: str) -> list[Problem]:
    if SLUG.match(stem):
        return []
    from .urls import slugify

    suggestion = slugify(stem)
    return [
        Problem(
            path, None, "",
            f'the file name "{stem}.md" is not a valid slug: use lower case words joined by hyphens, '
            f'for example "{suggestion}.md". The file name becomes the page address.',
        )
    ]


def _headings(source: "Source") -> list[tuple[int, int, str]]:
    """(line, level, text) of each markdown heading outside fenced code."""
    found, fenced = [], False
    for number, line in enumerate(source.body.splitlines(), start=source.body_start):
        start = line.lstrip()[:3]
        if start in ("```", "~~~") and FENCE_LINE.match(line):
            fenced = not fenced
            continue
        match = None if fenced or not line.startswith("#") else HEADING.match(line)
        if match:
            # A heading's attribute list ({ #id }, as translations keep the English anchors) is not its text.
            text = re.sub(r"\s*\{[^{}]*\}\s*$", "", match.group(2))
            found.append((number, len(match.group(1)), text))
    return found


def check_sections(kind: str, source: "Source", labels: "Labels", lang: str) -> list[Problem]:
    """Item pages have the same level-2 sections, in the same order."""
    problems = []
    required = labels.required_headings(kind, lang)
    found = [text for _, level, text in _headings(source) if level == 2]
    missing = [h for h in required if h not in found]
    for heading in missing:
        close = did_you_mean(heading, found)
        problems.append(Problem(
            source.path, None, "",
            f'the page needs a section headed "## {heading}".{close} '
            f"Every {kind} page has these sections, in this order: {', '.join(required)}.",
        ))
    present = [h for h in found if h in required]
    if not missing and present != required:
        problems.append(Problem(
            source.path, None, "",
            f"the sections are out of order. Put them in this order: {', '.join(required)}.",
        ))
    return problems


def check_body(source: "Source", root: Path, macros: set[str], blocks: frozenset = frozenset()) -> list[Problem]:
    """What every page's text must get right: no level-1 heading, no stray template code, a
    macro that makes a block (`blocks`) on a line of its own, images that exist and have alt text."""
    problems = []
    for line, level, text in _headings(source):
        if level == 1:
            problems.append(Problem(
                source.path, line, "",
                f'remove the "# {text}" heading: the page title comes from the title field in the front matter.',
            ))
    body = RAW_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), source.body)
    # Images shown as code (a fenced block or `an inline span`) are examples, not images:
    # blank them for the image checks only. Jinja still reads code, so "{{" is checked everywhere.
    shown = FENCE_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    shown_lines = shown.splitlines()
    for index, (number, line) in enumerate(enumerate(body.splitlines(), start=source.body_start)):
        # (Each pattern is tried only on the lines that could hold it: this runs on every page.)
        for match in JINJA.finditer(line) if "{" in line else ():
            call = MACRO_CALL.match(line, match.start())
            if call and call.group(1) in blocks and line.strip() != call.group(0):
                problems.append(Problem(
                    source.path, number, "",
                    f'"{call.group(0)}" makes a block (a list, a table, a picture or a form): put it on a line '
                    "of its own, with a blank line before and after it, not inside a sentence or a list item.",
                ))
                continue
            if call and call.group(1) in macros:
                continue
            if call:
                known = sorted(macros)
                problems.append(Problem(
                    source.path, number, "",
                    f'"{call.group(0)}" calls a macro that does not exist.'
                    f"{did_you_mean(call.group(1), known)} {allowed_list(known)}",
                ))
                continue
            problems.append(Problem(
                source.path, number, "",
                f'"{match.group(0)}" would be read as a template command and break the page. '
                "If you meant the characters themselves, wrap them in {% raw %} and {% endraw %}.",
            ))
        shown_line = shown_lines[index]
        if "![" not in shown_line and ("<" not in shown_line or "<img" not in shown_line.lower()):
            continue
        shown_line = CODE_SPAN.sub("", shown_line)
        for alt, target in IMAGE.findall(shown_line):
            problems += _check_image(source, number, alt, target, root)
        for tag in IMG_TAG.findall(shown_line):
            if not re.search(r"\balt\s*=\s*[\"'][^\"']+[\"']", tag):
                problems.append(Problem(source.path, number, "", f"the image {tag} has no alt text. "
                                        'Add alt="…" describing what the image shows.'))
    return problems


def _check_image(source: "Source", line: int, alt: str, target: str, root: Path) -> list[Problem]:
    problems = []
    if not alt.strip():
        problems.append(Problem(
            source.path, line, "",
            f"the image {target} has no alt text. Write what it shows between the square brackets: "
            "![A journey map with five stages](image.png). For a purely decorative image, ask a reviewer.",
        ))
    if "://" not in target:
        expected = (root / source.path).parent / target.split("#")[0]
        if not expected.is_file():
            where = os.path.relpath(expected, root)
            problems.append(Problem(
                source.path, line, "",
                f"the image {target} does not exist: there is no file {where}. Check the name and the folder.",
            ))
    else:
        problems.append(Problem(
            source.path, line, "",
            f"the image {target} is on another website. Save it in docs/assets/images/ and link it "
            "from there: the handbook loads nothing from other sites.",
        ))
    return problems


def _raw(meta: dict, dotted: str) -> tuple[bool, list]:
    """The values of a field as the file gives them: (present, [(item index or None, value)]).
    Read from the front matter itself, not the validated model, so that a file whose shape is
    wrong elsewhere still gets its vocabulary and reference checks in the same build."""
    value = meta
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return False, []
        value = value[part]
    if isinstance(value, list):
        return True, [(index, item) for index, item in enumerate(value) if isinstance(item, str)]
    return True, [(None, value)] if isinstance(value, str) else []


def check_catalogue(entries: list["Entry"], vocab: "Vocabularies", slugs: dict[str, set[str]],
                    shape_problems: dict[str, set[str]] | None = None) -> list[Problem]:
    """Vocabularies, references, ranges and unique titles, over every item file that could be
    read, valid or not: a file with an unknown field still learns of its unknown phase in the
    same build. `shape_problems`: each file's fields that already have a problem of their own
    shape (a field that is not a list, an item that is not text), which are not checked again.
    `slugs`: every item file found, valid or not, so one broken file does not also make every
    reference to it an error."""
    problems: list[Problem] = []
    titles: dict[str, "Entry"] = {}
    shape_problems = shape_problems or {}
    for entry in entries:
        path, source, meta = entry.source.path, entry.source, entry.source.meta
        known = shape_problems.get(path, set())

        def problem(field: str, message: str) -> None:
            problems.append(Problem(path, source.line_of(field), field, message))

        def items(field: str) -> list[tuple[str, str]]:
            """(the field's name in messages, value) for each value without a shape problem."""
            present, values = _raw(meta, field)
            if not present:
                return []
            named = [(field if index is None else f"{field} (item {index + 1})", value) for index, value in values]
            return [(name, value) for name, value in named if name not in known and field not in known]

        for field, name in VOCAB_FIELDS.items():
            if entry.data is not None and not _has(entry.data, field):
                continue  # this kind has no such field
            allowed = vocab.keys(name)
            found = items(field)
            for where, value in found:
                if value not in allowed:
                    problem(where, f'"{value}" is not allowed.{did_you_mean(value, allowed)} {allowed_list(allowed)}')
            values = [value for _, value in found]
            if len(set(values)) != len(values):
                problem(field, "lists the same value twice. Remove the repeat.")

        for field, kind in REF_FIELDS.items():
            if entry.data is not None and not _has(entry.data, field):
                continue
            found = items(field)
            refs = [value for _, value in found]
            if len(set(refs)) != len(refs):
                problem(field, "lists the same slug twice. Remove the repeat.")
            for where, slug in found:
                if slug not in slugs[kind]:
                    allowed = sorted(slugs[kind])
                    hint = did_you_mean(slug, allowed) or f" Existing {kind}s: {', '.join(allowed)}."
                    problem(where, f'there is no {kind} "{slug}" (docs/{kind}s/{slug}.md).{hint}')
                elif kind == entry.kind and slug == entry.slug:
                    problem(where, "a method cannot be related to itself.")

        if entry.data is None:  # ranges and titles need a valid card
            continue
        if entry.kind == "method":
            problems.extend(_check_ranges(entry, vocab))

        data = entry.data
        key = data.title.strip().lower()
        if key in titles:
            other = titles[key]
            problem("title", f'"{data.title}" is also the title of {other.source.path}. Titles must be unique.')
            problems.append(Problem(other.source.path, other.source.line_of("title"), "title",
                                    f'"{other.data.title}" is also the title of {path}. Titles must be unique.'))
        else:
            titles[key] = entry
    return problems


def _has(data, dotted: str) -> bool:
    """Whether the validated model has this (dotted) field at all."""
    value = data
    for part in dotted.split("."):
        if not hasattr(value, part):
            return False
        value = getattr(value, part)
    return True


def _check_ranges(entry: "Entry", vocab: "Vocabularies") -> list[Problem]:
    problems = []
    data, source, path = entry.data, entry.source, entry.source.path
    for field, (low, high) in (("people", PEOPLE_LIMITS), ("time", (1, None))):
        rng = getattr(data, field)
        if rng.min > rng.max:
            problems.append(Problem(path, source.line_of(field), field,
                                    f"min ({rng.min}) is larger than max ({rng.max}). Swap them round."))
        if rng.min < low:
            problems.append(Problem(path, source.line_of(field), f"{field}.min",
                                    f"must be at least {low}, not {rng.min}."))
        if high is not None and rng.max > high:
            problems.append(Problem(path, source.line_of(field), f"{field}.max",
                                    f"{rng.max} people is more than a method can hold (at most {high})."))
    unit = data.time.unit
    if unit in vocab.keys("time_units"):
        minutes = data.time.max * vocab.term("time_units", unit).extra["minutes"]
        if minutes > TIME_LIMIT_MINUTES:
            problems.append(Problem(path, source.line_of("time"), "time.max",
                                    f"{data.time.max} {unit} is longer than a method should take "
                                    "(at most 26 weeks). Check the number and the unit."))
    return problems


# A step's timing, in the bold lead of a numbered step under "Step by step":
# "1. **Agree the problem (10 minutes).**", "(15 to 25 minutes)", "(1 hour)", "(90 minutes, the same day)".
STEP = re.compile(r"^\s*(\d+)\.\s+\*\*(.+?)\*\*")
STEP_TIME = re.compile(r"\((?:about\s+)?(\d+)(?:\s*(?:to|-|–)\s*(\d+))?\s+(minutes?|hours?)\b[^()]*\)")
STEP_TOLERANCE = 15  # minutes: a card's shortest time may differ this much from its steps' total
SESSION_UNITS = ("minutes", "hours")


def _minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    return f"{hours} hr {rest} min" if rest else f"{hours} hr"


def check_step_times(entry: "Entry", vocab: "Vocabularies") -> list[Problem]:
    """A method done in one sitting (its card's time is in minutes or hours) gives each numbered
    step under "Step by step" a timing, and the timings must add up to the card's time: the
    steps' shortest total within a quarter of an hour of the card's shortest time (which the
    finder and the start guide filter on), and their longest total no more than the card's longest.
    Methods counted in days or weeks are left out: their steps mix hours of work with weeks of
    waiting, which do not add up (the pages say effort and elapsed time apart)."""
    data, source = entry.data, entry.source
    if entry.kind != "method" or data is None or data.time.unit not in SESSION_UNITS:
        return []
    per = vocab.term("time_units", data.time.unit).extra["minutes"]
    card_min, card_max = data.time.min * per, data.time.max * per
    section, low, high, untimed, steps = None, 0, 0, [], 0
    for number, line in enumerate(source.body.splitlines(), start=source.body_start):
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        if section != "Step by step":
            continue
        step = STEP.match(line)
        if not step:
            continue
        steps += 1
        timing = STEP_TIME.search(step.group(2))
        if not timing:
            untimed.append((number, step.group(1)))
            continue
        unit = 60 if timing.group(3).startswith("hour") else 1
        low += int(timing.group(1)) * unit
        high += int(timing.group(2) or timing.group(1)) * unit
    path, where = source.path, source.line_of("time")
    problems = [Problem(path, number, "Step by step",
                        f"step {n} has no timing in its bold lead: write it as \"{n}. **What to do (10 minutes).**\" "
                        f"so that the steps add up to the card's time.") for number, n in untimed]
    if problems or not steps:
        return problems
    card = f"{data.time.min} to {data.time.max} {data.time.unit}"
    total = _minutes_text(low) if low == high else f"{_minutes_text(low)} to {_minutes_text(high)}"
    if abs(low - card_min) > STEP_TOLERANCE:
        problems.append(Problem(path, where, "time.min",
                                f"the steps under \"Step by step\" add up to {total}, but the card's shortest time is "
                                f"{_minutes_text(card_min)} ({card}). Make the card's shortest time the steps' total "
                                f"(within {STEP_TOLERANCE} minutes), for example time: {{min: {low}, max: "
                                f"{max(card_max, high)}, unit: minutes}}, or change the step timings."))
    if high > card_max:
        problems.append(Problem(path, where, "time.max",
                                f"the steps under \"Step by step\" add up to {total}, more than the card's longest "
                                f"time, {_minutes_text(card_max)} ({card}). Raise time.max or shorten the steps."))
    return problems
