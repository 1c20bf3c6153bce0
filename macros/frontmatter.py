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
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line

    def line_of(self, dotted_field: str) -> int | None:
        return self.lines.get(dotted_field.split(".")[0].split("[")[0])


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
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
        meta = yaml.safe_load(raw)
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
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2
    return Source(path, meta, body, body_start, lines), []
