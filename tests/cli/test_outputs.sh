#!/bin/bash
# test_outputs.sh: the output set of 'analyze' on datasets/fjordvik (files, headers,
# summary.json, map.svg), reproducibility, 'render' formats, label escaping, and
# failure to write (exit 3, nothing half-written).
# Run: bash tests/cli/test_outputs.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

FJ=$SRC/datasets/fjordvik
if [ ! -f "$FJ/records.csv" ] || [ ! -f "$FJ/actors.csv" ]; then
    echo "$FJ/records.csv or actors.csv missing" >&2
    exit 1
fi
# work on copies, so that the inputs' checksums can be compared afterwards
cp "$FJ/records.csv" "$FJ/actors.csv" .
inputs_before=$(sums records.csv actors.csv)
FILES="actors.csv group_pair_dependence.csv group_pairs.csv group_map.svg groups.csv map.svg report.html silo_map.svg suggestions.csv summary.json ties.csv"
GROUPS_HEADER="group,size,internal_ties,external_ties,ei_index,density,group_degree,group_closeness,group_betweenness,top_broker,top_broker_share,silo_score"

# ---- the output set -----------------------------------------------------------
run analyze records.csv -a actors.csv -o o1 --seed 7
assert_exit 0 "analyze fjordvik"
assert_stderr_contains "154 actors" "analyze fjordvik reports 154 actors"
for f in $FILES; do
    assert_file_exists "o1/$f" "fjordvik output"
done
assert_dir_listing o1 "$FILES" "o1 holds the five files and no staging dir"

prefix='id,name,sector,organisation,unit,level,degree,in_degree,out_degree,strength,betweenness'
hdr=$(head -n 1 o1/actors.csv)
case $hdr in
    "$prefix"*) pass ;;
    *) fail "actors.csv header '$hdr' does not start with '$prefix'" ;;
esac
assert_eq "$(head -n 1 o1/groups.csv | tr -d '\r')" "$GROUPS_HEADER" "groups.csv header"
assert_eq "$(head -n 1 o1/ties.csv | tr -d '\r')" "source,target,weight,count,cross_group,bridge" "ties.csv header"
assert_eq "$(head -n 1 o1/groups.csv)" "$GROUPS_HEADER" "groups.csv header without CR"
assert_eq "$(head -n 1 o1/group_pairs.csv)" "group_a,group_b,ties,density" "group_pairs.csv header"

assert_true "actors.csv: 154 rows, one per actor of actors.csv, each with every column" "$PY" - <<'EOF'
import csv
rows = list(csv.reader(open('o1/actors.csv', newline='', encoding='utf-8')))
hdr, data = rows[0], rows[1:]
assert len(data) == 154, len(data)
assert all(len(r) == len(hdr) for r in data), 'ragged rows'
src = {r['id'] for r in csv.DictReader(open('actors.csv', newline='', encoding='utf-8'))}
out = [r[0] for r in data]
assert len(set(out)) == len(out), 'duplicate ids'
assert set(out) == src, set(out) ^ src
for col in ('degree', 'strength', 'betweenness', 'pagerank', 'coreness', 'eigenvector'):
    assert col in hdr, col
EOF

assert_true "groups.csv: one row per sector with the right size" "$PY" - <<'EOF'
import csv, collections
sizes = collections.Counter(r['sector'] for r in csv.DictReader(open('actors.csv', newline='', encoding='utf-8')))
g = {r['group']: r for r in csv.DictReader(open('o1/groups.csv', newline='', encoding='utf-8'))}
assert set(g) == set(sizes), (set(g), set(sizes))
for k, n in sizes.items():
    assert int(g[k]['size']) == n, (k, g[k]['size'], n)
EOF

assert_true "ties.csv: every endpoint an actor, weights > 0, counts >= 1, no pair twice" "$PY" - <<'EOF'
import csv
ids = {r['id'] for r in csv.DictReader(open('o1/actors.csv', newline='', encoding='utf-8'))}
seen = set()
for r in csv.DictReader(open('o1/ties.csv', newline='', encoding='utf-8')):
    assert r['source'] in ids and r['target'] in ids, r
    assert r['source'] != r['target'], r
    assert float(r['weight']) > 0 and int(r['count']) >= 1, r
    assert r['cross_group'] in ('0', '1') and r['bridge'] in ('0', '1'), r
    key = frozenset((r['source'], r['target']))
    assert key not in seen, r
    seen.add(key)
