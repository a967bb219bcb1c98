#!/usr/bin/python3
"""Writes scipy-reference.json: reference values from SciPy for the statistics in src/EventReactor.Core/Statistics.

Run by hand after changing the statistics (CI reads the committed fixture and needs no Python):

    apt-get install -y python3-scipy
    /usr/bin/python3 tests/EventReactor.Core.Tests/Statistics/generate_scipy_reference.py

Samples are drawn from several distributions, sizes 3-50; the integer ones tie often.
"""
import json
import os

import numpy as np
import scipy
from scipy import optimize, stats
from scipy.stats._mannwhitneyu import _mwu_choose_method

rng = np.random.default_rng(17)


def draw(kind, n):
    if kind == "normal":
        return rng.normal(100, 15, n)
    if kind == "lognormal":
        return rng.lognormal(3, 0.5, n)
    if kind == "exponential":
        return rng.exponential(10, n)
    if kind == "uniform":
        return rng.uniform(0, 1, n)
    if kind == "integers":  # ties
        return rng.integers(0, 8, n).astype(float)
    if kind == "rounded":  # ties, as benchmark figures printed with few digits
        return np.round(rng.normal(50, 3, n))
    raise ValueError(kind)


def mwu_case(x, y):
    auto = stats.mannwhitneyu(x, y)
    # The method SciPy's "auto" picks, asked of SciPy itself (a private helper of scipy.stats, 1.10).
    method = _mwu_choose_method(len(x), len(y), np.concatenate([x, y]), "auto")
    return {"u": float(auto.statistic), "p": float(auto.pvalue), "method": method}


def t_quantile(p, df):
    """The t with t.cdf(t, df) = p, by root-finding on SciPy's t.cdf.

    SciPy 1.10's t.ppf (cephes stdtrit) is good to about 1e-9 relative only (t.cdf(t.ppf(0.975, 39), 39) is off by
    4.5e-10), too coarse to check against at 1e-9; its t.cdf is accurate to rounding.
    """
    if p == 0.5:
        return 0.0
    guess = stats.t.ppf(p, df)
    return optimize.brentq(lambda t: stats.t.cdf(t, df) - p, guess - 1e-6 * abs(guess) - 1e-9, guess + 1e-6 * abs(guess) + 1e-9,
                           xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)


def change_percent(x, y, axis=-1):
    return (np.mean(y, axis=axis) / np.mean(x, axis=axis) - 1) * 100


def end_error(distribution, fraction):
    """Half the 95% range of the end's rank among the draws, in values: as Bootstrap.EndError in C#."""
    ordered = np.sort(distribution)
    count = len(ordered)
    spread = 1.959963984540054 * np.sqrt(count * fraction * (1 - fraction)) / (count - 1)
    low = np.percentile(ordered, 100 * max(0, fraction - spread))
    high = np.percentile(ordered, 100 * min(1, fraction + spread))
    return (high - low) / 2


kinds = ["normal", "lognormal", "exponential", "uniform", "integers", "rounded"]
cases = []
for i in range(300):
    kind = kinds[i % len(kinds)]
    n1 = int(rng.integers(3, 51))
    n2 = int(rng.integers(3, 51)) if i % 3 else int(rng.integers(3, 9))
    x = draw(kind, n1)
    # Half the pairs differ in scale, some by 2x, so that small p-values are covered too.
    y = draw(kind, n2) * [1.0, 1.25, 1.0, 2.0][i % 4]
    half = t_quantile(0.975, n1 - 1) * stats.sem(x)
    interval = (np.mean(x) - half, np.mean(x) + half)
    case = {
        "kind": kind,
        "x": x.tolist(),
        "y": y.tolist(),
        "mannWhitney": mwu_case(x, y),
        "meanInterval": [float(interval[0]), float(interval[1])],
        "scaledMad": float(stats.median_abs_deviation(x, scale="normal")),
    }
    if i % 10 == 0 and np.all(x > 0):
        boot = stats.bootstrap((x, y), change_percent, paired=False, vectorized=True, method="percentile",
                               n_resamples=100_000, random_state=rng)
        dist = boot.bootstrap_distribution
        case["bootstrap"] = {
            "low": float(boot.confidence_interval.low),
            "high": float(boot.confidence_interval.high),
            "monteCarloError": float(max(end_error(dist, 0.025), end_error(dist, 0.975))),
        }
    cases.append(case)

quantiles = []
for df in [1, 2, 3, 4, 5, 7, 9, 14, 29, 49, 99, 1000]:
    for p in [0.5, 0.6, 0.9, 0.95, 0.975, 0.99, 0.999, 0.0005, 0.025]:
        quantiles.append({"p": p, "df": df, "t": float(t_quantile(p, df)), "scipyPpf": float(stats.t.ppf(p, df))})
cdfs = []
for df in [1, 2.5, 3, 8, 30, 200]:
    for t in [-40.0, -5.0, -2.0, -0.3, 0.0, 0.7, 1.96, 3.0, 12.0]:
        cdfs.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df))})
normal = [{"z": z, "sf": float(stats.norm.sf(z))} for z in [-6.0, -1.0, 0.0, 0.5, 1.0, 1.96, 3.0, 5.0, 8.0, 12.0, 20.0]]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scipy-reference.json")
with open(out, "w") as f:
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases, "tQuantiles": quantiles, "tCdfs": cdfs, "normalSurvival": normal}, f)
    f.write("\n")
print(f"wrote {len(cases)} cases to {out}")
