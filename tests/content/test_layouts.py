"""Worksheet layouts (issue 17): each layout's fields, checked with the exact message a contributor
reads, on the mini handbook's tool (tools/worksheet-one.md and its Welsh)."""

from __future__ import annotations

from helpers import edit, only, problems

ENGLISH = "tools/worksheet-one.md"
WELSH = "tools/worksheet-one.cy.md"
PATH = "docs/tools/worksheet-one.md"
BODY = "\n## What it is for\n\nTesting.\n\n## How to fill it in\n\n1. Fill in the boxes.\n\n## Worked example\n\nAn example.\n"

# A grid: two full-width boxes above, then the four quadrants in reading order.
# Line numbers (the file's first line is 1): layout 4, axes 5, worksheet 8, boxes at 9, 12, 15, 19, 23, 27.
GRID = """---
title: Worksheet one
summary: A worksheet for tests.
layout: grid
axes:
  x: {label: Influence, low: Little, high: A lot}
  y: {label: How affected, low: Little, high: Very}
worksheet:
  - heading: First box
    prompt: Write something.
    lines: 3
  - heading: Second box
    prompt: Write something else.
    lines: 2
  - heading: Very affected, little influence
    prompt: Who?
    lines: 2
    quadrant: top-left
  - heading: Very affected, a lot of influence
    prompt: Who?
    lines: 2
    quadrant: top-right
  - heading: Little affected, little influence
    prompt: Who?
    lines: 2
    quadrant: bottom-left
  - heading: Little affected, a lot of influence
    prompt: Who?
    lines: 2
    quadrant: bottom-right
---
""" + BODY

GRID_CY = """---
title: Taflen waith un
summary: Taflen waith ar gyfer profion.
axes:
  x: {label: Dylanwad, low: Ychydig, high: Llawer}
  y: {label: Faint mae'n effeithio, low: Ychydig, high: Llawer}
worksheet:
  - heading: Blwch cyntaf
    prompt: Ysgrifennwch rywbeth.
  - heading: Ail flwch
    prompt: Ysgrifennwch rywbeth arall.
  - heading: Chwarter un
    prompt: Pwy?
  - heading: Chwarter dau
    prompt: Pwy?
  - heading: Chwarter tri
    prompt: Pwy?
  - heading: Chwarter pedwar
    prompt: Pwy?
translation:
  status: draft
  revision: "REVISION"
---
"""

# Stages: two rows, three stages. Lines: layout 4, stages 5, worksheet 6.
STAGES = """---
title: Worksheet one
summary: A worksheet for tests.
layout: stages
stages: [Before, During, After]
worksheet:
  - heading: First box
    prompt: Write something.
    lines: 3
  - heading: Second box
    prompt: Write something else.
    lines: 2
---
""" + BODY

STAGES_CY = """---
title: Taflen waith un
summary: Taflen waith ar gyfer profion.
stages: [Cyn, Yn ystod, Wedyn]
worksheet:
  - heading: Blwch cyntaf
    prompt: Ysgrifennwch rywbeth.
  - heading: Ail flwch
    prompt: Ysgrifennwch rywbeth arall.
translation:
  status: draft
  revision: "REVISION"
---
"""

# A canvas: two columns, a chain. Lines: layout 4, columns 5, flow 6, worksheet 7, boxes 8 and 11.
CANVAS = """---
title: Worksheet one
summary: A worksheet for tests.
layout: canvas
columns: 2
flow: true
worksheet:
  - heading: First box
    prompt: Write something.
    lines: 3
    span: 2
  - heading: Second box
    prompt: Write something else.
    lines: 2
---
""" + BODY


def write(mini, english: str, welsh: str | None = None) -> None:
    """The tool's English file, and its Welsh one (stamped with the English's revision), or no Welsh."""
    from macros import translations
    from macros.frontmatter import parse

    (mini / ENGLISH).write_text(english)
    if welsh is None:
        (mini / WELSH).unlink(missing_ok=True)
        return
    source, _ = parse(english, PATH)
    (mini / WELSH).write_text(welsh.replace("REVISION", translations.revision("tool", source)))


