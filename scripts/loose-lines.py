#!/usr/bin/env python3
"""How loose the text runs of a rendered PDF are, read from outside the product.

Every text run banmian writes is one BT … TJ … ET block whose numbers move a glyph away
from where the font's advance would put it. A justified run stretched by s em per gap
carries -1000·s between every two glyphs; a squeezed mark carries a positive number; a
Han–Latin quarter em -250 at one or two places. The run's stretch is the median over all
its gaps (a gap without a number counts 0), so marks and quarter ems do not count.

Usage: scripts/loose-lines.py FILE.pdf [--min-size 8 --max-size 11]
Prints the runs of body-sized text (size within the bounds, in pt) and how many are
stretched more than 0.05, 0.1 and 0.25 em per gap, and the most. Needs qpdf.
"""
import argparse
import re
import statistics
import subprocess
import sys
import tempfile

TOKEN = re.compile(rb"<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)|(-?[0-9.]+)")


def glyph_count(hex_text, literal, two_byte):
    if hex_text is not None:
        return len(hex_text) // (4 if two_byte else 2)
    body = re.sub(rb"\\([0-7]{1,3}|.)", b"x", literal)
    return len(body) // 2 if two_byte else len(body)


def runs(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, tmp.name], check=True)
        data = open(tmp.name, "rb").read()
    size = 0.0
    for block in re.finditer(rb"BT\n(.*?)\nET", data, re.S):
        text = block.group(1)
        for m in re.finditer(rb"/F\d+ ([0-9.]+) Tf", text):
            size = float(m.group(1))
        for tj in re.finditer(rb"\[(.*?)\] TJ", text, re.S):
            gaps = []
            glyphs = 0
            for t in TOKEN.finditer(tj.group(1)):
                if t.group(3) is not None:
                    if glyphs:
                        gaps[-1] = -float(t.group(3)) / 1000
                    continue
                n = glyph_count(t.group(1), t.group(2), True)
                if n == 0:
                    continue
                if glyphs:
                    gaps.append(0.0)
                gaps.extend([0.0] * (n - 1))
                glyphs += n
                gaps.append(0.0)  # after the string, replaced by a number that follows
            if gaps:
                gaps.pop()  # nothing follows the last glyph
            if gaps:
                yield size, statistics.median(gaps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--min-size", type=float, default=8)
    ap.add_argument("--max-size", type=float, default=11)
    a = ap.parse_args()
    stretch = [s for size, s in runs(a.pdf) if a.min_size <= size <= a.max_size]
    over = lambda x: sum(1 for s in stretch if s > x)
    print(f"{a.pdf}: {len(stretch)} runs; >0.05 em {over(0.05)}; >0.1 em {over(0.1)}; "
          f">0.25 em {over(0.25)}; most {max(stretch, default=0):.3f} em")


if __name__ == "__main__":
    sys.exit(main())
