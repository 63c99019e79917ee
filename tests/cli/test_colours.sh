#!/bin/bash
# test_colours.sh: a group keeps its colour on every map of runs on the same actors file.
# The rule (README, Output): groups ranked by number of actors in the actors file (largest
# first, then by name), given the Okabe & Ito (2008) colour-blind-safe colours in this order:
# orange #E69F00, sky blue #56B4E9, bluish green #009E73, yellow #F0E442, blue #0072B2,
# vermillion #D55E00, reddish purple #CC79A7; then Tol's muted indigo #332288, cyan #88CCEE,
# green #117733, sand #DDCC77, rose #CC6677, purple #AA4499, teal #44AA99, olive #999933, wine #882255;
# later groups share grey #BBBBBB. The rank is of
# the actors file, not of a period's ties, so two periods' maps agree.
# Run: bash tests/cli/test_colours.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
FJ=$SRC/datasets/fjordvik

colours() { # DOT file -> "group=colour ..." from the node tooltips "Name (group)"
    "$PY" - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
seen = {}
for attrs in re.findall(r'\bn\d+\s*\[(.*?)\];', text, re.S):
    fill = re.search(r'fillcolor="([^"]+)"', attrs)
    tip = re.search(r'tooltip="[^"]*\(([^()"]+)\)"', attrs)
    if fill and tip:
        seen.setdefault(tip.group(1), set()).add(fill.group(1))
print(' '.join(f'{g}={"/".join(sorted(c))}' for g, c in sorted(seen.items())))
PY
}

expected=$("$PY" - "$FJ/actors.csv" <<'PY'
import csv, sys
from collections import Counter
size = Counter(r['sector'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['sector'])
palette = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7',
           '#332288', '#88CCEE', '#117733', '#DDCC77', '#CC6677', '#AA4499', '#44AA99', '#999933', '#882255']
order = sorted(size, key=lambda g: (-size[g], g))
print(' '.join(f'{g}={palette[i] if i < len(palette) else "#BBBBBB"}' for g, i in sorted((g, order.index(g)) for g in size)))
PY
)
run render "$FJ/records.csv" --actors "$FJ/actors.csv" --to 2023-12-31 -o before.dot
assert_exit 0 "map of 2023"
run render "$FJ/records.csv" --actors "$FJ/actors.csv" --from 2024-01-01 -o after.dot
assert_exit 0 "map of 2024"
assert_eq "$(colours before.dot)" "$expected" "2023's map follows the rule"
assert_eq "$(colours after.dot)" "$expected" "2024's map has the same colours"
# a records file naming only public and private actors still colours them the same
grep -E '^(source|K[0-9]+,P[0-9]+|P[0-9]+,K[0-9]+)' "$FJ/records.csv" | cut -d, -f1-3 > two.csv
run render two.csv --actors "$FJ/actors.csv" -o two.dot
assert_exit 0 "map of public-private records only"
got=$(colours two.dot | tr ' ' '\n' | grep -E '^(public|private)=' | tr '\n' ' ')
want=$(echo "$expected" | tr ' ' '\n' | grep -E '^(public|private)=' | tr '\n' ' ')
assert_eq "$got" "$want" "public and private keep their colours when other groups have no tie"
finish
