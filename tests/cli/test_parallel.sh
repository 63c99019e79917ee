#!/bin/bash
# test_parallel.sh: 'analyze' with worker processes (-j/--jobs) gives byte-identical
# outputs for every N (undirected, directed, sampled, nested grouping); the path method
# (exact or sampled, epsilon, delta, sample sizes) is recorded in summary.json; a sampled
# run on a small network is still valid output; --jobs/--approx/--exact/--epsilon/--delta
# usage errors; the seed makes sampled runs reproducible.
# Run: bash tests/cli/test_parallel.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

FJ=$SRC/datasets/fjordvik
LZ=$SRC/datasets/lazega_advice
KR=$SRC/datasets/krackhardt_advice
for f in "$FJ/records.csv" "$FJ/actors.csv" "$LZ/records.csv" "$LZ/actors.csv" \
         "$KR/records.csv" "$KR/actors.csv"; do
    if [ ! -f "$f" ]; then
        echo "$f missing" >&2
        exit 1
    fi
done
OUTS="actors.csv groups.csv group_pairs.csv ties.csv summary.json suggestions.csv"

# fj OUT ARGS...: analyze fjordvik quietly without a map into OUT
fj() {
    local out=$1
    shift
    run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" --no-map --quiet -o "$out" "$@"
}

# ---- 1. determinism across --jobs -----------------------------------------------
for j in 1 2 3; do
    fj "fj_j$j" --jobs "$j"
    assert_exit 0 "fjordvik --jobs $j"
    assert_stderr_empty "fjordvik --jobs $j --quiet"
done
same_outputs fj_j1 fj_j2 "fjordvik --jobs 1 vs --jobs 2"
same_outputs fj_j1 fj_j3 "fjordvik --jobs 1 vs --jobs 3"
# -j is the short form; a count far above the core count (and the network) is fine
fj fj_jmax -j 4096
assert_exit 0 "fjordvik -j 4096"
same_outputs fj_j1 fj_jmax "fjordvik --jobs 1 vs -j 4096"

