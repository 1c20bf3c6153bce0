"""What the site's pages show: the macros authors call, and what item pages get automatically."""

from __future__ import annotations

import html
import re
from pathlib import Path

from . import contents, jsonschema
from .held import Held
from .loader import PLANNER, Catalogue, Entry
from .translations import LANGUAGES, NAMES, ORIGINAL, revision, translation_uri
from .printing import Files
from .printing.links import DOWNLOAD_PAGE, downloads_html, print_card_html, print_worksheet_html
from .render import Renderer, site_link
from .schema import FOLDERS
from .urls import markdown_link, page_url, relative

# The finder's and the start guide's script for near misses, loaded on those two pages only.
NEAR_SCRIPT = "assets/javascripts/pages/near-misses.js"


class Pages:
    def __init__(self, catalogue: Catalogue, lang: str, use_directory_urls: bool, pdf: bool = True,
                 root: Path | None = None, site_name: str = "", site_url: str = ""):
        self.cat = catalogue
        self.root = root or Path(__file__).resolve().parent.parent  # the project, for its git history
        self.render = Renderer.of(catalogue, lang)
        self.lang = lang
        self.use_directory_urls = use_directory_urls
        self.pdf = pdf  # whether this build makes the PDFs (extra.pdf): links to them only then
        self.files = Files(lang)
        self.site_name = site_name  # printed on the whiteboard backgrounds (macros/pictures.py)
        self.site_url = site_url  # the site's address on the web (mkdocs.yml's site_url)
        self.page_url = ""  # the page being built, set by on_pre_page_macros
        self.page_src = ""  # its path in docs/
        self.held = Held("")  # the finished HTML its macros keep out of Markdown's way (macros/held.py)

    def start_page(self, page) -> None:
        """The page the macros are on now: their links are relative to it, and the HTML they hold
        back is the page's (`page.handbook_held`: the MkDocs hook puts it back into the page)."""
        self.page_url = page.url
        self.page_src = page.file.src_uri
        self.held = page.handbook_held = Held(page.file.src_uri)

    def _link(self):
        return site_link(self.page_url, self.use_directory_urls)

    def _relative(self, path: str) -> str:
        """A link from the current page to a file of the built site, such as a PDF. A path
        starting with ../ leaves this build's site, for another language's (the site root's)."""
        return relative(path, self.page_url)

    def _page(self, src_uri: str) -> str:
        """A link from the current page to another page of this build, by its path in docs/."""
        return relative(page_url(src_uri, self.use_directory_urls) or "./", self.page_url)

    def _planner(self) -> str:
        """The session planner's address from the current page."""
        return self._page(PLANNER)

    # Navigation -------------------------------------------------------------
    def expand_nav(self, nav: list | None) -> None:
        """Add every item to its section of the navigation, after the section's index page.

        Membership is the file itself: there is no list of methods to keep in step by hand.
        """
        if not nav:
            return
        for item in nav:
            if isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        self._expand_section(value)
                        self.expand_nav(value)

    def _expand_section(self, section: list) -> None:
        for kind, folder in FOLDERS.items():
            if f"{folder}/index.md" in section:
                listed = {v for v in section if isinstance(v, str)}
                section.extend(e.src_path for e in self.cat.items(kind) if e.src_path not in listed)

    # Macros for authors -----------------------------------------------------
    def method_index(self) -> str:
        """The methods finder's form, then every method as a compact card, grouped by its
        main phase in journey order. Each group is a section, so filtering can hide empty ones."""
        hold = self.held.block
        parts = [hold(self.render.filters(self._relative(NEAR_SCRIPT)), search=False)]
        for term in self.cat.vocab.terms("phases"):
            entries = self.cat.methods_in_phase(term.key, main_only=True)
            parts.append(f'<section class="hb-phase-group" data-hb-phase="{term.key}" markdown="1">\n')
            parts.append(f"## {term.text(self.lang)} {{ #{term.key} }}\n\n{html.escape(term.describe(self.lang))}\n")
            if entries:
                cards = "\n".join(self.render.card(e, self._link(), compact=True, planner=self._planner()) for e in entries)
                parts.append(hold(f'<div class="hb-grid">\n{cards}\n</div>', search=False))
            else:
                parts.append(f"{self.render.t('no_methods')}\n")
            parts.append("</section>\n")
        return "\n".join(parts)

    def session_planner(self) -> str:
        """The session planner: an agenda built in the browser from the cards a reader adds."""
        # The offline copy (plain .html links, opened from disk) shares the plan by its address on
        # the web: a file:// address means nothing on anyone else's computer.
        online = "" if self.use_directory_urls or not self.site_url else \
            self.site_url.rstrip("/") + "/" + page_url(PLANNER, True)
        return self.held.block(self.render.planner(self._link(), online=online), search=False)

    def start_guide(self) -> str:
        """"Where do I start?": three questions, then methods whose good_for names the
        situation, in journey order. Without JavaScript every situation's list shows."""
        return self.held.block(self.render.start_guide(self._link(), self._relative(NEAR_SCRIPT)), search=False)

    def mindset_index(self) -> str:
        return self._links(self.cat.items("mindset"))

    def tool_index(self) -> str:
        return self._links(self.cat.items("tool"))

    def _links(self, entries: list[Entry]) -> str:
        """A list of links to items, each with its summary (held: it is finished HTML). Not read
        by search: each summary is found on its item's own page, and a method's words found on
        every page that lists it (its neighbours, its phase, its mindsets) only crowd the results."""
        return self.held.block(self.render.link_list(entries, self._link()), search=False)

    def journey(self) -> str:
        """Each phase with its description and every method that serves it (main phase or not)."""
        parts = []
        total = len(self.cat.vocab.keys("phases"))
        for n, term in enumerate(self.cat.vocab.terms("phases"), start=1):
            of = self.render.t("phase_of", n=n, total=total)
            parts.append(f"## {term.text(self.lang)} {{ #{term.key} }}\n\n*{of}.* {html.escape(term.describe(self.lang))}\n")
            parts.append(f"**{self.render.t('methods_in_phase')}:**\n")
            parts.append(self._links(self.cat.methods_in_phase(term.key)))
        return "\n".join(parts)

    def journey_map(self) -> str:
        """The innovation journey as a picture (macros/pictures.py): the phases in order, each with
        the methods whose main phase it is; every phase links to its part of the journey chapter
        and every method to its page. Beside the picture, the same as a nested list.

        Why a list and not ARIA roles inside the SVG: screen readers handle an HTML list the same
        everywhere (its length, its items, moving from list to list), while roles such as
        role="list" on SVG groups are read unevenly (VoiceOver, in particular, flattens SVG
        groups), and a name wrapped over several <tspan> lines is read in pieces. So the picture
        is aria-hidden, its links are for pointers only (out of the tab order), and the list
        carries the links for keyboards and screen readers: it is visually hidden until a link
        in it has focus, when it shows (handbook.css), so keyboard focus is always visible."""
        from .pictures import Phase, journey_svgs, picture_cache

        here = self.page_src == "journey.md"
        chapter = "" if here else self._page("journey.md")
        link = self._link()
        phases = [Phase(term.key, n, term.text(self.lang), f"{chapter}#{term.key}",
                        [(e.data.title, link(e)) for e in self.cat.methods_in_phase(term.key, main_only=True)])
                  for n, term in enumerate(self.cat.vocab.terms("phases"), start=1)]
        pictures = journey_svgs(phases, picture_cache(self.root))
        items = []
        for phase in phases:
            methods = "".join(f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>' for title, href in phase.methods)
            name = self.render.t("journey_map_phase", n=phase.n, phase=phase.label)  # not a method's name
            items.append(f'<li><a href="{html.escape(phase.href)}">{html.escape(name)}</a>'
                         f'{f"<ul>{methods}</ul>" if methods else ""}</li>')
        caption = html.escape(self.render.t("journey_map_caption"))
        figure = (f'<figure class="hb-journey-map">\n<figcaption class="hb-journey-map__caption">{caption}</figcaption>\n'
                  f'<div class="hb-journey-map__picture">{pictures["wide"]}{pictures["tall"]}</div>\n'
                  f'<ol class="hb-journey-map__list hb-no-print">{"".join(items)}</ol>\n</figure>')
        return self.held.block(figure, search=False)

    def _table(self, head: list[str], rows: list[list[str]], wrapper: str = "") -> str:
        """A table in HTML (cells given as HTML; `code` spans written `like this`), held out of
        Markdown (macros/held.py): as Markdown tables, the contributor guide's and the translators'
        tables were the slowest pages to build after the planner."""
        def cell(text: str) -> str:
            return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)

        table = ("<table>\n<thead>\n<tr>" + "".join(f"<th>{cell(h)}</th>" for h in head) + "</tr>\n</thead>\n<tbody>\n"
                 + "\n".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>" for row in rows)
                 + "\n</tbody>\n</table>")
        return self.held.block(f'<div class="{wrapper}">\n{table}\n</div>' if wrapper else table)

    def vocabulary_table(self, name: str) -> str:
        """A table of a vocabulary's allowed values, for the contributor guide."""
        return self._table(["Value", "Label", "Meaning"],
                           [[f"`{html.escape(term.key)}`", html.escape(term.text(self.lang)), html.escape(term.describe(self.lang))]
                            for term in self.cat.vocab.terms(name)])

    def fields_table(self, kind: str) -> str:
        """Every front matter field of a kind, from the same JSON Schema editors use:
        whether it is required, what it holds and its limits or allowed values."""
        from .caches import folder

        schema = jsonschema.built(kind, self.cat.vocab, folder(self.root, "schemas"))
        required = set(schema.get("required", []))
        # Three columns, not four: the table must fit a phone without scrolling sideways.
        rows = []
        for name, prop in schema["properties"].items():
            need = self.render.t("field_required" if name in required else "field_optional")
            rows.append([f"`{html.escape(name)}` ({html.escape(need)})", html.escape(prop.get("description", "")),
                         html.escape(_limits(prop, schema), quote=False)])
        return self._table(["Field", "What it holds", "Limits and allowed values"], rows)

    def contributors(self) -> str:
        """Everyone in the git history, thanked on the About page (macros/contributors.py)."""
        from .contributors import names

        found = names(self.root)
        if found is None:
            return html.escape(self.render.t("contributors_unknown"))
        return "\n".join(f"- {html.escape(name)}" for name in found)

    def terminology_table(self) -> str:
        """The handbook's English-Welsh terms (macros/terminology.yml), for translators."""
        rows = []
        for term in self.cat.terminology:
            note = term.get("note", "")
            if term.get("also"):  # other wordings, right in some sentences
                note = f"{note} Also: {', '.join(term['also'])}.".strip()
            if term.get("avoid"):  # a wording a reviewer found wrong: the tests fail on it
                note = f"{note} Not: {', '.join(term['avoid'])}.".strip()
            rows.append([html.escape(term["en"]), html.escape(term["cy"]), html.escape(note)])
        # A wrapper the stylesheet can reach: long terms wrap, so the table fits a phone's width
        # instead of scrolling sideways (a scrolling region would need its own focus stop).
        return self._table(["English", "Cymraeg", "Note"], rows, wrapper="hb-terms")

    def _states(self, lang: str) -> dict[str, int]:
        """How many pages are in each state of translation into a language."""
        counts = {"reviewed": 0, "draft": 0, "out-of-date": 0, "missing": 0, "card-only": 0}
        for uri in self.cat.originals:
            done = self.cat.translation(uri, lang)
            counts[done.state if done else "missing"] += 1
            if done is not None and done.kind != "chapter" and not done.has_body:
                counts["card-only"] += 1
        return counts

    def translation_counts(self) -> str:
        """A table, for the top of the status page: each state and how many pages are in it, per
        language."""
        t = self.render.t
        rows = [f"| {t('status_state')} | " + " | ".join(NAMES[lang] for lang in LANGUAGES[1:]) + " |",
                "| --- |" + " ---: |" * len(LANGUAGES[1:])]
        counts = {lang: self._states(lang) for lang in LANGUAGES[1:]}
        for state in ("reviewed", "draft", "out-of-date", "missing", "card-only"):
            rows.append(f"| {t('status_' + state.replace('-', '_'))[:1].upper() + t('status_' + state.replace('-', '_'))[1:]} | "
                        + " | ".join(str(counts[lang][state]) for lang in LANGUAGES[1:]) + " |")
        rows.append(f"| {t('status_total')} | " + " | ".join(str(len(self.cat.originals)) for _ in LANGUAGES[1:]) + " |")
        return "\n".join(rows)

    def review_progress(self) -> str:
        """One sentence on how far review of this site's language has got (for its home page)."""
        lang = self.cat.lang if self.cat.lang != LANGUAGES[0] else LANGUAGES[1]
        counts = self._states(lang)
        link = self._relative_md("contribute/translation-status.md")
        return self.render.t("review_progress", reviewed=counts["reviewed"], total=len(self.cat.originals),
                             link=link)

    def translation_status(self) -> str:
        """Every page with the state of its translation in each language: missing, draft,
        reviewed, or out of date (the English words changed since it was translated). A table in
        HTML, held out of Markdown (macros/held.py): as a Markdown table of every page it was the
        slowest page of the build."""
        t, esc = self.render.t, html.escape
        parts = []
        pages = sorted(self.cat.originals, key=lambda uri: (uri.count("/"), uri))
        for lang in LANGUAGES[1:]:
            head = "".join(f"<th>{esc(h)}</th>" for h in (t("status_page"), t("status_revision"), NAMES[lang]))
            rows = []
            for uri in pages:
                kind, english = self.cat.originals[uri]
                done = self.cat.translation(uri, lang)
                state = done.state if done else "missing"
                words = t(f"status_{state.replace('-', '_')}")
                if done is not None and done.kind != "chapter" and not done.has_body:
                    words += f" ({t('status_card_only')})"
                title = esc(str(english.meta.get("title", uri)))
                rows.append(f'<tr><td><a href="{esc(self._page(uri))}">{title}</a><br><code>docs/{esc(translation_uri(uri, lang))}</code></td>'
                            f"<td><code>{esc(revision(kind, english))}</code></td><td>{esc(words)}</td></tr>")
            counts = self._states(lang)
            summary = t("status_summary", language=NAMES[lang], total=len(pages), **{k.replace("-", "_"): v for k, v in counts.items()})
            table = f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
            # (Not read by search: a row for every page would match every page's title.)
            parts.append(f"{summary}\n\n" + self.held.block(table, search=False))
        return "\n\n".join(parts)

    def _relative_md(self, src_uri: str) -> str:
        """A markdown link target from the current page's file to another page's file."""
        return markdown_link(src_uri, self.page_src or "index.md")

    def page_meta(self, page) -> None:
        """Metadata an item page gets from its front matter, before any plugin reads it:
        a method's tags (its phases, difficulty, themes and labs, in the page's language) for
        the tags plugin's listing, and a search boost so that method pages rank first."""
        entry: Entry | None = self.cat.by_src_path(page.file.src_path)
        if entry is None or entry.kind != "method":
            return
        vocab, data = self.cat.vocab, entry.data
        picked = [("phases", key) for key in data.phases] + [("difficulty", data.difficulty)]
        picked += [("themes", key) for key in data.themes] + [("labs", key) for key in data.labs]
        page.meta["tags"] = [vocab.term(name, key).text(self.lang) for name, key in picked]
        page.meta.setdefault("search", {"boost": 2})

    # Automatic additions to item pages --------------------------------------
    def decorate(self, page, markdown: str) -> str:
        """The title as the page's level-1 heading (the first entry of the page's contents, where
        Material's skip link lands; on a method page the hook moves the skip link to the page's
        own contents list, after the card: macros/contents.py), then what item pages get
        automatically."""
        title = re.sub(r"([\\`*_\[\]{}#])", r"\\\1", html.escape(page.meta["title"], quote=False))
        src = page.file.src_path.replace("\\", "/")
        if src == DOWNLOAD_PAGE:
            markdown += "\n\n" + downloads_html(self.render, self.files, self._relative, self.pdf) + "\n"
        attrs, note, english_body = self._language(src)
        if english_body:
            # The text is the English original: say so to screen readers (WCAG 3.1.2, language of parts).
            # (The div's tags are held, not marked markdown="1": the text between them is Markdown.)
            markdown = self.held.block(f'<div lang="{ORIGINAL}">') + markdown + self.held.block("</div>")
        return f"# {title} {{ #hb-title{attrs} }}\n\n{note}{self._item_parts(page, markdown)}"

    def _language(self, src: str) -> tuple[str, str, bool]:
        """For a page in a translation's language: the title's attributes, a notice about the
        translation, and whether the body is the English original."""
        if self.lang == ORIGINAL or src not in self.cat.originals:
            return "", "", False
        done = self.cat.translation(src)
        help_link = f' <a href="{self._page("contribute/translate.md")}">{{help}}</a>'

        def both(key: str) -> str:
            """A notice in this language, then in English, for readers who came for either."""
            lines = [f'<p lang="{code}">{html.escape(self.cat.labels.get(key, code))}'
                     f'{help_link.format(help=html.escape(self.cat.labels.get("lang_help", code)))}</p>'
                     for code in (self.lang, ORIGINAL)]
            return f'<div class="hb-lang-note" role="note">\n{"".join(lines)}\n</div>\n\n'

        if done is None:
            return f' lang="{ORIGINAL}"', both("lang_missing"), True
        notes = ""
        if done.kind != "chapter" and not done.has_body:
            notes += both("lang_card_only")
        if done.out_of_date:
            notes += f'<p class="hb-lang-draft">{html.escape(self.render.t("lang_out_of_date"))}</p>\n\n'
        elif done.status == "draft":
            notes += f'<p class="hb-lang-draft">{html.escape(self.render.t("lang_draft"))}</p>\n\n'
        return "", notes, done.kind != "chapter" and not done.has_body

    def _item_parts(self, page, markdown: str) -> str:
        entry: Entry | None = self.cat.by_src_path(page.file.src_path)
        if entry is None:
            return markdown
        # Material prints the description into a <meta> attribute without escaping it.
        page.meta.setdefault("description", html.escape(entry.data.summary, quote=True))
        link, hold = self._link(), self.held.block
        if entry.kind == "method":
            before, after = self.cat.neighbours(entry)
            t = self.render.t

            def side(label: str, entries: list[Entry], none: str) -> str:
                listed = self.render.link_list(entries, link) if entries else f"<p>{html.escape(t(none), quote=False)}</p>"
                return f"<p><strong>{html.escape(t(label), quote=False)}:</strong></p>\n{listed}"

            # The heading in Markdown (it is in the page's contents list); the rest held, as HTML.
            walk = (f"## {t('walk_heading')} {{ #hb-walk }}\n\n"
                    + hold(side("walk_before", before, "walk_start") + "\n" + side("walk_after", after, "walk_end"),
                           search=False))
            # Search gets the card's words from its data (macros/search.py), not from its HTML.
            card = hold(self.render.card(entry, link, planner=self._planner()), search=False)
            if self.pdf:
                card += hold(print_card_html(self.render, self.files, entry, self._relative), search=False)
            # The page's own contents list, after the card, where the text begins (macros/contents.py).
            return f"{card}\n\n{contents.PLACE}\n\n{markdown}\n\n{walk}"
        if entry.kind == "mindset":
            methods = self.cat.methods_using("mindsets", entry.slug)
            heading = self.render.t("methods_for_mindset")
            return f"{markdown}\n\n## {heading}\n\n{self._links(methods)}\n"
        methods = self.cat.methods_using("tools", entry.slug)
        aliases = self.render.aliases(entry)
        pdf = print_worksheet_html(self.render, self.files, entry, self._relative) if self.pdf else ""
        return (
            f"{hold(aliases) if aliases else ''}{hold(self._tool_picture(entry), search=False)}{markdown}\n\n"
            f"## {self.render.t('worksheet')}\n\n{hold(self.render.worksheet(entry, downloads=pdf))}"
            f"## {self.render.t('methods_for_tool')}\n\n{self._links(methods)}\n"
        )

    def _tool_picture(self, entry: Entry) -> str:
        """Near the top of a tool's page: a small picture of its blank worksheet, so that readers
        recognise the tool before they scroll (decorative: aria-hidden, since the worksheet
        follows in words), and its whiteboard backgrounds to download (macros/pictures.py draws
        them; the MkDocs hook writes the same files into the site), with their sizes."""
        from .pictures import Sheet, picture_cache, preview, size_text, whiteboard, whiteboard_path

        sheet = Sheet.of(entry.data)
        svg_text, png_data = whiteboard(sheet, {"credit": self.site_name}, picture_cache(self.root))
        t = self.render.t
        links = [f'<a href="{html.escape(self._relative(whiteboard_path(entry.slug, self.lang, ext)))}" '
                 f'type="{kind}" download>{html.escape(t("whiteboard_file", format=ext.upper(), size=size_text(size)))}</a>'
                 for ext, kind, size in (("svg", "image/svg+xml", len(svg_text.encode("utf-8"))),
                                          ("png", "image/png", len(png_data)))]
        words = html.escape(t("whiteboard_links", svg="\0svg\0", png="\0png\0"))
        words = words.replace("\0svg\0", links[0]).replace("\0png\0", links[1])
        return (f'<div class="hb-preview hb-no-print">\n<div class="hb-preview__picture">{preview(sheet, picture_cache(self.root))}</div>\n'
                f'<p class="hb-preview__text"><strong>{html.escape(t("whiteboard"))}:</strong> {words} '
                f'{html.escape(t("whiteboard_about"))}</p>\n</div>')


