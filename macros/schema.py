"""The one definition of each kind's front matter fields.

The build, the tests and the contributor guide all read these models. Checks that
need the whole handbook (vocabularies, references between items, duplicates) live
in checks.py; everything about a single field's shape lives here.

Each field's description is written for contributors: it is shown in error
messages and in the generated JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

# A line of text on a card: no leading or trailing spaces, never empty.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

TITLE_MAX = 60
SUMMARY_MAX = 160
WHY_MAX = 300
STEP_MAX = 120
ITEM_MAX = 80
LABEL_MAX = 40  # an axis end or a stage: a few words at the edge of a printed sheet

# Worksheet layouts: the shape of the printed sheet (docs: /work/briefs/worksheet-contract.md,
# the contributor guide's fields page). `boxes` is a stack; the others are the tool's real shape.
LAYOUTS = ("boxes", "grid", "stages", "canvas")
QUADRANTS = ("top-left", "top-right", "bottom-left", "bottom-right")
STAGES_MIN, STAGES_MAX = 2, 8
COLUMNS_MIN, COLUMNS_MAX = 2, 4


class Strict(BaseModel):
    """Unknown fields are errors, so a typo such as `summmary` is caught."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Range(Strict):
    min: int = Field(description="The smallest number.")
    max: int = Field(description="The largest number (at least min).")


class TimeRange(Range):
    unit: str = Field(description="minutes, hours, days or weeks.")


class Item(Strict):
    title: Annotated[Text, StringConstraints(max_length=TITLE_MAX)] = Field(
        description="The page title, in sentence case."
    )
    summary: Annotated[Text, StringConstraints(max_length=SUMMARY_MAX)] = Field(
        description="One sentence: what it is."
    )


# Other names for the same method or tool ("Also called"): shown on the card, weighted in search
# like the title, so a reader who types "five whys" or "customer journey" finds the right page.
Aliases = Annotated[
    list[Annotated[Text, StringConstraints(max_length=ITEM_MAX)]],
    Field(max_length=6, description="Optional. Other names for the same thing (at most 6), such as "
          "five whys for root cause analysis. Shown on the card as \"Also called\" and found by search."),
]


class Mindset(Item):
    """A way of thinking and working. Its methods are listed from the methods' side."""


class WorksheetBox(Strict):
    heading: Annotated[Text, StringConstraints(max_length=ITEM_MAX)] = Field(
        description="The box's heading on the printed worksheet."
    )
    prompt: Annotated[Text, StringConstraints(max_length=SUMMARY_MAX)] = Field(
        description="A question or instruction shown under the heading."
    )
    lines: int = Field(ge=1, le=20, description="How many lines of writing space to leave (1 to 20).")
    quadrant: Literal[QUADRANTS] | None = Field(
        None, description="Grid layout only: the box's corner of the 2×2 grid (top-left, top-right, "
        "bottom-left or bottom-right). Exactly four boxes have one, one each, listed in that order.")
    span: int | None = Field(
        None, ge=1, le=COLUMNS_MAX,
        description="Canvas layout only, optional: how many of the canvas's columns the box takes (1 to `columns`).")


AxisWord = Annotated[Text, StringConstraints(max_length=LABEL_MAX)]


class Axis(Strict):
    label: AxisWord = Field(description="What the axis measures, such as Influence.")
    low: AxisWord = Field(description="The low end's words, such as Little.")
    high: AxisWord = Field(description="The high end's words, such as A lot.")


class Axes(Strict):
    x: Axis = Field(description="Across: low at the left, high at the right.")
    y: Axis = Field(description="Up: low at the bottom, high at the top.")


def _layout_error(message: str, loc: tuple, given) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("layout", message), loc=loc, input=given)


