"""Fill in on screen, on the tool pages (overrides/assets/javascripts/fillin.js), in Chromium, in
English and Welsh, by keyboard: a text area in every box, named by its heading and described by its
prompt, in reading order; kept in this browser over a reload, cleared after a confirmation; printed
with what was typed; exported as a markdown file and imported back; stages added, renamed and
removed; axe on the fill-in mode at phone and desktop widths; the blank sheet without JavaScript.

The stages layout: the shared worksheet contract (data-box rows, data-stage cells, hb-stage-N
headings) is used by the journey map once the layouts are built. Until a page of the built site
has that layout, the stages tests serve the journey map's page with its worksheet written in the
contract's stages markup (`STAGES`), from its front matter and four stages.
"""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from macros.loader import load
from test_accessibility import AXE_OPTIONS, COLOUR_RULES, DARK, RUN, axe_source

pytestmark = pytest.mark.browser

TOOL = "stakeholder-map"
STAGES_TOOL = "journey-map"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
# Colours are read at their final values, not halfway through a button's transition to its focus colours.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# What the browser computes for the focused element: its id, and its accessible name's parts.
ACTIVE = "document.activeElement && (document.activeElement.id || document.activeElement.textContent.trim())"


@pytest.fixture(scope="module")
def catalogues():
    return {"en": load(ROOT / "docs", root=ROOT, lang="en"), "cy": load(ROOT / "docs", root=ROOT, lang="cy")}


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=WIDTHS["desktop"])
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield context
    context.close()
    assert not errors, f"the page's scripts failed: {errors}"


def words(catalogues, lang: str) -> dict[str, str]:
    """The interface's words in one language, from macros/labels.yml, {placeholders} as written."""
    labels = yaml.safe_load((ROOT / "macros" / "labels.yml").read_text(encoding="utf-8"))
    found = {k[len("fillin_"):]: v[lang] for k, v in labels.items() if k.startswith("fillin_")}
    return found | {"date": labels["worksheet_date"][lang]}


def address(base_url: str, lang: str, slug: str) -> str:
    return f"{base_url}{'cy/' if lang == 'cy' else ''}tools/{slug}/"


def boxes(catalogues, lang: str, slug: str) -> list:
    return catalogues[lang].get("tool", slug).data.worksheet


def press(page, name: str, key: str = "Enter") -> None:
    """Focus the button with this name, and press a key on it (the keyboard, not a click)."""
    page.locator("article").get_by_role("button", name=name, exact=True).focus()
    page.keyboard.press(key)


def status(page) -> str:
    return page.locator(".hb-fillin__status").inner_text()


def fields(page):
    return page.locator("textarea.hb-fillin__field")


def start(page, w) -> None:
    press(page, w["start"])
    assert page.get_by_role("button", name=w["start"], exact=True).get_attribute("aria-pressed") == "true"
    assert status(page) == w["started"]


def type_in_order(page, expected_ids: list[str], texts: list[str]) -> None:
    """Tab from the fill-in controls to the first text area, then through every text area in turn,
    typing into each: focus must reach them in exactly this order, with nothing between them."""
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE) == expected_ids[0]:
            break
    else:
        raise AssertionError("Tab never reached the first text area")
    for n, (want, text) in enumerate(zip(expected_ids, texts)):
        if n:
            page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE) == want, f"focus order: expected {want}, got {page.evaluate(ACTIVE)}"
        page.keyboard.type(text)


def typed_texts(n: int, lang: str) -> list[str]:
    return [f"{lang} box {i + 1}: first line\nsecond line, {i + 1}" for i in range(n)]


