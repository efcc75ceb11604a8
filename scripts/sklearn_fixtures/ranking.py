#!/usr/bin/env -S /usr/bin/python3
"""scikit-learn reference values for the exact ranking metrics (test/exact-ranking*.test.ts).

Writes test/fixtures/sklearn_ranking.json: random and edge-case inputs for
roc_auc_score, average_precision_score, roc_curve and precision_recall_curve,
each with scikit-learn's output or the error it raises, plus the same metrics
on the real predictions in examples/breast_cancer_predictions.csv (binary) and
test/fixtures/digits_predictions.csv (10 classes).

The installed scikit-learn is 1.2.1 (Debian's package). Where current
scikit-learn behaves differently, this script encodes the current behaviour
and each affected case records what 1.2.1 did under "sklearn_1_2_1":

- roc_auc_score with a single class in y_true (or in a multilabel column or
  row): 1.2.1 raises ValueError; current versions warn and return NaN (PR #30103).
- roc_curve's first threshold: 1.2.1 uses max(y_score) + 1; current versions +inf (1.3).
- average_precision_score with no positive sample: 1.2.1 returns -0.0; current
  versions clip it to 0.0.
- average_precision_score on multiclass y_true: 1.2.1 raises; current versions
  binarise y_true one-vs-rest over the classes present (label_binarize).
- precision_recall_curve(drop_intermediate=True): added in 1.3; computed here
  with the current algorithm on 1.2.1's _binary_clf_curve.

Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity"
(fixture_json.py, shared by every fixture script).
The tests only read the committed JSON, so CI needs no Python. To regenerate,
from the repository root:

    /usr/bin/python3 scripts/sklearn_fixtures/ranking.py
"""
import csv
import warnings
from pathlib import Path

import numpy as np
import sklearn
import sklearn.metrics._ranking as ranking
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve
from sklearn.preprocessing import label_binarize
from sklearn.utils.multiclass import type_of_target

from fixture_json import dumps, plain, write_by_line

ROOT = Path(__file__).resolve().parents[2]
JSON_PATH = ROOT / "test" / "fixtures" / "sklearn_ranking.json"
BREAST_CANCER_CSV = ROOT / "examples" / "breast_cancer_predictions.csv"
DIGITS_CSV = ROOT / "test" / "fixtures" / "digits_predictions.csv"

warnings.simplefilter("ignore")

# --- current scikit-learn behaviour on top of 1.2.1 ----------------------------------------

_binary_roc_auc_score_1_2_1 = ranking._binary_roc_auc_score


def _binary_roc_auc_score_current(y_true, y_score, sample_weight=None, max_fpr=None):
    """Current scikit-learn: a single class gives NaN (with a warning) instead of ValueError."""
    if len(np.unique(y_true)) != 2:
        return np.nan
    return _binary_roc_auc_score_1_2_1(y_true, y_score, sample_weight=sample_weight, max_fpr=max_fpr)


def roc_auc_current(y_true, y_score, **kwargs):
    ranking._binary_roc_auc_score = _binary_roc_auc_score_current
    try:
        return roc_auc_score(y_true, y_score, **kwargs)
    finally:
        ranking._binary_roc_auc_score = _binary_roc_auc_score_1_2_1


def roc_curve_current(y_true, y_score, **kwargs):
    fpr, tpr, thresholds = roc_curve(y_true, y_score, **kwargs)
    thresholds = thresholds.astype(np.float64)
    thresholds[0] = np.inf
    return {"fpr": fpr, "tpr": tpr, "thresholds": thresholds}


def average_precision_current(y_true, y_score, average="macro", pos_label=1, sample_weight=None):
    if type_of_target(y_true) == "multiclass":
        if pos_label != 1:
            raise ValueError("Parameter pos_label is fixed to 1 for multiclass y_true.")
        y_true = label_binarize(y_true, classes=np.unique(y_true))
    result = average_precision_score(y_true, y_score, average=average, pos_label=pos_label, sample_weight=sample_weight)
    return np.asarray(result, dtype=np.float64) + 0.0  # -0.0 becomes 0.0


