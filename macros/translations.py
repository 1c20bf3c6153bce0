"""Translations: a page in another language, kept beside its English original.

`docs/methods/journey-mapping.cy.md` is the Welsh for `docs/methods/journey-mapping.md`. A
translation holds only what it translates: the text fields of the card (or a chapter's title and
description), the body, and a `translation` block with its status and the revision of the
English it was made from. Everything else (phases, time, people, related methods…) lives once, in
the English file, and the other language's page takes it from there.

We keep translations beside their originals, not in a second docs tree, so that a translator
sees both files side by side in GitHub's web editor and a renamed page cannot leave its
translation behind unnoticed (a translation without an original stops the build).

The Welsh site is built from the same docs/ with mkdocs.cy.yml: the MkDocs hook
(overrides/hooks/handbook.py) asks `page_source` for each page's Welsh front matter and body. A
page with no translation gets the English text, which the macros mark as English (macros/pages.py).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, allowed_list, did_you_mean
from .frontmatter import Source, parse

# The original language first. Adding a language: its code here, its labels and vocabulary
# words, and an mkdocs.<code>.yml beside mkdocs.yml.
LANGUAGES = ("en", "cy")
ORIGINAL = LANGUAGES[0]
NAMES = {"en": "English", "cy": "Cymraeg"}
STATUSES = ("draft", "reviewed")
# What a translation may hold, per kind of page; everything else stays in the English file.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "method": ("title", "summary", "why", "aliases", "materials", "outputs", "steps"),
    "tool": ("title", "summary", "aliases", "axes", "stages", "worksheet"),
    "mindset": ("title", "summary"),
    "chapter": ("title", "description"),
}
# Text fields a page may leave out (or leave empty). A translation of a page that has one must
# translate it too; an English page without one keeps the revision it had before the field existed.
OPTIONAL_TEXT = ("aliases", "axes", "stages")
# Lists a translation must match item for item (a step left out would silently vanish).
MATCHING_LISTS = ("materials", "outputs", "steps", "stages", "worksheet")
# A worksheet box's words; its `lines`, `quadrant` and `span` stay in the English file, as do the
# worksheet's `layout`, `columns` and `flow`. A grid's `axes` are translated whole (label, low, high).
BOX_TEXT = ("heading", "prompt")
FILE_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


def translation_uri(src_uri: str, lang: str) -> str:
    """`methods/interviews.md` -> `methods/interviews.cy.md`."""
    return f"{src_uri[:-3]}.{lang}.md"


def kind_of(src_uri: str) -> str:
    """The kind of an English page from its path in docs/: method, tool, mindset or chapter."""
    from .schema import FOLDERS

    folder, _, name = src_uri.partition("/")
    return next((kind for kind, f in FOLDERS.items() if folder == f and name and name != "index.md"), "chapter")


def is_translation(path: str | Path) -> bool:
    """Whether a file under docs/ is a translation (its name ends in .<language>.md)."""
    match = FILE_NAME.match(Path(path).name)
    return bool(match and match.group("lang") in LANGUAGES[1:])


def revision(kind: str, source: Source) -> str:
    """A short fingerprint of the English words a translation must follow: the text fields and
    the body. Changing a non-text field (the time, the related methods) leaves it unchanged, so
    only a change to the words marks translations out of date."""
    text = {}
    for name in TEXT_FIELDS[kind]:
        value = source.meta.get(name)
        if not value and name in OPTIONAL_TEXT:  # absent or empty: as before the field existed
            continue
        if name == "worksheet" and isinstance(value, list):
            value = [{k: box.get(k) for k in BOX_TEXT} if isinstance(box, dict) else box for box in value]
        text[name] = value
    payload = json.dumps(text, sort_keys=True, ensure_ascii=False) + "\n" + source.body.strip()
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:8]


@dataclass
class Translation:
    src_uri: str  # the English page, as MkDocs names it (methods/interviews.md)
    lang: str
    kind: str  # method, tool, mindset or chapter
    source: Source  # the translation file (its path is relative to the project root)
    status: str
    revision: str  # the English revision it was made from
    current: str  # the English revision now

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> dict:
        return {k: v for k, v in self.source.meta.items() if k != "translation"}

    @property
    def has_body(self) -> bool:
        return bool(self.source.body.strip())

    @property
    def out_of_date(self) -> bool:
        return self.revision != self.current

    @property
    def state(self) -> str:
        """missing is the absence of a Translation; otherwise out-of-date, draft or reviewed."""
        return "out-of-date" if self.out_of_date else self.status


def merge(kind: str, english: dict, text: dict) -> dict:
    """The translated page's front matter: the English fields with the translated words."""
    meta = dict(english)
    for name, value in text.items():
        if name == "worksheet" and isinstance(value, list) and isinstance(english.get(name), list):
            value = [{**en, **cy} if isinstance(en, dict) and isinstance(cy, dict) else cy
                     for en, cy in zip(english[name], value)]
        meta[name] = value
    return meta


