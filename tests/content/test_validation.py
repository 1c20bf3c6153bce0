"""Every content rule, each with a bad fixture, asserting the exact file, field and advice in the message."""

from __future__ import annotations

import re

from helpers import copy_project, edit, only, problems, run_build


def test_the_mini_handbook_is_valid(mini):
    assert problems(mini) == []


def test_yaml_syntax_error_names_the_line(mini):
    edit(mini, "methods/alpha.md", "summary: Alpha does the first thing.", "summary: [Alpha does")
    message = only(problems(mini))
    assert message.startswith("docs/methods/alpha.md, line ")
    assert "front matter is not valid YAML" in message
    line = int(re.search(r"line (\d+)", message).group(1))
    assert line in (3, 4, 5)  # the error is reported where YAML notices it, at or just after the bad line


def test_missing_front_matter(mini):
    path = mini / "methods/alpha.md"
    path.write_text(path.read_text().split("---\n", 2)[2])
    assert "docs/methods/alpha.md, line 1: the file must start with front matter" in only(problems(mini))


def test_missing_required_field(mini):
    edit(mini, "methods/alpha.md", "why: Because tests need a method with every field.\n", "")
    assert only(problems(mini)) == (
        "docs/methods/alpha.md: why: this required field is missing. Add it: Why you would use it: the value it brings."
    )


def test_wrong_type(mini):
    edit(mini, "methods/alpha.md", "people: {min: 2, max: 6}", "people: {min: two, max: 6}")
    assert only(problems(mini)) == 'docs/methods/alpha.md, line 7: people.min: must be a whole number, not the text "two".'


def test_list_expected(mini):
    edit(mini, "methods/alpha.md", "mindsets: [curious]", "mindsets: curious")
    assert "docs/methods/alpha.md, line 17: mindsets: must be a list" in only(problems(mini))


def test_value_outside_vocabulary_suggests_the_closest(mini):
    edit(mini, "methods/alpha.md", "phases: [understand, test]", "phases: [understnd, test]")
    assert only(problems(mini)) == (
        'docs/methods/alpha.md, line 5: phases (item 1): "understnd" is not allowed. Did you mean "understand"? '
        "(allowed: understand, explore, generate, test, decide, scale)"
    )


def test_difficulty_outside_vocabulary(mini):
    edit(mini, "methods/alpha.md", "difficulty: starter", "difficulty: easy")
    message = only(problems(mini))
    assert message.startswith('docs/methods/alpha.md, line 8: difficulty: "easy" is not allowed.')
    assert message.endswith("(allowed: starter, intermediate, advanced)")


def test_time_unit_outside_vocabulary(mini):
    edit(mini, "methods/alpha.md", "unit: minutes", "unit: minuts")
    message = only(problems(mini))
    assert 'time.unit: "minuts" is not allowed. Did you mean "minutes"?' in message


def test_unknown_field_did_you_mean(mini):
    edit(mini, "methods/alpha.md", "summary: Alpha", "summmary: Alpha")
    found = problems(mini)
    assert any(
        p.startswith('docs/methods/alpha.md, line 3: summmary: unknown field. Did you mean "summary"? (allowed: title, summary,')
        for p in found
    ), found
    assert "docs/methods/alpha.md: summary: this required field is missing." in " ".join(found)


def test_reversed_range(mini):
    edit(mini, "methods/alpha.md", "people: {min: 2, max: 6}", "people: {min: 6, max: 2}")
    assert only(problems(mini)) == "docs/methods/alpha.md, line 7: people: min (6) is larger than max (2). Swap them round."


def test_absurd_ranges(mini):
    edit(mini, "methods/alpha.md", "people: {min: 2, max: 6}", "people: {min: 0, max: 5000}")
    edit(mini, "methods/alpha.md", "time: {min: 30, max: 90, unit: minutes}", "time: {min: 1, max: 60, unit: weeks}")
    found = problems(mini)
    assert "docs/methods/alpha.md, line 7: people.min: must be at least 1, not 0." in found
    assert any(p.startswith("docs/methods/alpha.md, line 7: people.max: 5000 people") for p in found)
    assert any(p.startswith("docs/methods/alpha.md, line 6: time.max: 60 weeks is longer") for p in found)


def test_summary_over_its_limit(mini):
    edit(mini, "methods/alpha.md", "summary: Alpha does the first thing.", "summary: " + "word " * 40)
    assert only(problems(mini)) == (
        "docs/methods/alpha.md, line 3: summary: is 199 characters long; the limit is 160. Shorten it: cards have little room."
    )


