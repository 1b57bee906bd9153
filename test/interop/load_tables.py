"""Loads a framescope run's tables the way a notebook would, with the types datapackage.json
declares, and checks that CSV and Parquet agree. Usage: python3 load_tables.py <out>/tables"""
import json
import sys
from pathlib import Path

import pandas as pd

PANDAS = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean", "date": "string"}

tables = Path(sys.argv[1])
package = json.loads((tables / "datapackage.json").read_text())
for res in package["resources"]:
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: PANDAS[f["type"]] for f in fields}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    csv = pd.read_csv(tables / res["path"], dtype=dtypes, keep_default_na=False, na_values=[""])
    for d in dates:
        csv[d] = pd.to_datetime(csv[d], format="%Y-%m-%d", errors="raise")
    assert list(csv.columns) == [f["name"] for f in fields], (res["name"], list(csv.columns))
    parquet = pd.read_parquet(tables / (res["name"] + ".parquet"))
    assert list(parquet.columns) == list(csv.columns), res["name"]
    assert len(parquet) == len(csv), (res["name"], len(parquet), len(csv))
    for f in fields:
        col = parquet[f["name"]]
        if f["type"] == "integer":
            assert col.dropna().map(lambda v: float(v).is_integer()).all(), f["name"]
        if f["type"] == "number":
            assert pd.api.types.is_numeric_dtype(col), f["name"]
    print(f"{res['name']}: {len(csv)} rows, {len(fields)} columns, types as declared; parquet agrees")
