#!/bin/bash
# test_bad_input.sh: bad input files give exit 1 and 'bridgemap: FILE:LINE:COLUMN: ...'
# (LINE = physical line where the record starts, header = line 1; COLUMN = 1-based
# field), bad date options give exit 2; after every failure the output directory
# holds no new files and no staging directory, and the inputs are unchanged.
# Run: bash tests/cli/test_bad_input.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

# the checksums of every input file in the temp dir (not the output dirs)
snapshot() { find . -maxdepth 1 -type f ! -name '.*' | LC_ALL=C sort | xargs -r sha256sum; }

# expect_fail EXIT STDERR_SUBSTRING DESCRIPTION ARGS...
#   runs 'bridgemap analyze ARGS... -o out' with out an existing empty dir;
#   checks the exit status, the message, that the message is one line starting
#   'bridgemap: ', that out is still empty (no file, no .bridgemap-staging-*)
#   and that no input file changed.
expect_fail() {
    local want=$1 msg=$2 desc=$3
    shift 3
    rm -rf out
    mkdir out
    local before after
    before=$(snapshot)
    run analyze "$@" -o out
    after=$(snapshot)
    assert_exit "$want" "$desc"
    assert_stderr_contains "$msg" "$desc"
    if head -n 1 "$T/.stderr" | grep -q '^bridgemap: '; then pass; else
        fail "$desc: message does not start with 'bridgemap: '"; fi
    assert_dir_clean out "$desc: out after failure"
    assert_eq "$after" "$before" "$desc: input files unchanged"
}

# ---- records: header ---------------------------------------------------------
printf 'source,weight\nA,1\n' > nt.csv
expect_fail 1 "nt.csv:1:" "missing target column" nt.csv
assert_stderr_contains "target" "missing target column named"

printf 'van,naar\nA,B\n' > nst.csv
expect_fail 1 "nst.csv:1: no source column in the header (looked for source, from, fra, sender, afsender, source_id; it has 'van', 'naar'); name it with --source-col" "missing source and target columns" nst.csv

printf '' > empty.csv
expect_fail 1 "empty.csv" "empty records file" empty.csv

printf 'source,target,source\nA,B,C\n' > duphdr.csv
expect_fail 1 "duphdr.csv:1:3:" "records header with 'source' twice (ambiguous)" duphdr.csv

# ---- records: weights -------------------------------------------------------
printf 'source,target,weight\nA,B,1\nB,C,x\n' > w.csv
expect_fail 1 "w.csv:3:3:" "non-numeric weight" w.csv
assert_stderr_contains "'x'" "non-numeric weight quoted"

n=0
for bad in 0 -1 -0.5 inf -inf nan NaN 1e400 2x "1 2"; do
    n=$((n + 1))
    printf 'source,target,weight\nA,B,1\nB,C,%s\n' "$bad" > "wb$n.csv"
    expect_fail 1 "wb$n.csv:3:3:" "weight '$bad'" "wb$n.csv"
done

# an empty weight cell weighs 1 (one warning that counts them): tests/cli/test_input.sh

# weight not the last column: COLUMN follows the header
printf 'weight,source,target\n2,A,B\nzero,B,C\n' > wfirst.csv
expect_fail 1 "wfirst.csv:3:1:" "bad weight in column 1" wfirst.csv

# ---- records: ids and field counts ------------------------------------------
printf 'source,target\nA,B\n,C\n' > es.csv
expect_fail 1 "es.csv:3:1:" "empty source id" es.csv

printf 'source,target\nA,B\nC,\n' > et.csv
expect_fail 1 "et.csv:3:2:" "empty target id" et.csv

printf 'source,target\nA,B\n"  ",C\n' > ws.csv
expect_fail 1 "ws.csv:3:1:" "blank (spaces only) source id" ws.csv

printf 'source,target\nA,B\nB,C,D\n' > many.csv
expect_fail 1 "many.csv:3:3:" "too many fields" many.csv

printf 'source,target,weight\nA,B,1\nB,C,1,\n' > many2.csv
expect_fail 1 "many2.csv:3:4:" "too many fields (trailing comma)" many2.csv

