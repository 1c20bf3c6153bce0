"""A Welsh page whose card is translated but whose text is not yet (issue 19): its notice says
where the card is, truly, and its contents lists are in Welsh. Every real Welsh page is fully
translated now, so this builds the mini handbook (tests/fixtures/mini), whose Welsh alpha method
is a card only."""

from __future__ import annotations

import shutil

import pytest

from helpers import MINI, copy_project, edit, run_build, soup

# The Welsh names of a method's standard sections, as a reader expects them (written here, not
# read from macros/labels.yml, so that a wrong label fails).
WELSH_SECTIONS = ["Pryd i'w ddefnyddio", "Cyn i chi ddechrau", "Cam wrth gam", "Awgrymiadau o brofiad",
                  "Beth rydych yn ei gael", "Y pum ffordd o weithio", "Darllen pellach", "Cyn ac ar ôl y dull hwn"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("card-only")
    project = copy_project(base / "project")
    result = run_build(project, base / "site", languages="en,cy")
    assert result.returncode == 0, result.stderr
    page = base / "site" / "cy" / "methods" / "alpha" / "index.html"
    assert "translation:" in (project / "docs" / "methods" / "alpha.cy.md").read_text()
    assert (project / "docs" / "methods" / "alpha.cy.md").read_text().rstrip().endswith("---"), "alpha.cy.md must be a card only"
    return soup(page)


def test_the_notice_says_the_card_is_below_it_and_it_is(built):
    article = built.select_one("article")
    note = article.select_one(".hb-lang-note")
    welsh, english = note.select_one('p[lang="cy"]').get_text(" ", strip=True), note.select_one('p[lang="en"]').get_text(" ", strip=True)
    assert "Mae'r cerdyn isod yn Gymraeg" in welsh and "uchod" not in welsh
    assert "The card below is in Welsh" in english and "above" not in english
    # Below: the card comes after the notice in the page, and nothing of it before.
    order = [el for el in article.find_all(True) if el is note or "hb-card" in (el.get("class") or [])]
    assert order[0] is note and len(order) == 2, [el.name for el in order]


def test_the_contents_lists_are_in_welsh(built):
    sidebar = built.select_one(".md-sidebar--secondary nav.md-nav--secondary")
    assert sidebar["aria-label"] == "Cynnwys tudalen"
    assert sidebar.select_one("label.md-nav__title").get_text(strip=True) == "Cynnwys tudalen"
    own = built.select_one("nav#hb-contents")
    assert own.select_one(".hb-contents__title").get_text(strip=True) == "Ar y dudalen hon"
    for nav in (sidebar, own):
        entries = [a.get_text(strip=True) for a in nav.select("a")]
        assert entries == WELSH_SECTIONS
        # Each still leads to its section of the English text.
        for a in nav.select("a"):
            target = built.find(id=a["href"][1:])
            assert target is not None and target.name == "h2", a["href"]
    # The English text's headings stay English, inside the part marked as English.
    assert built.select_one('div[lang="en"] h2').get_text(strip=True).startswith("When to use it")


def test_an_entry_that_is_not_a_standard_section_is_marked_english(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(MINI / "docs", docs)
    edit(docs, "methods/alpha.md", "## Before you start", "## Interviews or a focus group?\n\nEither.\n\n## Before you start")
    project = copy_project(tmp_path / "project", docs=docs)
    result = run_build(project, tmp_path / "site", languages="en,cy")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "site" / "cy" / "methods" / "alpha" / "index.html")
    link = page.select_one('nav#hb-contents a[href="#interviews-or-a-focus-group"]')
    assert link.select_one('span[lang="en"]').get_text(strip=True) == "Interviews or a focus group?"
    assert page.select_one('nav#hb-contents a[href="#before-you-start"]').get_text(strip=True) == "Cyn i chi ddechrau"
