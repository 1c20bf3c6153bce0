"""Welsh search understands mutations: a search for "cymuned" finds "gymuned" and "nghymuned",
and the other way round, in Chromium, through Material's search box and worker (the handbook's
lunr plugin for Welsh, overrides/assets/javascripts/lunr/min/lunr.cy.min.js), online and in the
offline copy.

The expected pages come from the built Welsh site's own text: every page that holds the word in
any of the forms listed must be found, whichever form is typed.
"""

from __future__ import annotations

import json
import re
import zipfile

import pytest

pytestmark = pytest.mark.browser

# A radical form and mutated forms of it, written out by hand (soft, nasal, aspirate).
WORDS = {
    "cymuned": ("cymuned", "gymuned", "nghymuned", "chymuned"),
    "tîm": ("tîm", "dîm", "nhîm", "thîm"),
    "prosiect": ("prosiect", "brosiect", "mhrosiect", "phrosiect"),
    "trigolion": ("trigolion", "drigolion", "nhrigolion", "thrigolion"),
    "caffael": ("caffael", "gaffael", "nghaffael", "chaffael"),
}
# What a reader types -> the word whose forms it must find.
QUERIES = {"cymuned": "cymuned", "gymuned": "cymuned", "nhîm": "tîm", "brosiect": "prosiect",
           "drigolion": "trigolion", "chaffael": "caffael"}


def pages_with(index: dict, forms: tuple[str, ...]) -> set[str]:
    """The pages (locations without a #section) whose title or text holds any of the forms."""
    word = re.compile(r"(?<![\w'’])(" + "|".join(forms) + r")(?![\w])", re.IGNORECASE)
    found = set()
    for doc in index["docs"]:
        if word.search(doc.get("title", "") + " " + re.sub(r"<[^>]+>", " ", doc.get("text", ""))):
            found.add(doc["location"].split("#")[0])
    return found


def count_pages(page, query: str) -> int:
    """How many pages the search box says match a query ("38 dogfennau sy'n cyfateb"). Material
    lists results in batches as the list scrolls, so the count it states is read, not the list."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=10)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && document.querySelector('input.md-search__input').value === q"
        " && !/type to start|initiali|teipiwch|cychwyn/i.test(m.textContent) }", arg=query, timeout=15000)
    # The worker answers each key press, and a busy machine answers late: the count is read
    # until it has not changed for a second (four reads in a row agree).
    reads: list[str] = []
    for _ in range(80):
        reads.append(meta.inner_text())
        if len(reads) >= 4 and len(set(reads[-4:])) == 1:
            break
        page.wait_for_timeout(250)
    before = reads[-1]
    digits = re.search(r"\d+", before or "")
    return int(digits.group()) if digits else 0  # "no matching documents" has no figure


@pytest.fixture(scope="module")
def welsh_index(site) -> dict:
    return json.loads((site / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_welsh_index_names_welsh_and_the_plugin_is_shipped(site, welsh_index):
    assert welsh_index["config"]["lang"] == ["cy"]
    assert "stemmer" in welsh_index["config"]["pipeline"]
    assert (site / "cy" / "assets" / "javascripts" / "lunr" / "min" / "lunr.cy.min.js").is_file()
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]


def test_the_site_has_the_mutated_forms_the_queries_need(welsh_index):
    """Otherwise the search test below would pass on pages that hold only the typed form."""
    for word, forms in WORDS.items():
        radical, mutated = pages_with(welsh_index, forms[:1]), pages_with(welsh_index, forms[1:])
        assert mutated - radical, f"no Welsh page has a mutated form of {word!r} without the radical"


@pytest.fixture(scope="module")
def welsh_search(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "cy/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    yield lambda query: count_pages(page, query)
    context.close()


@pytest.mark.parametrize("query", list(QUERIES))
def test_a_welsh_search_finds_every_mutation_of_the_word(welsh_search, welsh_index, query):
    """Every page with any form of the word matches, whichever form is typed (Material also
    matches longer words that start with it, such as "cymunedau": at least, not exactly)."""
    word = QUERIES[query]
    expected = pages_with(welsh_index, WORDS[word])
    found = welsh_search(query)
    assert found >= len(expected), (f"searching {query!r} matched {found} pages; {len(expected)} pages hold "
                                    f"a form of {word!r} {WORDS[word]}")


def test_each_form_of_a_word_finds_the_same_pages(welsh_search):
    for forms in WORDS.values():
        counts = {form: welsh_search(form) for form in forms}
        assert len(set(counts.values())) == 1, counts


def test_english_search_is_unchanged_by_the_welsh_rules(browser, base_url):
    """The English site has no Welsh plugin: "gate" does not find "cate" words there."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    assert count_pages(page, "prototype") > 0
    assert count_pages(page, "nghymuned") == 0
    context.close()


def test_offline_welsh_search_understands_mutations(browser, site, tmp_path):
    with zipfile.ZipFile(site / "downloads" / "innovation-handbook-offline.zip") as archive:
        archive.extractall(tmp_path)
    home = next(tmp_path.rglob("cy/index.html"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(home.as_uri())
    page.locator("input.md-search__input").click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("nghymuned", delay=10)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    context.close()
    assert hrefs, "no results offline for nghymuned"
    assert not [u for u in requests if not u.startswith(("file://", "data:", "blob:"))]
