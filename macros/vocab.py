"""Controlled vocabularies and interface labels, with their words per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


def _pick(words: dict[str, str], lang: str) -> str:
    """The text in `lang`. Every word has every language: check_words stops the build otherwise,
    so a missing translation is never shown in English in its place."""
    return words[lang]


@dataclass(frozen=True)
class Term:
    key: str
    label: dict[str, str]
    description: dict[str, str]
    extra: dict

    def text(self, lang: str) -> str:
        return _pick(self.label, lang)

    def describe(self, lang: str) -> str:
        return _pick(self.description, lang)


class Vocabularies:
    def __init__(self, data: dict[str, list[dict]]):
        self._terms: dict[str, dict[str, Term]] = {}
        for name, values in data.items():
            terms = {}
            for value in values:
                value = dict(value)
                key = value.pop("key")
                terms[key] = Term(key, value.pop("label"), value.pop("description"), value)
            self._terms[name] = terms

    def names(self) -> list[str]:
        return list(self._terms)

    def keys(self, name: str) -> list[str]:
        return list(self._terms[name])

    def term(self, name: str, key: str) -> Term:
        return self._terms[name][key]

    def terms(self, name: str) -> list[Term]:
        return list(self._terms[name].values())

    def position(self, name: str, key: str) -> int:
        """A value's place in its vocabulary (phases are in journey order)."""
        return self.keys(name).index(key)


class Labels:
    def __init__(self, data: dict, lines: dict[str, int] | None = None):
        self._data = data
        self.lines = lines or {}  # the line of each key in labels.yml, for messages

    def get(self, key: str, lang: str, **values) -> str:
        return _pick(self._data[key], lang).format(**values)

    def required_headings(self, kind: str, lang: str) -> list[str]:
        return _pick(self._data["required_headings"][kind], lang)


def _read(path: Path, lines: dict[str, int] | None = None):
    """A data file, or a ContentError naming the file and line (no traceback for a typo).
    With `lines`, records the line of every key and list item in it (frontmatter's dotted names)."""
    from .errors import ContentError, Problem
    from .frontmatter import LOADER, _node_lines

    loader = LOADER(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError([Problem(
            f"macros/{path.name}", mark.line + 1 if mark else None, "",
            f"not valid YAML: {getattr(error, 'problem', error)}. Put text that contains ': ', '?' "
            "or starts with a quote, [ or { in double quotes.",
        )]) from None
    finally:
        loader.dispose()
    if lines is not None and node is not None:
        _node_lines(node, "", lines)
        for key in lines:  # _node_lines counts for front matter (+2); a whole file starts at line 1
            lines[key] -= 1
    return data


def load_words(languages: tuple[str, ...]) -> tuple["Vocabularies", "Labels", list]:
    """The vocabularies and labels, each file read once, and the problems check_words finds."""
    found, problems = {}, []
    for name in ("vocabularies", "labels"):
        path, lines = HERE / f"{name}.yml", {}
        found[name] = _read(path, lines)
        problems += check_words(name, path, found[name], lines, languages)
    return Vocabularies(found["vocabularies"]), Labels(found["labels"]), problems


def check_words(name: str, path: Path, data: dict, lines: dict[str, int], languages: tuple[str, ...]) -> list:
    """Every interface label and vocabulary word in every language: one missing stops the build,
    naming the file, the line, the key and the language, instead of showing English in its place."""
    from .errors import Problem

    problems = []

    def need(words, where: str) -> None:
        if not isinstance(words, dict):
            problems.append(Problem(f"macros/{path.name}", lines.get(where), where,
                                    f"must give the words per language, as {{{', '.join(f'{c}: …' for c in languages)}}}."))
            return
        for code in languages:
            if not str(words.get(code) or "").strip():
                problems.append(Problem(f"macros/{path.name}", lines.get(where), where,
                                        f"has no {code} text. Add `{code}: …` beside the others "
                                        f"(every language needs every word: {', '.join(languages)})."))

    if name == "labels":
        for key, words in data.items():
            if key == "required_headings":
                for kind, headings in words.items():
                    need(headings, f"required_headings.{kind}")
            else:
                need(words, key)
    else:
        for vocab, terms in data.items():
            for index, term in enumerate(terms):
                for part in ("label", "description", "singular"):
                    if part in term:
                        need(term[part], f"{vocab}.{index}.{part}")
    return problems


def load_vocabularies(path: Path = HERE / "vocabularies.yml") -> Vocabularies:
    return Vocabularies(_read(path))


def load_labels(path: Path = HERE / "labels.yml") -> Labels:
    return Labels(_read(path))


def load_terminology(path: Path = HERE / "terminology.yml") -> list[dict]:
    """The handbook's English-Welsh terms: a list of {en, cy, note}."""
    return _read(path)
