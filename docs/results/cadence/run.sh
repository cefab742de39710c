#!/usr/bin/env bash
# Issue 35, point 1: does reactivation matter, and does the cadence decide it? The quickstart (Fashion-MNIST, 6,000
# training images, 6 epochs, 75 %) with and without reactivation (method no-reactivation: no re-ranking, masks kept
# through a shrink), at the coincident cadence (architecture step every 0.5 epochs = every pruning event) and a
# staggered one (every 0.25 epochs: every other shrink is followed by 0.25 epochs of dense training before the next
# prune, the official configs' shape), 3 seeds each. About 5 minutes on 2 cores.
# Usage, from the repository root after `mvn -q compile`: bash docs/results/cadence/run.sh [OUT]
set -euo pipefail
OUT=${1:-runs/cadence}
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
st() { OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main "$@"; }
st sweep sample-configs/quickstart.json --grid method=supertickets,no-reactivation \
  --grid search.evalIntervalEpochs=0.5,0.25 --grid seed=1,2,3 --workers 2 --out "$OUT"
st compare "$OUT"/quickstart-* --out docs/results/cadence