EOF

version=$("$BM" --version | awk '{print $2}')
assert_true "summary.json: keys, values and input checksums" "$PY" - "$version" <<'EOF'
import csv, hashlib, json, re, sys
s = json.load(open('o1/summary.json', encoding='utf-8'))
keys = ['nodes', 'ties', 'directed', 'density', 'components', 'transitivity', 'mean_distance',
        'diameter', 'grouping', 'groups', 'ei_index', 'ei_expected', 'seed', 'version', 'inputs']
missing = [k for k in keys if k not in s]
assert not missing, 'missing keys: %s' % missing
ties = sum(1 for _ in csv.DictReader(open('o1/ties.csv', newline='', encoding='utf-8')))
assert s['nodes'] == 154, s['nodes']
assert s['ties'] == ties, (s['ties'], ties)
assert s['directed'] is False
assert s['grouping'] == 'sector', s['grouping']
assert s['groups'] == 5, s['groups']
assert s['seed'] == 7, s['seed']
assert s['version'] == sys.argv[1], (s['version'], sys.argv[1])
assert 0 < s['density'] < 1
assert -1 <= s['ei_index'] <= 1 and -1 <= s['ei_expected'] <= 1
assert isinstance(s['inputs'], list) and len(s['inputs']) == 2, s['inputs']
names = set()
for inp in s['inputs']:
    h = inp['sha256']
    assert re.fullmatch('[0-9a-f]{64}', h), h
    p = inp.get('path') or inp.get('file')
    names.add(p.rsplit('/', 1)[-1])
    assert h == hashlib.sha256(open(p, 'rb').read()).hexdigest(), p
assert names == {'records.csv', 'actors.csv'}, names
EOF
# the same with sha256sum, as the contract says
for f in records.csv actors.csv; do
    want=$(sha256sum "$f" | cut -c1-64)
    assert_file_contains o1/summary.json "$want" "summary.json holds sha256sum of $f"
done

assert_true "map.svg: valid XML, legend names every sector, one node per actor" "$PY" - <<'EOF'
import csv, xml.etree.ElementTree as ET
NS = {'s': 'http://www.w3.org/2000/svg'}
XL = '{http://www.w3.org/1999/xlink}title'
root = ET.parse('o1/map.svg').getroot()
actors = list(csv.DictReader(open('actors.csv', newline='', encoding='utf-8')))
texts = [''.join(t.itertext()).strip() for t in root.iter('{http://www.w3.org/2000/svg}text')]
for sector in {a['sector'] for a in actors}:
    assert any(t.startswith(sector + ' ') or t == sector for t in texts), 'legend lacks ' + sector
nodes = [g for g in root.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'node']
assert len(nodes) == len(actors), (len(nodes), len(actors))
titles = [g.find('s:title', NS).text for g in nodes]
assert len(set(titles)) == len(titles), 'node titles not distinct'
# each actor is named in its node's tooltip
tips = set()
for g in nodes:
    for e in g.iter():
        if e.get(XL):
            tips.add(e.get(XL))
for a in actors:
    assert any(t.startswith(a['name']) for t in tips), 'no node names ' + a['name']
EOF

# ---- reproducible -------------------------------------------------------------
run analyze records.csv -a actors.csv -o o2 --seed 7
assert_exit 0 "analyze fjordvik again"
for f in $FILES; do
    if cmp -s "o1/$f" "o2/$f"; then pass; else fail "same seed, different $f"; fi
done
# re-running into the same directory replaces the set and leaves no staging dir
echo mine > o2/notes.txt
run analyze records.csv -a actors.csv -o o2 --seed 7 -q
assert_exit 0 "analyze into an existing output dir"
assert_stderr_empty "-q prints nothing on success"
assert_dir_listing o2 "$FILES notes.txt" "rerun: five files + user's file, no staging dir"
for f in $FILES; do
    if cmp -s "o1/$f" "o2/$f"; then pass; else fail "rerun into same dir: different $f"; fi