def layout_problems(data: dict) -> list[InitErrorDetails]:
    """The rules that tie a worksheet's layout to its other fields, read from the raw front matter
    (so they are reported together with every field's own problems): which fields each layout
    takes, one box per quadrant in reading order, a span that fits the columns."""
    errors: list[InitErrorDetails] = []
    layout = data.get("layout", "boxes")
    if layout not in LAYOUTS:
        return errors  # the field's own check names the allowed layouts
    boxes = [b for b in data.get("worksheet") or [] if isinstance(b, dict)] \
        if isinstance(data.get("worksheet"), list) else []
    # Each field a layout owns: given on another layout it is a mistake, not silently ignored.
    owners = {"axes": "grid", "stages": "stages", "columns": "canvas", "flow": "canvas"}
    for name, owner in owners.items():
        if name in data and layout != owner:
            errors.append(_layout_error(
                f"only a {owner} layout has {name}, but this worksheet's layout is {layout}. "
                f"Remove {name}, or set layout: {owner}.", (name,), data[name]))
    for number, box in enumerate(data.get("worksheet") if isinstance(data.get("worksheet"), list) else []):
        if not isinstance(box, dict):
            continue
        for name, owner in (("quadrant", "grid"), ("span", "canvas")):
            if name in box and layout != owner:
                errors.append(_layout_error(
                    f"only the boxes of a {owner} layout have a {name}, but this worksheet's layout is "
                    f"{layout}. Remove it, or set layout: {owner}.", ("worksheet", number, name), box[name]))
    if layout == "stages" and "stages" not in data:
        errors.append(_layout_error(
            f"a stages worksheet needs stages: the columns across, {STAGES_MIN} to {STAGES_MAX}, such as "
            "[Before, During, After]. Add the field stages.", ("layout",), layout))
    if layout == "canvas" and "columns" not in data:
        errors.append(_layout_error(
            f"a canvas worksheet needs columns: how many columns its boxes fill, {COLUMNS_MIN} to "
            f"{COLUMNS_MAX}. Add the field columns.", ("layout",), layout))
    if layout == "canvas" and isinstance(data.get("columns"), int) and COLUMNS_MIN <= data["columns"] <= COLUMNS_MAX:
        for number, box in enumerate(data.get("worksheet") if isinstance(data.get("worksheet"), list) else []):
            span = box.get("span") if isinstance(box, dict) else None
            if isinstance(span, int) and not isinstance(span, bool) and 1 <= span <= COLUMNS_MAX and span > data["columns"]:
                errors.append(_layout_error(
                    f"is {span}, but the canvas has {data['columns']} columns: a box can take 1 to "
                    f"{data['columns']}.", ("worksheet", number, "span"), span))
    if layout == "grid" and isinstance(data.get("worksheet"), list):
        placed = [(number, box["quadrant"]) for number, box in enumerate(data["worksheet"])
                  if isinstance(box, dict) and box.get("quadrant") in QUADRANTS]
        seen: dict[str, int] = {}
        for number, quadrant in placed:
            if quadrant in seen:
                errors.append(_layout_error(
                    f"{quadrant} is already box {seen[quadrant] + 1}'s: a grid has one box in each quadrant.",
                    ("worksheet", number, "quadrant"), quadrant))
            else:
                seen[quadrant] = number
        missing = [q for q in QUADRANTS if q not in seen]
        misspelt = any(isinstance(b, dict) and "quadrant" in b and b["quadrant"] not in QUADRANTS
                       for b in data["worksheet"])  # its own problem says what is allowed
        if missing and not misspelt:
            errors.append(_layout_error(
                f"a grid needs exactly one box in each quadrant, but no box has quadrant: "
                f"{', '.join(missing)}. Give four boxes a quadrant: {', '.join(QUADRANTS)}.", ("layout",), layout))
        elif not missing and [q for _, q in placed] != list(QUADRANTS) or placed[-1][0] - placed[0][0] != 3:
            # Reading order: the numbers, the keyboard and a screen reader follow the sheet.
            errors.append(_layout_error(
                f"list the four quadrant boxes one after another, in reading order: {', '.join(QUADRANTS)}. "
                "Boxes without a quadrant go before them (above the grid) or after them (below it).",
                ("worksheet",), data["worksheet"]))
    return errors


