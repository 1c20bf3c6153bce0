"""Headings' permalinks (the "¶" that Python-Markdown's toc extension adds) kept out of the
headings' names.

Inside a heading, the link's text is part of the heading's accessible name: a screen reader
reads "Step by step ¶" (or, with the title as its name, "Step by step Link to this section").
Neither the toc extension (Python-Markdown 3.11: permalink, permalink_class, permalink_title,
permalink_leading) nor Material has a setting for the link's attributes, so this small
treeprocessor, run after the toc extension's, marks each permalink `aria-hidden` and takes it
out of the Tab order (`tabindex="-1"`: an aria-hidden element must not take focus). The anchor
stays, for a pointer user who copies it; the same addresses are in the page's contents lists
(the sidebar's, and a method page's own), which a keyboard or a screen reader reaches.
tests/browser/test_landmarks_and_names.py reads the headings' names in Chromium.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class _Hide(Treeprocessor):
    def __init__(self, md, css_class: str):
        super().__init__(md)
        self.css_class = css_class

    def run(self, root):
        for link in root.iter("a"):
            if self.css_class in (link.get("class") or "").split():
                link.set("aria-hidden", "true")
                link.set("tabindex", "-1")


class PermalinksOutOfNames(Extension):
    def __init__(self, css_class: str = "headerlink", **kwargs):
        self.css_class = css_class
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # The toc extension's treeprocessor has priority 5: lower runs later.
        md.treeprocessors.register(_Hide(md, self.css_class), "hb_permalinks", 4)
