"""A second accessibility engine: HTML_CodeSniffer (through pa11y, on the same Chromium as the
other browser tests; `make checkers` installs it), WCAG2AA, on one page of each layout in
English and in Welsh. axe-core (test_accessibility.py) checks every page; HTML_CodeSniffer's
rules differ in places (forms, labels), so it checks each template once.

Every error fails, except the few below, which come from Material's own markup; each is
matched by its rule and its element, names the template and says why we leave it, and is
listed in the accessibility statement (docs/accessibility.md and accessibility.cy.md). An
exclusion that matches nothing fails too, so that the list stays true when Material changes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM
from helpers import checker, sift

pytestmark = pytest.mark.browser

# One page per layout: home, a method, a tool, the methods index (the finder), the planner, the
# start guide, the glossary.
LAYOUTS = ["", "methods/journey-mapping/", "tools/test-card/", "methods/", "planner/", "start/", "glossary/"]

# (HTML_CodeSniffer's rule, text of the element's opening tag as pa11y reports it): Material's markup.
MATERIAL = [
    # Material's search box (partials/search.html; our copy in overrides/ only names its dialog):
    # a form whose only button clears it. Material's script searches as the reader types and
    # opens the best result on Enter, so Enter submits it (what technique H32 is for); a submit
    # button would be a second control that does nothing, and the script needs the form (it
    # listens for its reset).
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form class="md-search__form"'),
    # Material's partials/nav-item.html: a hidden checkbox (#__toc) that opens the contents list
    # on a phone. On a page with no contents list it is still there, with no label (Material
    # writes the label only with the list). Not focusable and not shown, so no reader meets it;
    # changing it would mean copying Material's navigation templates whole.
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", 'id="__toc"'),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", 'id="__toc"'),
]


def run_htmlcs(urls: list[str]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("HTML_CodeSniffer runs through pa11y on Node: sudo apt-get install nodejs npm")
    pa11y = checker("pa11y/package.json").parent
    result = subprocess.run([node, str(Path(__file__).with_name("htmlcs.js")), str(pa11y), CHROMIUM, *urls],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_one_page_per_layout_passes_html_codesniffer(browser, base_url):
    paths = LAYOUTS + ["cy/" + path for path in LAYOUTS]
    found = run_htmlcs([base_url + path for path in paths])
    assert len(found) == len(paths)
    failures = sift(
        [(url, issue) for url, issues in found.items() for issue in issues if issue["type"] == "error"],
        MATERIAL,
        lambda found, rule: found[1]["code"] == rule[0] and rule[1] in found[1]["context"],
        lambda found: (f"/{found[0].removeprefix(base_url)}: {found[1]['code']} at {found[1]['selector']}: "
                       f"{found[1]['message']}\n    {found[1]['context']}"))
    assert not failures, f"{len(failures)} HTML_CodeSniffer errors:\n" + "\n".join(failures)
