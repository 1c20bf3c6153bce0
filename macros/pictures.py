"""The handbook's pictures, drawn from its content at build time (macros/drawing.py draws them):

- the innovation journey: the phases in order (macros/vocabularies.yml), each with the methods
  whose main phase it is, every one a link; on the home page and the journey chapter;
- each tool's blank worksheet in its layout (boxes, grid, stages, canvas: see the worksheet
  contract in the tool's front matter): a whiteboard background to download (SVG and PNG) and a
  small preview near the top of the tool's page.

Nothing is drawn by hand: a new phase, method, tool or box changes the pictures at the next build.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .caches import store
from .drawing import Drawing, Group, Line, Poly, Rect, Text, png, svg, wrap

# Where the whiteboard backgrounds go, in each language's site.
WHITEBOARDS = "downloads/whiteboards"
QUADRANTS = ("top-left", "top-right", "bottom-left", "bottom-right")


def whiteboard_path(slug: str, lang: str, ext: str) -> str:
    return f"{WHITEBOARDS}/{slug}-{lang}.{ext}"


def picture_cache(root: Path) -> Path | None:
    """Where drawn whiteboards are kept between builds (macros/caches.py; none when caches are off)."""
    from .caches import folder

    return folder(root, "pictures")


# The journey -------------------------------------------------------------------------------

@dataclass
class Phase:
    key: str
    n: int
    label: str
    href: str
    methods: list[tuple[str, str]]  # (title, href)


PHASE_SIZE = 15
METHOD_SIZE = 14
METHOD_PITCH = 28  # at least 24 units a method: a link target of 24 px at full size (WCAG 2.5.8)


def journey_drawing(phases: list[Phase], columns: int, total_width: float) -> Drawing:
    """The phases in `columns` columns (all of them: one row; 1: a stack), each a chevron with its
    number and name, its methods listed under it, arrows from one phase to the next."""
    gap = 12 if columns > 1 else 0
    col_w = (total_width - gap * (columns - 1)) / columns
    pad = 12
    # Every header in a row is as tall as the tallest: the chevrons line up.
    head_lines = {p.key: wrap(f"{p.n}. {p.label}", col_w - 2 * pad - 10, PHASE_SIZE, True) for p in phases}
    indent = 0 if columns > 1 else 16  # (in a stack, the arrow down runs along the methods' left)
    method_lines = {(p.key, title): wrap(title, col_w - 22 - indent, METHOD_SIZE) for p in phases for title, _ in p.methods}
    drawing = Drawing(total_width, 0)
    y = 0.0
    for start in range(0, len(phases), columns):
        row = phases[start:start + columns]
        head_h = max(len(head_lines[p.key]) for p in row) * PHASE_SIZE * 1.25 + 2 * pad - 3
        tip = 10 if columns > 1 else 0  # chevrons point right across; in a stack, arrows point down
        bottom = y
        for i, phase in enumerate(row):
            x = i * (col_w + gap)
            shape = (Poly([(x, y), (x + col_w - tip, y), (x + col_w, y + head_h / 2), (x + col_w - tip, y + head_h),
                           (x, y + head_h), (x + tip, y + head_h / 2)], "hb-d-phase", filled=True) if tip else
                     Rect(x, y, col_w, head_h, "hb-d-phase", rx=6, filled=True))
            label = Text(x + pad + tip, y + pad + PHASE_SIZE * 0.9, head_lines[phase.key], PHASE_SIZE, bold=True,
                         cls="hb-d-phase-text")
            group = Group([shape, label], {"class": "hb-d-phase-link", "data-phase": phase.key}, href=phase.href)
            drawing.add(group)
            my = y + head_h + 14
            methods = Group(attrs={"class": "hb-d-methods", "data-phase": phase.key})
            for title, href in phase.methods:
                lines = method_lines[(phase.key, title)]
                h = max(METHOD_PITCH, len(lines) * METHOD_SIZE * 1.25 + 10)
                mx = x + indent
                methods.add(Group([
                    Rect(mx, my, col_w - indent, h - 2, hit=True),
                    Poly([(mx + 6, my + 8), (mx + 12, my + 12), (mx + 6, my + 16)], "hb-d-bullet"),
                    Text(mx + 18, my + METHOD_SIZE + 2, lines, METHOD_SIZE, cls="hb-d-method"),
                ], {"class": "hb-d-method-link", "data-method": href}, href=href))
                my += h
            drawing.add(methods)
            bottom = max(bottom, my)
            if columns == 1 and start + 1 < len(phases):  # down to the next phase
                ax = 8
                drawing.add(Line([(ax, y + head_h), (ax, my + 8)], "hb-d-arrow", arrow=True))
        y = bottom + (18 if columns == 1 else 24)
    drawing.height = y - (18 if columns == 1 else 24) + 4
    return drawing


def journey_svgs(phases: list[Phase], cache: Path | None = None) -> dict[str, str]:
    """Two arrangements of the same picture: three phases a row (desktop, print) and a stack (phones)."""
    hidden = {"aria-hidden": "true", "focusable": "false"}

    def draw(columns: int, width: float, css: str):
        return lambda: svg(journey_drawing(phases, columns, width), {"class": css, **hidden})

    return {"wide": _drawn(f"journey wide {phases!r}", cache, draw(3, 700, "hb-journey-map__svg hb-journey-map__svg--wide")),
            "tall": _drawn(f"journey tall {phases!r}", cache,
                           draw(1, 340, "hb-journey-map__svg hb-journey-map__svg--tall hb-no-print"))}


# Worksheets -------------------------------------------------------------------------------

@dataclass
class Box:
    index: int
    heading: str
    prompt: str
    lines: int = 3
    quadrant: str | None = None
    span: int = 1


@dataclass
class Sheet:
    """A tool's worksheet as the pictures need it, read from its card through the shared
    worksheet contract: a card without `layout` is `boxes`."""
    title: str
    layout: str
    boxes: list[Box]
    axes: dict | None = None  # {"x": {"label", "low", "high"}, "y": {...}}
    stages: list[str] = field(default_factory=list)
    columns: int = 2
    flow: bool = False

    @classmethod
    def of(cls, data) -> "Sheet":
        def get(obj, name, default=None):
            value = obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)
            return default if value is None else value

        boxes = [Box(i, get(b, "heading", ""), get(b, "prompt", ""), int(get(b, "lines", 3)), get(b, "quadrant"),
                     int(get(b, "span", 1))) for i, b in enumerate(get(data, "worksheet", []))]
        axes = get(data, "axes")
        if axes is not None and not isinstance(axes, dict):
            axes = {k: {f: get(get(axes, k), f, "") for f in ("label", "low", "high")} for k in ("x", "y")
                    if get(axes, k) is not None}
        return cls(title=get(data, "title", ""), layout=str(get(data, "layout", "boxes")), boxes=boxes,
                   axes=axes, stages=[str(s) for s in get(data, "stages", [])], columns=int(get(data, "columns", 2)),
                   flow=bool(get(data, "flow", False)))


@dataclass
class Style:
    """Sizes for one kind of picture: a whiteboard (readable text) or a preview (numbers only)."""
    width: float
    height: float
    margin: float
    gap: float
    heading: float  # text sizes; 0: no text of that kind
    prompt: float
    title: float
    number: float  # a preview's box numbers


WHITEBOARD = Style(1600, 900, 36, 16, 19, 15, 30, 0)
PREVIEW = Style(320, 180, 6, 5, 0, 0, 0, 15)


def _box(box: Box, x: float, y: float, w: float, h: float, style: Style, label: str | None = None) -> Group:
    """One box: its frame, and on a whiteboard its number, heading and prompt; on a preview its number."""
    group = Group([Rect(x, y, w, h, "hb-d-box", rx=4)], {"class": "hb-d-sheet-box", "data-box": str(box.index)})
    if box.quadrant:
        group.attrs["data-quadrant"] = box.quadrant
    if style.heading:
        pad = 12
        heading = wrap(label or f"{box.index + 1}. {box.heading}", w - 2 * pad, style.heading, True)[:3]
        group.add(Text(x + pad, y + pad + style.heading * 0.9, heading, style.heading, bold=True, cls="hb-d-heading"))
        below = y + pad + style.heading * 1.25 * len(heading) + 4
        room = int((y + h - pad - below) // (style.prompt * 1.25))
        if box.prompt and room > 0:
            prompt = wrap(box.prompt, w - 2 * pad, style.prompt)
            if len(prompt) > room:  # a row too short for the whole prompt: what fits, then an ellipsis
                prompt = prompt[:room]
                prompt[-1] = prompt[-1].rstrip(",.;:") + "…"
            group.add(Text(x + pad, below + style.prompt * 0.9, prompt, style.prompt, cls="hb-d-prompt"))
    elif style.number:
        size = min(style.number, h * 0.6, w * 0.6)
        group.add(Text(x + w / 2, y + h / 2 + size * 0.35, [str(box.index + 1)], size, bold=True,
                       cls="hb-d-number", anchor="middle"))
    return group


def _weights(boxes: list[Box]) -> list[float]:
    return [max(2.0, float(b.lines)) for b in boxes]


def _stack(boxes: list[Box], x: float, y: float, w: float, h: float, style: Style, group: Group) -> None:
    """Boxes one above the other in (x, y, w, h), each as tall as its lines ask."""
    weights = _weights(boxes)
    free = h - style.gap * (len(boxes) - 1)
    for box, weight in zip(boxes, weights):
        bh = free * weight / sum(weights)
        group.add(_box(box, x, y, w, bh, style))
        y += bh + style.gap


def _rows(boxes: list[Box], columns: int, x: float, y: float, w: float, h: float, style: Style, group: Group,
          flow: bool = False) -> None:
    """Boxes into rows of `columns` in list order, a box taking `span` columns; each row as tall
    as its boxes' lines ask; with `flow`, arrows from each box to the next."""
    rows: list[list[Box]] = [[]]
    used = 0
    for box in boxes:
        span = max(1, min(box.span, columns))
        if used + span > columns:
            rows.append([])
            used = 0
        rows[-1].append(box)
        used += span
    gap = style.gap * (2.5 if flow else 1)
    weights = [max(_weights(row)) for row in rows]
    free = h - gap * (len(rows) - 1)
    col_w = (w - gap * (columns - 1)) / columns
    placed: list[tuple[float, float, float, float]] = []
    for row, weight in zip(rows, weights):
        rh = free * weight / sum(weights)
        cx = x
        for box in row:
            span = max(1, min(box.span, columns))
            bw = col_w * span + gap * (span - 1)
            group.add(_box(box, cx, y, bw, rh, style))
            placed.append((cx, y, bw, rh))
            cx += bw + gap
        y += rh + gap
    if flow:
        for (ax, ay, aw, ah), (bx, by, bw, bh) in zip(placed, placed[1:]):
            if abs(ay - by) < 1:  # the same row: across the gap
                mid = ay + ah / 2
                group.add(Line([(ax + aw + 2, mid), (bx - 2, mid)], "hb-d-arrow", arrow=True))
            else:  # the next row: down from this box, along the gap, down into the next
                turn = ay + ah + gap / 2
                group.add(Line([(ax + aw / 2, ay + ah + 2), (ax + aw / 2, turn), (bx + bw / 2, turn), (bx + bw / 2, by - 2)],
                               "hb-d-arrow", arrow=True))


