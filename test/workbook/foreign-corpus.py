#!/usr/bin/python3
"""The foreign-writer corpus: a filled template, changed the way clerks and their tools really change it, saved by
openpyxl (which keeps defined names where they were and drops our identity part and every cached formula value) and
by LibreOffice headless. Called by test/workbook/foreign-corpus.test.ts with the base workbook and an output folder;
the test holds the expected verdict of every file.

    /usr/bin/python3 test/workbook/foreign-corpus.py base.xlsx out/ '{"S01": 9, ...}'

The third argument is the base template's row of each target, so the cells follow the template's layout.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import zipfile

from openpyxl import load_workbook
from openpyxl.formula.translate import Translator

BASE, OUT = sys.argv[1], sys.argv[2]
ROW = json.loads(sys.argv[3])
ENTRY = "Nhap"
COLUMNS = "ABCDEFGHIJKLMNO"


def load():
    return load_workbook(BASE)


def save(wb, name):
    wb.save(os.path.join(OUT, name))


def sort_rows(ws, first, last, key_col):
    """Sort rows first..last by a column, descending, moving every cell of a row (formulas translated to the new
    row) as a spreadsheet's Data > Sort does; defined names stay on their cells."""
    rows = []
    for r in range(first, last + 1):
        rows.append((r, [ws[f"{c}{r}"].value for c in COLUMNS]))
    def key(x):
        v = x[1][COLUMNS.index(key_col)]
        return -v if isinstance(v, (int, float)) else 0

    rows.sort(key=key)
    for new_r, (old_r, values) in zip(range(first, last + 1), rows):
        for c, v in zip(COLUMNS, values):
            if isinstance(v, str) and v.startswith("="):
                v = Translator(v, origin=f"{c}{old_r}").translate_formula(f"{c}{new_r}")
            ws[f"{c}{new_r}"].value = v


def soffice(src, fmt, outdir):
    profile = os.path.join(OUT, ".lo-profile")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", fmt, "--outdir", outdir, src],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=180,
    )


def edit_parts(src, dst, prefix, edit):
    """Apply a text edit to every part under a prefix (the strings are shared or inline, by writer and version)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith(prefix) and item.filename.endswith(".xml"):
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


os.makedirs(OUT, exist_ok=True)

# rows of the S group (S01 … S13) sorted by numerator, names left on their cells
wb = load()
sort_rows(wb[ENTRY], ROW["S01"], ROW["S13"], "H")
save(wb, "sorted-openpyxl.xlsx")

# a row inserted between S06 and S09 by a program that moves neither names nor formulas
wb = load()
wb[ENTRY].insert_rows(ROW["S09"])
save(wb, "inserted-row-openpyxl.xlsx")

# a column inserted before the numerator column, names not moved
wb = load()
wb[ENTRY].insert_cols(8)
save(wb, "inserted-column-openpyxl.xlsx")

# a date typed in S02's count cell, a time in U15's, a boolean in S10's numerator, an error value in S13's denominator
wb = load()
ws = wb[ENTRY]
ws[f"G{ROW['S02']}"] = datetime.date(2026, 3, 15)
save(wb, "date-openpyxl.xlsx")
wb = load()
wb[ENTRY][f"G{ROW['U15']}"] = datetime.time(8, 30)
save(wb, "time-openpyxl.xlsx")
wb = load()
wb[ENTRY][f"H{ROW['S10']}"] = True
save(wb, "boolean-openpyxl.xlsx")
wb = load()
wb[ENTRY][f"I{ROW['S13']}"] = "#DIV/0!"
save(wb, "error-openpyxl.xlsx")

# a formula in U16's count cell: openpyxl stores no cached value; LibreOffice calculates it when it saves
wb = load()
wb[ENTRY][f"G{ROW['U16']}"] = "=2+3"
save(wb, "formula-uncached-openpyxl.xlsx")
lo = os.path.join(OUT, "lo")
os.makedirs(lo, exist_ok=True)
soffice(os.path.join(OUT, "formula-uncached-openpyxl.xlsx"), "xlsx", lo)
shutil.move(os.path.join(lo, "formula-uncached-openpyxl.xlsx"), os.path.join(OUT, "formula-cached-libreoffice.xlsx"))

# the sorted workbook opened and saved again in LibreOffice
soffice(os.path.join(OUT, "sorted-openpyxl.xlsx"), "xlsx", lo)
shutil.move(os.path.join(lo, "sorted-openpyxl.xlsx"), os.path.join(OUT, "sorted-libreoffice.xlsx"))

# hostile character references in the strings: beyond Unicode, NUL, a lone surrogate; a contact too long
wb = load()
ws = wb[ENTRY]
ws[f"L{ROW['S02']}"] = "HOSTILE-ONE"
ws[f"M{ROW['S02']}"] = "HOSTILE-TWO"
ws[f"N{ROW['S02']}"] = "HOSTILE-THREE"
wb["DonVi"]["C10"] = "HOSTILE-FOUR"  # the preparer
wb["DonVi"]["C12"] = "0" * 250  # a phone longer than the 200 characters the endpoint takes
save(wb, "hostile-plain.xlsx")
edit_parts(
    os.path.join(OUT, "hostile-plain.xlsx"),
    os.path.join(OUT, "hostile-references.xlsx"),
    "xl/",
    lambda x: x.replace("HOSTILE-ONE", "a&#x110000;b").replace("HOSTILE-TWO", "c&#0;d").replace("HOSTILE-THREE", "e&#xD800;f")
    .replace("HOSTILE-FOUR", "g&#0;h"),
)
os.remove(os.path.join(OUT, "hostile-plain.xlsx"))

# renamed files: an OpenDocument spreadsheet and a CSV export, each renamed to .xlsx
soffice(BASE, "ods", lo)
shutil.move(os.path.join(lo, os.path.splitext(os.path.basename(BASE))[0] + ".ods"), os.path.join(OUT, "renamed-ods.xlsx"))
soffice(BASE, "csv", lo)
shutil.move(os.path.join(lo, os.path.splitext(os.path.basename(BASE))[0] + ".csv"), os.path.join(OUT, "renamed-csv.xlsx"))

# truncated and empty
with open(BASE, "rb") as f:
    data = f.read()
with open(os.path.join(OUT, "truncated.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])
open(os.path.join(OUT, "empty.xlsx"), "wb").close()

shutil.rmtree(lo, ignore_errors=True)
shutil.rmtree(os.path.join(OUT, ".lo-profile"), ignore_errors=True)
