"""Controls a screen reader can tell apart (issue 19), read from Chromium's accessibility tree:
headings named without the permalink's "¶", every landmark named for what it is and no two with
the same name, every control with a name, and "Step by step" a few Tabs from the top of a method
page. Both languages, at desktop and phone widths."""

from __future__ import annotations

import re

import pytest

from helpers import site_paths

pytestmark = pytest.mark.browser

# One page of each layout (the same in both languages).
PAGES = ["", "journey/", "methods/", "methods/journey-mapping/", "tools/interview-guide/", "mindsets/curious/",
         "start/", "planner/", "tags/", "download/", "glossary/", "contribute/translation-status/"]
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LANDMARKS = {"banner", "main", "contentinfo", "navigation", "search", "region", "complementary", "form"}
# Roles whose name comes from their contents or is optional: a focusable one of these still needs a name.
NO_NAME_NEEDED = {"RootWebArea", "main", "navigation", "region", "generic"}
# The Welsh and English "Step by step" heading (macros/labels.yml, required_headings).
STEP_BY_STEP = {"en": "Step by step", "cy": "Cam wrth gam"}


def tree(page) -> list[dict]:
    """The accessibility tree Chromium gives a screen reader: nodes it does not ignore, each with its
    role, name and DOM element's class."""
    cdp = page.context.new_cdp_session(page)
    nodes = [n for n in cdp.send("Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
    cdp.detach()
    found = []
    for n in nodes:
        props = {p["name"]: p["value"].get("value") for p in n.get("properties", [])}
        found.append({"role": n.get("role", {}).get("value"), "name": (n.get("name", {}).get("value") or "").strip(),
                      "focusable": bool(props.get("focusable")), "level": props.get("level")})
    return found


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_landmarks_have_names_of_their_own_and_controls_have_names(browser, base_url, lang, width):
    page = browser.new_page(viewport=WIDTHS[width])
    failures = []
    for path in PAGES:
        where = f"/{'cy/' if lang == 'cy' else ''}{path} ({width})"
        page.goto(base_url + ("cy/" if lang == "cy" else "") + path)
        nodes = tree(page)
        # A form is a landmark only when it has a name (Material's search form has none).
        landmarks = [n for n in nodes if n["role"] in LANDMARKS and (n["role"] != "form" or n["name"])]
        for role in ("banner", "main", "contentinfo"):
            if [n["role"] for n in landmarks].count(role) != 1:
                failures.append(f"{where}: {[n['role'] for n in landmarks].count(role)} {role} landmarks, not 1")
        unnamed = [n["role"] for n in landmarks if n["role"] not in ("banner", "main", "contentinfo") and not n["name"]]
        if unnamed:
            failures.append(f"{where}: landmarks without a name: {unnamed}")
        names = [n["name"] for n in landmarks if n["name"]]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            failures.append(f"{where}: more than one landmark is named {twice}")
        nameless = [n["role"] for n in nodes if n["focusable"] and not n["name"] and n["role"] not in NO_NAME_NEEDED]
        if nameless:
            failures.append(f"{where}: controls without a name: {nameless}")
    page.close()
    assert not failures, "\n".join(failures)


def test_the_side_navigations_buttons_are_named_after_their_section(browser, base_url):
    """The button beside "Methods" that opens and closes its list of pages had no name."""
    page = browser.new_page(viewport=WIDTHS["desktop"])
    for prefix, name in (("", "Pages in Methods"), ("cy/", "Tudalennau'r adran Dulliau")):
        page.goto(base_url + prefix + "methods/journey-mapping/")
        toggle = page.locator(".md-nav--primary .md-nav__container > label.md-nav__link[tabindex='0']")
        assert toggle.count() == 1
        assert [n["name"] for n in tree(page) if n["name"] == name and n["role"] != "navigation"], name
        # The section's own list of pages is a landmark named by the same words.
        assert any(n["role"] == "navigation" and n["name"] == name for n in tree(page))
        assert toggle.evaluate("(el) => document.getElementById(el.htmlFor).checked")
        toggle.focus()
        page.keyboard.press("Enter")
        assert not toggle.evaluate("(el) => document.getElementById(el.htmlFor).checked"), "Enter did not close the list"
    page.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_headings_are_named_without_the_permalink(browser, base_url, site, lang):
    """The "¶" link at the end of each heading is not read as part of its name, and the link stays."""
    page = browser.new_page(viewport=WIDTHS["desktop"])
    failures, headings = [], 0
    for path in PAGES:
        page.goto(base_url + ("cy/" if lang == "cy" else "") + path)
        assert page.locator("h2 a.headerlink, h1 a.headerlink").count() > 0, f"/{path}: no permalinks at all"
        for n in tree(page):
            if n["role"] == "heading":
                headings += 1
                if "¶" in n["name"] or re.search(r"(Link to this section|Dolen i'r adran hon)$", n["name"]):
                    failures.append(f"/{path}: heading {n['name']!r}")
    page.close()
    assert headings > 50
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("lang", "name"), [("en", "Find a method"), ("cy", "Dod o hyd i ddull")])
def test_find_a_method_is_a_heading_that_names_the_finder(browser, base_url, lang, name):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(base_url + ("cy/" if lang == "cy" else "") + "methods/")
    nodes = tree(page)
    assert {"role": "heading", "name": name, "focusable": False, "level": 2} in nodes
    assert any(n["role"] == "search" and n["name"] == name for n in nodes)
    page.close()


def tabs_to_step_by_step(page, url: str, lang: str) -> int:
    """Tabs from the top of the page until "Step by step" (a link to it, or the heading) has
    focus, pressing Enter once on the skip link if the first Tab reaches it."""
    page.goto(url)
    for count in range(1, 80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const el = document.activeElement;
            return {text: el.textContent.trim(), href: el.getAttribute('href'), skip: el.classList.contains('md-skip'), tag: el.tagName}; }""")
        if count == 1:
            assert focused["skip"], f"{url}: the first Tab reaches {focused}, not the skip link"
            page.keyboard.press("Enter")
            continue
        if focused["text"] == STEP_BY_STEP[lang]:
            target = focused["href"]
            page.keyboard.press("Enter")
            heading = page.locator(target)
            assert heading.evaluate("(el) => el.tagName") == "H2" and heading.text_content().strip().startswith(STEP_BY_STEP[lang])
            assert heading.evaluate("(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
            return count
    return 999


def test_step_by_step_is_a_few_tabs_from_the_top_of_every_method_page(browser, base_url, site):
    """The skip link lands on the page's own contents list, after the card, where the text begins;
    "Step by step" is its third entry ("When to use it" and "Before you start" come first). So it is
    1 Tab (the skip link) + Enter + 3 Tabs = 4; 8 leaves room for up to four sections a page adds
    before it. Without the list, it was about fifty Tabs (through the side navigation)."""
    page = browser.new_page(viewport=WIDTHS["desktop"])
    methods = [p for p in site_paths(site) if p.startswith("methods/") and p != "methods/"]
    assert len(methods) > 30
    counts = {p: tabs_to_step_by_step(page, base_url + p, "en") for p in methods}
    for p in methods[:3]:  # the Welsh pages have the same list, in Welsh
        counts["cy/" + p] = tabs_to_step_by_step(page, base_url + "cy/" + p, "cy")
    page.set_viewport_size(WIDTHS["phone"])  # and on a phone, where the sidebar's list is in the closed menu
    counts["(phone) " + methods[0]] = tabs_to_step_by_step(page, base_url + methods[0], "en")
    page.close()
    far = {p: n for p, n in counts.items() if n > 8}
    assert not far, f"Tabs to reach Step by step: {far}"
    assert min(counts.values()) == 4, counts
