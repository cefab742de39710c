#!/usr/bin/env bash
# Issue 35, points 1 and 3: recovery time after the last prune (the official "SuperTicket + retraining": the ticket
# retrained with architecture and masks frozen for a quarter of its run, `finetune`), CHOSEN ON VALIDATION and
# CONFIRMED ON FRESH SEEDS.
#   1. Choice, on seeds 4-6 (the runs of docs/results/fresh-seeds/run.sh, in $FRESH): each best ticket against the
#      same ticket after recovery, by validation accuracy (paired over seeds).
#   2. Confirmation, on seeds 7-9, never used in any choice: the best setting run anew and recovered, its test
#      accuracy against the dense supernet of seeds 4-6 (Welch; the dense supernet on seeds 7-9 did not fit beside
#      these runs on two cores) and against the tickets of the same seeds.
# One PyTorch thread per run, two at a time: about 25 minutes per best run and 6 per recovery on 2 idle cores.
# As run on 2026-12-07 the seed-9 run waited for seed 8 in one queue and seed 7 ran in another (the same commands).
# Usage, from the repository root after `mvn -q compile`:
#   bash docs/results/recovery/run.sh [FRESH=runs/fresh-seeds] [OUT=runs/recovery]
set -euo pipefail
FRESH=${1:-runs/fresh-seeds}
OUT=${2:-runs/recovery}
D=docs/results/recovery
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
st() { OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main "$@"; }
recover() { # every ticket named, two at a time, into $1
  local into=$1; shift
  printf '%s\n' "$@" | xargs -P 2 -I{} bash -c 'OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" \
    org.supertickets.cli.Main finetune {} --quiet --out "$0"' "$into"
}

# 1. the choice, on validation (seeds 4-6)
recover "$OUT/selection" $(ls -d "$FRESH"/best*/fashion-mnist-best-*/ticket)
st compare "$FRESH"/best*/fashion-mnist-best-* "$OUT"/selection/* "$FRESH"/dense*/fashion-mnist-official-dense-* \
  --out $D/selection
python3 src/scripts/paired_tests.py --metric validation_accuracy --by name $D/selection/comparison.csv \
  fashion-mnist-best-finetune:fashion-mnist-best > $D/selection/paired-tests-validation.csv
python3 src/scripts/paired_tests.py --by name $D/selection/comparison.csv \
  fashion-mnist-best-finetune:fashion-mnist-best fashion-mnist-official-dense:fashion-mnist-best-finetune \
  > $D/selection/paired-tests.csv

# 2. the confirmation (seeds 7-9)
st sweep sample-configs/fashion-mnist-best.json --grid seed=7,8,9 --workers 2 --out "$OUT/best"
recover "$OUT/confirmation" $(ls -d "$OUT"/best/fashion-mnist-best-*/ticket)
st compare "$OUT"/best/fashion-mnist-best-* "$OUT"/confirmation/* "$FRESH"/dense*/fashion-mnist-official-dense-* \
  --out $D/confirmation
python3 src/scripts/paired_tests.py --by name $D/confirmation/comparison.csv \
  fashion-mnist-best-finetune:fashion-mnist-best > $D/confirmation/paired-tests.csv
python3 src/scripts/paired_tests.py --welch --by name $D/confirmation/comparison.csv \
  fashion-mnist-official-dense:fashion-mnist-best-finetune fashion-mnist-official-dense:fashion-mnist-best \
  > $D/confirmation/welch-tests.csv
