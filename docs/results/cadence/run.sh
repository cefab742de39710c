#!/usr/bin/env bash
# Issue 35, point 1: does reactivation matter, does the cadence decide it, and does recovery time after the last
# prune change the picture? The quickstart (Fashion-MNIST, 6,000 training images, 6 epochs, 75 %) with and without
# reactivation (method no-reactivation: no re-ranking, masks kept through a shrink), at the coincident cadence
# (architecture step every 0.5 epochs = every pruning event) and a staggered one (every 0.25 epochs: every other
# shrink is followed by 0.25 epochs of dense training before the next prune, the official configs' shape), 3 seeds
# each; then every ticket retrained with architecture and masks frozen for a quarter of its run (`finetune`, 1.5
# epochs: the official "SuperTicket + retraining", i.e. recovery time after the last prune, which the ticket taken
# right after that prune does not get). About 10 minutes on 2 idle cores.
# Usage, from the repository root after `mvn -q compile`: bash docs/results/cadence/run.sh [OUT]
set -euo pipefail
OUT=${1:-runs/cadence}
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
st() { OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main "$@"; }
st sweep sample-configs/quickstart.json --grid method=supertickets,no-reactivation \
  --grid search.evalIntervalEpochs=0.5,0.25 --grid seed=1,2,3 --workers 2 --out "$OUT"
# two finetunes at a time, one thread each, like the sweep
ls -d "$OUT"/quickstart-*/ticket | xargs -P 2 -I{} bash -c \
  'OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main finetune {} --quiet --out "$0/finetuned"' "$OUT"
st compare "$OUT"/quickstart-* "$OUT"/finetuned/* --out docs/results/cadence
# the paired tests of results.md (two-sided, Holm over the pairs of each call): test accuracy, then validation
S=quickstart-supertickets-evalIntervalEpochs; N=quickstart-no-reactivation-evalIntervalEpochs
python3 src/scripts/paired_tests.py --by name docs/results/cadence/comparison.csv $S\_0.5:$N\_0.5 $S\_0.25:$N\_0.25 \
  $S\_0.25:$S\_0.5 $S\_0.5-finetune:$N\_0.5-finetune $S\_0.25-finetune:$N\_0.25-finetune $S\_0.25-finetune:$S\_0.5-finetune \
  $S\_0.5-finetune:$S\_0.5 $S\_0.25-finetune:$S\_0.25 $N\_0.5-finetune:$N\_0.5 $N\_0.25-finetune:$N\_0.25 \
  > docs/results/cadence/paired-tests.csv
python3 src/scripts/paired_tests.py --metric validation_accuracy --by name docs/results/cadence/comparison.csv \
  $S\_0.5:$N\_0.5 $S\_0.5-finetune:$N\_0.5-finetune $S\_0.25:$N\_0.25 $S\_0.25-finetune:$N\_0.25-finetune \
  > docs/results/cadence/paired-tests-validation.csv
