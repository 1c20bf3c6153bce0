"""The Welsh is Welsh: spelt as Bangor University's hunspell dictionary spells it, with no
English sentences left in, and with the terms of macros/terminology.yml (issue 18).

Each check runs over every Welsh page (docs/**/*.cy.md): its card fields and its body, outside
code, link addresses and the titles of English sources. A failure names the file, the line and
the word or sentence. The allow-list of words the dictionary lacks is
tests/content/welsh-allowed.txt; the rules for what is left out are in tests/content/welsh.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))
import welsh  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TERMS = yaml.safe_load((ROOT / "macros" / "terminology.yml").read_text(encoding="utf-8"))
FILES = welsh.welsh_files()


def english_of(file: Path) -> Path:
    return file.with_name(file.name.removesuffix(".cy.md") + ".md")


def has_body(file: Path) -> bool:
    return any(not line.field and line.text.strip() for line in welsh.welsh_lines(file))


def test_every_english_page_has_a_welsh_body():
    """No Welsh page shows an English body: every page is translated, card and body."""
    english = sorted(p for p in (ROOT / "docs").rglob("*.md")
                     if not p.name.endswith(".cy.md") and "templates" not in p.parts)
    missing = [str(p.relative_to(ROOT)) for p in english if not english_of_cy(p).is_file()]
    card_only = [str(p.relative_to(ROOT)) for p in FILES
                 if english_of(p).read_text(encoding="utf-8").split("---", 2)[2].strip() and not has_body(p)]
    assert not missing, f"no Welsh translation: {missing}"
    assert not card_only, f"Welsh card only, English body: {card_only}"


def english_of_cy(english: Path) -> Path:
    return english.with_name(english.name.removesuffix(".md") + ".cy.md")


def test_welsh_is_spelt_as_the_dictionary_spells_it():
    problems = [f"{line.path}:{line.number}{f' ({line.field})' if line.field else ''}: {word}"
                for file in FILES for line in welsh.welsh_lines(file) for word in welsh.unknown_words(line)]
    assert not problems, ("Words the Welsh dictionary (cy_GB) does not know. Fix the spelling, or, if the "
                          "word is right, add its radical form to tests/content/welsh-allowed.txt:\n"
                          + "\n".join(problems))


WORD_LISTS = [ROOT / "macros" / name for name in ("labels.yml", "vocabularies.yml", "terminology.yml")]


def test_the_interface_words_are_spelt_as_the_dictionary_spells_them():
    """The labels, vocabulary and term list in Welsh: every button, filter and heading."""
    problems = [f"{line.path}:{line.number}: {word}"
                for file in WORD_LISTS for line in welsh.word_list_lines(file) for word in welsh.unknown_words(line)]
    assert not problems, ("Welsh words the dictionary (cy_GB) does not know. Fix the spelling, or add the "
                          "word's radical to tests/content/welsh-allowed.txt:\n" + "\n".join(problems))


def test_no_english_sentence_is_left_in_a_welsh_page():
    problems = [f"{line.path}:{line.number}: {sentence}"
                for file in FILES for line in welsh.welsh_lines(file) for sentence in welsh.english_sentences(line)]
    assert not problems, "English left in Welsh pages (translate it):\n" + "\n".join(problems)


def test_no_welsh_page_uses_a_wording_the_term_list_rules_out():
    problems = []
    for file in FILES:
        for line in welsh.welsh_lines(file):
            for term in TERMS:
                for wrong in term.get("avoid", []):
                    if welsh.contains(line.text, wrong):
                        problems.append(f"{line.path}:{line.number}: {wrong!r} should be {term['cy']!r} "
                                        f"({term['en']}){': ' + term['note'] if term.get('note') else ''}")
    assert not problems, "\n".join(problems)


def test_each_term_an_english_page_uses_is_in_its_welsh_page():
    """Where the English page uses a term of the list (outside further reading), its Welsh page
    uses the list's Welsh term, in one of its forms or mutations, or a wording the list allows."""
    terms = [t for t in TERMS if welsh.checkable(t)]
    problems = []
    for file in FILES:
        if not has_body(file):
            continue
        english = " ".join(l.text for l in welsh.welsh_lines(english_of(file)) if l.section != "further-reading")
        text = " ".join(l.text for l in welsh.welsh_lines(file))
        for term in terms:
            if welsh.english_uses(english, term) and not welsh.welsh_uses(text, term):
                problems.append(f"{file.relative_to(ROOT)}: the English page says {term['en']!r}; the Welsh should "
                                f"say {term['cy']!r}" + (f" (or {', '.join(term['also'])})" if term.get("also") else ""))
    assert not problems, "Terms translated otherwise than macros/terminology.yml says:\n" + "\n".join(problems)


