#!/bin/sh
# Every benchmark, one after another. Usage: sh tests/bench/run_all.sh PYTHON
PY=${1:-python3}
set -e
for script in tests/bench/bench_*.py; do
    echo "== $script"
    "$PY" "$script"
done
if [ -f tests/bench/attribution.py ]; then
    echo "== attribution accuracy on ../shared/corpora/polnear-quotes/quotes-dev.jsonl"
    out=$(mktemp)
    "$PY" tests/bench/attribution.py ../shared/corpora/polnear-quotes/quotes-dev.jsonl "$out"
    "$PY" ../shared/corpora/polnear-quotes/score.py ../shared/corpora/polnear-quotes/quotes-dev.jsonl "$out"
    rm -f "$out"
fi
