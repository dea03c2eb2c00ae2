"""Calm, flat-style illustrations for the demo content, drawn with Pillow alone.

The same arguments always give the same picture (every random choice comes from
``random.Random(seed)``), so demo data is reproducible. Pictures are drawn at twice
their size and scaled down for smooth edges, and hold no text.
"""

from __future__ import annotations

import io
import itertools
import math
import random

from PIL import Image, ImageDraw, ImageFilter

FEATURED_SIZE = (1600, 900)
GALLERY_SIZE = (1600, 1067)
JPEG_QUALITY = 82
_SCALE = 2


# Colors ------------------------------------------------------------------------------


def _hex(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    t = max(0.0, min(1.0, t))
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _lighter(color, t):
    return _mix(color, (255, 255, 255), t)


def _darker(color, t):
    return _mix(color, (0, 0, 0), t)


def _at(stops, t):
    """The color at ``t`` (0..1) along gradient ``stops`` [(position, color), ...]."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            return _mix(c0, c1, (t - p0) / ((p1 - p0) or 1))
    return stops[-1][1]


SKY_BLUE = _hex("a9c8dc")
PALE_BLUE = _hex("d6e6ee")
MIST = _hex("e8eeea")
CREAM = _hex("f7efe2")
PEACH = _hex("f3d6b8")
SUN = _hex("fff3dc")
SAND = _hex("e6d3ad")
SAND_DARK = _hex("cdb68a")
TEAL = _hex("4f8f8f")
TEAL_DARK = _hex("2f6468")
TEAL_LIGHT = _hex("8dbcb8")
SEA = _hex("6fa3ad")
GREEN_PALE = _hex("b5ccb0")
GREEN = _hex("8fb38f")
GREEN_MID = _hex("6b9a7a")
GREEN_DARK = _hex("44705a")
GREEN_DEEP = _hex("2f5546")
WOOD = _hex("b98f68")
WOOD_LIGHT = _hex("d2b48f")
WOOD_DARK = _hex("8c6a4c")
WHITE_WARM = _hex("fbf8f2")
FLOWERS = [_hex("f4ead8"), _hex("c9b6d6"), _hex("f0d9a0"), _hex("e8b8b0"), _hex("b8d0e0")]


# Canvas ------------------------------------------------------------------------------


class _Canvas:
    """Draws in final-size coordinates on an image twice as large."""

    def __init__(self, size, color=CREAM):
        self.w, self.h = size
        self.s = _SCALE
        self.img = Image.new("RGB", (self.w * self.s, self.h * self.s), color)
        self.draw = ImageDraw.Draw(self.img)

    def _pts(self, points):
        return [(x * self.s, y * self.s) for x, y in points]

    def _box(self, box):
        x0, y0, x1, y1 = box
        return [x0 * self.s, y0 * self.s, max(x0, x1) * self.s, max(y0, y1) * self.s]

    def rect(self, box, fill, radius=0):
        if radius:
            self.draw.rounded_rectangle(self._box(box), radius * self.s, fill=fill)
        else:
            self.draw.rectangle(self._box(box), fill=fill)

    def ellipse(self, box, fill):
        self.draw.ellipse(self._box(box), fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon(self._pts(points), fill=fill)

    def line(self, points, fill, width=2):
        self.draw.line(self._pts(points), fill=fill, width=max(1, round(width * self.s)))

    def gradient(self, box, stops):
        """A vertical gradient filling ``box``."""
        x0, y0, x1, y1 = (round(v * self.s) for v in box)
        self.img.paste(_gradient_image(x1 - x0, y1 - y0, stops), (x0, y0))

    def shape_gradient(self, kind, geometry, stops, span=None):
        """A polygon / ellipse / rounded rectangle filled with a vertical gradient.

        ``span`` (top, bottom) sets where the gradient runs; the shape's bounds otherwise.
        """
        mask, (ox, oy) = self._mask(kind, geometry, pad=0)
        top, bottom = span if span else (oy / self.s, (oy + mask.height) / self.s)
        height = max(1, bottom - top)
        t0 = (oy / self.s - top) / height
        t1 = ((oy + mask.height) / self.s - top) / height
        # Restrict the stops to the part of the span this shape covers.
        part = [(i / 15, _at(stops, t0 + (t1 - t0) * i / 15)) for i in range(16)]
        grad = _gradient_image(mask.width, mask.height, part)
        self.img.paste(grad, (ox, oy), mask)

    def soft(self, kind, geometry, color, alpha=1.0, blur=0):
        """A shape blended over the picture, optionally blurred (glows, mist, shadows)."""
        pad = int(blur * self.s * 3)
        mask, origin = self._mask(kind, geometry, pad=pad)
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur * self.s))
        if alpha < 1:
            mask = mask.point(lambda v: round(v * alpha))
        self.img.paste(color, (*origin, origin[0] + mask.width, origin[1] + mask.height), mask)

    def _mask(self, kind, geometry, pad):
        if kind == "polygon":
            pts = self._pts(geometry)
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            bounds = (min(xs), min(ys), max(xs), max(ys))
        elif kind == "ellipses":  # several ellipses merged into one shape (clouds)
            boxes = [self._box(b) for b in geometry]
            bounds = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        else:
            box = self._box(geometry[:4])
            bounds = tuple(box)
        ox, oy = math.floor(bounds[0]) - pad, math.floor(bounds[1]) - pad
        width = math.ceil(bounds[2]) - ox + pad + 1
        height = math.ceil(bounds[3]) - oy + pad + 1
        mask = Image.new("L", (max(1, width), max(1, height)), 0)
        draw = ImageDraw.Draw(mask)

        def shift(points):
            return [(x - ox, y - oy) for x, y in points]

        if kind == "polygon":
            draw.polygon(shift(pts), fill=255)
        elif kind == "ellipses":
            for b in boxes:
                draw.ellipse([b[0] - ox, b[1] - oy, b[2] - ox, b[3] - oy], fill=255)
        elif kind == "ellipse":
            draw.ellipse([box[0] - ox, box[1] - oy, box[2] - ox, box[3] - oy], fill=255)
        else:  # "rect", with an optional radius as fifth item
            radius = geometry[4] * self.s if len(geometry) > 4 else 0
            draw.rounded_rectangle(
                [box[0] - ox, box[1] - oy, box[2] - ox, box[3] - oy], radius, fill=255
            )
        return mask, (ox, oy)

    def paste(self, image, xy):
        self.img.paste(image, (round(xy[0] * self.s), round(xy[1] * self.s)))

    def jpeg(self):
        final = self.img.resize((self.w, self.h), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        final.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        return buffer.getvalue()


def _gradient_image(width, height, stops):
    width, height = max(1, width), max(1, height)
    column = Image.new("RGB", (1, height))
    column.putdata([_at(stops, i / max(1, height - 1)) for i in range(height)])
    return column.resize((width, height), Image.Resampling.NEAREST)


# Shapes ------------------------------------------------------------------------------


def _ridge(rng, width, base, amp, waves=3, step=8):
    """A smooth hill line: points from x=-20 to width+20 around height ``base``."""
    parts = []
    for k in range(waves):
        parts.append(
            (
                amp * rng.uniform(0.6, 1.0) / (k + 1),
                2 * math.pi / width * rng.uniform(0.6, 1.4) * (k + 0.6),
                rng.uniform(0, 2 * math.pi),
            )
        )
    return [
        (x, base + sum(a * math.sin(f * x + p) for a, f, p in parts))
        for x in range(-20, width + 21, step)
    ]


def _peaks(rng, width, base, height, roughness=0.55, depth=7):
    """A mountain line by midpoint displacement, between ``base`` and ``base - height``."""
    points = [base - rng.uniform(0.2, 0.6) * height, base - rng.uniform(0.2, 0.6) * height]
    spread = height * 0.9
    for _ in range(depth):
        refined = []
        for a, b in itertools.pairwise(points):
            refined += [a, (a + b) / 2 + rng.uniform(-spread, spread) / 2]
        refined.append(points[-1])
        points = refined
        spread *= roughness
    low, high = min(points), max(points)
    span = (high - low) or 1
    count = len(points) - 1
    return [
        (-20 + (width + 40) * i / count, base - height * (high - y) / span)
        for i, y in enumerate(points)
    ]


def _fill_below(canvas, line, stops, bottom=None, span=None):
    bottom = canvas.h + 2 if bottom is None else bottom
    points = [*line, (line[-1][0], bottom), (line[0][0], bottom)]
    canvas.shape_gradient("polygon", points, stops, span=span)


def _cloud(canvas, rng, cx, cy, width, alpha=0.55):
    puffs = []
    count = rng.randint(4, 6)
    for i in range(count):
        t = i / (count - 1)
        r = width * rng.uniform(0.12, 0.2) * (1 - abs(t - 0.5))
        x = cx - width / 2 + width * t
        puffs.append((x - r * 1.6, cy - r * 1.1, x + r * 1.6, cy + r * 0.4))
    puffs.append((cx - width / 2, cy - width * 0.04, cx + width / 2, cy + width * 0.05))
    canvas.soft("ellipses", puffs, WHITE_WARM, alpha, blur=6)


def _sun(canvas, x, y, radius, color=SUN, glow=0.55):
    canvas.soft(
        "ellipse",
        (x - radius * 5, y - radius * 5, x + radius * 5, y + radius * 5),
        color,
        glow * 0.6,
        blur=radius * 1.5,
    )
    canvas.soft(
        "ellipse",
        (x - radius * 2, y - radius * 2, x + radius * 2, y + radius * 2),
        color,
        glow,
        blur=radius * 0.6,
    )
    canvas.ellipse((x - radius, y - radius, x + radius, y + radius), color)


def _round_tree(canvas, x, base, height, color, rng, trunk=WOOD_DARK):
    crown = height * 0.72
    trunk_w = max(3, height * 0.06)
    canvas.rect((x - trunk_w / 2, base - height * 0.4, x + trunk_w / 2, base), trunk)
    top = base - height
    r = crown / 2
    canvas.ellipse((x - r * 0.95, top, x + r * 0.95, top + crown * 0.9), color)
    for dx, dy, k in ((-0.55, 0.45, 0.62), (0.55, 0.42, 0.66), (0.0, 0.55, 0.7)):
        rr = r * k * rng.uniform(0.9, 1.1)
        cx, cy = x + dx * r, top + crown * dy
        canvas.ellipse((cx - rr, cy - rr * 0.9, cx + rr, cy + rr * 0.9), color)
    hr = r * 0.45
    canvas.soft(
        "ellipse",
        (x - r * 0.55 - hr, top + crown * 0.2, x - r * 0.55 + hr, top + crown * 0.2 + hr * 1.4),
        _lighter(color, 0.3),
        0.12,
        blur=8,
    )


def _pine(canvas, x, base, height, color, trunk=True):
    width = height * 0.42
    if trunk:
        canvas.rect(
            (x - height * 0.025, base - height * 0.12, x + height * 0.025, base),
            _darker(color, 0.25),
        )
    for i, (k_top, k_bottom, k_width) in enumerate(
        ((0.0, 0.45, 0.55), (0.22, 0.72, 0.8), (0.45, 0.92, 1.0))
    ):
        top = base - height + height * k_top
        bottom = base - height + height * k_bottom + (height * 0.05 if i == 2 else 0)
        half = width * k_width / 2
        canvas.polygon([(x, top), (x + half, bottom), (x - half, bottom)], color)


def _leaf(cx, cy, length, width, angle):
    points = []
    for i in range(13):
        t = i / 12
        along = length * t
        across = width / 2 * math.sin(math.pi * t)
        points.append((along, across))
    for i in range(11, 0, -1):
        t = i / 12
        points.append((length * t, -width / 2 * math.sin(math.pi * t)))
    cos, sin = math.cos(angle), math.sin(angle)
    return [(cx + px * cos - py * sin, cy + px * sin + py * cos) for px, py in points]


def _plant(canvas, x, base, size, rng, pot=TEAL_LIGHT):
    top = base - size * 0.38
    canvas.soft(
        "ellipse", (x - size * 0.35, base - 8, x + size * 0.35, base + 10), (0, 0, 0), 0.12, blur=6
    )
    canvas.polygon(
        [
            (x - size * 0.22, top),
            (x + size * 0.22, top),
            (x + size * 0.16, base),
            (x - size * 0.16, base),
        ],
        pot,
    )
    canvas.rect((x - size * 0.24, top - size * 0.05, x + size * 0.24, top), _darker(pot, 0.1))
    for i in range(9):
        angle = -math.pi / 2 + (i - 4) * 0.28 + rng.uniform(-0.08, 0.08)
        length = size * rng.uniform(0.5, 0.75) * (1 - abs(i - 4) * 0.06)
        shade = _mix(GREEN_DARK, GREEN_MID, rng.random())
        canvas.polygon(_leaf(x, top - size * 0.02, length, size * 0.16, angle), shade)


def _landscape(width, height, rng, sky=(SKY_BLUE, PALE_BLUE)):
    """A small outdoor view (for windows and framed pictures), at canvas scale."""
    view = _Canvas((width, height))
    view.gradient((0, 0, width, height), [(0, sky[0]), (0.7, sky[1]), (1, CREAM)])
    _fill_below(
        view,
        _ridge(rng, width, height * 0.6, height * 0.08),
        [(0, _mix(TEAL_LIGHT, PALE_BLUE, 0.5)), (1, TEAL_LIGHT)],
    )
    _fill_below(
        view, _ridge(rng, width, height * 0.78, height * 0.06), [(0, GREEN), (1, GREEN_MID)]
    )
    for _ in range(rng.randint(1, 3)):
        tree_h = height * rng.uniform(0.3, 0.45)
        _round_tree(view, rng.uniform(0.1, 0.9) * width, height * 0.86, tree_h, GREEN_DARK, rng)
    return view.img


def _window(canvas, box, rng, frame=WHITE_WARM, panes=(2, 2), curtains=None):
    x0, y0, x1, y1 = box
    canvas.soft("rect", (x0 - 4, y0 + 6, x1 + 10, y1 + 16), (0, 0, 0), 0.1, blur=8)
    canvas.rect((x0 - 12, y0 - 12, x1 + 12, y1 + 12), frame)
    view = _landscape(int(x1 - x0), int(y1 - y0), rng)
    canvas.paste(view, (x0, y0))
    canvas.soft(
        "polygon",
        [(x0, y0), (x0 + (x1 - x0) * 0.35, y0), (x0, y0 + (y1 - y0) * 0.5)],
        (255, 255, 255),
        0.18,
    )
    cols, rows = panes
    for i in range(1, cols):
        x = x0 + (x1 - x0) * i / cols
        canvas.rect((x - 5, y0, x + 5, y1), frame)
    for j in range(1, rows):
        y = y0 + (y1 - y0) * j / rows
        canvas.rect((x0, y - 5, x1, y + 5), frame)
    canvas.rect((x0 - 24, y1 + 8, x1 + 24, y1 + 24), _darker(frame, 0.06), radius=3)
    if curtains:
        width = (x1 - x0) * 0.22
        for side in (-1, 1):
            edge = x0 - 30 if side < 0 else x1 + 30
            inner = edge - side * width
            points = [
                (edge, y0 - 40),
                (inner, y0 - 40),
                (inner + side * 18, y1 + 60),
                (edge, y1 + 70),
            ]
            canvas.shape_gradient("polygon", points, [(0, _lighter(curtains, 0.15)), (1, curtains)])
            for k in (0.35, 0.7):
                fx = edge - side * width * k
                canvas.line(
                    [(fx, y0 - 36), (fx + side * 10 * k, y1 + 62)], _darker(curtains, 0.08), 3
                )
        canvas.rect((x0 - 60, y0 - 48, x1 + 60, y0 - 40), WOOD_DARK, radius=4)


def _floor_lines(canvas, top, color, vanish_x=None, count=16):
    vanish_x = canvas.w / 2 if vanish_x is None else vanish_x
    vanish_y = top - (canvas.h - top) * 1.6
    for i in range(-count, count + 1):
        bottom_x = canvas.w / 2 + i * canvas.w / count
        t = (top - vanish_y) / (canvas.h - vanish_y)
        top_x = vanish_x + (bottom_x - vanish_x) * t
        canvas.line([(top_x, top), (bottom_x, canvas.h)], color, 1.5)


def _room(canvas, floor_y, wall, floor, rng):
    canvas.gradient((0, 0, canvas.w, floor_y), [(0, _lighter(wall, 0.25)), (1, wall)])
    canvas.gradient(
        (0, floor_y, canvas.w, canvas.h), [(0, _darker(floor, 0.06)), (1, _lighter(floor, 0.08))]
    )
    _floor_lines(canvas, floor_y, _darker(floor, 0.1), canvas.w * rng.uniform(0.4, 0.6))
    canvas.rect((0, floor_y - 14, canvas.w, floor_y), _lighter(wall, 0.5))
    canvas.soft("rect", (0, floor_y, canvas.w, floor_y + 26), (0, 0, 0), 0.06, blur=10)


def _framed_picture(canvas, box, rng, frame=WOOD_DARK):
    x0, y0, x1, y1 = box
    canvas.soft("rect", (x0, y0 + 6, x1 + 6, y1 + 12), (0, 0, 0), 0.12, blur=6)
    canvas.rect((x0 - 8, y0 - 8, x1 + 8, y1 + 8), frame)
    canvas.rect(box, WHITE_WARM)
    m = (x1 - x0) * 0.1
    art = _landscape(
        int(x1 - x0 - 2 * m), int(y1 - y0 - 2 * m), rng, sky=(_mix(PEACH, SKY_BLUE, 0.5), PEACH)
    )
    canvas.paste(art, (x0 + m, y0 + m))


def _shadow(canvas, cx, y, width, alpha=0.16):
    canvas.soft(
        "ellipse", (cx - width / 2, y - 14, cx + width / 2, y + 14), (0, 0, 0), alpha, blur=10
    )


def _lamp_table(canvas, x, base, size, shade=CREAM, rng=None):
    """A table lamp whose foot stands at ``base``."""
    canvas.soft(
        "ellipse",
        (x - size * 1.3, base - size * 1.9, x + size * 1.3, base - size * 0.2),
        _hex("fff1cf"),
        0.35,
        blur=size * 0.4,
    )
    canvas.rect(
        (x - size * 0.22, base - size * 0.08, x + size * 0.22, base),
        _darker(SAND_DARK, 0.2),
        radius=3,
    )
    canvas.rect((x - size * 0.05, base - size * 0.7, x + size * 0.05, base), SAND_DARK)
    canvas.polygon(
        [
            (x - size * 0.28, base - size * 1.25),
            (x + size * 0.28, base - size * 1.25),
            (x + size * 0.45, base - size * 0.68),
            (x - size * 0.45, base - size * 0.68),
        ],
        shade,
    )


# Featured pictures --------------------------------------------------------------------


def _sky(canvas, rng, horizon, warm=True):
    top = _mix(SKY_BLUE, _hex("9dbdd4"), rng.random())
    stops = [(0, top), (0.55, PALE_BLUE)]
    stops += [(0.85, PEACH), (1, CREAM)] if warm else [(0.9, MIST), (1, CREAM)]
    canvas.gradient((0, 0, canvas.w, horizon + 4), stops)


def _clouds(canvas, rng, horizon, count=None):
    for _ in range(rng.randint(2, 4) if count is None else count):
        _cloud(
            canvas,
            rng,
            rng.uniform(0.05, 0.95) * canvas.w,
            rng.uniform(0.12, 0.45) * horizon,
            rng.uniform(180, 360),
            alpha=rng.uniform(0.35, 0.6),
        )


def _theme_sunrise(c, rng):
    horizon = c.h * 0.62
    _sky(c, rng, horizon + 60)
    _sun(c, c.w * rng.uniform(0.3, 0.7), horizon - rng.uniform(10, 60), 58)
    _clouds(c, rng, horizon)
    far, near = _mix(PALE_BLUE, TEAL_LIGHT, 0.45), GREEN_DARK
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        base = horizon + (c.h - horizon) * (0.02 + 0.72 * t**1.2)
        color = _mix(far, near, t)
        line = _ridge(rng, c.w, base, 26 + 30 * t)
        _fill_below(
            c, line, [(0, _lighter(color, 0.06)), (1, _darker(color, 0.1))], span=(base - 60, c.h)
        )
        if i == 2:
            for _ in range(rng.randint(3, 6)):
                x = rng.uniform(0.05, 0.95) * c.w
                y = min(p[1] for p in line if abs(p[0] - x) < 10) + 6
                _pine(c, x, y, rng.uniform(40, 70), _darker(color, 0.08))
        c.soft("rect", (0, base + 20, c.w, base + 90), PEACH, 0.1 * (1 - t), blur=30)


def _theme_lake(c, rng):
    horizon = round(c.h * rng.uniform(0.5, 0.56))
    _sky(c, rng, horizon, warm=rng.random() < 0.5)
    _sun(c, c.w * rng.uniform(0.2, 0.8), horizon * rng.uniform(0.45, 0.7), 40, glow=0.45)
    _clouds(c, rng, horizon, rng.randint(1, 3))
    mountains = _peaks(rng, c.w, horizon - 10, horizon * 0.32)
    _fill_below(
        c, mountains, [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.5)), (1, MIST)], bottom=horizon + 2
    )
    hills = _ridge(rng, c.w, horizon - 18, 14)
    _fill_below(
        c, hills, [(0, _mix(TEAL_LIGHT, GREEN_MID, 0.4)), (1, GREEN_MID)], bottom=horizon + 2
    )
    x = -20.0
    while x < c.w + 20:
        height = rng.uniform(26, 62)
        color = _mix(GREEN_DARK, TEAL_DARK, rng.random() * 0.6)
        if rng.random() < 0.6:
            _pine(c, x, horizon + 1, height, color, trunk=False)
        else:
            _round_tree(c, x, horizon + 1, height * 0.8, color, rng, trunk=color)
        x += rng.uniform(12, 30)
    # Reflection: the scene above the waterline, flipped and tinted.
    s = c.s
    depth = c.h - horizon
    source = c.img.crop((0, (horizon - depth) * s, c.w * s, horizon * s))
    mirrored = source.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    water = _gradient_image(
        mirrored.width, mirrored.height, [(0, _mix(SEA, PALE_BLUE, 0.3)), (1, _darker(SEA, 0.12))]
    )
    c.img.paste(Image.blend(mirrored, water, 0.55), (0, horizon * s))
    for _ in range(170):
        y = horizon + depth * rng.random() ** 1.4
        length = rng.uniform(20, 120) * (0.4 + (y - horizon) / depth)
        x = rng.uniform(-50, c.w)
        c.soft(
            "rect",
            (x, y, x + length, y + 1.5 + 2 * (y - horizon) / depth, 1),
            WHITE_WARM,
            rng.uniform(0.15, 0.35),
        )
    c.rect((0, horizon, c.w, horizon + 1.5), _lighter(SEA, 0.55))
    # A small wooden dock running into the lake.
    side = rng.choice((-1, 1))
    root = c.w / 2 + side * c.w * rng.uniform(0.18, 0.3)
    tip_y = horizon + depth * 0.45
    tip = root - side * c.w * 0.06
    dock = [(tip - 40, tip_y), (tip + 40, tip_y), (root + 170, c.h + 4), (root - 170, c.h + 4)]
    c.soft("polygon", [(px, py + 22) for px, py in dock], _darker(SEA, 0.4), 0.35, blur=6)
    for k in (0.0, 0.45, 0.8):
        y = tip_y + (c.h - tip_y) * k
        for sx in (-1, 1):
            half = 40 + 130 * k
            px = tip + (root - tip) * k + sx * half * 0.92
            c.rect((px - 4 - 6 * k, y, px + 4 + 6 * k, y + 28 + 50 * k), WOOD_DARK)
    c.shape_gradient("polygon", dock, [(0, WOOD_LIGHT), (1, WOOD)])
    for k in range(1, 22):
        t = (k / 22) ** 1.6
        y = tip_y + (c.h - tip_y) * t
        half = 40 + 130 * t
        cx = tip + (root - tip) * t
        c.line([(cx - half, y), (cx + half, y)], _darker(WOOD, 0.15), 1 + 2 * t)


def _theme_path(c, rng):
    horizon = c.h * rng.uniform(0.5, 0.55)
    _sky(c, rng, horizon, warm=rng.random() < 0.7)
    _sun(c, c.w * rng.uniform(0.35, 0.65), horizon - 40, 44, glow=0.5)
    _clouds(c, rng, horizon)
    far = _ridge(rng, c.w, horizon - 30, 20)
    _fill_below(c, far, [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.5)), (1, TEAL_LIGHT)])
    c.gradient((0, horizon, c.w, c.h), [(0, GREEN_PALE), (0.5, GREEN), (1, GREEN_MID)])
    vx = c.w * rng.uniform(0.45, 0.55)
    # Distant grove the path leads into.
    x = -20.0
    while x < c.w + 20:
        h = rng.uniform(60, 110) * (1.4 - 0.6 * math.exp(-(((x - vx) / 300) ** 2)))
        _round_tree(c, x, horizon + 6, h, _mix(GREEN_MID, TEAL, rng.random() * 0.5), rng)
        x += rng.uniform(35, 60)
    sway = rng.uniform(-160, 160)

    def edge(t, side):
        width = 10 + 420 * t**1.5
        center = vx + sway * math.sin(t * math.pi) + (c.w * 0.42 - vx) * t**2
        return center + side * width, horizon + 8 + (c.h - horizon) * t

    left = [edge(i / 40, -1) for i in range(41)]
    right = [edge(i / 40, 1) for i in range(40, -1, -1)]
    c.shape_gradient("polygon", left + right, [(0, _lighter(SAND, 0.3)), (1, SAND_DARK)])
    # Trees along the path, far to near.
    trees = []
    for side in (-1, 1):
        for _ in range(7):
            t = rng.uniform(0.05, 0.75)
            px, py = edge(t, side)
            trees.append((t, px + side * (60 + 500 * t) * rng.uniform(0.6, 1.3), py))
    for t, px, py in sorted(trees):
        color = _mix(GREEN_MID, GREEN_DEEP, t * 1.2)
        _shadow(c, px + 40 * t, py, 120 + 400 * t, alpha=0.12)
        _round_tree(c, px, py, 90 + 900 * t**1.3, color, rng)
    for _ in range(140):
        t = rng.uniform(0.15, 1.0)
        side = rng.choice((-1, 1))
        px, py = edge(t, side)
        px += side * rng.uniform(10, 60 + 160 * t)
        r = 2 + 6 * t
        c.ellipse((px - r, py - r, px + r, py + r), rng.choice(FLOWERS))


def _theme_meadow(c, rng):
    horizon = c.h * rng.uniform(0.52, 0.6)
    _sky(c, rng, horizon, warm=rng.random() < 0.4)
    _clouds(c, rng, horizon, rng.randint(3, 5))
    _fill_below(
        c,
        _ridge(rng, c.w, horizon - 24, 22),
        [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.6)), (1, TEAL_LIGHT)],
    )
    back = _ridge(rng, c.w, horizon + 20, 30)
    _fill_below(c, back, [(0, GREEN_PALE), (1, GREEN)], span=(horizon, c.h))
    crest = min(back, key=lambda p: p[1] if 200 < p[0] < c.w - 200 else 1e9)
    _round_tree(c, crest[0], crest[1] + 8, rng.uniform(170, 230), GREEN_DARK, rng)
    front = _ridge(rng, c.w, horizon + (c.h - horizon) * 0.45, 36)
    _fill_below(c, front, [(0, GREEN), (1, GREEN_MID)], span=(horizon, c.h))
    top = min(p[1] for p in front)
    for _ in range(420):
        t = rng.random() ** 0.7
        y = top + 30 + (c.h - top) * t
        x = rng.uniform(-10, c.w + 10)
        r = 2.5 + 9 * t
        color = rng.choice(FLOWERS)
        c.line([(x, y), (x + rng.uniform(-3, 3), y + r * 2.5)], GREEN_DARK, 1 + t)
        c.ellipse((x - r, y - r * 0.8, x + r, y + r * 0.8), color)
        c.ellipse((x - r * 0.35, y - r * 0.3, x + r * 0.35, y + r * 0.3), _darker(color, 0.2))


def _theme_mountains(c, rng):
    horizon = c.h * 0.7
    _sky(c, rng, c.h, warm=rng.random() < 0.5)
    if rng.random() < 0.6:
        _sun(c, c.w * rng.uniform(0.15, 0.85), c.h * rng.uniform(0.18, 0.3), 36, glow=0.4)
    _clouds(c, rng, horizon * 0.7, rng.randint(1, 3))
    far = _mix(_hex("c4cfe0"), PALE_BLUE, 0.3)
    near = TEAL_DARK
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        base = c.h * (0.5 + 0.12 * i)
        line = _peaks(rng, c.w, base, c.h * (0.24 - 0.03 * i), roughness=0.5 + 0.03 * i)
        color = _mix(far, near, t**0.9)
        haze = _lighter(_mix(color, PALE_BLUE, 0.6), 0.3)
        top = min(p[1] for p in line)
        _fill_below(
            c,
            line,
            [(0, color), (0.55, _mix(color, haze, 0.5)), (1, haze)],
            span=(top, base + c.h * 0.16),
        )
    for _ in range(60):
        x = rng.uniform(-20, c.w + 20)
        _pine(c, x, c.h + 10, rng.uniform(90, 210), _mix(GREEN_DEEP, TEAL_DARK, rng.random()))


def _theme_sea(c, rng):
    horizon = round(c.h * rng.uniform(0.5, 0.56))
    _sky(c, rng, horizon)
    sun_x = c.w * rng.uniform(0.35, 0.65)
    _sun(c, sun_x, horizon - rng.uniform(40, 90), 50)
    _clouds(c, rng, horizon)
    cape = rng.choice((-1, 1))
    land = _ridge(rng, c.w, horizon - 6, 20)
    land = [(x, y if (x - c.w / 2) * cape > c.w * 0.25 else horizon + 4) for x, y in land]
    _fill_below(
        c, land, [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.6)), (1, TEAL_LIGHT)], bottom=horizon + 2
    )
    c.gradient(
        (0, horizon, c.w, c.h),
        [(0, _mix(SEA, PALE_BLUE, 0.5)), (0.6, SEA), (1, _darker(SEA, 0.15))],
    )
    for _ in range(200):
        y = horizon + (c.h - horizon) * rng.random() ** 1.5
        depth = (y - horizon) / (c.h - horizon)
        spread = 60 + 240 * depth
        x = sun_x + rng.gauss(0, spread)
        length = rng.uniform(10, 60) * (0.5 + depth)
        c.soft(
            "rect",
            (x - length / 2, y, x + length / 2, y + 1.5 + 2 * depth, 1),
            SUN,
            rng.uniform(0.3, 0.7),
        )
    for _ in range(60):
        y = horizon + (c.h - horizon) * rng.random() ** 1.3
        depth = (y - horizon) / (c.h - horizon)
        x = rng.uniform(-50, c.w)
        c.soft(
            "rect", (x, y, x + 80 + 200 * depth, y + 1.5 + 2 * depth, 1), _lighter(SEA, 0.5), 0.35
        )
    shore = _ridge(rng, c.w, c.h * 0.86, 30, waves=2)
    shore = [(x, y + 0.12 * c.h * (x / c.w - 0.5) * cape) for x, y in shore]
    wet = [(x, y - 14) for x, y in shore]
    _fill_below(c, wet, [(0, _mix(SAND_DARK, SEA, 0.4)), (1, SAND_DARK)])
    c.soft("polygon", wet + [(p[0], p[1] + 8) for p in reversed(wet)], WHITE_WARM, 0.7, blur=2)
    _fill_below(c, shore, [(0, SAND), (1, _darker(SAND, 0.06))])


def _theme_forest(c, rng):
    _sky(c, rng, c.h, warm=rng.random() < 0.6)
    _sun(c, c.w * rng.uniform(0.3, 0.7), c.h * 0.35, 50, glow=0.5)
    rows = 5
    far, near = _mix(PALE_BLUE, TEAL_LIGHT, 0.5), GREEN_DEEP
    for i in range(rows):
        t = i / (rows - 1)
        base = c.h * (0.55 + 0.13 * i)
        color = _mix(far, near, t)
        c.rect((0, base - 4, c.w, c.h), color)
        x = rng.uniform(-40, 0)
        while x < c.w + 40:
            _pine(
                c,
                x,
                base + rng.uniform(0, 10),
                rng.uniform(80, 150) * (1 + 1.6 * t),
                color,
                trunk=False,
            )
            x += rng.uniform(18, 40) * (1 + 1.2 * t)
        if i < rows - 1:
            c.soft("rect", (-100, base - 40, c.w + 100, base + 70), MIST, 0.55 - 0.08 * i, blur=30)


_THEMES = {
    "sunrise": _theme_sunrise,
    "lake": _theme_lake,
    "path": _theme_path,
    "meadow": _theme_meadow,
    "mountains": _theme_mountains,
    "sea": _theme_sea,
    "forest": _theme_forest,
}
THEMES = tuple(_THEMES)


def featured_image(theme: str, seed: int) -> bytes:
    """A 1600x900 JPEG landscape for a blog post's featured image."""
    try:
        draw = _THEMES[theme]
    except KeyError:
        raise ValueError(f"Unknown theme {theme!r}; choose one of {THEMES}.") from None
    canvas = _Canvas(FEATURED_SIZE)
    draw(canvas, random.Random(seed))
    return canvas.jpeg()


# Gallery pictures ---------------------------------------------------------------------


def _sofa(c, x0, base, width, color, rng):
    height = width * 0.42
    _shadow(c, x0 + width / 2, base, width * 1.08, 0.2)
    for lx in (x0 + width * 0.08, x0 + width * 0.92):
        c.rect((lx - 6, base - 22, lx + 6, base), WOOD_DARK, radius=2)
    top = base - height
    c.rect(
        (x0 + width * 0.06, top, x0 + width * 0.94, base - height * 0.35),
        _darker(color, 0.05),
        radius=28,
    )
    seat_top = base - height * 0.5
    c.rect((x0 + width * 0.04, seat_top, x0 + width * 0.96, base - 18), color, radius=18)
    cushions = 3 if width > 500 else 2
    inner = width * 0.8
    for i in range(cushions):
        cx0 = x0 + width * 0.1 + inner * i / cushions
        c.rect(
            (cx0 + 4, top + height * 0.12, cx0 + inner / cushions - 4, seat_top + 10),
            _lighter(color, 0.06),
            radius=22,
        )
        c.rect(
            (cx0 + 4, seat_top - 4, cx0 + inner / cushions - 4, seat_top + height * 0.2),
            _lighter(color, 0.12),
            radius=14,
        )
    for ax in (x0, x0 + width * 0.9):
        c.rect(
            (ax, base - height * 0.62, ax + width * 0.1, base - 14), _darker(color, 0.08), radius=22
        )
    accent = rng.choice((SAND, PEACH, _hex("c9b6d6")))
    for px, tilt in ((x0 + width * 0.16, -1), (x0 + width * 0.74, 1)):
        size = width * 0.12
        py = seat_top - size * 0.75
        c.polygon(
            [
                (px, py + tilt * 6),
                (px + size, py - tilt * 6),
                (px + size + 4, py + size * 0.8),
                (px - 4, py + size * 0.85),
            ],
            accent,
        )


def _scene_lounge(c, rng):
    floor_y = c.h * 0.66
    wall = rng.choice((_hex("e6ddcf"), _hex("dfe5dc"), _hex("e3e0d6")))
    _room(c, floor_y, wall, _mix(WOOD_LIGHT, WOOD, 0.3), rng)
    side = rng.choice((-1, 1))
    wx = c.w / 2 + side * c.w * 0.18
    _window(
        c,
        (wx - 260, c.h * 0.14, wx + 260, floor_y - 150),
        rng,
        panes=(3, 2),
        curtains=_mix(TEAL_LIGHT, SAND, 0.4),
    )
    _framed_picture(
        c,
        (
            c.w / 2 - side * c.w * 0.3 - 120,
            c.h * 0.2,
            c.w / 2 - side * c.w * 0.3 + 120,
            c.h * 0.2 + 170,
        ),
        rng,
    )
    c.soft("ellipse", (c.w * 0.18, floor_y + 60, c.w * 0.82, c.h - 30), (0, 0, 0), 0.08, blur=8)
    c.ellipse((c.w * 0.18, floor_y + 50, c.w * 0.82, c.h - 40), _mix(SAND, CREAM, 0.4))
    c.ellipse((c.w * 0.2, floor_y + 62, c.w * 0.8, c.h - 52), _mix(SAND, TEAL_LIGHT, 0.25))
    sofa_w = 720
    _sofa(c, c.w / 2 - sofa_w / 2 - side * 80, floor_y + 60, sofa_w, TEAL, rng)
    # Floor lamp beside the sofa.
    lx = c.w / 2 - side * (sofa_w / 2 + 190)
    c.soft(
        "ellipse", (lx - 220, floor_y - 420, lx + 220, floor_y - 120), _hex("fff1cf"), 0.35, blur=60
    )
    _shadow(c, lx, floor_y + 50, 140)
    c.ellipse((lx - 50, floor_y + 40, lx + 50, floor_y + 58), WOOD_DARK)
    c.rect((lx - 5, floor_y - 300, lx + 5, floor_y + 50), WOOD_DARK)
    c.polygon(
        [
            (lx - 60, floor_y - 380),
            (lx + 60, floor_y - 380),
            (lx + 90, floor_y - 280),
            (lx - 90, floor_y - 280),
        ],
        CREAM,
    )
    # Coffee table with a bowl and a mug.
    tx, ty = c.w / 2 - side * 80, floor_y + 230
    _shadow(c, tx, ty + 70, 440, 0.18)
    for leg in (-170, 170):
        c.rect((tx + leg - 7, ty, tx + leg + 7, ty + 70), WOOD_DARK)
    c.rect((tx - 210, ty - 18, tx + 210, ty + 8), WOOD, radius=6)
    c.rect((tx - 210, ty - 18, tx + 210, ty - 8), WOOD_LIGHT, radius=6)
    c.ellipse((tx - 90, ty - 52, tx - 10, ty - 14), _mix(TEAL_LIGHT, CREAM, 0.3))
    c.rect((tx + 60, ty - 54, tx + 96, ty - 16), CREAM, radius=4)
    _plant(c, c.w / 2 + side * (sofa_w / 2 + 120) - side * 80, floor_y + 110, 280, rng)


def _scene_bedroom(c, rng):
    floor_y = c.h * 0.6
    wall = rng.choice((_hex("e4e3da"), _hex("dde6e4"), _hex("e8dfd2")))
    _room(c, floor_y, wall, _mix(WOOD_LIGHT, SAND, 0.4), rng)
    side = rng.choice((-1, 1))
    bx = c.w / 2 + side * 120
    wx = c.w / 2 - side * 470
    _window(
        c,
        (wx - 150, c.h * 0.15, wx + 150, c.h * 0.52),
        rng,
        panes=(2, 3),
        curtains=_mix(CREAM, PEACH, 0.5),
    )
    _framed_picture(c, (bx - 180, c.h * 0.16, bx + 180, c.h * 0.16 + 150), rng)
    # Rug, then the bed seen from its foot.
    c.rect((bx - 420, floor_y + 170, bx + 420, c.h - 30), _mix(SAND, TEAL_LIGHT, 0.3), radius=10)
    head_y = floor_y - 40
    c.rect((bx - 300, c.h * 0.36, bx + 300, head_y + 30), WOOD, radius=26)
    c.rect((bx - 280, c.h * 0.38, bx + 280, head_y), _lighter(WOOD, 0.12), radius=20)
    _shadow(c, bx, floor_y + 300, 820, 0.2)
    far_half, near_half, near_y = 290, 380, floor_y + 240
    c.polygon(
        [
            (bx - far_half, head_y),
            (bx + far_half, head_y),
            (bx + near_half, near_y),
            (bx - near_half, near_y),
        ],
        WHITE_WARM,
    )
    for px in (bx - 150, bx + 150):
        c.rect((px - 120, head_y - 40, px + 120, head_y + 50), _lighter(CREAM, 0.4), radius=26)
        c.rect((px - 108, head_y - 28, px + 108, head_y + 34), CREAM, radius=22)
    fold = head_y + 85
    k = (fold - head_y) / (near_y - head_y)
    half = far_half + (near_half - far_half) * k
    blanket = _mix(TEAL_LIGHT, GREEN_PALE, 0.4)
    c.shape_gradient(
        "polygon",
        [
            (bx - half, fold),
            (bx + half, fold),
            (bx + near_half + 8, near_y),
            (bx - near_half - 8, near_y),
        ],
        [(0, _lighter(blanket, 0.12)), (1, blanket)],
    )
    c.rect((bx - half, fold - 6, bx + half, fold + 18), _lighter(CREAM, 0.5), radius=6)
    c.rect(
        (bx - near_half - 8, near_y, bx + near_half + 8, near_y + 70),
        _darker(blanket, 0.12),
        radius=8,
    )
    c.rect((bx - near_half + 20, near_y + 70, bx + near_half - 20, near_y + 100), WOOD_DARK)
    throw = _mix(SAND, PEACH, 0.5)
    c.polygon(
        [
            (bx - near_half + 60, near_y - 110),
            (bx + near_half - 60, near_y - 110),
            (bx + near_half + 4, near_y + 10),
            (bx - near_half - 4, near_y + 10),
        ],
        throw,
    )
    # Nightstand with a lamp.
    nx = bx + side * 420
    _shadow(c, nx, floor_y + 60, 200)
    c.rect((nx - 85, floor_y - 100, nx + 85, floor_y + 60), WOOD_LIGHT, radius=6)
    c.rect((nx - 70, floor_y - 60, nx + 70, floor_y - 8), _darker(WOOD_LIGHT, 0.08), radius=4)
    c.rect((nx - 14, floor_y - 38, nx + 14, floor_y - 30), WOOD_DARK, radius=3)
    _lamp_table(c, nx, floor_y - 100, 110)
    _plant(c, wx + side * 10, floor_y + 160, 240, rng)


def _chair_side(c, x, base, size, facing, color):
    """A dining chair seen from the side; ``facing`` is -1 (left) or 1 (right)."""
    seat_y = base - size * 0.5
    back_x = x - facing * size * 0.22
    c.rect((back_x - 6, base - size * 1.15, back_x + 6, base), _darker(color, 0.15))
    c.rect(
        (back_x - 10, base - size * 1.15, back_x + 10, base - size * 0.75),
        _darker(color, 0.05),
        radius=5,
    )
    front_x = x + facing * size * 0.22
    c.rect((front_x - 5, seat_y, front_x + 5, base), _darker(color, 0.15))
    c.rect((x - size * 0.28, seat_y - 10, x + size * 0.28, seat_y + 4), color, radius=5)


def _dining_table(c, x, base, size, rng, top_color=WOOD_LIGHT):
    _shadow(c, x, base, size * 2.6, 0.15)
    for sx in (-1, 1):
        _chair_side(c, x + sx * size * 1.22, base, size * 0.9, -sx, WOOD)
    top_y = base - size * 0.78
    for sx in (-1, 1):
        c.rect((x + sx * size * 0.85 - 7, top_y, x + sx * size * 0.85 + 7, base), WOOD_DARK)
    c.rect((x - size, top_y - 12, x + size, top_y + 6), top_color, radius=4)
    c.rect(
        (x - size * 0.16, top_y - 12 - size * 0.22, x + size * 0.16 - size * 0.2, top_y - 12),
        _mix(TEAL_LIGHT, CREAM, 0.2),
        radius=4,
    )
    for px in (x - size * 0.55, x + size * 0.5):
        c.ellipse((px - size * 0.2, top_y - 20, px + size * 0.2, top_y - 6), WHITE_WARM)
    if rng.random() < 0.7:
        c.ellipse(
            (x + size * 0.02, top_y - 12 - size * 0.3, x + size * 0.22, top_y - 12), GREEN_MID
        )


def _scene_dining(c, rng):
    floor_y = c.h * 0.56
    _room(
        c, floor_y, rng.choice((_hex("e9e2d4"), _hex("e0e7e1"))), _mix(WOOD_LIGHT, WOOD, 0.5), rng
    )
    count = 3
    for i in range(count):
        wx = c.w * (i + 0.5) / count
        _window(c, (wx - 150, c.h * 0.12, wx + 150, floor_y - 90), rng, panes=(2, 3))
    for px in (c.w * 0.3, c.w * 0.7):
        c.line([(px, 0), (px, c.h * 0.16)], _darker(SAND_DARK, 0.3), 2)
        c.soft(
            "ellipse", (px - 160, c.h * 0.12, px + 160, c.h * 0.34), _hex("fff1cf"), 0.4, blur=40
        )
        c.polygon(
            [
                (px - 22, c.h * 0.16),
                (px + 22, c.h * 0.16),
                (px + 70, c.h * 0.22),
                (px - 70, c.h * 0.22),
            ],
            TEAL,
        )
        c.ellipse((px - 22, c.h * 0.21, px + 22, c.h * 0.235), _hex("fff4d8"))
    for x in (c.w * 0.2, c.w * 0.5, c.w * 0.8):
        _dining_table(c, x + rng.uniform(-20, 20), floor_y + 110, 150, rng)
    for x in (c.w * 0.3, c.w * 0.72):
        _dining_table(c, x + rng.uniform(-30, 30), floor_y + 370, 210, rng)


def _bench(c, x, base, width, rng):
    _shadow(c, x, base, width * 1.1, 0.18)
    wood = _mix(WOOD, WOOD_LIGHT, rng.random() * 0.5)
    for sx in (-0.42, 0.42):
        c.rect((x + sx * width - 8, base - width * 0.24, x + sx * width + 8, base), WOOD_DARK)
    for k in range(3):
        y = base - width * 0.5 + k * width * 0.07
        c.rect((x - width / 2, y, x + width / 2, y + width * 0.045), wood, radius=3)
    for k in range(2):
        y = base - width * 0.26 + k * width * 0.05
        c.rect(
            (x - width / 2 - 6, y, x + width / 2 + 6, y + width * 0.045),
            _lighter(wood, 0.1),
            radius=3,
        )


def _flower_bed(c, x, y, width, rng):
    height = width * 0.28
    c.soft(
        "ellipse", (x - width / 2, y - 6, x + width / 2, y + height * 0.5), (0, 0, 0), 0.12, blur=8
    )
    c.ellipse((x - width / 2, y - height, x + width / 2, y + height * 0.3), GREEN_DARK)
    c.ellipse((x - width * 0.42, y - height * 1.08, x + width * 0.4, y), GREEN_MID)
    for _ in range(int(width / 6)):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.random() ** 0.5
        fx = x + math.cos(a) * d * width * 0.42
        fy = y - height * 0.5 + math.sin(a) * d * height * 0.55
        r = rng.uniform(4, 8)
        c.ellipse((fx - r, fy - r, fx + r, fy + r), rng.choice(FLOWERS))


def _scene_garden(c, rng):
    horizon = c.h * 0.5
    _sky(c, rng, horizon, warm=False)
    _clouds(c, rng, horizon)
    _fill_below(
        c,
        _ridge(rng, c.w, horizon - 90, 20),
        [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.6)), (1, TEAL_LIGHT)],
    )
    c.rect((0, horizon - 40, c.w, horizon + 40), _mix(GREEN, GREEN_MID, 0.5))
    x = -30.0
    while x < c.w + 30:
        _round_tree(
            c,
            x,
            horizon + 20,
            rng.uniform(160, 260),
            _mix(GREEN_MID, TEAL, rng.random() * 0.6),
            rng,
        )
        x += rng.uniform(70, 130)
    c.gradient((0, horizon + 30, c.w, c.h), [(0, GREEN), (1, _mix(GREEN, GREEN_MID, 0.6))])
    c.rect((-40, horizon + 6, c.w + 40, horizon + 70), _mix(GREEN_DARK, GREEN_MID, 0.4), radius=26)
    vx = c.w * rng.uniform(0.4, 0.6)
    sway = rng.uniform(-180, 180)

    def edge(t, side):
        center = vx + sway * math.sin(t * math.pi * 1.2)
        return center + side * (40 + 260 * t), horizon + 60 + (c.h - horizon - 60) * t

    left = [edge(i / 40, -1) for i in range(41)]
    right = [edge(i / 40, 1) for i in range(40, -1, -1)]
    c.shape_gradient("polygon", left + right, [(0, _lighter(SAND, 0.2)), (1, SAND)])
    for i in range(1, 14):
        t = (i / 14) ** 1.2
        (ax, ay), (bx, _) = edge(t, -1), edge(t, 1)
        c.line([(ax + 6, ay), (bx - 6, ay)], _darker(SAND, 0.06), 1 + 2 * t)
    items = []
    for side in (-1, 1):
        t = rng.uniform(0.28, 0.42)
        items.append((t, "bench", side))
        for t in (rng.uniform(0.04, 0.12), rng.uniform(0.62, 0.8)):
            items.append((t, "bed", side))
    for t, kind, side in sorted(items):
        px, py = edge(t, side)
        if kind == "bench":
            _bench(c, px + side * (80 + 120 * t), py, 160 + 300 * t, rng)
        else:
            _flower_bed(c, px + side * (110 + 260 * t), py + 10, 180 + 400 * t, rng)


