"""The session planner: "Add to my session" on the cards, then an agenda with a start time, a
target length, each method's minutes within its card's range, breaks, clock times and the
total, reordering and removal from the keyboard, like materials combined once, a share link
(said to be copied beside its button), a plan kept in the browser and in the link, a clean
printed agenda with the cards four to a page, and a no-JavaScript fallback."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from macros.render import Renderer

pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def chosen(catalogue):
    """Three methods in index order: two timed in minutes or hours, and one that takes days if there is one."""
    methods = catalogue.items("method")
    timed = [e for e in methods if e.data.time.unit in ("minutes", "hours")]
    days = [e for e in methods if e.data.time.unit in ("days", "weeks")]
    return [timed[0], *days[:1], timed[1]]


def add(page, base_url, entries):
    page.goto(base_url + "methods/")
    for n, entry in enumerate(entries, start=1):
        button = page.locator(f'article[data-hb-slug="{entry.slug}"] button.hb-plan__toggle')
        assert button.inner_text() == "Add to my session"
        assert button.get_attribute("aria-label") == f"Add {entry.data.title} to my session"
        button.click()
        assert button.inner_text() == "Remove from my session"
        status = page.locator(f'article[data-hb-slug="{entry.slug}"] .hb-plan__status')
        assert status.inner_text() == f"Added. Methods in your session: {n}."


def agenda(page) -> list[str]:
    """The agenda's items: a method's slug, or "break"."""
    return page.eval_on_selector_all(".hb-planner__agenda > li",
                                     "items => items.map(li => li.dataset.hbSlug || 'break')")


def clocks(page) -> list[str]:
    return page.locator(".hb-planner__agenda > li .hb-planner__clock").all_inner_texts()


def focused(page) -> str | None:
    """The accessible name the agenda's focused control has."""
    return page.evaluate("document.activeElement.getAttribute('aria-label')")


def minutes(catalogue, entry, bound="min") -> int:
    return Renderer(catalogue, "en").minutes(entry, bound)