# The checks themselves: each finds what it is for, on a page written for the purpose.
PAGE = """---
title: Prawf
translation:
  status: draft
  revision: "0"
---

## Pryd i'w ddefnyddio {{ #when-to-use-it }}

{body}
"""


def page(tmp_path: Path, body: str) -> Path:
    file = tmp_path / "prawf.cy.md"
    file.write_text(PAGE.format(body=body), encoding="utf-8")
    return file


def test_the_spelling_check_finds_a_misspelling_with_its_line(tmp_path):
    lines = welsh.welsh_lines(page(tmp_path, "Mae'r tim yn gweithio gyda'r gymuned.\n\nMae'r cymunedd yn fach."))
    found = [(line.number, word) for line in lines for word in welsh.unknown_words(line)]
    assert found == [(10, "tim"), (12, "cymunedd")]  # the lines of the file


def test_the_spelling_check_leaves_out_code_links_names_and_english_titles(tmp_path):
    body = ("Gweler [y canllaw](https://www.gov.uk/service-manual/user-research) a `make check`.\n\n"
            "- [User research](https://www.gov.uk/x) (Saesneg), GOV.UK Service Manual: sut i gynllunio.\n\n"
            "Mae'r bwrdd cyfosod (synthesis board) yn barod, medd Cyngor Sir Powys a'r ICO.")
    lines = welsh.welsh_lines(page(tmp_path, body))
    assert [w for line in lines for w in welsh.unknown_words(line)] == []


def test_the_allow_list_accepts_mutated_forms_of_its_words(tmp_path):
    lines = welsh.welsh_lines(page(tmp_path, "Lluniwch bersona a'i bersonâu. Gellir argraffu."))
    assert [w for line in lines for w in welsh.unknown_words(line)] == []


def test_the_english_check_finds_an_english_sentence(tmp_path):
    body = "Mae'r cam hwn yn fyr. This is a step that you should do with the whole team."
    lines = welsh.welsh_lines(page(tmp_path, body))
    assert [s for line in lines for s in welsh.english_sentences(line)] == [
        "This is a step that you should do with the whole team"]


def test_the_term_check_knows_forms_and_mutations():
    pilot = {"en": "pilot", "cy": "cynllun peilot"}
    assert welsh.english_uses("Run a pilot first.", pilot) and welsh.english_uses("Two pilots.", pilot)
    assert welsh.welsh_uses("Cynhaliwch gynllun peilot yn gyntaf.", pilot)
    assert welsh.welsh_uses("ein nghynllun peilot", pilot)
    assert not welsh.welsh_uses("Cynhaliwch beilot yn gyntaf.", pilot)
    method = {"en": "method(s)", "cy": "dull(iau)"}
    assert welsh.term_forms(method["cy"]) == ["dull", "dulliau"]
    assert welsh.term_forms("offeryn (offer); offerynnau") == ["offeryn", "offer", "offerynnau"]


@pytest.mark.parametrize("wrong", ["yn yr hirdymor", "y PDFs"])
def test_the_term_list_rules_out_what_the_reviewer_found(wrong):
    assert any(wrong in term.get("avoid", []) for term in TERMS)


def step_timings(file: Path) -> list[tuple[str, ...]]:
    """The figures in each numbered step's bold lead under "Step by step": ("10",), ("15", "25")."""
    found = []
    for line in welsh.welsh_lines(file):  # the body's lines, each with the section it is in
        step = re.match(r"^\s*\d+\.\s+\*\*(.+?)\*\*", line.text)
        if not line.field and line.section == "step-by-step" and step:
            timing = re.search(r"\(([^()]*\d[^()]*)\)", step.group(1))
            found.append(tuple(re.findall(r"\d+", timing.group(1))) if timing else ())
    return found


def test_welsh_steps_have_the_english_timings():
    """A Welsh method's steps take as long as the English ones say (the card's time is checked
    against the English steps)."""
    problems = []
    for file in FILES:
        if file.parent.name == "methods" and file.name != "index.cy.md":
            english, welsh_steps = step_timings(english_of(file)), step_timings(file)
            if english != welsh_steps:
                problems.append(f"{file.relative_to(ROOT)}: step timings {welsh_steps}, the English has {english}")
    assert not problems, "\n".join(problems)