def page_source(kind: str, english: Source, translation: Translation | None) -> tuple[dict, str]:
    """A page's front matter and body in the translation's language (or in English, with no
    translation): the English fields with the translated words, then the translated body, or the
    English body when there is none (the macros mark it as English)."""
    meta, body = english.meta, english.body
    if translation is not None:
        meta = merge(kind, english.meta, translation.text)
        if translation.has_body:
            body = translation.source.body
    return copy.deepcopy(meta), body  # MkDocs and plugins add to a page's meta: never to ours


def check(kind: str, source: Source, english: Source, lang: str, english_path: str) -> tuple[str, str, list[Problem]]:
    """The translation-only rules: which fields it may hold, the translation block, matching
    lists. Returns (status, revision, problems). The merged card is validated by the loader."""
    problems: list[Problem] = []
    path = source.path
    allowed = list(TEXT_FIELDS[kind]) + ["translation"]

    def problem(name: str, message: str) -> None:
        problems.append(Problem(path, source.line_of(name), name, message))

    for name in source.meta:
        if name in allowed:
            continue
        if name in english.meta or name in ("hide", "template", "search"):
            problem(str(name), f"must not be repeated in a translation: it lives once, in {english_path}, "
                    f"and the {NAMES.get(lang, lang)} page takes it from there. Remove this line. "
                    f"{allowed_list(allowed)}")
        else:
            problem(str(name), f"unknown field.{did_you_mean(str(name), allowed)} {allowed_list(allowed)}")
    for name in TEXT_FIELDS[kind]:
        if name in OPTIONAL_TEXT and not english.meta.get(name):
            continue  # an optional field the English leaves empty has nothing to translate
        if name in english.meta and name not in source.meta:
            problem(name, f"this field is missing: translate the {name} of {english_path}.")
    for name in MATCHING_LISTS:
        mine, theirs = source.meta.get(name), english.meta.get(name)
        if isinstance(mine, list) and isinstance(theirs, list) and len(mine) != len(theirs):
            problem(name, f"has {len(mine)} items but {english_path} has {len(theirs)}: translate each one, "
                    "in the same order.")
    worksheet = source.meta.get("worksheet")
    if isinstance(worksheet, list):
        for number, box in enumerate(worksheet, start=1):
            extra = sorted(set(box) - set(BOX_TEXT)) if isinstance(box, dict) else []
            for key in extra:
                problem("worksheet", f"(box {number}) {key}: must not be repeated in a translation: it "
                        f"lives once, in {english_path}. A translated box holds only heading and prompt.")
    block = source.meta.get("translation")
    status, rev = "draft", ""
    if not isinstance(block, dict):
        problem("translation", "is missing or not a group of fields. Add, at the end of the front matter:\n"
                "    translation:\n      status: draft\n      revision: (the English revision shown on the "
                "translation status page)")
        return status, rev, problems
    for key in block:
        if key not in ("status", "revision"):
            problems.append(Problem(path, source.line_of("translation"), f"translation.{key}",
                                    f"unknown field.{did_you_mean(str(key), ['status', 'revision'])} "
                                    f"{allowed_list(['status', 'revision'])}"))
    status = block.get("status")
    if status not in STATUSES:
        problems.append(Problem(path, source.line_of("translation"), "translation.status",
                                f'is "{status}".{did_you_mean(str(status), list(STATUSES))} {allowed_list(list(STATUSES))}: '
                                "draft until a fluent speaker has reviewed it, then reviewed."))
        status = "draft"
    rev = block.get("revision")
    if not isinstance(rev, str) or not re.fullmatch(r"[0-9a-f]{8}", rev):
        problems.append(Problem(path, source.line_of("translation"), "translation.revision",
                                f"must be the 8-character revision of the English text, in quotes, such as "
                                f'"{revision(kind if kind in TEXT_FIELDS else "chapter", english)}" (the translation status page '
                                f"lists each page's current revision; `python -m macros stamp {path}` writes it)."))
        rev = ""
    if kind == "chapter" and not source.body.strip():
        problems.append(Problem(path, source.body_start, "", f"the page has no text: translate the body of {english_path}."))
    return status, rev, problems


def find(docs_dir: Path, lang: str) -> list[Path]:
    """Every translation file of a language under docs_dir."""
    return sorted(p for p in docs_dir.rglob(f"*.{lang}.md") if FILE_NAME.match(p.name))


def read(file: Path, root: Path) -> tuple[Source | None, list[Problem]]:
    return parse(file.read_text(encoding="utf-8"), file.relative_to(root).as_posix())
