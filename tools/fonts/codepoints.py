#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Print the Unicode code points kept in Socket Lab Sans, one 'U+XXXX' per line.

The set is fixed by this file alone (no dependence on the source font), so the
subset is the same on every run: ASCII, Latin-1 Supplement, General
Punctuation, Arrows, U+2212 MINUS SIGN, every character of GB2312 (all valid
two-byte sequences 0xA1..0xFE x 0xA1..0xFE: the 6763 hanzi plus GB2312's
symbols, pinyin, kana, Greek, Cyrillic and box drawing), CJK Symbols and
Punctuation, and Halfwidth and Fullwidth Forms.
"""
import sys


def codepoints():
    cps = set()
    cps.update(range(0x0020, 0x007F))   # ASCII printable
    cps.update(range(0x00A0, 0x0100))   # Latin-1 Supplement (incl. U+00D7 x)
    cps.update(range(0x2000, 0x2070))   # General Punctuation
    cps.update(range(0x2190, 0x2200))   # Arrows
    cps.add(0x2212)                     # MINUS SIGN
    cps.update(range(0x3000, 0x3040))   # CJK Symbols and Punctuation
    cps.update(range(0xFF00, 0xFFF0))   # Halfwidth and Fullwidth Forms
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            cps.update(ord(c) for c in s)
    return sorted(cps)


def main():
    out = sys.stdout
    for cp in codepoints():
        out.write("U+%04X\n" % cp)


if __name__ == "__main__":
    main()
