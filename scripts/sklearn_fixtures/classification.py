#!/usr/bin/env -S /usr/bin/python3
"""scikit-learn reference values for test/functional-classification.test.ts.

Writes test/fixtures/sklearn_classification.json: cases for the classification
functional API (accuracyScore ... topKAccuracyScore) on seeded random binary,
multiclass and multilabel data (weights with zeros, classes absent from y_pred
or from y_true, numeric and string labels, one class only), error cases with
scikit-learn's own exception, and real data: examples/breast_cancer_predictions.csv
(columns label,score) and test/fixtures/digits_predictions.csv (label,p0..p9).

Computed with the scikit-learn recorded in the JSON (1.2.1, Debian's package).
The library follows current scikit-learn where it differs from 1.2.1; those
expectations are derived here from scikit-learn's own counts with the current
rule, and each case says so in "source":

- "sklearn": the value scikit-learn 1.2.1 returns.
- "current-rule": the precision/recall/F family computed from scikit-learn's
  multilabel_confusion_matrix counts with current scikit-learn's rule
  (F from the counts, zero_division=nan leaving undefined entries out of the
  average, weights summing to zero ignored). Wherever 1.2.1 has the same rule
  the script asserts that the two agree.
- "current-rule:log_loss": -Σ w·log(clip(p[true class], eps, 1 - eps)) without
  1.2.1's renormalisation of rows (current scikit-learn no longer divides rows
  by their sum); asserted equal to 1.2.1 where rows already sum to 1.
- "current-rule:brier": Σ w·Σ_k (p_k - [k = true class])² / Σ w, halved for 1-D
  input and two columns (scale_by_half='auto'), the multiclass form 1.2.1 lacks;
  asserted equal to 1.2.1's binary brier_score_loss where both exist.

NaN and the infinities are written as the strings "NaN", "Infinity" and
"-Infinity" (fixture_json.py, shared by every fixture script) in expected
values, inputs and the option zeroDivision alike; null is a missing value
(the support of an averaged precision_recall_fscore_support).

To regenerate, from the repository root:

    /usr/bin/python3 scripts/sklearn_fixtures/classification.py
"""
import csv
import json
import math
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score, balanced_accuracy_score, brier_score_loss, cohen_kappa_score, confusion_matrix, f1_score,
    fbeta_score, log_loss, matthews_corrcoef, multilabel_confusion_matrix, precision_recall_fscore_support,
    precision_score, recall_score, top_k_accuracy_score,
)

from fixture_json import dumps, plain, write

ROOT = Path(__file__).resolve().parents[2]
JSON_PATH = ROOT / "test" / "fixtures" / "sklearn_classification.json"
BREAST_CANCER = ROOT / "examples" / "breast_cancer_predictions.csv"
DIGITS = ROOT / "test" / "fixtures" / "digits_predictions.csv"

RNG = np.random.default_rng(20240611)
warnings.simplefilter("ignore")

CASES = []
ERRORS = []


def close(a, b, rtol=1e-12):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((np.isnan(a) & np.isnan(b)) | (np.abs(a - b) <= rtol * np.abs(b) + 1e-15)))


ARRAYS = []
ARRAY_IDS = {}


def array_ref(values):
    """Cases share their input arrays: each distinct array is stored once, in "arrays", and named by its index."""
    key = dumps(values)
    if key not in ARRAY_IDS:
        ARRAY_IDS[key] = len(ARRAYS)
        ARRAYS.append(json.loads(key))
    return ARRAY_IDS[key]


def add(case_id, function, y_true, y_pred, options, expected, source="sklearn", **extra):
    options = dict(options)
    if "sampleWeight" in options:
        options["sampleWeight"] = {"array": array_ref(options["sampleWeight"])}
    CASES.append(plain({"id": case_id, "function": function, "y_true": array_ref(y_true), "y_pred": array_ref(y_pred),
                        "options": options, "expected": expected, "source": source, **extra}))


def sk_options(options):
    """camelCase options of the library to scikit-learn keyword arguments."""
    names = {"sampleWeight": "sample_weight", "zeroDivision": "zero_division", "posLabel": "pos_label",
             "scaleByHalf": "scale_by_half"}
    result = {}
    for key, value in options.items():
        if key == "zeroDivision" and value == "NaN":
            value = np.nan
        result[names.get(key, key)] = value
    return result


# ---------------------------------------------------------------------------
# Data sets