def _grid(sheet: Sheet, x: float, y: float, w: float, h: float, style: Style, group: Group) -> None:
    """Two by two: boxes without a quadrant beside the grid (those before the first quadrant box
    on the left, those after it on the right: a whiteboard is wide), the axes along two sides."""
    first = next((i for i, b in enumerate(sheet.boxes) if b.quadrant), len(sheet.boxes))
    before = [b for b in sheet.boxes[:first] if not b.quadrant]
    after = [b for b in sheet.boxes[first:] if not b.quadrant]
    quads = {b.quadrant: b for b in sheet.boxes if b.quadrant in QUADRANTS}
    side = w * 0.22
    gx, gw = x, w
    if before:
        _stack(before, x, y, side, h, style, group)
        gx, gw = gx + side + style.gap * 2, gw - side - style.gap * 2
    if after:
        _stack(after, x + w - side, y, side, h, style, group)
        gw -= side + style.gap * 2
    axes = sheet.axes or {}
    text = style.heading or 0
    # Room beside the grid for each axis it has (a grid such as an empathy map has none).
    left = (text * 2.6 if text else style.gap * 1.6) if axes.get("y") else 0
    bottom = (text * 2.6 if text else style.gap * 1.6) if axes.get("x") else 0
    qx, qy, qw, qh = gx + left, y, gw - left, h - bottom
    half_w, half_h = (qw - style.gap) / 2, (qh - style.gap) / 2
    spots = {"top-left": (qx, qy), "top-right": (qx + half_w + style.gap, qy),
             "bottom-left": (qx, qy + half_h + style.gap), "bottom-right": (qx + half_w + style.gap, qy + half_h + style.gap)}
    for name in QUADRANTS:
        box = quads.get(name)
        if box is not None:
            bx, by = spots[name]
            group.add(_box(box, bx, by, half_w, half_h, style))
    # The axes: y's high at the top, x's high at the right (the contract).
    ax = Group(attrs={"class": "hb-d-axes"})
    ay0 = qy + qh + (bottom * 0.3 if text else style.gap * 0.6)
    axx = qx - (left * 0.3 if text else style.gap * 0.6)
    if axes.get("x"):
        ax.add(Line([(qx, ay0), (qx + qw, ay0)], "hb-d-axis", arrow=True, weight=2.5))
    if axes.get("y"):
        ax.add(Line([(axx, qy + qh), (axx, qy)], "hb-d-axis", arrow=True, weight=2.5))
    if text and axes.get("x"):
        xa = axes["x"]
        ax.attrs["data-x"] = xa.get("label", "")
        base = ay0 + text * 1.3
        ax.add(Text(qx + qw / 2, base, [xa.get("label", "")], text, bold=True, cls="hb-d-axis-label", anchor="middle"))
        ax.add(Text(qx, base, [xa.get("low", "")], style.prompt, cls="hb-d-axis-end"))
        ax.add(Text(qx + qw - 14, base, [xa.get("high", "")], style.prompt, cls="hb-d-axis-end", anchor="end"))
    if text and axes.get("y"):
        ya = axes["y"]
        ax.attrs["data-y"] = ya.get("label", "")
        base = axx - text * 0.7
        ax.add(Text(base, qy + qh / 2, [ya.get("label", "")], text, bold=True, cls="hb-d-axis-label", anchor="middle",
                    rotate=270))
        ax.add(Text(base, qy + qh, [ya.get("low", "")], style.prompt, cls="hb-d-axis-end", rotate=270))
        ax.add(Text(base, qy + 14, [ya.get("high", "")], style.prompt, cls="hb-d-axis-end", anchor="end", rotate=270))
    group.add(ax)