printf 'source,target\nA,B\nC\n' > few.csv
expect_fail 1 "few.csv:3:2:" "too few fields" few.csv

# ---- records: quoting and line numbers ----------------------------------------
# a quote opened in the last field of line 3 is never closed
printf 'source,target\nA,B\nC,"D\nE,F\n' > uq.csv
expect_fail 1 "uq.csv:3:" "unterminated quote in last field" uq.csv
assert_stderr_contains "quote" "unterminated quote in last field is called a quote problem"

# ... and in the first field
printf 'source,target\nA,B\n"C,D\nE,F\n' > uq2.csv
expect_fail 1 "uq2.csv:3:" "unterminated quote in first field" uq2.csv
assert_stderr_contains "quote" "unterminated quote in first field is called a quote problem"

# record 2 spans lines 2-3, so the bad record is on line 4
printf 'source,target,weight\nA,"B\nb",1\nC,D,x\n' > ml.csv
expect_fail 1 "ml.csv:4:3:" "bad record after a multi-line quoted field" ml.csv

# the same with CRLF line ends
printf 'source,target,weight\r\nA,"B\r\nb",1\r\nC,D,x\r\n' > mlcrlf.csv
expect_fail 1 "mlcrlf.csv:4:3:" "bad record after a multi-line quoted field (CRLF)" mlcrlf.csv

# a quoted field spanning lines 2-5 (with an empty line inside), good record on 6,
# bad record (too many fields) on 7
printf 'source,target,weight\nA,"B\n\nb\n",1\nC,D,1\nE,F,2,3\n' > ml2.csv
expect_fail 1 "ml2.csv:7:4:" "bad record after a 4-line quoted field" ml2.csv

# a bad record that itself spans lines 3-4: LINE is where it starts
printf 'source,target,weight\nA,B,1\n"C\nc",D,0\n' > ml3.csv
expect_fail 1 "ml3.csv:3:3:" "bad multi-line record reported at its first line" ml3.csv

# blank lines before a bad record
printf 'source,target,weight\nA,B,1\n\n\nC,D,x\n' > blank.csv
expect_fail 1 "blank.csv:5:3:" "bad record after blank lines" blank.csv

printf 'source,target,weight\r\nA,B,1\r\n\r\n  \r\nC,D,x\r\n' > blank2.csv
expect_fail 1 "blank2.csv:5:3:" "bad record after blank/space-only CRLF lines" blank2.csv

# BOM + semicolons: columns still counted from 1
printf '\xEF\xBB\xBFsource;target;weight\r\nA;B;1,5\r\nB;C;abc\r\n' > semi.csv
expect_fail 1 "semi.csv:3:3:" "bad weight in a BOM semicolon CRLF file" semi.csv

# ---- files --------------------------------------------------------------------
expect_fail 1 "nope.csv" "nonexistent records file" nope.csv
mkdir adir
expect_fail 1 "adir" "a directory as records file" adir
mkdir sub
printf 'source,target,weight\nA,B,1\nB,C,x\n' > sub/w.csv
expect_fail 1 "sub/w.csv:3:3:" "message names the path as given" sub/w.csv
expect_fail 1 "$T/sub/w.csv:3:3:" "message names an absolute path as given" "$T/sub/w.csv"

printf 'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00' > book.xlsx
expect_fail 1 "book.xlsx" "xlsx (zip) records file" book.xlsx
assert_stderr_contains "xlsx" "xlsx file gets a hint"
assert_stderr_contains "not an .xlsx workbook (corrupt or not a zip file)" "a truncated workbook is named corrupt"

printf 'source,target\nA,B\x00\n' > nul.csv
expect_fail 1 "nul.csv" "file with NUL bytes" nul.csv

# ---- actors file -------------------------------------------------------------
printf 'source,target\nA,B\nB,C\n' > r.csv

printf 'id,name\nA,x\nB,y\nA,z\n' > dup.csv
expect_fail 1 "dup.csv:4:1:" "duplicate actor id" r.csv -a dup.csv
assert_stderr_contains "'A'" "duplicate actor id named"

