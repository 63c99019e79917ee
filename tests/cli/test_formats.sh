#!/bin/bash
# test_formats.sh: the CSV dialects and encodings bridgemap reads, and how records
# become ties and actors (aggregation, direction, self-loops, isolates, date window,
# --unweighted).
# Run: bash tests/cli/test_formats.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

# tie FILE A B [directed]: "weight count" of the tie A-B in ties.csv (either order
# unless 'directed'), 'none' if absent, 'twice' if the pair appears more than once
tie() {
    "$PY" - "$@" <<'EOF'
import csv, sys
path, a, b = sys.argv[1:4]
directed = len(sys.argv) > 4
found = []
with open(path, newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if (r['source'], r['target']) == (a, b) or (not directed and (r['source'], r['target']) == (b, a)):
            found.append('%g %s' % (float(r['weight']), r['count']))
print(found[0] if len(found) == 1 else ('none' if not found else 'twice'))
EOF
}

# nties FILE: number of data rows of a CSV (quoted newlines allowed)
nrows() {
    "$PY" -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$1"
}

# ids FILE: the id column of actors.csv, sorted, space separated
ids() {
    "$PY" -c 'import csv,sys; print(" ".join(sorted(r["id"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))' "$1"
}

# valid_utf8_no_cr FILE...: every file is UTF-8 without BOM and without CR
valid_utf8_no_cr() {
    "$PY" - "$@" <<'EOF'
import sys
for p in sys.argv[1:]:
    b = open(p, 'rb').read()
    b.decode('utf-8')
    assert not b.startswith(b'\xef\xbb\xbf'), p + ': BOM'
    assert b'\r' not in b, p + ': CR'
EOF
}

# ---- semicolon + BOM + CRLF + decimal comma ---------------------------------
printf '\xEF\xBB\xBFsource;target;weight\r\nA;B;1,5\r\nB;C;2\r\nA;B;0,25\r\n' > semi.csv
printf '\xEF\xBB\xBFid;name;sector\r\nA;Anne;public\r\nB;Bo;private\r\nC;"Cy; Jr";public\r\n' > semi_actors.csv
run analyze semi.csv -a semi_actors.csv -o o_semi
assert_exit 0 "semicolon BOM CRLF file"
assert_eq "$(tie o_semi/ties.csv A B)" "1.75 2" "decimal comma weights 1,5 + 0,25 summed"
assert_eq "$(tie o_semi/ties.csv B C)" "2 1" "semicolon file: B-C"
assert_eq "$(ids o_semi/actors.csv)" "A B C" "BOM stripped: ids are A B C"
assert_eq "$(csv_field o_semi/actors.csv id C name)" "Cy; Jr" "quoted semicolon in a semicolon file"
assert_eq "$(csv_field o_semi/actors.csv id B sector)" "private" "CRLF: last column without CR"
assert_eq "$(csv_field o_semi/actors.csv id A strength)" "1.75" "strength of A from decimal commas"
assert_true "outputs are UTF-8 without BOM or CR" valid_utf8_no_cr o_semi/actors.csv o_semi/ties.csv o_semi/groups.csv o_semi/summary.json
assert_file_exists o_semi/groups.csv "semicolon actors with sector: groups.csv"

# a comma file with a decimal point
printf 'source,target,weight\nA,B,1.5\nA,B,2.25\n' > point.csv
run analyze point.csv -o o_point
assert_exit 0 "decimal point weights"
assert_eq "$(tie o_point/ties.csv A B)" "3.75 2" "decimal point weights summed"

# ---- Windows-1252 ------------------------------------------------------------
# æøå ÆØÅ, and the cp1252-only characters \x80 (euro) and \x96 (en dash)
printf 'id,name,sector\r\nA,\xe6\xf8\xe5 Hansen,p\xfablic\r\nB,\xc6\xd8\xc5,private\r\nC,Caf\xe9 \x80 \x96 x,public\r\n' > cp_actors.csv
printf 'source,target\nA,B\nB,C\n' > r.csv
run analyze r.csv -a cp_actors.csv -o o_cp
assert_exit 0 "Windows-1252 actors file"
assert_eq "$(csv_field o_cp/actors.csv id A name)" "æøå Hansen" "cp1252 æøå as UTF-8"
assert_eq "$(csv_field o_cp/actors.csv id B name)" "ÆØÅ" "cp1252 ÆØÅ as UTF-8"
assert_eq "$(csv_field o_cp/actors.csv id C name)" "Café € – x" "cp1252 é € – as UTF-8"
assert_eq "$(csv_field o_cp/actors.csv id A sector)" "públic" "cp1252 in the grouping column"
assert_file_contains o_cp/groups.csv "públic" "cp1252 group name as UTF-8 in groups.csv"
assert_true "cp1252 outputs are valid UTF-8" valid_utf8_no_cr o_cp/actors.csv o_cp/groups.csv o_cp/ties.csv
assert_true "cp1252 map.svg is valid XML" "$PY" -c 'import xml.etree.ElementTree as E,sys; E.parse(sys.argv[1])' o_cp/map.svg
assert_file_contains o_cp/map.svg "æøå Hansen" "cp1252 name as UTF-8 in map.svg"

# cp1252 ids in the records file
printf 'source,target\n\xc5se,Bj\xf8rn\nBj\xf8rn,\xc6re\n' > cp_records.csv
run analyze cp_records.csv -o o_cpr
assert_exit 0 "Windows-1252 records file"
assert_eq "$(tie o_cpr/ties.csv Åse Bjørn)" "1 1" "cp1252 ids as UTF-8 in ties.csv"
assert_eq "$(ids o_cpr/actors.csv)" "$(printf 'Bjørn\nÅse\nÆre\n' | LC_ALL=C "$PY" -c 'import sys; print(" ".join(sorted(sys.stdin.read().split())))')" "cp1252 ids in actors.csv"

# ---- quoted fields: separators, quotes, newlines --------------------------------
printf 'id,name,sector\nA,"Smith, John\nsecond line",x\nB,"say ""hi""",y\nC,plain,x\n' > q_actors.csv
printf 'source,target,weight\n"A","B","2"\nB,C,1\n' > q.csv
run analyze q.csv -a q_actors.csv -o o_q
assert_exit 0 "quoted fields"
assert_eq "$(csv_field o_q/actors.csv id A name)" "$(printf 'Smith, John\nsecond line')" "comma + newline in a name round-trip"
assert_eq "$(csv_field o_q/actors.csv id B name)" 'say "hi"' "doubled quotes round-trip"
assert_eq "$(nrows o_q/actors.csv)" "3" "3 actors despite the embedded newline"
assert_eq "$(tie o_q/ties.csv A B)" "2 1" "quoted ids and weight"

# quoted header names
printf '"source","target"\n"A","B"\n' > qh.csv
run analyze qh.csv -o o_qh
assert_exit 0 "quoted header names"
assert_eq "$(tie o_qh/ties.csv A B)" "1 1" "quoted header names"

# ---- tab separated ---------------------------------------------------------------
printf 'source\ttarget\tweight\tnote\nA B\tC,D\t2\tx, y\nC,D\tE;F\t0.5\t\n' > tab.csv
run analyze tab.csv -o o_tab
assert_exit 0 "tab separated"
assert_eq "$(tie o_tab/ties.csv 'A B' 'C,D')" "2 1" "tab: ids with space and comma"
assert_eq "$(tie o_tab/ties.csv 'C,D' 'E;F')" "0.5 1" "tab: ids with comma and semicolon"
assert_eq "$(nrows o_tab/actors.csv)" "3" "tab: 3 actors"

# ---- UTF-16 with BOM ---------------------------------------------------------
"$PY" - <<'EOF'
text = 'source,target,weight\r\nÅse,Bjørn,2\r\nBjørn,Ære,1\r\nÅse,Bjørn,0.5\r\n'
open('u16le.csv', 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))
open('u16be.csv', 'wb').write(b'\xfe\xff' + text.encode('utf-16-be'))
EOF
for f in u16le u16be; do
    run analyze $f.csv -o o_$f
    assert_exit 0 "$f file"
    assert_eq "$(tie o_$f/ties.csv Åse Bjørn)" "2.5 2" "$f: Åse-Bjørn aggregated"
    assert_eq "$(tie o_$f/ties.csv Bjørn Ære)" "1 1" "$f: Bjørn-Ære"
    assert_true "$f outputs UTF-8" valid_utf8_no_cr o_$f/actors.csv o_$f/ties.csv
