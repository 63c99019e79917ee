#!/bin/bash
# test_compare.sh: bridgemap compare (issue 10). A hand-made case whose gained, lost and kept
# ties, group counts, new pairs of groups, joined and left actors and E-I indices are worked
# out by hand below; the change test's p-value against the exact permutation distribution
# enumerated here in Python; each period's measures equal to analyze on that period's records
# alone; the bundled example's rise in cross-unit ties, counted here from the records, found
# significant; usage errors.
# Run: bash tests/cli/test_compare.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

# ---- a hand-made case ----------------------------------------------------------------------
# groups X = {a1, a2}, Y = {b1, b2}, Z = {c1, d1}
#   before: a1-a2 (inside X), b1-b2 (inside Y), a1-b1 (X-Y), a1-d1 (X-Z); a2-a1 repeats a1-a2
#   after:  a1-a2, a1-b1 (kept), a2-c1 (X-Z, gained), b2-c1 (Y-Z, gained)
# gained a2-c1, b2-c1; lost b1-b2, a1-d1; kept a1-a2, a1-b1
# cross share: before 2 of 4 = 0.5, after 3 of 4 = 0.75, change +0.25
# E-I (members' side, an inside tie counts twice): X 0 -> 0 (I 2, E 2 both times);
#   Y (1 - 2)/3 = -1/3 -> (2 - 0)/2 = +1; Z (1 - 0)/1 = +1 -> +1
# c1 joined, d1 left; pair Y-Z new, X-Y and X-Z kept
printf 'id,sector\na1,X\na2,X\nb1,Y\nb2,Y\nc1,Z\nd1,Z\n' > h_actors.csv
printf 'source,target\na1,a2\nb1,b2\na1,b1\na1,d1\na2,a1\n' > h_before.csv
printf 'source,target\na1,a2\na1,b1\na2,c1\nb2,c1\n' > h_after.csv
run compare h_before.csv h_after.csv --actors h_actors.csv -o h --permutations 20000 -q --no-map
assert_exit 0 "compare two snapshots"
got=$("$PY" - <<'PY'
import csv
ties = {(r['source'], r['target']): (r['status'], r['type'], r['weight_before'], r['weight_after'])
        for r in csv.DictReader(open('h/compare_ties.csv', encoding='utf-8'))}
print(sorted(ties.items()))
g = {r['group']: r for r in csv.DictReader(open('h/compare_groups.csv', encoding='utf-8'))}
for k in 'XYZ':
    r = g[k]
    print(k, r['ei_index_before'], r['ei_index_after'], r['ties_gained_inside'], r['ties_lost_inside'],
          r['ties_kept_inside'], r['ties_gained_across'], r['ties_lost_across'], r['ties_kept_across'])
p = {(r['group_a'], r['group_b']): (r['ties_before'], r['ties_after'], r['status'])
     for r in csv.DictReader(open('h/compare_group_pairs.csv', encoding='utf-8'))}
print(sorted(p.items()))
a = {r['id']: r['status'] for r in csv.DictReader(open('h/compare_actors.csv', encoding='utf-8'))}
print(sorted(a.items()))
s = {r['measure']: r for r in csv.DictReader(open('h/compare_summary.csv', encoding='utf-8'))}
print(s['cross_group_share']['before'], s['cross_group_share']['after'], s['cross_group_share']['change'])
PY
)
want="[(('a1', 'a2'), ('kept', 'internal', '2', '1')), (('a1', 'b1'), ('kept', 'external', '1', '1')), (('a1', 'd1'), ('lost', 'external', '1', '0')), (('a2', 'c1'), ('gained', 'external', '0', '1')), (('b1', 'b2'), ('lost', 'internal', '1', '0')), (('b2', 'c1'), ('gained', 'external', '0', '1'))]
X 0 0 0 0 1 1 1 1
Y -0.3333333333333333 1 0 1 0 1 0 1
Z 1 1 0 0 0 2 1 0
[(('X', 'Y'), ('1', '1', 'kept')), (('X', 'Z'), ('1', '1', 'kept')), (('Y', 'Z'), ('0', '1', 'new'))]
[('a1', 'both'), ('a2', 'both'), ('b1', 'both'), ('b2', 'both'), ('c1', 'joined'), ('d1', 'left')]
0.5 0.75 0.25"
assert_eq "$got" "$want" "hand case: ties gained/lost/kept, group counts and E-I, new pairs, joined/left, shares"

