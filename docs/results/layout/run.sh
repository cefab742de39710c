#!/usr/bin/env bash
# Issue 33: does the default activation layout change what a run learns? A config on a few seeds, once with the
# machine's default and once forced to NCHW, the same config renamed so `compare` keeps the two apart; paired over
# seeds, on validation and on test. On an Intel CPU with AVX-512 the default is channels-last, and a block whose
# branches a shrink has left at odd widths runs as one wide branch padded with zero channels (model.ChannelPadding);
# elsewhere it is NCHW, and the two halves are then the same run. Two PyTorch threads per run, one run at a time.
# The layout is a speed choice: no setting is chosen here. As run on 2026-12-08: Intel Xeon, family 6 model 167
# (lscpu), avx512f: quickstart on seeds 1-6 (results in this folder; "1 2 3", then "4 5 6"), fashion-mnist on
# seeds 1-3 (in fashion-mnist/; "1 2", then "3"). A later call adds its seeds to the runs already in OUT.
# Usage, from the repository root after `mvn -q compile`:
#   bash docs/results/layout/run.sh [CONFIG=quickstart] [SEEDS="1 2 3"] [OUT=runs/layout]
set -euo pipefail
CONFIG=${1:-quickstart}
SEEDS=${2:-1 2 3}
OUT=${3:-runs/layout}/$CONFIG
D=docs/results/layout
[ "$CONFIG" = quickstart ] || D=$D/$CONFIG
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mkdir -p "$OUT" "$D"
for layout in default nchw; do
  python3 -c "import json,sys; c=json.load(open('sample-configs/$CONFIG.json')); c['name']='$CONFIG-$layout'; \
json.dump(c, open('$OUT/$CONFIG-$layout.json','w'), indent=1)"
  for seed in $SEEDS; do
    SUPERTICKETS_ACTIVATIONS=$([ $layout = nchw ] && echo nchw) java -cp "target/classes:$(cat target/classpath.txt)" \
      org.supertickets.cli.Main run "$OUT/$CONFIG-$layout.json" --seed $seed --quiet --out "$OUT/$layout"
  done
done
java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main compare "$OUT"/nchw/* \
  "$OUT"/default/* --out $D
python3 src/scripts/paired_tests.py --metric validation_accuracy --by name $D/comparison.csv \
  $CONFIG-default:$CONFIG-nchw > $D/paired-tests-validation.csv
python3 src/scripts/paired_tests.py --by name $D/comparison.csv $CONFIG-default:$CONFIG-nchw \
  > $D/paired-tests.csv