# Boxes: fill in, reload, clear ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
def test_fill_in_survives_a_reload_and_clear_removes_it_by_keyboard(context, base_url, catalogues, lang):
    w, sheet = words(catalogues, lang), boxes(catalogues, lang, TOOL)
    page = context.new_page()
    page.goto(address(base_url, lang, TOOL))
    assert fields(page).count() == 0, "the page opens on the blank sheet"
    start(page, w)
    ids = [f"hb-field-{i}" for i in range(len(sheet))]
    texts = typed_texts(len(sheet), lang)
    type_in_order(page, ids, texts)
    assert status(page) == w["saved"]
    page.reload()
    assert page.get_by_role("button", name=w["start"], exact=True).get_attribute("aria-pressed") == "true"
    assert [fields(page).nth(i).input_value() for i in range(fields(page).count())] == texts
    assert status(page) == w["restored"]
    key = f"hb-fillin:{TOOL}:{lang}"
    assert json.loads(page.evaluate(f"localStorage.getItem('{key}')"))["boxes"]["0"] == texts[0]

    # Clear asks first; Escape keeps everything, and focus comes back to Clear.
    press(page, w["clear"])
    dialog = page.get_by_role("dialog", name=w["confirm"])
    assert dialog.is_visible()
    assert page.evaluate(ACTIVE) == w["confirm_no"], "the safe answer has focus"
    page.keyboard.press("Escape")
    assert dialog.is_hidden() and page.evaluate(ACTIVE) == w["clear"]
    assert fields(page).nth(0).input_value() == texts[0]
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE) == w["confirm_no"]
    page.keyboard.press("Enter")  # "No, keep it"
    assert dialog.is_hidden() and fields(page).nth(0).input_value() == texts[0]
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(ACTIVE) == w["confirm_yes"]
    page.keyboard.press("Enter")
    assert dialog.is_hidden()
    assert status(page) == w["cleared"]
    assert all(fields(page).nth(i).input_value() == "" for i in range(fields(page).count()))
    assert page.evaluate(f"localStorage.getItem('{key}')") is None
    page.reload()
    assert fields(page).count() == 0, "nothing is kept: the blank sheet again"
    assert page.locator(".hb-worksheet__space").first.is_visible()


def test_each_language_keeps_its_own_sheet(context, base_url, catalogues):
    page = context.new_page()
    page.goto(address(base_url, "en", TOOL))
    start(page, words(catalogues, "en"))
    fields(page).nth(0).focus()
    page.keyboard.type("English only")
    page.goto(address(base_url, "cy", TOOL))
    assert fields(page).count() == 0, "the Welsh page has its own sheet, still blank"
    page.goto(address(base_url, "en", "challenge-statement"))
    assert fields(page).count() == 0, "another tool has its own sheet"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_text_area_is_named_by_its_heading_and_described_by_its_prompt(browser, base_url, catalogues, lang):
    from playwright.sync_api import expect

    w = words(catalogues, lang)
    context = browser.new_context()
    page = context.new_page()
    for entry in catalogues[lang].items("tool"):
        page.goto(address(base_url, lang, entry.slug))
        press(page, w["start"])
        sheet = entry.data.worksheet
        assert fields(page).count() >= len(sheet), entry.slug
        for i, box in enumerate(sheet):
            area = page.locator(f'[data-box="{i}"]:not([data-stage]) > textarea.hb-fillin__field')
            if area.count() == 0:  # a row of a stages layout: its cells are checked in the stages test
                assert page.locator(f'.hb-worksheet__cell[data-box="{i}"]').count() > 0, (entry.slug, i)
                continue
            expect(area).to_have_accessible_name(f"{i + 1}. {box.heading}")
            expect(area).to_have_accessible_description(" ".join(box.prompt.split()))
    context.close()


# Print ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
def test_printing_a_filled_sheet_prints_what_was_typed_in_its_boxes(context, base_url, catalogues, lang):
    from pypdf import PdfReader

    w, sheet = words(catalogues, lang), boxes(catalogues, lang, TOOL)
    page = context.new_page()
    page.goto(address(base_url, lang, TOOL))
    start(page, w)
    texts = [f"Typed{lang}{i}" for i in range(len(sheet))]
    type_in_order(page, [f"hb-field-{i}" for i in range(len(sheet))], texts)
    page.emulate_media(media="print")
    assert page.locator(".hb-fillin").is_hidden() and fields(page).first.is_hidden()
    for i, text in enumerate(texts):
        box = page.locator(f'.hb-worksheet__box[data-box="{i}"]')
        typed = box.locator(".hb-fillin__typed")
        assert typed.is_visible() and typed.inner_text() == text
        outer, inner = box.bounding_box(), typed.bounding_box()
        assert outer["y"] <= inner["y"] and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
        assert inner["height"] >= box.evaluate("b => parseFloat(getComputedStyle(b).getPropertyValue('--hb-lines'))") * 29, \
            "the printed box keeps its lines (8 mm each) to write more"
    printed = " ".join(p.extract_text() for p in PdfReader(BytesIO(page.pdf(format="A4"))).pages)
    for text in texts:
        assert text in printed, f"{text} is not in the printed sheet"
    assert sheet[-1].heading in " ".join(printed.split()), "the headings print with the text"


# Export and import ---------------------------------------------------------------------------

