#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Draws Socket Lab's window icon: a coat-check ticket numbered 3 on a blue tile.

Run with Debian's python3 (it has Pillow): /usr/bin/python3 tools/icons/make-icons.py
Writes assets/icons/socket-lab-{16,32,48,64,128,256}.png.
"""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "icons"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
S = 1024  # draw big, scale down for crisp small sizes


def draw() -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # tile: vertical gradient from #3b7cf0 to #2051b8, rounded
    tile = Image.new("RGBA", (S, S))
    td = ImageDraw.Draw(tile)
    for y in range(S):
        t = y / (S - 1)
        c = tuple(int(a + (b - a) * t) for a, b in zip((59, 124, 240), (32, 81, 184))) + (255,)
        td.line([(0, y), (S, y)], fill=c)
    mask = Image.new("L", (S, S), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40, 40, S - 40, S - 40], radius=210, fill=255)
    img.paste(tile, (0, 0), mask)
    # ticket: white rounded rectangle with two half-circle notches
    tk = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    kd = ImageDraw.Draw(tk)
    box = [190, 300, S - 190, S - 300]
    kd.rounded_rectangle(box, radius=60, fill=(255, 255, 255, 255))
    r = 70
    cy = (box[1] + box[3]) // 2
    kd.ellipse([box[0] - r, cy - r, box[0] + r, cy + r], fill=(0, 0, 0, 0))
    kd.ellipse([box[2] - r, cy - r, box[2] + r, cy + r], fill=(0, 0, 0, 0))
    # perforation line
    px = box[0] + 250
    for y in range(box[1] + 40, box[3] - 30, 56):
        kd.rounded_rectangle([px - 9, y, px + 9, y + 28], radius=8, fill=(32, 81, 184, 255))
    font = ImageFont.truetype(FONT, 330)
    text = "3"
    w = kd.textlength(text, font=font)
    kd.text(((px + box[2]) / 2 - w / 2, cy - 205), text, font=font, fill=(32, 81, 184, 255))
    tk = tk.rotate(-12, resample=Image.BICUBIC, center=(S / 2, S / 2))
    img.alpha_composite(tk)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    for size in (16, 32, 48, 64, 128, 256):
        big.resize((size, size), Image.LANCZOS).save(OUT / f"socket-lab-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
