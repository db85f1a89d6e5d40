"""Build the spelling data into the cache folder now, so no desk builds it on first use.

    python -m desk.checks.spelling.build [--cache-dir DIR]

Compiles the word lists and builds the suggestion index (a few seconds, under 150 MB)
into DIR, by default desk's user cache folder (desk.paths.cache_dir); both are kept
when current. `make .venv/.desk-installed` runs it, so `make run` and `make test` start
ready; the bundle's spec builds its prebuilt index with the same SpellChecker.load().
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .checker import SpellChecker


def build(cache_dir: Path | None = None) -> SpellChecker:
    """The checker with everything loaded, built into ``cache_dir`` (default: the user's
    cache folder) when not there yet."""
    checker = SpellChecker(cache_dir=cache_dir if cache_dir is not None else True)
    checker.load()
    return checker


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m desk.checks.spelling.build",
                                 description="Build desk's spelling data into its cache folder.")
    ap.add_argument("--cache-dir", type=Path, help="where (default: desk's user cache folder)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    checker = build(args.cache_dir)
    where = args.cache_dir if args.cache_dir is not None else checker.cache_dir
    built = checker.timings.get("index_built") or checker.timings.get("lexicon_compiled")
    print(f"desk: spelling data {'built' if built else 'already current'} in {where} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