def precision_recall_curve_current(y_true, y_score, pos_label=None, sample_weight=None, drop_intermediate=False):
    fps, tps, thresholds = ranking._binary_clf_curve(y_true, y_score, pos_label=pos_label, sample_weight=sample_weight)
    if drop_intermediate and len(fps) > 2:
        optimal_idxs = np.where(np.concatenate([[True], np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:])), [True]]))[0]
        fps, tps, thresholds = fps[optimal_idxs], tps[optimal_idxs], thresholds[optimal_idxs]
    ps = tps + fps
    precision = np.zeros_like(tps)
    np.divide(tps, ps, out=precision, where=(ps != 0))
    recall = np.ones_like(tps) if tps[-1] == 0 else tps / tps[-1]
    sl = slice(None, None, -1)
    return {"precision": np.hstack((precision[sl], 1)), "recall": np.hstack((recall[sl], 0)), "thresholds": thresholds[sl]}


CURRENT_BEHAVIOUR = [
    "roc_auc_score: a single class in y_true (or a multilabel column or row) gives NaN; 1.2.1 raises ValueError.",
    "roc_curve: the first threshold is +inf; 1.2.1 uses max(y_score) + 1.",
    "average_precision_score: no positive sample gives 0.0; 1.2.1 returns -0.0.",
    "average_precision_score: multiclass y_true is binarised one-vs-rest over the classes present; 1.2.1 raises.",
    "precision_recall_curve: drop_intermediate (1.3) computed with the current algorithm on 1.2.1's _binary_clf_curve.",
]

FUNCTIONS = {
    "roc_auc_score": (roc_auc_current, roc_auc_score),
    "average_precision_score": (average_precision_current, average_precision_score),
    "roc_curve": (roc_curve_current, roc_curve),
    "precision_recall_curve": (precision_recall_curve_current, precision_recall_curve),
}

def outcome(function, *args, **kwargs):
    try:
        return {"expected": function(*args, **kwargs)}
    except Exception as error:  # recorded as such: the tests check that the library refuses the input too
        return {"error": f"{type(error).__name__}: {error}"}


CASES = []
# Inputs are stored once in ARRAYS and named from the cases ("y_true": "a3"); NAMES finds them by their JSON text.
ARRAYS = {}
NAMES = {}


def stored(values):
    text = dumps(values)
    if text not in NAMES:
        NAMES[text] = f"a{len(ARRAYS)}"
        ARRAYS[NAMES[text]] = plain(values)  # a copy: later changes to the caller's array do not reach it
    return NAMES[text]


def case(case_id, function, y_true, y_score, score_dtype="float64", **kwargs):
    y_score = np.asarray(y_score, dtype=np.float32 if score_dtype == "float32" else np.float64)
    current, installed = FUNCTIONS[function]
    result = outcome(current, y_true, y_score, **kwargs)
    stored_kwargs = {key: stored(value) if key == "sample_weight" else value for key, value in kwargs.items()}
    entry = {"id": case_id, "function": function, "y_true": stored(y_true), "y_score": stored(y_score), "score_dtype": score_dtype,
             "kwargs": stored_kwargs, **result}
    installed_kwargs = dict(kwargs)
    if function == "precision_recall_curve" and not installed_kwargs.get("drop_intermediate", True):
        del installed_kwargs["drop_intermediate"]
    as_installed = outcome(installed, y_true, y_score, **installed_kwargs)
    if function == "roc_curve" and "expected" in as_installed:
        as_installed["expected"] = {"fpr": as_installed["expected"][0], "tpr": as_installed["expected"][1],
                                    "thresholds": as_installed["expected"][2]}
    if function == "precision_recall_curve" and "expected" in as_installed:
        as_installed["expected"] = {"precision": as_installed["expected"][0], "recall": as_installed["expected"][1],
                                    "thresholds": as_installed["expected"][2]}
    if function == "precision_recall_curve" and kwargs.get("drop_intermediate"):
        entry["sklearn_1_2_1"] = "precision_recall_curve has no drop_intermediate before 1.3"
    elif dumps(as_installed) != dumps(result):
        entry["sklearn_1_2_1"] = as_installed.get("error", as_installed.get("expected"))
    CASES.append(entry)


# --- inputs ----------------------------------------------------------------------------------

rng = np.random.default_rng(20260611)


def bernoulli(n, p):
    return (rng.random(n) < p).astype(int).tolist()


def with_zeros(weights, share):
    weights = np.array(weights, dtype=np.float64)
    weights[rng.random(len(weights)) < share] = 0.0
    return weights.tolist()