def test_reference_to_missing_slug_suggests_the_closest(mini):
    edit(mini, "methods/beta.md", "related: [alpha, gamma]", "related: [alpha, gama]")
    assert only(problems(mini)) == (
        'docs/methods/beta.md, line 19: related (item 2): there is no method "gama" (docs/methods/gama.md). Did you mean "gamma"?'
    )


def test_reference_to_missing_tool_lists_existing(mini):
    edit(mini, "methods/alpha.md", "tools: [worksheet-one]", "tools: [canvas]")
    assert only(problems(mini)) == (
        'docs/methods/alpha.md, line 18: tools (item 1): there is no tool "canvas" (docs/tools/canvas.md). Existing tools: worksheet-one.'
    )


def test_related_to_itself(mini):
    edit(mini, "methods/beta.md", "related: [alpha, gamma]", "related: [alpha, beta]")
    assert only(problems(mini)) == "docs/methods/beta.md, line 19: related (item 2): a method cannot be related to itself."


def test_duplicate_titles_name_both_files(mini):
    edit(mini, "methods/beta.md", "title: Beta method", "title: Alpha method")
    found = problems(mini)
    assert 'docs/methods/alpha.md, line 2: title: "Alpha method" is also the title of docs/methods/beta.md. Titles must be unique.' in found
    assert 'docs/methods/beta.md, line 2: title: "Alpha method" is also the title of docs/methods/alpha.md. Titles must be unique.' in found


def test_bad_file_name(mini):
    (mini / "methods/gamma.md").rename(mini / "methods/Gamma Method.md")
    found = problems(mini)
    assert any(p.startswith('docs/methods/Gamma Method.md: the file name "Gamma Method.md" is not a valid slug') and "gamma-method.md" in p for p in found)


def test_missing_section_heading(mini):
    edit(mini, "methods/alpha.md", "## Tips from practice", "## Tips")
    message = only(problems(mini))
    assert message.startswith('docs/methods/alpha.md: the page needs a section headed "## Tips from practice".')


def test_level_one_heading_in_body(mini):
    edit(mini, "tools/worksheet-one.md", "## What it is for", "# Worksheet one\n\n## What it is for")
    assert only(problems(mini)).startswith('docs/tools/worksheet-one.md, line 13: remove the "# Worksheet one" heading')


def test_stray_template_braces_in_prose(mini):
    edit(mini, "mindsets/curious.md", "Ask one more question.", "Ask {{ one more question.")
    assert only(problems(mini)).startswith('docs/mindsets/curious.md, line 24: "{{" would be read as a template command')


def test_braces_inside_raw_are_allowed(mini):
    edit(mini, "mindsets/curious.md", "Ask one more question.", "Write {% raw %}{{ name }}{% endraw %} here.")
    assert problems(mini) == []


def test_every_problem_in_every_file_is_reported_at_once(mini):
    edit(mini, "methods/alpha.md", "difficulty: starter", "difficulty: easy")
    edit(mini, "methods/gamma.md", "phases: [scale]", "phases: [scal]")
    edit(mini, "tools/worksheet-one.md", "lines: 3", "lines: 30")
    found = problems(mini)
    assert len(found) == 3, found
    assert [p.split(":")[0].split(",")[0] for p in found] == [
        "docs/methods/alpha.md", "docs/methods/gamma.md", "docs/tools/worksheet-one.md"]


def test_a_file_with_a_wrong_shape_still_gets_its_vocabulary_and_reference_checks(mini):
    """Tried as a new contributor would: an unknown field, an unknown phase, an unknown difficulty
    and a missing tool in one file are all reported by one build, not one after another."""
    edit(mini, "methods/alpha.md", "phases: [understand, test]", "phases: [understand, tset]")
    edit(mini, "methods/alpha.md", "difficulty: starter", "difficulty: easy\ncolour: blue")
    edit(mini, "methods/alpha.md", "tools: [worksheet-one]", "tools: [worksheet-two]")
    found = problems(mini)
    assert len(found) == 4, found
    assert found[0] == ('docs/methods/alpha.md, line 5: phases (item 2): "tset" is not allowed. Did you mean "test"? '
                        "(allowed: understand, explore, generate, test, decide, scale)")
    assert found[1].startswith('docs/methods/alpha.md, line 8: difficulty: "easy" is not allowed.')
    assert found[2].startswith('docs/methods/alpha.md, line 9: colour: unknown field.')
    assert found[3].startswith('docs/methods/alpha.md, line 19: tools (item 1): there is no tool "worksheet-two"')


