#!/usr/bin/env python3
"""Paired t tests over matched seeds from a committed comparison.csv, as `compare` computes them: the mean of
a_i - b_i, its two-sided 95 % interval (Student's t, n-1 degrees of freedom), the two-sided p, and Holm's
correction over every pair asked for together. Needs only the standard library, so a reader can check every p and
interval in docs/results.md from the CSV alone.

    python3 src/scripts/paired_tests.py [--metric COLUMN] [--by setting|name] [--welch] comparison.csv[,more.csv] A:B [...]

By default a setting is the `setting` column (the config hash `compare` prints) and the measure `test_accuracy`;
`--by name` names a setting by its run name without seed and time stamp (runs of one config that differ only in
their start, e.g. transfers from the ticket's, the rewound or random weights), `--metric test_mean_iou` compares
segmentation runs. `--welch` compares two settings run on different seeds (Welch's unpaired t test, its degrees of
freedom by Welch-Satterthwaite; `seeds` then reads "nA+nB"); several CSVs joined by commas are read as one. The
first named is A. Prints one CSV row a pair: a,b,seeds,mean_diff,ci_low,ci_high,t,p_two_sided,p_holm.
"""
import csv
import math
import re
import sys


def betacf(a, b, x):
    """Continued fraction of the regularised incomplete beta function (Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return h


def incomplete_beta(a, b, x):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * betacf(a, b, x) / a
    return 1 - front * betacf(b, a, 1 - x) / b


def two_sided_p(t, df):
    if math.isinf(t):
        return 0.0
    return incomplete_beta(df / 2, 0.5, df / (df + t * t))


def t_quantile_975(df):
    lo, hi = 0.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if two_sided_p(mid, df) > 0.05:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out, running = [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


def name_without_seed(run):
    """cls-science-supertickets-seed_2-to-fashion-mnist-canvas-rewound-20261207-134501 -> ...-supertickets-to-..."""
    return re.sub(r"-seed[_=]\d+", "", re.sub(r"-\d{8}-\d{6}(-\d+)?$", "", run))


def welch_row(a, b, xs, ys):
    """Welch's t test of mean(xs) - mean(ys): the interval and two-sided p with Welch-Satterthwaite's df."""
    na, nb = len(xs), len(ys)
    ma, mb = sum(xs) / na, sum(ys) / nb
    va = sum((x - ma) ** 2 for x in xs) / (na - 1)
    vb = sum((y - mb) ** 2 for y in ys) / (nb - 1)
    se = math.sqrt(va / na + vb / nb)
    df = se ** 4 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    mean = ma - mb
    t = mean / se
    half = t_quantile_975(df) * se
    return [a, b, "%d+%d" % (na, nb), mean, mean - half, mean + half, t, two_sided_p(t, df)]


def main():
    args = sys.argv[1:]
    metric, by, welch = "test_accuracy", "setting", False
    while args[0].startswith("--"):
        if args[0] == "--welch":
            welch, args = True, args[1:]
            continue
        option, value, args = args[0], args[1], args[2:]
        metric = value if option == "--metric" else metric
        by = value if option == "--by" else by
    rows = [r for path in args[0].split(",") for r in csv.DictReader(open(path))]
    by_setting = {}
    for r in rows:
        key = r["setting"] if by == "setting" else name_without_seed(r["run"])
        by_setting.setdefault(key, {}).setdefault(int(r["seed"]), float(r[metric]))
    results = []
    for pair in args[1:]:
        a, b = pair.split(":")
        if welch:
            results.append(welch_row(a, b, list(by_setting[a].values()), list(by_setting[b].values())))
            continue
        seeds = sorted(set(by_setting[a]) & set(by_setting[b]))
        d = [by_setting[a][s] - by_setting[b][s] for s in seeds]
        n = len(d)
        mean = sum(d) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1))
        se = sd / math.sqrt(n)
        t = mean / se if se > 0 else math.copysign(math.inf, mean)
        half = t_quantile_975(n - 1) * se
        results.append([a, b, n, mean, mean - half, mean + half, t, two_sided_p(t, n - 1)])
    adjusted = holm([r[-1] for r in results])
    print("a,b,seeds,mean_diff,ci_low,ci_high,t,p_two_sided,p_holm")
    for r, p in zip(results, adjusted):
        print(",".join([r[0], r[1], str(r[2])] + ["%.6f" % v for v in r[3:]] + ["%.6f" % p]))


if __name__ == "__main__":
    main()
