"""The real handbook, built strictly: cards, indexes, reverse lists, links and escaping on the built pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import ROOT, content, copy_project, run_build, soup
from macros.render import Renderer

FOLDER = {"method": "methods", "mindset": "mindsets", "tool": "tools"}


def page(site: Path, kind: str, slug: str) -> Path:
    return site / FOLDER[kind] / slug / "index.html"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def card_values(card) -> dict[str, str]:
    return {dt.get_text(strip=True): dd.get_text(" ", strip=True) for dt, dd in zip(card.select("dt"), card.select("dd"))}


def test_every_method_page_opens_with_its_card(site, catalogue):
    render = Renderer(catalogue, "en")
    methods = catalogue.items("method")
    assert len(methods) >= 4
    for entry in methods:
        article = content(page(site, "method", entry.slug))
        card = article.select_one("section.hb-card--full")
        assert card is not None, entry.slug
        assert article.find("h1").find_next_sibling() is card, f"{entry.slug}: the card must follow the title"
        values = card_values(card)
        d = entry.data
        assert values["What it is"] == d.summary
        assert values["Why use it"] == d.why
        for phase in d.phases:
            assert catalogue.vocab.term("phases", phase).text("en") in values["Phase"]
        assert values["Time"] == expected_time(d.time), entry.slug
        assert values["People"] == expected_people(d.people), entry.slug
        assert values["Difficulty"] == catalogue.vocab.term("difficulty", d.difficulty).text("en")
        assert [li.get_text() for li in card.select("dt:-soup-contains('You need') + dd li")] == d.materials
        assert [li.get_text() for li in card.select("dt:-soup-contains('You get') + dd li")] == d.outputs
        for field, kind in (("mindsets", "mindset"), ("tools", "tool"), ("related", "method")):
            expected = [catalogue.get(kind, s).data.title for s in getattr(d, field)]
            label = {"mindsets": "Mindsets", "tools": "Tools", "related": "Related methods"}[field]
            links = card.select_one(f"dt:-soup-contains('{label}') + dd").select("a")
            assert [a.get_text() for a in links] == expected, (entry.slug, field)


# The card's time and people in words, written out here (not taken from the renderer under test).
UNITS = {"minutes": ("minute", "minutes"), "hours": ("hour", "hours"), "days": ("day", "days"), "weeks": ("week", "weeks")}


def expected_time(time) -> str:
    one, many = UNITS[time.unit]
    if time.min == time.max:
        return f"{time.max} {one if time.max == 1 else many}"
    return f"{time.min} to {time.max} {many}"


def expected_people(people) -> str:
    if people.min == people.max:
        return "1 person" if people.max == 1 else f"{people.max} people"
    return f"{people.min} to {people.max} people"


def test_time_and_people_are_in_words(catalogue):
    render = Renderer(catalogue, "en")
    entry = catalogue.get("method", "root-cause-analysis")
    cases = [({"min": 45, "max": 45, "unit": "minutes"}, "45 minutes"), ({"min": 1, "max": 1, "unit": "hours"}, "1 hour"),
             ({"min": 2, "max": 3, "unit": "hours"}, "2 to 3 hours"), ({"min": 1, "max": 2, "unit": "days"}, "1 to 2 days"),
             ({"min": 1, "max": 1, "unit": "weeks"}, "1 week")]
    for time, words in cases:
        changed = entry.data.model_copy(update={"time": type(entry.data.time)(**time)})
        assert render.time_text(type(entry)(entry.kind, entry.slug, changed, entry.source)) == words
    for people, words in (((1, 1), "1 person"), ((4, 4), "4 people"), ((2, 6), "2 to 6 people")):
        changed = entry.data.model_copy(update={"people": type(entry.data.people)(min=people[0], max=people[1])})
        assert render.people_text(type(entry)(entry.kind, entry.slug, changed, entry.source)) == words


def test_methods_index_shows_every_method_once_under_its_main_phase(site, catalogue):
    article = content(site / "methods" / "index.html")
    for entry in catalogue.items("method"):
        cards = article.select(f'article.hb-card--compact[data-hb-slug="{entry.slug}"]')
        assert len(cards) == 1, entry.slug
        heading = cards[0].find_previous("h2")
        assert heading["id"] == entry.data.phases[0]


@pytest.mark.parametrize("kind", ["mindset", "tool"])
def test_mindset_and_tool_indexes_list_every_item(site, catalogue, kind):
    article = content(site / FOLDER[kind] / "index.html")
    titles = [a.get_text() for a in article.select("ul.hb-list a")]
    assert titles == [e.data.title for e in catalogue.items(kind)]


@pytest.mark.parametrize("kind, field, heading", [
    ("mindset", "mindsets", "methods-that-exercise-this-mindset"),
    ("tool", "tools", "methods-that-use-this-tool"),
])
def test_reverse_lists_are_computed_from_the_methods(site, catalogue, kind, field, heading):
    for entry in catalogue.items(kind):
        article = content(page(site, kind, entry.slug))
        listed = [a.get_text() for a in article.find(id=heading).find_next("ul").select("a")]
        expected = [m.data.title for m in catalogue.items("method") if entry.slug in getattr(m.data, field)]
        assert listed == expected, entry.slug
        assert expected, f"{entry.slug} is used by no method"


def test_tool_pages_carry_a_worksheet_built_from_front_matter(site, catalogue):
    for entry in catalogue.items("tool"):
        sheet = content(page(site, "tool", entry.slug)).select_one(".hb-worksheet")
        headings = [p.get_text() for p in sheet.select(".hb-worksheet__heading")]
        assert headings == [f"{i}. {box.heading}" for i, box in enumerate(entry.data.worksheet, 1)]


def test_navigation_lists_every_item(site, catalogue):
    """Each section's index page carries its open branch of the navigation (navigation.prune
    leaves closed branches out of the HTML): every item is listed there, from its own file."""
    for kind, folder in FOLDER.items():
        nav = soup(site / folder / "index.html").select_one("nav.md-nav--primary")
        hrefs = {a["href"].rstrip("/").split("/")[-1] for a in nav.select("a[href]")}
        for entry in catalogue.items(kind):
            assert entry.slug in hrefs, f"{folder}/{entry.slug} is not in the navigation"


def test_no_template_code_is_left_in_any_page(site):
    for path in html_pages(site):
        text = content(path).get_text()
        assert "{{" not in text and "{%" not in text, path


def test_every_internal_link_and_anchor_resolves(site):
    """MkDocs checks markdown links; this also covers links the macros write as HTML."""
    ids: dict[Path, set[str]] = {}
    for path in html_pages(site):
        for a in soup(path).select("a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            assert target.exists(), f"{path.relative_to(site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {el["id"] for el in soup(target).select("[id]")}
                assert parts.fragment in ids[target], f"{path.relative_to(site)}: broken anchor {href}"


def test_pages_load_nothing_from_other_origins(site):
    for path in html_pages(site):
        page_soup = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in page_soup.select(f"{tag}[{attr}]"):
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue
                assert not urlsplit(el[attr]).netloc, f"{path}: {tag} loads {el[attr]}"


def test_source_link_does_not_call_the_github_api(site):
    source = soup(site / "index.html").select_one("a.md-source")
    assert source is not None and not source.has_attr("data-md-component")


def test_front_matter_text_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs/methods/alpha.md"
    path.write_text(path.read_text().replace(
        "summary: Alpha does the first thing.", 'summary: "Alpha <script>alert(1)</script> & <b>bold</b>"'))
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for built in (tmp_path / "site/methods/alpha/index.html", tmp_path / "site/methods/index.html"):
        html = built.read_text()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        parsed = soup(built)
        if built.parent.name == "alpha":
            description = parsed.select_one('meta[name="description"]')["content"]
            assert description == "Alpha <script>alert(1)</script> & <b>bold</b>"
        cards = parsed.select(".hb-card")
        assert any("Alpha <script>alert(1)</script> & <b>bold</b>" in c.get_text() for c in cards)


def test_every_page_has_one_h1_ordered_headings_a_language_unique_ids_and_named_dialogs(site):
    for path in html_pages(site):
        page_soup = soup(path)
        expected = "cy" if path.relative_to(site).parts[0] == "cy" else "en"
        assert page_soup.html.get("lang") == expected, path
        article = page_soup.select_one("article.md-content__inner")
        assert len(article.find_all("h1")) == 1, path
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path}: heading level jumps from h{before} to h{after}"
        ids = [el["id"] for el in page_soup.select("[id]")]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{path}: duplicate ids {duplicates}"
        # A dialog (the search box) has a name for screen readers to announce.
        for dialog in page_soup.select("[role=dialog]"):
            assert dialog.get("aria-label", "").strip() or dialog.get("aria-labelledby"), f"{path}: a dialog has no name"


def html_errors(document: bytes | str) -> list[str]:
    """The parse errors of a page, as the HTML standard defines them (html5lib follows it): an
    end tag with no element open, elements closed in the wrong order, a block inside a table."""
    import html5lib

    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    parser.parse(document)
    return [f"line {line}, column {col}: {code} {data or ''}" for (line, col), code, data in parser.errors]


def test_every_page_parses_without_errors(site):
    """No broken nesting: every page parses with no error, so browsers, screen readers and the
    PDF step all build the same tree from it."""
    assert html_errors("<!DOCTYPE html><ul><li><a href=x>link</li></a></ul>"), "the parser reports nothing"
    failures = []
    for path in sorted(site.rglob("*.html")):
        failures += [f"{path.relative_to(site)}, {error}" for error in html_errors(path.read_bytes())]
    assert not failures, "\n".join(failures[:20])


def test_no_markdown_attribute_is_left_in_any_page(site):
    """`markdown="1"` and `markdown="0"` tell Python-Markdown how to read raw HTML; none may reach
    the reader's page (they are not HTML). Welsh card-only pages once leaked one."""
    leaked = [f"{path.relative_to(site)}: <{el.name} class={el.get('class')}>"
              for path in sorted(site.rglob("*.html")) for el in soup(path).select("[markdown]")]
    assert not leaked, "\n".join(leaked[:20])