class Tool(Item):
    """A worksheet or canvas. The methods that use it name it in their `tools` field."""

    aliases: Aliases = []
    layout: Literal[LAYOUTS] = Field(
        "boxes", description="Optional. The worksheet's shape: boxes (a stack, the default), grid (a 2×2 "
        "grid, four boxes with a quadrant), stages (a table: stages across, the boxes as rows) or canvas "
        "(the boxes in `columns` columns, in order).")
    axes: Axes | None = Field(
        None, description="Grid layout only, optional: the two axes, x (across) and y (up), each with a "
        "label, its low end and its high end. Translated.")
    stages: list[AxisWord] | None = Field(
        None, min_length=STAGES_MIN, max_length=STAGES_MAX,
        description=f"Stages layout only (and required there): the columns across, in order "
        f"({STAGES_MIN} to {STAGES_MAX}). Translated.")
    columns: int | None = Field(
        None, ge=COLUMNS_MIN, le=COLUMNS_MAX,
        description=f"Canvas layout only (and required there): how many columns the boxes fill, "
        f"{COLUMNS_MIN} to {COLUMNS_MAX}.")
    flow: bool | None = Field(
        None, description="Canvas layout only, optional: true draws arrows between the boxes in "
        "reading order, for a chain such as activities, outputs, outcomes.")
    worksheet: list[WorksheetBox] = Field(
        min_length=2,
        max_length=12,
        description="The boxes of the printable worksheet, in order (2 to 12).",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _layout(cls, data, handler):
        """Every field's own problems and the layout's rules, reported together."""
        extra = layout_problems(data) if isinstance(data, dict) else []
        try:
            tool = handler(data)
        except ValidationError as error:
            if not extra:
                raise
            raise ValidationError.from_exception_data(cls.__name__, error.errors() + extra) from None
        if extra:
            raise ValidationError.from_exception_data(cls.__name__, extra)
        return tool


class Method(Item):
    why: Annotated[Text, StringConstraints(max_length=WHY_MAX)] = Field(
        description="Why you would use it: the value it brings."
    )
    aliases: Aliases = []
    phases: list[str] = Field(
        min_length=1, max_length=3, description="Phases of the innovation journey (1 to 3), main one first."
    )
    time: TimeRange = Field(description="Time needed: min, max and unit.")
    people: Range = Field(description="Group size: min and max people.")
    difficulty: str = Field(description="How hard it is to run.")
    materials: list[Annotated[Text, StringConstraints(max_length=ITEM_MAX)]] = Field(
        min_length=1, description="What you need."
    )
    outputs: list[Annotated[Text, StringConstraints(max_length=ITEM_MAX)]] = Field(
        min_length=1, description="What you get out of it."
    )
    steps: list[Annotated[Text, StringConstraints(max_length=STEP_MAX)]] = Field(
        min_length=3, max_length=8, description="The steps in short form for the printed card (3 to 8)."
    )
    mindsets: list[Slug] = Field(min_length=1, description="Slugs of the mindsets it exercises.")
    tools: list[Slug] = Field(default_factory=list, description="Slugs of the tools it uses.")
    related: list[Slug] = Field(min_length=2, description="Slugs of related methods (at least 2).")
    good_for: list[str] = Field(min_length=1, description="Situations it suits.")
    themes: list[str] = Field(default_factory=list, description="Programme themes it suits.")
    labs: list[str] = Field(default_factory=list, description="Learning labs that use it.")


KINDS: dict[str, type[Item]] = {"method": Method, "mindset": Mindset, "tool": Tool}
# The folder under docs/ that holds each kind, one file per item.
FOLDERS: dict[str, str] = {"method": "methods", "mindset": "mindsets", "tool": "tools"}

# Fields whose values must come from a vocabulary in vocabularies.yml.
VOCAB_FIELDS: dict[str, str] = {
    "phases": "phases",
    "difficulty": "difficulty",
    "good_for": "situations",
    "themes": "themes",
    "labs": "labs",
    "time.unit": "time_units",
}
# Fields that name other items by slug, and the kind they must be.
REF_FIELDS: dict[str, str] = {"mindsets": "mindset", "tools": "tool", "related": "method"}

# Sanity limits for ranges: a smaller min or a larger max is almost certainly a typo.
PEOPLE_LIMITS = (1, 200)
TIME_LIMIT_MINUTES = 26 * 2250  # half a working year