def _stages(sheet: Sheet, x: float, y: float, w: float, h: float, style: Style, group: Group) -> None:
    """Stages across, rows down: a label column (each box's heading and prompt), a header row."""
    stages = sheet.stages or ["", ""]
    rows = sheet.boxes
    label_w = w * (0.2 if style.heading else 0.12)
    head_h = (style.heading * 1.25 * 2 + 16) if style.heading else h * 0.12
    cell_w = (w - label_w - style.gap * len(stages)) / len(stages)
    free = h - head_h - style.gap * len(rows)
    weights = _weights(rows)
    header = Group(attrs={"class": "hb-d-stages"})
    for j, stage in enumerate(stages):
        sx = x + label_w + style.gap + j * (cell_w + style.gap)
        cell = Group([Rect(sx, y, cell_w, head_h, "hb-d-stage", rx=4, filled=True)],
                     {"class": "hb-d-stage", "data-stage": str(j)})
        if style.heading:
            lines = wrap(stage, cell_w - 20, style.heading, True)[:2]
            cell.add(Text(sx + cell_w / 2, y + head_h / 2 - (len(lines) - 1) * style.heading * 0.62 + style.heading * 0.35,
                          lines, style.heading, bold=True, cls="hb-d-heading", anchor="middle"))
        header.add(cell)
    group.add(header)
    ry = y + head_h + style.gap
    for box, weight in zip(rows, weights):
        rh = free * weight / sum(weights)
        row = _box(box, x, ry, label_w, rh, style)
        row.attrs["class"] = "hb-d-sheet-box hb-d-row"
        for j in range(len(stages)):
            sx = x + label_w + style.gap + j * (cell_w + style.gap)
            row.add(Group([Rect(sx, ry, cell_w, rh, "hb-d-cell", rx=4)],
                          {"class": "hb-d-cell", "data-box": str(box.index), "data-stage": str(j)}))
        group.add(row)
        ry += rh + style.gap


