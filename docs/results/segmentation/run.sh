#!/usr/bin/env bash
# Issue 29's science, end to end (docs/results.md, "A second task: segmentation"): tickets drawn directly on
# segmentation against the dense supernet, NAS only and pruning only; a density floor chosen on validation and
# confirmed on fresh seeds; tickets drawn on Fashion-MNIST classification moved to segmentation against their
# controls. About 75 minutes on 2 cores.
# Usage, from the repository root after `mvn -q compile`: bash docs/results/segmentation/run.sh [OUT]
set -euo pipefail
OUT=${1:-runs/segmentation-science}
HERE=docs/results/segmentation
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# One PyTorch thread per run and two runs at once: on 2 cores this is faster than one run on two threads, and it
# keeps OpenMP from spinning whenever anything else runs.
st() { OMP_NUM_THREADS=1 java -cp "target/classes:$(cat target/classpath.txt)" org.supertickets.cli.Main "$@"; }

# 1. Directly on segmentation, 90 % weight sparsity (seeds 1-3).
st sweep "$HERE/seg-science.json" --grid method=supertickets,dense,nas-only,prune-only --grid seed=1,2,3 \
  --workers 2 --out "$OUT/direct"
# 2. Our density floor (pruning.minLayerDensity), chosen on the validation mIoU of seeds 1-3 ...
st sweep "$HERE/seg-science.json" --grid pruning.minLayerDensity=0.02,0.05 --grid seed=1,2,3 --workers 2 \
  --out "$OUT/direct-floor"
python3 "$HERE/validation_miou.py" "$OUT"/direct/seg-science-supertickets-* "$OUT"/direct-floor/seg-science-* \
  > "$HERE/floor-validation.csv"
# ... and confirmed on fresh seeds 4-6 against dense.
st sweep "$HERE/seg-science.json" --grid method=supertickets,dense --grid pruning.minLayerDensity=0.05 \
  --grid seed=4,5,6 --workers 2 --out "$OUT/direct-confirm"
# 3. The ticket at 75 % (the quickstart's target): how the gap depends on the sparsity.
st sweep "$HERE/seg-science.json" --grid pruning.targetSparsity=0.75 --grid seed=1,2,3 --workers 2 \
  --out "$OUT/direct-75"

# 4. Transfer: classification tickets (90 % and 75 %) and the dense run's unpruned supernet, moved to segmentation
# for 2 epochs of the 4,000 training canvases at the source's batch 64 (a third of the images a direct run sees),
# no search or pruning, scored on the same 1,000 test canvases as the direct runs.
st sweep "$HERE/cls-science.json" --grid method=supertickets,dense --grid seed=1,2,3 --workers 2 --out "$OUT/source"
st sweep "$HERE/cls-science.json" --grid pruning.targetSparsity=0.75 --grid seed=1,2,3 --workers 2 \
  --out "$OUT/source-75"
transfer() { st transfer "$1" --task segmentation --train-limit 4000 --test-limit 1000 --epochs 2 --quiet "${@:2}"; }
for seed in 1 2 3; do
  t90=$(ls -d "$OUT"/source/cls-science-supertickets-seed?${seed}-*/ticket | head -1)
  t75=$(ls -d "$OUT"/source-75/cls-science-targetSparsity?0.75-seed?${seed}-*/ticket | head -1)
  dense=$(ls -d "$OUT"/source/cls-science-dense-seed?${seed}-*/ticket | head -1)
  for weights in ticket rewound random; do
    transfer "$t90" --weights "$weights" --out "$OUT/transfer" &
    transfer "$t75" --weights "$weights" --out "$OUT/transfer-75"
    wait
  done
  transfer "$dense" --out "$OUT/transfer-dense-body"
done

# 5. The committed data: every run's row and the paired tests (two-sided, Holm over each comparison).
st compare "$OUT"/direct/seg-science-* --out "$HERE/direct"
st compare "$OUT"/direct/seg-science-supertickets-* "$OUT"/direct-floor/seg-science-* "$OUT"/direct-75/seg-science-* \
  --out "$HERE/direct-variants"
st compare "$OUT"/direct-confirm/seg-science-* --out "$HERE/confirm"
st compare "$OUT"/source/cls-science-* "$OUT"/source-75/cls-science-* --out "$HERE/source"
st compare "$OUT"/transfer/* "$OUT"/transfer-dense-body/* --out "$HERE/transfer-90"
st compare "$OUT"/transfer-75/* "$OUT"/transfer-dense-body/* --out "$HERE/transfer-75"
# Pairs across those folders (the 75 % ticket against dense; the ticket drawn directly against the transferred one).
(cat "$HERE/direct/comparison.csv"; for d in direct-variants transfer-90 transfer-75; do
   tail -n +2 "$HERE/$d/comparison.csv"; done) | awk -F, '!seen[$1]++' > "$OUT/all.csv"
python3 src/scripts/paired_tests.py --by name --metric test_mean_iou "$OUT/all.csv" \
  seg-science-dense:seg-science-targetSparsity_0.75 \
  seg-science-supertickets:cls-science-supertickets-to-fashion-mnist-canvas \
  seg-science-targetSparsity_0.75:cls-science-targetSparsity_0.75-to-fashion-mnist-canvas > "$HERE/cross-paired.csv"
