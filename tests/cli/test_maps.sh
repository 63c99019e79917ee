#!/bin/bash
# test_maps.sh: the maps of issue 9. The group summary map's circles, ties and densities, the
# silo view's boxes, the ego map's actors and the shapes are checked against counts made here
# from the input files (Python, the records and actors read directly); every format is written
# twice and compared byte for byte; the analyze --export files are read back with NetworkX.
# Run: bash tests/cli/test_maps.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
FJ=$SRC/datasets/fjordvik
cp "$FJ/records.csv" "$FJ/actors.csv" .

# counts from the inputs: distinct undirected pairs (no self-ties) by pair of sectors
"$PY" - <<'PY' > expect.txt
import csv
sector = {r['id']: r['sector'] for r in csv.DictReader(open('actors.csv', encoding='utf-8'))}
size = {}
for s in sector.values():
    size[s] = size.get(s, 0) + 1
pairs = set()
for r in csv.DictReader(open('records.csv', encoding='utf-8')):
    if r['source'] != r['target']:
        pairs.add(frozenset((r['source'], r['target'])))
ties = {}
for p in pairs:
    a, b = sorted(sector[x] for x in p)
    ties[(a, b)] = ties.get((a, b), 0) + 1
cross = sum(v for (a, b), v in ties.items() if a != b)
inside = sum(v for (a, b), v in ties.items() if a == b)
print(len(size), cross, inside)
# one line per pair of sectors with ties: "a|b|ties|density" as the map's tooltip says
for (a, b), v in sorted(ties.items()):
    if a == b:
        continue
    d = v / (size[a] * size[b])
    print(f"{a} - {b}: {v} tie{'s' if v != 1 else ''}, density {d:.2f}" if d >= 0.1 else
          f"{a} - {b}: {v} tie{'s' if v != 1 else ''}, density {d:.2g}")
for s in sorted(size):
    n = size[s]
    d = ties.get((s, s), 0) / (n * (n - 1) / 2)
    print(f"{s}\\n{n} actors, {ties.get((s, s), 0)} inside\\ndensity " + (f"{d:.2f}" if d >= 0.1 or d == 0 else f"{d:.2g}"))
PY

# ---- group summary map ---------------------------------------------------------------------------
run render records.csv --actors actors.csv --view groups -o groups.svg
assert_exit 0 "render --view groups"
got=$("$PY" - <<'PY'
import xml.etree.ElementTree as ET
NS = '{http://www.w3.org/2000/svg}'
XL = '{http://www.w3.org/1999/xlink}title'
root = ET.parse('groups.svg').getroot()
nodes = [g for g in root.iter(NS + 'g') if g.get('class') == 'node']
edges = [g for g in root.iter(NS + 'g') if g.get('class') == 'edge']
tips = sorted(a.get(XL) for g in edges for a in g.iter(NS + 'a') if a.get(XL))
ntips = sorted(a.get(XL).replace('\n', '\\n') for g in nodes for a in g.iter(NS + 'a') if a.get(XL))
text = ' '.join(t.text or '' for t in root.iter(NS + 'text'))
import re
m = re.search(r'(\d+) ties across groups, (\d+) inside groups', text)
print(len(nodes), m.group(1), m.group(2))
for t in tips: print(t)
for t in ntips: print(t)
PY
)
assert_eq "$got" "$(cat expect.txt)" "group map: a circle per sector, a line per pair of sectors with ties, counts and densities as counted from the input"

# ---- silo view ------------------------------------------------------------------------------------
run render records.csv --actors actors.csv --view silo -o silo.svg
assert_exit 0 "render --view silo"
got=$("$PY" - <<'PY'
import xml.etree.ElementTree as ET, csv
NS = '{http://www.w3.org/2000/svg}'
root = ET.parse('silo.svg').getroot()
clusters = sorted(''.join(g.find(NS + 'text').itertext()) for g in root.iter(NS + 'g') if g.get('class') == 'cluster')
sectors = sorted({r['sector'] for r in csv.DictReader(open('actors.csv', encoding='utf-8'))})
print(clusters == sectors, len(clusters))
PY
)
assert_eq "$got" "True 5" "silo view: one labelled box per sector"

