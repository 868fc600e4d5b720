#!/usr/bin/python3
"""The same consolidation reader written with openpyxl, for the benchmark's comparison.

For every file: open it read-only with cached values (openpyxl's fastest mode), take the unit and the period from the
unit sheet (DonVi!C3 and DonVi!C5), then every target row of the entry sheet (Nhap: id in column A from row 6, value
in G, numerator in H, denominator in I), parse the numbers ("12,5" as well as 12.5) and add them to running sums per
period x target. Prints one JSON document: files read, seconds, and the sums, so the benchmark can check that both
readers found the same figures.

Usage: /usr/bin/python3 openpyxl_reader.py <file list (one path per line)>
"""
import json
import sys
import time

from openpyxl import load_workbook


def number(v):
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace(" ", "")
    if not s:
        return None
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip()]
    sums = {}
    failed = []
    t0 = time.perf_counter()
    for path in files:
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            unit = wb["DonVi"]
            rows = list(unit.iter_rows(min_row=3, max_row=5, min_col=3, max_col=3, values_only=True))
            unit_code, period = str(rows[0][0]), str(rows[2][0])
            entry = wb["Nhap"]
            for row in entry.iter_rows(min_row=6, min_col=1, max_col=9, values_only=True):
                tid = row[0]
                if not isinstance(tid, str) or len(tid) != 3:
                    continue
                value, num, den = number(row[6]), number(row[7]), number(row[8])
                acc = sums.setdefault(period + "|" + tid, [0.0, 0.0, 0.0, 0])
                if value is not None:
                    acc[0] += value
                if num is not None:
                    acc[1] += num
                if den is not None:
                    acc[2] += den
                acc[3] += 1
            wb.close()
        except Exception as e:  # a file openpyxl cannot read is listed, as the product does
            failed.append([path, str(e)])
    seconds = time.perf_counter() - t0
    json.dump({"files": len(files), "failed": failed, "seconds": seconds, "sums": sums}, sys.stdout)


if __name__ == "__main__":
    main()
