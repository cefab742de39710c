#!/usr/bin/env python3
"""The sparsity sweep's points and verdicts (issue 36) from a committed comparison.csv, standard library only.

    python3 src/scripts/sweep_verdicts.py docs/results/sweep/comparison.csv docs/results/sweep

Writes, into the folder given:
  points.csv   one row per method and target sparsity: seeds, mean test accuracy with its two-sided 95 % Student-t
               interval, mean validation accuracy, sparsity, MACs (dense, of the shrunk network) and sparse MACs (the
               official count: alive weights only), and the training compute of the whole method
               (for a ticket pruned once or fine-tuned, its source run's compute is added: the NAS run of the same
               seed, or the SuperTickets run the ticket came from);
  without-retraining.csv, with-retraining.csv  the tables of docs/results.md: per target sparsity, each method's
               mean test accuracy and its interval, "0.842 (0.833-0.853)";
  finetune.csv the official retraining of each ticket: how much of its gap to the dense supernet it closes (mean
               over seeds) and at what extra training compute;
  verdicts.csv at every target, SuperTickets against each baseline, paired by seed: without retraining (the
               ticket against NAS + one-shot pruning by each criterion untrained, gradual magnitude pruning and
               RigL) and with it (the fine-tuned ticket against the retrained one-shot tickets): mean difference,
               its interval, the two-sided p, Holm's correction within the claim the comparison tests (the
               abstract's three: without retraining against NAS + one-shot pruning, with retraining against it,
               against conventional sparse training; every target of a claim is one family) and over the whole
               file; the verdict reads the claim's correction.
A method's target sparsity is its runs' sparsity to two decimals (every method here lands on its target).
"""
import csv
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paired_tests import holm, t_quantile_975, two_sided_p  # noqa: E402

CRITERIA = ["random", "magnitude", "snip", "grasp", "synflow"]


def mean(xs):
    return sum(xs) / len(xs)


def interval(xs):
    m = mean(xs)
    if len(xs) < 2:
        return m, float("nan"), float("nan")
    half = t_quantile_975(len(xs) - 1) * math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1) / len(xs))
    return m, m - half, m + half


def source_key(row):
    """The run a fine-tuned ticket came from: its name up to '-finetune' without the time stamps."""
    return re.sub(r"-\d{8}-\d{6}(-\d+)?", "", row["run"].rsplit("-finetune", 1)[0])