done

# ---- aggregation and direction -------------------------------------------------
printf 'source,target,weight\nA,B,1\nA,B,2.5\nA,B,3\nC,D,1\n' > agg.csv
run analyze agg.csv -o o_agg
assert_exit 0 "repeated records"
assert_eq "$(tie o_agg/ties.csv A B)" "6.5 3" "repeated records: weight summed, count 3"
assert_eq "$(nrows o_agg/ties.csv)" "2" "repeated records: 2 ties"
assert_eq "$(csv_field o_agg/actors.csv id A degree)" "1" "repeated records: degree 1"
assert_eq "$(csv_field o_agg/actors.csv id A strength)" "6.5" "repeated records: strength 6.5"

printf 'source,target\nA,B\nA,B\nA,B\n' > agg_nw.csv
run analyze agg_nw.csv -o o_aggnw
assert_exit 0 "repeated records without weight column"
assert_eq "$(tie o_aggnw/ties.csv A B)" "3 3" "no weight column: each record weighs 1"

printf 'source,target,weight\nA,B,1\nB,A,2\nA,B,4\nB,C,1\n' > dir.csv
run analyze dir.csv -o o_und
assert_exit 0 "undirected A,B + B,A"
assert_eq "$(tie o_und/ties.csv A B)" "7 3" "undirected: A,B and B,A are one tie"
assert_eq "$(nrows o_und/ties.csv)" "2" "undirected: 2 ties"
assert_true "summary.json directed false" "$PY" -c 'import json,sys; assert json.load(open(sys.argv[1]))["directed"] is False' o_und/summary.json
run analyze dir.csv --directed -o o_dir
assert_exit 0 "--directed"
assert_eq "$(tie o_dir/ties.csv A B directed)" "5 2" "directed: arc A->B"
assert_eq "$(tie o_dir/ties.csv B A directed)" "2 1" "directed: arc B->A"
assert_eq "$(tie o_dir/ties.csv C B directed)" "none" "directed: no arc C->B"
assert_eq "$(nrows o_dir/ties.csv)" "3" "directed: 3 arcs"
assert_eq "$(csv_field o_dir/actors.csv id B in_degree)" "1" "directed: in_degree of B"
assert_eq "$(csv_field o_dir/actors.csv id B out_degree)" "2" "directed: out_degree of B"
assert_true "summary.json directed true" "$PY" -c 'import json,sys; assert json.load(open(sys.argv[1]))["directed"] is True' o_dir/summary.json

