"""Read a markdown file's YAML front matter, keeping the line of every top-level key.

MkDocs reads front matter too, but on a YAML error it quietly treats the page as
having none. We parse it ourselves first so that the mistake stops the build
with the line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Problem

# The same pattern MkDocs uses (mkdocs.utils.meta), so both agree on where front matter ends.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class Source:
    path: str  # relative to the project root, for messages
    meta: dict
    body: str
    body_start: int  # line number of the body's first line
    # The line of every value: "phases" (the key), "phases.1" (its second item), "time.unit",
    # "worksheet.0.heading". Lists count from 0 here, as pydantic's error locations do.
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, dotted_field: str) -> int | None:
        """The line of a field as messages name it ("phases (item 2)", "time.unit",
        "worksheet (item 1).heading"), or of the nearest enclosing field that has one."""
        path = re.sub(r"\s*\(item (\d+)\)", lambda m: f".{int(m.group(1)) - 1}", dotted_field)
        parts = [p for p in re.split(r"[.\[\]]+", path) if p]
        while parts:
            line = self.lines.get(".".join(parts))
            if line is not None:
                return line
            parts.pop()
        return None


def _node_lines(node, prefix: str, lines: dict[str, int]) -> None:
    """Record the line of every mapping key and list item below `node` (+2: the opening '---',
    and lines counting from 1)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            lines.setdefault(name, key_node.start_mark.line + 2)
            _node_lines(value_node, name + ".", lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}{index}"
            lines.setdefault(name, item.start_mark.line + 2)
            _node_lines(item, name + ".", lines)


# libyaml's C loader when PyYAML was built with it (the wheels are): several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(raw: str):
    """Parse once: the node tree (for line numbers) and the values built from that same tree."""
    loader = LOADER(raw)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [
            Problem(path, 1, "", "the file must start with front matter: a line '---', the fields, then '---'.")
        ]
    raw = match.group(1)
    body = text[match.end():]
    body_start = raw.count("\n") + 3
    try:
        node, meta = _load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None  # +1 for the opening '---', +1 as lines count from 1
        problem = getattr(error, "problem", None) or str(error)
        hint = (
            " Check the indentation, that each field is 'name: value', and put a value that "
            "contains ': ' or starts with a quote, '[' or '{' in double quotes."
        )
        return None, [Problem(path, line, "", f"the front matter is not valid YAML: {problem}.{hint}")]
    if not isinstance(meta, dict):
        return None, [Problem(path, 2, "", "the front matter must be a list of 'field: value' lines.")]
    lines: dict[str, int] = {}
    _node_lines(node, "", lines)
    return Source(path, meta, body, body_start, lines), []
