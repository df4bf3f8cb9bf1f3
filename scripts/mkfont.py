#!/usr/bin/env python3
"""Build assets/NotoSansSC-Regular.ttf, the CJK font bundled with jixiao.

It takes the Noto Sans CJK SC Regular face out of Debian's fonts-noto-cjk
collection, subsets it to what a Chinese government office types (every
character encodable in GBK plus a few extra symbol ranges), converts the CFF
outlines to TrueType (glyf) quadratic outlines, drops hinting and layout
tables, and renames the family to "Jixiao Noto Sans SC".

Needs only Debian's python3-fonttools (apt-get install fonts-noto-cjk
python3-fonttools). Run from anywhere:

    python3 scripts/mkfont.py

Debian's /usr/bin/python3 has fontTools; a pyenv/venv python3 may not, so
this script re-executes itself under /usr/bin/python3 if the import fails.
"""

import os
import sys

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SOURCE_FAMILY = "Noto Sans CJK SC"
SOURCE_STYLE = "Regular"

FAMILY = "Jixiao Noto Sans SC"
STYLE = "Regular"
PS_NAME = "JixiaoNotoSansSC-Regular"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "assets", "NotoSansSC-Regular.ttf")

MAX_ERR = 1.0  # cu2qu approximation error, in font units (1000 per em)


def gbk_codepoints():
    """Every BMP code point Python's GBK codec can encode (C0/DEL excluded)."""
    out = set()
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        if cp < 0x20 or cp == 0x7F:
            continue  # control characters: no glyphs, nothing to draw
        out.add(cp)
    return out


def wanted_codepoints():
    cps = set(range(0x20, 0x7F))          # printable ASCII
    cps |= set(range(0xA0, 0x100))        # Latin-1 supplement
    cps |= gbk_codepoints()
    cps |= set(range(0xFF01, 0xFF5F))     # full-width forms ！..～
    cps |= set(range(0x3000, 0x3040))     # CJK symbols and punctuation
    cps |= set(range(0x2000, 0x2070))     # general punctuation
    cps |= set(range(0x2460, 0x2474))     # ① .. ⑳
    cps |= {
        0x2265, 0x2264,  # ≥ ≤
        0x00D7, 0x00F7, 0x00B1,  # × ÷ ±
        0x2116,  # №
        0x2030,  # ‰
        0x2103,  # ℃
        0x20AC,  # €
    }
    return cps


def find_face(path, family, style):
    """Index of the face in a TTC whose name table says family/style."""
    coll = TTCollection(path, lazy=True)
    for i, font in enumerate(coll.fonts):
        name = font["name"]
        fam = name.getDebugName(16) or name.getDebugName(1)
        sub = name.getDebugName(17) or name.getDebugName(2)
        if fam == family and sub == style:
            return i
    raise SystemExit(f"{path}: no face named {family!r} {style!r}")


def cff_to_glyf(font):
    """Replace CFF outlines by quadratic glyf outlines (fontTools otf2ttf)."""
    assert font.sfntVersion == "OTTO" and "CFF " in font
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes bounding boxes

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)  # lsb = xMin in glyf fonts

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)  # recalculates numGlyphs, maxPoints, maxContours

    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID names (cid01234) are useless
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font):
    """Give the font its own family name (see assets/README.md)."""
    name = font["name"]
    copyright_ = name.getDebugName(0) or "\u00a9 2014-2021 Adobe (http://www.adobe.com/)."
    version = font["head"].fontRevision
    entries = {
        0: copyright_ + " Modified for jixiao: subset to GBK, converted to TrueType, renamed.",
        1: FAMILY,
        2: STYLE,
        3: f"{version:.3f};JIXIAO;{PS_NAME}",
        4: FAMILY,
        6: PS_NAME,
    }
    # Keep Windows (platform 3) records only, which every current renderer
    # reads, and none that still carry the original names: drop the
    # typographic family/subfamily (16/17) and the CID font name (20).
    name.names = [r for r in name.names
                  if r.platformID == 3 and r.nameID not in entries
                  and r.nameID not in (16, 17, 20)]
    for name_id, text in entries.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US


# The one GBK character (GBK A8 50, ≒) that no face of Noto Sans CJK has.
KNOWN_MISSING = {0x2252}


def verify(path):
    """Re-read the written font and check it is what the app expects."""
    font = TTFont(path)
    assert font.sfntVersion == "\x00\x01\x00\x00", "not TrueType"
    assert "glyf" in font and "loca" in font and "CFF " not in font
    assert font["head"].glyphDataFormat == 0
    assert font["maxp"].tableVersion == 0x00010000
    assert font.getGlyphOrder()[0] == ".notdef"
    assert font["glyf"][".notdef"].numberOfContours > 0, ".notdef has no outline"
    assert font["name"].getDebugName(1) == FAMILY
    cmap = font.getBestCmap()
    gbk = gbk_codepoints()
    missing = sorted(cp for cp in gbk if cp not in cmap and cp not in KNOWN_MISSING)
    assert not missing, "GBK characters without a glyph: " + " ".join(
        f"U+{cp:04X}" for cp in missing)
    covered = sum(1 for cp in gbk if cp in cmap)
    for ch in "郑绩≥１淼A€℃№‰①⑳，。、“”《》":
        assert ord(ch) in cmap, ch
    print(f"verified: {covered} of {len(gbk)} GBK characters (C0 controls excluded) "
          f"have glyphs; missing only {' '.join(f'U+{c:04X}' for c in sorted(KNOWN_MISSING))}; "
          f"cmap has {len(cmap)} code points")


def main():
    index = find_face(SOURCE, SOURCE_FAMILY, SOURCE_STYLE)
    print(f"{SOURCE}: face {index} is {SOURCE_FAMILY} {SOURCE_STYLE}")
    font = TTFont(SOURCE, fontNumber=index, recalcBBoxes=True, recalcTimestamp=False)

    cmap = font.getBestCmap()
    wanted = wanted_codepoints()
    have = sorted(cp for cp in wanted if cp in cmap)
    lacking = sorted(cp for cp in gbk_codepoints() if cp not in cmap)
    print(f"wanted {len(wanted)} code points, source font has {len(have)}")
    if lacking:
        print("GBK characters the source font lacks:",
              " ".join(f"U+{cp:04X}" for cp in lacking))

    opts = subset.Options()
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG",
                         "vhea", "vmtx", "DSIG", "meta"]
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_glyph = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.recalc_bounds = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=have)
    sub.subset(font)

    cff_to_glyf(font)
    rename(font)

    keep = {"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post",
            "glyf", "loca"}
    for tag in list(font.keys()):
        if tag != "GlyphOrder" and tag not in keep:
            del font[tag]

    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    font.save(OUTPUT)
    print(f"wrote {OUTPUT}: {os.path.getsize(OUTPUT)} bytes, "
          f"{font['maxp'].numGlyphs} glyphs, tables {sorted(font.keys())}")
    verify(OUTPUT)


if __name__ == "__main__":
    main()