def _scene_group_room(c, rng):
    floor_y = c.h * 0.46
    _room(
        c, floor_y, rng.choice((_hex("e3e6df"), _hex("e9e2d6"))), _mix(WOOD_LIGHT, SAND, 0.5), rng
    )
    for wx in (c.w * 0.22, c.w * 0.5, c.w * 0.78):
        _window(c, (wx - 150, c.h * 0.08, wx + 150, floor_y - 60), rng, panes=(2, 2))
    _plant(c, c.w * 0.06, floor_y + 60, 260, rng)
    _plant(c, c.w * 0.94, floor_y + 60, 230, rng)
    cx, cy = c.w / 2, floor_y + (c.h - floor_y) * 0.52
    rx, ry = 560, 235
    c.soft(
        "ellipse",
        (cx - rx * 0.75, cy - ry * 0.65, cx + rx * 0.75, cy + ry * 0.85),
        (0, 0, 0),
        0.06,
        blur=10,
    )
    c.ellipse(
        (cx - rx * 0.78, cy - ry * 0.7, cx + rx * 0.78, cy + ry * 0.75),
        _mix(TEAL_LIGHT, SAND, 0.35),
    )
    c.ellipse(
        (cx - rx * 0.7, cy - ry * 0.6, cx + rx * 0.7, cy + ry * 0.65), _mix(TEAL_LIGHT, CREAM, 0.35)
    )
    count = rng.choice((8, 9, 10))
    colors = (TEAL, _mix(TEAL, GREEN_MID, 0.5), _hex("5d8f9f"))
    chairs = []
    for i in range(count):
        angle = 2 * math.pi * i / count + rng.uniform(-0.05, 0.05) + math.pi / count
        chairs.append((math.sin(angle), math.cos(angle), colors[i % len(colors)]))
    table = (0.0, None, None)
    for depth, cos_a, color in sorted([*chairs, table], key=lambda ch: ch[0]):
        if color is None:  # the low round table in the middle, with a plant
            _shadow(c, cx, cy + 40, 240, 0.15)
            c.rect((cx - 8, cy - 40, cx + 8, cy + 40), WOOD_DARK)
            c.ellipse((cx - 110, cy - 62, cx + 110, cy - 26), WOOD)
            c.ellipse((cx - 110, cy - 66, cx + 110, cy - 32), WOOD_LIGHT)
            _plant(c, cx + 30, cy - 44, 130, rng, pot=CREAM)
            c.rect((cx - 70, cy - 86, cx - 40, cy - 46), _mix(TEAL_LIGHT, PALE_BLUE, 0.6), radius=5)
            continue
        scale = 0.78 + 0.22 * (depth + 1) / 2
        x, y = cx + rx * cos_a, cy + ry * depth
        seat_w, seat_d = 120 * scale, 50 * scale
        back_w = seat_w * (0.35 + 0.65 * abs(depth))
        back_h = 120 * scale
        leg = 70 * scale
        ox = cos_a * seat_w * 0.42  # the back sits on the side away from the circle
        oy = depth * seat_d * 0.5
        _shadow(c, x, y + leg, seat_w * 1.2, 0.16)
        back = (x + ox - back_w / 2, y + oy - back_h, x + ox + back_w / 2, y + oy + 8)
        if depth < 0:  # behind its seat, seen from the front
            c.rect(back, _darker(color, 0.1), radius=14 * scale)
        for lx in (-0.38, 0.38):
            c.rect((x + lx * seat_w - 4, y, x + lx * seat_w + 4, y + leg), _darker(WOOD_DARK, 0.2))
        c.ellipse(
            (x - seat_w / 2, y - seat_d / 2, x + seat_w / 2, y + seat_d / 2 + 10),
            _darker(color, 0.15),
        )
        c.ellipse((x - seat_w / 2, y - seat_d / 2, x + seat_w / 2, y + seat_d / 2), color)
        if depth >= 0:  # in front of its seat, seen from behind
            c.rect(back, _darker(color, 0.1), radius=14 * scale)