# ---- self-loops ----------------------------------------------------------------
printf 'source,target\nA,B\nA,A\nB,B\nB,C\n' > loop.csv
run analyze loop.csv -o o_loop
assert_exit 0 "self-loops"
assert_stderr_contains "warning" "self-loop warning"
assert_stderr_contains "2 records" "self-loop warning counts 2 records"
assert_eq "$(tie o_loop/ties.csv A A)" "none" "self-loop A,A dropped"
assert_eq "$(nrows o_loop/ties.csv)" "2" "self-loops: 2 ties left"
run analyze loop.csv -q -o o_loopq
assert_exit 0 "self-loops -q"
assert_stderr_empty "self-loops -q prints nothing"

# ---- actors: added from records, isolates kept -----------------------------------
printf 'id,name,sector\nA,Anne,x\nB,Bo,y\nD,Dag,x\n' > iso_actors.csv
printf 'source,target\nA,B\nB,C\n' > iso.csv
run analyze iso.csv -a iso_actors.csv -o o_iso
assert_exit 0 "isolates and record-only actors"
assert_eq "$(ids o_iso/actors.csv)" "A B C D" "actor C (records only) added, isolate D kept"
assert_eq "$(csv_field o_iso/actors.csv id C name)" "" "record-only actor has empty name"
assert_eq "$(csv_field o_iso/actors.csv id C degree)" "1" "record-only actor degree 1"
assert_eq "$(csv_field o_iso/actors.csv id D degree)" "0" "isolate degree 0"
assert_eq "$(csv_field o_iso/actors.csv id D strength)" "0" "isolate strength 0"
assert_eq "$(csv_field o_iso/actors.csv id D closeness)" "" "isolate closeness is an empty cell"
assert_eq "$(csv_field o_iso/actors.csv id D name)" "Dag" "isolate keeps its attributes"
assert_true "summary: 4 nodes, 2 ties, 2 components" "$PY" -c '
import json,sys; s=json.load(open(sys.argv[1]))
assert (s["nodes"], s["ties"], s["components"]) == (4, 2, 2), s' o_iso/summary.json

# ---- date window ---------------------------------------------------------------
printf 'source,target,date\nA,B,2023-01-01\nB,C,2023-02-01\nC,D,2023-03-01\nD,E,2023-04-01\nB,C,2023-04-02\n' > dates.csv
run analyze dates.csv --from 2023-02-01 --to 2023-03-01 -o o_win
assert_exit 0 "--from/--to"
assert_eq "$(tie o_win/ties.csv B C)" "1 1" "window: B-C (on --from) kept, 2023-04-02 record left out"
assert_eq "$(tie o_win/ties.csv C D)" "1 1" "window: C-D (on --to) kept"
assert_eq "$(tie o_win/ties.csv A B)" "none" "window: A-B before --from left out"
assert_eq "$(tie o_win/ties.csv D E)" "none" "window: D-E after --to left out"
assert_eq "$(nrows o_win/ties.csv)" "2" "window: 2 ties"
run analyze dates.csv --from 2023-03-15 -o o_from
assert_exit 0 "--from only"
assert_eq "$(tie o_from/ties.csv D E) $(tie o_from/ties.csv B C) $(nrows o_from/ties.csv)" "1 1 1 1 2" "--from only"
run analyze dates.csv --to 2023-01-31 -o o_to
assert_exit 0 "--to only"
assert_eq "$(tie o_to/ties.csv A B) $(nrows o_to/ties.csv)" "1 1 1" "--to only"
# without a window every record counts
run analyze dates.csv -o o_all
assert_eq "$(tie o_all/ties.csv B C)" "2 2" "no window: all records"