def family(a, b):
    """The claim a comparison tests: the abstract's three."""
    if a == "finetune":
        return "with-retraining-vs-nas-one-shot"
    return "vs-conventional-sparse-training" if b in ("prune-only", "rigl") else "without-retraining-vs-nas-one-shot"


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    out = sys.argv[2]
    nas_compute = {int(r["seed"]): float(r["training_macs"]) for r in rows if r["method"] == "nas-only"}
    ticket_compute = {re.sub(r"-\d{8}-\d{6}(-\d+)?", "", r["run"]): float(r["training_macs"]) for r in rows
                      if r["method"] == "supertickets"}
    points = {}
    for r in rows:
        method = r["method"]
        if method in ("nas-only", "dense"):
            target = 0.0
        else:
            target = round(float(r["sparsity"]), 2)
        compute = float(r["training_macs"])
        if method.startswith("pruned-"):
            compute += nas_compute[int(r["seed"])]
        elif method == "finetune":
            compute += ticket_compute[source_key(r)]
        points.setdefault((method, target), []).append((int(r["seed"]), float(r["test_accuracy"]),
                                                        float(r["validation_accuracy"]), float(r["sparsity"]),
                                                        float(r["macs"]), compute, float(r["sparse_macs"])))
    with open(os.path.join(out, "points.csv"), "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["method", "target_sparsity", "seeds", "test_accuracy", "ci_low", "ci_high",
                    "validation_accuracy", "sparsity", "macs", "sparse_macs", "training_macs"])
        for (method, target), runs in sorted(points.items()):
            m, lo, hi = interval([x[1] for x in runs])
            w.writerow([method, "%.2f" % target, len(runs), "%.4f" % m, "%.4f" % lo, "%.4f" % hi,
                        "%.4f" % mean([x[2] for x in runs]), "%.4f" % mean([x[3] for x in runs]),
                        "%.0f" % mean([x[4] for x in runs]), "%.0f" % mean([x[6] for x in runs]),
                        "%.4g" % mean([x[5] for x in runs])])
    plain = [("SuperTickets", "supertickets")] + [("NAS + " + c, "pruned-" + c) for c in CRITERIA] + [
        ("GMP (prune-only)", "prune-only"), ("RigL (ours)", "rigl")]
    retrained = [("SuperTickets + finetune", "finetune")] + [("NAS + " + c + " + retrain", "pruned-" + c + "-retrained")
                                                            for c in CRITERIA]
    for name, columns in (("without-retraining.csv", plain), ("with-retraining.csv", retrained)):
        with open(os.path.join(out, name), "w") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["target sparsity"] + [label for label, _ in columns])
            for target in sorted({t for (m, t) in points if m == "supertickets"}):
                row = ["%.2f" % target]
                for _, method in columns:
                    runs = points.get((method, target))
                    if not runs:
                        row.append("–")
                        continue
                    m, lo, hi = interval([x[1] for x in runs])
                    row.append("%.3f (%.3f–%.3f)" % (m, lo, hi) if len(runs) > 1 else "%.3f (1 seed)" % m)
                w.writerow(row)
    dense = mean([x[1] for x in points[("dense", 0.0)]])
    with open(os.path.join(out, "finetune.csv"), "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["target sparsity", "ticket", "ticket + finetune", "dense supernet", "gap to dense closed",
                    "extra training compute"])
        for target in sorted({t for (m, t) in points if m == "supertickets"}):
            if ("finetune", target) not in points:
                continue
            ticket = mean([x[1] for x in points[("supertickets", target)]])
            tuned = mean([x[1] for x in points[("finetune", target)]])
            cost = mean([x[5] for x in points[("supertickets", target)]])
            extra = mean([x[5] for x in points[("finetune", target)]]) - cost
            w.writerow(["%.2f" % target, "%.4f" % ticket, "%.4f" % tuned, "%.4f" % dense,
                        "%.0f %%" % (100 * (tuned - ticket) / (dense - ticket)), "%.3g MACs (+%.0f %%)"
                        % (extra, 100 * extra / cost)])
    comparisons = []
    targets = sorted({t for (m, t) in points if m == "supertickets"})
    for target in targets:
        plain = ["pruned-" + c for c in CRITERIA] + ["prune-only", "rigl"]
        retrained = ["pruned-" + c + "-retrained" for c in CRITERIA]
        for a, baselines in (("supertickets", plain), ("finetune", retrained)):
            for b in baselines:
                if (a, target) in points and (b, target) in points:
                    comparisons.append((target, a, b))
    results = []
    for target, a, b in comparisons:
        xa = {s: acc for s, acc, *_ in points[(a, target)]}
        xb = {s: acc for s, acc, *_ in points[(b, target)]}
        seeds = sorted(set(xa) & set(xb))
        d = [xa[s] - xb[s] for s in seeds]
        n = len(d)
        m = mean(d)
        se = math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1) / n) if n > 1 else float("nan")
        t = m / se if se > 0 else math.copysign(math.inf, m)
        half = t_quantile_975(n - 1) * se
        results.append([target, a, b, n, m, m - half, m + half, two_sided_p(t, n - 1)])
    # Holm within each claim's family of comparisons (every target of one claim), and over all of them
    families = [family(r[1], r[2]) for r in results]
    within = [0.0] * len(results)
    for name in set(families):
        idx = [i for i, f in enumerate(families) if f == name]
        for i, p in zip(idx, holm([results[i][-1] for i in idx])):
            within[i] = p
    adjusted = holm([r[-1] for r in results])
    with open(os.path.join(out, "verdicts.csv"), "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["claim", "target_sparsity", "a", "b", "seeds", "mean_diff", "ci_low", "ci_high",
                    "p_two_sided", "p_holm_claim", "p_holm_all", "verdict"])
        for r, f_name, p_claim, p in zip(results, families, within, adjusted):
            verdict = ("a better" if r[5] > 0 else "b better") if p_claim < 0.05 else "not resolved"
            w.writerow([f_name, "%.2f" % r[0], r[1], r[2], r[3]] + ["%.4f" % v for v in r[4:7]]
                       + ["%.4f" % r[7], "%.4f" % p_claim, "%.4f" % p, verdict])


if __name__ == "__main__":
    main()
