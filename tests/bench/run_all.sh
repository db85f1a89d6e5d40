#!/bin/sh
# Every benchmark, one after another. Usage: sh tests/bench/run_all.sh PYTHON
PY=${1:-python3}
set -e
for script in tests/bench/bench_*.py; do
    echo "== $script"
    "$PY" "$script"
done
if [ -d ../shared/corpora/polnear-quotes ]; then
    # tune part (rules were written looking at it) and held-out part (never looked at)
    echo "== attribution accuracy on ../shared/corpora/polnear-quotes (tune / held-out)"
    "$PY" tests/bench/attribution_split.py
fi