# directed: both classic advice networks are directed nominations (datasets/README.md)
for ds in "$LZ:office:lz" "$KR:department:kr"; do
    dir=${ds%%:*}
    rest=${ds#*:}
    grp=${rest%%:*}
    tag=${rest#*:}
    for j in 1 2 3; do
        run analyze "$dir/records.csv" --actors "$dir/actors.csv" --directed --group "$grp" \
            --no-map --quiet -o "${tag}_j$j" --jobs "$j"
        assert_exit 0 "$(basename "$dir") --directed --jobs $j"
    done
    assert_file_contains "${tag}_j1/summary.json" '"directed":	true' "$(basename "$dir") is analysed as directed"
    same_outputs "${tag}_j1" "${tag}_j2" "$(basename "$dir") --directed --jobs 1 vs 2"
    same_outputs "${tag}_j1" "${tag}_j3" "$(basename "$dir") --directed --jobs 1 vs 3"
done

# sampled path measures
for j in 1 2 3; do
    fj "ap_j$j" --approx --epsilon 0.2 --jobs "$j"
    assert_exit 0 "fjordvik --approx --epsilon 0.2 --jobs $j"
done
same_outputs ap_j1 ap_j2 "fjordvik --approx --epsilon 0.2 --jobs 1 vs 2"
same_outputs ap_j1 ap_j3 "fjordvik --approx --epsilon 0.2 --jobs 1 vs 3"
for j in 1 3; do
    run analyze "$LZ/records.csv" --actors "$LZ/actors.csv" --directed --group office \
        --no-map --quiet -o "lzap_j$j" --jobs "$j" --approx --epsilon 0.2 --seed 11
    assert_exit 0 "lazega_advice --directed --approx --jobs $j"
done
same_outputs lzap_j1 lzap_j3 "lazega_advice --directed --approx --seed 11 --jobs 1 vs 3"

# nested grouping: the per-level files too
LEVEL_OUTS="groups_sector.csv groups_unit.csv group_pairs_sector.csv group_pairs_unit.csv"
for j in 1 2 3; do
    fj "gr_j$j" --group sector,unit --jobs "$j"
    assert_exit 0 "fjordvik --group sector,unit --jobs $j"
done
same_outputs gr_j1 gr_j2 "fjordvik --group sector,unit --jobs 1 vs 2" "$LEVEL_OUTS"
same_outputs gr_j1 gr_j3 "fjordvik --group sector,unit --jobs 1 vs 3" "$LEVEL_OUTS"

# the map, the stdout summary and 'render' do not depend on --jobs either
for j in 1 3; do
    run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o "map_j$j" --jobs "$j"
    assert_exit 0 "fjordvik with map --jobs $j"
    cp "$T/.stdout" "story_j$j.txt"
done
same_outputs map_j1 map_j3 "fjordvik with map --jobs 1 vs 3" map.svg
assert_true "the plain-language summary is the same for --jobs 1 and 3" cmp story_j1.txt story_j3.txt
assert_true "the summary on stdout is not empty" test -s story_j1.txt
for j in 1 3; do
    run render "$FJ/records.csv" -a "$FJ/actors.csv" -o "render_j$j.svg" --jobs "$j"
    assert_exit 0 "render --jobs $j"
    run render "$FJ/records.csv" -a "$FJ/actors.csv" -o "render_ap_j$j.svg" -j "$j" --approx --epsilon 0.2
    assert_exit 0 "render --approx -j $j"
done
assert_true "render: same map for --jobs 1 and 3" cmp render_j1.svg render_j3.svg
assert_true "render --approx: same map for -j 1 and 3" cmp render_ap_j1.svg render_ap_j3.svg

# ---- 2. the method is recorded in summary.json ------------------------------------
assert_true "default run: path_measures exact, sampling keys present and null" "$PY" - <<'EOF'
import json
s = json.load(open('fj_j1/summary.json', encoding='utf-8'))
assert s.get('path_measures') == 'exact', s.get('path_measures')
assert s.get('betweenness_method') == 'exact', s.get('betweenness_method')
for k in ('epsilon', 'delta', 'betweenness_samples', 'vertex_diameter_bound',
          'sources_per_component', 'group_betweenness_epsilon'):
    assert k in s, 'missing key ' + k
    assert s[k] is None, (k, s[k])
EOF
fj ex_forced --exact
assert_exit 0 "fjordvik --exact"
same_outputs fj_j1 ex_forced "fjordvik default vs --exact (small network: exact by default)"

fj ap_ed --approx --epsilon 0.2 --delta 0.2
assert_exit 0 "fjordvik --approx --epsilon 0.2 --delta 0.2"
assert_true "--approx --epsilon 0.2 --delta 0.2: sampled, both recorded, sample sizes > 0" "$PY" - <<'EOF'
import json
s = json.load(open('ap_ed/summary.json', encoding='utf-8'))
assert s.get('path_measures') == 'sampled', s.get('path_measures')
assert s.get('epsilon') == 0.2, s.get('epsilon')
assert s.get('delta') == 0.2, s.get('delta')
# every path measure is asked, so betweenness comes from the sampled sources
# (Brandes & Pich), as many as sources_per_component; no paths are drawn
assert s.get('betweenness_method') == 'sampled sources', s.get('betweenness_method')
b = s.get('betweenness_samples')
assert isinstance(b, int) and not isinstance(b, bool) and b > 0, b
v = s.get('sources_per_component')
assert isinstance(v, int) and not isinstance(v, bool) and v > 0, v
assert b == v, (b, v)
assert s.get('vertex_diameter_bound') is None, s.get('vertex_diameter_bound')
g = s.get('group_betweenness_epsilon')
assert isinstance(g, (int, float)) and not isinstance(g, bool) and g >= 0, g
assert s['nodes'] == 154, s['nodes']
EOF
assert_true "--approx without --delta records the default delta 0.1" "$PY" -c '
import json
s = json.load(open("ap_j1/summary.json", encoding="utf-8"))
assert s["path_measures"] == "sampled" and s["epsilon"] == 0.2, s
assert s["delta"] == 0.1, s["delta"]'
assert_true "a looser delta needs no more betweenness samples" "$PY" -c '
import json
a = json.load(open("ap_j1/summary.json", encoding="utf-8"))
b = json.load(open("ap_ed/summary.json", encoding="utf-8"))
assert b["betweenness_samples"] <= a["betweenness_samples"], (a["betweenness_samples"], b["betweenness_samples"])'

# ---- 3. a tight epsilon on a small network is still valid output --------------------
fj ap_tight --approx --epsilon 0.1
assert_exit 0 "fjordvik --approx --epsilon 0.1"
assert_true "--approx --epsilon 0.1: every actor once, betweenness finite and >= 0, within epsilon" \
    "$PY" - "$FJ/actors.csv" <<'EOF'
import csv, json, math, sys
src = [r['id'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))]
rows = list(csv.reader(open('ap_tight/actors.csv', newline='', encoding='utf-8')))
hdr, data = rows[0], rows[1:]
assert all(len(r) == len(hdr) for r in data), 'ragged rows'
ids = [r[0] for r in data]
assert len(ids) == len(set(ids)), 'duplicate ids'
assert sorted(ids) == sorted(src), set(ids) ^ set(src)
bi, ni = hdr.index('betweenness'), hdr.index('betweenness_norm')
approx = {}
for r in data:
    b = float(r[bi])              # raises on an empty or non-numeric cell
    assert math.isfinite(b) and b >= 0, (r[0], r[bi])
    bn = float(r[ni])
    assert math.isfinite(bn) and 0 <= bn <= 1, (r[0], r[ni])
    approx[r[0]] = b
s = json.load(open('ap_tight/summary.json', encoding='utf-8'))
assert s['path_measures'] == 'sampled' and s['epsilon'] == 0.1, (s['path_measures'], s['epsilon'])
for k in ('mean_distance', 'diameter'):
    assert isinstance(s[k], (int, float)) and s[k] > 0, (k, s[k])
# the documented bound: betweenness / (n(n-1)) within epsilon of the exact value
# (with probability 1 - delta; the bound is loose, the real error here is ~0.01)
n = len(src)
exact = {r['id']: float(r['betweenness'])
         for r in csv.DictReader(open('fj_j1/actors.csv', newline='', encoding='utf-8'))}
worst = max(abs(approx[k] - exact[k]) / (n * (n - 1)) for k in exact)
assert worst <= 0.1, worst
EOF
assert_true "--approx --epsilon 0.1: groups.csv has a row per sector" "$PY" - <<'EOF'
import csv
a = [r['group'] for r in csv.DictReader(open('fj_j1/groups.csv', newline='', encoding='utf-8'))]
b = [r['group'] for r in csv.DictReader(open('ap_tight/groups.csv', newline='', encoding='utf-8'))]
assert a == b and len(b) == 5, (a, b)
EOF

# ---- 4. usage errors ---------------------------------------------------------------
usage_error() {   # usage_error EXPECTED_MESSAGE_PART ARGS...
    local want=$1
    shift
    rm -rf u_out
    run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o u_out "$@"
    assert_exit 2 "analyze $*"
    assert_stderr_contains "$want" "analyze $* says why"
    assert_stderr_contains "Try 'bridgemap analyze --help'" "analyze $* gives the help hint"
    assert_dir_clean u_out "analyze $* writes nothing"
}
usage_error "--jobs needs a whole number from 1 to 4096, not '0'" --jobs 0
usage_error "--jobs needs a whole number from 1 to 4096, not 'abc'" --jobs abc
usage_error "--jobs needs a whole number from 1 to 4096, not '4097'" --jobs 4097
usage_error "--jobs needs a whole number from 1 to 4096, not '0'" -j 0
usage_error "--epsilon needs a number between 0 and 1, not '0'" --approx --epsilon 0
usage_error "--epsilon needs a number between 0 and 1, not '1.5'" --approx --epsilon 1.5
usage_error "--delta needs a number between 0 and 1, not 'x'" --approx --delta x
usage_error "exclude each other" --approx --exact
usage_error "exclude each other" --exact --approx
run render "$FJ/records.csv" -o u_render.svg --approx --exact
assert_exit 2 "render --approx --exact"
assert_stderr_contains "exclude each other" "render --approx --exact says why"
run render "$FJ/records.csv" -o u_render.svg --jobs 0
assert_exit 2 "render --jobs 0"
assert_stderr_contains "--jobs" "render --jobs 0 names the option"
assert_true "failed renders wrote no map" test ! -e u_render.svg

run analyze --help
assert_exit 0 "analyze --help"
for opt in "-j, --jobs N" --approx --exact "--epsilon E" "--delta D"; do
    assert_stdout_contains "$opt" "analyze --help mentions $opt"
done
run render --help
assert_exit 0 "render --help"
for opt in --jobs --approx --exact --epsilon --delta; do
    assert_stdout_contains "$opt" "render --help mentions $opt"
done

# ---- 5. seeds with --approx ----------------------------------------------------------
fj sd1 --approx --epsilon 0.2 --seed 5
assert_exit 0 "--approx --seed 5"
fj sd1b --approx --epsilon 0.2 --seed 5 --jobs 2
assert_exit 0 "--approx --seed 5 again (--jobs 2)"
same_outputs sd1 sd1b "--approx: the same seed twice"
for s in 6 7; do
    fj "sd_$s" --approx --epsilon 0.2 --seed "$s"
    assert_exit 0 "--approx --seed $s"
done
assert_true "--approx --seed 6/7: seeds recorded, valid betweenness" "$PY" - <<'EOF'
import csv, json
for s in (6, 7):
    j = json.load(open('sd_%d/summary.json' % s, encoding='utf-8'))
    assert j['seed'] == s and j['path_measures'] == 'sampled', (s, j['seed'], j['path_measures'])
    rows = list(csv.DictReader(open('sd_%d/actors.csv' % s, newline='', encoding='utf-8')))
    assert len(rows) == 154 and all(float(r['betweenness']) >= 0 for r in rows), s
EOF
# different seeds may give different estimates; the sampler must use the seed, so
# over three seeds at least one betweenness column differs (the odds of all three
# drawing the same samples are nil)
assert_true "--approx: the seed reaches the sampler (seeds 5, 6, 7 not all alike)" "$PY" - <<'EOF'
import csv
cols = [[r['betweenness'] for r in csv.DictReader(open('%s/actors.csv' % d, newline='', encoding='utf-8'))]
        for d in ('sd1', 'sd_6', 'sd_7')]
assert not (cols[0] == cols[1] == cols[2]), 'three seeds, identical sampled betweenness'
EOF
# exact betweenness does not depend on the seed
fj ex_seed9 --seed 9
assert_exit 0 "exact --seed 9"
assert_true "exact betweenness is the same for --seed 1 and 9" "$PY" - <<'EOF'
import csv
a, b = ([(r['id'], r['betweenness'], r['closeness']) for r in
         csv.DictReader(open('%s/actors.csv' % d, newline='', encoding='utf-8'))] for d in ('fj_j1', 'ex_seed9'))
assert a == b
EOF

finish
