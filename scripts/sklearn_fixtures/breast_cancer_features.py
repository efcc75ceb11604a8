#!/usr/bin/env -S /usr/bin/python3
"""Breast cancer features for the TF.js examples under examples/.

Writes examples/breast_cancer_features.csv: scikit-learn's bundled Wisconsin
diagnostic breast cancer dataset (sklearn.datasets.load_breast_cancer, 569
rows), one row per sample, the 30 features as named by scikit-learn (spaces
replaced by underscores) and the last column `target` (1 = benign, 0 =
malignant, scikit-learn's coding). The values are written unchanged with
repr(), so the CSV holds exactly the dataset's float64 values.

Exported with scikit-learn 1.2.1 (Debian's python3-sklearn, which ships the
dataset, so no download is needed). The examples only read the committed
CSV, so CI needs no Python. To regenerate, from the repository root:

    /usr/bin/python3 scripts/sklearn_fixtures/breast_cancer_features.py
"""
import csv
from pathlib import Path

from sklearn.datasets import load_breast_cancer

ROOT = Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "examples" / "breast_cancer_features.csv"


def main() -> None:
    data = load_breast_cancer()
    header = [name.replace(" ", "_") for name in data.feature_names] + ["target"]
    with CSV_PATH.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for features, target in zip(data.data, data.target):
            writer.writerow([repr(float(value)) for value in features] + [int(target)])
    print(f"wrote {len(data.target)} rows to {CSV_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