def export(page, w, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        press(page, w["export"])
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert status(page) == w["exported"].replace("{file}", download.suggested_filename)
    return path


def import_file(page, w, path: Path) -> None:
    before = status(page)
    with page.expect_file_chooser() as info:
        press(page, w["import"])
    info.value.set_files(str(path))
    page.wait_for_function("before => document.querySelector('.hb-fillin__status').textContent !== before", arg=before)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_export_then_import_restores_every_box(browser, context, base_url, catalogues, tmp_path, lang):
    w, sheet = words(catalogues, lang), boxes(catalogues, lang, TOOL)
    title = catalogues[lang].get("tool", TOOL).data.title
    page = context.new_page()
    page.goto(address(base_url, lang, TOOL))
    start(page, w)
    texts = typed_texts(len(sheet), lang)
    texts[1] = "Quotes \" and <!-- a comment --> and `code` survive"
    type_in_order(page, [f"hb-field-{i}" for i in range(len(sheet))], texts)
    path = export(page, w, tmp_path)
    assert re.fullmatch(rf"{TOOL}-{lang}-\d{{4}}-\d\d-\d\d\.md", path.name)

    # The file reads on its own: the title, the date, each heading with what was typed under it.
    markdown = path.read_text(encoding="utf-8")
    lines = markdown.splitlines()
    assert lines[0] == f"# {title}"
    today = page.evaluate("[new Date().getDate(), new Date().getMonth(), new Date().getFullYear()]")
    labels = yaml.safe_load((ROOT / "macros" / "labels.yml").read_text(encoding="utf-8"))
    month = labels["print_months"][lang].split(",")[today[1]]
    assert lines[2] == f"{w['date']}: {today[0]} {month} {today[2]}"
    at = 0
    for i, (box, text) in enumerate(zip(sheet, texts)):
        heading = f"## {i + 1}. {box.heading}"
        assert heading in lines[at:], heading
        at = lines.index(heading, at)
        assert "\n".join(lines[at + 2:at + 2 + text.count("\n") + 1]) == text
    reading = markdown[:markdown.index("<!-- hb-worksheet")]
    assert address(base_url, lang, TOOL) in reading, "it says where to load it back"
    assert markdown.rstrip().endswith("-->")

    # Someone else, in another browser with nothing stored, imports it: every box comes back.
    other = browser.new_context()
    try:
        theirs = other.new_page()
        theirs.goto(address(base_url, lang, TOOL))
        import_file(theirs, w, path)
        assert status(theirs) == w["imported"].replace("{file}", path.name)
        assert theirs.get_by_role("button", name=w["start"], exact=True).get_attribute("aria-pressed") == "true"
        assert [fields(theirs).nth(i).input_value() for i in range(len(sheet))] == texts
        theirs.reload()
        assert [fields(theirs).nth(i).input_value() for i in range(len(sheet))] == texts, "and keeps it"
    finally:
        other.close()

    # Here: clear, then import the file back.
    press(page, w["clear"])
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert fields(page).nth(0).input_value() == ""
    import_file(page, w, path)
    assert [fields(page).nth(i).input_value() for i in range(len(sheet))] == texts


def test_import_refuses_a_file_that_is_not_this_tools_worksheet(context, base_url, catalogues, tmp_path):
    w = words(catalogues, "en")
    page = context.new_page()
    page.goto(address(base_url, "en", "challenge-statement"))
    start(page, w)
    fields(page).nth(0).focus()
    page.keyboard.type("Another tool's sheet")
    other_tool = export(page, w, tmp_path)
    page.goto(address(base_url, "en", TOOL))
    import_file(page, w, other_tool)
    assert status(page) == w["import_other"].replace("{file}", other_tool.name).replace("{tool}", "challenge-statement")
    assert fields(page).count() == 0, "nothing changed"
    plain = tmp_path / "notes.md"
    plain.write_text("# Notes\n\nJust some notes.\n<!-- hb-worksheet not json -->\n", encoding="utf-8")
    import_file(page, w, plain)
    assert status(page) == w["import_bad"].replace("{file}", "notes.md")
    assert fields(page).count() == 0


# Stages --------------------------------------------------------------------------------------

def stages_markup(title: str, slug: str, lang: str, rows: list, stages: list[str], holder: str) -> str:
    """A stages worksheet in the shared contract's markup (briefs/worksheet-contract.md)."""
    out = [f'<section class="hb-worksheet" aria-labelledby="hb-worksheet-title" data-hb-sheet '
           f'data-tool="{slug}" data-lang="{lang}" data-layout="stages">', holder,
           f'<p class="hb-worksheet__name" id="hb-worksheet-title">{title}</p>',
           f'<div class="hb-worksheet__sheet hb-worksheet__sheet--stages" style="--hb-stages: {len(stages)}">',
           '<div class="hb-worksheet__stages">']
    out += [f'<p class="hb-worksheet__stage" id="hb-stage-{j}" data-stage="{j}">{name}</p>' for j, name in enumerate(stages)]
    out.append("</div>")
    for i, box in enumerate(rows):
        out.append(f'<div class="hb-worksheet__box" data-box="{i}" style="--hb-lines: {box.lines}">'
                   f'<p class="hb-worksheet__heading" id="hb-box-{i}">{i + 1}. {box.heading}</p>'
                   f'<p class="hb-worksheet__prompt" id="hb-box-{i}-prompt">{box.prompt}</p>')
        out += [f'<div class="hb-worksheet__cell" role="group" data-box="{i}" data-stage="{j}" aria-labelledby="hb-box-{i} hb-stage-{j}">'
                f'<p class="hb-worksheet__cell-stage" aria-hidden="true">{name}</p>'
                '<div class="hb-worksheet__space" aria-hidden="true"></div></div>' for j, name in enumerate(stages)]
        out.append("</div>")
    out.append("</div></section>")
    return "".join(out)


@pytest.fixture
def stages_page(context, base_url, site, catalogues):
    """Opens the journey map's page in a stages layout; returns (page, its rows, its stages)."""
    def open_page(lang: str):
        url = address(base_url, lang, STAGES_TOOL)
        built = (site / url[len(base_url):] / "index.html").read_text(encoding="utf-8")
        entry = catalogues[lang].get("tool", STAGES_TOOL)
        page = context.new_page()
        if 'data-layout="stages"' not in built:
            holder = re.search(r'<div class="hb-fillin[^>]*></div>', built).group(0)
            stages = {"en": ["Before", "Getting help", "Waiting", "Afterwards"],
                      "cy": ["Cyn", "Cael help", "Aros", "Wedyn"]}[lang]
            html = re.sub(r'<section class="hb-worksheet".*?</section>',
                          lambda m: stages_markup(entry.data.title, STAGES_TOOL, lang, entry.data.worksheet, stages, holder),
                          built, count=1, flags=re.S)
            page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
        page.goto(url)
        rows = page.eval_on_selector_all(".hb-worksheet__box[data-box]", "els => els.map(e => e.querySelector('.hb-worksheet__heading').textContent.trim())")
        stages = page.eval_on_selector_all(".hb-worksheet__stage[data-stage]", "els => els.map(e => e.textContent.trim())")
        assert rows and len(stages) >= 2
        return page, rows, stages
    return open_page


def cell_names(page) -> list[list[str]]:
    return page.eval_on_selector_all(".hb-worksheet__box[data-box]", """rows => rows.map(row =>
        [...row.querySelectorAll('.hb-worksheet__cell textarea')].map(t => t.getAttribute('aria-labelledby')
          .split(' ').map(id => document.getElementById(id).textContent.trim()).join(' ')))""")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_stages_cells_are_named_by_row_and_stage_and_stages_can_be_added_renamed_and_removed(
        stages_page, catalogues, tmp_path, lang):
    from playwright.sync_api import expect

    w = words(catalogues, lang)
    page, rows, stages = stages_page(lang)
    start(page, w)
    # Every cell: named by its row and its stage, described by the row's prompt, in reading order
    # (the stage names, then row by row, stage by stage).
    expect(page.locator("#hb-field-0-1")).to_have_accessible_name(f"{rows[0]} {stages[1]}")
    assert cell_names(page) == [[f"{row} {stage}" for stage in stages] for row in rows]
    order = [f"hb-field-{i}-{j}" for i in range(len(rows)) for j in range(len(stages))]
    type_in_order(page, order, [f"r{i}s{j}" for i in range(len(rows)) for j in range(len(stages))])
    expect(page.locator("#hb-field-1-0")).to_have_accessible_description(
        " ".join(catalogues[lang].get("tool", STAGES_TOOL).data.worksheet[1].prompt.split()))

    # Add a stage: a new column, its name ready to type.
    press(page, w["add_stage"])
    new = w["stage_new"].replace("{n}", str(len(stages) + 1))
    assert status(page) == w["stage_added"].replace("{stage}", new)
    assert page.evaluate("document.activeElement.value") == new
    expect(page.locator(":focus")).to_have_accessible_name(w["stage_name"].replace("{n}", str(len(stages) + 1)))
    page.keyboard.press("Control+A")
    page.keyboard.type("Follow-up")
    names = stages + ["Follow-up"]
    assert cell_names(page) == [[f"{row} {stage}" for stage in names] for row in rows]
    page.locator(f"#hb-field-0-{len(stages)}").focus()
    page.keyboard.type("new column text")

    # Remove the second stage: its column and what was typed in it go; the others move left.
    press(page, w["remove_stage"].replace("{stage}", stages[1]))
    assert status(page) == w["stage_removed"].replace("{stage}", stages[1])
    names = [stages[0]] + stages[2:] + ["Follow-up"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == w["remove_stage"].replace("{stage}", names[1])
    assert cell_names(page) == [[f"{row} {stage}" for stage in names] for row in rows]
    expected = [[f"r{i}s{j}" for j in range(len(stages)) if j != 1] + [""] for i in range(len(rows))]
    expected[0][-1] = "new column text"
    values = lambda p: p.eval_on_selector_all(".hb-worksheet__box[data-box]", "rows => rows.map(r => [...r.querySelectorAll('.hb-worksheet__cell textarea')].map(t => t.value))")  # noqa: E731
    assert values(page) == expected
    shown = page.eval_on_selector_all(".hb-worksheet__box[data-box]", "rows => rows.map(r => [...r.querySelectorAll('.hb-worksheet__cell')].map(c => (c.querySelector('.hb-worksheet__cell-stage') || {}).textContent))")
    assert shown == [names for _ in rows], "each cell's own copy of its stage's name follows the stages"

    # Kept over a reload; printed with the stage names; exported and imported back.
    page.reload()
    assert [page.locator(f'[data-hb-stage-name="{j}"]').input_value() for j in range(len(names))] == names
    assert values(page) == expected
    page.emulate_media(media="print")
    printed = page.locator(".hb-worksheet__sheet").inner_text()
    assert all(name in printed for name in names) and "new column text" in printed
    page.emulate_media(media="screen")
    path = export(page, w, tmp_path)
    markdown = path.read_text(encoding="utf-8")
    first_row = markdown[markdown.index(f"## {rows[0]}\n"):markdown.index(f"## {rows[1]}\n")]
    assert [line[4:] for line in first_row.splitlines() if line.startswith("### ")] == names
    assert "### Follow-up\n\nnew column text\n" in first_row
    press(page, w["clear"])
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert [page.locator(f'[data-hb-stage-name="{j}"]').input_value() for j in range(len(stages))] == stages, \
        "clearing brings back the sheet's own stages"
    import_file(page, w, path)
    assert [page.locator(f'[data-hb-stage-name="{j}"]').input_value() for j in range(len(names))] == names
    assert values(page) == expected


# Accessibility and no JavaScript ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_fill_in_mode_passes_axe(browser, base_url, catalogues, stages_page, width, lang):
    w = words(catalogues, lang)
    context = browser.new_context(viewport=WIDTHS[width], color_scheme="light")
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else foreign.append(r.url))
    page.goto(address(base_url, lang, TOOL))
    start(page, w)
    fields(page).nth(0).focus()
    page.keyboard.type("Something typed")
    source, found = axe_source(), []
    page.evaluate(source)
    page.add_style_tag(content=STILL)
    found += [("boxes", v) for v in page.evaluate(RUN, AXE_OPTIONS)]
    press(page, w["clear"])
    found += [("confirm", v) for v in page.evaluate(RUN, AXE_OPTIONS)]
    page.keyboard.press("Escape")
    if width == "desktop":
        page.evaluate(DARK)
        found += [("boxes, dark", v) for v in page.evaluate(RUN, COLOUR_RULES)]
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
    staged, _, _ = stages_page(lang)
    staged.set_viewport_size(WIDTHS[width])
    start(staged, w)
    staged.evaluate(source)
    staged.add_style_tag(content=STILL)
    found += [("stages", v) for v in staged.evaluate(RUN, AXE_OPTIONS)]
    assert not foreign, foreign
    assert not found, "\n".join(f"{where}: {v['id']} ({v['impact']}) at {', '.join(v['targets'])}" for where, v in found)


def test_without_javascript_the_page_shows_the_blank_printable_sheet(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(address(base_url, "en", TOOL))
        assert page.locator(".hb-fillin").is_hidden()
        assert page.locator("button").filter(has_text="Fill in on screen").count() == 0
        assert page.locator(".hb-worksheet__space").first.is_visible()
        assert fields(page).count() == 0
    finally:
        context.close()
