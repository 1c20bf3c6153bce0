"""A small drawing model written once and output twice: as SVG (inline in pages, or a file) and as
PNG (Pillow draws the same shapes). The journey diagram and the worksheet pictures
(macros/pictures.py) are made of these shapes.

Why our own: SVG needs no library (it is text), and a PNG of the same picture needs either a
rasteriser (CairoSVG needs the Cairo C library, which the build does not otherwise need) or the
shapes drawn again. Pillow is already installed with WeasyPrint and draws rectangles, lines,
polygons and text, which is all these pictures use.

SVG colours: shapes carry presentation attributes that read well on their own (black lines and
text on no fill, so a file opened anywhere is black on white, and the PDF prints it in black),
while a page's stylesheet recolours them by class with the theme's custom properties: CSS wins
over presentation attributes, so the same markup follows the light and dark schemes.
"""

from __future__ import annotations

import functools
import math
import shutil
import subprocess
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

# The text's font: the one the PDFs use (README: fonts-liberation), measured to wrap lines. Browsers
# draw the SVG in the page's own font (Helvetica or Arial, the same widths as Liberation Sans).
FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif"
FONTS = {
    False: ["LiberationSans-Regular.ttf", "Arial.ttf", "DejaVuSans.ttf"],
    True: ["LiberationSans-Bold.ttf", "Arial Bold.ttf", "DejaVuSans-Bold.ttf"],
}
FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts",
             "C:/Windows/Fonts", str(Path.home() / ".fonts")]


class FontMissing(RuntimeError):
    pass


# Where Debian, Ubuntu, Fedora and Arch install Liberation Sans: found there, it is the file
# fc-match names for it, without starting fc-match (a process for each style, every build).
KNOWN = {False: ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                 "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
                 "/usr/share/fonts/TTF/LiberationSans-Regular.ttf"],
         True: ["/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",
                "/usr/share/fonts/TTF/LiberationSans-Bold.ttf"]}


@functools.lru_cache(maxsize=None)
def _font_file(bold: bool) -> str | None:
    known = next((path for path in KNOWN[bold] if Path(path).is_file()), None)
    if known:
        return known
    if shutil.which("fc-match"):
        family = "Liberation Sans:bold" if bold else "Liberation Sans"
        found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True).stdout
        if found and Path(found).is_file() and Path(found).suffix.lower() == ".ttf":
            return found
    for name in FONTS[bold]:
        for folder in FONT_DIRS:
            hits = sorted(Path(folder).rglob(name)) if Path(folder).is_dir() else []
            if hits:
                return str(hits[0])
    return None


@functools.lru_cache(maxsize=None)
def font(size: float, bold: bool = False):
    """Pillow's font for measuring and drawing text. (Pillow's own default font has no Welsh
    letters such as ŵ and ŷ, so a system font is required.)"""
    from PIL import ImageFont

    path = _font_file(bold)
    if path is None:
        raise FontMissing("No font to draw the worksheet pictures with: install Liberation Sans "
                          "(on Debian: apt-get install fonts-liberation), as the PDFs need it too.")
    return ImageFont.truetype(path, size=max(1, round(size)))


