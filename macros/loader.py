"""Load every mindset, method and tool from docs/, validate them all, and return the catalogue.

Validation runs once, over every file, before any page is built. All problems are
collected and raised together in one ContentError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import checks, translations
from .errors import ContentError, Problem, allowed_list, did_you_mean
from .frontmatter import Source, parse
from .translations import LANGUAGES, ORIGINAL, Translation
from .schema import FOLDERS, KINDS, Item
from .vocab import Labels, Vocabularies, load_terminology, load_words


@dataclass
class Entry:
    kind: str
    slug: str
    data: Item | None  # None only while loading, for a file whose card is not valid
    source: Source

    @property
    def src_path(self) -> str:
        """The page's path inside docs/, as MkDocs names it."""
        return f"{FOLDERS[self.kind]}/{self.slug}.md"


class Catalogue:
    """Every item of the handbook, with the lookups that pages and indexes need."""

    def __init__(self, entries: list[Entry], vocab: Vocabularies, labels: Labels, lang: str = ORIGINAL,
                 originals: dict[str, tuple[str, Source]] | None = None,
                 translated: dict[str, dict[str, Translation]] | None = None,
                 terminology: list[dict] | None = None):
        self.vocab = vocab
        self.labels = labels
        self.terminology = terminology or []  # English-Welsh terms, for translators
        self.lang = lang  # the language of this build: the items' words are in it
        # Every page in English (docs/ path -> its kind and source), and each language's translations.
        self.originals = originals or {}
        self.translated = translated or {code: {} for code in LANGUAGES[1:]}
        self._by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
        for entry in entries:
            self._by_kind[entry.kind][entry.slug] = entry
        self._sorted: dict[str, tuple[Entry, ...]] = {}

    def get(self, kind: str, slug: str) -> Entry:
        return self._by_kind[kind][slug]

    def items(self, kind: str) -> list[Entry]:
        """Items sorted by title, except methods: in journey order (main phase), then by title.
        Sorted once (a catalogue does not change once loaded): every card's neighbours and
        reverse lists ask for them, which cost a tenth of the pages' time with 200 methods."""
        if kind not in self._sorted:
            entries = list(self._by_kind[kind].values())
            if kind == "method":
                entries.sort(key=lambda e: (self.vocab.position("phases", e.data.phases[0]), e.data.title))
            else:
                entries.sort(key=lambda e: e.data.title.lower())
            self._sorted[kind] = tuple(entries)
        return list(self._sorted[kind])

    def by_src_path(self, src_path: str) -> Entry | None:
        folder, _, name = src_path.replace("\\", "/").partition("/")
        for kind, kind_folder in FOLDERS.items():
            if folder == kind_folder and name.endswith(".md"):
                return self._by_kind[kind].get(name[:-3])
        return None

    def translation(self, src_uri: str, lang: str | None = None) -> Translation | None:
        """The page's translation into `lang` (default: this build's language), if there is one."""
        return self.translated.get(lang or self.lang, {}).get(src_uri)

    def page_source(self, src_uri: str) -> tuple[dict, str] | None:
        """The page's front matter and body in this build's language, as read and checked by the
        loader (None for a page the loader does not know)."""
        if src_uri not in self.originals:
            return None
        kind, english = self.originals[src_uri]
        return translations.page_source(kind, english, self.translation(src_uri) if self.lang != ORIGINAL else None)

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
        if "_by_phase" not in self.__dict__:  # each phase's methods (by main phase), in order: once
            self._by_phase = [[e for e in self.items("method") if place(e) == p] for p in range(len(phases))]
        by_phase = self._by_phase  # (no method is in a phase other than its own here: it is not itself)
        if not before:
            before = next((by_phase[p] for p in range(here - 1, -1, -1) if by_phase[p]), [])
        if not after:
            after = next((by_phase[p] for p in range(here + 1, len(phases)) if by_phase[p]), same)
        return list(before[:limit]), list(after[:limit])

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
    "bool_type": "true or false",
}