# ---- ego map --------------------------------------------------------------------------------------
for radius in 1 2; do
    run ego records.csv --actors actors.csv --actor K010 --radius $radius -o ego$radius.svg
    assert_exit 0 "ego --radius $radius"
    got=$("$PY" - $radius <<'PY'
import xml.etree.ElementTree as ET, csv, sys
radius = int(sys.argv[1])
NS = '{http://www.w3.org/2000/svg}'
adj = {}
for r in csv.DictReader(open('records.csv', encoding='utf-8')):
    a, b = r['source'], r['target']
    if a != b:
        adj.setdefault(a, set()).add(b); adj.setdefault(b, set()).add(a)
seen = {'K010'}; frontier = {'K010'}
for _ in range(radius):
    frontier = {y for x in frontier for y in adj.get(x, ())} - seen
    seen |= frontier
name = {r['id']: r['name'] for r in csv.DictReader(open('actors.csv', encoding='utf-8'))}
root = ET.parse(f'ego{radius}.svg').getroot()
nodes = [g for g in root.iter(NS + 'g') if g.get('class') == 'node']
text = ''.join(''.join(t.itertext()) for t in root.iter(NS + 'text'))
direct = len(adj['K010'])
want = (f"{name['K010']}\u00a0(public): {direct} direct contacts, {len(seen) - 1} actors within "
        f"{radius} step{'s' if radius > 1 else ''}")
print(len(nodes) == len(seen), want in text, 'Brokerage roles' in text)
PY
)
    assert_eq "$got" "True True True" "ego --radius $radius: the actors within the radius (counted by BFS here) and the caption"
done
run ego records.csv --actors actors.csv --actor NOBODY -o e.svg
assert_exit 2 "ego with an unknown actor"
assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: --actor: no actor 'NOBODY' in the network" "unknown actor named"
assert_true "no file for an unknown actor" test ! -e e.svg
run ego records.csv --actors actors.csv -o e.svg
assert_exit 2 "ego without --actor"
run ego records.csv --actors actors.csv --actor K010 --radius 0 -o e.svg
assert_exit 2 "--radius 0"

# ---- shapes ---------------------------------------------------------------------------------------
run render records.csv --actors actors.csv --color-by unit --shape-by sector -o shapes.svg
assert_exit 0 "render --shape-by"
got=$("$PY" - <<'PY'
import xml.etree.ElementTree as ET, csv
NS = '{http://www.w3.org/2000/svg}'
XL = '{http://www.w3.org/1999/xlink}title'
sectors = {}
for r in csv.DictReader(open('actors.csv', encoding='utf-8')):
    sectors[r['sector']] = sectors.get(r['sector'], 0) + 1
# ranks by size (ties: first seen): circle, box, triangle, diamond, pentagon...
order = sorted(sectors, key=lambda s: -sectors[s])
shape_of_rank = ['ellipse', 'polygon4', 'polygon3', 'polygon4', 'polygon5']
root = ET.parse('shapes.svg').getroot()
kinds = {}
for g in root.iter(NS + 'g'):
    if g.get('class') != 'node':
        continue
    e = g.find('.//' + NS + 'ellipse')
    p = g.find('.//' + NS + 'polygon')
    k = 'ellipse' if e is not None else 'polygon%d' % (len(p.get('points').split()) - 1)
    kinds[k] = kinds.get(k, 0) + 1
want = {}
for r, s in enumerate(order):
    want[shape_of_rank[r]] = want.get(shape_of_rank[r], 0) + sectors[s]
print(kinds == want, sorted(kinds.items()))
PY
)
case $got in "True "*) pass ;; *) fail "shapes by sector: $got" ;; esac
run render records.csv --actors actors.csv --shape-by nosuch -o x.svg
assert_exit 2 "--shape-by an unknown column"

# ---- the same bytes twice, in every format --------------------------------------------------------
for f in svg png pdf dot; do
    run render records.csv --actors actors.csv -o a.$f
    run render records.csv --actors actors.csv -o b.$f
    assert_true "render .$f twice: identical bytes" cmp -s a.$f b.$f
    run render records.csv --actors actors.csv --view silo -o sa.$f
    run render records.csv --actors actors.csv --view silo -o sb.$f
    assert_true "silo view .$f twice: identical bytes" cmp -s sa.$f sb.$f