def _scene_exterior(c, rng):
    horizon = c.h * 0.64
    _sky(c, rng, horizon, warm=rng.random() < 0.4)
    _clouds(c, rng, horizon * 0.7)
    _fill_below(
        c,
        _ridge(rng, c.w, horizon - 60, 24),
        [(0, _mix(PALE_BLUE, TEAL_LIGHT, 0.6)), (1, TEAL_LIGHT)],
    )
    c.gradient((0, horizon, c.w, c.h), [(0, GREEN), (1, GREEN_MID)])
    for _ in range(6):
        x = rng.uniform(0, c.w)
        _round_tree(c, x, horizon + 6, rng.uniform(140, 220), _mix(GREEN_MID, TEAL, 0.4), rng)
    wall = rng.choice((_hex("efe6d6"), _hex("e9e4da"), _hex("f1e9dc")))
    roof = rng.choice((_hex("5f7f86"), _hex("6f7f78"), _hex("7b8a8c")))
    trim = WHITE_WARM
    bx0, bx1, base = c.w * 0.22, c.w * 0.78, horizon + 40
    top = base - 300
    # Side wing, lower.
    wing = rng.choice((-1, 1))
    wx0, wx1 = (bx0 - 230, bx0 + 10) if wing < 0 else (bx1 - 10, bx1 + 230)
    c.soft(
        "rect",
        (min(bx0, wx0) - 10, base - 20, max(bx1, wx1) + 30, base + 30),
        (0, 0, 0),
        0.15,
        blur=12,
    )
    c.rect((wx0, base - 190, wx1, base), _darker(wall, 0.04))
    c.polygon(
        [
            (wx0 - 20, base - 190),
            (wx1 + 20, base - 190),
            (wx1 - 10, base - 250),
            (wx0 + 10, base - 250),
        ],
        _darker(roof, 0.05),
    )
    for k in range(2):
        x = wx0 + 45 + k * 90
        _building_window(c, x, base - 150, 55, 80, trim)
    c.rect((bx0, top, bx1, base), wall)
    c.polygon(
        [(bx0 - 40, top + 2), (bx1 + 40, top + 2), (bx1 - 60, top - 120), (bx0 + 60, top - 120)],
        roof,
    )
    c.rect((bx0 - 40, top - 4, bx1 + 40, top + 8), _darker(roof, 0.15))
    c.soft("rect", (bx0, top + 8, bx1, top + 30), (0, 0, 0), 0.08, blur=6)
    cols = 7
    door_col = cols // 2
    for row in range(2):
        for col in range(cols):
            if row == 1 and col == door_col:
                continue
            x = bx0 + (bx1 - bx0) * (col + 0.5) / cols
            _building_window(c, x - 35, top + 50 + row * 125, 70, 90, trim)
    dx = bx0 + (bx1 - bx0) * (door_col + 0.5) / cols
    c.rect((dx - 70, base - 150, dx + 70, base), trim)
    c.rect((dx - 55, base - 138, dx + 55, base), TEAL_DARK)
    c.rect((dx - 48, base - 130, dx - 3, base - 4), _mix(TEAL_DARK, SKY_BLUE, 0.35))
    c.rect((dx + 3, base - 130, dx + 48, base - 4), _mix(TEAL_DARK, SKY_BLUE, 0.35))
    c.polygon(
        [
            (dx - 110, base - 160),
            (dx + 110, base - 160),
            (dx + 90, base - 190),
            (dx - 90, base - 190),
        ],
        _darker(roof, 0.1),
    )
    c.rect((dx - 130, base, dx + 130, base + 14), _hex("d9d2c4"))
    # Path to the door and shrubs along the walls.
    c.shape_gradient(
        "polygon",
        [(dx - 70, base + 14), (dx + 70, base + 14), (dx + 300, c.h + 4), (dx - 300, c.h + 4)],
        [(0, _lighter(SAND, 0.2)), (1, SAND)],
    )
    for x0, x1 in ((min(bx0, wx0), dx - 150), (dx + 150, max(bx1, wx1))):
        x = x0 + 10
        while x < x1 - 20:
            r = rng.uniform(28, 42)
            c.ellipse(
                (x - r, base - r * 1.2, x + r, base + 10),
                _mix(GREEN_DARK, GREEN_MID, rng.random() * 0.5),
            )
            if rng.random() < 0.4:
                for _ in range(4):
                    fx, fy = x + rng.uniform(-r * 0.6, r * 0.6), base - rng.uniform(0, r)
                    c.ellipse((fx - 5, fy - 5, fx + 5, fy + 5), rng.choice(FLOWERS))
            x += r * 1.4
    for side in (-1, 1):
        x = c.w / 2 + side * c.w * rng.uniform(0.38, 0.45)
        _shadow(c, x + 40, c.h * 0.9, 260, 0.15)
        _round_tree(c, x, c.h * 0.9, rng.uniform(420, 520), GREEN_DARK, rng)


