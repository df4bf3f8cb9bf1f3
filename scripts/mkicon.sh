#!/bin/sh
# Build assets/icon.png, the 512x512 app icon: the character 绩 in white,
# centred on a deep blue (#1f4e8c) rounded square, drawn with the bundled
# font assets/NotoSansSC-Regular.ttf (make it first: python3 scripts/mkfont.py).
# Needs ImageMagick (Debian: apt-get install imagemagick).
#
#   sh scripts/mkicon.sh
set -eu
cd "$(dirname "$0")/.."

font=assets/NotoSansSC-Regular.ttf
out=assets/icon.png
[ -f "$font" ] || { echo "mkicon.sh: $font missing; run python3 scripts/mkfont.py" >&2; exit 1; }

# The glyph is rendered on its own, trimmed to its ink, and composited at the
# centre, so it is centred optically rather than by the font's line metrics.
# -strip and the excluded chunks keep the PNG byte-for-byte reproducible.
convert -size 512x512 xc:none \
	-fill '#1f4e8c' -draw 'roundrectangle 0,0 511,511 96,96' \
	\( -background none -fill white -font "$font" -pointsize 400 label:绩 -trim +repage \) \
	-gravity center -compose over -composite \
	-strip -define png:exclude-chunks=date,time \
	PNG32:"$out"

echo "wrote $out"
