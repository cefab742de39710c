#!/usr/bin/env python3
"""A run's evaluations and pruning events as two compact CSVs, the data behind results.md's event-by-event tables.

    python3 src/scripts/run_tables.py RUN_FOLDER OUT_PREFIX

writes OUT_PREFIX-evaluations.csv (one row per evaluation on the held-out split: epoch, accuracy, sparsity at that
moment, the network's MACs, parameters and hidden channels) and OUT_PREFIX-prune-events.csv (one row per pruning
event: its target and threshold, and the mask changes as docs/run-folder.md defines them — newly pruned, back by
re-ranking, and of the weights a shrink's reset had turned on, how many stay and how many are pruned again). Values
are written as results.md shows them, so a table there is a literal copy of its CSV (ResultsTablesTest checks it).
Standard library only.
"""
import csv
import json
import sys


def events(folder):
    with open(folder + "/metrics.jsonl") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder, prefix = sys.argv[1].rstrip("/"), sys.argv[2]
    evaluations, prunes = [], []
    for e in events(folder):
        if e["type"] == "eval":
            evaluations.append([f"{e['epoch']:.2f}", f"{e['validationAccuracy']:.4f}", f"{e['sparsity']:.3f}",
                                str(e['macs']), str(e['params']), str(e["hiddenChannels"])])
        elif e["type"] == "prune":
            reset_kept = sum(layer.get("resetKept", 0) for layer in e["layers"])
            reset_again = sum(layer.get("resetPrunedAgain", 0) for layer in e["layers"])
            prunes.append([str(e["index"]), f"{e['epoch']:.2f}", f"{e['targetRatio']:.3f}",
                           f"{e['threshold']:.4f}", str(e['newlyPruned']), str(e['reactivated'] - reset_kept),
                           str(reset_kept), str(reset_again)])
    write(prefix + "-evaluations.csv",
          ["epoch", "validation accuracy", "sparsity", "MACs", "params", "hidden channels"], evaluations)
    write(prefix + "-prune-events.csv",
          ["event", "epoch", "target", "threshold", "newly pruned", "back by re-ranking", "kept after a reset",
           "pruned again after a reset"], prunes)


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    main()