def _building_window(c, x, y, width, height, trim):
    c.rect((x - 6, y - 6, x + width + 6, y + height + 10), trim)
    c.gradient(
        (x, y, x + width, y + height),
        [(0, _lighter(SKY_BLUE, 0.3)), (1, _mix(SKY_BLUE, TEAL, 0.45))],
    )
    c.polygon([(x, y), (x + width * 0.45, y), (x, y + height * 0.55)], _lighter(SKY_BLUE, 0.45))
    c.rect((x + width / 2 - 2, y, x + width / 2 + 2, y + height), trim)
    c.rect((x, y + height * 0.45 - 2, x + width, y + height * 0.45 + 2), trim)


_SCENES = {
    "exterior": _scene_exterior,
    "lounge": _scene_lounge,
    "bedroom": _scene_bedroom,
    "dining": _scene_dining,
    "garden": _scene_garden,
    "group-room": _scene_group_room,
}
SCENES = tuple(_SCENES)


def gallery_image(scene: str, seed: int) -> bytes:
    """A 1600x1067 JPEG illustration of a place at the center, for the photo tour."""
    try:
        draw = _SCENES[scene]
    except KeyError:
        raise ValueError(f"Unknown scene {scene!r}; choose one of {SCENES}.") from None
    canvas = _Canvas(GALLERY_SIZE)
    draw(canvas, random.Random(seed))
    return canvas.jpeg()
