"""The session planner: "Add to my session" on the cards, then an agenda with running and
total time, reordering and removal from the keyboard, the combined materials, a share link,
a plan kept in the browser, a print view with the chosen cards, and a no-JavaScript fallback."""

from __future__ import annotations

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
        button.click()
        assert button.inner_text() == "Remove from my session"
        status = page.locator(f'article[data-hb-slug="{entry.slug}"] .hb-plan__status')
        assert status.inner_text() == f"Added. Methods in your session: {n}."


def agenda(page) -> list[str]:
    return page.eval_on_selector_all(".hb-planner__agenda > li", "items => items.map(li => li.dataset.hbSlug)")


def focused(page) -> str | None:
    """The accessible name the agenda's focused button has."""
    return page.evaluate("document.activeElement.getAttribute('aria-label')")


def expected_times(catalogue, entries):
    render = Renderer(catalogue, "en")
    timed = [e for e in entries if e.data.time.unit in ("minutes", "hours")]
    return sum(render.minutes(e, "min") for e in timed), sum(render.minutes(e, "max") for e in timed)


def test_cards_add_to_a_plan_that_adds_up(context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    assert agenda(page) == [e.slug for e in entries]
    low, high = expected_times(catalogue, entries)
    total = page.locator(".hb-planner__total")
    assert (int(total.get_attribute("data-hb-min")), int(total.get_attribute("data-hb-max"))) == (low, high)
    assert total.inner_text().startswith("Total time: ")
    # Running time: the second timed method starts when the first one's shortest time ends.
    first = Renderer(catalogue, "en").minutes(entries[0], "min")
    last = page.locator(f'.hb-planner__agenda li[data-hb-slug="{entries[-1].slug}"] .hb-planner__when').inner_text()
    assert last.startswith(f"Starts at {first // 60}:{first % 60:02d}")
    if entries[1].data.time.unit in ("days", "weeks"):
        assert "not in the total" in page.locator(f'.hb-planner__agenda li[data-hb-slug="{entries[1].slug}"]').inner_text()
    materials = []
    for e in entries:
        materials += [m for m in e.data.materials if m not in materials]
    assert page.locator(".hb-planner__materials li").all_inner_texts() == materials
    shown = page.eval_on_selector_all(".hb-planner__method:not([hidden])", "els => els.map(e => e.dataset.hbSlug)")
    assert shown == [e.slug for e in entries], "the chosen cards, in agenda order"
    assert page.locator("#hb-planner-link").input_value().endswith("planner/?plan=" + ",".join(e.slug for e in entries))


def test_reorder_and_remove_from_the_keyboard(context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    first, second = entries[0], entries[1]
    page.locator(f'.hb-planner__agenda li[data-hb-slug="{first.slug}"] a').focus()
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


def test_print_view_shows_the_agenda_and_the_chosen_cards_only(context, base_url, catalogue):
    entries = chosen(catalogue)
    page = context.new_page()
    add(page, base_url, entries)
    page.goto(base_url + "planner/")
    page.emulate_media(media="print")
    assert page.locator(".hb-planner__agenda").is_visible()
    assert page.locator(".hb-planner__controls").is_hidden()
    assert page.locator(".hb-planner__move").first.is_hidden()
    cards = page.locator(".hb-planner__method")
    visible = [cards.nth(i).get_attribute("data-hb-slug") for i in range(cards.count()) if cards.nth(i).is_visible()]
    assert visible == [e.slug for e in entries]
    assert page.locator(".hb-planner__method:not([hidden]) .hb-card--full").first.is_visible()


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
