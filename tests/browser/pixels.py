"""Grey values of a screenshot, read with the standard library (Chromium's PNGs: 8 bit, RGB(A))."""

from __future__ import annotations

import struct
import zlib


def grey_rows(png: bytes) -> list[list[int]]:
    """The image as rows of grey values 0 (black) … 255 (white)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("kein PNG")
    offset, data, width, height, channels = 8, b"", 0, 0, 0
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        chunk = png[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"nicht unterstütztes PNG (Tiefe {depth}, Farbtyp {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        offset += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    rows: list[list[int]] = []
    previous = bytearray(stride)
    position = 0
    for _ in range(height):
        kind, line = raw[position], bytearray(raw[position + 1 : position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                nearest = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + nearest) & 0xFF
        rows.append(
            [
                (line[x] * 299 + line[x + 1] * 587 + line[x + 2] * 114) // 1000
                for x in range(0, stride, channels)
            ]
        )
        previous = line
    return rows


def column_darkness(png: bytes, *, from_right: int) -> float:
    """Mean darkness (0 white … 255 black) of one pixel column, counted from the right edge."""
    rows = grey_rows(png)
    values = [255 - row[len(row) - 1 - from_right] for row in rows]
    return sum(values) / len(values)
