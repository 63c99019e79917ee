#!/usr/bin/python3
"""Writes the .xlsx fixtures of tests/unit/test_xlsx.c into this directory.

Run with Debian's python (it has python3-openpyxl):

    /usr/bin/python3 tests/data/xlsx/make_fixtures.py

The generated files are committed; the tests never run this. It documents how
each fixture was made and what it holds, and the expected values in
test_xlsx.c are read off the XML and the openpyxl calls below.

Two kinds of fixture:
  * written by openpyxl (what a real writer produces: styles with its date
    formats, docProps, a theme; Debian's openpyxl writes text as inline
    strings): book.xlsx, epoch1904.xlsx;
  * written here with zipfile and hand-written XML, for what openpyxl does
    not write: shared strings (as Excel writes text), rich-text and phonetic
    runs, _xHHHH_ escapes, cells without r=, absolute and ../ sheet targets,
    date1904="true", namespace prefixes, and every kind of broken input
    (corrupt or truncated zips, a zip that is no workbook, an .xls,
    malformed XML, a DTD, rows and cells out of order, a column past XFD,
    zip bombs).
The hand-written zips use a fixed timestamp, so they regenerate byte for
byte; openpyxl's carry the time they were written.
"""

import bz2
import datetime
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = REL_NS  # relationship types are REL_NS + "/worksheet" etc.

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{RT}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def path(name):
    return os.path.join(HERE, name)


def write_zip(name, members, compression=zipfile.ZIP_DEFLATED):
    """members: list of (member name, str or bytes)."""
    with zipfile.ZipFile(path(name), "w") as z:
        for mname, data in members:
            info = zipfile.ZipInfo(mname, FIXED_TIME)
            info.compress_type = compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def workbook_xml(sheets, workbook_pr=""):
    """sheets: list of (name, rId)."""
    s = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{rid}"/>' for i, (n, rid) in enumerate(sheets))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{workbook_pr}'
            f"<sheets>{s}</sheets></workbook>")


def rels_xml(rels):
    """rels: list of (rId, type suffix, target)."""
    r = "".join(f'<Relationship Id="{i}" Type="{RT}/{t}" Target="{tg}"/>' for i, t, tg in rels)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">{r}</Relationships>'


def sheet_xml(rows_xml):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetData>\n{rows_xml}\n'
            f"</sheetData></worksheet>")


def sst_xml(items):
    """items: the inner XML of each <si>."""
    s = "".join(f"<si>{i}</si>" for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN_NS}" count="{len(items)}" uniqueCount="{len(items)}">{s}</sst>')


def styles_xml(numfmts, xf_ids):
    """numfmts: list of (id, formatCode); xf_ids: numFmtId of each cellXfs entry."""
    nf = "".join(f'<numFmt numFmtId="{i}" formatCode="{c}"/>' for i, c in numfmts)
    xf = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in xf_ids)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN_NS}">'
            f'<numFmts count="{len(numfmts)}">{nf}</numFmts>'
            f'<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>'
            f'<cellXfs count="{len(xf_ids)}">{xf}</cellXfs></styleSheet>')


def simple_book(name, sheet_rows, sst=None, styles=None, workbook_pr="", sheet_name="Ark1",
                compression=zipfile.ZIP_DEFLATED):
    """A one-sheet workbook in the usual layout (xl/worksheets/sheet1.xml)."""
    rels = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    members = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)]
    if sst is not None:
        rels.append(("rId2", "sharedStrings", "sharedStrings.xml"))
        members.append(("xl/sharedStrings.xml", sst_xml(sst)))
    if styles is not None:
        rels.append(("rId3", "styles", "styles.xml"))
        members.append(("xl/styles.xml", styles))
    members += [("xl/workbook.xml", workbook_xml([(sheet_name, "rId1")], workbook_pr)),
                ("xl/_rels/workbook.xml.rels", rels_xml(rels)),
                ("xl/worksheets/sheet1.xml", sheet_xml(sheet_rows))]
    write_zip(name, members, compression)


# ---- every cell type -----------------------------------------------------------

