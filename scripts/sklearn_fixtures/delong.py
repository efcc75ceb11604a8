#!/usr/bin/env -S /usr/bin/python3
"""Reference values for test/delong.test.ts: DeLong's AUC variance straight from
the 1988 definition.

DeLong, DeLong & Clarke-Pearson, "Comparing the areas under two or more
correlated receiver operating characteristic curves: a nonparametric
approach", Biometrics 44 (1988) 837-845. For positives X_i and negatives Y_j:

    psi(x, y) = 1 if x > y, 1/2 if x == y, 0 if x < y
    V10(X_i) = mean_j psi(X_i, Y_j),  V01(Y_j) = mean_i psi(X_i, Y_j)
    AUC = mean_i V10(X_i)
    S10[r, s] = sum_i (V10_r(X_i) - AUC_r)(V10_s(X_i) - AUC_s) / (m - 1)
    S01[r, s] likewise over the negatives, / (n - 1)
    S = S10 / m + S01 / n      (covariance matrix of the AUCs)

computed here with every (positive, negative) comparison (O(m n), no sort) in
numpy's extended precision. Sample weights are frequency weights: means,
sums and the counts m, n become weighted, so that an integer weight k is the
same as k copies of the sample (checked below by replicating samples).

The confidence interval is AUC -/+ z * sqrt(S) clipped to [0, 1] (the
difference's to [-1, 1]), z = norm.isf((1 - level) / 2); the paired test uses
z = (AUC_A - AUC_B) / sqrt(S_AA + S_BB - 2 S_AB) and p = 2 norm.sf(|z|).

One case also gets a stratified bootstrap of the AUC (scikit-learn's
roc_auc_score on each resample), whose standard error DeLong's must be close to.

Writes test/fixtures/delong_reference.json, NaN and the infinities as the
strings "NaN", "Infinity", "-Infinity" (fixture_json.py, shared by every
fixture script). Tests read only that file. To regenerate, from the
repository root:

    /usr/bin/python3 scripts/sklearn_fixtures/delong.py
"""
import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.stats import norm
import sklearn
from sklearn.metrics import roc_auc_score

from fixture_json import write

ROOT = Path(__file__).resolve().parents[2]
BREAST_CANCER = ROOT / "examples" / "breast_cancer_predictions.csv"
JSON_PATH = ROOT / "test" / "fixtures" / "delong_reference.json"
EXTENDED = np.longdouble


def psi(positives, negatives):
    """The (positive, negative) comparison matrix: 1, 1/2 or 0."""
    x = positives[:, None]
    y = negatives[None, :]
    return np.where(x > y, EXTENDED(1), np.where(x == y, EXTENDED(0.5), EXTENDED(0)))


def delong(labels, score_columns, weights=None):
    """AUCs and their DeLong covariance matrix, from the definition."""
    labels = np.asarray(labels)
    weights = np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=float)
    keep = weights != 0
    labels, weights = labels[keep], weights[keep].astype(EXTENDED)
    columns = [np.asarray(column, dtype=float)[keep] for column in score_columns]
    positive, negative = labels == 1, labels == 0
    wp, wn = weights[positive], weights[negative]
    m, n = wp.sum(), wn.sum()
    v10, v01, aucs = [], [], []
    for scores in columns:
        comparisons = psi(scores[positive], scores[negative])
        v10.append((comparisons * wn[None, :]).sum(axis=1) / n)
        v01.append((comparisons * wp[:, None]).sum(axis=0) / m)
        aucs.append((wp * v10[-1]).sum() / m)
    k = len(columns)
    if not (m > 1 and n > 1):
        # A class of total weight 1 or less has no sample variance.
        return np.array(aucs), np.full((k, k), np.nan)
    s10 = np.empty((k, k), dtype=EXTENDED)
    s01 = np.empty((k, k), dtype=EXTENDED)
    for r in range(k):
        for s in range(k):
            s10[r, s] = (wp * (v10[r] - aucs[r]) * (v10[s] - aucs[s])).sum() / (m - 1)
            s01[r, s] = (wn * (v01[r] - aucs[r]) * (v01[s] - aucs[s])).sum() / (n - 1)
    return np.array(aucs), s10 / m + s01 / n


def critical_value(level):
    return norm.isf((1 - level) / 2)


