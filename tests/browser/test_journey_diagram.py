"""The journey diagram in Chromium: axe on the pages that show it, in both languages, light and
dark, at desktop and phone widths; the picture that fits the width is the one shown; keyboards
reach its links through the list, which shows while it has focus; pointers use the picture."""

from __future__ import annotations

import pytest

from test_accessibility import AXE_OPTIONS, DARK, OVERFLOW, RUN, axe_source

pytestmark = pytest.mark.browser

PAGES = ["", "journey/", "cy/", "cy/journey/"]
TOOL_PAGES = ["tools/stakeholder-map/", "cy/tools/journey-map/"]  # a worksheet's preview and whiteboard links
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SHOWN = """() => [...document.querySelectorAll('.hb-journey-map svg')]
  .filter(svg => svg.getBoundingClientRect().width > 0).map(svg => svg.getAttribute('class'))"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_diagram_pages_pass_axe_light_and_dark_and_show_the_picture_that_fits(browser, base_url, width):
    context = browser.new_context(viewport=WIDTHS[width], color_scheme="light")
    page = context.new_page()
    source, failures = axe_source(), []
    for path in PAGES + TOOL_PAGES:
        page.goto(base_url + path, wait_until="load")
        if path in TOOL_PAGES:
            box = page.locator(".hb-preview svg").bounding_box()
            assert 120 <= box["width"] <= 330, f"/{path} at {width}: the preview is {box['width']} px wide"
        shown = page.evaluate(SHOWN) if path in PAGES else ["hb-journey-map__svg--" + ("wide" if width == "desktop" else "tall")]
        want = "hb-journey-map__svg--wide" if width == "desktop" else "hb-journey-map__svg--tall"
        assert len(shown) == 1 and want in shown[0], f"/{path} at {width}: {shown}"
        if path in PAGES:  # drawn near its own size: the text in it stays as large as the page's small print
            box = page.locator(".hb-journey-map svg >> visible=true").bounding_box()
            assert box["width"] >= 330, f"/{path} at {width}: the picture is {box['width']} px wide"
        assert page.evaluate(OVERFLOW) <= 0, f"/{path} scrolls sideways at {width}"
        page.evaluate(source)
        found = [("light", v) for v in page.evaluate(RUN, AXE_OPTIONS)]
        page.evaluate(DARK)
        found += [("dark", v) for v in page.evaluate(RUN, AXE_OPTIONS)]
        failures += [f"/{path} ({scheme}): {v['id']} ({v['impact']}) at {', '.join(v['targets'])}" for scheme, v in found]
    context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", ["", "cy/journey/"])
def test_keyboard_reaches_every_diagram_link_through_the_list_which_shows_while_focused(browser, base_url, path):
    context = browser.new_context(viewport=WIDTHS["phone"])
    page = context.new_page()
    page.goto(base_url + path)
    expected = page.eval_on_selector_all(".hb-journey-map__list a", "links => links.map(a => a.href)")
    assert len(expected) > 25
    assert page.locator(".hb-journey-map__list").bounding_box()["width"] <= 1  # hidden until used
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => {
          const el = document.activeElement;
          if (!el || !el.closest('.hb-journey-map')) return null;
          const list = el.closest('.hb-journey-map__list');
          const box = el.getBoundingClientRect(), style = getComputedStyle(el);
          return {href: el.href, inList: !!list, listWidth: list ? list.getBoundingClientRect().width : 0,
                  shown: box.width > 1 && box.height > 1,
                  ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'};
        }""")
        if state is None:
            if reached:
                break
            continue
        assert state["inList"], f"focus went into the picture: {state}"
        assert state["shown"] and state["listWidth"] > 100 and state["ring"], state
        reached.append(state["href"])
    assert reached == expected
    page.keyboard.press("Tab")  # focus has left the list: it is hidden again
    assert page.locator(".hb-journey-map__list").bounding_box()["width"] <= 1
    context.close()


def test_a_method_in_the_picture_opens_its_page(browser, base_url):
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(base_url + "journey/")
    link = page.locator(".hb-journey-map__svg--wide a.hb-d-method-link").first
    name = " ".join(link.text_content().split())
    link.click()
    page.wait_for_url("**/methods/**")
    assert " ".join(page.locator("h1").first.text_content().split()).startswith(name)
    context.close()