# the exact permutation distribution: the six pairs' period patterns {both, both, before,
# before, after, after} over all distinct arrangements; p = P(|change| >= 0.25)
exact=$("$PY" - <<'PY'
from itertools import permutations
pairs = [('a1a2', 0), ('a1b1', 1), ('b1b2', 0), ('a1d1', 1), ('a2c1', 1), ('b2c1', 1)]  # (pair, crosses)
labels = ['BA', 'BA', 'B', 'B', 'A', 'A']
seen = set(); hit = 0
for perm in set(permutations(labels)):
    b = [c for (p, c), l in zip(pairs, perm) if 'B' in l]
    a = [c for (p, c), l in zip(pairs, perm) if 'A' in l]
    d = sum(a) / len(a) - sum(b) / len(b)
    seen.add(perm); hit += abs(d) >= 0.25 - 1e-12
print(hit / len(seen))
PY
)
got=$("$PY" -c "import json;print(json.load(open('h/compare.json'))['test']['p_value'])")
assert_true "change test p ($got) within 0.01 of the exact permutation p ($exact)" \
    "$PY" -c "import sys; sys.exit(0 if abs($got - $exact) < 0.01 else 1)"

# ---- one file split at a date: each period equals analyze on its records alone ---------------
FJ=$SRC/datasets/fjordvik
run compare "$FJ/records.csv" --actors "$FJ/actors.csv" --split-date 2024-01-01 --group unit -o fj
assert_exit 0 "compare --split-date on the bundled example"
assert_stdout_contains "the groups mix more than before, and by more than chance would give." "the verdict in words"
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" --to 2023-12-31 --group unit -o fj_b -q --no-map
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" --from 2024-01-01 --group unit -o fj_a -q --no-map
got=$("$PY" - <<'PY'
import csv, json, math
def rows(p): return list(csv.DictReader(open(p, encoding='utf-8')))
ca = {r['id']: r for r in rows('fj/compare_actors.csv')}
bad = []
for period, d in (('before', 'fj_b'), ('after', 'fj_a')):
    for r in rows(d + '/actors.csv'):
        for col in ('degree', 'strength', 'betweenness', 'closeness', 'constraint', 'ei_index', 'brokerage_liaison_z'):
            x, y = r[col], ca[r['id']][col + '_' + period]
            if (x == '') != (y == '') or (x and not math.isclose(float(x), float(y), rel_tol=1e-12, abs_tol=1e-12)):
                bad.append((period, r['id'], col, x, y))
    s = json.load(open(d + '/summary.json'))
    cs = {r['measure']: r for r in rows('fj/compare_summary.csv')}
    for k in ('density', 'components', 'ei_index', 'modularity', 'assortativity', 'ties'):
        if not math.isclose(float(cs[k][period]), s[k], rel_tol=1e-12):
            bad.append((period, k))
    cg = {r['group']: r for r in rows('fj/compare_groups.csv')}
    for r in rows(d + '/groups.csv'):
        for col in ('ei_index', 'density', 'silo_score', 'internal_ties', 'external_ties'):
            key = col + '_' + period
            x, y = r[col], cg[r['group']][key]
            if (x == '') != (y == '') or (x and not math.isclose(float(x), float(y), rel_tol=1e-12, abs_tol=1e-12)):
                bad.append((period, r['group'], col, x, y))
print(len(ca), bad[:5])
PY
)
assert_eq "$got" "154 []" "each period's actor, group and network figures equal analyze --from/--to on it"

