"""Every built page of both languages is valid HTML by the W3C's Nu HTML Checker (vnu-jar, run
offline on the machine's Java; `make checkers` installs it).

One run of the checker over every page: Java starts once. Every error fails, except the few
below that come from Material's own templates, which the handbook does not copy; each names the
template and why we leave it. An exclusion matches only its message about its own element, and
an exclusion that matches nothing fails too, so that the list stays true when Material changes.
Warnings (type "info") do not fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import checker, sift

# (message, text that the reported markup contains): errors that come from Material's markup.
MATERIAL = [
    # Material's base.html (not in a block, so not replaceable without copying the whole of
    # base.html) puts autocomplete="off" on its drawer and search toggles, two hidden checkboxes,
    # so that Firefox does not restore them as ticked (the drawer or search open) when a reader
    # comes back to a page. HTML allows autocomplete only on text-like inputs.
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
     "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
     "or “week”.", 'data-md-toggle="drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
     "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
     "or “week”.", 'data-md-toggle="search"'),
    # Material's partials/toc.html gives the contents list a title <label for="__toc">; the
    # __toc checkbox it points to comes from partials/nav-item.html, which leaves it out on a
    # section's index page (navigation.indexes: the Methods and Contribute pages). Changing
    # either would mean copying Material's navigation templates whole.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     'for="__toc"'),
]


def run_vnu(pages: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("The Nu HTML Checker needs Java: sudo apt-get install default-jre-headless")
    jar = checker("vnu-jar/build/dist/vnu.jar")
    result = subprocess.run([java, "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always",
                             *map(str, pages)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["messages"]


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len([p for p in pages if p.parts[len(site.parts)] == "cy"]) > 60, "the Welsh pages are missing"
    assert len(pages) > 120
    root = (site.resolve().as_uri(), f"file:{site.resolve()}")
    failures = sift(
        [m for m in run_vnu(pages) if m["type"] != "info"],  # errors only: not warnings and notes
        MATERIAL,
        lambda m, rule: m["type"] == "error" and m["message"] == rule[0] and rule[1] in m.get("extract", ""),
        lambda m: (f"{m.get('url', '?').replace(root[0], '').replace(root[1], '')}, line {m.get('lastLine', '?')}: "
                   f"{m['type']}: {m['message']}\n    {m.get('extract', '').strip()}"))
    assert not failures, f"{len(failures)} HTML errors:\n" + "\n".join(failures)
