"""Translations: what a translation may hold, and the exact message for each mistake.

The mini handbook has Welsh translations of a chapter (index.cy.md), a method's card
(methods/alpha.cy.md, no body), a mindset with its body (mindsets/curious.cy.md) and a tool's card
(tools/worksheet-one.cy.md). Each test breaks one thing and reads the message back.
"""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, copy_project, edit, only, problems, run_build, soup
from macros.loader import load


def test_a_welsh_card_has_welsh_words_and_the_english_files_other_fields(mini):
    english, welsh = load(mini, root=mini.parent), load(mini, root=mini.parent, lang="cy")
    en, cy = english.get("method", "alpha").data, welsh.get("method", "alpha").data
    assert (en.title, cy.title) == ("Alpha method", "Dull alffa")
    assert cy.steps == ["Cam cyntaf", "Ail gam", "Trydydd cam"]
    for field in ("phases", "time", "people", "difficulty", "mindsets", "tools", "related", "good_for"):
        assert getattr(cy, field) == getattr(en, field), field
    box = welsh.get("tool", "worksheet-one").data.worksheet[0]
    assert (box.heading, box.lines) == ("Blwch cyntaf", 3)  # the words translated, the space from English
    # Pages without a translation (beta) keep their English words.
    assert welsh.get("method", "beta").data.title == english.get("method", "beta").data.title


def test_translation_states(mini):
    welsh = load(mini, root=mini.parent, lang="cy")
    assert welsh.translation("index.md").state == "reviewed"
    assert welsh.translation("methods/alpha.md").state == "draft"
    assert not welsh.translation("methods/alpha.md").has_body
    assert welsh.translation("methods/beta.md") is None
    # Changing the English words puts the translation out of date; changing a number does not.
    edit(mini, "methods/alpha.md", "people: {min: 2, max: 6}", "people: {min: 2, max: 8}")
    assert load(mini, root=mini.parent, lang="cy").translation("methods/alpha.md").state == "draft"
    edit(mini, "methods/alpha.md", "summary: Alpha does the first thing.", "summary: Alpha does the first thing well.")
    assert load(mini, root=mini.parent, lang="cy").translation("methods/alpha.md").state == "out-of-date"


def test_a_translation_without_an_original(mini):
    (mini / "methods/alpah.cy.md").write_text((mini / "methods/alpha.cy.md").read_text())
    assert only(problems(mini)) == (
        'docs/methods/alpah.cy.md: a translation without an original: docs/methods/alpah.md does not exist. '
        'Did you mean "methods/alpha.md"? Name a translation after its English page (page.md -> page.cy.md), '
        "or remove it."
    )


def test_a_field_that_lives_in_the_english_file_must_not_be_repeated(mini):
    edit(mini, "methods/alpha.cy.md", "translation:", "phases: [understand]\ntranslation:")
    message = only(problems(mini))
    assert message.startswith("docs/methods/alpha.cy.md, line 13: phases: must not be repeated in a translation: "
                              "it lives once, in docs/methods/alpha.md, and the Cymraeg page takes it from there.")
    assert "(allowed: title, summary, why, aliases, materials, outputs, steps, translation)" in message


def test_an_unknown_field_in_a_translation(mini):
    edit(mini, "methods/alpha.cy.md", "summary:", "sumary:")
    found = problems(mini)
    assert any(p.startswith('docs/methods/alpha.cy.md, line 3: sumary: unknown field. Did you mean "summary"?')
               for p in found), found
    assert "docs/methods/alpha.cy.md: summary: this field is missing: translate the summary of docs/methods/alpha.md." in found


def test_a_list_must_match_the_english_item_for_item(mini):
    edit(mini, "methods/alpha.cy.md", "  - Trydydd cam\n", "")
    assert only(problems(mini)) == (
        "docs/methods/alpha.cy.md, line 9: steps: has 2 items but docs/methods/alpha.md has 3: "
        "translate each one, in the same order."
    )


def test_a_worksheet_box_holds_only_words(mini):
    edit(mini, "tools/worksheet-one.cy.md", "    prompt: Ysgrifennwch rywbeth.\n",
         "    prompt: Ysgrifennwch rywbeth.\n    lines: 9\n")
    assert "(box 1) lines: must not be repeated in a translation" in only(problems(mini))


def test_the_translation_block(mini):
    edit(mini, "methods/alpha.cy.md", "status: draft", "status: drafft")
    assert only(problems(mini)) == (
        'docs/methods/alpha.cy.md, line 13: translation.status: is "drafft". Did you mean "draft"? '
        "(allowed: draft, reviewed): draft until a fluent speaker has reviewed it, then reviewed."
    )
    edit(mini, "methods/alpha.cy.md", "status: drafft", "status: draft")
    edit(mini, "methods/alpha.cy.md", 'revision: "60fa84d4"', "revision: latest")
    message = only(problems(mini))
    assert message.startswith("docs/methods/alpha.cy.md, line 13: translation.revision: must be the 8-character "
                              'revision of the English text, in quotes, such as "')
    text = (mini / "methods/alpha.cy.md").read_text()
    (mini / "methods/alpha.cy.md").write_text(text[: text.index("translation:")] + "---\n")
    assert "docs/methods/alpha.cy.md: translation: is missing" in only(problems(mini))


