"""Load every mindset, method and tool from docs/, validate them all, and return the catalogue.

Validation runs once, over every file, before any page is built. All problems are
collected and raised together in one ContentError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import checks
from .errors import ContentError, Problem, allowed_list, did_you_mean
from .frontmatter import Source, parse
from .schema import FOLDERS, KINDS, Item
from .vocab import Labels, Vocabularies, load_labels, load_vocabularies


@dataclass
class Entry:
    kind: str
    slug: str
    data: Item
    source: Source

    @property
    def src_path(self) -> str:
        """The page's path inside docs/, as MkDocs names it."""
        return f"{FOLDERS[self.kind]}/{self.slug}.md"


class Catalogue:
    """Every item of the handbook, with the lookups that pages and indexes need."""

    def __init__(self, entries: list[Entry], vocab: Vocabularies, labels: Labels):
        self.vocab = vocab
        self.labels = labels
        self._by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
        for entry in entries:
            self._by_kind[entry.kind][entry.slug] = entry

    def get(self, kind: str, slug: str) -> Entry:
        return self._by_kind[kind][slug]

    def items(self, kind: str) -> list[Entry]:
        """Items sorted by title, except methods: in journey order (main phase), then by title."""
        entries = list(self._by_kind[kind].values())
        if kind == "method":
            return sorted(entries, key=lambda e: (self.vocab.position("phases", e.data.phases[0]), e.data.title))
        return sorted(entries, key=lambda e: e.data.title.lower())

    def by_src_path(self, src_path: str) -> Entry | None:
        folder, _, name = src_path.replace("\\", "/").partition("/")
        for kind, kind_folder in FOLDERS.items():
            if folder == kind_folder and name.endswith(".md"):
                return self._by_kind[kind].get(name[:-3])
        return None

    def methods_using(self, field: str, slug: str) -> list[Entry]:
        """Methods whose `field` (mindsets, tools, related) names `slug`: the reverse lists."""
        return [e for e in self.items("method") if slug in getattr(e.data, field)]

    def neighbours(self, entry: Entry, limit: int = 3) -> tuple[list[Entry], list[Entry]]:
        """Methods to use before and after this one, for walking the journey.

        Related methods whose main phase comes earlier (before) or later (after), or in the
        same phase; when a side has none, the methods of the nearest phase on that side."""
        phases = self.vocab.keys("phases")

        def place(e: Entry) -> int:
            return phases.index(e.data.phases[0])

        here = place(entry)
        related = [self.get("method", s) for s in entry.data.related]
        before = [e for e in related if place(e) < here]
        after = [e for e in related if place(e) > here]
        same = [e for e in related if place(e) == here]
        methods = [e for e in self.items("method") if e.slug != entry.slug]
        if not before:
            before = next(([e for e in methods if place(e) == p] for p in range(here - 1, -1, -1)
                           if any(place(e) == p for e in methods)), [])
        if not after:
            after = next(([e for e in methods if place(e) == p] for p in range(here + 1, len(phases))
                          if any(place(e) == p for e in methods)), same)
        return before[:limit], after[:limit]

    def methods_in_phase(self, phase: str, main_only: bool = False) -> list[Entry]:
        methods = self.items("method")
        if main_only:
            return [e for e in methods if e.data.phases[0] == phase]
        return [e for e in methods if phase in e.data.phases]


def _field_name(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f" (item {part + 1})")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model that owns the last part of `loc`, to list its allowed fields."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
    return model


def _describe(value) -> str:
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "nothing"
    return type(value).__name__


EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "list_type": "a list (one '- item' per line, or [a, b])",
    "model_type": "a group of fields (indented lines under it)",
    "model_attributes_type": "a group of fields (indented lines under it)",
    "dict_type": "a group of fields (indented lines under it)",
}


