"""Accessibility and privacy, checked in a real Chromium on every page of the built site, in
English and in Welsh.

axe-core runs on every page, for the WCAG 2.0, 2.1 and 2.2 A and AA rules, at desktop and phone
widths in the light scheme, and at desktop width in the dark scheme for the rules that depend on
colour (COLOUR_RULES). Every request the browser makes is recorded: none may leave the site's
origin. At phone width each page is also checked for reflow (WCAG 1.4.10 at 320 CSS px; 1.4.4
with text at 200 %). No rule is excluded.

Each page is loaded once per width. At desktop width axe runs in the light scheme, then the page
is switched to the dark scheme in place (as the header's switch does) and the colour rules run
again. The dark scheme changes colours only, not markup or layout, and our colours do not change
with the width, so the dark scheme is not checked a second time at phone width: with both
languages, that check cost more than a minute of the suite's ten and found nothing the desktop
check does not. Each language's pages are checked in two halves, so that two workers share the
work evenly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import site_paths

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
# The dark scheme changes colours only: the markup and layout are those of the light scheme at
# the same width, which the full rule set checks on every page. So in the dark scheme axe runs
# the A and AA rules whose outcome depends on colour, also on every page at both widths.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
# axe-core (the copy axe-playwright-python bundles), injected once per page load; only the
# violations come back (the whole result object, with every passing node, is slow to hand over).
RUN = """async (options) => (await axe.run(document, options)).violations.map(v => ({
  id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
# The header's switch (overrides/partials/javascripts/palette.html) changes the scheme by setting
# this attribute on <body>; transitions off, so that colours are read at their final values.
DARK = """() => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(style);
  document.body.setAttribute('data-md-color-scheme', 'slate');
  return getComputedStyle(document.body).backgroundColor;
}"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("half", [1, 2])
@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_passes_axe_and_requests_nothing_from_elsewhere(browser, base_url, site, width, lang, half):
    context = browser.new_context(viewport=WIDTHS[width], color_scheme="light")
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else foreign.append(request.url))
    source, failures = axe_source(), []
    every = site_paths(site, lang)
    assert len(every) > 60
    paths = every[half - 1::2]
    for path in paths:
        page.goto(base_url + path, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default", path
        page.evaluate(source)
        light = page.evaluate("getComputedStyle(document.body).backgroundColor")
        found = [("light", v) for v in page.evaluate(RUN, AXE_OPTIONS)]
        if width == "desktop":
            assert page.evaluate(DARK) != light, f"/{path}: the dark scheme did not apply"
            found += [("dark", v) for v in page.evaluate(RUN, COLOUR_RULES)]
        for scheme, v in found:
            failures.append(f"/{path} ({scheme}): {v['id']} ({v['impact']}) at {', '.join(v['targets'])}")
        if foreign:
            failures.append(f"/{path}: requested {sorted(set(foreign))}")
            foreign.clear()
        if width == "phone":  # WCAG 1.4.10 and 1.4.4: no sideways scrolling at 320 px, or with text at 200 %
            page.set_viewport_size({"width": 320, "height": 640})
            if page.evaluate(OVERFLOW) > 0:
                failures.append(f"/{path} scrolls sideways at 320 px")
            page.set_viewport_size({"width": 640, "height": 640})
            page.evaluate("document.documentElement.style.fontSize = '200%'")
            if page.evaluate(OVERFLOW) > 0:
                failures.append(f"/{path} scrolls sideways with text at 200 %")
            page.set_viewport_size(WIDTHS[width])
    context.close()
    assert not failures, "\n".join(failures)


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  const rect = el.getBoundingClientRect();
  return {id: el.tagName + '|' + (el.getAttribute('href') || el.getAttribute('aria-label') || el.id || el.textContent.trim().slice(0, 40)),
          visible, shown: rect.width > 0 && rect.height > 0,
          inArticle: !!el.closest('article'), inFooter: !!el.closest('footer'), skip: el.classList.contains('md-skip')};
}"""


@pytest.mark.parametrize("path", ["", "methods/", "methods/journey-mapping/"])
def test_keyboard_walk(browser, base_url, path):
    """Tab from the top: the skip link comes first, focus is always visible, every link in the
    content is reached, and focus leaves the page at the end (no trap)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first and first["skip"], f"the first Tab should reach the skip link, not {first}"
    seen, left_page = [first], False
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if state is None:
            left_page = True
            break
        seen.append(state)
    assert left_page, "focus never left the page: a keyboard trap, or too many stops"
    hidden = [s["id"] for s in seen if s["shown"] and not s["visible"]]
    assert not hidden, f"focus is not visible on: {hidden}"
    assert any(s["inFooter"] for s in seen), "the footer was never reached"
    reached = {s["id"] for s in seen}
    links = page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .filter(a => a.getBoundingClientRect().width > 0 && !a.classList.contains('headerlink'))
        .map(a => 'A|' + a.getAttribute('href'))""")
    missed = [link for link in links if link not in reached]
    assert not missed, f"not reachable by keyboard: {missed}"
    context.close()


def test_skip_link_moves_to_the_content(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "methods/journey-mapping/")
    page.keyboard.press("Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert target.startswith("#") and page.locator(target).count() == 1
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    context.close()