def test_a_translated_card_keeps_the_length_limits(mini):
    edit(mini, "methods/alpha.cy.md", "summary: Mae alffa yn gwneud y peth cyntaf.", "summary: " + "Hir iawn. " * 20)
    message = only(problems(mini))
    assert message.startswith("docs/methods/alpha.cy.md, line 3: summary: is ")
    assert "the limit is 160" in message


def test_a_translated_body_has_the_welsh_sections(mini):
    edit(mini, "mindsets/curious.cy.md", "## Beth sy'n rhwystro", "## Beth sy'n atal")
    assert "docs/mindsets/curious.cy.md" in only(problems(mini))
    assert "the page needs a section headed \"## Beth sy'n rhwystro\"" in only(problems(mini))


def test_a_translated_chapter_needs_its_text(mini):
    text = (mini / "index.cy.md").read_text()
    (mini / "index.cy.md").write_text(text[: text.rindex("---") + 4])
    assert "docs/index.cy.md, line 7: the page has no text: translate the body of docs/index.md." in only(problems(mini))


def test_a_broken_link_in_a_translation_is_reported_like_any_other(mini):
    edit(mini, "mindsets/curious.cy.md", "Gofyn.\n", "Gofyn. ![Map](../assets/map.png)\n")
    assert only(problems(mini)).startswith("docs/mindsets/curious.cy.md, line ")


def test_stamp_records_the_english_revision(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    edit(docs, "methods/alpha.md", "summary: Alpha does the first thing.", "summary: Alpha does it.")
    assert load(docs, root=project, lang="cy").translation("methods/alpha.md").out_of_date
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "stamp",
                             str(docs / "methods/alpha.cy.md")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not load(docs, root=project, lang="cy").translation("methods/alpha.md").out_of_date


def test_stamp_on_a_broken_english_page_says_why_and_stamps_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    edit(docs, "methods/alpha.md", "summary: Alpha does the first thing.", "summary: [Alpha does")
    before = (docs / "methods/alpha.cy.md").read_text()
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "stamp",
                             str(docs / "methods/alpha.cy.md")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("docs/methods/alpha.cy.md: not stamped, because its English page has a problem."), result.stderr
    assert "docs/methods/alpha.md, line" in result.stderr and "front matter is not valid YAML" in result.stderr
    assert (docs / "methods/alpha.cy.md").read_text() == before


def test_stamp_reviewed_marks_a_translated_page_reviewed(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "stamp", "--reviewed",
                             str(docs / "mindsets/curious.cy.md")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "status: reviewed" in (docs / "mindsets/curious.cy.md").read_text()
    assert load(docs, root=project, lang="cy").translation("mindsets/curious.md").state == "reviewed"


def test_stamp_reviewed_refuses_a_page_with_no_translated_body(tmp_path):
    """A card-only translation shows the English body: nobody can have reviewed its Welsh."""
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    before = (docs / "methods/alpha.cy.md").read_text()
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "stamp", "--reviewed",
                             str(docs / "methods/alpha.cy.md")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "not marked reviewed: it has no translated body yet" in result.stderr
    assert (docs / "methods/alpha.cy.md").read_text() == before


def test_the_welsh_build_uses_the_translations_and_stops_on_a_mistake(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_build(project, tmp_path / "site", languages="en,cy")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "site/cy/methods/alpha/index.html")
    assert page.html["lang"] == "cy"
    assert page.select_one("h1").get_text(strip=True).startswith("Dull alffa")
    # The nav title of a page the Welsh config has no word for stops the build and names the file.
    config = (project / "mkdocs.cy.yml").read_text()
    (project / "mkdocs.cy.yml").write_text(config.replace("    Methods: Dulliau\n", ""))
    result = run_build(project, tmp_path / "site2", languages="en,cy")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert 'mkdocs.cy.yml: extra.nav_titles has no Cymraeg title for "Methods"' in result.stderr
    (project / "mkdocs.cy.yml").write_text(config)
    edit(project / "docs", "methods/alpha.cy.md", "translation:", "time: {min: 1, max: 2, unit: hours}\ntranslation:")
    result = run_build(project, tmp_path / "site3", languages="en,cy")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/methods/alpha.cy.md, line 13: time: must not be repeated in a translation" in result.stderr


def test_a_problem_of_the_english_file_is_reported_once_for_it_and_not_for_its_translation(mini):
    # Both lists one step short of the 3 a card needs: the English file's mistake, reported there.
    edit(mini, "methods/alpha.md", "  - Third step\n", "")
    edit(mini, "methods/alpha.cy.md", "  - Trydydd cam\n", "")
    found = problems(mini)
    assert [p.split(":")[0] for p in found if "steps" in p] == ["docs/methods/alpha.md, line 13"], found
    # A mistake in the translated words alone is still reported for the translation.
    edit(mini, "methods/alpha.cy.md", "title: Dull alffa", "title: " + "Dull alffa " * 20)
    found = problems(mini)
    assert any(p.startswith("docs/methods/alpha.cy.md, line 2: title:") for p in found), found
