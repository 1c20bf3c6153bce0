"""The one definition of each kind's front matter fields.

The build, the tests and the contributor guide all read these models. Checks that
need the whole handbook (vocabularies, references between items, duplicates) live
in checks.py; everything about a single field's shape lives here.

Each field's description is written for contributors: it is shown in error
messages and in the generated JSON Schema.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# A line of text on a card: no leading or trailing spaces, never empty.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

TITLE_MAX = 60
SUMMARY_MAX = 160
WHY_MAX = 300
STEP_MAX = 120
ITEM_MAX = 80


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


class Tool(Item):
    """A worksheet or canvas. The methods that use it name it in their `tools` field."""

    aliases: Aliases = []
    worksheet: list[WorksheetBox] = Field(
        min_length=2,
        max_length=12,
        description="The boxes of the printable worksheet, in order (2 to 12).",
    )


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
