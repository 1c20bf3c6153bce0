"""The light and dark switch in the header (overrides/partials/javascripts/palette.html): the
page takes the device's scheme before its content is drawn, a reader's choice holds on every
page in both languages, and the switch works from the keyboard."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The scheme on <body> when the main content first exists: the scheme the reader first sees.
FIRST_SEEN = """
window.hbFirstScheme = null;
new MutationObserver((records, observer) => {
  if (document.body && document.querySelector("main")) {
    window.hbFirstScheme = document.body.dataset.mdColorScheme;
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""
SWITCH = "[data-hb-palette] label:not([hidden])"


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def shown(page) -> list[str]:
    return page.eval_on_selector_all(SWITCH, "labels => labels.map(l => l.title)")


@pytest.mark.parametrize(("device", "expected", "offer"), [
    ("light", "default", "Switch to dark mode"), ("dark", "slate", "Switch to light mode")])
def test_the_page_takes_the_devices_scheme_before_it_is_drawn(browser, base_url, device, expected, offer):
    context = browser.new_context(color_scheme=device)
    context.add_init_script(FIRST_SEEN)
    page = context.new_page()
    page.goto(base_url + "methods/")
    assert page.evaluate("window.hbFirstScheme") == expected
    assert scheme(page) == expected
    assert shown(page) == [offer]
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == (
        "dark" if device == "dark" else "light")
    # The phone browser's bar takes the header's colour (set once in main.html).
    bar = page.evaluate("document.querySelector('meta[name=theme-color]').content")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb({}, {}, {})".format(*(int(bar[i:i + 2], 16) for i in (1, 3, 5))), (bar, header)
    # Following the device is not a choice: nothing is kept.
    assert page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__palette'))") == []
    context.close()


def test_a_choice_holds_on_every_page_in_both_languages(browser, base_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base_url)
    page.click(SWITCH)
    assert scheme(page) == "slate"
    assert shown(page) == ["Switch to light mode"]
    assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
    page.goto(base_url + "methods/journey-mapping/")
    assert scheme(page) == "slate"
    page.goto(base_url + "cy/")
    assert scheme(page) == "slate"
    assert shown(page) == ["Newid i'r modd golau"]
    page.click(SWITCH)
    assert scheme(page) == "default"
    page.goto(base_url)
    assert scheme(page) == "default"
    assert shown(page) == ["Switch to dark mode"]
    context.close()


def test_the_switch_works_from_the_keyboard(browser, base_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    else:
        pytest.fail("the switch cannot be reached with the Tab key")
    label = "document.activeElement.getAttribute('aria-label')"
    assert page.evaluate(label) == "Switch to dark mode"
    outline = "getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
    assert page.evaluate(outline) != "none", "the focused switch shows no outline"
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    assert page.evaluate(label) == "Switch to light mode"
    assert page.evaluate(outline) != "none"
    page.keyboard.press("ArrowLeft")
    assert scheme(page) == "default"
    context.close()


def test_with_storage_blocked_the_switch_still_works(browser, base_url):
    """Some locked-down browsers refuse a page its local storage: the page follows the device,
    and the switch changes the scheme (for this page only)."""
    context = browser.new_context(color_scheme="dark")
    context.add_init_script("""Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("The storage is blocked.", "SecurityError"); } });""")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "methods/")
    assert scheme(page) == "slate"
    page.click(SWITCH)
    assert scheme(page) == "default"
    assert shown(page) == ["Switch to dark mode"]
    assert not [e for e in errors if "storage" in e.lower()], errors
    context.close()


def test_without_javascript_the_page_is_light_and_offers_no_switch(browser, base_url):
    context = browser.new_context(color_scheme="dark", java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    assert scheme(page) == "default"
    assert shown(page) == []
    context.close()