# ---- --unweighted -----------------------------------------------------------------
printf 'source,target,weight\nA,B,5\nA,B,2\nB,C,0.5\nC,D,3\nA,C,1\n' > uw.csv
# strength == degree, and each actor's strength equals the sum of its ties'
# weights in ties.csv (the two tables must agree)
check_strength() { # DIR MODE(eq-degree|any)
    "$PY" - "$1" "$2" <<'EOF'
import csv, sys
d, mode = sys.argv[1:3]
ties = list(csv.DictReader(open(d + '/ties.csv', newline='', encoding='utf-8')))
actors = list(csv.DictReader(open(d + '/actors.csv', newline='', encoding='utf-8')))
tot = {}
for t in ties:
    for v in (t['source'], t['target']):
        tot[v] = tot.get(v, 0.0) + float(t['weight'])
bad = []
for a in actors:
    s = float(a['strength'])
    if abs(s - tot.get(a['id'], 0.0)) > 1e-9:
        bad.append('%s: strength %s, ties.csv weights sum to %s' % (a['id'], s, tot.get(a['id'], 0.0)))
    if mode == 'eq-degree' and s != float(a['degree']):
        bad.append('%s: strength %s != degree %s' % (a['id'], s, a['degree']))
assert not bad, '; '.join(bad)
EOF
}
run analyze uw.csv -o o_w
assert_exit 0 "weighted"
assert_true "weighted: strength = sum of tie weights in ties.csv" check_strength o_w any
assert_eq "$(csv_field o_w/actors.csv id A strength)" "8" "weighted: strength of A"
run analyze uw.csv --unweighted -o o_uw
assert_exit 0 "--unweighted"
assert_true "--unweighted: strength == degree and == sum of tie weights in ties.csv" check_strength o_uw eq-degree
assert_eq "$(csv_field o_uw/actors.csv id A strength)" "2" "--unweighted: strength of A is its degree"
# --unweighted ignores the weight column entirely, bad values included
printf 'source,target,weight\nA,B,oops\n' > uwbad.csv
run analyze uwbad.csv --unweighted -o o_uwbad
assert_exit 0 "--unweighted ignores a bad weight column"

# ---- grouping -------------------------------------------------------------------
printf 'id,sector,unit\nA,x,u1\nB,y,u1\nC,x,u2\n' > g_actors.csv
printf 'source,target\nA,B\nB,C\nA,C\n' > g.csv
run analyze g.csv -a g_actors.csv -o o_g
assert_exit 0 "default grouping"
assert_stderr_contains "sector" "default grouping is sector"
assert_file_exists o_g/groups.csv "groups.csv with sector"
assert_eq "$(csv_field o_g/groups.csv group x size) $(csv_field o_g/groups.csv group x internal_ties) $(csv_field o_g/groups.csv group x external_ties)" "2 1 2" "group x: size 2, 1 internal, 2 external"
# group E-I is the members' side (UCINET): an internal tie counts for both members,
# so x has E=2, I=2 -> 0; y has E=2, I=0 -> 1; the network E-I counts ties once: (2-1)/3
assert_eq "$(csv_field o_g/groups.csv group x ei_index)" "0" "group x: E-I (2-2*1)/(2+2*1)"
assert_eq "$(csv_field o_g/groups.csv group y ei_index)" "1" "group y: E-I 1"
assert_true "summary ei_index (2-1)/3" "$PY" -c 'import json,sys; v=json.load(open(sys.argv[1]))["ei_index"]; assert abs(v-1/3)<1e-12, v' o_g/summary.json
run analyze g.csv -a g_actors.csv --group unit -o o_gu
assert_exit 0 "--group unit"
assert_eq "$(csv_field o_gu/groups.csv group u1 size)" "2" "--group unit: u1 size 2"
assert_true "summary grouping unit" "$PY" -c 'import json,sys; assert json.load(open(sys.argv[1]))["grouping"] == "unit"' o_gu/summary.json
run analyze g.csv -o o_ng
assert_exit 0 "no actors file"
if [ -e o_ng/groups.csv ]; then fail "no grouping, yet groups.csv written"; else pass; fi

finish
