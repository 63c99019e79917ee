#!/bin/bash
# test_narrative.sh: the sentences on stdout speak the user's names and never say nan.
#  - brokers between groups are named by Gould-Fernandez role: checked against actors.csv
#    (the five with the largest liaison/representative/gatekeeper z of 1.96 or more, their
#    roles) and against ties.csv (the other groups each reaches, with counts);
#  - actors are named by the name-like column (Navn), as on the map;
#  - an undefined E-I index is said in words;
#  - the activities that mixed the groups, from activities.csv.
# Run: bash tests/cli/test_narrative.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
FJ=$SRC/datasets/fjordvik

run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" --affiliations "$FJ/affiliations.csv" -o o --no-map
assert_exit 0 "fjordvik analyze"
cp "$T/.stdout" said.txt
got=$("$PY" - <<'PY'
import csv, re
actors = list(csv.DictReader(open('o/actors.csv', encoding='utf-8')))
sector = {a['id']: a['sector'] for a in actors}
name = {a['id']: a['name'] or a['id'] for a in actors}
roles = ['liaison', 'representative', 'gatekeeper']
def z(a, r):
    v = a[f'brokerage_{r}_z']
    return float(v) if v else float('nan')
brokers = []
for i, a in enumerate(actors):
    zs = [z(a, r) for r in roles if z(a, r) >= 1.96]
    if zs:
        brokers.append((-max(zs), i, a))
brokers.sort()
# the other groups each actor reaches, from ties.csv
reach = {}
for t in csv.DictReader(open('o/ties.csv', encoding='utf-8')):
    s, g = t['source'], t['target']
    for a, b in ((s, g), (g, s)):
        if sector.get(a) and sector.get(b) and sector[a] != sector[b]:
            reach.setdefault(a, {}).setdefault(sector[b], 0)
            reach[a][sector[b]] += 1
lines = [l.rstrip('\n') for l in open('said.txt', encoding='utf-8')]
head = [l for l in lines if l.startswith('Brokers between groups')]
bullets = [l for l in lines if l.startswith('  - ')]
bad = []
if head != [f'Brokers between groups (Gould-Fernandez roles with a z-score of 1.96 or more; {len(brokers)} in all):']:
    bad.append(f'head {head}')
if len(bullets) != min(5, len(brokers)):
    bad.append(f'{len(bullets)} bullets')
for line, (_, _, a) in zip(bullets, brokers):
    if not line.startswith(f"  - {name[a['id']]} ({a['sector']}):"):
        bad.append(f'who: {line}')
    for r in roles:
        said = re.search(rf'\b{r}\b', line) is not None
        if said != (z(a, r) >= 1.96):
            bad.append(f'{r} in {line}')
    gs = sorted(reach.get(a['id'], {}).items(), key=lambda kv: (-kv[1], kv[0]))
    want = ', '.join(f'{g} ({n})' for g, n in gs)
    if want and f'; ties to {want}' not in line:
        bad.append(f'ties to {want}: {line}')
print('ok' if not bad else bad)
PY
)
assert_eq "$got" "ok" "brokers named by role, ranked by z, with the groups they reach"
assert_true "no nan" sh -c "! grep -qiw 'nan' said.txt"
assert_file_contains said.txt "Activities that mixed the groups most: Jobbsjanse (3 groups, Blau 0.65, 94 cross-group pairs" "activities sentence (Jobbsjanse: 7+6+4 participants, 94 cross pairs)"
assert_file_contains said.txt "2 activities stayed inside one group: Lederbootcamp 2024 kull 1, Lederbootcamp 2024 kull 2." "bootcamps stayed in public"

# names from a Danish header (Navn), never raw ids when a name exists
printf 'id,Navn,sector\nK1,Søren Holm,public\nK2,Åse Berg,private\nK3,Bo Dal,public\n' > a.csv
printf 'source,target\nK1,K2\nK1,K3\nK3,K2\n' > r.csv
run analyze r.csv --actors a.csv -o n --no-map
assert_exit 0 "Navn column"
assert_stdout_contains "Søren Holm" "sentences use Navn"
assert_true "no raw ids in the sentences" sh -c "! grep -q 'K[123]' '$T/.stdout'"
run analyze r.csv --actors a.csv --label-by sector -o n2 --no-map
assert_stdout_lacks() { if grep -qF -- "$1" "$T/.stdout"; then fail "$2: stdout has '$1'"; else pass; fi; }
assert_stdout_lacks "Søren Holm" "--label-by changes the sentences' labels too"

# who holds the groups together, on a network read by hand:
#   X = {x1, x2, x3}, Y = {y1, y2}, Z = {z1}; ties x1-y1, x1-y2, x1-x2, x1-x3, y1-z1.
#   X-Y: 2 ties, carriers x1 y1 y2, x1 carries both; without x1, x2 and x3 reach no one: cut.
#   Y-Z: 1 tie (y1-z1), carriers y1 z1 (one each: y1 comes first in the actors file);
#        without y1, y2 reaches only x1, x2, x3: cut. X-Z: no tie, no row.
printf 'id,name,sector
x1,Xena,X
x2,Xavier,X
x3,Xu,X
y1,Yara,Y
y2,Yusuf,Y
z1,Zoe,Z
' > ha.csv
printf 'source,target
x1,y1
x1,y2
x1,x2
x1,x3
y1,z1
' > hr.csv
run analyze hr.csv --actors ha.csv -o h --no-map
assert_exit 0 "hand network"
assert_eq "$(cat h/group_pair_dependence.csv)" "group_a,group_b,ties,carriers,top_carrier,top_carrier_share,ties_without_top_carrier,connected_without_top_carrier
X,Y,2,3,x1,1,0,0
Y,Z,1,2,y1,1,0,0" "group_pair_dependence.csv by hand"
assert_stdout_contains "  - Xena carries 100% of the 2 ties between X and Y; without Xena the two groups are not connected at all." "the sentence names the carrier and the cut"

# E-I undefined: only one actor has a group
printf 'id,sector\nA,public\nB,\nC,\n' > a1.csv
printf 'source,target\nA,B\nB,C\n' > r1.csv
run analyze r1.csv --actors a1.csv -o u --no-map
assert_exit 0 "one grouped actor"
assert_stdout_contains "Grouped by sector (1 group). The E-I index is undefined: there are no ties between actors who both have a group." "undefined E-I in words"
assert_true "no nan when undefined" sh -c "! grep -qiw 'nan' '$T/.stdout'"
finish
