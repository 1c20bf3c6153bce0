"""`make serve` rebuilds only the languages a change can affect, the edited language first."""

from __future__ import annotations

import re
import time
import urllib.request

from helpers import copy_project, edit, serving
from macros.edition import edition
from macros.pipeline import languages_to_rebuild


def affected(docs, *changed):
    """The languages to rebuild after `changed` (paths in docs/), judged against the content as it
    was before the change, as the server judges it."""
    before = edition(docs, docs.parent, "en")
    return lambda: languages_to_rebuild([docs / c for c in changed], docs.parent, before)


def test_which_languages_a_change_affects(mini):
    welsh_only = affected(mini, "methods/alpha.cy.md")
    edit(mini, "methods/alpha.cy.md", "Mae alffa yn gwneud y peth cyntaf.", "Mae alffa yn ei wneud yn gyntaf.")
    assert welsh_only() == ["cy"]

    # The home page's English text: the Welsh home page has its own text, so only English.
    english_text = affected(mini, "index.md")
    edit(mini, "index.md", "A tiny handbook for tests.", "A small handbook for tests.")
    assert english_text() == ["en"]

    # alpha's English body: its Welsh page has only a card, so the English body shows through.
    through = affected(mini, "methods/alpha.md")
    edit(mini, "methods/alpha.md", "When a test needs it.", "When a test calls for it.")
    assert through() == ["en", "cy"]

    # The home page's front matter lives in the English file only: every language.
    front = affected(mini, "index.md")
    edit(mini, "index.md", "title: Mini handbook", "title: The mini handbook")
    assert front() == ["en", "cy"]

    # Anything but a page, or a new page: every language.
    assert languages_to_rebuild([mini.parent / "macros" / "labels.yml"], mini.parent,
                                edition(mini, mini.parent, "en")) == ["en", "cy"]
    new = mini / "methods" / "delta.md"
    new.write_text((mini / "methods" / "beta.md").read_text().replace("Beta method", "Delta method"))
    assert languages_to_rebuild([new], mini.parent, edition(mini, mini.parent, "en")) == ["en", "cy"]


def test_serve_rebuilds_only_the_edited_language_and_the_edited_language_first(tmp_path):
    project, log = copy_project(tmp_path / "project"), tmp_path / "serve.log"
    # With the PDFs: serve makes them once, in the background, and never again in a rebuild.
    with serving(project, log, HANDBOOK_LANGUAGES="en,cy", HANDBOOK_PDF="true") as (server, base):
        def shows(url: str, text: str, seconds: float = 60) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                try:
                    if text in urllib.request.urlopen(base + url, timeout=5).read().decode():
                        return
                except OSError:
                    pass
                assert server.poll() is None, log.read_text()
                time.sleep(0.1)
            raise AssertionError(f"{url} never showed {text!r}:\n{log.read_text()}")

        def rebuilt() -> list[str]:
            return re.findall(r"Rebuilt (.+?) in ", log.read_text())

        shows("cy/", "Llawlyfr bach ar gyfer profion.")
        edit(project / "docs", "index.cy.md", "Llawlyfr bach ar gyfer profion.", "Llawlyfr bach iawn ar gyfer profion.")
        shows("cy/", "Llawlyfr bach iawn")
        assert rebuilt() == ["Cymraeg"], "a Welsh edit rebuilds the Welsh site only"

        # The English home page's text: its Welsh page has its own, so English alone is rebuilt,
        # and the Welsh site stays served meanwhile. (The Welsh-only rebuild before it must not
        # have turned the next round into a whole `mkdocs build`: every language, the PDFs and
        # the offline copy, which made a saved edit take twenty seconds to show.)
        before = log.read_text()
        edit(project / "docs", "index.md", "A tiny handbook for tests.", "A small handbook for tests.")
        shows("", "A small handbook for tests.")
        assert rebuilt()[1:] == ["English"], rebuilt()
        time.sleep(1)
        this_round = log.read_text()[len(before):]
        assert "Building the Cymraeg site" not in this_round and "Offline copy" not in this_round, this_round
        assert "PDFs (" not in this_round, this_round
        shows("cy/", "Llawlyfr bach iawn", seconds=1)
        shows("cy/methods/alpha/", "Dull alffa", seconds=1)

        # A card field lives in the English file: the English pages reload first, then the Welsh.
        edit(project / "docs", "methods/alpha.md", "people: {min: 2, max: 6}", "people: {min: 2, max: 7}")
        shows("methods/alpha/", "2 to 7 people")
        shows("cy/methods/alpha/", "2 i 7 o bobl")
        assert rebuilt()[2:] == ["English", "Cymraeg"], rebuilt()
