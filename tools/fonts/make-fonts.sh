#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerate assets/fonts/SocketLabSans-{Regular,Bold}.otf from Source Han Sans SC.
#
# Needs: npm (to fetch the font package), Debian's fonttools package
# (apt-get install -y fonttools: pyftsubset and python3-fonttools for
# /usr/bin/python3). Build-time only; the app does not need any of this.
#
# usage: tools/fonts/make-fonts.sh            # downloads the pinned npm package
#        SHS_TGZ=/path/to/pkg.tgz tools/fonts/make-fonts.sh   # use a local copy
set -euo pipefail

PKG=node-source-han-sans-sc
VERSION=1.1.0-2.001R
# sha256 of ${PKG}-${VERSION}.tgz as published on the npm registry
# (npm's own integrity: sha512-ICZda+imcAzqrV7OTD+f8yr59oTlHHp22yTyyhhiaivWbi0fvHXJOUxEyQ3l4JuzjksXYijY6busNrRky+GLFw==)
TGZ_SHA256=8552be95fc7d70bbcda0fc829b8fc349a071eac20aeff480f1c8dc94b69d09f3
FAMILY="Socket Lab Sans"

# Debian's python3 has fontTools; a pyenv/venv python3 on PATH may not.
PY=/usr/bin/python3

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/assets/fonts"

"$PY" -c 'import fontTools' 2>/dev/null || {
  echo "error: $PY cannot import fontTools; run: apt-get install -y fonttools" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -n "${SHS_TGZ:-}" ]]; then
  cp "$SHS_TGZ" "$tmp/pkg.tgz"
else
  echo "fetching $PKG@$VERSION from npm ..." >&2
  (cd "$tmp" && npm pack --silent "$PKG@$VERSION" >/dev/null)
  mv "$tmp/$PKG-$VERSION.tgz" "$tmp/pkg.tgz"
fi
echo "$TGZ_SHA256  $tmp/pkg.tgz" | sha256sum -c --quiet - || {
  echo "error: $PKG-$VERSION.tgz does not have the expected sha256" >&2; exit 1; }

tar -xzf "$tmp/pkg.tgz" -C "$tmp" \
  package/SourceHanSansSC-Regular.otf package/SourceHanSansSC-Bold.otf package/LICENSE

"$PY" "$here/codepoints.py" > "$tmp/codepoints.txt"

# Layout features: everything the source has except
#  - locl: its only effect here is to pull in the Japanese/Korean/Traditional
#    Chinese glyph variants of the GB2312 hanzi (+5,800 glyphs, +1.6 MB); the
#    Simplified Chinese forms are the font's defaults;
#  - vertical-writing features (vert, vrt2, vjmo, vhal, vkrn, vpal) and the
#    vhea/vmtx/VORG tables: JavaFX lays text out horizontally only.
FEATURES=aalt,calt,ccmp,dlig,fwid,halt,hist,hwid,kern,liga,ljmo,mark,mkmk,palt,pwid,ruby,tjmo

mkdir -p "$out"
for style in Regular Bold; do
  "$PY" -m fontTools.subset "$tmp/package/SourceHanSansSC-$style.otf" \
    --unicodes-file="$tmp/codepoints.txt" \
    --layout-features="$FEATURES" \
    --layout-scripts='*' \
    --drop-tables+=vhea,vmtx,VORG \
    --notdef-outline \
    --name-IDs='*' \
    --name-languages=0x0409 \
    --output-file="$tmp/subset-$style.otf"
  "$PY" "$here/rename_font.py" "$tmp/subset-$style.otf" "$out/SocketLabSans-$style.otf" \
    --family "$FAMILY" --style "$style"
done

"$PY" - "$out/SocketLabSans-Regular.otf" "$out/SocketLabSans-Bold.otf" <<'PYEOF'
import hashlib, os, sys
from fontTools.ttLib import TTFont
for path in sys.argv[1:]:
    f = TTFont(path)
    n = f["name"]
    names = [n.getDebugName(i) for i in (1, 2, 4, 6)]
    print("%s: %s | glyphs %d | code points %d | %d bytes | sha256 %s" % (
        os.path.basename(path), " / ".join(names), len(f.getGlyphOrder()),
        len(f.getBestCmap()), os.path.getsize(path),
        hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]))
PYEOF