def hhmm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def test_cards_add_to_a_plan_that_adds_up(context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    assert agenda(page) == [e.slug for e in entries]
    timed = [e for e in entries if e.data.time.unit in ("minutes", "hours")]
    low = sum(minutes(catalogue, e) for e in timed)
    total = page.locator(".hb-planner__total")
    assert int(total.get_attribute("data-hb-total")) == low, "each method at its shortest, by default"
    # The default start is 10:00; the second timed method starts when the first one ends.
    first = minutes(catalogue, entries[0])
    assert clocks(page)[0] == f"10:00–{hhmm(600 + first)}"
    last = page.locator(f'.hb-planner__agenda li[data-hb-slug="{entries[-1].slug}"] .hb-planner__clock').inner_text()
    assert last.startswith(hhmm(600 + first) + "–")
    assert total.inner_text().startswith("Total time: ") and total.get_attribute("role") == "status"
    if entries[1].data.time.unit in ("days", "weeks"):
        item = page.locator(f'.hb-planner__agenda li[data-hb-slug="{entries[1].slug}"]')
        assert "not in the total" in item.inner_text() and item.locator(".hb-planner__clock").inner_text() == ""
    shown = page.eval_on_selector_all(".hb-planner__method:not([hidden])", "els => els.map(e => e.dataset.hbSlug)")
    assert shown == [e.slug for e in entries], "the chosen cards, in agenda order"
    assert page.locator("#hb-planner-link").input_value().endswith("planner/?plan=" + ",".join(e.slug for e in entries)
                                                                   + "&start=10:00")


def test_clock_times_target_and_breaks_are_kept_in_the_link(browser, context, base_url, catalogue):
    """A facilitator's three hours from 09:30: a longer first method, a break moved up, the
    times, the total and how far over the target, all in the link someone else opens."""
    first, second = [e for e in catalogue.items("method") if e.data.time.unit in ("minutes", "hours")
                     and minutes(catalogue, e) < minutes(catalogue, e, "max")][:2]
    page = context.new_page()
    add(page, base_url, [first, second])
    page.goto(base_url + "planner/")
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("Length you have, in minutes (optional)").fill("180")
    page.get_by_label("Date (optional)").fill("2027-03-09")
    page.get_by_label("Name of the session (optional)").fill("Tenants' panel")
    low, high = minutes(catalogue, first), minutes(catalogue, first, "max")
    longer = low + 15 if low + 15 <= high else high
    length = page.get_by_label(f"Minutes for {first.data.title}, from {low} to {high}")
    assert length.input_value() == str(low), "the shortest time by default"
    length.fill(str(longer))
    length.press("Tab")
    length.fill(str(high + 500))  # more than the card allows: held to its longest
    length.press("Tab")
    assert length.input_value() == str(high)
    length.fill(str(longer))
    length.press("Tab")
    page.get_by_role("button", name="Add a break").click()
    assert agenda(page) == [first.slug, second.slug, "break"]
    assert focused(page) == "Minutes for break 1", "focus goes to the new break's length"
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Move Break 1 up").click()
    assert agenda(page) == [first.slug, "break", second.slug]
    assert page.locator("#hb-planner-status").inner_text() == "Break 1 is now number 2."
    two = minutes(catalogue, second)
    start, end = 9 * 60 + 30, 9 * 60 + 30 + longer + 20 + two
    expected = [f"{hhmm(start)}–{hhmm(start + longer)}", f"{hhmm(start + longer)}–{hhmm(start + longer + 20)}",
                f"{hhmm(start + longer + 20)}–{hhmm(end)}"]
    assert clocks(page) == expected
    total = page.locator(".hb-planner__total").inner_text()
    span, diff = end - start, abs(end - start - 180)

    def words(m):
        return f"{m // 60} hr {m % 60} min" if m // 60 and m % 60 else f"{m // 60} hr" if m // 60 else f"{m} min"

    assert total.startswith(f"Total time: {words(span)}, from 09:30 to {hhmm(end)}.")
    assert total.endswith(f"{words(diff)} {'over' if span > 180 else 'under'} the 3 hr you have."
                          if span != 180 else "Exactly the 3 hr you have.")
    link = page.locator("#hb-planner-link").input_value()
    assert f"?plan={first.slug}.{longer},~20,{second.slug}&start=09:30&target=180&date=2027-03-09&name=Tenants" in link
    page.reload()
    assert clocks(page) == expected, "kept in this browser"
    other = browser.new_context()  # someone else, with nothing stored, opens the link
    try:
        theirs = other.new_page()
        theirs.goto(link)
        assert agenda(theirs) == [first.slug, "break", second.slug]
        assert clocks(theirs) == expected
        assert theirs.get_by_label("Start time").input_value() == "09:30"
        assert theirs.get_by_label("Length you have, in minutes (optional)").input_value() == "180"
        assert theirs.get_by_label("Name of the session (optional)").input_value() == "Tenants' panel"
        assert theirs.locator(".hb-planner__total").inner_text() == total
    finally:
        other.close()


def test_like_materials_are_listed_once_with_the_methods_that_need_them(context, base_url, catalogue):
    """Three methods that each ask for sticky notes and an online whiteboard in their own words,
    and two that ask for the assumptions log, one "printed", one "printed or shared"."""
    def asks(entry, *words):
        return any(all(w in m.lower() for w in words) for m in entry.data.materials)

    methods = catalogue.items("method")
    sticky = [e for e in methods if asks(e, "sticky notes") and asks(e, "online whiteboard")][:3]
    log = [e for e in methods if asks(e, "assumptions log") and e not in sticky][:2]
    assert len(sticky) == 3 and len(log) == 2
    lines = [m for e in sticky + log for m in e.data.materials]
    assert sum("sticky notes" in m.lower() for m in lines) >= 3, "the methods' own words repeat sticky notes"
    page = context.new_page()
    page.goto(base_url + "planner/?plan=" + ",".join(e.slug for e in sticky + log))
    items = page.locator(".hb-planner__materials > li").all_inner_texts()
    assert len(items) < len(lines)
    for name, needed_by in (("Sticky notes", sticky), ("An online whiteboard", sticky)):
        found = [i for i in items if i.lower().startswith(name.lower())]
        assert len(found) == 1, (name, found)
        assert all(e.data.title in found[0] for e in needed_by), found[0]
    assert not [i for i in items if re.search(r"\bsticky notes?\b", i, re.I) and not i.startswith("Sticky notes (")], \
        "no other line names sticky notes"
    logs = [i for i in items if "assumptions log" in i.lower()]
    assert len(logs) == 1 and all(e.data.title in logs[0] for e in log), logs
    # Welsh: the same plan, the same items once.
    page.goto(base_url + "cy/planner/?plan=" + ",".join(e.slug for e in sticky))
    welsh = page.locator(".hb-planner__materials > li").all_inner_texts()
    assert len([i for i in welsh if i.startswith("Nodiadau gludiog (ar gyfer ")]) == 1, welsh
    assert not [i for i in welsh if "gludiog" in i.lower() and not i.startswith("Nodiadau gludiog (")], welsh


def test_reorder_and_remove_from_the_keyboard(context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    first, second = entries[0], entries[1]
    page.locator(f'.hb-planner__agenda li[data-hb-slug="{first.slug}"] .hb-planner__length input').focus()
    page.keyboard.press("Tab")
    assert focused(page) == f"Move {first.data.title} down"
    page.keyboard.press("Enter")
    assert agenda(page)[:2] == [second.slug, first.slug]
    assert focused(page) == f"Move {first.data.title} down", \
        "focus stays with the moved method"
    assert page.locator("#hb-planner-status").inner_text() == f"{first.data.title} is now number 2."
    page.keyboard.press("Shift+Tab")
    assert focused(page) == f"Move {first.data.title} up"
    page.keyboard.press("Enter")
    assert agenda(page)[:2] == [first.slug, second.slug]
    assert focused(page) == f"Move {first.data.title} down", \
        "at the top there is no 'up': focus moves to 'down', not to the page"
    page.keyboard.press("Tab")
    assert focused(page) == f"Remove {first.data.title}"
    page.keyboard.press("Enter")
    assert agenda(page) == [e.slug for e in entries[1:]]
    assert page.locator("#hb-planner-status").inner_text() == f"{first.data.title} removed."
    assert focused(page) == f"Remove {second.data.title}"
    assert page.locator(f'.hb-planner__method[data-hb-slug="{first.slug}"]').is_hidden()


def test_the_plan_is_kept_in_the_browser_and_shared_by_its_link(browser, context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    link = page.locator("#hb-planner-link").input_value()
    page.reload()
    assert agenda(page) == [e.slug for e in entries], "kept after a reload"
    page.goto(base_url + "methods/")
    assert page.locator(f'article[data-hb-slug="{entries[0].slug}"] button.hb-plan__toggle').inner_text() == "Remove from my session"
    other = browser.new_context()  # someone else, with nothing stored
    try:
        theirs = other.new_page()
        theirs.goto(link, wait_until="networkidle")
        assert agenda(theirs) == [e.slug for e in entries]
        requests = []
        theirs.on("request", lambda r: requests.append(r.url))
        theirs.locator(".hb-planner__clear").click()
        assert agenda(theirs) == [] and theirs.locator(".hb-planner__empty").is_visible()
        assert theirs.evaluate("localStorage.getItem('hb-session')") == "[]"
        # Chromium fetches the tab's icon when it likes; anything else would be the planner talking.
        assert not [u for u in requests if not u.endswith("/favicon.svg")], "the planner sends nothing anywhere"
    finally:
        other.close()


def test_link_copied_is_said_beside_the_button_and_to_screen_readers(browser, base_url, catalogue):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(base_url + "planner/?plan=" + chosen(catalogue)[0].slug)
        button = page.get_by_role("button", name="Copy link")
        button.scroll_into_view_if_needed()
        said = page.locator("#hb-planner-copied")
        assert said.get_attribute("role") == "status", "a live region, there before the words"
        assert said.inner_text() == ""
        button.click()
        said.wait_for(state="visible")
        assert said.inner_text() == "Link copied."
        assert page.evaluate("navigator.clipboard.readText()") == page.locator("#hb-planner-link").input_value()
        b, s = button.bounding_box(), said.bounding_box()
        # Beside the button (to its right, or just below it on a narrow screen), and on screen.
        assert abs(s["y"] - b["y"]) < 60 and abs(s["x"] - b["x"]) < 390, (b, s)
        assert 0 <= s["y"] and s["y"] + s["height"] <= 844, "in view where the reader is"
        assert page.locator("#hb-planner-status").inner_text() != "Link copied."
    finally:
        context.close()


def test_the_printed_agenda_is_clean_with_steps_a_qr_code_and_the_cards_four_to_a_page(context, base_url, catalogue, tmp_path):
    methods = [e for e in catalogue.items("method") if e.data.time.unit in ("minutes", "hours")][:5]
    page = context.new_page()
    page.goto(base_url + "planner/?plan=" + ",".join(e.slug for e in methods[:2]) + ",~15,"
              + ",".join(e.slug for e in methods[2:]) + "&start=10:00&target=240&date=2027-03-09&name=Team%20day")
    page.get_by_role("button", name="Copy link").click()  # so that there is a status message to leave out
    page.emulate_media(media="print")
    visible = page.locator("article").inner_text()
    for words in ("Use this page to plan", "Link copied", "Anyone who opens this link", "Start times assume",
                  "Copy link", "Add a break", "Name of the session", "The card says"):
        assert words not in visible, f"printed: {words!r}"
    assert page.locator(".hb-planner__print-title").inner_text() == "Team day"
    # The date as in Britain (Chromium's ICU puts a comma after the day's name, or not).
    assert re.fullmatch(r"Tuesday,? 9 March 2027, 10:00–" + page.locator(".hb-planner__total").get_attribute("data-hb-end"),
                        page.locator(".hb-planner__print-when").inner_text())
    for entry in methods:
        steps = page.locator(f'.hb-planner__agenda li[data-hb-slug="{entry.slug}"] .hb-planner__steps li')
        assert steps.all_inner_texts() == entry.data.steps, entry.slug
        assert steps.first.is_visible()
    assert page.locator(".hb-planner__materials").is_visible()
    address = page.locator("#hb-planner-link").input_value()
    assert page.locator(".hb-planner__url").inner_text() == address
    qr = page.locator(".hb-planner__qr")
    assert qr.is_visible() and qr.get_attribute("aria-label") and qr.get_attribute("data-hb-text") == address
    # A real QR code: a square of 21 + 4k modules (plus the quiet zone), with its three finder patterns.
    size = int(page.locator(".hb-planner__qr svg").get_attribute("viewBox").split()[2]) - 4
    assert (size - 21) % 4 == 0 and size >= 21
    cells = {tuple(map(int, m)) for m in re.findall(r"M(\d+) (\d+)h1v1h-1z", page.locator(".hb-planner__qr path").get_attribute("d"))}
    for x0, y0 in ((2, 2), (size - 5, 2), (2, size - 5)):
        ring = {(x0 + i, y0) for i in range(7)} | {(x0, y0 + i) for i in range(7)}
        assert ring <= cells, "finder pattern"
    box = qr.bounding_box()
    assert box["width"] >= 100, "big enough to scan from paper"
    # On paper: the agenda, then the cards four to a page.
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    with pdfplumber.open(pdf) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
        # The cards' titles are the large type (11 pt) on their pages; two cards side by side
        # share a line of text.
        big = [p.filter(lambda o: o.get("object_type") != "char" or o.get("size", 0) >= 10.5).extract_text() or ""
               for p in doc.pages]
    card_pages = [n for n, text in enumerate(big) if "Team day" not in text
                  and any(e.data.title in text.replace("\n", " ") for e in methods)]
    assert card_pages, big
    on_pages = [[e.data.title for e in methods if e.data.title in big[n].replace("\n", " ")] for n in card_pages]
    assert [len(titles) for titles in on_pages] == [4, 1], on_pages
    assert pages[0].startswith("Team day")
    printed_agenda = " ".join(pages[:card_pages[0]]).replace("\n", " ")
    for entry in methods:
        assert entry.data.steps[0][:25] in printed_agenda, entry.slug


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_planner_with_a_plan_passes_axe_at_phone_and_desktop_widths_in_both_schemes(browser, base_url, catalogue, lang):
    """The site-wide axe test sees the planner empty: here it is full (methods, a break, times,
    materials, "Link copied."), and must not scroll sideways at 320 px."""
    from test_accessibility import AXE_OPTIONS, COLOUR_RULES, DARK, OVERFLOW, RUN, axe_source

    slugs = [e.slug for e in chosen(catalogue)]
    url = f"{base_url}{'cy/' if lang == 'cy' else ''}planner/?plan={slugs[0]},~15,{','.join(slugs[1:])}&target=60"
    failures = []
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light")
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(url)
        page.locator(".hb-planner__copy").click()
        page.locator("#hb-planner-copied").wait_for(state="visible")
        page.locator(".hb-planner__copy").hover()  # hovered, in both schemes: Material's filled button
        page.evaluate(axe_source())
        failures += [f"{width} light: {v['id']} at {v['targets']}" for v in page.evaluate(RUN, AXE_OPTIONS)]
        page.evaluate(DARK)
        failures += [f"{width} dark: {v['id']} at {v['targets']}" for v in page.evaluate(RUN, COLOUR_RULES)]
        if width == 390:
            page.set_viewport_size({"width": 320, "height": 640})
            assert page.evaluate(OVERFLOW) <= 0, "scrolls sideways at 320 px"
        context.close()
    assert not failures, failures


def test_without_javascript_the_page_says_what_to_do_and_cards_show_no_button(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "planner/")
        assert page.locator(".hb-planner__nojs").is_visible()
        assert page.locator("#hb-planner").is_hidden()
        page.goto(base_url + "methods/")
        assert page.locator("button.hb-plan__toggle").first.is_hidden()
    finally:
        context.close()