def noisy_copy(labels, classes, keep):
    """y_pred: the true label with probability `keep`, else a random class."""
    other = RNG.choice(classes, size=len(labels))
    return np.where(RNG.random(len(labels)) < keep, labels, other)


def weights_with_zeros(n):
    weights = np.round(RNG.uniform(0, 2, size=n), 3)
    weights[RNG.choice(n, size=max(2, n // 8), replace=False)] = 0
    return weights


def label_sets():
    sets = {}
    y = RNG.integers(0, 2, 50)
    sets["binary01"] = (y, noisy_copy(y, [0, 1], 0.7))
    y = RNG.choice([-1, 1], 40)
    sets["binary_pm1"] = (y, noisy_copy(y, [-1, 1], 0.6))
    y = RNG.choice(["neg", "pos"], 40)
    sets["binary_strings"] = (y, noisy_copy(y, ["neg", "pos"], 0.65))
    # Five classes: 4 never in y_true, 3 never predicted.
    y = RNG.choice([0, 1, 2, 3], 80)
    p = noisy_copy(y, [0, 1, 2, 4], 0.6)
    p[p == 3] = 4
    sets["multiclass"] = (y, p)
    y = RNG.choice([2, 5, 7, 11], 60)
    sets["multiclass_sparse_ids"] = (y, noisy_copy(y, [2, 5, 7, 11], 0.5))
    y = RNG.choice(["ant", "bird", "cat", "dog"], 60)
    sets["multiclass_strings"] = (y, noisy_copy(y, ["ant", "bird", "cat", "dog"], 0.55))
    # Labels spread wider than the kernels' window, and labels beyond it but close together.
    y = RNG.choice([-20000, 3, 40000], 45)
    sets["wide_range"] = (y, noisy_copy(y, [-20000, 3, 40000], 0.6))
    y = RNG.choice([100000, 100001, 100003], 45)
    sets["far_from_zero"] = (y, noisy_copy(y, [100000, 100001, 100003], 0.6))
    sets["one_class"] = (np.ones(12, dtype=int), np.ones(12, dtype=int))
    sets["true_one_class"] = (np.zeros(12, dtype=int), RNG.integers(0, 2, 12))
    return sets


def multilabel_set():
    y = (RNG.random((40, 4)) < 0.4).astype(int)
    y[:, 2] = 0  # a label never true
    p = np.where(RNG.random((40, 4)) < 0.75, y, 1 - y)
    p[:5] = 0  # samples with nothing predicted
    y[5:8] = 0  # samples with nothing true
    return y, p


# ---------------------------------------------------------------------------
# Precision / recall / F under current scikit-learn's rule

def current_prf(tp, pred, true, beta, zero_division, average, weights):
    """Per-entry scores from counts, then the current average (NaN entries left out)."""
    tp, pred, true = (np.asarray(v, dtype=float) for v in (tp, pred, true))
    if average == "micro":
        tp, pred, true = (np.array([v.sum()]) for v in (tp, pred, true))
    zd = 0.0 if zero_division == "warn" else float(zero_division)

    def divide(numerator, denominator):
        out = np.full(len(numerator), zd)
        ok = denominator != 0
        out[ok] = numerator[ok] / denominator[ok]
        return out

    precision, recall = divide(tp, pred), divide(tp, true)
    if math.isinf(beta):
        f = recall
    elif beta == 0:
        f = precision
    else:
        f = divide((1 + beta ** 2) * tp, beta ** 2 * true + pred)
    if average is None:
        return {"precision": precision, "recall": recall, "fScore": f, "support": true}
    avg_weights = true if average == "weighted" else weights if average == "samples" else None

    def nan_average(values):
        keep = ~np.isnan(values)
        if not keep.any():
            return np.nan
        if avg_weights is None:
            return values[keep].mean()
        w = np.asarray(avg_weights, dtype=float)[keep]
        return values[keep].mean() if w.sum() == 0 else np.average(values[keep], weights=w)

    return {"precision": nan_average(precision), "recall": nan_average(recall), "fScore": nan_average(f), "support": None}


def mcm_counts(y_true, y_pred, weights, labels, samplewise):
    mcm = multilabel_confusion_matrix(y_true, y_pred, sample_weight=weights, labels=labels, samplewise=samplewise)
    tp = mcm[:, 1, 1]
    return tp, tp + mcm[:, 0, 1], tp + mcm[:, 1, 0]


FUNCTION_PART = {"precision_score": "precision", "recall_score": "recall", "f1_score": "fScore", "fbeta_score": "fScore"}
SKLEARN_PRF = {"precision_score": precision_score, "recall_score": recall_score, "f1_score": f1_score,
               "fbeta_score": fbeta_score}


def prf_case(case_id, function, y_true, y_pred, options, is_multilabel):
    kwargs = sk_options(options)
    average = kwargs.get("average", None if function == "precision_recall_fscore_support" else "binary")
    beta = kwargs.get("beta", 1.0)
    zd = kwargs.get("zero_division", "warn")
    weights = kwargs.get("sample_weight")
    labels = kwargs.get("labels")
    if average == "binary":
        labels = [kwargs.get("pos_label", 1)]
    samplewise = average == "samples"
    tp, pred, true = mcm_counts(y_true, y_pred, weights, labels, samplewise)
    derived = current_prf(tp, pred, true, beta, zd, average, weights)
    expected = derived if function == "precision_recall_fscore_support" else derived[FUNCTION_PART[function]]
    comparable = not (isinstance(zd, float) and math.isnan(zd)) and beta != 0
    weights_vanish = average == "weighted" and float(np.sum(true)) == 0
    if comparable and not weights_vanish:
        if function == "precision_recall_fscore_support":
            p, r, f, s = precision_recall_fscore_support(y_true, y_pred, **kwargs)
            actual = {"precision": p, "recall": r, "fScore": f, "support": s}
            for key in ("precision", "recall", "fScore"):
                assert close(actual[key], derived[key]), (case_id, key, actual[key], derived[key])
            if s is not None:
                assert close(s, derived["support"]), case_id
        else:
            actual = SKLEARN_PRF[function](y_true, y_pred, **kwargs)
            assert close(actual, expected), (case_id, actual, expected)
        source = "sklearn"
    else:
        source = "current-rule"
    add(case_id, function, y_true, y_pred, options, expected, source)


def prf_cases(name, y_true, y_pred, weights, is_binary, is_multilabel, classes):
    averages = [None, "micro", "macro", "weighted"] + (["binary"] if is_binary else []) + (["samples"] if is_multilabel else [])
    for weighted in (False, True):
        base = {"sampleWeight": weights.tolist()} if weighted else {}
        tag = f"{name}{'/weighted' if weighted else ''}"
        for average in averages:
            for zd in ("warn", 0, 1, "NaN"):
                options = {**base, "average": average, "zeroDivision": zd}
                if average == "binary" and classes is not None and 1 not in list(classes):
                    options["posLabel"] = classes[-1]
                for function in ("precision_score", "recall_score", "f1_score"):
                    prf_case(f"{tag}/{function}/{average}/zd={zd}", function, y_true, y_pred, options, is_multilabel)
                prf_case(f"{tag}/prfs/{average}/zd={zd}", "precision_recall_fscore_support", y_true, y_pred,
                         options, is_multilabel)
        for beta in (0.5, 2.0):
            for average in averages:
                options = {**base, "average": average, "beta": beta}
                if average == "binary" and classes is not None and 1 not in list(classes):
                    options["posLabel"] = classes[-1]
                prf_case(f"{tag}/fbeta={beta}/{average}", "fbeta_score", y_true, y_pred, options, is_multilabel)
        # Labels: a subset in another order, and one label absent from the data.
        if classes is not None and len(classes) >= 2:
            absent = "zebra" if isinstance(classes[0], str) else int(max(classes)) + 100
            for average in ("weighted", "macro"):
                # Only a label that never occurs: the support weights sum to zero.
                options = {**base, "labels": [absent], "average": average, "zeroDivision": 1}
                prf_case(f"{tag}/prfs/labels=[{absent}]/{average}", "precision_recall_fscore_support",
                         y_true, y_pred, options, is_multilabel)
            for labels in ([classes[-1], classes[0]], [*classes, absent]):
                for average in (None, "macro", "micro", "weighted"):
                    for zd in ("warn", 1, "NaN"):
                        options = {**base, "labels": list(labels), "average": average, "zeroDivision": zd}
                        prf_case(f"{tag}/prfs/labels={labels}/{average}/zd={zd}", "precision_recall_fscore_support",
                                 y_true, y_pred, options, is_multilabel)
        if is_multilabel:
            for average in (None, "macro", "samples", "weighted"):
                for zd in ("warn", 1, "NaN"):
                    options = {**base, "labels": [3, 0, 2], "average": average, "zeroDivision": zd}
                    prf_case(f"{tag}/prfs/columns=[3,0,2]/{average}/zd={zd}", "precision_recall_fscore_support",
                             y_true, y_pred, options, is_multilabel)
        if is_binary and classes is not None:
            options = {**base, "posLabel": classes[0]}
            prf_case(f"{tag}/f1/pos_label={classes[0]}", "f1_score", y_true, y_pred, options, is_multilabel)


def label_cases():
    for name, (y_true, y_pred) in label_sets().items():
        classes = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
        weights = weights_with_zeros(len(y_true))
        is_binary = len(classes) <= 2
        for weighted in (False, True):
            base = {"sampleWeight": weights.tolist()} if weighted else {}
            kw = sk_options(base)
            tag = f"{name}{'/weighted' if weighted else ''}"
            for normalize in (True, False):
                add(f"{tag}/accuracy/normalize={normalize}", "accuracy_score", y_true, y_pred,
                    {**base, "normalize": normalize}, accuracy_score(y_true, y_pred, normalize=normalize, **kw))
            for adjusted in (False, True):
                add(f"{tag}/balanced/adjusted={adjusted}", "balanced_accuracy_score", y_true, y_pred,
                    {**base, "adjusted": adjusted}, balanced_accuracy_score(y_true, y_pred, adjusted=adjusted, **kw))
            add(f"{tag}/mcc", "matthews_corrcoef", y_true, y_pred, base, matthews_corrcoef(y_true, y_pred, **kw))
            for kappa_weights in (None, "linear", "quadratic"):
                add(f"{tag}/kappa/{kappa_weights}", "cohen_kappa_score", y_true, y_pred, {**base, "weights": kappa_weights},
                    cohen_kappa_score(y_true, y_pred, weights=kappa_weights, **kw))
            for normalize in (None, "true", "pred", "all"):
                add(f"{tag}/confusion/{normalize}", "confusion_matrix", y_true, y_pred, {**base, "normalize": normalize},
                    confusion_matrix(y_true, y_pred, normalize=normalize, **kw))
            if len(classes) >= 2:
                absent = "zebra" if isinstance(classes[0], str) else int(max(classes)) + 100
                labels = [classes[-1], absent, classes[0]]
                add(f"{tag}/confusion/labels", "confusion_matrix", y_true, y_pred, {**base, "labels": labels},
                    confusion_matrix(y_true, y_pred, labels=labels, **kw))
                add(f"{tag}/confusion/labels/normalize=true", "confusion_matrix", y_true, y_pred,
                    {**base, "labels": labels, "normalize": "true"},
                    confusion_matrix(y_true, y_pred, labels=labels, normalize="true", **kw))
                for kappa_weights in (None, "quadratic"):
                    add(f"{tag}/kappa/labels/{kappa_weights}", "cohen_kappa_score", y_true, y_pred,
                        {**base, "labels": labels, "weights": kappa_weights},
                        cohen_kappa_score(y_true, y_pred, labels=labels, weights=kappa_weights, **kw))
        prf_cases(name, y_true, y_pred, weights, is_binary, False, classes)

    y_true, y_pred = multilabel_set()
    weights = weights_with_zeros(len(y_true))
    for weighted in (False, True):
        base = {"sampleWeight": weights.tolist()} if weighted else {}
        for normalize in (True, False):
            add(f"multilabel{'/weighted' if weighted else ''}/accuracy/normalize={normalize}", "accuracy_score", y_true, y_pred,
                {**base, "normalize": normalize}, accuracy_score(y_true, y_pred, normalize=normalize, **sk_options(base)))
    prf_cases("multilabel", y_true, y_pred, weights, False, True, None)


# ---------------------------------------------------------------------------
# Probabilities

def current_log_loss(y_ids, probabilities, weights, normalize, float32=False):
    """Current scikit-learn: clip to [eps, 1 - eps] in the input's dtype, no renormalisation."""
    p = np.asarray(probabilities)
    dtype = np.float32 if float32 else np.float64
    eps = float(np.finfo(dtype).eps)
    if p.ndim == 1:
        positive = p.astype(dtype)
        p = np.column_stack([(dtype(1) - positive).astype(np.float64), positive.astype(np.float64)])
    true_class = p[np.arange(len(y_ids)), y_ids].astype(np.float64)
    loss = -np.log(np.clip(true_class, eps, 1 - eps))
    w = np.ones(len(loss)) if weights is None else np.asarray(weights, dtype=float)
    return float(np.sum(w * loss) / np.sum(w)) if normalize else float(np.sum(w * loss))


def current_brier(y_ids, probabilities, weights, scale_by_half="auto"):
    p = np.asarray(probabilities, dtype=np.float64)
    if p.ndim == 1:
        p = np.column_stack([1 - p, p])
        halve = True if scale_by_half == "auto" else scale_by_half
    else:
        halve = p.shape[1] < 3 if scale_by_half == "auto" else scale_by_half
    one_hot = np.eye(p.shape[1])[y_ids]
    per_sample = ((one_hot - p) ** 2).sum(axis=1)
    score = float(np.average(per_sample, weights=weights))
    return score * 0.5 if halve else score


def dirichlet_rows(n, k, concentration=0.7):
    rows = RNG.dirichlet(np.full(k, concentration), size=n)
    rows[0] = 0
    rows[0, 0] = 1  # exact 0 and 1 exercise the clipping
    return rows


def encode(y, classes):
    index = {label: i for i, label in enumerate(classes)}
    return np.array([index[label] for label in y])


def probability_cases():
    # Binary, 1-D probabilities of the positive class.
    y = RNG.integers(0, 2, 60)
    p = np.clip(np.where(y == 1, RNG.beta(4, 2, 60), RNG.beta(2, 4, 60)), 0, 1)
    p[0], p[1] = 0.0, 1.0
    weights = weights_with_zeros(60)
    for weighted in (False, True):
        w = weights if weighted else None
        base = {"sampleWeight": weights.tolist()} if weighted else {}
        tag = "binary" + ("/weighted" if weighted else "")
        for normalize in (True, False):
            sk = log_loss(y, p, normalize=normalize, sample_weight=w)
            mine = current_log_loss(y, p, w, normalize)
            assert close(sk, mine), (sk, mine)
            add(f"{tag}/log_loss/normalize={normalize}", "log_loss", y, p, {**base, "normalize": normalize}, mine)
        p32 = p.astype(np.float32)
        sk32 = float(log_loss(y, p32, sample_weight=w))
        add(f"{tag}/log_loss/float32", "log_loss", y, p32.astype(np.float64), base,
            current_log_loss(y, p32, w, True, float32=True), "current-rule:log_loss", yPredDtype="float32", sklearnFloat32=sk32)
        two = np.column_stack([1 - p, p])
        add(f"{tag}/log_loss/two_columns", "log_loss", y, two, base, log_loss(y, two, sample_weight=w))
        sk = brier_score_loss(y, p, sample_weight=w)
        assert close(sk, current_brier(y, p, w)), (sk, current_brier(y, p, w))
        add(f"{tag}/brier", "brier_score_loss", y, p, base, sk)
        add(f"{tag}/brier/scale=false", "brier_score_loss", y, p, {**base, "scaleByHalf": False},
            current_brier(y, p, w, False), "current-rule:brier")
        add(f"{tag}/brier/two_columns", "brier_score_loss", y, two, base, current_brier(y, two, w), "current-rule:brier")
        # Labels other than {0, 1}: the default positive label and an explicit one.
        pm = np.where(y == 1, 1, -1)
        add(f"{tag}/brier/labels=-1,1", "brier_score_loss", pm, p, base, brier_score_loss(pm, p, sample_weight=w))
        two_five = np.where(y == 1, 5, 2)
        add(f"{tag}/brier/labels=2,5", "brier_score_loss", two_five, p, base, brier_score_loss(two_five, p, sample_weight=w))
        add(f"{tag}/brier/pos_label=2", "brier_score_loss", two_five, p, {**base, "posLabel": 2},
            brier_score_loss(two_five, p, sample_weight=w, pos_label=2))
        words = np.where(y == 1, "yes", "no")
        add(f"{tag}/brier/strings", "brier_score_loss", words, p, {**base, "posLabel": "yes"},
            brier_score_loss(words, p, sample_weight=w, pos_label="yes"))
        add(f"{tag}/log_loss/strings", "log_loss", words, p, base, log_loss(words, p, sample_weight=w))

    # Multiclass rows.
    classes = [0, 1, 2, 3]
    y = RNG.choice(classes, 70)
    rows = dirichlet_rows(70, 4)
    weights = weights_with_zeros(70)
    y_missing = np.where(y == 2, 3, y)  # class 2 never true
    for weighted in (False, True):
        w = weights if weighted else None
        base = {"sampleWeight": weights.tolist()} if weighted else {}
        tag = "multiclass" + ("/weighted" if weighted else "")
        for normalize in (True, False):
            sk = log_loss(y, rows, normalize=normalize, sample_weight=w)
            mine = current_log_loss(y, rows, w, normalize)
            assert close(sk, mine), (sk, mine)
            add(f"{tag}/log_loss/normalize={normalize}", "log_loss", y, rows, {**base, "normalize": normalize}, mine)
        add(f"{tag}/log_loss/labels", "log_loss", y_missing, rows, {**base, "labels": classes},
            log_loss(y_missing, rows, labels=classes, sample_weight=w))
        rows32 = rows.astype(np.float32)
        add(f"{tag}/log_loss/float32", "log_loss", y, rows32.astype(np.float64), base,
            current_log_loss(y, rows32, w, True, float32=True), "current-rule:log_loss", yPredDtype="float32",
            sklearnFloat32=float(log_loss(y, rows32, sample_weight=w)))
        add(f"{tag}/brier", "brier_score_loss", y, rows, base, current_brier(y, rows, w), "current-rule:brier")
        add(f"{tag}/brier/scale=true", "brier_score_loss", y, rows, {**base, "scaleByHalf": True},
            current_brier(y, rows, w, True), "current-rule:brier")
        add(f"{tag}/brier/labels", "brier_score_loss", y_missing, rows, {**base, "labels": classes},
            current_brier(encode(y_missing, classes), rows, w), "current-rule:brier")
        names = np.array(["ant", "bird", "cat", "dog"])[y]
        add(f"{tag}/log_loss/strings", "log_loss", names, rows, base, log_loss(names, rows, sample_weight=w))

    # Top-k accuracy: five classes, one never true; a tie-heavy variant.
    classes = [0, 1, 2, 3, 4]
    y = RNG.choice([0, 1, 2, 4], 50)
    scores = RNG.random((50, 5))
    ties = np.round(scores * 3) / 3
    weights = weights_with_zeros(50)
    for weighted in (False, True):
        w = weights if weighted else None
        base = {"sampleWeight": weights.tolist()} if weighted else {}
        tag = "topk" + ("/weighted" if weighted else "")
        for k in (1, 2, 3):
            for normalize in (True, False):
                add(f"{tag}/k={k}/normalize={normalize}", "top_k_accuracy_score", y, scores,
                    {**base, "k": k, "normalize": normalize, "labels": classes},
                    top_k_accuracy_score(y, scores, k=k, normalize=normalize, labels=classes, sample_weight=w))
            add(f"{tag}/ties/k={k}", "top_k_accuracy_score", y, ties, {**base, "k": k, "labels": classes},
                top_k_accuracy_score(y, ties, k=k, labels=classes, sample_weight=w))
        y4 = RNG.choice([0, 1, 2, 3], 50)
        add(f"{tag}/no_labels", "top_k_accuracy_score", y4, scores[:, :4], {**base, "k": 2},
            top_k_accuracy_score(y4, scores[:, :4], k=2, sample_weight=w))
        yb = RNG.integers(0, 2, 50)
        for name, s in (("probabilities", scores[:, 0]), ("decision", scores[:, 0] * 4 - 2)):
            for k in (1, 2):
                add(f"{tag}/binary/{name}/k={k}", "top_k_accuracy_score", yb, s, {**base, "k": k},
                    top_k_accuracy_score(yb, s, k=k, sample_weight=w))


# ---------------------------------------------------------------------------
# Errors (scikit-learn's exception is recorded; the code is the library's)

def error_case(case_id, function, y_true, y_pred, options, code, call=None):
    sklearn_error = None
    if call is not None:
        try:
            call()
        except Exception as error:  # noqa: BLE001 - the message is what is recorded
            sklearn_error = f"{type(error).__name__}: {error}"
        assert sklearn_error is not None, case_id
    ERRORS.append(plain({"id": case_id, "function": function, "y_true": y_true, "y_pred": y_pred, "options": options,
                         "code": code, "sklearn_error": sklearn_error}))


def error_cases():
    error_case("lengths", "accuracy_score", [0, 1], [0, 1, 1], {}, "SHAPE_MISMATCH",
               lambda: accuracy_score([0, 1], [0, 1, 1]))
    error_case("weight_length", "accuracy_score", [0, 1], [0, 1], {"sampleWeight": [1]}, "WEIGHT_SHAPE",
               lambda: accuracy_score([0, 1], [0, 1], sample_weight=[1]))
    error_case("nan_label", "f1_score", [0, "NaN"], [0, 1], {}, "NON_FINITE",
               lambda: f1_score([0, np.nan], [0, 1]))
    error_case("continuous", "accuracy_score", [0.5, 1], [0, 1], {}, "INVALID_INPUT",
               lambda: accuracy_score([0.5, 1], [0, 1]))
    error_case("multilabel_mix", "accuracy_score", [[0, 1], [1, 1]], [0, 1], {}, "INVALID_INPUT",
               lambda: accuracy_score([[0, 1], [1, 1]], [0, 1]))
    error_case("unknown_average", "f1_score", [0, 1], [0, 1], {"average": "median"}, "INVALID_CONFIG",
               lambda: f1_score([0, 1], [0, 1], average="median"))
    error_case("binary_on_multiclass", "f1_score", [0, 1, 2], [0, 1, 2], {}, "INVALID_CONFIG",
               lambda: f1_score([0, 1, 2], [0, 1, 2]))
    error_case("binary_on_multilabel", "precision_score", [[0, 1], [1, 1]], [[0, 1], [1, 0]], {}, "INVALID_CONFIG",
               lambda: precision_score([[0, 1], [1, 1]], [[0, 1], [1, 0]]))
    error_case("samples_on_multiclass", "f1_score", [0, 1, 2], [0, 1, 2], {"average": "samples"}, "INVALID_CONFIG",
               lambda: f1_score([0, 1, 2], [0, 1, 2], average="samples"))
    error_case("pos_label_absent", "recall_score", [0, 1, 1], [0, 1, 1], {"posLabel": 2}, "INVALID_CONFIG",
               lambda: recall_score([0, 1, 1], [0, 1, 1], pos_label=2))
    error_case("pos_label_strings", "precision_score", ["a", "b"], ["a", "a"], {}, "INVALID_CONFIG",
               lambda: precision_score(["a", "b"], ["a", "a"]))
    # 1.2.1's accuracy_score compares strings with numbers and returns 0; the library rejects the mix, as
    # scikit-learn does when both columns are binary (f1_score raises a TypeError).
    error_case("mixed_label_types", "accuracy_score", ["a", "b"], [0, 1], {}, "INVALID_INPUT")
    error_case("mixed_label_types_binary", "f1_score", ["a", "b"], [0, 1], {}, "INVALID_INPUT",
               lambda: f1_score(["a", "b"], [0, 1]))
    error_case("zero_division_value", "f1_score", [0, 1], [0, 1], {"zeroDivision": 2}, "INVALID_CONFIG",
               lambda: f1_score([0, 1], [0, 1], zero_division=2))
    error_case("log_loss_one_label", "log_loss", [1, 1, 1], [0.5, 0.6, 0.7], {}, "INVALID_INPUT",
               lambda: log_loss([1, 1, 1], [0.5, 0.6, 0.7]))
    error_case("log_loss_nan", "log_loss", [0, 1], [0.2, "NaN"], {}, "NON_FINITE",
               lambda: log_loss([0, 1], [0.2, np.nan]))
    error_case("log_loss_classes", "log_loss", [0, 1, 2], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], {}, "SHAPE_MISMATCH",
               lambda: log_loss([0, 1, 2], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]))
    # 1.2.1 clips values above 1; current scikit-learn raises "y_prob contains values greater than 1".
    error_case("log_loss_above_one", "log_loss", [0, 1], [0.2, 1.5], {}, "INVALID_INPUT")
    error_case("brier_above_one", "brier_score_loss", [0, 1], [0.2, 1.3], {}, "INVALID_INPUT",
               lambda: brier_score_loss([0, 1], [0.2, 1.3]))
    error_case("brier_multiclass_1d", "brier_score_loss", [0, 1, 2], [0.2, 0.3, 0.4], {}, "INVALID_INPUT",
               lambda: brier_score_loss([0, 1, 2], [0.2, 0.3, 0.4]))
    error_case("brier_strings_no_pos_label", "brier_score_loss", ["a", "b"], [0.2, 0.3], {}, "INVALID_CONFIG",
               lambda: brier_score_loss(["a", "b"], [0.2, 0.3]))
    error_case("confusion_labels_absent", "confusion_matrix", [0, 1], [0, 1], {"labels": [3, 4]}, "INVALID_CONFIG",
               lambda: confusion_matrix([0, 1], [0, 1], labels=[3, 4]))
    error_case("confusion_multilabel", "confusion_matrix", [[0, 1], [1, 1]], [[0, 1], [1, 0]], {}, "INVALID_INPUT",
               lambda: confusion_matrix([[0, 1], [1, 1]], [[0, 1], [1, 0]]))
    error_case("top_k_labels_unordered", "top_k_accuracy_score", [0, 1, 2], [[0.2, 0.3, 0.5]] * 3,
               {"labels": [2, 1, 0]}, "INVALID_CONFIG",
               lambda: top_k_accuracy_score([0, 1, 2], [[0.2, 0.3, 0.5]] * 3, labels=[2, 1, 0]))
    error_case("top_k_nan", "top_k_accuracy_score", [0, 1, 2], [[0.2, 0.3, "NaN"]] * 3, {}, "NON_FINITE",
               lambda: top_k_accuracy_score([0, 1, 2], [[0.2, 0.3, np.nan]] * 3))
    error_case("top_k_class_count", "top_k_accuracy_score", [0, 1, 2], [[0.2, 0.8]] * 3, {}, "SHAPE_MISMATCH",
               lambda: top_k_accuracy_score([0, 1, 2], [[0.2, 0.8]] * 3))
    error_case("multilabel_values", "f1_score", [[0, 2], [1, 1]], [[0, 1], [1, 0]], {"average": "macro"}, "INVALID_INPUT",
               lambda: f1_score([[0, 2], [1, 1]], [[0, 1], [1, 0]], average="macro"))


# ---------------------------------------------------------------------------
# Real data

def read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], np.array([[float(value) for value in row] for row in rows[1:]])