def test_each_layout_is_valid_in_both_languages(mini):
    from macros.loader import load

    for english, welsh in ((GRID, GRID_CY), (STAGES, STAGES_CY), (CANVAS, None)):
        write(mini, english, welsh)
        assert problems(mini) == []
    write(mini, GRID, GRID_CY)
    cy = load(mini, root=mini.parent, lang="cy").get("tool", "worksheet-one").data
    assert cy.layout == "grid"
    assert (cy.axes.x.label, cy.axes.y.high) == ("Dylanwad", "Llawer")
    assert [b.quadrant for b in cy.worksheet] == [None, None, "top-left", "top-right", "bottom-left", "bottom-right"]
    write(mini, STAGES, STAGES_CY)
    assert load(mini, root=mini.parent, lang="cy").get("tool", "worksheet-one").data.stages == ["Cyn", "Yn ystod", "Wedyn"]


def test_boxes_is_the_default_and_keeps_the_revision(mini):
    """A tool without `layout` is a stack, and adding layout fields does not change the English
    revision: the words a translator follows are the same."""
    from macros import translations
    from macros.frontmatter import parse
    from macros.loader import load

    assert load(mini, root=mini.parent).get("tool", "worksheet-one").data.layout == "boxes"
    before, _ = parse((mini / ENGLISH).read_text(), PATH)
    edit(mini, ENGLISH, "worksheet:\n", "layout: canvas\ncolumns: 2\nflow: true\nworksheet:\n")
    edit(mini, ENGLISH, "    lines: 3\n", "    lines: 3\n    span: 2\n")
    after, _ = parse((mini / ENGLISH).read_text(), PATH)
    assert translations.revision("tool", before) == translations.revision("tool", after) == "b587cd5c"
    assert problems(mini) == []


def test_unknown_layout_suggests_the_closest(mini):
    edit(mini, ENGLISH, "worksheet:\n", "layout: gird\nworksheet:\n")
    assert only(problems(mini)) == (
        'docs/tools/worksheet-one.md, line 4: layout: "gird" is not allowed. Did you mean "grid"? '
        "(allowed: boxes, grid, stages, canvas)"
    )


def test_grid_needs_one_box_per_quadrant(mini):
    write(mini, GRID.replace("quadrant: bottom-right", "quadrant: top-left"))
    assert problems(mini) == [
        "docs/tools/worksheet-one.md, line 4: layout: a grid needs exactly one box in each quadrant, but no box "
        "has quadrant: bottom-right. Give four boxes a quadrant: top-left, top-right, bottom-left, bottom-right.",
        "docs/tools/worksheet-one.md, line 30: worksheet (item 6).quadrant: top-left is already box 3's: "
        "a grid has one box in each quadrant.",
    ]


def test_grid_without_quadrants(mini):
    edit(mini, ENGLISH, "worksheet:\n", "layout: grid\nworksheet:\n")
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 4: layout: a grid needs exactly one box in each quadrant, but no box "
        "has quadrant: top-left, top-right, bottom-left, bottom-right. Give four boxes a quadrant: "
        "top-left, top-right, bottom-left, bottom-right."
    )


def test_grid_quadrants_in_reading_order(mini):
    swapped = GRID.replace("quadrant: top-right", "quadrant: SWAP").replace(
        "quadrant: top-left", "quadrant: top-right").replace("quadrant: SWAP", "quadrant: top-left")
    write(mini, swapped)
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 8: worksheet: list the four quadrant boxes one after another, in "
        "reading order: top-left, top-right, bottom-left, bottom-right. Boxes without a quadrant go before "
        "them (above the grid) or after them (below it)."
    )


def test_misspelt_quadrant(mini):
    write(mini, GRID.replace("quadrant: top-right", "quadrant: top-rigth"))
    assert problems(mini) == [
        "docs/tools/worksheet-one.md, line 22: worksheet (item 4).quadrant: \"top-rigth\" is not allowed. "
        "Did you mean \"top-right\"? (allowed: top-left, top-right, bottom-left, bottom-right)",
    ]


