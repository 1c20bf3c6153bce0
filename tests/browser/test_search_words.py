"""Readers search in their own words, not our titles: "consultation", "pilot", "business case".

Each query below is one a public servant in Wales might type, in British and public-sector
spelling. The pages listed must be among the first three results of the site's own search, run
in Chromium against the built site as a reader runs it (the search box, Material's worker and
its lunr index, with the aliases the build adds). Any one of the listed pages is enough where a
query has more than one right answer.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# query -> titles of pages, one of which must be in the top three
QUERIES: dict[str, tuple[str, ...]] = {
    "consultation": ("Co-design and co-production workshop", "Glossary"),
    "focus group": ("Interviews with residents and staff", "Glossary"),
    "personas": ("Personas",),
    "five whys": ("Root cause analysis",),
    "fishbone": ("Root cause analysis",),
    "prioritise": ("Prioritising ideas by impact and effort",),
    "prioritisation matrix": ("Prioritising ideas by impact and effort",),
    "brainstorm": ("Idea generation",),
    "crazy 8s": ("Idea generation",),
    "DPIA": ("Data ethics check", "The law in Wales, in brief", "Glossary"),
    "co-design": ("Co-design and co-production workshop",),
    "co-production": ("Co-design and co-production workshop",),
    "logic model": ("Logic model",),
    "business case": ("Business case and benefits realisation",),
    "five case model": ("Business case and benefits realisation",),
    "benefits realisation": ("Business case and benefits realisation",),
    "pilot": ("Trial design", "Experiment plan", "Low-fidelity prototyping and testing"),
    "A/B test": ("Trial design",),
    "test and learn": ("Trial design",),
    "customer journey": ("Journey mapping",),
    "stakeholder analysis": ("Stakeholder mapping",),
    "equality impact assessment": ("Integrated impact assessment",),
    "affinity mapping": ("Research synthesis",),
    "user testing": ("Usability testing",),
    "scenario planning": ("Futures scenarios and backcasting",),
    "backcasting": ("Futures scenarios and backcasting",),
    "evaluation": ("Evaluation plan",),
    "recruiting participants": ("Recruiting and paying research participants",),
    "socio-economic duty": ("The law in Wales, in brief", "Integrated impact assessment"),
    "procurement act": ("The law in Wales, in brief", "Pre-procurement market engagement"),
    "lessons learned": ("Learning review",),
    "survey": ("Glossary", "Good data questions"),
}


@pytest.fixture(scope="module")
def search(browser, base_url):
    """A function: query -> the titles of the first three results, read from the search box."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()

    def top_three(query: str) -> list[str]:
        box.fill("")
        # Typed key by key, as a reader types: Material's search reads key events, not a pasted value.
        box.press_sequentially(query, delay=10)
        # The worker answers as the box changes: wait until the list answers this query (the
        # box's placeholder message is gone) and stops changing (two reads 300 ms apart agree).
        page.wait_for_function(
            "() => { const m = document.querySelector('.md-search-result__meta');"
            " return m && !/type to start/i.test(m.textContent) }", timeout=15000)
        before = None
        for _ in range(40):
            titles = page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()[:3]
            if titles == before:
                return titles
            before = titles
            page.wait_for_timeout(300)
        return before or []

    yield top_three
    context.close()


@pytest.mark.parametrize("query", list(QUERIES))
def test_a_readers_own_words_find_the_page_that_answers_them(search, query):
    titles = search(query)
    wanted = QUERIES[query]
    assert set(titles) & set(wanted), f"{query!r}: the first three results are {titles}; expected one of {wanted}"


def test_there_are_enough_real_queries():
    assert len(QUERIES) >= 25