def _limits(prop: dict, schema: dict) -> str:
    """A short, readable summary of one property's constraints."""
    if "anyOf" in prop:  # an optional field (`X | None`): the limits of its one real type
        real = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(real) == 1:
            prop = {**real[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
    if "$ref" in prop:
        sub = schema["$defs"][prop["$ref"].split("/")[-1]]
        return "; ".join(f"`{k}`: {_limits(v, schema) or v.get('type', '')}" for k, v in sub["properties"].items())
    parts = []
    items = prop.get("items", {})
    if "$ref" in items:
        sub = schema["$defs"][items["$ref"].split("/")[-1]]
        parts.append("each with " + ", ".join(f"`{k}`" for k in sub["properties"]))
    if "enum" in prop or "enum" in items:
        parts.append(", ".join(f"`{v}`" for v in prop.get("enum", items.get("enum", []))))
    if "maxLength" in prop or "maxLength" in items:
        parts.append(f"at most {prop.get('maxLength', items.get('maxLength'))} characters")
    if "pattern" in items:
        parts.append("slugs: file names without .md")
    if "minItems" in prop or "maxItems" in prop:
        low, high = prop.get("minItems", 0), prop.get("maxItems")
        parts.append(f"{low} to {high} items" if high else f"at least {low} item{'s' if low != 1 else ''}")
    if "minimum" in prop and "maximum" in prop:
        parts.append(f"{prop['minimum']} to {prop['maximum']}")
    if prop.get("type") == "boolean":
        parts.append("`true` or `false`")
    if "default" in prop and isinstance(prop["default"], str):
        parts.append(f"default `{prop['default']}`")
    if prop.get("type") == "array" and not parts:
        parts.append("a list")
    return "; ".join(parts)
