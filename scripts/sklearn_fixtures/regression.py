#!/usr/bin/env -S /usr/bin/python3
"""scikit-learn reference values for test/regression-sklearn.test.ts.

Runs scikit-learn's regression metrics on random and edge cases and on real
predictions (test/fixtures/diabetes_predictions.csv: out-of-fold predictions of
a regressor on scikit-learn's diabetes dataset) and writes
test/fixtures/sklearn_regression.json as a list of checks: the case, the
function (the TypeScript name), its options (TypeScript names) and the value.

Where scikit-learn 1.2.1 (Debian's package, used here) differs from current
scikit-learn, the expected value follows current scikit-learn and the 1.2.1
value is kept beside it:

- root_mean_squared_error (1.4+) is mean_squared_error(squared=False), the
  square root of each output's MSE, then averaged;
- median_absolute_error with sample_weight uses, since 1.7, the averaged
  weighted percentile (_averaged_weighted_percentile): the mean of 1.2.1's
  lower weighted median of |e| and the lower weighted median of -|e|, negated.
  It is computed here from 1.2.1's own _weighted_percentile.

JSON has no NaN or infinity: they are written as the strings "NaN",
"Infinity", "-Infinity" (fixture_json.py, shared by every fixture script).
The tests only read the committed JSON. To regenerate, from the repository
root:

    /usr/bin/python3 scripts/sklearn_fixtures/regression.py
"""
import csv
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    explained_variance_score, max_error, mean_absolute_error, mean_absolute_percentage_error,
    mean_squared_error, median_absolute_error, r2_score,
)
from sklearn.utils.stats import _weighted_percentile

from fixture_json import write

ROOT = Path(__file__).resolve().parents[2]
DIABETES = ROOT / "test" / "fixtures" / "diabetes_predictions.csv"
JSON_PATH = ROOT / "test" / "fixtures" / "sklearn_regression.json"


def root_mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average"):
    return mean_squared_error(y_true, y_pred, sample_weight=sample_weight, multioutput=multioutput, squared=False)


def averaged_median_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput="uniform_average"):
    """Current scikit-learn's median_absolute_error (weighted: _averaged_weighted_percentile)."""
    if sample_weight is None:
        return median_absolute_error(y_true, y_pred, multioutput=multioutput)
    errors = np.abs(np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float))
    if errors.ndim == 1:
        errors = errors.reshape(-1, 1)
    weights = np.asarray(sample_weight, dtype=float)
    per_output = (_weighted_percentile(errors, weights, 50) - _weighted_percentile(-errors, weights, 50)) / 2
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return per_output
        multioutput = None
    return np.average(per_output, weights=multioutput)


SCORES = {"r2Score": r2_score, "explainedVarianceScore": explained_variance_score}
ERRORS = {
    "meanSquaredError": mean_squared_error,
    "rootMeanSquaredError": root_mean_squared_error,
    "meanAbsoluteError": mean_absolute_error,
    "meanAbsolutePercentageError": mean_absolute_percentage_error,
    "medianAbsoluteError": averaged_median_absolute_error,
}


