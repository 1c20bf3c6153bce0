"""'Where do I start?' on a phone (390 px wide): an answer brings the suggestions into view and a
live region says how many there are, while the questions stay within reach; every suggestion
shows its card's time and group size, as the card on the method's own page says them."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser


def page_soup(path):
    """A built page, parsed with lxml (ten times quicker than html.parser on these pages)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "start/")
    yield page
    context.close()


def top(page, selector: str) -> float:
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().top")


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".hb-start__situation:not([hidden]) li:not([hidden]) > a",
                                     "links => links.map(a => a.textContent)")


def status(page):
    """The one live region of the start guide (there must be exactly one, or announcements clash)."""
    regions = page.locator('#hb-start [role="status"], #hb-start [aria-live]')
    assert regions.count() == 1
    region = page.locator('#hb-start [role="status"]')
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("aria-atomic") == "true"
    return region


def test_a_tapped_answer_scrolls_to_the_suggestions_and_says_how_many(phone, catalogue):
    height = phone.evaluate("innerHeight")
    assert top(phone, "#hb-start-results") > height, "at 390 px the suggestions should start below the fold"
    phone.locator('#hb-start input[name="situation"][value="new-challenge"]').tap()
    phone.wait_for_function("() => { const t = document.getElementById('hb-start-results')"
                            ".getBoundingClientRect().top; return t >= 0 && t < innerHeight / 2 }", timeout=5000)
    expected = [e.data.title for e in catalogue.items("method") if "new-challenge" in e.data.good_for]
    assert shown(phone) == expected
    # the first suggestion is on screen, below the results' heading, not under the fixed header
    first = phone.locator(".hb-start__situation:not([hidden]) li:not([hidden])").first.bounding_box()
    assert first["y"] < height
    header = phone.locator(".md-header").bounding_box()
    assert top(phone, "#hb-start-results") >= header["y"] + header["height"]
    assert status(phone).inner_text().splitlines()[0] == f"Suggested methods: {len(expected)}."
    assert "Because you said: We have a new challenge." in status(phone).inner_text()
    # focus stays on the answer: the questions are still where the keyboard is
    assert phone.evaluate("document.activeElement.value") == "new-challenge"
    back = phone.get_by_role("link", name="Change your answers")
    back.tap()
    phone.wait_for_function("() => { const t = document.getElementById('hb-start-questions')"
                            ".getBoundingClientRect().top; return t >= 0 && t < innerHeight / 2 }", timeout=5000)
    assert phone.evaluate("document.activeElement.value") == "new-challenge"


def test_the_count_follows_the_time_and_people_answers(phone, catalogue):
    phone.locator('#hb-start input[name="situation"][value="stuck"]').tap()
    phone.fill('#hb-start input[name="people"]', "3")
    expected = [e.data.title for e in catalogue.items("method")
                if "stuck" in e.data.good_for and e.data.people.min <= 3 <= e.data.people.max]
    assert shown(phone) == expected
    assert status(phone).inner_text().splitlines()[0] == f"Suggested methods: {len(expected)}."


def test_keyboard_answers_are_announced_without_moving_the_page(phone):
    phone.focus('#hb-start input[name="situation"][value="new-challenge"]')
    phone.keyboard.press("Space")
    before = phone.evaluate("scrollY")
    phone.keyboard.press("ArrowDown")
    second = phone.evaluate("document.activeElement.value")
    assert second not in ("", "new-challenge")
    assert phone.evaluate("document.activeElement.name") == "situation", "arrow keys must stay in the radio group"
    assert phone.locator(f'#hb-start input[value="{second}"]').is_checked()
    assert abs(phone.evaluate("scrollY") - before) < 60, "the page jumped under a keyboard answer"
    count = len(shown(phone))
    assert status(phone).inner_text().splitlines()[0] == f"Suggested methods: {count}."


def test_the_welsh_guide_says_the_count_in_welsh(browser, base_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "cy/start/")
    page.locator('#hb-start input[name="situation"][value="new-challenge"]').tap()
    count = len(shown(page))
    assert status(page).inner_text().splitlines()[0] == f"Dulliau a awgrymir: {count}."
    assert page.get_by_role("link", name="Newid eich atebion").is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["", "cy/"])
def test_each_suggestion_shows_the_time_and_group_size_of_its_card(site, lang):
    """The facts are read from the card on each method's built page: what the reader would see
    on opening it."""
    start = site / lang / "start" / "index.html"
    items = page_soup(start).select(".hb-start__situation li")
    assert items, "the start guide lists no methods"
    cards = {}
    for li in items:
        href = li.select_one("a")["href"]
        if href not in cards:  # a method suits several situations: read its page once
            card = page_soup(site / lang / "start" / href.split("#")[0] / "index.html")
            cards[href] = (card.select_one(".hb-card--full .hb-card__fact--time dd").get_text(strip=True),
                           card.select_one(".hb-card--full .hb-card__fact--people dd").get_text(strip=True))
        want = cards[href]
        got = (li.select_one(".hb-start__time").get_text(strip=True), li.select_one(".hb-start__people").get_text(strip=True))
        assert got == want, (lang, href)


def test_the_facts_are_on_screen_at_phone_width(phone):
    phone.locator('#hb-start input[name="situation"][value="new-challenge"]').tap()
    item = phone.locator(".hb-start__situation:not([hidden]) li:not([hidden])").first
    facts = item.locator(".hb-start__facts")
    assert facts.is_visible()
    box, line = facts.bounding_box(), item.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the facts run off a phone's screen"
    assert line["y"] <= box["y"] <= line["y"] + line["height"]