done

run analyze records.csv -a actors.csv -o o3 --no-map
assert_exit 0 "--no-map"
assert_dir_listing o3 "actors.csv group_pair_dependence.csv group_pairs.csv groups.csv report.html suggestions.csv summary.json ties.csv" "--no-map: no map.svg"

assert_eq "$(sums records.csv actors.csv)" "$inputs_before" "inputs unchanged"

# ---- render formats -------------------------------------------------------------
run render records.csv -a actors.csv -o map.png
assert_exit 0 "render png"
assert_eq "$(head -c 8 map.png | od -An -tx1 | tr -d ' \n')" "89504e470d0a1a0a" "map.png has the PNG signature"
run render records.csv -a actors.csv -o map.pdf
assert_exit 0 "render pdf"
assert_eq "$(head -c 5 map.pdf)" "%PDF-" "map.pdf starts with %PDF-"
run render records.csv -a actors.csv -o map.dot
assert_exit 0 "render dot"
assert_file_contains map.dot "graph" "map.dot is a Graphviz graph"
run render records.csv -a actors.csv -o map.svg --seed 7 --title "Fjordvik & co <2024>"
assert_exit 0 "render svg"
assert_true "render svg is valid XML with the title" "$PY" -c '
import xml.etree.ElementTree as ET, sys
r = ET.parse("map.svg").getroot()
assert any("Fjordvik & co <2024>" in "".join(t.itertext()) for t in r.iter("{http://www.w3.org/2000/svg}text"))'
before=$(ls -A | LC_ALL=C sort | grep -v '^\.\(stdout\|stderr\|check\)$')
run render records.csv -a actors.csv -o MAP.SVG
assert_exit 0 "render upper-case .SVG"
after=$(ls -A | LC_ALL=C sort | grep -v '^\.\(stdout\|stderr\|check\)$')
assert_eq "$(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')" "MAP.SVG " "render adds only its map (no temp files)"

# ---- labels that need escaping ---------------------------------------------------
printf 'source,target\nA,B\nB,C\n' > esc.csv
printf 'id,name,sector\nA,"back\\slash ""quoted"" <b> & co",x\nB,plain,y\nC,"line\\nbreak",x\n' > esc_actors.csv
assert_file_contains esc_actors.csv 'back\slash "' "test input has one backslash"
run render esc.csv -a esc_actors.csv -o esc.svg
assert_exit 0 "render a label with \\ \" < &"
assert_true "label with \\ \" < & renders into valid SVG, verbatim" "$PY" - <<'EOF'
import xml.etree.ElementTree as ET
r = ET.parse('esc.svg').getroot()
texts = [''.join(t.itertext()) for t in r.iter('{http://www.w3.org/2000/svg}text')]
assert 'back\\slash "quoted" <b> & co' in texts, texts
assert 'line\\nbreak' in texts, texts
EOF
run render esc.csv -a esc_actors.csv -o esc.dot
assert_exit 0 "render the label to .dot"
assert_file_contains esc.dot 'back\\slash' ".dot doubles the backslash"
assert_file_contains esc.dot 'line\\nbreak' ".dot doubles the backslash of \\n"
run analyze esc.csv -a esc_actors.csv -o o_esc
assert_exit 0 "analyze with the label"
assert_true "analyze map.svg with the label is valid XML" "$PY" -c 'import xml.etree.ElementTree as E; E.parse("o_esc/map.svg")'

# ---- failure to write: exit 3, nothing half-written -------------------------------
touch plainfile
run analyze esc.csv -o plainfile/out
assert_exit 3 "analyze -o under a regular file"
assert_stderr_contains "plainfile/out" "analyze -o under a regular file names the path"
if [ -f plainfile ] && [ ! -s plainfile ]; then pass; else fail "plainfile changed"; fi
run analyze esc.csv -o plainfile
assert_exit 3 "analyze -o a regular file"
assert_eq "$(stat -c %s plainfile)" "0" "analyze -o a regular file leaves it alone"
run render esc.csv -o plainfile/map.svg
assert_exit 3 "render -o under a regular file"
run render esc.csv -o nodir/map.svg
assert_exit 3 "render -o into a missing dir"
assert_dir_clean nodir "render into a missing dir creates nothing"