def translate(error: dict, model: type[BaseModel], source: Source) -> Problem:
    """Turn one pydantic error into a sentence a contributor can act on."""
    loc = tuple(error["loc"])
    name = _field_name(loc)
    # The line of the exact value (the wrong item of a list), not only of its field.
    line = source.line_of(".".join(str(part) for part in loc)) if loc else None
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
    elif kind == "layout":  # a worksheet layout's rule (schema.layout_problems): already a sentence
        message = error["msg"]
    elif kind == "literal_error":  # one of a fixed list of words, such as a layout or a quadrant
        choices = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        message = f'"{given}" is not allowed.{did_you_mean(str(given), choices)} {allowed_list(choices)}'
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
MACROS = ("method_index", "mindset_index", "tool_index", "journey", "journey_map", "vocabulary_table", "fields_table",
          "start_guide", "session_planner", "terminology_table", "translation_status", "translation_counts",
          "review_progress", "contributors")
# The macros whose output is a block (a list, a table, a picture, a form): each must stand on a
# line of its own (macros/held.py keeps their HTML out of Markdown's way as a paragraph).
BLOCK_MACROS = frozenset(MACROS) - {"review_progress", "translation_counts", "contributors"}
# The session planner's page: every card links to it.
PLANNER = "planner.md"
# Copy-me templates for contributors: kept in docs/ so they are easy to find, but not built.
TEMPLATES = "contribute/templates"
# Front matter a chapter page (anything that is not a mindset, method or tool) may have.
CHAPTER_FIELDS = ("title", "description", "hide", "template", "search")


def check_chapters(docs_dir: Path, root: Path, originals: dict | None = None) -> list[Problem]:
    """Chapter pages: a title in front matter, no unknown fields, and the same body checks as items."""
    problems = []
    item_folders = {docs_dir / folder for folder in FOLDERS.values()}
    for file in sorted(docs_dir.rglob("*.md")):
        if file.parent in item_folders and file.name != "index.md":
            continue
        if file.is_relative_to(docs_dir / TEMPLATES) or translations.is_translation(file):
            continue
        rel = file.relative_to(root).as_posix()
        source, found = parse(file.read_text(encoding="utf-8"), rel)
        problems += found
        if source is None:
            continue
        if originals is not None:
            originals[file.relative_to(docs_dir).as_posix()] = ("chapter", source)
        if not isinstance(source.meta.get("title"), str) or not source.meta["title"].strip():
            problems.append(Problem(rel, source.line_of("title") or 2, "title",
                                    "every page needs a title: add a line 'title: …' to the front matter."))
        for key in source.meta:
            if key not in CHAPTER_FIELDS:
                problems.append(Problem(rel, source.line_of(key), str(key),
                                        f"unknown field.{did_you_mean(str(key), list(CHAPTER_FIELDS))} "
                                        f"{allowed_list(list(CHAPTER_FIELDS))}"))
        problems += checks.check_body(source, root, set(MACROS), BLOCK_MACROS)
    return problems


@dataclass
class Content:
    """Every page read and checked once: the English items, every page's English source, and each
    language's translations. `catalogue(lang)` gives one language's view of it."""
    entries: list[Entry]
    vocab: Vocabularies
    labels: Labels
    originals: dict[str, tuple[str, Source]]
    translated: dict[str, dict[str, Translation]]
    terminology: list[dict]  # macros/terminology.yml, read once

    def catalogue(self, lang: str = ORIGINAL) -> Catalogue:
        """The catalogue of one language: its cards carry the translated words where there are some."""
        entries = self.entries
        if lang != ORIGINAL:
            entries = []
            for entry in self.entries:
                done = self.translated.get(lang, {}).get(entry.src_path)
                data = entry.data
                if done is not None:
                    data = KINDS[entry.kind].model_validate(translations.merge(entry.kind, entry.source.meta, done.text))
                entries.append(Entry(entry.kind, entry.slug, data, entry.source))
        return Catalogue(entries, self.vocab, self.labels, lang, self.originals, self.translated, self.terminology)


def load(docs_dir: Path, root: Path | None = None, lang: str = "en") -> Catalogue:
    """Read and check every page under docs_dir; one language's catalogue. Raises ContentError
    listing all problems."""
    return read_content(docs_dir, root).catalogue(lang)


