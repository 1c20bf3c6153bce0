"""A method page's own contents list, and the contents lists of a page whose body is not yet in
the page's language (issue 19).

Material's contents list ("Table of contents") sits in the sidebar, after the whole side
navigation in the page's order, and on a phone inside the closed menu: a keyboard user reached
"Step by step" after about fifty Tabs. So each method page also lists its sections in the
article, after the card, where its text begins (`PLACE`, put there by macros/pages.py and filled
in from the page's headings by the MkDocs hook once they have their ids); the skip link lands on
it (overrides/hooks/handbook.py). On a Welsh page whose body is still the English text, the
contents lists name the handbook's standard sections in Welsh, and mark the others as English.
"""

from __future__ import annotations

import html

ID = "hb-contents"
# Where the list goes: raw HTML, which Python-Markdown passes through unchanged.
PLACE = f'<nav class="hb-contents hb-no-print" id="{ID}" data-hb-place></nav>'


def sections(toc) -> list:
    """The page's sections: the level-2 headings under its title (the level-1 heading)."""
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        return list(items[0].children)
    return items


def contents_html(toc, title: str) -> str:
    """The list, as HTML. `data-search-exclude`: Material's search leaves it out of the index
    (the headings themselves are indexed). `tabindex="-1"`: the skip link can move focus to it.
    `hb-no-print`: paper and the handbook PDF have their own contents."""
    rows = "".join(f'<li><a href="{item.url}">{item.title}</a></li>' for item in sections(toc))
    return (f'<nav class="hb-contents hb-no-print" id="{ID}" tabindex="-1" aria-labelledby="{ID}-title" data-search-exclude>'
            f'<p class="hb-contents__title" id="{ID}-title">{html.escape(title)}</p>'
            f'<ul class="hb-contents__list">{rows}</ul></nav>')


def translate_toc(toc, english: list[str], translated: list[str], original: str) -> None:
    """Rename the standard sections of a page whose body is in the original language (English)
    to their names in the page's language, and mark every other heading's entry as English."""
    names = dict(zip(english, translated))
    for item in sections(toc):
        there = names.get(html.unescape(item.title))
        item.title = html.escape(there, quote=False) if there else (
            item.title if item.title.startswith("<span lang=") else f'<span lang="{original}">{item.title}</span>')
