"""Worksheet layouts on the built site (issue 17): every tool's worksheet in the shape its front
matter gives, in both languages; at phone width a grid stacks but each box still says where it
belongs; the browser's print puts a grid, a stages table and a wide canvas on landscape A4 (page
sizes read back from Chromium's PDF)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from helpers import ROOT, soup
from macros.loader import load
from macros.render import layout_is_wide

pytestmark = pytest.mark.browser

A4 = (595, 842)  # points, portrait
EXPECTED = {  # the shapes the tools were given: a change here is a decision, not drift
    "stakeholder-map": "grid", "idea-scoring-grid": "grid", "empathy-map": "grid",
    "journey-map": "stages", "learning-log": "stages",
    "theory-of-change-canvas": "canvas", "logic-model": "canvas", "test-card": "canvas",
    "data-question-canvas": "canvas", "persona-canvas": "canvas", "scenario-canvas": "canvas",
    "evaluation-plan-canvas": "canvas",
}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_worksheet_renders_in_its_layout(site, lang):
    cat = load(ROOT / "docs", root=ROOT, lang=lang)
    tools = cat.items("tool")
    assert len(tools) == 23
    for entry in tools:
        tool = entry.data
        assert tool.layout == EXPECTED.get(entry.slug, "boxes"), entry.slug
        page = soup(site / ("" if lang == "en" else "cy") / "tools" / entry.slug / "index.html")
        sheet = page.select_one("section.hb-worksheet[data-hb-sheet]")
        assert sheet["data-tool"] == entry.slug and sheet["data-lang"] == lang
        assert sheet["data-layout"] == tool.layout
        assert sheet.select_one(f".hb-worksheet__sheet--{tool.layout}") is not None
        boxes = sheet.select(".hb-worksheet__box")
        assert [b["data-box"] for b in boxes] == [str(i) for i in range(len(tool.worksheet))], entry.slug
        for box, data in zip(boxes, tool.worksheet):
            heading = box.select_one(".hb-worksheet__heading")
            assert heading.get_text(strip=True).endswith(data.heading)
            assert heading["id"] == f"hb-box-{box['data-box']}"
            assert box.select_one(".hb-worksheet__prompt").get_text(strip=True) == data.prompt
        if tool.layout == "grid":
            placed = sheet.select(".hb-worksheet__grid > .hb-worksheet__box")
            assert [b["data-quadrant"] for b in placed] == ["top-left", "top-right", "bottom-left", "bottom-right"]
            if tool.axes:
                hidden = sheet.select_one(".hb-visually-hidden").get_text()
                for word in (tool.axes.x.label, tool.axes.x.high, tool.axes.y.label, tool.axes.y.high):
                    assert word in hidden
        if tool.layout == "stages":
            stages = sheet.select(".hb-worksheet__stage")
            assert [s.get_text(strip=True) for s in stages] == tool.stages
            for box in boxes:
                cells = box.select(".hb-worksheet__cell")
                assert [c["data-stage"] for c in cells] == [str(j) for j in range(len(tool.stages))]
                for cell in cells:
                    assert cell["aria-labelledby"] == f"hb-box-{box['data-box']} hb-stage-{cell['data-stage']}"
        else:
            assert all(len(b.select(".hb-worksheet__space")) == 1 for b in boxes)
        if tool.layout == "canvas" and tool.flow:
            assert sheet.select("[data-arrow]"), entry.slug


def test_welsh_grid_has_welsh_axes(site):
    page = soup(site / "cy" / "tools" / "stakeholder-map" / "index.html")
    assert "Ar draws: Dylanwad, o Ychydig ar y chwith i Llawer ar y dde." in page.select_one(".hb-visually-hidden").get_text()
    assert [s.get_text(strip=True) for s in soup(site / "cy/tools/journey-map/index.html").select(".hb-worksheet__stage")] == [
        "Sylwi ar angen", "Chwilio am wybodaeth", "Gofyn am help", "Cael help", "Wedyn"]


def test_phone_width_stacks_the_grid_and_keeps_the_quadrant_labels(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "tools/stakeholder-map/")
    boxes = page.locator(".hb-worksheet__grid .hb-worksheet__box")
    lefts = {round(boxes.nth(i).bounding_box()["x"]) for i in range(4)}
    assert len(lefts) == 1  # one column
    where = page.locator('.hb-worksheet__box[data-quadrant="top-right"] .hb-worksheet__where')
    assert where.is_visible() and where.inner_text() == "How affected: Very · Influence: A lot"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    top_left = page.locator('.hb-worksheet__box[data-quadrant="top-left"]').bounding_box()
    top_right = page.locator('.hb-worksheet__box[data-quadrant="top-right"]').bounding_box()
    bottom_left = page.locator('.hb-worksheet__box[data-quadrant="bottom-left"]').bounding_box()
    assert top_right["x"] > top_left["x"] and abs(top_right["y"] - top_left["y"]) < 1
    assert bottom_left["y"] > top_left["y"] and abs(bottom_left["x"] - top_left["x"]) < 1
    assert not page.locator('.hb-worksheet__box[data-quadrant="top-right"] .hb-worksheet__where').is_visible()
    page.close()


@pytest.mark.parametrize("slug", ["stakeholder-map", "journey-map", "test-card", "challenge-statement", "persona-canvas"])
def test_browser_print_puts_wide_shapes_on_landscape_a4(browser, base_url, catalogue, slug):
    """The tool's page prints upright; its worksheet on landscape pages when its shape is wide,
    and the landscape sheet uses the landscape width."""
    page = browser.new_page()
    page.goto(base_url + f"tools/{slug}/")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    page.close()
    sizes = [(round(p.mediabox.width), round(p.mediabox.height)) for p in pdf.pages]
    assert sizes[0] == A4
    landscape = [i for i, s in enumerate(sizes) if s == A4[::-1]]
    assert set(sizes) <= {A4, A4[::-1]}
    wide = layout_is_wide(catalogue.get("tool", slug).data)
    assert bool(landscape) == wide, sizes
    if wide:
        heading = catalogue.get("tool", slug).data.worksheet[0].heading
        assert any(heading in pdf.pages[i].extract_text() for i in landscape)
