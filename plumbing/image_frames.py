"""How many frames a picture has, and how large the canvas they are drawn on, read from
its headers alone, before Pillow decodes (or, for WebP, allocates) anything; for a JPEG,
its size from its frame header.

Pillow draws every frame of an animation onto a full canvas, and grows a GIF's canvas
to reach frames placed outside it: a few hundred bytes can ask for gigabytes. The walk
below follows each format's block structure as Pillow 13 reads it (GifImagePlugin,
PngImagePlugin, WebPImagePlugin), skipping the compressed data without inflating it.
"""

import struct
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Canvases Pillow 13 keeps besides the frames, measured in tests/test_upload_costs.py:
# re-encoding an animated GIF, about three at a time (drawing one frame over the last,
# comparing it with the last). Reading any WebP, even a still one, costs five: libwebp's
# animation decoder draws on two canvases and hands a copy over to Pillow, and its
# lossless decoder keeps buffers of its own as large. Three more are counted for a WebP, so
# that the worst one within the budget (lossless noise) costs about 100 MB, not the 138 MB
# it cost at five (2.2 MP).
DRAWING_CANVASES = 3
WEBP_DRAWING_CANVASES = 8


class Unreadable(ValueError):
    """The headers end or contradict themselves before the first frame."""


@dataclass(frozen=True)
class Frames:
    count: int
    width: int  # of the canvas every frame is drawn on
    height: int
    drawing: int = 0  # canvases the decoder keeps besides the frames (DRAWING_CANVASES)

    @property
    def decoded_pixels(self):
        """What decoding and re-encoding it draws: every frame, and for an animation
        the few canvases more that Pillow keeps while it draws them (the frame before,
        the frames the encoder compares)."""
        return (self.count + self.drawing) * self.width * self.height


def frames_of(data):
    """The Frames of a JPEG, GIF, PNG or WebP given as bytes; None for other formats."""
    if data[:3] == b"\xff\xd8\xff":
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(data)
    if data[:8] == PNG_SIGNATURE:
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return None


def _gif(data):
    end = len(data)
    if end < 13:
        raise Unreadable("GIF header cut short")
    width, height = struct.unpack_from("<HH", data, 6)
    pos = 13 + _color_table_size(data[10])
    count = 0

    def skip_block(at):
        """Past one data sub-block; returns (position, its length)."""
        if at >= end:
            return end, 0
        return at + 1 + data[at], data[at]

    def skip_blocks(at):
        """Past sub-blocks up to and including the empty one that ends them."""
        length = 1
        while length and at < end:
            at, length = skip_block(at)
        return at

    while pos < end:
        tag = data[pos]
        pos += 1
        if tag == 0x3B:  # trailer
            break
        if tag == 0x21:  # extension: a label, then sub-blocks
            label = data[pos] if pos < end else 0
            pos += 1
            if label == 0xFE:  # comment: read up to the first empty block
                pos = skip_blocks(pos)
                continue
            # Pillow takes the first block whatever its length, then reads until an
            # empty one; for a looping application block, the first two.
            first = pos + 1
            pos, length = skip_block(pos)
            if label == 0xFF and count == 0 and data[first : first + length][:11] == b"NETSCAPE2.0":
                pos, _ = skip_block(pos)
            pos = skip_blocks(pos)
        elif tag == 0x2C:  # image descriptor: one frame
            if pos + 9 > end:
                break
            left, top, frame_width, frame_height = struct.unpack_from("<HHHH", data, pos)
            pos += 9 + _color_table_size(data[pos + 8]) + 1  # +1: LZW code size
            pos = skip_blocks(pos)
            count += 1
            # Pillow grows the canvas to hold a frame placed outside it.
            width, height = max(width, left + frame_width), max(height, top + frame_height)
        # Any other byte Pillow skips, and so do we.
    if count == 0:
        raise Unreadable("no image in the GIF")
    return Frames(count, width, height, DRAWING_CANVASES if count > 1 else 0)


# Start-of-frame markers, which carry the size: SOF0-SOF15 but DHT, JPG and DAC.
JPEG_FRAME_MARKERS = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers that stand alone, with no length after them.
JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _jpeg(data):
    """The size in a JPEG's first frame header (the one Pillow reads and decodes)."""
    pos, end = 2, len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            raise Unreadable("JPEG segments out of step")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in JPEG_STANDALONE:
            pos += 2
            continue
        length = struct.unpack_from(">H", data, pos + 2)[0]
        if marker in JPEG_FRAME_MARKERS:
            if pos + 9 > end:
                break
            height, width = struct.unpack_from(">HH", data, pos + 5)
            return Frames(1, width, height)
        if marker in (0xD9, 0xDA):  # end of image, or the data before any frame header
            break
        pos += 2 + length
    raise Unreadable("JPEG without a frame header")


def _color_table_size(flags):
    return 3 << ((flags & 7) + 1) if flags & 0x80 else 0


def _png(data):
    width = height = None
    declared = frame_controls = 0
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = pos + 8
        if kind == b"IHDR" and length >= 8 and body + 8 <= end:
            width, height = struct.unpack_from(">II", data, body)
        elif kind == b"acTL" and length >= 8 and body + 8 <= end and not declared:
            declared = struct.unpack_from(">I", data, body)[0]
        elif kind == b"fcTL":
            frame_controls += 1
        elif kind == b"IEND":
            break
        pos = body + length + 4  # + CRC
    if width is None:
        raise Unreadable("PNG without a header")
    # Pillow believes acTL's frame count; a file may also hold more frames than it says.
    return Frames(max(declared, frame_controls, 1), width, height)


def _webp(data):
    width = height = None
    count = 0
    pos, end = 12, len(data)
    while pos + 8 <= end:
        kind, length = struct.unpack_from("<4sI", data, pos)
        body = pos + 8
        chunk = data[body : body + min(length, 30)]
        if kind == b"VP8X" and len(chunk) >= 10:
            width, height = 1 + _u24(chunk, 4), 1 + _u24(chunk, 7)
        elif kind == b"ANMF":
            count += 1
        elif kind == b"VP8 " and width is None and len(chunk) >= 10:
            width, height = (v & 0x3FFF for v in struct.unpack_from("<HH", chunk, 6))
        elif kind == b"VP8L" and width is None and len(chunk) >= 5:
            bits = int.from_bytes(chunk[1:5], "little")
            width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
        pos = body + length + (length & 1)  # chunks are padded to an even length
    if width is None:
        raise Unreadable("WebP without a size")
    return Frames(max(count, 1), width, height, WEBP_DRAWING_CANVASES)


def _u24(data, at):
    return int.from_bytes(data[at : at + 3], "little")
