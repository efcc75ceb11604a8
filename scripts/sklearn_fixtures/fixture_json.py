"""The one JSON encoding of the reference fixtures written by the scripts in this folder.

JSON has no literal for NaN or the infinities, so every fixture writes them as
the strings "NaN", "Infinity" and "-Infinity" (test/support/fixture-json.ts
turns them back into numbers); null is only ever a missing value. numpy
scalars and arrays become plain Python values: booleans stay booleans,
integers stay integers, and every other number becomes a float64 written with
Python's shortest round-trip repr, so the JSON holds the exact bits (extended
precision values are rounded to float64 once, here).

The scripts import it as a sibling module (`from fixture_json import ...`),
which works because Python puts a script's own folder first on sys.path.
"""
import json
import math
from pathlib import Path

import numpy as np


def number(value):
    """A float64 as JSON-ready Python: itself, or the string naming a non-finite value."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def plain(value):
    """numpy values (nested in dicts, lists and tuples) to JSON-ready Python values."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    # bool before int: Python's bool is an int, numpy's is neither.
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return number(value)
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"no JSON encoding for {type(value).__name__}: {value!r}")


def dumps(value, **json_options):
    """JSON text of plain(value); json.dumps options (separators, indent) pass through."""
    return json.dumps(plain(value), allow_nan=False, **json_options)


def write(path: Path, value, **json_options) -> None:
    """The fixture as one JSON document (formatted by json_options) and a final newline."""
    path.write_text(dumps(value, **json_options) + "\n")


def write_by_line(path: Path, fixture: dict, one_line_each=()) -> None:
    """One top-level key a line; the lists and objects named in one_line_each one item a line.

    Large fixtures stay small on disk and their diffs show which case changed.
    """
    keys = list(fixture)
    lines = ["{"]
    for index, key in enumerate(keys):
        comma = "," if index < len(keys) - 1 else ""
        value = fixture[key]
        if key in one_line_each and isinstance(value, list):
            lines.append(f" {json.dumps(key)}: [")
            lines.extend(f"  {dumps(item)}{',' if i < len(value) - 1 else ''}" for i, item in enumerate(value))
            lines.append(f" ]{comma}")
        elif key in one_line_each and isinstance(value, dict):
            names = list(value)
            lines.append(f" {json.dumps(key)}: {{")
            lines.extend(f"  {json.dumps(name)}: {dumps(value[name])}{',' if i < len(names) - 1 else ''}"
                         for i, name in enumerate(names))
            lines.append(f" }}{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {dumps(value)}{comma}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # the hand-assembled layout must still be one valid JSON document
    path.write_text(text)
