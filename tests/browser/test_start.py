"""'Where do I start?': the suggestions are exactly the methods whose front matter fits the
answers, with the reasoning shown; without JavaScript every situation's list is there."""

from __future__ import annotations

import pytest

from macros.render import Renderer

pytestmark = pytest.mark.browser


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".hb-start__situation:not([hidden]) li:not([hidden]) a",
                                     "links => links.map(a => a.textContent)")


def test_suggestions_follow_the_answers(browser, base_url, catalogue):
    render = Renderer(catalogue, "en")
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "start/")
    assert shown(page) == []
    for term in catalogue.vocab.terms("situations"):
        page.check(f'#hb-start input[name="situation"][value="{term.key}"]')
        expected = [e.data.title for e in catalogue.items("method") if term.key in e.data.good_for]
        assert shown(page) == expected, term.key
        reason = page.locator("#hb-start-reason").inner_text()
        if expected:
            assert reason == f"Because you said: {term.text('en')}."
        else:
            assert reason.startswith("No method fits")
    page.check('#hb-start input[name="situation"][value="new-challenge"]')
    page.select_option('#hb-start select[name="time"]', "60")
    page.fill('#hb-start input[name="people"]', "3")
    expected = [e.data.title for e in catalogue.items("method") if "new-challenge" in e.data.good_for
                and render.minutes(e, "min") <= 60 and e.data.people.min <= 3 <= e.data.people.max]
    assert shown(page) == expected
    if expected:
        assert page.locator("#hb-start-reason").inner_text() == (
            "Because you said: We have a new challenge, and you have an hour or less "
            "(methods that need longer are left out), for 3 people.")
    assert "situation=new-challenge" in page.url and "time=60" in page.url
    page.reload()
    assert shown(page) == expected
    context.close()


def test_without_javascript_every_situation_lists_its_methods(browser, base_url, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "start/")
    for term in catalogue.vocab.terms("situations"):
        links = page.eval_on_selector_all(f'[data-hb-situation="{term.key}"] li a', "a => a.map(x => x.textContent)")
        assert links == [e.data.title for e in catalogue.items("method") if term.key in e.data.good_for]
    context.close()
