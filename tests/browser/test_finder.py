"""The methods finder on the methods index: each filter narrows the list to exactly the
methods whose front matter matches, filters combine, the address records them, and it all
works from the keyboard and degrades to the full list without JavaScript."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from macros.render import Renderer

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.base = base_url + "methods/"
    yield page
    context.close()


def visible(page) -> set[str]:
    return set(page.eval_on_selector_all("article.hb-card--compact:not([hidden])",
                                         "cards => cards.map(c => c.dataset.hbSlug)"))


def expected(catalogue, **want) -> set[str]:
    render = Renderer(catalogue, "en")
    found = set()
    for e in catalogue.items("method"):
        d = e.data
        if "phase" in want and not set(want["phase"]) & set(d.phases):
            continue
        if "difficulty" in want and d.difficulty not in want["difficulty"]:
            continue
        if "time" in want and render.minutes(e, "min") > want["time"]:
            continue
        if "people" in want and not d.people.min <= want["people"] <= d.people.max:
            continue
        if "mindset" in want and want["mindset"] not in d.mindsets:
            continue
        if "theme" in want and want["theme"] not in d.themes:
            continue
        if "lab" in want and want["lab"] not in d.labs:
            continue
        found.add(e.slug)
    return found


def test_without_filters_every_method_shows(page, catalogue):
    page.goto(page.base)
    assert visible(page) == {e.slug for e in catalogue.items("method")}
    assert page.locator("#hb-filters-count").inner_text().startswith(f"{len(catalogue.items('method'))} of ")


@pytest.mark.parametrize("kind", ["phase", "difficulty"])
def test_each_checkbox_filter_narrows_to_the_matching_methods(page, catalogue, kind):
    page.goto(page.base)
    vocab = {"phase": "phases", "difficulty": "difficulty"}[kind]
    for key in catalogue.vocab.keys(vocab):
        box = page.locator(f'#hb-filters input[name="{kind}"][value="{key}"]')
        box.check()
        assert visible(page) == expected(catalogue, **{kind: [key]}), key
        box.uncheck()


def test_time_people_and_select_filters(page, catalogue):
    page.goto(page.base)
    for term in catalogue.vocab.terms("time_available"):
        page.select_option('#hb-filters select[name="time"]', str(term.extra["minutes"]))
        assert visible(page) == expected(catalogue, time=term.extra["minutes"]), term.key
    page.select_option('#hb-filters select[name="time"]', "")
    for n in (1, 4, 12):
        page.fill('#hb-filters input[name="people"]', str(n))
        assert visible(page) == expected(catalogue, people=n), n
    page.fill('#hb-filters input[name="people"]', "")
    for name, values in (("mindset", [e.slug for e in catalogue.items("mindset")]),
                         ("theme", catalogue.vocab.keys("themes")), ("lab", catalogue.vocab.keys("labs"))):
        for value in values:
            page.select_option(f'#hb-filters select[name="{name}"]', value)
            assert visible(page) == expected(catalogue, **{name: value}), (name, value)
        page.select_option(f'#hb-filters select[name="{name}"]', "")


def test_filters_combine_and_the_address_round_trips(page, catalogue):
    page.goto(page.base)
    page.check('#hb-filters input[name="phase"][value="test"]')
    page.check('#hb-filters input[name="phase"][value="understand"]')
    page.check('#hb-filters input[name="difficulty"][value="starter"]')
    want = expected(catalogue, phase=["test", "understand"], difficulty=["starter"])
    assert visible(page) == want
    assert "phase=understand" in page.url and "phase=test" in page.url and "difficulty=starter" in page.url
    page.reload()
    assert visible(page) == want
    page.go_back()
    assert visible(page) == expected(catalogue, phase=["test", "understand"])
    page.go_forward()
    assert visible(page) == want
    page.click('#hb-filters button[data-hb-clear]')
    page.wait_for_function("!location.search")
    assert visible(page) == {e.slug for e in catalogue.items("method")}


def test_a_shared_address_opens_filtered(page, catalogue):
    page.goto(page.base + "?" + urlencode({"phase": "scale", "time": "450"}))
    assert page.is_checked('#hb-filters input[name="phase"][value="scale"]')
    assert visible(page) == expected(catalogue, phase=["scale"], time=450)
    empty_phases = page.eval_on_selector_all(".hb-phase-group[hidden]", "g => g.map(x => x.dataset.hbPhase)")
    assert "scale" not in empty_phases


def test_the_count_is_announced_and_no_match_says_so(page, catalogue):
    page.goto(page.base + "?people=200&time=60")
    want = expected(catalogue, people=200, time=60)
    assert want == set(), "pick filters that no method meets"
    assert visible(page) == set()
    assert page.locator("#hb-filters-count").inner_text() == "No method matches all of these. Try clearing a filter."
    assert page.eval_on_selector_all(".hb-phase-group:not([hidden])", "g => g.length") == 0


def test_without_javascript_every_method_is_listed_and_the_form_is_hidden(browser, base_url, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "methods/?phase=test")
    slugs = set(page.eval_on_selector_all("article.hb-card--compact", "c => c.map(x => x.dataset.hbSlug)"))
    assert slugs == {e.slug for e in catalogue.items("method")}
    assert not page.locator("#hb-filters").is_visible()
    assert all(page.locator(f'article[data-hb-slug="{s}"]').is_visible() for s in list(slugs)[:5])
    context.close()


def test_filters_work_from_the_keyboard(page, catalogue):
    page.goto(page.base)
    page.focus('#hb-filters input[name="phase"][value="explore"]')
    page.keyboard.press("Space")
    assert visible(page) == expected(catalogue, phase=["explore"])
    assert page.evaluate("document.activeElement.value") == "explore", "focus moved away"
    status = page.locator("#hb-filters-count")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert visible(page) == expected(catalogue, phase=["explore", "generate"])