def softmax_rows(n, k, labels):
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), labels] += 1.5
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def binary_cases():
    y50 = bernoulli(50, 0.4)
    s50 = rng.random(50)
    y200 = bernoulli(200, 0.3)
    ties200 = np.round(rng.random(200), 1)
    y100 = bernoulli(100, 0.5)
    s32 = rng.random(100).astype(np.float32)
    ties32 = rng.choice(np.array([0.1, 0.2, 0.3, 0.7], dtype=np.float32), size=100)
    y80 = bernoulli(80, 0.45)
    s80 = rng.random(80)
    w80 = with_zeros(rng.random(80) * 2, 0.2)
    integer_w80 = rng.integers(0, 4, size=80).astype(float).tolist()
    dyadic_w80 = (rng.integers(0, 9, size=80) * 0.25).tolist()
    ties80 = np.round(rng.random(80) * 8) / 8
    logits = rng.normal(scale=4, size=120)
    y_logits = (rng.random(120) < 1 / (1 + np.exp(-logits / 2))).astype(int).tolist()

    for function in ("roc_auc_score", "average_precision_score"):
        short = "auc" if function == "roc_auc_score" else "ap"
        case(f"{short}_random_50", function, y50, s50)
        case(f"{short}_ties_200", function, y200, ties200)
        case(f"{short}_float32_100", function, y100, s32, score_dtype="float32")
        case(f"{short}_float32_ties_100", function, y100, ties32, score_dtype="float32")
        case(f"{short}_weighted_with_zeros_80", function, y80, s80, sample_weight=w80)
        case(f"{short}_integer_weights_80", function, y80, ties80, sample_weight=integer_w80)
        case(f"{short}_dyadic_weights_ties_80", function, y80, ties80, sample_weight=dyadic_w80)
        case(f"{short}_logits_120", function, y_logits, logits)
        case(f"{short}_constant_scores", function, [0, 1, 1, 0, 1], [0.5] * 5)
        case(f"{short}_signed_zero_ties", function, [0, 1, 1, 0, 1, 0], [-0.0, 0.0, 0.3, 0.0, -0.0, -0.2])
        case(f"{short}_two_tied", function, [0, 1], [0.5, 0.5])
        case(f"{short}_all_negative", function, [0, 0, 0, 0], [0.1, 0.4, 0.35, 0.8])
        case(f"{short}_all_positive", function, [1, 1, 1], [0.1, 0.4, 0.35])
        case(f"{short}_single_sample", function, [1], [0.3])
        case(f"{short}_labels_minus1_1", function, [-1, 1, 1, -1, 1], [0.2, 0.6, 0.4, 0.5, 0.9])
        case(f"{short}_doc_example", function, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
        case(f"{short}_positive_weight_zero", function, [0, 1, 0, 1], [0.2, 0.8, 0.4, 0.6], sample_weight=[1.0, 0.0, 2.0, 0.0])
        case(f"{short}_continuous_y_true", function, [0, 1, 0.5], [0.2, 0.4, 0.1])

    case("auc_labels_1_2", "roc_auc_score", [1, 2, 2, 1, 2], [0.2, 0.6, 0.4, 0.5, 0.9])
    case("auc_doc_example_max_fpr_0.5", "roc_auc_score", [0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.2], max_fpr=0.5)
    for max_fpr in (0.01, 0.1, 0.25, 0.5, 0.8, 1.0):
        case(f"auc_random_50_max_fpr_{max_fpr}", "roc_auc_score", y50, s50, max_fpr=max_fpr)
        case(f"auc_ties_200_max_fpr_{max_fpr}", "roc_auc_score", y200, ties200, max_fpr=max_fpr)
        case(f"auc_weighted_80_max_fpr_{max_fpr}", "roc_auc_score", y80, s80, sample_weight=w80, max_fpr=max_fpr)
    case("auc_max_fpr_0", "roc_auc_score", y50, s50, max_fpr=0.0)
    case("auc_max_fpr_above_1", "roc_auc_score", y50, s50, max_fpr=1.5)
    case("auc_one_class_max_fpr", "roc_auc_score", [1, 1, 1], [0.1, 0.2, 0.3], max_fpr=0.5)
    case("auc_binary_two_score_columns", "roc_auc_score", [0, 1, 1], [[0.7, 0.3], [0.2, 0.8], [0.4, 0.6]])

    case("ap_pos_label_0", "average_precision_score", y50, s50, pos_label=0)
    case("ap_labels_1_2_pos_label_2", "average_precision_score", [1, 2, 2, 1, 2], [0.2, 0.6, 0.4, 0.5, 0.9], pos_label=2)
    case("ap_labels_1_2_default_pos_label", "average_precision_score", [1, 2, 2, 1, 2], [0.2, 0.6, 0.4, 0.5, 0.9])
    case("ap_only_label_2_pos_label_1", "average_precision_score", [2, 2, 2], [0.2, 0.6, 0.4])

    # Curves: roc_curve drops collinear points by default, precision_recall_curve keeps every point.
    for drop in (True, False):
        tag = "drop" if drop else "keep"
        case(f"roc_curve_random_50_{tag}", "roc_curve", y50, s50, drop_intermediate=drop)
        case(f"roc_curve_ties_200_{tag}", "roc_curve", y200, ties200, drop_intermediate=drop)
        case(f"roc_curve_float32_ties_{tag}", "roc_curve", y100, ties32, score_dtype="float32", drop_intermediate=drop)
        case(f"roc_curve_dyadic_weights_{tag}", "roc_curve", y80, ties80, sample_weight=dyadic_w80, drop_intermediate=drop)
        case(f"roc_curve_random_weights_{tag}", "roc_curve", y80, s80, sample_weight=w80, drop_intermediate=drop)
        case(f"pr_curve_random_50_{tag}", "precision_recall_curve", y50, s50, drop_intermediate=drop)
        case(f"pr_curve_ties_200_{tag}", "precision_recall_curve", y200, ties200, drop_intermediate=drop)
        case(f"pr_curve_float32_ties_{tag}", "precision_recall_curve", y100, ties32, score_dtype="float32", drop_intermediate=drop)
        case(f"pr_curve_dyadic_weights_{tag}", "precision_recall_curve", y80, ties80, sample_weight=dyadic_w80, drop_intermediate=drop)
        case(f"pr_curve_random_weights_{tag}", "precision_recall_curve", y80, s80, sample_weight=w80, drop_intermediate=drop)
    case("roc_curve_doc_example", "roc_curve", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    case("roc_curve_signed_zero", "roc_curve", [0, 1, 1], [-0.0, 0.0, 0.1])
    case("roc_curve_constant", "roc_curve", [0, 1, 1, 0], [0.3] * 4)
    case("roc_curve_no_positives", "roc_curve", [0, 0, 0], [0.2, 0.4, 0.4])
    case("roc_curve_no_negatives", "roc_curve", [1, 1, 1], [0.2, 0.4, 0.1])
    case("roc_curve_pos_label_2_multiclass", "roc_curve", [0, 2, 1, 2, 0, 1], [0.1, 0.9, 0.5, 0.6, 0.3, 0.55], pos_label=2)
    case("roc_curve_labels_1_2_without_pos_label", "roc_curve", [1, 2, 2, 1], [0.1, 0.9, 0.5, 0.6])
    case("roc_curve_multiclass_without_pos_label", "roc_curve", [0, 2, 1], [0.1, 0.9, 0.5])
    case("roc_curve_labels_0_2", "roc_curve", [0, 2, 0, 2], [0.1, 0.9, 0.5, 0.6])
    # Labels are checked after zero-weight samples are dropped: only 0 is left.
    case("roc_curve_zero_weight_hides_label_2", "roc_curve", [0, 2, 0, 2], [0.1, 0.9, 0.5, 0.6], sample_weight=[1.0, 0.0, 2.0, 0.0])
    case("pr_curve_doc_example", "precision_recall_curve", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    case("pr_curve_no_positives", "precision_recall_curve", [0, 0, 0], [0.2, 0.4, 0.4])
    case("pr_curve_pos_label_0", "precision_recall_curve", y50, s50, pos_label=0)
    case("pr_curve_signed_zero", "precision_recall_curve", [0, 1, 1, 0], [-0.0, 0.0, 0.1, 0.0])


def multilabel_cases():
    n, labels = 60, 4
    rates = [0.2, 0.5, 0.7, 0.35]
    y = np.column_stack([(rng.random(n) < rate).astype(int) for rate in rates])
    scores = np.round(rng.random((n, labels)) * 0.6 + 0.4 * y, 2)
    weights = with_zeros(rng.random(n) * 3, 0.15)
    # Rows with both a positive and a negative label, so 'samples' is defined everywhere.
    y_rows = y.copy()
    y_rows[:, 0] = 1
    y_rows[:, 1] = 0
    y_constant = y.copy()
    y_constant[:, 3] = 0
    y_all_ones = y.copy()
    y_all_ones[:, 2] = 1
    for function in ("roc_auc_score", "average_precision_score"):
        short = "auc" if function == "roc_auc_score" else "ap"
        for average in (None, "micro", "macro", "weighted", "samples"):
            name = average or "none"
            case(f"{short}_multilabel_{name}", function, y.tolist(), scores, average=average)
            case(f"{short}_multilabel_{name}_weighted_samples", function, y.tolist(), scores, average=average, sample_weight=weights)
            case(f"{short}_multilabel_rows_{name}", function, y_rows.tolist(), scores, average=average)
            case(f"{short}_multilabel_constant_column_{name}", function, y_constant.tolist(), scores, average=average)
            case(f"{short}_multilabel_all_ones_column_{name}", function, y_all_ones.tolist(), scores, average=average)
        case(f"{short}_multilabel_wrong_columns", function, y.tolist(), scores[:, :3])
    for max_fpr in (0.2, 0.5):
        case(f"auc_multilabel_macro_max_fpr_{max_fpr}", "roc_auc_score", y.tolist(), scores, max_fpr=max_fpr)
        case(f"auc_multilabel_weighted_max_fpr_{max_fpr}", "roc_auc_score", y.tolist(), scores, average="weighted",
             sample_weight=weights, max_fpr=max_fpr)
    case("ap_multilabel_pos_label_0", "average_precision_score", y.tolist(), scores, pos_label=0)
    case("auc_multilabel_float32", "roc_auc_score", y.tolist(), scores.astype(np.float32), score_dtype="float32", average=None)


def multiclass_cases():
    n, k = 90, 4
    y = rng.integers(0, k, size=n)
    probabilities = softmax_rows(n, k, y)
    weights = with_zeros(rng.random(n) * 2, 0.1)
    y_list = y.tolist()
    for average in ("macro", "weighted", "micro", None):
        name = average or "none"
        case(f"auc_ovr_{name}", "roc_auc_score", y_list, probabilities, multi_class="ovr", average=average)
        case(f"auc_ovr_{name}_weighted_samples", "roc_auc_score", y_list, probabilities, multi_class="ovr", average=average,
             sample_weight=weights)
    for average in ("macro", "weighted"):
        case(f"auc_ovo_{average}", "roc_auc_score", y_list, probabilities, multi_class="ovo", average=average)
    relabelled = [[2, 5, 7, 11][c] for c in y_list]
    case("auc_ovr_labels_2_5_7_11", "roc_auc_score", relabelled, probabilities, multi_class="ovr", labels=[2, 5, 7, 11])
    case("auc_ovo_labels_2_5_7_11", "roc_auc_score", relabelled, probabilities, multi_class="ovo", labels=[2, 5, 7, 11])
    case("auc_ovr_inferred_classes_2_5_7_11", "roc_auc_score", relabelled, probabilities, multi_class="ovr")
    # A fifth column for a class absent from y_true: OvR gives it NaN (so macro is NaN), OvO skips it.
    five = softmax_rows(n, 5, y)
    for average in ("macro", "weighted", None):
        case(f"auc_ovr_absent_class_{average or 'none'}", "roc_auc_score", y_list, five, multi_class="ovr", labels=[0, 1, 2, 3, 4],
             average=average)
    case("auc_ovo_absent_class_weighted", "roc_auc_score", y_list, five, multi_class="ovo", labels=[0, 1, 2, 3, 4], average="weighted")
    binary_y = (y % 2).tolist()
    three = softmax_rows(n, 3, y % 2)
    case("auc_binary_y_three_columns_labels", "roc_auc_score", binary_y, three, multi_class="ovr", labels=[0, 1, 2])
    case("auc_binary_y_three_columns_labels_weighted", "roc_auc_score", binary_y, three, multi_class="ovr", labels=[0, 1, 2],
         average="weighted")
    case("auc_binary_y_three_columns_ovo", "roc_auc_score", binary_y, three, multi_class="ovo", labels=[0, 1, 2])
    case("auc_multiclass_float32", "roc_auc_score", y_list, probabilities.astype(np.float32), score_dtype="float32", multi_class="ovr")
    # Errors scikit-learn raises.
    case("auc_multiclass_raise", "roc_auc_score", y_list, probabilities)
    unnormalised = probabilities.copy()
    unnormalised[7] *= 1.01
    case("auc_multiclass_rows_not_summing_to_1", "roc_auc_score", y_list, unnormalised, multi_class="ovr")
    case("auc_multiclass_max_fpr", "roc_auc_score", y_list, probabilities, multi_class="ovr", max_fpr=0.5)
    case("auc_ovo_sample_weight", "roc_auc_score", y_list, probabilities, multi_class="ovo", sample_weight=weights)
    case("auc_ovo_average_none", "roc_auc_score", y_list, probabilities, multi_class="ovo", average=None)
    case("auc_ovr_average_samples", "roc_auc_score", y_list, probabilities, multi_class="ovr", average="samples")
    case("auc_multiclass_labels_unsorted", "roc_auc_score", y_list, probabilities, multi_class="ovr", labels=[0, 2, 1, 3])
    case("auc_multiclass_labels_repeated", "roc_auc_score", y_list, probabilities, multi_class="ovr", labels=[0, 1, 1, 3])
    case("auc_multiclass_labels_missing_y_class", "roc_auc_score", y_list, probabilities, multi_class="ovr", labels=[0, 1, 2, 4])
    case("auc_multiclass_labels_count", "roc_auc_score", y_list, probabilities, multi_class="ovr", labels=[0, 1, 2])
    case("auc_multiclass_columns_count", "roc_auc_score", y_list, probabilities[:, :3] / probabilities[:, :3].sum(axis=1, keepdims=True),
         multi_class="ovr")
    case("auc_multiclass_one_score_per_sample", "roc_auc_score", y_list, probabilities[:, 0], multi_class="ovr")
    for average in ("macro", "weighted", "micro", None):
        name = average or "none"
        case(f"ap_multiclass_{name}", "average_precision_score", y_list, probabilities, average=average)
        case(f"ap_multiclass_{name}_weighted_samples", "average_precision_score", y_list, probabilities, average=average,
             sample_weight=weights)
    case("ap_multiclass_pos_label_2", "average_precision_score", y_list, probabilities, pos_label=2)


def read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def real_data():
    header, body = read_csv(BREAST_CANCER_CSV)
    assert header == ["label", "score"], header
    labels = np.array([int(row[0]) for row in body])
    scores = np.array([float(row[1]) for row in body])
    breast_cancer = {
        "samples": len(labels),
        "roc_auc": roc_auc_current(labels, scores),
        "average_precision": float(average_precision_current(labels, scores)),
        "roc_auc_max_fpr_0.1": roc_auc_current(labels, scores, max_fpr=0.1),
        "roc_curve": roc_curve_current(labels, scores),
        "precision_recall_curve": precision_recall_curve_current(labels, scores),
        "distinct_scores": len(np.unique(scores)),
    }
    header, body = read_csv(DIGITS_CSV)
    assert header == ["label"] + [f"p{c}" for c in range(10)], header
    digit_labels = np.array([int(row[0]) for row in body])
    probabilities = np.array([[float(value) for value in row[1:]] for row in body])
    digits = {"samples": len(digit_labels)}
    for average in ("macro", "weighted", "micro", None):
        digits[f"ovr_{average or 'none'}"] = roc_auc_current(digit_labels, probabilities, multi_class="ovr", average=average)
        digits[f"average_precision_{average or 'none'}"] = average_precision_current(digit_labels, probabilities, average=average)
    for average in ("macro", "weighted"):
        digits[f"ovo_{average}"] = roc_auc_current(digit_labels, probabilities, multi_class="ovo", average=average)
    return {"breast_cancer": breast_cancer, "digits": digits}


def main():
    binary_cases()
    multilabel_cases()
    multiclass_cases()
    fixture = {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "current_behaviour": CURRENT_BEHAVIOUR,
        "real_data": real_data(),
        "cases": CASES,
        "arrays": ARRAYS,
    }
    # One line per case and per stored array keeps the file small and its diffs readable.
    write_by_line(JSON_PATH, fixture, one_line_each=("cases", "arrays"))
    errors = sum("error" in entry for entry in CASES)
    differing = sum("sklearn_1_2_1" in entry for entry in CASES)
    print(f"{len(CASES)} cases ({errors} errors, {differing} where 1.2.1 differs) written to {JSON_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