# the rise in cross-unit ties, counted here from the records (distinct pairs of actors with a
# unit; the bootcamp month has no records), and the test finds it significant
want=$("$PY" - "$FJ" <<'PY'
import csv, sys
d = sys.argv[1]
unit = {r['id']: r['unit'] for r in csv.DictReader(open(d + '/actors.csv', encoding='utf-8'))}
b, a = set(), set()
for r in csv.DictReader(open(d + '/records.csv', encoding='utf-8')):
    s, t = r['source'], r['target']
    if s == t or not unit[s] or not unit[t]:
        continue
    (b if r['date'] < '2024-01-01' else a).add(frozenset((s, t)))
cross = lambda S: sum(1 for p in S if len({unit[x] for x in p}) == 2)
print(f"{cross(b) / len(b):.6f} {cross(a) / len(a):.6f} {len(b)} {len(a)}")
PY
)
got=$("$PY" -c "
import json; t = json.load(open('fj/compare.json'))['test']
print(f\"{t['share_before']:.6f} {t['share_after']:.6f} {t['ties_before']} {t['ties_after']}\", t['p_value'] < 0.01)")
assert_eq "$got" "$want True" "bundled example: cross-unit share before/after as counted from the records; p < 0.01"

# ---- change maps: the same positions in both periods; the hand case's ties by kind ---------
run compare h_before.csv h_after.csv --actors h_actors.csv -o hm -q
assert_exit 0 "compare with maps"
got=$("$PY" - <<'PY'
import xml.etree.ElementTree as ET, re
NS = '{http://www.w3.org/2000/svg}'
def nodes(p):
    root = ET.parse(p).getroot()
    out = {}
    for g in root.iter(NS + 'g'):
        if g.get('class') == 'node':
            e = g.find('.//' + NS + 'ellipse')
            out[g.find(NS + 'title').text] = (e.get('cx'), e.get('cy'))
    text = ' '.join(''.join(t.itertext()) for t in root.iter(NS + 'text'))
    edges = sum(1 for g in root.iter(NS + 'g') if g.get('class') == 'edge')
    return out, text, edges
b, tb, eb = nodes('hm/change_map_before.svg')
a, ta, ea = nodes('hm/change_map_after.svg')
m = re.search(r'(\d+) ties gained across groups; thick coloured: (\d+) gained inside a group; thin: (\d+) kept; dashed pale: (\d+) lost', ta)
print(b == a, len(a), m.groups() if m else None, eb, ea)
PY
)
# six actors; after: 2 gained across (a2-c1, b2-c1), 0 inside, 2 kept, 2 lost (drawn dashed);
# before: its 4 ties; after: 6 lines
assert_eq "$got" "True 6 ('2', '0', '2', '2') 4 6" "change maps: same positions, ties by kind as worked out by hand"
assert_file_exists hm/change_group_map.svg "the group change map"
run compare h_before.csv h_after.csv --actors h_actors.csv -o hm2 -q
for f in change_map_before.svg change_map_after.svg change_group_map.svg; do
    assert_true "$f twice: identical bytes" cmp -s hm/$f hm2/$f
done

# ---- the Change report ------------------------------------------------------------------------
assert_file_exists fj/report.html "compare writes report.html"
got=$("$PY" - <<'PY'
import html.parser, json
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.t = []; self.tags = set()
    def handle_starttag(self, tag, attrs): self.tags.add(tag)
    def handle_data(self, d): self.t.append(d)
p = P(); p.feed(open('fj/report.html', encoding='utf-8').read())
text = ' '.join(' '.join(p.t).split())
v = json.load(open('fj/compare.json'))['verdict']
print(' '.join(v.split()) in text, 'Change' in text, 'script' in p.tags, open('fj/report.html').read().count('<svg'))
PY
)
assert_eq "$got" "True True False 3" "report.html: the Change section says the verdict, with the three change maps inline"

# ---- a trend: --by quarter, each quarter's cross-unit share counted here from the records --------
run compare "$FJ/records.csv" --actors "$FJ/actors.csv" --by quarter --group unit -o tr -q
assert_exit 0 "compare --by quarter"
want=$("$PY" - "$FJ" <<'PY'
import csv, sys
d = sys.argv[1]
unit = {r['id']: r['unit'] for r in csv.DictReader(open(d + '/actors.csv', encoding='utf-8'))}
q = {}
for r in csv.DictReader(open(d + '/records.csv', encoding='utf-8')):
    s, t = r['source'], r['target']
    if s == t or not unit[s] or not unit[t]:
        continue
    y, m = r['date'][:4], int(r['date'][5:7])
    q.setdefault(f"{y}-Q{(m - 1) // 3 + 1}", set()).add(frozenset((s, t)))
print(' '.join(f"{k}:{sum(1 for p in v if len({unit[x] for x in p}) == 2) / len(v):.6f}" for k, v in sorted(q.items())))
PY
)
got=$("$PY" -c "
import csv
print(' '.join(f\"{r['period']}:{float(r['cross_group_share']):.6f}\" for r in csv.DictReader(open('tr/compare_by_period.csv'))))")
assert_eq "$got" "$want" "compare --by quarter: the cross-unit share of each quarter as counted from the records"
assert_file_exists tr/ei_by_period.svg "the trend chart"

# ---- deterministic, and the same for any --jobs ------------------------------------------------
run compare h_before.csv h_after.csv --actors h_actors.csv -o h2 --permutations 20000 -q --jobs 1 --no-map
assert_true "compare --jobs 1 gives the same files as --jobs 2" cmp -s h/compare.json h2/compare.json

# ---- usage and input errors ------------------------------------------------------------------------
run compare h_before.csv --actors h_actors.csv -o x
assert_exit 2 "one file without --split-date"
assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: compare needs a second records file (BEFORE AFTER), --split-date DATE or --by PERIOD" "names what is missing"
run compare h_before.csv h_after.csv --split-date 2024-01-01 -o x
assert_exit 2 "--split-date with two files"
run compare "$FJ/records.csv" --split-date 2024-02-30 -o x
assert_exit 2 "--split-date 2024-02-30"
assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: --split-date needs a date YYYY-MM-DD" "bad split date"
run compare h_before.csv --split-date 2024-01-01 -o x
assert_exit 1 "--split-date on a file without dates"
assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: h_before.csv:1: a date window (--from/--to, compare's --split-date) needs a date column, and the header has none (name it with --date-col)" "no date column named"
printf 'source,target,date\na1,a2,2023-05-01\nb1,b2,\n' > h_undated.csv
run compare h_undated.csv --actors h_actors.csv --split-date 2024-01-01 -o x
assert_exit 1 "an undated record with --split-date"
assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: h_undated.csv:3:3: empty date, so the record cannot be placed in the --from/--to window" "the undated record named"
assert_true "nothing written on errors" test ! -e x
run compare a b c -o x
assert_exit 2 "three files"
run compare --help
assert_exit 0 "compare --help"
for o in --split-date --before-from --after-to --by --permutations --seed --group --actors; do
    assert_stdout_contains "$o" "compare --help lists $o"
done
finish