def sheet_drawing(sheet: Sheet, style: Style, words: dict[str, str] | None = None) -> Drawing:
    """A tool's blank worksheet in its layout, in `style`'s size."""
    drawing = Drawing(style.width, style.height)
    x, y = style.margin, style.margin
    w, h = style.width - 2 * style.margin, style.height - 2 * style.margin
    if style.title:
        drawing.add(Text(x, y + style.title * 0.8, [sheet.title], style.title, bold=True, cls="hb-d-title"))
        if words and words.get("credit"):
            drawing.add(Text(x + w, y + style.title * 0.8, [words["credit"]], style.prompt, cls="hb-d-credit", anchor="end"))
        y += style.title * 1.6
        h -= style.title * 1.6
    body = Group(attrs={"class": "hb-d-sheet", "data-layout": sheet.layout})
    if sheet.layout == "grid":
        _grid(sheet, x, y, w, h, style, body)
    elif sheet.layout == "stages":
        _stages(sheet, x, y, w, h, style, body)
    elif sheet.layout == "canvas":
        _rows(sheet.boxes, max(1, sheet.columns), x, y, w, h, style, body, flow=sheet.flow)
    else:  # boxes: as many columns as suit the number of boxes, on a wide board
        n = len(sheet.boxes)
        columns = 1 if n == 1 else 2 if n <= 4 else 3 if n <= 9 else 4
        _rows(sheet.boxes, columns, x, y, w, h, style, body)
    drawing.add(body)
    return drawing


