"""Focus you can see (issue 19): every element the Tab key reaches, on one page of each layout,
shows a ring when it has focus, in the light and the dark scheme.

For each element in the Tab order: a screenshot of it (and a few pixels around it, where a ring
is drawn) without focus and with keyboard focus must differ, and the ring itself must be what
WCAG 2.2's focus appearance guidance asks for: a solid outline at least 2 px thick whose colour
has a contrast of 3:1 or more with the colour behind the element. An element already checked on
an earlier page (the header, the side navigation) is not checked again.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# One page of each layout: home, a chapter, the methods finder, a method, a tool (worksheet), a
# mindset, the start guide, the planner, the tags.
PAGES = ["", "journey/", "methods/", "methods/journey-mapping/", "tools/interview-guide/", "mindsets/curious/",
         "start/", "planner/", "tags/"]

# Every stop the Tab key reaches, numbered in the order it reaches them (data-hb-stop), recorded
# as focus moves (not read back after each key: a walk of the side navigation is hundreds of Tabs).
RECORD = """() => {
  window.hbStops = [];
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    if (!el.dataset.hbStop) { el.dataset.hbStop = String(window.hbStops.length); window.hbStops.push(el.dataset.hbStop); }
  });
  return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], label[for]')].length;
}"""
# What kind of element a stop is: its tag and classes, its parent's, and the region it is in. Every
# stop's ring is measured (RINGS); one of each kind is also photographed focused and not.
SIGNATURE = """(el) => [el.tagName, el.className, el.parentElement.tagName + '.' + el.parentElement.className,
  el.closest('nav, header, footer, form, [role=search], [role=dialog], section, .md-sidebar')?.className || ''].join('|')"""
# The element that shows the focus: the scheme switch is a hidden radio button whose label shows it.
SHOWN = """(el) => {
  const r = el.getBoundingClientRect();
  return (r.width < 2 || r.height < 2) && el.classList.contains('md-option') ? el.nextElementSibling : el;
}"""
RECT = "(el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
# The ring: its width, style and colour, and the colour behind the element (the first opaque
# background among its ancestors, translucent ones laid over it), as RGB.
RING = """(el) => {
  const rgba = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const layers = [], s = getComputedStyle(el);
  // A ring drawn inside the element (a negative offset) lies on the element's own background.
  for (let node = parseFloat(s.outlineOffset) < 0 ? el : el.parentElement; node; node = node.parentElement) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let bg = [255, 255, 255];
  for (const c of layers.reverse()) bg = bg.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
  return {width: parseFloat(s.outlineWidth), style: s.outlineStyle, colour: rgba(s.outlineColor).slice(0, 3), behind: bg};
}"""


# Every stop, focused in turn from the keyboard's point of view: where it is, and its ring.
RINGS = """(stops) => {
  const ring = RING_FN;
  const shown = SHOWN_FN;
  return stops.map((stop) => {
    const el = document.querySelector(`[data-hb-stop="${stop}"]`);
    const search = document.getElementById('__search');
    if (el.closest('.md-search')) { search.checked = true; search.dispatchEvent(new Event('change')); }
    el.scrollIntoView({block: 'center'});
    el.focus({focusVisible: true});
    const target = shown(el), r = target.getBoundingClientRect();
    const found = {stop, focused: document.activeElement === el, ring: ring(target),
                   onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth};
    el.blur();
    if (search.checked) { search.checked = false; search.dispatchEvent(new Event('change')); }
    return found;
  });
}"""

RINGS = RINGS.replace("RING_FN", RING.strip()).replace("SHOWN_FN", SHOWN.strip())


def luminance(rgb) -> float:
    def channel(v: float) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def close_search(page) -> None:
    """Focusing the search box opens Material's search, which covers the page: close it again."""
    page.evaluate("""() => { const s = document.getElementById('__search');
      if (s && s.checked) { s.checked = false; s.dispatchEvent(new Event('change')); } }""")


