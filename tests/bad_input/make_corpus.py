"""Writes the bad-input corpus (tests/bad_input/*) byte for byte; run with /usr/bin/python3
from this directory. Each file is one way real input goes wrong; cases.tsv says how each is
used and the exact message and exit code bridgemap must give (written by hand). The 10 MB
single field is made by tests/cli/test_bad_corpus.sh at test time, not committed."""
import gzip
import random

R = random.Random(1)


def w(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


ok_actors = "id,sector\nA,public\nB,private\nC,civil\n"
w("ok_actors.csv", ok_actors)
w("ok_records.csv", "source,target\nA,B\nB,C\n")

# files that are not tables
w("empty.csv", b"")
w("blank_lines.csv", "\n\n  \n\r\n")
w("header_only.csv", "source,target,weight\n")
w("binary_garbage.csv", bytes(R.randrange(256) for _ in range(4096)))
w("nul_bytes.csv", b"source,target\nA,B\x00\nB,C\n")
w("png_image.csv", b"\x89PNG\r\n\x1a\n" + bytes(R.randrange(256) for _ in range(200)))
w("pdf_document.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
w("gzipped.csv.gz", gzip.compress(b"source,target\nA,B\n", mtime=0))
w("old_excel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
w("utf16_odd.csv", b"\xff\xfes\x00o\x00u\x00r\x00c\x00e\x00,\x00t\x00a\x00r\x00g\x00e\x00t\x00\n")
w("invalid_utf8.csv", b"source,target\nA,B\xc3\x28\nB,C\n")

# quoting and shape
w("truncated_quote.csv", 'source,target\nA,B\nB,"C\n')
w("quote_never_closed_actors.csv", 'id,sector\nA,"public\nB,private\n')
w("mixed_delimiters.csv", "source;target\nA;B\nB,C\n")
w("too_many_fields.csv", "source,target,weight\nA,B,1\nB,C,1,extra\n")
w("missing_target_column.csv", "source,weight\nA,1\n")
w("no_known_columns.csv", "van,naar\nA,B\n")
w("duplicate_header.csv", "source,target,Source\nA,B,C\n")
w("empty_header_name_actors.csv", "id,,sector\nA,x,public\n")
w("empty_source.csv", "source,target\nA,B\n  ,C\n")
w("empty_target.csv", "source,target\nA,B\nC,\n")

# weights
for name, val in [("weight_negative", "-2"), ("weight_zero", "0"), ("weight_nan", "NaN"),
                  ("weight_inf", "inf"), ("weight_minus_inf", "-inf"), ("weight_1e400", "1e400"),
                  ("weight_text", "abc"), ("weight_two_numbers", "1 2x")]:
    w(name + ".csv", f"source,target,weight\nA,B,1\nB,C,{val}\n")
w("weight_thousands_dot.csv", "source;target;weight\nA;B;1\nB;C;1.500\n")
w("weight_thousands_comma.csv", 'source,target,weight\nA,B,1\nB,C,"12,500"\n')
w("weight_thousands_space.csv", "source,target,weight\nA,B,1\nB,C,1 250\n")

# dates
w("date_feb30.csv", "source,target,date\nA,B,2024-02-28\nB,C,2024-02-30\n")
w("date_feb29_not_leap.csv", "source,target,date\nA,B,2023-02-29\n")
w("date_text.csv", "source,target,date\nA,B,yesterday\n")
w("date_dmy_without_format.csv", "source,target,date\nA,B,24.12.2024\n")
w("date_one_digit_iso.csv", "source,target,date\nA,B,2024-1-5\n")
w("date_empty_in_window.csv", "source,target,date\nA,B,2024-01-05\nB,C,\n")

# actors
w("actors_no_id.csv", "name,sector\nAnne,public\n")
w("actors_duplicate_id.csv", "id,sector\nA,public\nB,private\nA,civil\n")
w("actors_empty_id.csv", "id,sector\nA,public\n,private\n")
w("actors_too_many_fields.csv", "id,sector\nA,public,extra\n")
w("actors_empty.csv", b"")
w("records_by_name.csv", "source,target\nAnne Holm,Bo Dal\nBo Dal,Carl Berg\n")
w("actors_by_number.csv", "id,name,sector\n1,Anne Holm,public\n2,Bo Dal,private\n3,Carl Berg,civil\n")
w("records_typo_id.csv", "source,target\nA,B\nB,Cx\n")

# affiliations
w("aff_no_activity.csv", "actor,gruppe\nA,x\n")
w("aff_empty_activity.csv", "actor,activity\nA,Sprint\nB,\n")
w("aff_empty_actor.csv", "actor,activity\nA,Sprint\n,Sprint\n")