def test_content_images_have_alt_text(site):
    for path in html_pages(site):
        for img in content(path).select("img"):
            assert img.get("alt", "").strip(), f"{path}: image {img.get('src')} has no alt text"


def test_search_index_is_within_budget(site):
    size = (site / "search" / "search_index.json").stat().st_size
    assert size <= 1_000_000, f"search index is {size} bytes (budget 1 MB)"


def test_every_page_has_edit_and_source_links_and_a_last_updated_date(site):
    for path in html_pages(site):
        page_soup = soup(path)
        rel = path.relative_to(site).parent.as_posix()
        edit = page_soup.select_one('a.md-content__button[rel="edit"]')
        assert edit is not None and edit["href"].startswith(
            "https://github.com/innovation-handbook-wales/handbook/edit/main/docs/"), rel
        assert page_soup.select_one('a.md-content__button[href*="/raw/main/docs/"]') is not None, rel
        updated = page_soup.select_one(".md-source-file__fact")
        words = "Diweddariad olaf" if rel.split("/")[0] == "cy" else "Last update"
        assert updated is not None and re.search(rf"{words}: \d{{1,2}} \w+ \d{{4}}", updated.get_text(" ", strip=True)), rel


def test_every_method_page_ends_with_before_and_after(site, catalogue):
    phases = catalogue.vocab.keys("phases")
    for entry in catalogue.items("method"):
        walk = content(page(site, "method", entry.slug)).find(id="hb-walk")
        assert walk is not None, entry.slug
        labels = [strong.parent for strong in walk.find_all_next("strong", limit=2)]
        shown = [[a.get_text() for a in label.find_next_sibling().select("a")] for label in labels]
        before, after = catalogue.neighbours(entry)
        assert shown == [[e.data.title for e in before], [e.data.title for e in after]], entry.slug
        here = phases.index(entry.data.phases[0])
        assert all(phases.index(e.data.phases[0]) < here for e in before), entry.slug
        assert all(phases.index(e.data.phases[0]) >= here for e in after), entry.slug