# the duplicate after a multi-line name: physical line 5
printf 'id,name\nA,"x\ny"\nB,z\nA,w\n' > dup2.csv
expect_fail 1 "dup2.csv:5:1:" "duplicate actor id after a multi-line name" r.csv -a dup2.csv

printf 'name,sector\nA,x\n' > noid.csv
expect_fail 1 "noid.csv:1" "actors file without id column" r.csv -a noid.csv
assert_stderr_contains "id" "actors without id: names the column"

printf 'id,name\nA,x\n,y\n' > emptyid.csv
expect_fail 1 "emptyid.csv:3:1:" "empty actor id" r.csv -a emptyid.csv

printf 'id,name\nA,x\nB,y,z\n' > amany.csv
expect_fail 1 "amany.csv:3:3:" "actors row with too many fields" r.csv -a amany.csv

printf 'id,name,id\nA,x,A\n' > aduph.csv
expect_fail 1 "aduph.csv:1:3:" "actors header with id twice" r.csv -a aduph.csv

expect_fail 1 "noactors.csv" "nonexistent actors file" r.csv -a noactors.csv
expect_fail 1 "book.xlsx" "xlsx actors file" r.csv -a book.xlsx

# ---- dates ---------------------------------------------------------------
printf 'source,target,date\nA,B,2023-01-01\nB,C,2023-13-45\n' > bd1.csv
expect_fail 1 "bd1.csv:3:3:" "bad date 2023-13-45 with --from" bd1.csv --from 2023-01-01
printf 'source,target,date\nA,B,2023-01-01\nB,C,05/01/2023\n' > bd2.csv
expect_fail 1 "bd2.csv:3:3:" "bad date 05/01/2023 with --from" bd2.csv --from 2023-01-01
printf 'source,target,date\nA,B,2023-01-01\nB,C,2023-02-30\n' > bd3.csv
expect_fail 1 "bd3.csv:3:3:" "impossible date 2023-02-30 with --from" bd3.csv --from 2023-01-01
printf 'source,target,date\nA,B,2023-01-01\nB,C,\n' > bd4.csv
expect_fail 1 "bd4.csv:3:3:" "empty date with --to" bd4.csv --to 2024-01-01
printf 'source,target\nA,B\n' > nodate.csv
expect_fail 1 "nodate.csv:1" "--from without a date column" nodate.csv --from 2023-01-01

printf 'source,target,date\nA,B,2023-01-01\nB,C,2023-06-01\n' > d.csv
expect_fail 2 "--from 2023-05-01 is after --to 2023-01-01" "--from after --to" \
    d.csv --from 2023-05-01 --to 2023-01-01
assert_stderr_contains "Try 'bridgemap analyze --help'." "--from after --to is bad usage"
expect_fail 2 "2023-5-1" "--from 2023-5-1 (not YYYY-MM-DD)" d.csv --from 2023-5-1
assert_stderr_contains "Try 'bridgemap analyze --help'." "--from 2023-5-1 is bad usage"
expect_fail 2 "2023-02-31" "--to 2023-02-31 (no such day)" d.csv --to 2023-02-31

# ---- render fails the same way and writes no map ------------------------------
run render w.csv -o m.svg
assert_exit 1 "render with a bad weight"
assert_stderr_contains "w.csv:3:3:" "render with a bad weight"
if ls -A | grep -q '^m\.svg\|^\.m\.svg\|bridgemap'; then
    fail "render with a bad weight left a map or temp file: $(ls -A | tr '\n' ' ')"; else pass; fi

# ---- an existing output dir keeps its files untouched on failure --------------
rm -rf keep
mkdir keep
echo old-actors > keep/actors.csv
echo notes > keep/notes.txt
run analyze w.csv -o keep
assert_exit 1 "failing analyze into a dir with old files"
assert_dir_listing keep "actors.csv notes.txt" "old output dir: no new files, no staging dir"
assert_eq "$(cat keep/actors.csv)" "old-actors" "old actors.csv untouched"

finish