@functools.lru_cache(maxsize=20000)
def width(text: str, size: float, bold: bool = False) -> float:
    """The text's width at `size` (in the drawing's units), a little generous: browsers' fonts differ."""
    try:
        measured = font(40, bold).getlength(text) * size / 40
    except FontMissing:
        measured = len(text) * size * (0.6 if bold else 0.55)
    return measured * 1.06


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """Lines of at most max_width, broken at spaces (a word longer than the line stands alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and width(trial, size, bold) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


# Shapes ------------------------------------------------------------------------------------

@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    cls: str = "hb-d-line"
    rx: float = 0
    filled: bool = False  # drawn with a light fill on paper (a header); else no fill
    hit: bool = False  # an invisible area that makes a link easy to hit; not drawn in a PNG


@dataclass
class Poly:
    points: list[tuple[float, float]]
    cls: str = "hb-d-line"
    filled: bool = False


@dataclass
class Line:
    points: list[tuple[float, float]]
    cls: str = "hb-d-line"
    arrow: bool = False  # an arrowhead at the last point
    weight: float = 2
    dashed: bool = False


@dataclass
class Text:
    x: float
    y: float  # the first line's baseline
    lines: list[str]
    size: float
    bold: bool = False
    cls: str = "hb-d-text"
    anchor: str = "start"  # start, middle, end
    rotate: float = 0  # degrees, about (x, y)

    @property
    def leading(self) -> float:
        return self.size * 1.25


@dataclass
class Group:
    children: list = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)  # class and data-* attributes
    href: str | None = None  # a link around the group

    def add(self, *shapes):
        self.children.extend(shapes)
        return self


@dataclass
class Drawing:
    width: float
    height: float
    root: Group = field(default_factory=Group)

    def add(self, *shapes):
        self.root.add(*shapes)
        return self


ARROW = 9  # arrowhead length


def _head(line: Line) -> list[tuple[float, float]]:
    (x1, y1), (x2, y2) = line.points[-2], line.points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    size = ARROW * max(1, line.weight / 2)
    left = (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
    right = (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
    return [left, (x2, y2), right]


# SVG ---------------------------------------------------------------------------------------

def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(points) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _svg_shape(shape, links: bool) -> str:
    if isinstance(shape, Group):
        attrs = "".join(f' {k}="{escape(str(v))}"' for k, v in shape.attrs.items())
        inner = "".join(_svg_shape(child, links) for child in shape.children)
        if shape.href and links:
            # Links in the picture are for pointers; keyboards and screen readers use the list
            # beside it (the picture is aria-hidden), so they are kept out of the tab order.
            return f'<a href="{escape(shape.href)}" tabindex="-1"{attrs}>{inner}</a>'
        return f"<g{attrs}>{inner}</g>"
    if isinstance(shape, Rect):
        paint = ('fill="transparent" stroke="none"' if shape.hit else
                 f'fill="{"#eeeeee" if shape.filled else "none"}" stroke="currentColor" stroke-width="2"')
        rx = f' rx="{_n(shape.rx)}"' if shape.rx else ""
        return (f'<rect class="{shape.cls}" x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.w)}" '
                f'height="{_n(shape.h)}"{rx} {paint}/>')
    if isinstance(shape, Poly):
        fill = "#eeeeee" if shape.filled else "none"
        return (f'<polygon class="{shape.cls}" points="{_points(shape.points)}" fill="{fill}" '
                f'stroke="currentColor" stroke-width="2"/>')
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="6 5"' if shape.dashed else ""
        out = (f'<polyline class="{shape.cls}" points="{_points(shape.points)}" fill="none" stroke="currentColor" '
               f'stroke-width="{_n(shape.weight)}"{dash}/>')
        if shape.arrow:
            out += f'<polygon class="{shape.cls} hb-d-head" points="{_points(_head(shape))}" fill="currentColor"/>'
        return out
    if isinstance(shape, Text):
        anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
        weight = ' font-weight="bold"' if shape.bold else ""
        rotate = f' transform="rotate({_n(shape.rotate)} {_n(shape.x)} {_n(shape.y)})"' if shape.rotate else ""
        spans = "".join(f'<tspan x="{_n(shape.x)}" y="{_n(shape.y + i * shape.leading)}">{escape(line)}</tspan>'
                        for i, line in enumerate(shape.lines))
        return (f'<text class="{shape.cls}" font-size="{_n(shape.size)}"{weight}{anchor}{rotate} '
                f'fill="currentColor">{spans}</text>')
    raise TypeError(shape)


def svg(drawing: Drawing, attrs: dict[str, str] | None = None, links: bool = True, standalone: bool = False,
        title: str | None = None) -> str:
    """The drawing as SVG markup: inline in a page, or (standalone) a file of its own, on white."""
    extra = "".join(f' {k}="{escape(str(v))}"' for k, v in (attrs or {}).items())
    head = f'<title>{escape(title)}</title>' if title else ""
    ns = ' xmlns="http://www.w3.org/2000/svg"'
    paper = ""
    if standalone:
        paper = f'<rect width="{_n(drawing.width)}" height="{_n(drawing.height)}" fill="#ffffff"/>'
        extra += ' color="#000000"'
    body = _svg_shape(drawing.root, links)
    return (f'<svg{ns} viewBox="0 0 {_n(drawing.width)} {_n(drawing.height)}" font-family="{FONT_FAMILY}"'
            f'{extra}>{head}{paper}{body}</svg>')


# PNG ---------------------------------------------------------------------------------------

INK = (0, 0, 0)
FILL = (238, 238, 238)


def png(drawing: Drawing, scale: float = 1.0) -> bytes:
    """The same drawing as a PNG on white, `scale` pixels per unit."""
    import io

    from PIL import Image, ImageDraw

    size = (round(drawing.width * scale), round(drawing.height * scale))
    image = Image.new("L", size, 255)  # greyscale: smaller files, and the pictures are black and white
    draw = ImageDraw.Draw(image)

    def s(points):
        return [(x * scale, y * scale) for x, y in points]

    def paint(shape) -> None:
        if isinstance(shape, Group):
            for child in shape.children:
                paint(child)
        elif isinstance(shape, Rect):
            if shape.hit:
                return
            box = [shape.x * scale, shape.y * scale, (shape.x + shape.w) * scale, (shape.y + shape.h) * scale]
            draw.rounded_rectangle(box, radius=shape.rx * scale, outline=0, width=max(1, round(2 * scale)),
                                   fill=FILL[0] if shape.filled else None)
        elif isinstance(shape, Poly):
            draw.polygon(s(shape.points), outline=0, width=max(1, round(2 * scale)),
                         fill=FILL[0] if shape.filled else None)
        elif isinstance(shape, Line):
            stroke = max(1, round(shape.weight * scale))
            if shape.dashed:
                for a, b in zip(shape.points, shape.points[1:]):
                    length = math.dist(a, b)
                    steps = max(1, int(length // 11))
                    for i in range(steps):
                        t0, t1 = i / steps, min(1, (i + 6 / 11) / steps)
                        p = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
                        q = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
                        draw.line(s([p, q]), fill=0, width=stroke)
            else:
                draw.line(s(shape.points), fill=0, width=stroke, joint="curve")
            if shape.arrow:
                draw.polygon(s(_head(shape)), fill=0)
        elif isinstance(shape, Text):
            face = font(shape.size * scale, shape.bold)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            if shape.rotate:
                # Rotated text: drawn on its own strip, turned, then pasted (Pillow cannot rotate text).
                for i, line in enumerate(shape.lines):
                    w = int(face.getlength(line)) + 4
                    h = int(shape.size * scale * 1.4)
                    strip = Image.new("L", (w, h), 0)
                    ImageDraw.Draw(strip).text((2, h * 0.78), line, font=face, fill=255, anchor="ls")
                    turned = strip.rotate(-shape.rotate, expand=True)
                    x, y = shape.x * scale, (shape.y + i * shape.leading) * scale
                    cx = {"start": 0, "middle": 0.5, "end": 1}[shape.anchor]
                    if round(shape.rotate) % 360 == 270:
                        left, top = x - turned.width * 0.78, y - turned.height * cx
                    else:
                        left, top = x - turned.width * cx, y - turned.height * 0.78
                    image.paste(0, (round(left), round(top)), turned)
                return
            for i, line in enumerate(shape.lines):
                draw.text((shape.x * scale, (shape.y + i * shape.leading) * scale), line, font=face, fill=0,
                          anchor=anchor)

    paint(drawing.root)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()