def read_diabetes():
    with open(DIABETES, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return np.array([float(row["target"]) for row in rows]), np.array([float(row["prediction"]) for row in rows])


def multioutput_options(outputs, with_variance_weighted):
    options = ["uniform_average", "raw_values"]
    if with_variance_weighted:
        options.append("variance_weighted")
    if outputs > 1:
        options.append([float(w) for w in np.linspace(1, 2, outputs)])
    return options


def checks_for(name, y_true, y_pred, sample_weight=None):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    outputs = 1 if y_true.ndim == 1 else y_true.shape[1]
    weight_options = {} if sample_weight is None else {"sampleWeight": [float(w) for w in sample_weight]}
    checks = []

    def add(function, options, value, **extra):
        checks.append({"case": name, "function": function, "options": {**weight_options, **options}, "expected": value, **extra})

    for function, metric in SCORES.items():
        for multioutput in multioutput_options(outputs, True):
            for force_finite in (True, False):
                # Constant targets divide by zero (force_finite=False) and n < 2 warns: both expected here.
                with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
                    warnings.simplefilter("ignore", UndefinedMetricWarning)
                    value = metric(y_true, y_pred, sample_weight=sample_weight, multioutput=multioutput, force_finite=force_finite)
                add(function, {"multioutput": multioutput, "forceFinite": force_finite}, value)
    for function, metric in ERRORS.items():
        for multioutput in multioutput_options(outputs, False):
            value = metric(y_true, y_pred, sample_weight=sample_weight, multioutput=multioutput)
            extra = {}
            if function == "medianAbsoluteError" and sample_weight is not None:
                extra["sklearn_1_2_1"] = median_absolute_error(y_true, y_pred, sample_weight=sample_weight, multioutput=multioutput)
            add(function, {"multioutput": multioutput}, value, **extra)
    if outputs == 1 and sample_weight is None:
        add("maxError", {}, max_error(y_true, y_pred))
    return checks


def main():
    rng = np.random.RandomState(2024)
    cases = []

    def case(name, y_true, y_pred, sample_weight=None):
        cases.append({
            "name": name,
            "y_true": np.asarray(y_true, dtype=float).tolist(),
            "y_pred": np.asarray(y_pred, dtype=float).tolist(),
        })
        return checks_for(name, y_true, y_pred, sample_weight)

    checks = []
    y = rng.normal(3, 2, size=50)
    checks += case("random n=50", y, y + rng.normal(0, 1, size=50))
    y = rng.normal(-1, 5, size=61)
    weights = rng.uniform(0, 2, size=61)
    weights[[3, 17, 40]] = 0
    checks += case("random n=61, weights with zeros", y, 0.8 * y + rng.normal(0.5, 2, size=61), weights)
    y = rng.normal(0, 1, size=(40, 3)) * [1, 10, 0.1] + [0, 5, -2]
    checks += case("random 40x3", y, y + rng.normal(0, 1, size=(40, 3)) * [0.5, 4, 0.2])
    checks += case("random 40x3, integer weights", y, y + rng.normal(0, 1, size=(40, 3)) * [0.5, 4, 0.2],
                   rng.randint(0, 4, size=40).astype(float))
    checks += case("median: odd count with ties", [1, 2, 3, 4, 5, 6, 7], [1, 3, 3, 2, 5, 9, 7.5])
    checks += case("median: even count", [1, 2, 3, 4, 5, 6], [1.5, 3, 3, 2, 5, 9])
    checks += case("median: weights landing on a half", [0, 0, 0, 0], [1, 2, 3, 4], [1, 1, 1, 1])
    checks += case("median: zero weight in the middle", [0, 0, 0], [1, 2, 3], [1, 0, 1])
    checks += case("constant y_true, perfect", [2, 2, 2, 2], [2, 2, 2, 2])
    checks += case("constant y_true, imperfect", [-2, -2, -2, -2], [-2, -2, -2, -1.5])
    checks += case("perfect predictions", [1.5, -2, 3, 8], [1.5, -2, 3, 8])
    checks += case("one sample", [3.0], [2.0])
    checks += case("one weighted sample left", [1, 2, 3, 4], [1.5, 2, 2, 5], [0, 0, 2, 0])
    checks += case("2 outputs, one constant", [[1, 2], [2, 2], [3, 2], [5, 2]], [[1.5, 2], [2, 2.5], [2, 2], [5, 1]])
    checks += case("2 outputs, both constant", [[1, 2], [1, 2], [1, 2]], [[1, 2], [1.5, 2], [1, 2]])
    checks += case("zero targets (MAPE epsilon)", [1.0, 0.0, 2.4, 7.0], [1.2, 0.1, 2.4, 8.0])
    y = 1e8 + rng.normal(0, 1, size=200)
    checks += case("large mean 1e8 + noise", y, y + rng.normal(0, 0.5, size=200))
    checks += case("column (n, 1)", np.arange(6.0).reshape(-1, 1), (np.arange(6.0) * 1.1 + 0.3).reshape(-1, 1))
    target, prediction = read_diabetes()
    checks += case("diabetes", target, prediction)
    checks += case("diabetes, weighted", target, prediction, np.linspace(0.5, 1.5, len(target)))

    fixture = {
        "generator": "scripts/sklearn_fixtures/regression.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "cases": cases,
        "checks": checks,
    }
    write(JSON_PATH, fixture)
    print(f"{len(cases)} cases, {len(checks)} checks")


if __name__ == "__main__":
    main()