# Our scripts that only some pages load, with their own budgets (minified), and which pages those are
# (how many of them: one per tool, or the one planner page).
# fillin.js, "Fill in on screen" on the tool pages: 12,098 bytes minified when it was written (3.7 KB
# gzipped); its budget leaves about 1 KB for fixes. planner.js measured 11,640 bytes minified when it
# was split out of handbook.js with the planner's start time, breaks and print.
PAGE_SCRIPTS = {"fillin.js": {"budget": 13 * 1024, "pages": "tools/*/index.html", "count": "tools"},
                "planner.js": {"budget": 12 * 1024, "pages": "planner/index.html", "count": 1}}


def test_hand_written_javascript_stays_small(site):
    """Budget: all our own JavaScript that every page loads under 15 KB minified: handbook.js, and
    the scripts written into our templates (search held back until it is wanted, the light and dark
    switch, the forms shown before the page is drawn). Material's own and vendored scripts (vendor/:
    the planner's QR encoder) do not count. A script only some pages load (PAGE_SCRIPTS) has a
    budget of its own."""
    import rjsmin

    found = {p.name: p.read_text(encoding="utf-8") for p in (site / "assets" / "javascripts").glob("*.js")
             if not p.name.startswith("bundle.")}
    for name, limit in PAGE_SCRIPTS.items():
        assert name in found, f"{name} is missing"
        size = len(rjsmin.jsmin(found.pop(name)).encode("utf-8"))
        assert size < limit["budget"], f"{name} is {size} bytes minified (budget {limit['budget']})"
    ours = found
    assert "handbook.js" in ours, "handbook.js is missing"
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        for n, script in enumerate(re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S)):
            ours[f"{template.relative_to(ROOT)} ({n + 1})"] = script
    assert len(ours) >= 5, sorted(ours)
    sizes = {name: len(rjsmin.jsmin(text).encode("utf-8")) for name, text in ours.items()}
    assert sum(sizes.values()) < 15 * 1024, sizes


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_page_scripts_load_only_on_their_pages(site, catalogue, lang):
    """fillin.js is loaded by every tool page, planner.js by the planner page, and by no other page."""
    root = site / "cy" if lang == "cy" else site
    for name, limit in PAGE_SCRIPTS.items():
        wanted = set(root.glob(limit["pages"]))
        count = len(catalogue.items("tool")) if limit["count"] == "tools" else limit["count"]
        assert len(wanted) == count, sorted(wanted)
        for path in sorted(root.rglob("index.html")):
            if lang == "en" and path.relative_to(site).parts[0] == "cy":
                continue
            srcs = [s.get("src", "") for s in soup(path).select("script[src]")]
            loads = any(src.split("/")[-1] == name for src in srcs)
            assert loads == (path in wanted), f"{path.relative_to(site)}: {'loads' if loads else 'does not load'} {name}"


