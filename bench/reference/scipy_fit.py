"""Reference timing for `npm run bench`, not part of the product.

Runs the authors' notebook procedure (jaxpruner/projects/bigsparse/sparsity-scaling.ipynb):
mean Huber objective, scipy.optimize.minimize (BFGS, finite-difference gradients) from 25
starts x0 ~ U(0,1)^7, keeping the lowest objective. Prints one JSON line per dataset.
Usage: python3 scipy_fit.py SHARED_DATA_DIR
"""
import csv
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize


def law(x, s, n, d):
    a, b, c, dd, e, f, g = x
    return (a * (1 - s) ** b + c) * n ** -dd + e * d ** -f + g


def huber(r, delta):
    r = np.abs(r)
    return np.where(r <= delta, 0.5 * r ** 2, delta * (r - 0.5 * delta))


def fit(s, n, d, y, delta, log, seed, starts=25):
    def objective(x):
        f = law(x, s, n, d)
        r = np.log(f) - np.log(y) if log else f - y
        return np.sum(huber(r, delta)) / y.size

    rng = np.random.default_rng(seed)
    best = None
    for _ in range(starts):
        with np.errstate(all="ignore"):
            result = minimize(objective, rng.uniform(0, 1, 7))
        if np.isfinite(result.fun) and (best is None or result.fun < best.fun):
            best = result
    return best


def main(folder):
    with open(f"{folder}/vit-data.json") as f:
        raw = json.load(f)
    ids = list(raw["scale"].keys())
    vit = {k: np.array([raw[k][i] for i in ids], dtype=float) for k in raw}
    with open(f"{folder}/t5-data.csv") as f:
        rows = list(csv.DictReader(f))
    t5 = {k: np.array([float(r[k]) for r in rows]) for k in ("sparsity", "scale", "val-loss", "steps")}
    vit_n = 12 * 12 * 768**2 * vit["scale"] * (1 - vit["sparsity"]) / 1e6
    t5_n = 24 * 12 * 768**2 * t5["scale"] * (1 - t5["sparsity"]) / 1e6
    cases = [
        ("vit", vit["sparsity"], vit_n, vit["total_examples"] / 1e9, vit["val-loss"], 0.01, False, 0),
        ("t5", t5["sparsity"], t5_n, t5["steps"] / 1e5, t5["val-loss"], 0.001, True, 1),
    ]
    for name, s, n, d, y, delta, log, seed in cases:
        start = time.perf_counter()
        best = fit(s, n, d, y, delta, log, seed)
        seconds = time.perf_counter() - start
        print(json.dumps({"dataset": name, "seconds": seconds, "objective": float(best.fun)}))


if __name__ == "__main__":
    main(sys.argv[1])
