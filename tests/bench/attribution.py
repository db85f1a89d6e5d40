#!/usr/bin/env python3
"""Run the attribution engine over a JSONL corpus for scoring.

    python tests/bench/attribution.py IN.jsonl OUT.jsonl

IN: one JSON object per line with "id" and "text". OUT: one object per line,
{"id", "quotes": [{"start", "end", "speaker"}]}, from the same engine as `desk check`
(spelling off). The corpus is read at run time and never stored in the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desk.checks.engine import check_text  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = argv
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for line in fin:
            line = line.strip()
            if not line:
                continue
            doc = json.loads(line)
            report = check_text(doc["text"], spelling=False)
            # titles and nicknames in quotation marks are reported to the editor, but are nobody's words
            quotes = [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in report.quotes if not q.term]
            fout.write(json.dumps({"id": doc["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