def translate(error: dict, model: type[BaseModel], source: Source) -> Problem:
    """Turn one pydantic error into a sentence a contributor can act on."""
    loc = tuple(error["loc"])
    name = _field_name(loc)
    line = source.line_of(str(loc[0])) if loc else None
    kind = error["type"]
    ctx = error.get("ctx", {})
    given = error.get("input")
    owner = _model_at(model, loc)
    allowed = list(owner.model_fields)
    if kind == "extra_forbidden":
        message = f"unknown field.{did_you_mean(str(loc[-1]), allowed)} {allowed_list(allowed)}"
    elif kind == "missing":
        description = owner.model_fields[str(loc[-1])].description or ""
        message = f"this required field is missing. Add it: {description}"
    elif kind in EXPECTED:
        message = f"must be {EXPECTED[kind]}, not {_describe(given)}."
    elif kind == "string_too_long":
        message = (
            f"is {len(given)} characters long; the limit is {ctx['max_length']}. "
            "Shorten it: cards have little room."
        )
    elif kind == "string_too_short":
        message = "is empty. Write some text, or remove the field if it is optional."
    elif kind == "string_pattern_mismatch":
        message = (
            f'"{given}" is not a valid slug: use the file name without ".md", '
            "in lower case with hyphens, like journey-mapping."
        )
    elif kind == "too_short":
        message = f"needs at least {ctx['min_length']} item(s), but has {ctx.get('actual_length', 0)}."
    elif kind == "too_long":
        message = f"can have at most {ctx['max_length']} items, but has {ctx.get('actual_length')}."
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"is {given}, but must be {'at least ' + str(ctx.get('ge')) if 'ge' in ctx else 'at most ' + str(ctx.get('le'))}."
    else:  # a rule we have not worded yet: still name the field and pydantic's reason.
        message = f"{error['msg']}."
    return Problem(source.path, line, name, message)


def validate_source(kind: str, source: Source) -> tuple[Item | None, list[Problem]]:
    model = KINDS[kind]
    try:
        return model.model_validate(source.meta), []
    except ValidationError as error:
        return None, [translate(e, model, source) for e in error.errors()]


# Macros an author may call in a page; anything else in {{ }} is reported as a mistake.
MACROS = ("method_index", "mindset_index", "tool_index", "journey", "vocabulary_table", "fields_table",
          "start_guide", "session_planner")
# The session planner's page: every card links to it.
PLANNER = "planner.md"
# Copy-me templates for contributors: kept in docs/ so they are easy to find, but not built.
TEMPLATES = "contribute/templates"
# Front matter a chapter page (anything that is not a mindset, method or tool) may have.
CHAPTER_FIELDS = ("title", "description", "hide", "template", "search")


def check_chapters(docs_dir: Path, root: Path) -> list[Problem]:
    """Chapter pages: a title in front matter, no unknown fields, and the same body checks as items."""
    problems = []
    item_folders = {docs_dir / folder for folder in FOLDERS.values()}
    for file in sorted(docs_dir.rglob("*.md")):
        if file.parent in item_folders and file.name != "index.md":
            continue
        if file.is_relative_to(docs_dir / TEMPLATES):
            continue
        rel = file.relative_to(root).as_posix()
        source, found = parse(file.read_text(encoding="utf-8"), rel)
        problems += found
        if source is None:
            continue
        if not isinstance(source.meta.get("title"), str) or not source.meta["title"].strip():
            problems.append(Problem(rel, source.line_of("title") or 2, "title",
                                    "every page needs a title: add a line 'title: …' to the front matter."))
        for key in source.meta:
            if key not in CHAPTER_FIELDS:
                problems.append(Problem(rel, source.line_of(key), str(key),
                                        f"unknown field.{did_you_mean(str(key), list(CHAPTER_FIELDS))} "
                                        f"{allowed_list(list(CHAPTER_FIELDS))}"))
        problems += checks.check_body(source, root, set(MACROS))
    return problems


def load(docs_dir: Path, root: Path | None = None, lang: str = "en") -> Catalogue:
    """Read and check every item file under docs_dir. Raises ContentError listing all problems."""
    docs_dir = Path(docs_dir)
    root = Path(root) if root else docs_dir.parent
    vocab, labels = load_vocabularies(), load_labels()
    problems: list[Problem] = []
    entries: list[Entry] = []
    slugs: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, folder in FOLDERS.items():
        for file in sorted((docs_dir / folder).glob("*.md")):
            if file.name == "index.md":
                continue
            rel = file.relative_to(root).as_posix()
            slugs[kind].add(file.stem)
            source, found = parse(file.read_text(encoding="utf-8"), rel)
            problems += found
            if source is None:
                continue
            problems += checks.check_slug(file.stem, rel)
            problems += checks.check_sections(kind, source, labels, lang)
            problems += checks.check_body(source, root, set(MACROS))
            data, found = validate_source(kind, source)
            problems += found
            if data is not None:
                entries.append(Entry(kind, file.stem, data, source))
    problems += checks.check_catalogue(entries, vocab, slugs)
    problems += check_chapters(docs_dir, root)
    if problems:
        raise ContentError(problems)
    return Catalogue(entries, vocab, labels)
