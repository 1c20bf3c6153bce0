"""Controlled vocabularies and interface labels, with their words per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


def _pick(words: dict[str, str], lang: str) -> str:
    """The text in `lang`, or the English text while a translation is missing."""
    return words.get(lang) or words[DEFAULT_LANGUAGE]


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
    def __init__(self, data: dict):
        self._data = data

    def get(self, key: str, lang: str, **values) -> str:
        return _pick(self._data[key], lang).format(**values)

    def required_headings(self, kind: str, lang: str) -> list[str]:
        return _pick(self._data["required_headings"][kind], lang)


def _read(path: Path) -> dict:
    """A data file, or a ContentError naming the file and line (no traceback for a typo)."""
    from .errors import ContentError, Problem

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError([Problem(
            f"macros/{path.name}", mark.line + 1 if mark else None, "",
            f"not valid YAML: {getattr(error, 'problem', error)}. Put text that contains ': ', '?' "
            "or starts with a quote, [ or { in double quotes.",
        )]) from None


def load_vocabularies(path: Path = HERE / "vocabularies.yml") -> Vocabularies:
    return Vocabularies(_read(path))


def load_labels(path: Path = HERE / "labels.yml") -> Labels:
    return Labels(_read(path))


def load_terminology(path: Path = HERE / "terminology.yml") -> list[dict]:
    """The handbook's English-Welsh terms: a list of {en, cy, note}."""
    return _read(path)