def test_fields_of_another_layout_every_mistake_at_once(mini):
    """A stages list, columns, flow and span on a grid, a quadrant on a stack: all reported together,
    with the grid's own field problems (an axis without its high end)."""
    write(mini, GRID.replace("layout: grid\n", "layout: grid\nstages: [One, Two]\ncolumns: 3\nflow: true\n")
          .replace("high: Very}", "}").replace("    lines: 3\n", "    lines: 3\n    span: 2\n"))
    assert problems(mini) == [
        "docs/tools/worksheet-one.md, line 5: stages: only a stages layout has stages, but this worksheet's "
        "layout is grid. Remove stages, or set layout: stages.",
        "docs/tools/worksheet-one.md, line 6: columns: only a canvas layout has columns, but this worksheet's "
        "layout is grid. Remove columns, or set layout: canvas.",
        "docs/tools/worksheet-one.md, line 7: flow: only a canvas layout has flow, but this worksheet's "
        "layout is grid. Remove flow, or set layout: canvas.",
        "docs/tools/worksheet-one.md, line 10: axes.y.high: this required field is missing. Add it: "
        "The high end's words, such as A lot.",
        "docs/tools/worksheet-one.md, line 15: worksheet (item 1).span: only the boxes of a canvas layout "
        "have a span, but this worksheet's layout is grid. Remove it, or set layout: canvas.",
    ]
    write(mini, STAGES.replace("    lines: 2\n", "    lines: 2\n    quadrant: top-left\n"))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 13: worksheet (item 2).quadrant: only the boxes of a grid layout "
        "have a quadrant, but this worksheet's layout is stages. Remove it, or set layout: grid."
    )


def test_axes_only_on_a_grid(mini):
    (mini / WELSH).unlink()  # it would (rightly) be asked to translate them
    edit(mini, ENGLISH, "worksheet:\n", "axes:\n  x: {label: A, low: B, high: C}\n  y: {label: D, low: E, high: F}\nworksheet:\n")
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 4: axes: only a grid layout has axes, but this worksheet's layout "
        "is boxes. Remove axes, or set layout: grid."
    )


def test_stages_count_and_presence(mini):
    write(mini, STAGES.replace("stages: [Before, During, After]", "stages: [Before]"))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 5: stages: needs at least 2 item(s), but has 1."
    )
    write(mini, STAGES.replace("stages: [Before, During, After]", "stages: [A, B, C, D, E, F, G, H, I]"))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 5: stages: can have at most 8 items, but has 9."
    )
    write(mini, STAGES.replace("stages: [Before, During, After]\n", ""))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 4: layout: a stages worksheet needs stages: the columns across, "
        "2 to 8, such as [Before, During, After]. Add the field stages."
    )


def test_canvas_columns_and_span(mini):
    write(mini, CANVAS.replace("columns: 2", "columns: 5"))
    assert only(problems(mini)) == "docs/tools/worksheet-one.md, line 5: columns: is 5, but must be at most 4."
    write(mini, CANVAS.replace("columns: 2\n", ""))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 4: layout: a canvas worksheet needs columns: how many columns its "
        "boxes fill, 2 to 4. Add the field columns."
    )
    write(mini, CANVAS.replace("span: 2", "span: 3"))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.md, line 11: worksheet (item 1).span: is 3, but the canvas has 2 columns: "
        "a box can take 1 to 2."
    )
    write(mini, CANVAS.replace("flow: true", "flow: yes please"))
    assert only(problems(mini)) == (
        'docs/tools/worksheet-one.md, line 6: flow: must be true or false, not the text "yes please".'
    )


def test_welsh_translates_axes_and_stages(mini):
    write(mini, GRID, GRID_CY.replace("axes:\n  x: {label: Dylanwad, low: Ychydig, high: Llawer}\n"
                                     "  y: {label: Faint mae'n effeithio, low: Ychydig, high: Llawer}\n", ""))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.cy.md: axes: this field is missing: translate the axes of docs/tools/worksheet-one.md."
    )
    write(mini, STAGES, STAGES_CY.replace("[Cyn, Yn ystod, Wedyn]", "[Cyn, Wedyn]"))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.cy.md, line 4: stages: has 2 items but docs/tools/worksheet-one.md has 3: "
        "translate each one, in the same order."
    )
    write(mini, STAGES, STAGES_CY.replace("stages:", "layout: stages\nstages:"))
    message = only(problems(mini))
    assert message.startswith("docs/tools/worksheet-one.cy.md, line 4: layout: must not be repeated in a translation: "
                              "it lives once, in docs/tools/worksheet-one.md")
    write(mini, GRID, GRID_CY.replace("    prompt: Pwy?\n", "    prompt: Pwy?\n    quadrant: top-left\n", 1))
    assert only(problems(mini)) == (
        "docs/tools/worksheet-one.cy.md, line 7: worksheet: (box 3) quadrant: must not be repeated in a translation: "
        "it lives once, in docs/tools/worksheet-one.md. A translated box holds only heading and prompt."
    )