def make_types():
    sst = [
        "<t>navn</t>",                                                   # 0
        "<r><t>Kø</t></r><r><rPr><b/></rPr><t>benhavn</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>",                  # 1: rich text
        "<t>a_x000D_b</t>",                                              # 2: CR escaped
        "<t>_x005F_x0041_</t>",                                          # 3: literal _x0041_
        '<t xml:space="preserve"> Æble og ål </t>',                      # 4: spaces kept
        "<t/>",                                                          # 5: empty
        "<t>&lt;&amp;&gt;</t>",                                          # 6: entities
    ]
    styles = styles_xml([], [0, 2])  # xf 1: "0.00" (numFmtId 2), not a date
    rows = "\n".join([
        # row 1: shared, inline, formula string result
        '<row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="inlineStr"><is><t>værdi</t></is></c>'
        '<c r="C1" t="str"><f>A1&amp;"x"</f><v>formel</v></c></row>',
        # row 2: numbers as written by Excel and others
        '<row r="2"><c r="A2"><v>3</v></c><c r="B2" t="n"><v>2.5</v></c>'
        '<c r="C2"><v>0.30000000000000004</v></c><c r="D2"><v>1E-3</v></c>'
        '<c r="E2"><v>-7</v></c><c r="F2"><v>100.0</v></c><c r="G2" s="1"><v>2.50</v></c>'
        '<c r="H2"><v>0.3333333333333333</v></c><c r="I2"><v>123456789012345678</v></c>'
        '<c r="J2"><v>0.0001</v></c><c r="K2"><v>0.00001</v></c><c r="L2"><v>-0</v></c>'
        '<c r="M2"><v>.5</v></c><c r="N2"><v>007</v></c><c r="O2"><v>123456789012345</v></c>'
        '<c r="P2"><v>1234567890123456</v></c><c r="Q2"><v> 12 </v></c><c r="R2"><v>1,5</v></c>'
        '</row>',
        # row 3: booleans, errors, ISO date cells
        '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c>'
        '<c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="E3" t="d"><v>2024-03-05T10:00:00</v></c></row>',
        # row 4: rich text, escapes, spaces, entities (shared strings 1-6)
        '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4" t="s"><v>2</v></c>'
        '<c r="C4" t="s"><v>3</v></c><c r="D4" t="s"><v>4</v></c><c r="E4" t="s"><v>5</v></c>'
        '<c r="F4" t="s"><v>6</v></c></row>',
        # row 5: gaps; trailing cells without value do not count
        '<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="D5" t="inlineStr"><is><r><t>y</t></r><r><t>z</t></r><rPh><t>no</t></rPh></is></c>'
        '<c r="E5" s="1"/><c r="F5" t="s"><v>5</v></c></row>',
        # row 6: no value at all: not reported
        '<row r="6"><c r="A6" s="1"/><c r="B6"><v></v></c></row>',
        # row 8 (7 is missing): cells without r= follow the previous cell
        '<row r="8"><c t="inlineStr"><is><t>p</t></is></c><c><v>1</v></c>'
        '<c r="E8"><v>5</v></c><c><v>6</v></c></row>',
        # a row without r= is the one after the previous row: 9
        '<row><c r="A9" t="inlineStr"><is><t>ni</t></is></c></row>',
        # a row without r= whose first cell says B12: row 12
        '<row><c r="B12" t="inlineStr"><is><t>tolv</t></is></c></row>',
        # a cell in column XFD, the last one: 16384 fields
        '<row r="13"><c r="XFD13" t="inlineStr"><is><t>sidst</t></is></c></row>',
    ])
    simple_book("types.xlsx", rows, sst=sst, styles=styles, sheet_name="Typer")


# ---- dates -------------------------------------------------------------------

# cellXfs: index -> numFmtId. Custom formats 164-168.
DATE_NUMFMTS = [
    (164, "yyyy-mm-dd hh:mm"),       # date + time
    (165, '0.00&quot; d&quot;'),     # quoted d: not a date
    (166, "[Red]0.00"),              # colour in brackets: not a date
    (167, "[$-406]d. mmmm yyyy"),    # locale in brackets, then a date
    (168, "[h]:mm:ss"),              # elapsed time
    (169, "General"),                # not a date
    (170, '#,##0 \\k\\r'),           # escaped k r: not a date (no d/m/y/h/s)
    (14, "0.00"),                    # a custom format redefining built-in 14: not a date
]
DATE_XFS = [0, 15, 164, 165, 166, 22, 167, 2, 168, 169, 170, 14, 47]
# index:    0  1   2    3    4    5   6   7  8    9    10   11  12


def make_dates(name, workbook_pr, cells):
    """cells: list of (serial text, xf index); one row per cell, B = the serial."""
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>dato</t></is></c></row>']
    for i, (serial, xf) in enumerate(cells):
        r = i + 2
        rows.append(f'<row r="{r}"><c r="A{r}" s="{xf}"><v>{serial}</v></c></row>')
    simple_book(name, "\n".join(rows), styles=styles_xml(DATE_NUMFMTS, DATE_XFS),
                workbook_pr=workbook_pr, sheet_name="Datoer")


