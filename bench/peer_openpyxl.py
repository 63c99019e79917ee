#!/usr/bin/python3
"""openpyxl peer for bench_xlsx: what a Python user would do with a workbook.

Usage (run with Debian's /usr/bin/python3, which has python3-openpyxl):

  peer_openpyxl.py make FILE.xlsx [--rows N] [--seed S] [--openpyxl]
      writes a records workbook: one sheet "records", header
      source,target,weight,date, then N rows (100000): source and target
      drawn from N/5 actor names, weight an integer 1-5 or a number with one
      decimal, date a date cell (built-in format 14) in 2020-2024. Written
      as Excel writes it, with zipfile: text in the shared strings table,
      cells with r= and styles. With --openpyxl, openpyxl's write_only mode
      writes the same rows instead (this openpyxl writes text as inline
      strings, and dates with its own yyyy-mm-dd format)
  peer_openpyxl.py read FILE.xlsx [--repeat N]
      load_workbook(read_only=True) and ws.iter_rows(values_only=True) over
      the first sheet, counting rows and non-empty cells; best of N (3)

Only the work inside Python is timed (time.perf_counter); the interpreter
start-up and `import openpyxl` are not. Prints `key value` lines: seconds,
rows, cells.
"""

import argparse
import datetime
import random
import sys
import time
import zipfile

import openpyxl


def records(rows, seed):
    """The header, the actors, and the rows (source, target, weight, date)."""
    rng = random.Random(seed)
    n_actors = max(2, rows // 5)
    actors = [f"actor{i:06d}" for i in range(n_actors)]
    start = datetime.date(2020, 1, 1)
    out = []
    for _ in range(rows):
        s, t = rng.sample(range(n_actors), 2)
        w = rng.randint(1, 5) if rng.random() < 0.7 else round(rng.uniform(0.1, 5.0), 1)
        out.append((s, t, w, start + datetime.timedelta(days=rng.randrange(1827))))
    return ["source", "target", "weight", "date"], actors, out


def make_openpyxl(path, rows, seed):
    header, actors, recs = records(rows, seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("records")
    ws.append(header)
    for s, t, w, d in recs:
        ws.append([actors[s], actors[t], w, d])
    wb.save(path)


def make_excel_like(path, rows, seed):
    header, actors, recs = records(rows, seed)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    strings = header + actors  # shared string i; actor k is len(header) + k
    sst = "".join(f"<si><t>{x}</t></si>" for x in strings)
    epoch = datetime.date(1899, 12, 30)
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}" '
             f'xmlns:r="{rel}"><dimension ref="A1:D{rows + 1}"/><sheetData>'
             '<row r="1" spans="1:4">'
             + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + "</row>"]
    h = len(header)
    for n, (s, t, w, d) in enumerate(recs, start=2):
        parts.append(f'<row r="{n}" spans="1:4"><c r="A{n}" t="s"><v>{h + s}</v></c>'
                     f'<c r="B{n}" t="s"><v>{h + t}</v></c><c r="C{n}"><v>{w}</v></c>'
                     f'<c r="D{n}" s="1"><v>{(d - epoch).days}</v></c></row>')
    parts.append("</sheetData></worksheet>")
    members = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
        f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="records" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{main}"><fonts count="1"><font><sz val="11"/>'
        '<name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/>'
        '</fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        '</cellStyles></styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}" count="{2 * rows + h}" '
        f'uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": "".join(parts),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)


def read(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[0]
    rows = cells = 0
    for row in ws.iter_rows(values_only=True):
        rows += 1
        cells += sum(1 for v in row if v is not None)
    wb.close()
    return rows, cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["make", "read"])
    ap.add_argument("file")
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--openpyxl", action="store_true")
    a = ap.parse_args()
    if a.mode == "make":
        (make_openpyxl if a.openpyxl else make_excel_like)(a.file, a.rows, a.seed)
        return 0
    best = None
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        rows, cells = read(a.file)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print(f"seconds {best:.6f}")
    print(f"rows {rows}")
    print(f"cells {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