def interval(labels, scores, weights=None, level=0.95):
    aucs, covariance = delong(labels, [scores], weights)
    auc, variance = aucs[0], covariance[0, 0]
    se = np.sqrt(variance)
    half = EXTENDED(critical_value(level)) * se
    return {
        "auc": auc, "variance": variance, "standardError": se,
        "lower": np.clip(auc - half, 0, 1), "upper": np.clip(auc + half, 0, 1),
    }


def difference_test(labels, scores_a, scores_b, weights=None, level=0.95):
    aucs, covariance = delong(labels, [scores_a, scores_b], weights)
    difference = aucs[0] - aucs[1]
    variance = covariance[0, 0] + covariance[1, 1] - 2 * covariance[0, 1]
    se = np.sqrt(variance)
    if se == 0 and difference == 0:
        z = EXTENDED(0)
    else:
        z = difference / se
    half = EXTENDED(critical_value(level)) * se
    return {
        "aucA": aucs[0], "aucB": aucs[1], "difference": difference, "variance": variance, "standardError": se,
        "z": z, "pValue": 2 * norm.sf(abs(float(z))),
        "lower": np.clip(difference - half, -1, 1), "upper": np.clip(difference + half, -1, 1),
        "covariance": covariance,
    }


def check_against_sklearn(labels, scores, weights, auc):
    expected = roc_auc_score(labels, scores, sample_weight=weights)
    assert abs(float(auc) - expected) <= 1e-12, (auc, expected)


def check_frequency_weights(labels, score_columns, weights):
    """Integer weights must equal replicating each sample that many times."""
    repeats = np.asarray(weights, dtype=int)
    aucs, covariance = delong(labels, score_columns, weights)
    replicated = [np.repeat(np.asarray(column), repeats) for column in score_columns]
    aucs_r, covariance_r = delong(np.repeat(labels, repeats), replicated)
    assert np.allclose(aucs.astype(float), aucs_r.astype(float), rtol=1e-15, atol=0)
    assert np.allclose(covariance.astype(float), covariance_r.astype(float), rtol=1e-14, atol=0)


def bootstrap_standard_error(labels, scores, resamples, seed):
    """Stratified bootstrap (resampling positives and negatives separately, as pROC does)."""
    rng = np.random.RandomState(seed)
    positives, negatives = np.flatnonzero(labels == 1), np.flatnonzero(labels == 0)
    aucs = []
    for _ in range(resamples):
        rows = np.concatenate([rng.choice(positives, len(positives)), rng.choice(negatives, len(negatives))])
        aucs.append(roc_auc_score(labels[rows], scores[rows]))
    return float(np.std(aucs, ddof=1))