def test_tags_come_from_the_card_and_the_tags_page_lists_them(site, catalogue):
    """Tags are never typed: each method is tagged with its phases, difficulty, themes and labs."""
    vocab = catalogue.vocab
    listing = soup(site / "tags" / "index.html")
    for entry in catalogue.items("method"):
        d = entry.data
        expected = {vocab.term("phases", k).text("en") for k in d.phases} | {vocab.term("difficulty", d.difficulty).text("en")}
        expected |= {vocab.term("themes", k).text("en") for k in d.themes} | {vocab.term("labs", k).text("en") for k in d.labs}
        shown = {a.get_text(strip=True) for a in soup(page(site, "method", entry.slug)).select("nav.md-tags a.md-tag")}
        assert shown == expected, entry.slug
        for label in expected:
            heading = listing.find(lambda tag: tag.name in ("h2", "h3") and tag.get_text(strip=True).rstrip("¶") == label)
            assert heading is not None, f"tags page has no section for {label}"
            listed = {a.get_text(strip=True) for a in heading.find_next("ul").select("a")}
            assert d.title in listed, f"{entry.slug} is not listed under {label}"


def test_search_covers_card_fields_and_ranks_methods_first(site, catalogue):
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    for entry in catalogue.items("method"):
        doc = by_location[f"methods/{entry.slug}/"]
        assert doc.get("boost") == 2, entry.slug
        text = " ".join(d["text"] for loc, d in by_location.items() if loc.startswith(f"methods/{entry.slug}/"))
        for value in (entry.data.summary, entry.data.outputs[0]):
            assert re.sub(r"\s+", " ", value.replace("'", "&#x27;")) in text or value in text, (entry.slug, value)


# What the guide must say about each kind's fields, written out here: a new field must be added
# to this list (and so to the guide) on purpose.
REQUIRED = {
    "method": {"title", "summary", "why", "phases", "time", "people", "difficulty", "materials", "outputs",
               "steps", "mindsets", "related", "good_for"},
    "tool": {"title", "summary", "worksheet"},
    "mindset": {"title", "summary"},
}
OPTIONAL = {"method": {"aliases", "tools", "themes", "labs"},
            "tool": {"aliases", "layout", "axes", "stages", "columns", "flow"}, "mindset": set()}


def test_the_contributor_guide_lists_every_field_and_allowed_value(site, catalogue):
    """The card fields page is generated from the schema: every field of every kind, whether it
    is required, and the allowed values of each vocabulary."""
    article = content(site / "contribute" / "fields" / "index.html")
    text = article.get_text(" ", strip=True)
    headings = {"method": "Method fields", "tool": "Tool fields", "mindset": "Mindset fields"}
    for kind, heading in headings.items():
        table = next(h for h in article.select("h2") if h.get_text(strip=True).startswith(heading)).find_next("table")
        rows = {tr.select_one("td code").get_text(): tr.select_one("td").get_text(" ", strip=True)
                for tr in table.select("tr") if tr.select_one("td code")}
        assert set(rows) == REQUIRED[kind] | OPTIONAL[kind], kind
        for name, cell in rows.items():
            assert ("(required)" in cell) == (name in REQUIRED[kind]), (kind, name, cell)
            assert ("(optional)" in cell) == (name in OPTIONAL[kind]), (kind, name, cell)
    for name in ("phases", "difficulty", "situations", "themes", "labs"):
        for key in catalogue.vocab.keys(name):
            assert key in text, f"{name} value {key} is not in the guide"