def real_data():
    header, table = read_csv(BREAST_CANCER)
    assert header == ["label", "score"], header
    y, score = table[:, 0].astype(int), table[:, 1]
    predicted = (score >= 0.5).astype(int)
    breast_cancer = {
        "samples": len(y),
        "threshold_rule": "y_pred = score >= 0.5",
        "log_loss": log_loss(y, score),
        "log_loss_current_rule": current_log_loss(y, score, None, True),
        "brier_score_loss": brier_score_loss(y, score),
        "matthews_corrcoef": matthews_corrcoef(y, predicted),
        "f1_score": f1_score(y, predicted),
        "confusion_matrix": confusion_matrix(y, predicted),
    }
    assert close(breast_cancer["log_loss"], breast_cancer["log_loss_current_rule"])

    header, table = read_csv(DIGITS)
    assert header == ["label"] + [f"p{c}" for c in range(10)], header
    y, probabilities = table[:, 0].astype(int), table[:, 1:]
    predicted = probabilities.argmax(axis=1)
    digits = {
        "samples": len(y),
        "argmax_rule": "y_pred = first index of the row maximum (numpy argmax)",
        "accuracy_score": accuracy_score(y, predicted),
        "matthews_corrcoef": matthews_corrcoef(y, predicted),
        "cohen_kappa_score": cohen_kappa_score(y, predicted),
        "cohen_kappa_score_quadratic": cohen_kappa_score(y, predicted, weights="quadratic"),
        "f1_macro": f1_score(y, predicted, average="macro"),
        "balanced_accuracy_score": balanced_accuracy_score(y, predicted),
        "log_loss": current_log_loss(y, probabilities, None, True),
        "log_loss_sklearn_1_2_1": log_loss(y, probabilities),
        "log_loss_note": "Rows sum to 1 only within 3.6e-8 (float32 softmax outputs): scikit-learn 1.2.1 divides each "
                         "row by its sum, current scikit-learn does not (it warns). log_loss is the current rule.",
        "max_row_sum_error": float(np.abs(probabilities.sum(axis=1) - 1).max()),
        "top_k_accuracy_score": {str(k): top_k_accuracy_score(y, probabilities, k=k) for k in (1, 2, 3, 5)},
        "brier_score_loss": current_brier(y, probabilities, None),
    }
    return {"breast_cancer": breast_cancer, "digits": digits}


def main():
    label_cases()
    probability_cases()
    error_cases()
    fixture = {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "layout": "cases name their y_true, y_pred and options.sampleWeight arrays by index into arrays",
        "nan_encoding": "'NaN', 'Infinity' and '-Infinity' stand for the non-finite numbers everywhere (expected "
                        "values, inputs, the option zeroDivision); null is a missing value (an averaged support)",
        "arrays": ARRAYS,
        "cases": CASES,
        "errors": ERRORS,
        "real_data": plain(real_data()),
    }
    write(JSON_PATH, fixture, separators=(",", ":"))
    sources = {}
    for case in CASES:
        sources[case["source"]] = sources.get(case["source"], 0) + 1
    print(f"{len(CASES)} cases {sources}, {len(ERRORS)} error cases -> {JSON_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
