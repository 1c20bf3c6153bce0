"""The Welsh text of the handbook, line by line, for the spelling, English-left-in and terminology
checks (tests/content/test_welsh.py).

We read words with Bangor University's hunspell dictionary `cy_GB`, as packaged in `cymraeg-mcp`
(installed without its server's dependencies: we use only its data), through `spylls`, a
pure-Python hunspell. Neither is a build dependency: only the tests need them.

Run it on files to see what the dictionary does not know, with line numbers:

    .venv/bin/python -m tests.content.welsh docs/methods/interviews.cy.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ALLOWED = Path(__file__).with_name("welsh-allowed.txt")

# Letters of Welsh spelling (accented vowels included); a word may hold internal hyphens and
# apostrophes ("Pen-y-bont", "i'r", "d'eisiau").
LETTERS = "A-Za-zÂâÊêÎîÔôÛûŴŵŶŷÄäËëÏïÖöÜüÁáÉéÍíÓóÚúÀàÈèÌìÒòÙù"
WORD = re.compile(rf"[{LETTERS}]+(?:['’-][{LETTERS}]+)*")
# What is not prose: fenced code, inline code, macro calls, heading anchors, HTML tags and
# comments, link and image targets, bare addresses, footnote and attribute lists.
FENCE = re.compile(r"^(```|~~~)")
STRIP = [  # (pattern, what it becomes)
    re.compile(r"`[^`]*`"),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),
    re.compile(r"\{\s*[#:.][^}]*\}"),
    re.compile(r"<!--.*?-->"),
    re.compile(r"<[^>]+>"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\]\[[^\]]*\]"),
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+"),
    re.compile(r"\b[\w-]+(\.[a-z]{2,})+(/\S*)?"),  # an address in the text: legislation.gov.uk, llyw.cymru
    re.compile(r"^\s*(!!!|\?\?\?\+?)\s*[\w-]+"),  # an admonition's type: !!! warning "Teitl"
    re.compile(r"\b\d+(\([a-z0-9]+\))+"),  # a section of an Act: 16(1)(b)
    re.compile(r"\((?:[a-z]{1,2}|[ivx]+)\)"),  # a list marker in a quoted section: (a), (b), (iv)
    re.compile(r"\b\d+(s|x\d+)\b"),  # "Crazy 8s", "2x2"
    re.compile(r"\b[\w-]+\.(md|html|pdf|svg|png|yml|yaml|py|zip|epub|json|txt)\b"),
]
LINK_TEXT = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


@dataclass(frozen=True)
class Line:
    path: str  # relative to the project root
    number: int
    text: str  # the prose on the line, markup removed
    section: str  # the anchor of the level-2 section it is in ("" before the first)
    field: str = ""  # a front matter field, or "" for the body


def prose(line: str) -> str:
    for pattern in STRIP:
        line = pattern.sub("]" if pattern.pattern.startswith(r"\]") else " ", line)
    return line


TEXT = ("title", "summary", "why", "aliases", "materials", "outputs", "steps", "worksheet", "description",
        "heading", "prompt")  # the fields that hold words (macros/translations.py TEXT_FIELDS)


def _field_lines(path: str, meta: dict, lines: dict[str, int], prefix: str = "") -> list[Line]:
    out = []
    for key, value in meta.items():
        name = f"{prefix}{key}"
        if key not in TEXT:
            continue
        if isinstance(value, str):
            out.append(Line(path, lines.get(name, 1), prose(value), "", name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    out.append(Line(path, lines.get(f"{name}.{i}", lines.get(name, 1)), prose(item), "", f"{name}.{i}"))
                elif isinstance(item, dict):
                    out += _field_lines(path, item, lines, f"{name}.{i}.")
    return out


def welsh_lines(file: Path) -> list[Line]:
    """Every line of Welsh prose in a .cy.md file: its front matter's text fields, then its body
    outside code. Link targets are left out; link texts stay (they are Welsh too)."""
    from macros.frontmatter import parse

    path = str(file.relative_to(ROOT)) if file.is_relative_to(ROOT) else str(file)
    source, problems = parse(file.read_text(encoding="utf-8"), path)
    if source is None:
        raise ValueError("; ".join(str(p) for p in problems))
    out = _field_lines(path, source.meta, source.lines)
    section, fenced = "", False
    for offset, raw in enumerate(source.body.splitlines()):
        number = source.body_start + offset
        if FENCE.match(raw.strip()):
            fenced = not fenced
            continue
        if fenced or raw.startswith("    ") and not raw.strip().startswith(("-", "*", "1", "!", "|")):
            continue
        heading = re.match(r"^##\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$", raw)
        if heading:  # the section's anchor: given, or made from the (English) heading
            section = heading.group(2) or re.sub(r"[^\w]+", "-", heading.group(1).lower()).strip("-")
        out.append(Line(path, number, prose(raw), section))
    return out


def word_list_lines(file: Path, lang: str = "cy") -> list[Line]:
    """The words of one language in a YAML word list (macros/labels.yml, macros/vocabularies.yml,
    macros/terminology.yml): every string under a `cy` key, with its line, placeholders
    ("{total}") left out."""
    path = str(file.relative_to(ROOT))
    out: list[Line] = []

    def walk(node, under_lang: bool) -> None:
        if isinstance(node, yaml.ScalarNode):
            if under_lang and isinstance(node.value, str):
                out.append(Line(path, node.start_mark.line + 1, prose(re.sub(r"\{\w+\}", " ", node.value)), "", lang))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, under_lang)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, under_lang or key.value == lang)

    walk(yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), False)
    return out


def english_source_titles(line: str) -> str:
    """A line with the titles of English sources (a link or an italic title marked "(Saesneg)")
    taken out: their titles are English on purpose."""
    return re.sub(r"(\[[^\]]*\](\([^)]*\))?|\*[^*]+\*)\s*\(Saesneg\)", " ", line)


@lru_cache(maxsize=1)
def dictionary():
    from cymraeg_mcp.paths import dictionary_base  # data only: the package's server is not imported
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(dictionary_base()))


@lru_cache(maxsize=1)
def allowed() -> frozenset[str]:
    words = set()
    for raw in ALLOWED.read_text(encoding="utf-8").splitlines():
        word = raw.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)


# A word's radical (unmutated) forms, for the allow-list, which lists radicals only: soft, nasal and
# aspirate mutations of the first letters (the same rules as the Welsh search, lunr.cy.min.js).
MUTATIONS = [("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("ch", "c"), ("ph", "p"), ("th", "t"),
             ("dd", "d"), ("g", "c"), ("b", "p"), ("d", "t"), ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"),
             ("m", "b"), ("n", "d")]


def radicals(word: str) -> set[str]:
    word = word.lower()
    forms = {word}
    for mutated, radical in MUTATIONS:
        if word.startswith(mutated) and not word.startswith(("ll", "rh", "ff")):
            forms.add(radical + word[len(mutated):])
    if re.match(r"[aeiouwyâêîôûŵŷ]", word):
        forms.add("g" + word)
    if re.match(r"h[aeiouwyâêîôûŵŷ]", word):  # h before a vowel: "a'u hapiau" from "apiau"
        forms.add(word[1:])
    return forms


@lru_cache(maxsize=None)
def dictionary_word(word: str) -> bool:
    """Whether the dictionary (or the allow-list) knows the word, in any case, or its radical."""
    word = word.replace("’", "'").strip("'-")
    d = dictionary()
    if d.lookup(word) or d.lookup(word.lower()):
        return True
    return any(form in allowed() for form in radicals(word))


@lru_cache(maxsize=None)
def known(word: str) -> bool:
    """Whether a word is Welsh by the dictionary or the project's allow-list. Capitalised words
    are names (of places, bodies, people, products) unless the dictionary knows them lower-cased;
    all-capital words are acronyms: both are left out."""
    word = word.replace("’", "'").strip("'-")
    if not word or word.isupper() or any(ch.isdigit() for ch in word):
        return True
    if dictionary_word(word):
        return True
    if "-" in word:
        return all(known(part) for part in word.split("-") if part)
    # a clitic: "i'r", "a'i", "mae'n", "gwasanaeth's" is not Welsh, but "tîm's" never occurs
    if "'" in word:
        head, _, tail = word.partition("'")
        return known(head) and (tail.lower() in {"r", "n", "i", "u", "w", "m", "th", "ch", "ni"} or known(tail))
    return word[:1].isupper()


# A gloss or a label quoted in English: "(affinity mapping)", "Commit changes" in quotes, *italics*.
ASIDE = re.compile(r'\(([^()]*)\)|"([^"]*)"|“([^”]*)”|(?<![*\w])\*([^*]+)\*(?![*\w])')


def without_english_asides(text: str) -> str:
    """The text with its English asides taken out: a bracketed, quoted or italic run of words none
    a third or more of which are not Welsh is a deliberate English term (the Welsh term comes first), so it is neither
    misspelt Welsh nor English left in."""
    def drop(match: re.Match) -> str:
        inner = next(g for g in match.groups() if g is not None)
        words = WORD.findall(inner)
        if words and sum(not dictionary_word(w) for w in words) * 3 >= len(words):
            return " "
        return match.group(0)
    return ASIDE.sub(drop, text)


# A name in title case with English joining words: "Improvement and Development Agency".
NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:and|of|for|the|on|in|to|&)\s+[A-Z][\w'’-]*)+")


def checked_text(line: Line) -> str:
    return NAME.sub(" ", without_english_asides(english_source_titles(line.text)))


def unknown_words(line: Line) -> list[str]:
    return [w for w in WORD.findall(checked_text(line)) if not known(w)]


# Words that are English and never Welsh: three in a sentence mark it as English left in a Welsh
# page. Words that are also Welsh ("a", "i", "to" (roof), "is" (lower), "can" (hundred), "on") are
# not listed.
ENGLISH = frozenset("""the and of are with for this that you your it be will not if when what how which who
from by they their them we our has have was were should would could into about more than there these
those only also each every any does its don't can't won't isn't need needs do""".split())
SENTENCE = re.compile(r"[^.!?;:]+")


def english_sentences(line: Line) -> list[str]:
    """The sentences of a Welsh line that are English: three or more English-only words, and
    two in five words or more unknown to the Welsh dictionary."""
    found = []
    for sentence in SENTENCE.findall(checked_text(line)):
        words = WORD.findall(sentence)
        english = [w for w in words if w.lower() in ENGLISH]
        if len(english) >= 3 and sum(not dictionary_word(w) for w in words) * 5 >= 2 * len(words):
            found.append(" ".join(sentence.split())[:100])
    return found


# Terminology (macros/terminology.yml). "dull(iau)" is "dull" and "dulliau"; "offeryn (offer)" is
# "offeryn" and "offer"; "profi; rhoi ar brawf" are two terms.
def term_forms(text: str) -> list[str]:
    forms = []
    for part in text.split(";"):
        part = part.strip()
        spaced = re.match(r"^(.*?)\s+\(([^)]*)\)$", part)
        if spaced:
            forms += [spaced.group(1), spaced.group(2)]
        elif re.search(r"\w\(\w+\)", part):
            forms += [re.sub(r"\((\w+)\)", "", part), re.sub(r"\((\w+)\)", r"\1", part)]
        else:
            forms.append(part)
    return [f.strip() for f in forms if f.strip()]


MUTATE = {"c": ["g", "ngh", "ch"], "p": ["b", "mh", "ph"], "t": ["d", "nh", "th"], "g": ["", "ng"],
          "b": ["f", "m"], "d": ["dd", "n"], "ll": ["l"], "m": ["f"], "rh": ["r"]}


def mutated(term: str) -> set[str]:
    """A Welsh term and its soft, nasal and aspirate mutations (and h- before a vowel)."""
    low = term[:1].lower() + term[1:]
    forms = {term, low}
    for radical in ("ll", "rh", "c", "p", "t", "g", "b", "d", "m"):
        if low.startswith(radical):
            forms |= {m + low[len(radical):] for m in MUTATE[radical]}
            break
    if re.match(r"[aeiouwyâêîôûŵŷ]", low):
        forms.add("h" + low)
    return {f for f in forms if f}


def checkable(entry: dict) -> bool:
    """Whether the presence of a term can be checked word for word: not a note in brackets
    ("to test (an idea)", "you (the reader)"), a verb, or a list of several terms."""
    en = entry["en"]
    return not (re.search(r"\s\(", en) or en.startswith("to ") or "/" in en or entry.get("check") is False)


def english_uses(text: str, entry: dict) -> bool:
    for form in term_forms(entry["en"]):
        if re.search(r"(?<![\w-])" + re.escape(form) + r"(s|es)?(?![\w-])", text, re.IGNORECASE):
            return True
    return False


def welsh_uses(text: str, entry: dict) -> bool:
    for form in term_forms(entry["cy"]) + list(entry.get("also", [])):
        for variant in mutated(form):
            if re.search(r"(?<![\w'’-])" + re.escape(variant), text, re.IGNORECASE):
                return True
    return False


def contains(text: str, wording: str) -> bool:
    """Whether a line holds a wording, as whole words, in any case."""
    return bool(re.search(r"(?<![\w'’-])" + re.escape(wording) + r"(?![\w'’-])", text, re.IGNORECASE))


def welsh_files() -> list[Path]:
    return sorted(DOCS.rglob("*.cy.md"))


def main(argv: list[str]) -> int:
    files = [Path(a).resolve() for a in argv] or welsh_files()
    count = 0
    for file in files:
        for line in welsh_lines(file):
            for word in unknown_words(line):
                count += 1
                where = f" ({line.field})" if line.field else ""
                print(f"{line.path}:{line.number}{where}: {word}")
    print(f"{count} word(s) not in the dictionary or the allow-list", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
