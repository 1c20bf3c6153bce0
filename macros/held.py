"""Finished HTML kept out of Markdown's way, and put back once the page is HTML.

The macros (macros/pages.py) make HTML that is already final: cards, the planner, the finder's
form, pictures. Given to Python-Markdown as raw HTML, every block of it was parsed twice more
for nothing (by Markdown's raw-HTML extraction and by MkDocs' search for anchors), which was a
third of a method page's Markdown time and most of the planner's. So the macros hand Markdown a
short token in a paragraph of its own instead, and the MkDocs hook puts the HTML back:

- `fill(html)`, when the page is HTML (on_page_content), puts back what the search index should
  read (a method page's own card, a tool's worksheet). It also returns the ids of everything
  held, so that MkDocs can check links to their anchors. The rest is left as an HTML comment,
  which the search plugin's parser skips.
- `fill_late(html)`, once the search plugin has read the page (on_page_context), puts back what
  it should not: the planner's hidden cards, the finder's and the start guide's lists of methods
  (each method is found on its own page), pictures and the print links. A result that leads to
  the planner for every word of every card helped no one.

Nothing else changes: Python-Markdown passed a raw HTML block through unchanged, as this does,
and its headings were never in the page's contents list.

Why not Python-Markdown's own stash (`md.htmlStash`): the macros run before Markdown exists for
the page (mkdocs-macros renders the page's text first), so there is no Markdown instance to
stash into.
"""

from __future__ import annotations

import re

PREFIX = "hbheld"  # letters and digits only: no Markdown or smart-symbol rule changes them
TOKEN = re.compile(rf"{PREFIX}(\d+)x")
PARAGRAPH = re.compile(rf"<p>{PREFIX}(\d+)x</p>")  # the token as Markdown leaves it: a paragraph of its own
LATE = re.compile(rf"<!--{PREFIX}(\d+)x-->")
ID = re.compile(r"""\sid=["']([^"']+)["']""")


class Held:
    """What one page's macros held back, in order. One per page: Pages.start_page makes it."""

    def __init__(self, page: str):
        self.page = page  # its path in docs/, for the error below
        self.parts: list[tuple[str, bool]] = []  # (html, whether search reads it)

    def block(self, html: str, search: bool = True) -> str:
        """Hold a block of finished HTML; returns the paragraph that stands for it meanwhile."""
        self.parts.append((html, search))
        return f"\n\n{PREFIX}{len(self.parts) - 1}x\n\n"

    def fill(self, html: str) -> tuple[str, set[str]]:
        """Put back what search reads; leave the rest as comments. Returns the page's HTML and the
        ids in everything held (for MkDocs' check of links to anchors)."""
        found: set[int] = set()

        def put(match: re.Match) -> str:
            n = int(match.group(1))
            found.add(n)
            part, search = self.parts[n]
            return part if search else f"<!--{PREFIX}{n}x-->"

        html = PARAGRAPH.sub(put, html)
        missing = [n for n in range(len(self.parts)) if n not in found]
        if missing:
            raise HeldError(self.page, TOKEN.search(html) is not None)
        ids = {i for part, _ in self.parts for i in ID.findall(part)}
        return html, ids

    def after_search(self, html: str) -> str:
        """Hold HTML made once the page is HTML (its contents list), for after search has read it."""
        self.parts.append((html, False))
        return f"<!--{PREFIX}{len(self.parts) - 1}x-->"

    def fill_late(self, html: str) -> str:
        return LATE.sub(lambda m: self.parts[int(m.group(1))][0], html)


class HeldError(ValueError):
    def __init__(self, page: str, inline: bool):
        # (The content checks catch a block macro in the middle of a line first: checks.check_body.)
        where = ("a macro that makes a block (a card, a list, the planner) is in the middle of a paragraph: "
                 "put it on a line of its own, with a blank line before and after it") if inline else \
                "a macro's output was lost (inside a code block or an HTML comment?)"
        super().__init__(f"docs/{page}: {where}.")
