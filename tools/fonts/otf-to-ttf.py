#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Converts a CFF OpenType font (SocketLabSans-*.otf) to TrueType outlines (glyf), for the PDF
handouts: Apache PDFBox embeds (and subsets) TrueType outlines, but CFF ones only when every
CID equals its glyph id, which a subset CID-keyed font does not keep.

    /usr/bin/python3 tools/fonts/otf-to-ttf.py in.otf out.ttf

Cubic curves become quadratic ones within 1 font unit (fontTools' cu2qu); names, metrics,
cmap and layout tables are kept. Run with Debian's python3-fonttools (a build-time tool only).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0


def convert(source, target):
    font = TTFont(source)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