if [ "$(id -u)" != 0 ]; then
    mkdir ro
    chmod 555 ro
    run analyze esc.csv -o ro
    assert_exit 3 "analyze -o read-only dir"
    assert_dir_clean ro "read-only output dir stays empty"
    run render esc.csv -o ro/map.svg
    assert_exit 3 "render -o into a read-only dir"
    assert_dir_clean ro "read-only dir: no map"
    chmod 755 ro
else
    echo "note: running as root; read-only directory checks skipped (root ignores permissions)"
fi

# the set is moved into place whole or not at all: if one file cannot be moved
# (here a directory is in the way), none of the others may appear in OUT
for blocker in actors.csv groups.csv ties.csv summary.json map.svg; do
    rm -rf blk
    mkdir -p "blk/$blocker"
    echo keep > "blk/$blocker/inside"
    run analyze esc.csv -a esc_actors.csv -o blk
    assert_exit 3 "analyze with a directory in the way of $blocker"
    assert_dir_listing blk "$blocker" "directory in the way of $blocker: no new files in OUT, no staging dir"
    assert_eq "$(cat "blk/$blocker/inside" 2>/dev/null)" "keep" "directory in the way of $blocker kept"
done

# a failed render leaves an existing map alone
cp map.dot map_before.dot
printf 'source,target,weight\nA,B,0\n' > zero.csv
run render zero.csv -o map.dot
assert_exit 1 "render with a bad weight"
if cmp -s map.dot map_before.dot; then pass; else fail "failed render changed the existing map"; fi

# ---- the plain-language summary on stdout ---------------------------------------
# fjordvik by sector: public is the largest group and by far the most closed
# (196 ties inside, 53 out, in groups.csv), so it must be named as a silo.
run analyze records.csv -a actors.csv -o o_story --no-map
assert_exit 0 "analyze prints a summary"
assert_stdout_contains "154 actors, 316 ties" "summary counts actors and ties"
assert_stdout_contains "Grouped by sector (5 groups)" "summary names the grouping"
assert_stdout_contains "Silos (silo score, 100 = closed): public (" "summary names public as the first silo"
assert_stdout_contains "3 actors without any tie" "summary counts isolates"
run analyze records.csv -a actors.csv -o o_quiet --no-map --quiet
assert_exit 0 "analyze --quiet"
assert_stdout_empty "--quiet prints no summary"
assert_stderr_empty "--quiet prints nothing on stderr"

# ---- nested grouping levels --------------------------------------------------------
run analyze records.csv -a actors.csv -o o_levels --no-map -q --group "sector, organisation,unit"
assert_exit 0 "analyze with three grouping levels"
assert_dir_listing o_levels "actors.csv group_pair_dependence.csv group_pairs.csv group_pairs_organisation.csv group_pairs_sector.csv group_pairs_unit.csv groups.csv groups_organisation.csv groups_sector.csv groups_unit.csv report.html suggestions.csv summary.json ties.csv" "one groups file per level, the first also as groups.csv"
assert_true "groups.csv is the first level's" cmp -s o_levels/groups.csv o_levels/groups_sector.csv
assert_file_contains o_levels/actors.csv ",ei_index,participation,blau,iqv," "first level keeps the plain names"
assert_file_contains o_levels/actors.csv ",ei_index_unit,participation_unit,blau_unit,iqv_unit" "later levels get the level as suffix"
# 19 units (one actor has an empty unit and is in none): 19 rows + header
assert_eq "$(wc -l < o_levels/groups_unit.csv | tr -d ' ')" "20" "groups_unit.csv has a row per unit"
run analyze records.csv -a actors.csv -o o_levels2 --no-map -q --group "sector,nosuch"
assert_exit 2 "an unknown level is a usage error"
assert_stderr_contains "no actor column 'nosuch'" "names the unknown level"

