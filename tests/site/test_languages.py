"""The bilingual handbook, read back from the built site: every page in both languages, each
linked to its counterpart, Welsh cards with Welsh words and the English file's facts, a search
index per language, Welsh PDFs beside the English ones, and a status page that matches the files."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from helpers import ROOT, content, site_paths, soup
from macros.frontmatter import parse
from macros.loader import load
from macros.printing.settings import Files
from macros.render import Renderer
from macros.translations import kind_of, revision

SITE_URL = "https://innovation-handbook-wales.github.io/handbook/"


@pytest.fixture(scope="module")
def welsh():
    return load(ROOT / "docs", root=ROOT, lang="cy")


def page_path(src_uri: str) -> str:
    """docs/ path -> the page's path under its site's root ('' for the home page)."""
    stem = src_uri[:-3]
    if stem == "index":
        return ""
    return (stem[:-5] if stem.endswith("/index") else stem + "/")


def test_every_page_has_its_counterpart_in_the_other_language(site):
    english, welsh = site_paths(site, "en"), site_paths(site, "cy")
    assert len(english) > 60
    assert [p.removeprefix("cy/") for p in welsh] == english


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_each_page_links_to_the_same_page_in_the_other_language(site, lang):
    other = "cy" if lang == "en" else "en"
    failures = []
    for path in site_paths(site, lang):
        page = soup(site / path / "index.html")
        bare = path.removeprefix("cy/")
        if page.html.get("lang") != lang:
            failures.append(f"/{path}: lang is {page.html.get('lang')}")
        switch = page.select("a.hb-lang__link")
        target = "/" + (f"cy/{bare}" if other == "cy" else bare)
        if len(switch) != 1 or urljoin("/" + path, switch[0]["href"]) != target \
                or switch[0].get("hreflang") != other or switch[0].get("lang") != other:
            failures.append(f"/{path}: the language link should go to {target}, not {[a.get('href') for a in switch]}")
        # No alternate links in the head: Material would fetch a sitemap beside each one
        # (overrides/hooks/handbook.py). The sitemaps carry the hreflang alternates instead.
        if page.select('link[rel="alternate"]'):
            failures.append(f"/{path}: alternate links in the head")
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_each_sitemap_lists_every_page_with_its_hreflang_alternates(site, lang):
    base = site if lang == "en" else site / "cy"
    tree = ElementTree.parse(base / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    found = {}
    for url in tree.getroot().findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
    root = SITE_URL if lang == "en" else SITE_URL + "cy/"
    assert set(found) == {root + path.removeprefix("cy/") for path in site_paths(site, lang)}
    for loc, alternates in found.items():
        bare = loc.removeprefix(root)
        assert alternates == {"en": SITE_URL + bare, "cy": SITE_URL + "cy/" + bare, "x-default": SITE_URL + bare}, loc


def test_untranslated_pages_say_so_in_both_languages_and_mark_the_english(site, welsh):
    failures = []
    for src_uri in welsh.originals:
        path = page_path(src_uri)
        article = content(site / "cy" / path / "index.html")
        notes = " ".join(n.get_text(" ", strip=True) for n in article.select(".hb-lang-note"))
        done = welsh.translation(src_uri)
        english_parts = article.select('[lang="en"]')
        if done is None:
            if "Nid yw'r dudalen hon ar gael yn Gymraeg eto" not in notes or "not yet available in Welsh" not in notes:
                failures.append(f"/cy/{path}: no bilingual notice")
            if article.select_one("h1").get("lang") != "en" or not any(e.name == "div" for e in english_parts):
                failures.append(f"/cy/{path}: the English title and text are not marked lang=en")
        else:
            if article.select_one("h1").get("lang"):
                failures.append(f"/cy/{path}: a translated title is marked as another language")
            card_only = done.kind != "chapter" and not done.has_body
            if card_only != ("Mae'r cerdyn isod yn Gymraeg" in notes):
                failures.append(f"/cy/{path}: the card-only notice is wrong")
            draft = article.select_one(".hb-lang-draft")
            if (done.status == "draft" or done.out_of_date) != (draft is not None):
                failures.append(f"/cy/{path}: the draft note does not match the status {done.state}")
    assert not failures, "\n".join(failures[:20])


def test_welsh_cards_have_welsh_words_and_the_english_files_facts(site, welsh):
    english = load(ROOT / "docs", root=ROOT)
    en_words, cy_words = Renderer(english, "en"), Renderer(welsh, "cy")
    translated = [e for e in welsh.items("method") if welsh.translation(e.src_path)]
    assert len(translated) == len(welsh.items("method")), "every method's card should be in Welsh"
    for entry in translated:
        card = content(site / "cy" / page_path(entry.src_path) / "index.html").select_one(".hb-card--full")
        text = card.get_text(" ", strip=True)
        assert "Beth ydyw" in text and "Pam ei ddefnyddio" in text, entry.slug
        assert entry.data.summary in text and entry.data.steps[0] not in text
        en_card = content(site / page_path(entry.src_path) / "index.html").select_one(".hb-card--full")
        for fact in ("time", "people"):
            cy_fact = card.select_one(f".hb-card__fact--{fact} dd").get_text(strip=True)
            en_fact = en_card.select_one(f".hb-card__fact--{fact} dd").get_text(strip=True)
            assert re.findall(r"\d+", cy_fact) == re.findall(r"\d+", en_fact), (entry.slug, fact)
        en_entry = english.get("method", entry.slug)
        assert card.select_one(".hb-card__fact--time dd").get_text(strip=True) == cy_words.time_text(en_entry)
        assert en_card.select_one(".hb-card__fact--time dd").get_text(strip=True) == en_words.time_text(en_entry)


def test_each_language_has_its_own_search_index(site, welsh):
    en = json.loads((site / "search/search_index.json").read_text())
    cy = json.loads((site / "cy/search/search_index.json").read_text())
    assert not any(d["location"].startswith("cy/") for d in en["docs"])
    titles_en = {d["title"] for d in en["docs"]}
    titles_cy = {d["title"] for d in cy["docs"]}
    journey = welsh.translation("journey.md")
    assert journey is not None
    assert journey.text["title"] in titles_cy and journey.text["title"] not in titles_en
    # Welsh words that are English stop words ("her", a challenge) stay in the Welsh index: no
    # stop-word filter; the Welsh "stemmer" is the handbook's lunr plugin for mutations.
    assert cy["config"]["pipeline"] == ["trimmer", "stemmer"] and en["config"]["pipeline"] == ["stopWordFilter"]
    assert cy["config"]["lang"] == ["cy"] and en["config"]["lang"] == ["en"]


def test_both_languages_have_their_pdfs(site):
    for lang, title in (("en", "Innovation Handbook"), ("cy", "Llawlyfr Arloesi")):
        base = site if lang == "en" else site / "cy"
        files = Files(lang)
        book = PdfReader(base / files.book)
        assert book.trailer["/Root"]["/Lang"] == lang
        assert (book.metadata.title or "").startswith(title)
        for name in (files.cards_a4, files.cards_a6):
            assert (base / name).is_file(), name
    en_cards = PdfReader(site / Files("en").cards_a6)
    cy_cards = PdfReader(site / "cy" / Files("cy").cards_a6)
    assert len(cy_cards.pages) == len(en_cards.pages)
    assert "beth ydyw" in cy_cards.pages[0].extract_text().lower()


def test_the_status_page_matches_the_files(site):
    article = content(site / "contribute/translation-status/index.html")
    rows = {}
    for row in article.select("table")[-1].select("tr")[1:]:  # the page-by-page table, after the counts
        cells = row.find_all("td")
        file = next(c.get_text() for c in cells[0].find_all("code"))
        rows[file] = (cells[1].get_text(strip=True), cells[2].get_text(" ", strip=True))
    pages = [p for p in (ROOT / "docs").rglob("*.md")
             if not p.name.endswith(".cy.md") and "templates" not in p.parts]
    assert len(rows) == len(pages)
    for english in pages:
        rel = english.relative_to(ROOT / "docs").as_posix()
        translation = english.with_name(english.name[:-3] + ".cy.md")
        shown_revision, state = rows[f"docs/{rel[:-3]}.cy.md"]
        kind = kind_of(rel)
        source, _ = parse(english.read_text(encoding="utf-8"), rel)
        assert shown_revision == revision(kind, source), rel
        if not translation.is_file():
            assert state == "Missing", rel
            continue
        cy, _ = parse(translation.read_text(encoding="utf-8"), rel)
        block = cy.meta["translation"]
        expected = "Out of date" if block["revision"] != revision(kind, source) else block["status"].capitalize()
        assert state.startswith(expected), (rel, state)
        assert ("card only" in state) == (kind != "chapter" and not cy.body.strip()), rel


def welsh_states() -> dict[str, int]:
    """Each state's count, read from the translation files themselves."""
    counts = {"Reviewed": 0, "Draft": 0, "Out of date": 0, "Missing": 0, "Card only": 0}
    for english in (ROOT / "docs").rglob("*.md"):
        if english.name.endswith(".cy.md") or "templates" in english.parts:
            continue
        rel = english.relative_to(ROOT / "docs").as_posix()
        translation = english.with_name(english.name[:-3] + ".cy.md")
        if not translation.is_file():
            counts["Missing"] += 1
            continue
        source, _ = parse(english.read_text(encoding="utf-8"), rel)
        cy, _ = parse(translation.read_text(encoding="utf-8"), rel)
        block = cy.meta["translation"]
        counts["Out of date" if block["revision"] != revision(kind_of(rel), source) else block["status"].capitalize()] += 1
        counts["Card only"] += kind_of(rel) != "chapter" and not cy.body.strip()
    return counts