def test_a_wrong_item_in_a_list_is_reported_on_its_own_line(mini):
    edit(mini, "methods/beta.md", "materials:\n  - Pens", "materials:\n  - Pens\n  - Paper\n  - " + "x" * 90)
    edit(mini, "methods/beta.md", "good_for: [new-challenge]", "good_for:\n  - new-challenge\n  - stuk")
    found = problems(mini)
    assert len(found) == 2, found
    assert found[0].startswith("docs/methods/beta.md, line 12: materials (item 3): is 90 characters long")
    assert found[1].startswith('docs/methods/beta.md, line 24: good_for (item 2): "stuk" is not allowed. Did you mean "stuck"?')


def test_a_field_with_the_wrong_shape_is_not_reported_twice(mini):
    edit(mini, "methods/alpha.md", "difficulty: starter", "difficulty: 3")
    assert only(problems(mini)) == 'docs/methods/alpha.md, line 8: difficulty: must be text, not the number 3.'


def test_under_github_actions_each_problem_is_also_an_annotation_on_its_line(tmp_path):
    """A contributor in GitHub's web editor sees each problem on the line they changed."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    project = copy_project(tmp_path / "project")
    edit(project / "docs", "methods/alpha.md", "difficulty: starter", "difficulty: easy")
    edit(project / "docs", "methods/beta.md", "why: Because", "wy: Because")
    run = lambda env: subprocess.run([sys.executable, "-m", "macros", "--root", str(project)], cwd=ROOT,
                                     capture_output=True, text=True, env={**os.environ, **env})
    result = run({"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == ('::error file=docs/methods/alpha.md,line=8,title=Handbook content%3A difficulty::'
                        '"easy" is not allowed. (allowed: starter, intermediate, advanced)')
    assert any(line.startswith("::error file=docs/methods/beta.md,line=4,title=Handbook content%3A wy::unknown field.")
               for line in lines), lines
    assert len(lines) == 3, lines  # alpha's difficulty; beta's unknown field and its missing `why`
    assert "The handbook's content has 3 problems" in result.stderr  # the plain report too
    assert run({"GITHUB_ACTIONS": ""}).stdout == ""  # elsewhere, no annotations


def test_headings_inside_code_fences_are_not_checked_as_headings(mini):
    edit(mini, "mindsets/curious.md", "Ask one more question.", "Ask one more question.\n\n```\n# Not a heading\n```")
    assert problems(mini) == []


def test_a_content_error_stops_the_build_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "docs", "methods/alpha.md", "phases: [understand, test]", "phases: [explor]")
    edit(project / "docs", "methods/beta.md", "summary: Beta", "summmary: Beta")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert 'docs/methods/alpha.md, line 5: phases (item 1): "explor" is not allowed. Did you mean "explore"?' in result.stderr
    assert 'docs/methods/beta.md, line 3: summmary: unknown field. Did you mean "summary"?' in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_image_without_alt_text(mini):
    (mini / "assets").mkdir()
    (mini / "assets/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    edit(mini, "index.md", "A tiny handbook for tests.", "A tiny handbook.\n\n![](assets/map.png)")
    message = only(problems(mini))
    assert message.startswith("docs/index.md, line 7: the image assets/map.png has no alt text.")


def test_missing_image(mini):
    edit(mini, "methods/alpha.md", "When a test needs it.", "![A map of the area](../assets/missing.png)")
    assert only(problems(mini)) == (
        "docs/methods/alpha.md, line 25: the image ../assets/missing.png does not exist: "
        "there is no file docs/assets/missing.png. Check the name and the folder."
    )


def test_an_image_shown_as_code_is_an_example_not_an_image(mini):
    """The contributor guide shows image syntax in code; only real images are checked."""
    edit(mini, "methods/alpha.md", "When a test needs it.",
         "Write `![A map](../assets/none.png)` like this.\n\n```md\n![](../assets/none.png)\n```\n\n![](../assets/gone.png)")
    found = problems(mini)
    assert found and all(p.startswith("docs/methods/alpha.md, line 31: the image ../assets/gone.png") for p in found), found


def test_image_from_another_website(mini):
    edit(mini, "index.md", "A tiny handbook for tests.", '<img src="https://example.org/x.png">')
    found = problems(mini)
    assert any("docs/index.md, line 5: the image <img" in p and "no alt text" in p for p in found), found


def test_chapter_page_needs_a_title_and_known_fields(mini):
    edit(mini, "index.md", "title: Mini handbook", "titel: Mini handbook")
    found = problems(mini)
    assert "docs/index.md, line 2: title: every page needs a title: add a line 'title: …' to the front matter." in found
    assert any(p.startswith('docs/index.md, line 2: titel: unknown field. Did you mean "title"?') for p in found)


def test_unknown_macro_in_a_chapter_is_reported(mini):
    edit(mini, "methods/index.md", "{{ method_index() }}", "{{ methods_index() }}")
    assert only(problems(mini)).startswith(
        'docs/methods/index.md, line 9: "{{ methods_index() }}" calls a macro that does not exist. '
        'Did you mean "method_index"? (allowed: contributors, fields_table, journey, journey_map, method_index,')


def test_a_block_macro_inside_a_sentence_is_reported(mini):
    """A macro that makes a block (here the methods finder) must stand on its own line: inside a
    sentence or a list item its HTML would be cut in two by Markdown."""
    edit(mini, "methods/index.md", "{{ method_index() }}", "- Every method: {{ method_index() }}")
    assert only(problems(mini)) == (
        'docs/methods/index.md, line 9: "{{ method_index() }}" makes a block (a list, a table, a picture or a '
        "form): put it on a line of its own, with a blank line before and after it, not inside a sentence or a "
        "list item.")


def test_a_label_without_a_welsh_text_stops_the_build(tmp_path, monkeypatch):
    """One registry of words: a label missing in a language is an error naming the file, line and
    key, never English shown in its place."""
    from macros import vocab

    labels = (vocab.HERE / "labels.yml").read_text(encoding="utf-8")
    assert "also_called:      {en: Also called, cy: Enwau eraill}" in labels
    (tmp_path / "labels.yml").write_text(labels.replace("{en: Also called, cy: Enwau eraill}", "{en: Also called}"))
    (tmp_path / "vocabularies.yml").write_text((vocab.HERE / "vocabularies.yml").read_text(encoding="utf-8"))
    monkeypatch.setattr(vocab, "HERE", tmp_path)
    _, _, found = vocab.load_words(("en", "cy"))
    line = labels.splitlines().index("also_called:      {en: Also called, cy: Enwau eraill}") + 1
    assert [str(p) for p in found] == [
        f"macros/labels.yml, line {line}: also_called: has no cy text. Add `cy: …` beside the others "
        "(every language needs every word: en, cy)."]


STEPS = ("1. **Agree the question (10 minutes).** Write it down.\n"
         "2. **Gather ideas (15 to 25 minutes).** Everyone writes.\n"
         "3. **Choose (1 hour).** Vote.\n")


def test_step_timings_that_add_up_to_the_card_pass(mini):
    edit(mini, "methods/alpha.md", "1. Run the test.\n", STEPS)
    edit(mini, "methods/alpha.md", "time: {min: 30, max: 90, unit: minutes}", "time: {min: 85, max: 100, unit: minutes}")
    assert problems(mini) == []


def test_a_card_whose_shortest_time_is_shorter_than_its_steps_names_both_figures(mini):
    """The start guide's "an hour or less" would offer a method whose steps take 1 hr 25 min."""
    edit(mini, "methods/alpha.md", "1. Run the test.\n", STEPS)
    edit(mini, "methods/alpha.md", "time: {min: 30, max: 90, unit: minutes}", "time: {min: 1, max: 3, unit: hours}")
    assert only(problems(mini)) == (
        'docs/methods/alpha.md, line 6: time.min: the steps under "Step by step" add up to 1 hr 25 min to '
        "1 hr 35 min, but the card's shortest time is 1 hr (1 to 3 hours). Make the card's shortest time the "
        "steps' total (within 15 minutes), for example time: {min: 85, max: 180, unit: minutes}, or change the "
        "step timings.")


