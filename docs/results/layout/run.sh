#!/usr/bin/env bash
# Issue 33: does the default activation layout change what a run learns? quickstart.json on seeds 1-3, once forced
# to NCHW and once with the machine's default (on an Intel CPU with AVX-512: channels-last while every width is a
# multiple of 8, i.e. until the first shrink, then NCHW; elsewhere NCHW, and the two halves are then the same run),
# the same config renamed so `compare` keeps the two apart; paired over seeds, on validation and on test. Two
# PyTorch threads per run, one run at a time (about 45 s each on 2 idle cores). The layout is a speed choice: no
# setting is chosen here. As run on 2026-12-08: Intel Xeon, family 6 model 167 (lscpu), avx512f.
# Usage, from the repository root after `mvn -q compile`:  bash docs/results/layout/run.sh [OUT=runs/layout]
set -euo pipefail
OUT=${1:-runs/layout}
D=docs/results/layout
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mkdir -p "$OUT"
for layout in nchw default; do
  python3 -c "import json,sys; c=json.load(open('sample-configs/quickstart.json')); c['name']='quickstart-$layout'; \
json.dump(c, open('$OUT/quickstart-$layout.json','w'), indent=1)"
  for seed in 1 2 3; do
    SUPERTICKETS_ACTIVATIONS=$([ $layout = nchw ] && echo nchw) java -cp "target/classes:$(cat target/classpath.txt)" \
      org.supertickets.cli.Main run "$OUT/quickstart-$layout.json" --seed $seed --quiet --out "$OUT/$layout"
  done
done
java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main compare "$OUT"/nchw/* \
  "$OUT"/default/* --out $D
python3 src/scripts/paired_tests.py --metric validation_accuracy --by name $D/comparison.csv \
  quickstart-default:quickstart-nchw > $D/paired-tests-validation.csv
python3 src/scripts/paired_tests.py --by name $D/comparison.csv quickstart-default:quickstart-nchw \
  > $D/paired-tests.csv