def test_the_status_page_opens_with_the_counts_by_state(site):
    article = content(site / "contribute/translation-status/index.html")
    first = article.find(["p", "table", "ul"])
    assert first.name == "table", "the counts come first on the status page"
    shown = {row.find_all("td")[0].get_text(strip=True): int(row.find_all("td")[1].get_text(strip=True))
             for row in first.select("tr")[1:]}
    expected = welsh_states()
    assert shown.pop("All pages") == sum(v for k, v in expected.items() if k != "Card only")
    assert shown == expected


def test_the_welsh_home_page_says_how_far_review_has_got(site):
    reviewed = welsh_states()["Reviewed"]
    total = sum(v for k, v in welsh_states().items() if k != "Card only")
    text = content(site / "cy/index.html").get_text(" ", strip=True)
    assert f"wedi adolygu {reviewed} o'r {total} tudalen" in text


def test_the_welsh_site_has_welsh_navigation_and_interface(site):
    page = soup(site / "cy/methods/index.html")
    nav = page.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    for word in ("Hafan", "Dulliau", "Meddylfrydau", "Offer", "Geirfa"):
        assert word in nav
    assert page.select_one(".md-search__input")["placeholder"] == "Chwilio"
    finder = content(site / "cy/methods/index.html").get_text(" ", strip=True)
    assert "Dod o hyd i ddull" in finder