# Each whiteboard, by what it is drawn from (the sheet, its words, the drawing code, Pillow's
# version, the font files): the same input gives the same bytes, so a build draws only the
# pictures whose tool changed (measuring the words to wrap them was most of a build's drawing).
# Kept in this process (serve) and in a folder (`cache`, .cache/pictures: the next build).
_MADE: dict[str, tuple[str, bytes]] = {}


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    import PIL

    from .drawing import _font_file

    code = b"".join((Path(__file__).parent / name).read_bytes() for name in ("drawing.py", "pictures.py"))
    fonts = f"{_font_file(False)}|{_font_file(True)}"
    return hashlib.sha256(code + PIL.__version__.encode() + fonts.encode()).hexdigest()[:16]


def whiteboard(sheet: Sheet, words: dict[str, str], cache: Path | None = None) -> tuple[str, bytes]:
    """The blank whiteboard background: an SVG file and a PNG of the same drawing (1920 x 1080)."""
    key = hashlib.sha256(f"{_code_version()}|{sheet!r}|{sorted(words.items())!r}".encode("utf-8")).hexdigest()
    if key in _MADE:
        return _MADE[key]
    stored = (cache / f"{key}.svg", cache / f"{key}.png") if cache else None
    if stored is not None and stored[0].is_file() and stored[1].is_file():
        _MADE[key] = stored[0].read_text(encoding="utf-8"), stored[1].read_bytes()
        return _MADE[key]
    drawing = sheet_drawing(sheet, WHITEBOARD, words)
    text = svg(drawing, {"width": "1920", "height": "1080", "role": "img", "aria-label": sheet.title},
               standalone=True, title=sheet.title)
    _MADE[key] = text, png(drawing, scale=1920 / WHITEBOARD.width)
    if stored is not None:
        store(stored[1], _MADE[key][1])  # the PNG first: an SVG without its PNG is not a hit
        store(stored[0], text.encode("utf-8"))
    return _MADE[key]


def whiteboards(catalogue, lang: str, site_name: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every tool's whiteboard background in one language: {path in the site: the file's bytes}."""
    files: dict[str, bytes] = {}
    for entry in catalogue.items("tool"):
        text, data = whiteboard(Sheet.of(entry.data), {"credit": site_name}, cache)
        files[whiteboard_path(entry.slug, lang, "svg")] = text.encode("utf-8")
        files[whiteboard_path(entry.slug, lang, "png")] = data
    return files


def preview(sheet: Sheet, cache: Path | None = None) -> str:
    """The small preview on the tool's page: the sheet's shape with its boxes' numbers. Decorative
    (aria-hidden): the worksheet itself follows on the page, in words."""
    return _drawn(f"preview {sheet!r}", cache, lambda: svg(
        sheet_drawing(sheet, PREVIEW), {"class": "hb-preview__svg", "aria-hidden": "true", "focusable": "false"},
        links=False))


_SVGS: dict[str, str] = {}


def _drawn(what: str, cache: Path | None, make) -> str:
    """A picture in the page (SVG text), drawn once for what it is drawn from (`what`, with the
    drawing code's version: see _MADE) and kept like the whiteboards. A build that finds them all
    measures no text, so it loads neither Pillow nor a font."""
    key = hashlib.sha256(f"{_code_version()}|{what}".encode("utf-8")).hexdigest()
    if key not in _SVGS:
        stored = cache / f"{key}.svg" if cache else None
        if stored is not None and stored.is_file():
            _SVGS[key] = stored.read_text(encoding="utf-8")
        else:
            _SVGS[key] = make()
            if stored is not None:
                store(stored, _SVGS[key].encode("utf-8"))
    return _SVGS[key]


def size_text(n: int) -> str:
    return f"{max(1, round(n / 1024))} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"