done
assert_eq "$(grep -a -o '/CreationDate (D:[0-9]*' a.pdf)" "/CreationDate (D:19700101000000" "PDF creation date fixed"
SOURCE_DATE_EPOCH=1700000000 "$BM" render records.csv --actors actors.csv -o c.pdf
assert_eq "$(grep -a -o '/CreationDate (D:[0-9]*' c.pdf)" "/CreationDate (D:20231114221320" "PDF creation date from SOURCE_DATE_EPOCH"
run render records.csv --view groups -o g.svg
assert_exit 2 "--view groups without a grouping"
run render records.csv --actors actors.csv --view nosuch -o g.svg
assert_exit 2 "--view nosuch"

# ---- analyze writes the maps and the exports ------------------------------------------------------
run analyze records.csv --actors actors.csv -o out --export graphml,gexf,kumu -q
assert_exit 0 "analyze --export"
got=$("$PY" - <<'PY'
import networkx as nx, json, csv
g = nx.read_graphml('out/network.graphml')
x = nx.read_gexf('out/network.gexf')
k = json.load(open('out/network.json', encoding='utf-8'))
n = sum(1 for _ in csv.DictReader(open('actors.csv', encoding='utf-8')))
pairs = {frozenset((r['source'], r['target'])) for r in csv.DictReader(open('records.csv', encoding='utf-8')) if r['source'] != r['target']}
print(g.number_of_nodes() == n, g.number_of_edges() == len(pairs), x.number_of_nodes() == n,
      x.number_of_edges() == len(pairs), len(k['elements']) == n, len(k['connections']) == len(pairs))
PY
)
assert_eq "$got" "True True True True True True" "analyze --export: GraphML, GEXF and Kumu hold every actor and tie"
run analyze records.csv --actors actors.csv -o out2 --export pdf
assert_exit 2 "--export pdf"
assert_true "nothing written for a bad --export" test ! -e out2

# ---- a large network: the backbone --------------------------------------------------------------
# 6,000 actors, 9,000 random ties: among the 1,000 with the most ties 102 have no tie to another
# of them (142 parts).
# The map draws 1,000 grown from the actor with the most ties along ties, always the one with the
# most ties (then first in the actors file) next to those drawn; recomputed here by that rule.
"$PY" - <<'PY'
import random
rng = random.Random(7)
n = 6000
with open('big_actors.csv', 'w') as f:
    f.write('id,sector\n' + ''.join('b%04d,%s\n' % (i, 'xyz'[i % 3]) for i in range(n)))
pairs = set()
while len(pairs) < 9000:
    u, v = rng.randrange(n), rng.randrange(n)
    if u != v:
        pairs.add((min(u, v), max(u, v)))
with open('big_records.csv', 'w') as f:
    f.write('source,target\n' + ''.join('b%04d,b%04d\n' % p for p in sorted(pairs)))
PY
run render big_records.csv --actors big_actors.csv -o big.svg
assert_exit 0 "render of 6,000 actors"
got=$("$PY" - <<'PY'
import csv, heapq, re
import networkx as nx
ids = [r['id'] for r in csv.DictReader(open('big_actors.csv'))]  # file order: the tie-break
g = nx.Graph()
g.add_nodes_from(ids)
g.add_edges_from((r['source'], r['target']) for r in csv.DictReader(open('big_records.csv')))
order = sorted(range(len(ids)), key=lambda i: (-g.degree(ids[i]), i))
pos = {ids[i]: r for r, i in enumerate(order)}
drawn, queued, heap, seed = set(), set(), [], 0
while len(drawn) < 1000:
    if not heap:
        while ids[order[seed]] in drawn:
            seed += 1
        heapq.heappush(heap, seed)
        queued.add(ids[order[seed]])
    v = ids[order[heapq.heappop(heap)]]
    drawn.add(v)
    for u in g[v]:
        if u not in queued:
            queued.add(u)
            heapq.heappush(heap, pos[u])
svg = open('big.svg', encoding='utf-8').read()
shown = set(re.findall(r'xlink:title="(b\d{4}) \(', svg))
top = {ids[i] for i in order[:1000]}
parts = nx.number_connected_components(g.subgraph(drawn))
parts_top = nx.number_connected_components(g.subgraph(top))
print(shown == drawn, len(shown), parts, parts_top, 'Showing 1000 of 6000 actors: grown from' in svg)
PY
)
assert_eq "$got" "True 1000 1 142 True" "large network: the backbone grown along ties, by the rule recomputed here"
finish