def settle(page) -> None:
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def shots(page, el, shown, search: bool):
    """The element's screenshots without focus and with it, clipped to it and 8 px around it
    (the ring is drawn there), and its ring; taken again if focusing it moved it."""
    for _ in range(3):
        if search:  # the search results show only while search is open
            page.evaluate("() => { const s = document.getElementById('__search'); s.checked = true; s.dispatchEvent(new Event('change')); }")
        el.evaluate("(el) => { el.scrollIntoView({block: 'center'}); el.focus({focusVisible: true}); el.blur(); }")
        settle(page)
        plain = shown.evaluate(RECT)
        el.evaluate("(el) => el.focus({focusVisible: true})")
        settle(page)
        focused, ring = shown.evaluate(RECT), shown.evaluate(RING)
        el.evaluate("(el) => el.blur()")
        settle(page)
        x0, y0 = max(0, min(focused[0], plain[0]) - 8), max(0, min(focused[1], plain[1]) - 8)
        x1, y1 = min(1280, max(focused[2], plain[2]) + 8), min(800, max(focused[3], plain[3]) + 8)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return None, None, ring
        clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
        before = page.screenshot(clip=clip)
        el.evaluate("(el) => el.focus({focusVisible: true})")
        settle(page)
        after = page.screenshot(clip=clip)
        moved = shown.evaluate(RECT) != focused
        el.evaluate("(el) => el.blur()")
        close_search(page)
        if not moved:
            return before, after, ring
    return before, after, ring


def ring_problem(ring) -> str | None:
    if ring["style"] != "solid" or ring["width"] < 2:
        return f"its ring is {ring['width']} px {ring['style']}, not a solid 2 px or more"
    ratio = contrast(ring["colour"], ring["behind"])
    if ratio < 3:
        return f"its ring {ring['colour']} has {ratio:.2f}:1 against {[round(v) for v in ring['behind']]}, less than 3:1"
    return None


def test_every_focusable_element_shows_a_ring_when_focused(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light", reduced_motion="reduce")
    page = context.new_page()
    seen, failures, measured = {"light": set(), "dark": set()}, [], 0
    for path in PAGES:
        page.goto(base_url + path)
        candidates = page.evaluate(RECORD)
        for _ in range(candidates + 20):  # more than the stops there can be: focus leaves the page
            page.keyboard.press("Tab")
        stops = page.evaluate("window.hbStops")
        assert len(stops) > 10, f"/{path}: only {len(stops)} stops"
        kinds = {stop: page.locator(f'[data-hb-stop="{stop}"]').evaluate(SIGNATURE) for stop in stops}
        for scheme in ("light", "dark"):
            page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", "slate" if scheme == "dark" else "default")
            # Every stop: focusable, on the screen when focused, with a ring of the right width and contrast.
            for found in page.evaluate(RINGS, stops):
                measured += 1
                where = f"/{path} ({scheme}) {kinds[found['stop']]}"
                problem = (None if found["focused"] else "does not take focus") or (
                    None if found["onScreen"] else "takes focus but is not on the screen") or ring_problem(found["ring"])
                if problem:
                    failures.append(f"{where}: {problem}")
            # One of each kind: the ring is seen (the element's screenshot differs focused and not).
            for stop in stops:
                if kinds[stop] in seen[scheme]:
                    continue
                seen[scheme].add(kinds[stop])
                el = page.locator(f'[data-hb-stop="{stop}"]')
                shown = el.evaluate_handle(SHOWN).as_element()
                search = el.evaluate("(el) => !!el.closest('.md-search')")
                before, after, _ = shots(page, el, shown, search)
                if before is not None and before == after:
                    failures.append(f"/{path} ({scheme}) {kinds[stop]}: looks the same focused and not")
    context.close()
    assert measured > 1000 and min(len(kinds) for kinds in seen.values()) > 40, (measured, {k: len(v) for k, v in seen.items()})
    assert not failures, "\n".join(failures)
