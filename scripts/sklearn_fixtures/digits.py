#!/usr/bin/env -S /usr/bin/python3
"""scikit-learn reference values for test/digits-sklearn.test.ts.

Reads test/fixtures/digits_predictions.csv (columns label,p0..p9: out-of-fold
class probabilities of a real classifier on scikit-learn's digits dataset) and
writes test/fixtures/sklearn_digits.json with:

- accuracy_score(y, argmax p): Keras's sparse and categorical accuracy;
- top_k_accuracy_score(y, p, k=3): sparse top-3 categorical accuracy;
- f1_score(y, argmax p) with average 'macro', 'weighted' and 'micro', plus the
  per-class counts the test needs to bound the effect of Keras's 1e-7 epsilons;
- log_loss(y, p): sparse categorical crossentropy, with the facts that decide
  whether its clipping and Keras's agree on this data (see LOG_LOSS_NOTE);
- properties of the data the comparisons rely on (ties, float32 exactness).

Computed with the scikit-learn recorded in the JSON (1.2.1, Debian's package).
The tests only read the committed JSON, so CI needs no Python. To regenerate,
from the repository root:

    /usr/bin/python3 scripts/sklearn_fixtures/digits.py
"""
import csv
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, log_loss, top_k_accuracy_score

from fixture_json import dumps, write

ROOT = Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "test" / "fixtures" / "digits_predictions.csv"
JSON_PATH = ROOT / "test" / "fixtures" / "sklearn_digits.json"

# Keras clips probabilities with its float32 epsilon.
KERAS_EPSILON = float(np.float32(1e-7))
KERAS_ONE_MINUS_EPSILON = float(np.float32(1 - 1e-7))

LOG_LOSS_NOTE = (
    "sklearn's log_loss (eps='auto') clips every probability to [eps, 1 - eps] with eps the machine epsilon "
    "of y_pred's dtype (float64 here: 2.22e-16), then divides each row by its sum. Keras renormalises each row "
    "first and then clips to [1e-7, 1 - 1e-7] in float32. The two agree when every renormalised true-class "
    "probability lies inside [1e-7, 1 - 1e-7] and no probability is below 2.22e-16; see "
    "min_true_class_probability, min_probability and max_probability_renormalised (over all classes, so it "
    "also covers Keras backends that clip every entry before taking the true class's log)."
)


def read_predictions(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header == ["label"] + [f"p{c}" for c in range(10)], header
    labels = np.array([int(row[0]) for row in body])
    probabilities = np.array([[float(value) for value in row[1:]] for row in body])
    return labels, probabilities


def main():
    labels, probabilities = read_predictions(CSV_PATH)
    rows = np.arange(len(labels))
    predicted = probabilities.argmax(axis=1)
    ordered = np.sort(probabilities, axis=1)
    true_class = probabilities[rows, labels]
    renormalised = probabilities / probabilities.sum(axis=1, keepdims=True)
    # Rows where another class scores exactly the true class's score: there, top-k rules for ties could differ.
    ties_with_true_class = ((probabilities == true_class[:, None]).sum(axis=1) > 1).sum()
    # Per class: confusion[i, j] counts true class i predicted as j.
    confusion = confusion_matrix(labels, predicted, labels=range(10))

    fixture = {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "samples": len(labels),
        "classes": probabilities.shape[1],
        "accuracy": accuracy_score(labels, predicted),
        "top_3_accuracy": top_k_accuracy_score(labels, probabilities, k=3, labels=range(10)),
        "f1": {average: f1_score(labels, predicted, average=average) for average in ("macro", "weighted", "micro")},
        "per_class": {
            "true_positives": np.diag(confusion).tolist(),
            "predicted": confusion.sum(axis=0).tolist(),
            "support": confusion.sum(axis=1).tolist(),
        },
        "log_loss": log_loss(labels, probabilities, labels=range(10)),
        "log_loss_note": LOG_LOSS_NOTE,
        "keras_clip_range": [KERAS_EPSILON, KERAS_ONE_MINUS_EPSILON],
        "min_true_class_probability": true_class.min(),
        "min_probability": probabilities.min(),
        "max_probability_renormalised": renormalised.max(),
        "rows_with_tied_maximum": int((ordered[:, -1] == ordered[:, -2]).sum()),
        "rows_with_ties_at_true_class_score": int(ties_with_true_class),
        "probabilities_exact_in_float32": bool(np.all(probabilities.astype(np.float32) == probabilities)),
    }
    write(JSON_PATH, fixture, indent=2)
    print(dumps(fixture, indent=2))


if __name__ == "__main__":
    main()