# ---- CSV cells a spreadsheet would run as formulas (OWASP "CSV Injection") ----------------
# ids and names that Excel would evaluate; -5 and +2.5 are plain numbers and stay;
# ids are trimmed, so the tab before TAB goes (the unit test test_csv_guard covers tab and CR);
# ties list first the end the actors file lists first (=HYPERLINK before plain)
printf 'source,target\n"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1)\n+1+1,-2+3\n-5,+2.5\n"\tTAB",plain\nplain,"=HYPERLINK(""http://evil.example"",""click"")"\n' > inj_records.csv
printf 'id,name,sector\n"=HYPERLINK(""http://evil.example"",""click"")","=cmd|'"'"' /C calc'"'"'!A0",-public\n@SUM(A1),Ann,private\n+1+1,Bo,private\n-2+3,Cy,-public\n-5,Di,-public\n+2.5,Ed,private\n"\tTAB",Fi,private\nplain,Gu,-public\n' > inj_actors.csv
run analyze inj_records.csv -a inj_actors.csv -o o_inj --no-map -q
assert_exit 0 "analyze with formula-like names"
got=$("$PY" - <<'PY'
import csv
rows = list(csv.DictReader(open('o_inj/actors.csv', newline='', encoding='utf-8')))
print(repr([(r['id'], r['name'], r['sector']) for r in rows]))
g = list(csv.DictReader(open('o_inj/groups.csv', newline='', encoding='utf-8')))
print(sorted(r['group'] for r in g))
t = list(csv.DictReader(open('o_inj/ties.csv', newline='', encoding='utf-8')))
print(sorted(r['source'] for r in t))
PY
)
want=$(cat <<'W'
[('\'=HYPERLINK("http://evil.example","click")', "'=cmd|' /C calc'!A0", "'-public"), ("'@SUM(A1)", 'Ann', 'private'), ("'+1+1", 'Bo', 'private'), ("'-2+3", 'Cy', "'-public"), ('-5', 'Di', "'-public"), ('+2.5', 'Ed', 'private'), ('TAB', 'Fi', 'private'), ('plain', 'Gu', "'-public")]
["'-public", 'private']
["'+1+1", '\'=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")', '-5', 'TAB']
W
)
assert_eq "$got" "$want" "formula-like text cells get a ' in front; plain numbers do not"
run analyze inj_records.csv -a inj_actors.csv -o o_inj_raw --no-map -q --raw-csv
assert_exit 0 "--raw-csv"
got=$("$PY" -c "import csv;print(repr([r['id'] for r in csv.DictReader(open('o_inj_raw/actors.csv',newline='',encoding='utf-8'))][:3]))")
assert_eq "$got" "['=HYPERLINK(\"http://evil.example\",\"click\")', '@SUM(A1)', '+1+1']" "--raw-csv writes cells as they are"
run suggest inj_records.csv -a inj_actors.csv --top 50
assert_exit 0 "suggest with formula-like names"
got=$("$PY" -c "
import csv,sys
rows=list(csv.DictReader(open('$T/.stdout',newline='',encoding='utf-8')))
bad=[v for r in rows for k,v in r.items() if k in ('actor_a','actor_b','group_a','group_b') and v[:1] in '=+-@\t\r' and v not in ('-5','+2.5')]
print(len(rows)>0, bad)")
assert_eq "$got" "True []" "suggest's CSV on stdout is guarded too"

# ---- suggest ------------------------------------------------------------------------
run suggest records.csv -a actors.csv --top 4
assert_exit 0 "suggest"
assert_eq "$(head -n 1 "$T/.stdout")" "rank,actor_a,actor_b,group_a,group_b,score,reason" "suggest prints the CSV header"
assert_eq "$(wc -l < "$T/.stdout" | tr -d ' ')" "5" "suggest --top 4 prints four suggestions"
assert_true "suggest lists what analyze wrote" cmp -s "$T/.stdout" <(head -n 5 o1/suggestions.csv)
run suggest records.csv
assert_exit 2 "suggest without a grouping"
assert_stderr_contains "Try 'bridgemap suggest --help'" "suggest usage hint"

finish
