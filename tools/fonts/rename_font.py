#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Rename a subset of Source Han Sans SC to "Socket Lab Sans".

The SIL OFL 1.1 reserves the font name "Source", so a modified version (our
subset) must not present itself under it. This rewrites every name a program
shows or matches on:

  * the 'name' table: IDs 1 (family), 2 (style), 3 (unique ID), 4 (full
    name), 5 (version), 6 (PostScript name), 10 (description); IDs 16/17/18/
    21/22/25 (typographic and variation names) are removed, as are the
    manufacturer (8) and vendor URL (11) of the original, and every record
    that is not Windows/Unicode English (e.g. the Chinese family name);
    the copyright (0), trademark (7), designers (9) and licence (13, 14)
    are kept, as the OFL asks;
  * the CFF table: the font name (CIDFontName), FullName, FamilyName and, for
    a CID-keyed font, the FontName of each FDArray entry;
  * OS/2 achVendID ('ADBO' -> 'NONE'), since Adobe did not make this version.

The head.modified time stamp is left as it is in the source, so the output
only depends on the input.

usage: rename_font.py IN.otf OUT.otf --family "Socket Lab Sans" --style Regular
"""
import argparse
import sys

from fontTools.ttLib import TTFont

WIN = (3, 1, 0x409)  # platform Windows, encoding Unicode BMP, English (US)
DROP_IDS = {8, 11, 16, 17, 18, 21, 22, 25}


def rename(src, dst, family, style):
    font = TTFont(src, recalcTimestamp=False, recalcBBoxes=False)
    name = font["name"]

    old_style = name.getName(2, *WIN)
    if old_style is None or old_style.toUnicode() != style:
        sys.exit("%s: style is %r, expected %r" % (src, old_style and old_style.toUnicode(), style))
    old_ps = name.getName(6, *WIN).toUnicode()

    ps_family = family.replace(" ", "")
    ps_name = "%s-%s" % (ps_family, style)
    full_name = "%s %s" % (family, style)
    version = "%.3f" % font["head"].fontRevision

    # Keep only Windows English records, minus the ones we drop.
    name.names = [r for r in name.names
                  if (r.platformID, r.platEncID, r.langID) == WIN and r.nameID not in DROP_IDS]
    new = {
        1: family,
        2: style,
        3: "%s;NONE;%s" % (version, ps_name),
        4: full_name,
        5: "Version %s; Socket Lab subset" % version,
        6: ps_name,
        10: ("%s is a modified version (subset, renamed) of Source Han Sans SC, "
             "made for Socket Lab. Licensed under the SIL Open Font License 1.1." % full_name),
    }
    for name_id, text in new.items():
        name.setName(text, name_id, *WIN)
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))

    # CFF names.
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    cff.fontNames = [ps_name]
    top.FullName = full_name
    top.FamilyName = family
    if hasattr(top, "FDArray"):
        for fd in top.FDArray:
            fd_name = getattr(fd, "FontName", None)
            if fd_name is None:
                continue
            if fd_name.startswith(old_ps):
                fd.FontName = ps_name + fd_name[len(old_ps):]
            else:
                fd.FontName = ps_name + "-" + fd_name.rsplit("-", 1)[-1]

    font["OS/2"].achVendID = "NONE"

    font.save(dst)
    font.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--family", required=True)
    ap.add_argument("--style", required=True, choices=["Regular", "Bold"])
    args = ap.parse_args()
    rename(args.src, args.dst, args.family, args.style)


if __name__ == "__main__":
    main()
