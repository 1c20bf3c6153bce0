"""Turn catalogue entries into HTML: cards, index lists and worksheets.

The templates live in overrides/partials/ and are rendered with our own Jinja
environment (autoescape on, undefined values are errors), so the same card serves
the site and, later, the print layouts. `link` decides where each item's address
points, which differs between a page of the site and a PDF.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .caches import templates
from .loader import Catalogue, Entry

PARTIALS = Path(__file__).parent.parent / "overrides" / "partials"
PRINT = Path(__file__).parent.parent / "overrides" / "print"
Link = Callable[[Entry], str]


class Renderer:
    """Words, view models and HTML in one language. One per language's catalogue (`of`), so each
    language has one Jinja environment, whose compiled templates serve every page and PDF."""

    @classmethod
    def of(cls, catalogue: Catalogue, lang: str | None = None) -> "Renderer":
        """The catalogue's renderer in `lang` (by default the catalogue's own language), made once."""
        lang = lang or catalogue.lang
        made = catalogue.__dict__.setdefault("_renderers", {})
        if lang not in made:
            made[lang] = cls(catalogue, lang)
        return made[lang]

    def __init__(self, catalogue: Catalogue, lang: str):
        self.cat = catalogue
        self.lang = lang
        self.jinja = Environment(
            loader=FileSystemLoader(PARTIALS),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=templates(PARTIALS.parent.parent),
        )
        self._inline: dict = {}
        self._print_jinja = None

    @property
    def print_jinja(self) -> Environment:
        """The same environment, finding the print templates (overrides/print) before the site's
        partials: the printed card uses the site card's macros."""
        if self._print_jinja is None:
            self._print_jinja = self.jinja.overlay(loader=FileSystemLoader([str(PRINT), str(PARTIALS)]))
        return self._print_jinja

    # Words ---------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return self.cat.labels.get(key, self.lang, **values)

    @functools.cached_property  # (a renderer's words do not change: it is made once per catalogue)
    def words(self) -> dict[str, str]:
        keys = ("card_label", "what", "why", "phases", "time", "people", "difficulty", "materials",
                "outputs", "mindsets", "tools", "related", "steps", "none", "worksheet_intro",
                "worksheet_name", "worksheet_date", "also_called")
        return {k: self.t(k) for k in keys}

    def time_text(self, entry: Entry) -> str:
        time = entry.data.time
        unit = self.cat.vocab.term("time_units", time.unit)
        if time.min == time.max:
            word = unit.extra["singular"] if time.max == 1 else unit.label
            return f"{time.max} {word[self.lang]}"
        return f"{self.t('range', min=time.min, max=time.max)} {unit.text(self.lang)}"

    def people_text(self, entry: Entry) -> str:
        people = entry.data.people
        if people.min == people.max:
            return self.t("person_one") if people.max == 1 else self.t("people_exact", n=people.max)
        return self.t("people_range", min=people.min, max=people.max)

    def lang_of(self, entry: Entry) -> str:
        """The language of an item's words when it differs from the page's: an item not yet
        translated keeps its English words, and screen readers must read them as English."""
        from .translations import ORIGINAL

        if self.lang == ORIGINAL or self.cat.translation(entry.src_path) is not None:
            return ""
        return ORIGINAL

    def translation_state(self, src_uri: str) -> str:
        """How much of a page this language's site has in its own words: "" when all of it (and
        always on the original language's site), "card" when only the card is translated, "english"
        when nothing is. The finder and the search results show the last two (lang_state_*)."""
        from .translations import ORIGINAL

        if self.lang == ORIGINAL or src_uri not in self.cat.originals:
            return ""
        done = self.cat.translation(src_uri)
        if done is None:
            return "english"
        return "card" if done.kind != "chapter" and not done.has_body else ""

    def state_label(self, src_uri: str) -> str:
        """The words for a page's translation state, or "" for a page in this language in full."""
        state = self.translation_state(src_uri)
        return self.t(f"lang_state_{state}") if state else ""

    def near_words(self) -> dict[str, str]:
        """The words of "Also consider" (near misses), with their placeholders, for handbook.js."""
        return {"near": self.t("near_heading"), "near-max": self.t("near_people_max", n="{n}"),
                "near-min": self.t("near_people_min", n="{n}"), "near-time": self.t("near_time", time="{time}")}

    # View models ---------------------------------------------------------
    def method_model(self, entry: Entry, link: Link) -> dict:
        vocab, d = self.cat.vocab, entry.data
        total = len(vocab.keys("phases"))

        def refs(kind: str, slugs: list[str]) -> list[dict]:
            return [{"title": self.cat.get(kind, s).data.title, "href": link(self.cat.get(kind, s)),
                     "lang": self.lang_of(self.cat.get(kind, s))} for s in slugs]

        return {
            "slug": entry.slug,
            "lang": self.lang_of(entry),
            "state": self.state_label(entry.src_path),
            "filters": self.filter_data(entry),
            "title": d.title,
            "href": link(entry),
            "summary": d.summary,
            "why": d.why,
            "aliases": d.aliases,
            "phases": [
                {"key": p, "label": vocab.term("phases", p).text(self.lang), "n": vocab.position("phases", p) + 1,
                 "of": self.t("phase_of", n=vocab.position("phases", p) + 1, total=total)}
                for p in d.phases
            ],
            "time": self.time_text(entry),
            "people": self.people_text(entry),
            "difficulty": vocab.term("difficulty", d.difficulty).text(self.lang),
            "materials": d.materials,
            "outputs": d.outputs,
            "steps": d.steps,
            "mindsets": refs("mindset", d.mindsets),
            "tools": refs("tool", d.tools),
            "related": refs("method", d.related),
        }

    def card_text(self, entry: Entry) -> str:
        """What a method's card says, as text for the search index: the same view model and words
        as the card (hb-card.html), each part named, without the card's markup or its buttons.
        The card itself is not read by the search plugin (macros/held.py): this is cheaper, and
        gives each word a space of its own ("What it is: One-to-one…", not "What it isOne-to-one…")."""
        m, w = self.method_model(entry, lambda e: ""), self.words
        parts = [(w["what"], m["summary"]), (w["why"], m["why"]), (w["also_called"], ", ".join(m["aliases"])),
                 (w["phases"], ", ".join(p["label"] for p in m["phases"])), (w["time"], m["time"]),
                 (w["people"], m["people"]), (w["difficulty"], m["difficulty"]),
                 (w["materials"], "; ".join(m["materials"])), (w["outputs"], "; ".join(m["outputs"])),
                 (w["mindsets"], ", ".join(r["title"] for r in m["mindsets"])),
                 (w["tools"], ", ".join(r["title"] for r in m["tools"])),
                 (w["related"], ", ".join(r["title"] for r in m["related"]))]
        return " ".join(f"{name}: {text}{'' if text.endswith(('.', '?', '!')) else '.'}" for name, text in parts if text)

    def minutes(self, entry: Entry, bound: str) -> int:
        time = entry.data.time
        return getattr(time, bound) * self.cat.vocab.term("time_units", time.unit).extra["minutes"]

    def filter_data(self, entry: Entry) -> dict[str, str]:
        """What the methods finder filters on, as data-hb-* attributes: generated, never hand-kept."""
        d = entry.data
        return {
            "phases": " ".join(d.phases),
            "time-min": str(self.minutes(entry, "min")),
            "people-min": str(d.people.min),
            "people-max": str(d.people.max),
            "difficulty": d.difficulty,
            "mindsets": " ".join(d.mindsets),
            "themes": " ".join(d.themes),
            "labs": " ".join(d.labs),
            "good-for": " ".join(d.good_for),
        }

    # HTML ----------------------------------------------------------------
    # Small inline templates, compiled once per renderer (compiling is most of their cost).
    INLINE = {
        "aliases": '<p class="hb-aliases"><strong>{{ label }}:</strong> <span{% if lang %} lang="{{ lang }}"{% endif %}>'
                   '{{ names|join(", ") }}</span></p>',
    }

    def _compiled(self, name: str):
        if name not in self._inline:
            self._inline[name] = self.jinja.from_string(self.INLINE[name])
        return self._inline[name]

    def _partial(self, name: str, **context) -> str:
        context.setdefault("t", self.words)
        html = self.jinja.get_template(name).render(**context)
        # Markdown ends a raw HTML block at a blank line, so the output must have none.
        return re.sub(r"\n\s*\n", "\n", html).strip()

    def card(self, entry: Entry, link: Link, compact: bool = False, planner: str | None = None) -> str:
        """The method card. With `planner` (the planner page's address from this page), the card
        carries a hidden "Add to my session" button that handbook.js shows. The button and the
        link are named after the method for screen readers: a list of 25 "Add to my session"
        buttons cannot be told apart."""
        plan = None
        if planner is not None:
            title = entry.data.title
            plan = {"href": planner, **{k: self.t(f"plan_{k}", n="{n}") for k in ("add", "remove", "added", "removed", "link")},
                    "add_named": self.t("plan_add_named", title=title), "remove_named": self.t("plan_remove_named", title=title),
                    "from": self.t("plan_link_from", title=title)}
        return self._partial("hb-card.html", m=self.method_model(entry, link), compact=compact, plan=plan)

    def planner(self, link: Link, online: str = "") -> str:
        """The session planner: its words, and every method's card and agenda facts, hidden
        until planner.js shows the chosen ones. Methods that take days are listed but not timed.
        `online`: the planner's address on the web, for the offline copy's share link."""
        from .materials import SUPPLIES, items

        keys = ("not_counted", "total", "over", "under", "on_target", "up", "down", "remove", "moved", "gone",
                "copied", "cleared", "minutes", "hours", "hours_minutes", "range", "length", "length_named",
                "break", "break_n", "break_length_named", "break_added", "needed_by", "steps", "untitled")
        keep = {k: "{" + k + "}" for k in ("start", "end", "total", "diff", "target", "min", "max", "title",
                                            "titles", "time", "n", "m", "h")}
        words = {k.replace("_", "-"): self.t(f"planner_{k}", **keep) for k in keys}
        words["supplies"] = json.dumps({k: self.t(f"material_{k}") for k in SUPPLIES}, ensure_ascii=False)
        if online:
            words["online"] = online
        w = {k: self.t(f"planner_{k}") for k in ("nojs", "empty", "agenda", "materials", "share", "share_hint",
                                                    "copy", "print", "clear", "cards", "details", "name", "date",
                                                    "start", "target", "target_hint", "add_break", "online", "qr",
                                                    "untitled")}
        methods = []
        for entry in self.cat.items("method"):
            unit = self.cat.vocab.term("time_units", entry.data.time.unit)
            methods.append({
                "slug": entry.slug, "title": entry.data.title, "href": link(entry), "time": self.time_text(entry),
                "min": self.minutes(entry, "min"), "max": self.minutes(entry, "max"),
                # a session is counted in minutes and hours; days and weeks are work between sessions
                "session": "true" if unit.extra["minutes"] <= 60 else "false",
                "materials": json.dumps(items(entry.data.materials, self.lang), ensure_ascii=False),
                "steps": json.dumps(entry.data.steps, ensure_ascii=False),
                "card": Markup(self.card(entry, link)),
            })
        return self._partial("hb-planner.html", w=w, words=words, methods=methods)

    def filters(self, script: str) -> str:
        """The finder's filters; `script` is the address of its near-misses script (pages/near-misses.js)."""
        vocab, lang = self.cat.vocab, self.lang

        def options(name: str) -> list[dict]:
            return [{"key": t.key, "label": t.text(lang), "minutes": t.extra.get("minutes")} for t in vocab.terms(name)]

        mindsets = [{"key": e.slug, "label": e.data.title} for e in self.cat.items("mindset")]
        words = {k: self.t(f"filter_{k}") for k in ("phase", "time", "people", "difficulty", "any", "none")}
        words["clear_label"] = self.t("filter_clear")  # not "clear": Jinja would find dict.clear first
        words["heading"] = self.t("filters_heading")
        words["count"] = self.t("filter_count", n="{n}", total="{total}")
        selects = [("mindset", self.t("filter_mindset"), mindsets),
                   ("theme", self.t("filter_theme"), options("themes")),
                   ("lab", self.t("filter_lab"), options("labs"))]
        return self._partial(
            "hb-filters.html", t=words, phases=options("phases"), difficulty=options("difficulty"),
            time=options("time_available"), selects=selects, near=self.near_words(), script=script)

    def start_guide(self, link: Link, script: str) -> str:
        vocab, lang = self.cat.vocab, self.lang
        situations = []
        for term in vocab.terms("situations"):
            methods = [e for e in self.cat.items("method") if term.key in e.data.good_for]
            situations.append({"key": term.key, "label": term.text(lang), "description": term.describe(lang),
                               "methods": [{"title": e.data.title, "href": link(e), "summary": e.data.summary,
                                            "phase": vocab.term("phases", e.data.phases[0]).text(lang),
                                            "time": self.time_text(e), "people": self.people_text(e),
                                            "filters": self.filter_data(e)} for e in methods]})
        words = {k: self.t(f"start_{k}") for k in ("situation", "time", "people", "suggest", "none")}
        words["any"] = self.t("filter_any")
        words["because"] = self.t("start_because", situation="{situation}")
        words["time_reason"] = self.t("start_time_reason", time="{time}")
        words["people_reason"] = self.t("start_people_reason", n="{n}")
        words["count"] = self.t("start_count", n="{n}")
        words["back"] = self.t("start_back")
        words["nearly"] = self.t("start_nearly", n="{n}")
        return self._partial(
            "hb-start.html", t=words, situations=situations, near=self.near_words(), script=script,
            time=[{"minutes": t.extra["minutes"], "label": t.text(lang)} for t in vocab.terms("time_available")])

    def aliases(self, entry: Entry) -> str:
        """A tool's other names under its title ("Also called: …"), or nothing."""
        if not entry.data.aliases:
            return ""
        return self._compiled("aliases").render(label=self.t("also_called"), names=entry.data.aliases,
                                                lang=self.lang_of(entry))

    def worksheet_model(self, entry: Entry) -> dict:
        """A tool's worksheet in its layout, for the one template the site, the browser's print and
        the worksheet PDFs share (overrides/partials/hb-worksheet.html; the markup is the contract in
        the fill-in script's and the print's hands). Each box keeps its index in `worksheet`."""
        data = entry.data
        boxes = [{"index": i, "number": i + 1, "box": box, "span": 1, "arrow": False, "where": "", "field": field_name(box.heading),
                  "cells": [field_name(f"{box.heading} - {stage}") for stage in data.stages or []]}
                 for i, box in enumerate(data.worksheet)]
        model = {"title": data.title, "slug": entry.slug, "lang": self.lang,
                 "words_lang": self.lang_of(entry), "layout": data.layout,
                 "boxes": boxes, "wide": layout_is_wide(data), "axes": data.axes, "stages": data.stages or [],
                 "columns": data.columns or 1, "flow": bool(data.flow)}
        if data.layout == "grid":
            placed = [b for b in boxes if b["box"].quadrant]
            first, last = placed[0]["index"], placed[-1]["index"]
            model["before"], model["quadrants"], model["after"] = boxes[:first], placed, boxes[last + 1:]
            for b in placed:
                b["where"] = self._where(b["box"].quadrant, data.axes)
            if data.axes:
                x, y = data.axes.x, data.axes.y
                model["axes_text"] = self.t("worksheet_axes", x=x.label, x_low=x.low, x_high=x.high,
                                            y=y.label, y_low=y.low, y_high=y.high)
        elif data.layout == "canvas":
            # Where each box sits in the canvas's rows (as CSS grid places it): an arrow joins a
            # box to the next one when both are side by side, in reading order.
            filled = 0
            for b, after in zip(boxes, boxes[1:] + [None]):
                b["span"] = min(b["box"].span or 1, model["columns"])
                if filled + b["span"] > model["columns"]:
                    filled = 0
                filled += b["span"]
                nxt = min(after["box"].span or 1, model["columns"]) if after else None
                b["arrow"] = bool(data.flow and after and filled + nxt <= model["columns"])
        return model

    def _where(self, quadrant: str, axes) -> str:
        """A quadrant's place in words, shown on each box when a narrow screen stacks the grid."""
        if axes is None:
            return self.t(f"worksheet_{quadrant.replace('-', '_')}")
        top, left = quadrant.startswith("top"), quadrant.endswith("left")
        return f"{axes.y.label}: {axes.y.high if top else axes.y.low} · {axes.x.label}: {axes.x.low if left else axes.x.high}"

    def worksheet(self, entry: Entry, downloads: str = "") -> str:
        """The tool page's worksheet; `downloads`, the links to its PDFs (printing/links.py)."""
        return self._partial("hb-worksheet.html", m=self.worksheet_model(entry), downloads=Markup(downloads),
                             fill=self.fillin_words())

    def fillin_words(self) -> dict[str, str]:
        """The words of "Fill in on screen" (fillin.js reads them from data-hb-w-* attributes of
        hb-fillin.html), with their {placeholders} left for the script to fill."""
        keys = ("start", "note", "print", "export", "import", "clear", "add_stage", "stage_new", "stage_name",
                "stages", "remove", "remove_stage", "stage_added", "stage_removed", "started", "stopped", "saved",
                "restored", "unsaved", "confirm", "confirm_yes", "confirm_no", "cleared", "exported", "imported",
                "import_bad", "import_other", "file_note", "empty")
        keep = {k: "{" + k + "}" for k in ("n", "stage", "file", "tool", "url")}
        words = {k.replace("_", "-"): self.t(f"fillin_{k}", **keep) for k in keys}
        words["date"] = self.t("worksheet_date")
        words["months"] = self.t("print_months")
        words["day"] = self.t("print_date", day="{day}", month="{month}", year="{year}")
        return words

    def link_list(self, entries: list[Entry], link: Link) -> str:
        """Links to items, each with its summary. In Python rather than a template: the same HTML
        (markupsafe escapes as the template's autoescape did) for a third of the cost, and it is
        on every method page."""
        if not entries:
            return f"<p>{escape(self.t('no_methods'))}</p>"
        items = []
        for e in entries:
            lang = self.lang_of(e)
            attr = f' lang="{escape(lang)}"' if lang else ""
            items.append(f'<li{attr}><a href="{escape(link(e))}">{escape(e.data.title)}</a>: {escape(e.data.summary)}</li>')
        return f'<ul class="hb-list">{"".join(items)}</ul>'


def field_name(text: str) -> str:
    """A PDF form field's name: the box's heading (and stage). A full stop would nest the field
    under another (PDF names are dotted paths), so it goes."""
    return re.sub(r"\s+", " ", text.replace(".", "")).strip()


def layout_is_wide(tool) -> bool:
    """Whether a worksheet prints on landscape paper: a grid, a stages table and a canvas of three or
    four columns need the width; a stack of boxes and a two-column canvas read better upright."""
    return tool.layout in ("grid", "stages") or (tool.layout == "canvas" and (tool.columns or 0) >= 3)


def site_link(page_url: str, use_directory_urls: bool) -> Link:
    """Links from the page at `page_url` to an item's page (macros/urls.py: the one link rule)."""
    from .urls import item_url, relative

    def link(entry: Entry) -> str:
        return relative(item_url(entry.kind, entry.slug, use_directory_urls), page_url)

    return link
