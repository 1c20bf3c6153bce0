"""Accessibility and privacy, checked in a real Chromium on every page of the built site.

axe-core runs on every page at desktop and phone widths, in light and dark schemes, for the
WCAG 2.0, 2.1 and 2.2 A and AA rules (in the dark scheme, those that depend on colour: see
COLOUR_RULES). Every request the browser makes is recorded: none may leave the site's origin.
No rule is excluded.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import site_paths

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
# The dark scheme changes colours only: the markup and layout are those of the light scheme at
# the same width, which the full rule set checks on every page. So in the dark scheme axe runs
# the A and AA rules whose outcome depends on colour, also on every page at both widths.
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
VARIANTS = {
    "desktop-light": ({"width": 1280, "height": 800}, "light"),
    "desktop-dark": ({"width": 1280, "height": 800}, "dark"),
    "phone-light": ({"width": 375, "height": 740}, "light"),
    "phone-dark": ({"width": 375, "height": 740}, "dark"),
}
SCHEME = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_page_passes_axe_and_requests_nothing_from_elsewhere(browser, base_url, site, variant):
    viewport, scheme = VARIANTS[variant]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else foreign.append(request.url))
    axe, failures = Axe(), []
    paths = site_paths(site)
    for path in paths:
        page.goto(base_url + path, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEME[scheme], path
        options = COLOUR_RULES if scheme == "dark" else AXE_OPTIONS
        for violation in axe.run(page, options=options).response["violations"]:
            targets = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
            failures.append(f"/{path}: {violation['id']} ({violation['impact']}) at {targets}")
        if foreign:
            failures.append(f"/{path}: requested {sorted(set(foreign))}")
            foreign.clear()
    context.close()
    assert len(paths) > 40
    assert not failures, "\n".join(failures)


def test_pages_reflow_at_320_pixels_and_at_200_percent_text(browser, base_url, site):
    """WCAG 1.4.10 and 1.4.4: no horizontal scrolling at 320 CSS px, or with text at 200 %."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    failures = []
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    for path in site_paths(site):
        page.goto(base_url + path)
        if page.evaluate(overflow) > 0:
            failures.append(f"/{path} scrolls sideways at 320 px")
        page.set_viewport_size({"width": 640, "height": 640})
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        if page.evaluate(overflow) > 0:
            failures.append(f"/{path} scrolls sideways with text at 200 %")
        page.set_viewport_size({"width": 320, "height": 640})
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
