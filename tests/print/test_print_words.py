"""Every printed word comes from the label and vocabulary files, in English and Welsh; every
phase has its icon; nothing in the print templates is written in one language."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT
from macros.printing.words import PRINT_LABELS
from macros.vocab import load_vocabularies

PRINT = ROOT / "overrides" / "print"


def test_print_labels_exist_in_english_and_welsh():
    labels = yaml.safe_load((ROOT / "macros" / "labels.yml").read_text(encoding="utf-8"))
    for key in PRINT_LABELS:
        assert key in labels, f"macros/labels.yml has no {key}"
        assert labels[key].get("en") and labels[key].get("cy"), f"{key} needs en and cy"
    months = labels["print_months"]
    assert all(len(months[lang].split(",")) == 12 for lang in ("en", "cy"))


def test_every_phase_has_an_icon():
    for key in load_vocabularies().keys("phases"):
        assert (PRINT / "icons" / f"phase-{key}.svg").is_file(), f"overrides/print/icons/phase-{key}.svg is missing"


def test_print_templates_print_no_words_of_their_own():
    """Text between tags in the print templates is only template expressions or punctuation."""
    for template in PRINT.glob("*.html"):
        source = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", source, flags=re.S)
        for text in re.findall(r">([^<]+)<", source):
            text = re.sub(r"\S+\.\S+/\S*", "", text)  # a web address is not a word
            assert not re.search(r"[A-Za-z]{2,}", text), f"{template.name}: printed words {text.strip()!r}"


def test_no_address_outside_the_origin_in_print_styles():
    for sheet in PRINT.glob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", sheet.read_text()), f"{sheet.name} loads from the web"