def make_dates_1900():
    # Expected (test_xlsx.c), by Python datetime: serial n >= 61 is
    # date(1899, 12, 30) + n days, 1 <= n <= 59 is date(1899, 12, 31) + n days.
    make_dates("dates1900.xlsx", "", [
        ("45292", 1),      # row 2: 2024-01-01 (built-in 15, d-mmm-yy)
        ("43831", 1),      # row 3: 2020-01-01
        ("1", 1),          # row 4: 1900-01-01
        ("59", 1),         # row 5: 1900-02-28
        ("60", 1),         # row 6: 1900-02-29 (Excel's day that never was)
        ("61", 1),         # row 7: 1900-03-01
        ("45292.5", 2),    # row 8: 2024-01-01T12:00:00 (custom yyyy-mm-dd hh:mm)
        ("45292.75", 5),   # row 9: 2024-01-01T18:00:00 (built-in 22)
        ("45292", 3),      # row 10: 45292 (quoted " d")
        ("45292", 4),      # row 11: 45292 ([Red]0.00)
        ("45292", 6),      # row 12: 2024-01-01 ([$-406]d. mmmm yyyy)
        ("2.5", 7),        # row 13: 2.5 (built-in 2, 0.00)
        ("1.25", 8),       # row 14: 1900-01-01T06:00:00 ([h]:mm:ss)
        ("45292", 9),      # row 15: 45292 (General)
        ("45292", 10),     # row 16: 45292 (#,##0 \k\r)
        ("45292", 11),     # row 17: 45292 (14 redefined as 0.00)
        ("45292", 99),     # row 18: 45292 (no cellXfs entry 99)
        ("-1", 1),         # row 19: -1 (no date before 1900)
        ("45292.99999999", 1),  # row 20: 2024-01-02 (rounds to the next midnight)
        ("0.5", 12),       # row 21: 1899-12-31T12:00:00 (built-in 47, mm:ss.0; serial 0 = the day before 1900-01-01)
        ("2958465", 1),    # row 22: 9999-12-31, Excel's last date
        ("2958466", 1),    # row 23: 2958466 (past it: the number)
    ])


def make_dates_1904():
    # 1904 system: serial n is date(1904, 1, 1) + n days.
    make_dates("dates1904.xlsx", '<workbookPr date1904="true"/>', [
        ("0", 1),          # row 2: 1904-01-01
        ("1461", 1),       # row 3: 1908-01-01 (1904 is a leap year: 366 + 3 * 365)
        ("1462", 1),       # row 4: 1908-01-02
        ("42369", 1),      # row 5: 2020-01-01
        ("60", 1),         # row 6: 1904-03-01 (no fake leap day here)
        ("0.25", 2),       # row 7: 1904-01-01T06:00:00
    ])


# ---- written by openpyxl ----------------------------------------------------------

def make_book():
    """Two sheets for end-to-end use with Danish headers, and Ark1 with a
    weight that is no number at C14."""
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    ws = wb.active
    ws.title = "records"
    ws.append(["fra", "til", "vægt", "dato"])
    records = [
        ("Søren", "Åse", 2, datetime.date(2024, 1, 15)),
        ("Åse", "Ærø Kommune", 1.5, datetime.date(2024, 2, 29)),
        ("Ærø Kommune", "Søren", 3, datetime.date(2023, 12, 31)),
        ("Bjørn", "Søren", 1, datetime.datetime(2024, 3, 1, 9, 30)),
    ]
    for r in records:
        ws.append(list(r))
    ws = wb.create_sheet("actors")
    ws.append(["id", "navn", "sektor"])
    for r in [("Søren", "Søren Ø. Hansen", "offentlig"),
              ("Åse", "Åse Æbelø", "privat"),
              ("Ærø Kommune", "Ærø Kommune", "offentlig"),
              ("Bjørn", "Bjørn Måge", "frivillig")]:
        ws.append(list(r))
    ws = wb.create_sheet("Ark1")
    ws.append(["source", "target", "weight"])
    for i in range(2, 20):  # rows 2..19; C14 is "x"
        ws.append([f"a{i}", f"b{i}", "x" if i == 14 else i])
    wb.save(path("book.xlsx"))


def make_epoch1904():
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.epoch = CALENDAR_MAC_1904  # writes <workbookPr date1904="1"/>
    ws = wb.active
    ws.title = "Mac"
    ws.append(["dato"])
    ws.append([datetime.date(1904, 1, 1)])
    ws.append([datetime.date(2020, 1, 1)])
    ws.append([datetime.datetime(2024, 1, 1, 12, 0)])
    wb.save(path("epoch1904.xlsx"))