def test_steps_longer_than_the_card_allows_are_reported(mini):
    edit(mini, "methods/alpha.md", "1. Run the test.\n", STEPS)
    edit(mini, "methods/alpha.md", "time: {min: 30, max: 90, unit: minutes}", "time: {min: 85, max: 90, unit: minutes}")
    assert only(problems(mini)) == (
        'docs/methods/alpha.md, line 6: time.max: the steps under "Step by step" add up to 1 hr 25 min to '
        "1 hr 35 min, more than the card's longest time, 1 hr 30 min (85 to 90 minutes). Raise time.max or "
        "shorten the steps.")


def test_a_step_without_a_timing_is_named_by_its_line(mini):
    edit(mini, "methods/alpha.md", "1. Run the test.\n", "1. **Agree (10 minutes).** Yes.\n2. **Decide.** Now.\n")
    message = only(problems(mini))
    assert message.startswith("docs/methods/alpha.md, line ")
    assert 'Step by step: step 2 has no timing in its bold lead: write it as "2. **What to do (10 minutes).**"' in message


def test_methods_counted_in_days_are_not_added_up(mini):
    """Their steps mix hours of work with weeks of waiting."""
    edit(mini, "methods/alpha.md", "1. Run the test.\n", STEPS)
    edit(mini, "methods/alpha.md", "time: {min: 30, max: 90, unit: minutes}", "time: {min: 1, max: 3, unit: days}")
    assert problems(mini) == []
