#!/usr/bin/env python3
"""Draws packaging/icon.png (42 x 42, the Extension Manager's size): three rising bars on a
blue rounded square. Kept as code so the icon can be redrawn without an image editor;
only the standard library, so it runs anywhere python3 does."""
import struct
import sys
import zlib

SIZE = 42
RADIUS = 7
BLUE = (30, 111, 184, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
# (left, right, top) of each bar; bars stand on y = 33.
BARS = [(9, 15, 24), (18, 24, 17), (27, 33, 9)]
BASE = 33


def inside_rounded_square(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def pixel(x, y):
    if not inside_rounded_square(x, y):
        return CLEAR
    for left, right, top in BARS:
        if left <= x <= right and top <= y <= BASE:
            return WHITE
    return BLUE


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png():
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE))
                    for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "icon.png", "wb") as out:
        out.write(png())