# ---- sheets found through their relationships ------------------------------------

def make_targets():
    """Workbook order is not file order, targets are absolute, ../ and ./,
    the elements carry a namespace prefix, and there are no shared strings
    or styles parts at all."""
    def sheet(text):
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="{MAIN_NS}">'
                f'<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>{text}</x:t>'
                f'</x:is></x:c></x:row></x:sheetData></x:worksheet>')
    wb = workbook_xml([("Første", "rId7"), ("Anden", "rId3"), ("Tredje", "rId1"), ("Diagram", "rId4"),
                       ("Væk", "rId5"), ("Uden", "rId9")])
    rels = rels_xml([("rId1", "worksheet", "./worksheets/../worksheets/sheet1.xml"),
                     ("rId3", "worksheet", "../xl/worksheets/sheet2.xml"),
                     ("rId7", "worksheet", "/xl/worksheets/data.xml"),
                     ("rId4", "chartsheet", "chartsheets/sheet1.xml"),
                     ("rId5", "worksheet", "worksheets/gone.xml")])
    write_zip("targets.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", sheet("tredje")),
        ("xl/worksheets/sheet2.xml", sheet("anden")),
        ("xl/worksheets/data.xml", sheet("første")),
        ("xl/chartsheets/sheet1.xml", f'<chartsheet xmlns="{MAIN_NS}"/>'),
    ])


def make_moved_workbook():
    """The workbook part is not xl/workbook.xml: found through _rels/.rels."""
    root = ROOT_RELS.replace("xl/workbook.xml", "/data/bog.xml")
    write_zip("moved.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", root),
        ("data/bog.xml", workbook_xml([("Ark1", "rId1")])),
        ("data/_rels/bog.xml.rels", rels_xml([("rId1", "worksheet", "ark/a.xml")])),
        ("data/ark/a.xml", sheet_xml('<row r="2"><c r="B2"><v>42</v></c></row>')),
    ])


# ---- broken inputs ------------------------------------------------------------------

def one_sheet(rows):
    return [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", workbook_xml([("Ark1", "rId1")])),
            ("xl/_rels/workbook.xml.rels", rels_xml([("rId1", "worksheet", "worksheets/sheet1.xml")])),
            ("xl/worksheets/sheet1.xml", rows)]