def read_content(docs_dir: Path, root: Path | None = None) -> Content:
    """Read and check every page under docs_dir, in every language, once. Raises ContentError
    listing all problems."""
    docs_dir = Path(docs_dir)
    root = Path(root) if root else docs_dir.parent
    vocab, labels, word_problems = load_words(LANGUAGES)
    problems: list[Problem] = []
    entries: list[Entry] = []
    unchecked: list[Entry] = []  # files whose card is not valid (their data is None)
    originals: dict[str, tuple[str, Source]] = {}
    invalid: dict[str, set[str]] = {}  # each English item's fields with a problem of their own
    slugs: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, folder in FOLDERS.items():
        for file in sorted((docs_dir / folder).glob("*.md")):
            if file.name == "index.md" or translations.is_translation(file):
                continue
            rel = file.relative_to(root).as_posix()
            slugs[kind].add(file.stem)
            source, found = parse(file.read_text(encoding="utf-8"), rel)
            problems += found
            if source is None:
                continue
            problems += checks.check_slug(file.stem, rel)
            problems += checks.check_sections(kind, source, labels, ORIGINAL)
            problems += checks.check_body(source, root, set(MACROS), BLOCK_MACROS)
            data, found = validate_source(kind, source)
            problems += found
            originals[f"{folder}/{file.name}"] = (kind, source)
            invalid[f"{folder}/{file.name}"] = {p.field for p in found}
            # A file with problems still gets the checks that read its fields one by one
            # (vocabularies, references), so that one build lists every mistake in it.
            (entries if data is not None else unchecked).append(Entry(kind, file.stem, data, source))
    shape = {entry.source.path: invalid[entry.src_path] for entry in entries + unchecked}
    problems += checks.check_catalogue(entries + unchecked, vocab, slugs, shape)
    for entry in entries:
        problems += checks.check_step_times(entry, vocab)
    problems += word_problems  # every label and vocabulary word in every language
    problems += check_chapters(docs_dir, root, originals)
    translated: dict[str, dict[str, Translation]] = {}
    for code in LANGUAGES[1:]:
        translated[code], found = load_translations(docs_dir, root, code, originals, invalid, labels)
        problems += found
    if problems:
        raise ContentError(problems)
    return Content(entries, vocab, labels, originals, translated, load_terminology())


def load_translations(docs_dir: Path, root: Path, lang: str, originals: dict[str, tuple[str, Source]],
                      invalid: dict[str, set[str]], labels: Labels) -> tuple[dict[str, Translation], list[Problem]]:
    """Read and check every translation into `lang`: what it may hold, that its original exists,
    and that the card it makes (English fields with translated words) is valid. `invalid` holds,
    for each English item, the fields its own check found a problem with."""
    found: dict[str, Translation] = {}
    problems: list[Problem] = []
    for file in translations.find(docs_dir, lang):
        if file.is_relative_to(docs_dir / TEMPLATES):
            continue
        rel = file.relative_to(root).as_posix()
        src_uri = file.relative_to(docs_dir).as_posix()[: -len(f".{lang}.md")] + ".md"
        if src_uri not in originals and (docs_dir / src_uri).is_file():
            continue  # the English page could not be read: its own problem is reported
        if src_uri not in originals:
            guess = did_you_mean(src_uri, list(originals))
            problems.append(Problem(rel, None, "", f"a translation without an original: docs/{src_uri} does not "
                                    f"exist.{guess} Name a translation after its English page (page.md -> "
                                    f"page.{lang}.md), or remove it."))
            continue
        source, errors = translations.read(file, root)
        problems += errors
        if source is None:
            continue
        kind, english = originals[src_uri]
        english_path = f"docs/{src_uri}"
        status, rev, errors = translations.check(kind, source, english, lang, english_path)
        problems += errors
        if kind != "chapter":
            merged = translations.merge(kind, english.meta, {k: v for k, v in source.meta.items() if k in translations.TEXT_FIELDS[kind]})
            _, errors = validate_source(kind, Source(rel, merged, source.body, source.body_start, source.lines))
            # Only the translated words can be wrong here: the English file's own problems are reported for it.
            # (A list whose length differs from the English's is reported once, above.)
            counted = {p.field for p in problems if p.path == rel and "items but" in p.message}
            counted |= invalid.get(src_uri, set())  # the English file's own
            problems += [p for p in errors if p.field.split(".")[0].split(" ")[0] in translations.TEXT_FIELDS[kind]
                         and p.field not in counted]
            if source.body.strip():
                problems += checks.check_sections(kind, source, labels, lang)
        problems += checks.check_body(source, root, set(MACROS), BLOCK_MACROS)
        found[src_uri] = Translation(src_uri, lang, kind, source, status, rev, translations.revision(kind, english))
    return found, problems