def read_breast_cancer():
    with open(BREAST_CANCER, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return np.array([int(row["label"]) for row in rows]), np.array([float(row["score"]) for row in rows])


def random_binary(rng, samples, positive_rate, separation):
    labels = (rng.random_sample(samples) < positive_rate).astype(int)
    return labels, labels * separation + rng.normal(size=samples)


def main():
    rng = np.random.RandomState(20260)
    intervals, tests = [], []

    def add_interval(name, labels, scores, weights=None, level=0.95, float32=False):
        result = interval(labels, scores, weights, level)
        if not np.isnan(float(result["auc"])):
            check_against_sklearn(labels, scores, weights, result["auc"])
        intervals.append({
            "name": name, "labels": [int(v) for v in labels], "scores": [float(v) for v in scores],
            "float32": float32, "weights": None if weights is None else [float(v) for v in weights],
            "confidenceLevel": level, "expected": result,
        })

    def add_test(name, labels, scores_a, scores_b, weights=None, level=0.95):
        result = difference_test(labels, scores_a, scores_b, weights, level)
        covariance = result.pop("covariance")
        tests.append({
            "name": name, "labels": [int(v) for v in labels],
            "scoresA": [float(v) for v in scores_a], "scoresB": [float(v) for v in scores_b],
            "weights": None if weights is None else [float(v) for v in weights],
            "confidenceLevel": level, "expected": result,
            "covariance": covariance,
        })

    # Hand-sized cases.
    add_interval("four samples", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    add_interval("all ties", np.array([0, 1, 0, 1, 1, 0]), np.full(6, 0.5))
    add_interval("signed zeros tie", np.array([0, 1, 0, 1, 0, 1]), np.array([-0.0, 0.0, 0.0, -0.0, -1.0, 1.0]))
    add_interval("one positive", np.array([0, 0, 1, 0, 0]), np.array([0.2, 0.9, 0.5, 0.1, 0.5]))
    add_interval("one positive of weight 3", np.array([0, 0, 1, 0, 0]), np.array([0.2, 0.9, 0.5, 0.1, 0.5]),
                 weights=np.array([1.0, 1.0, 3.0, 2.0, 1.0]))

    # Random cases with ties (scores rounded), small and moderate.
    for samples, decimals, seed_level in ((12, 1, 0.95), (40, 1, 0.9), (300, 2, 0.99), (2000, 2, 0.95)):
        labels, scores = random_binary(rng, samples, 0.4, 1.0)
        add_interval(f"random n={samples} rounded to {decimals} decimals", labels, np.round(scores, decimals), level=seed_level)
    labels, scores = random_binary(rng, 500, 0.3, 0.8)
    add_interval("float32 scores n=500", labels, np.round(scores, 3).astype(np.float32).astype(float), float32=True)

    # Frequency weights: integers (checked against replicated samples) and fractions.
    labels, scores = random_binary(rng, 200, 0.5, 0.7)
    scores = np.round(scores, 1)
    integer_weights = rng.randint(0, 4, size=200).astype(float)
    check_frequency_weights(labels, [scores], integer_weights)
    add_interval("integer weights 0-3, n=200", labels, scores, weights=integer_weights)
    add_interval("fractional weights, n=200", labels, scores, weights=rng.uniform(0.5, 2.0, size=200))

    # Correlated pairs on the same samples.
    for samples, decimals in ((30, 1), (600, 2)):
        labels, scores_a = random_binary(rng, samples, 0.45, 1.0)
        scores_b = 0.6 * scores_a + 0.8 * rng.normal(size=samples)
        add_test(f"correlated pair n={samples}", labels, np.round(scores_a, decimals), np.round(scores_b, decimals))
    labels, scores_a = random_binary(rng, 300, 0.5, 1.2)
    scores_b = np.round(scores_a + 0.3 * rng.normal(size=300), 1)
    scores_a = np.round(scores_a, 1)
    pair_weights = rng.randint(0, 3, size=300).astype(float)
    check_frequency_weights(labels, [scores_a, scores_b], pair_weights)
    add_test("strongly correlated pair, integer weights, n=300", labels, scores_a, scores_b, weights=pair_weights, level=0.9)
    add_test("same ranking (monotone transform)", labels, scores_a, np.exp(scores_a))

    # Real predictions: breast cancer out-of-fold scores and a second, perturbed column
    # (logit of the score plus seeded normal noise, so the two AUCs are close and correlated).
    labels, scores = read_breast_cancer()
    noise = np.random.RandomState(569).normal(scale=1.5, size=len(scores))
    clipped = np.clip(scores, 1e-6, 1 - 1e-6)
    perturbed = np.round(np.log(clipped / (1 - clipped)) + noise, 2)
    add_interval("breast cancer scores", labels, scores)
    add_interval("breast cancer perturbed scores", labels, perturbed)
    add_test("breast cancer: scores vs perturbed", labels, scores, perturbed)

    # Bootstrap check of the standard error on one moderate case.
    labels, scores = random_binary(rng, 400, 0.4, 0.8)
    scores = np.round(scores, 2)
    add_interval("bootstrap case n=400", labels, scores)
    delong_se = float(intervals[-1]["expected"]["standardError"])
    bootstrap_se = bootstrap_standard_error(labels, scores, resamples=4000, seed=7)
    assert abs(delong_se / bootstrap_se - 1) < 0.1, (delong_se, bootstrap_se)

    fixture = {
        "generator": "scripts/sklearn_fixtures/delong.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "intervals": intervals,
        "tests": tests,
        "bootstrap": {"case": "bootstrap case n=400", "resamples": 4000, "standardError": bootstrap_se,
                      "delongStandardError": delong_se},
    }
    write(JSON_PATH, fixture)
    print(f"{len(intervals)} intervals, {len(tests)} paired tests; bootstrap SE {bootstrap_se:.6f} vs DeLong {delong_se:.6f}")


if __name__ == "__main__":
    main()