def make_broken():
    with open(path("not_zip.xlsx"), "w") as f:
        f.write("source,target\na,b\n")
    # an OLE compound file header, as .xls and encrypted .xlsx files start
    with open(path("legacy.xls"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    # not a workbook: a zip with a text file
    write_zip("not_workbook.xlsx", [("readme.txt", "hello\n")])
    # truncated: the first 300 bytes of types.xlsx (no central directory)
    with open(path("types.xlsx"), "rb") as f:
        data = f.read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(data[:300])
    # a member whose compressed bytes were damaged (CRC or inflate error)
    members = one_sheet(sheet_xml("\n".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 200))))
    write_zip("corrupt_member.xlsx", members)
    with open(path("corrupt_member.xlsx"), "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path("corrupt_member.xlsx")) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    # local header: 30 bytes + name + extra, then the compressed data
    off = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[off + 26:off + 30])
    start = off + 30 + name_len + extra_len
    for i in range(start + 40, start + 60):
        data[i] ^= 0x55
    with open(path("corrupt_member.xlsx"), "wb") as f:
        f.write(data)
    # malformed XML: the mismatched tag is on line 3 of the sheet
    write_zip("bad_xml.xlsx", one_sheet(
        f'<?xml version="1.0"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>\n'
        '<row r="1"><c r="A1"><v>1</v></row>\n</sheetData></worksheet>'))
    # a DTD with an entity (billion laughs, shortened): refused before expansion
    write_zip("doctype.xlsx", one_sheet(
        '<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t>'
        '</is></c></row></sheetData></worksheet>'))
    # rows out of order: row 3 (line 5 of the sheet) after row 5
    write_zip("rows_order.xlsx", one_sheet(sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="5"><c r="A5"><v>5</v></c></row>\n'
        '<row r="3"><c r="A3"><v>3</v></c></row>')))
    # cells out of order: C2 then B2, on line 4
    write_zip("cells_order.xlsx", one_sheet(sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2"><c r="C2"><v>1</v></c>'
        '<c r="B2"><v>2</v></c></row>')))
    # a cell past XFD, on line 3 (sheet_xml puts rows from line 3)
    write_zip("too_wide.xlsx", one_sheet(sheet_xml('<row r="1"><c r="XFE1"><v>1</v></c></row>')))
    # a shared string index past the table (the workbook has 1), on line 3
    members = one_sheet(sheet_xml('<row r="1"><c r="B1" t="s"><v>7</v></c></row>'))
    members[3] = ("xl/_rels/workbook.xml.rels", rels_xml([
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml")]))
    members.append(("xl/sharedStrings.xml", sst_xml(["<t>eneste</t>"])))
    write_zip("bad_sst.xlsx", members)


def make_bombs():
    head = f'<?xml version="1.0"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    # bomb.xlsx: the sheet is 600 MiB of spaces, bzip2-compressed to about
    # a kilobyte; its header says so (refused before inflating).
    members = one_sheet("")[:-1]
    with zipfile.ZipFile(path("bomb.xlsx"), "w") as z:
        for mname, data in members:
            info = zipfile.ZipInfo(mname, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_TIME)
        info.compress_type = zipfile.ZIP_BZIP2
        with z.open(info, "w") as w:
            w.write(head)
            block = b" " * (1 << 20)
            for _ in range(600):
                w.write(block)
            w.write(tail)
    # bomb_lying.xlsx: 20 MiB of spaces, deflated (about 20 KB, a ratio of
    # about 1000:1), whose local and central headers claim 1000 bytes: only
    # counting the bytes inflated stops it.
    members = one_sheet("")[:-1]
    body = head + b" " * (20 << 20) + tail
    write_zip("bomb_lying.xlsx", members + [("xl/worksheets/sheet1.xml", body)])
    with open(path("bomb_lying.xlsx"), "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path("bomb_lying.xlsx")) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size
    off = info.header_offset
    assert data[off:off + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, off + 22, 1000)  # local header: uncompressed size
    # central directory entry of this member: signature PK\1\2, size at +24
    cd = data.rfind(b"PK\x01\x02")
    while cd >= 0:
        if struct.unpack("<I", data[cd + 42:cd + 46])[0] == off:
            assert struct.unpack("<I", data[cd + 24:cd + 28])[0] == real
            struct.pack_into("<I", data, cd + 24, 1000)
            break
        cd = data.rfind(b"PK\x01\x02", 0, cd)
    assert cd >= 0
    with open(path("bomb_lying.xlsx"), "wb") as f:
        f.write(data)


def make_corpus(only):
    """Seeds tests/fuzz/corpus_xlsx/: the fixtures as they are, and stored
    (uncompressed) copies of the readable ones, whose XML the fuzzer can
    mutate directly (fuzz_xlsx.c makes their CRCs right)."""
    corpus = os.path.join(HERE, "..", "..", "fuzz", "corpus_xlsx")
    os.makedirs(corpus, exist_ok=True)
    for f in sorted(os.listdir(HERE)):
        if f.endswith((".xlsx", ".xls")) and (not only or f in only):
            with open(path(f), "rb") as src, open(os.path.join(corpus, f), "wb") as dst:
                dst.write(src.read())
    for f in ["types.xlsx", "dates1900.xlsx", "dates1904.xlsx", "targets.xlsx", "book.xlsx",
              "moved.xlsx"]:
        if only and f not in only:
            continue
        with zipfile.ZipFile(path(f)) as zin, \
                zipfile.ZipFile(os.path.join(corpus, f.replace(".xlsx", "_stored.xlsx")), "w") as z:
            for info in zin.infolist():
                ni = zipfile.ZipInfo(info.filename, FIXED_TIME)
                ni.compress_type = zipfile.ZIP_STORED
                z.writestr(ni, zin.read(info.filename))


def main():
    # make_fixtures.py [FIXTURE...]: only those (and their corpus copies);
    # the openpyxl ones carry the time they were written, so regenerating
    # them changes their bytes.
    only = set(sys.argv[1:])
    if only:
        makers = {"types.xlsx": make_types, "dates1900.xlsx": make_dates_1900,
                  "dates1904.xlsx": make_dates_1904, "book.xlsx": make_book,
                  "epoch1904.xlsx": make_epoch1904, "targets.xlsx": make_targets,
                  "moved.xlsx": make_moved_workbook}
        for f in sorted(only):
            if f not in makers:
                sys.exit(f"make_fixtures.py: {f} is made by make_broken or make_bombs; run all")
            makers[f]()
        make_corpus(only)
        return
    make_types()
    make_dates_1900()
    make_dates_1904()
    make_book()
    make_epoch1904()
    make_targets()
    make_moved_workbook()
    make_broken()
    make_bombs()
    make_corpus(None)
    total = sum(os.path.getsize(path(f)) for f in os.listdir(HERE) if f.endswith((".xlsx", ".xls")))
    print(f"fixtures written to {HERE}: {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
