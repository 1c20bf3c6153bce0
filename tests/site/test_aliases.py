"""Other names ("Also called"): on the card, on the tool page, in the search index with the
weight of a title, and checked like every other field."""

from __future__ import annotations

import json

from helpers import content, edit, only, problems


def test_a_methods_other_names_are_on_its_card_and_in_its_search_document(site):
    card = content(site / "methods/root-cause-analysis/index.html").select_one("section.hb-card--full")
    also = card.select_one(".hb-card__aliases")
    assert also.select_one("dt").get_text(strip=True) == "Also called"
    assert "Five whys" in also.select_one("dd").get_text() and "Fishbone diagram" in also.select_one("dd").get_text()
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["aliases"]["boost"] == index["config"]["fields"]["title"]["boost"]
    page = next(d for d in index["docs"] if d["location"] == "methods/root-cause-analysis/")
    assert "Five whys" in page["aliases"]
    # Only the page's own document carries them, so the page ranks above its sections.
    assert not [d["location"] for d in index["docs"]
                if d["location"].startswith("methods/root-cause-analysis/#") and "aliases" in d]


def test_a_welsh_card_shows_the_welsh_names(site):
    card = content(site / "cy/methods/root-cause-analysis/index.html").select_one("section.hb-card--full")
    also = card.select_one(".hb-card__aliases")
    assert also.select_one("dt").get_text(strip=True) == "Enwau eraill"
    assert "Pum pam" in also.select_one("dd").get_text()
    index = json.loads((site / "cy/search/search_index.json").read_text(encoding="utf-8"))
    page = next(d for d in index["docs"] if d["location"] == "methods/root-cause-analysis/")
    assert "Pum pam" in page["aliases"] and "Five whys" not in page["aliases"]


def test_a_tool_page_shows_its_other_names_under_the_title(site):
    article = content(site / "tools/journey-map/index.html")
    first = article.find("h1").find_next_sibling()
    assert "hb-aliases" in first.get("class", []), first
    assert first.get_text(" ", strip=True).startswith("Also called:")


def test_aliases_are_checked_like_other_fields(mini):
    edit(mini, "methods/beta.md", "why: Because", "aliases: [Second way, " + "x" * 81 + "]\nwhy: Because")
    assert only(problems(mini)).startswith(
        "docs/methods/beta.md, line 4: aliases (item 2): is 81 characters long; the limit is 80.")


def test_a_translation_must_translate_the_other_names(mini):
    edit(mini, "methods/alpha.md", "why: Because", "aliases: [First way]\nwhy: Because")
    assert only(problems(mini)) == ("docs/methods/alpha.cy.md: aliases: this field is missing: translate the "
                                    "aliases of docs/methods/alpha.md.")


def test_an_empty_list_of_other_names_needs_no_translation(mini):
    """The copy-me templates carry `aliases: []`: a page that keeps it has nothing to translate."""
    edit(mini, "methods/alpha.md", "why: Because", "aliases: []\nwhy: Because")
    assert problems(mini) == []


def front_matter(path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def test_every_method_cards_words_are_in_its_search_document_and_nowhere_else(site):
    """Search reads each card from its front matter (macros/search.py), not from the pages: its
    words are in its own page's document, named, and the planner and the methods index, which
    show every card, are not found for them."""
    from helpers import ROOT

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    for file in sorted((ROOT / "docs" / "methods").glob("*.md")):
        if file.name == "index.md" or file.name.count(".") > 1:
            continue
        meta = front_matter(file)
        text = docs[f"methods/{file.stem}/"]["text"]
        assert text.startswith("What it is: "), (file.name, text[:80])
        for words in (meta["summary"], meta["why"], meta["outputs"][0], meta["materials"][-1]):
            assert words.replace("&", "&amp;") in text, (file.name, words)
        # Not the card's buttons.
        assert "Add to my session" not in text, file.name
    summary = front_matter(ROOT / "docs" / "methods" / "interviews.md")["summary"]
    for location, doc in docs.items():
        if location.split("#")[0] in ("planner/", "methods/", "start/"):
            assert summary not in doc["text"], location
