#!/usr/bin/env bash
# bench/run.sh: bridgemap against python-igraph on synthetic collaboration
# networks (see bench/README.md). Run by hand from anywhere:
#
#   bench/run.sh [--full] [--sizes 10k,100k,1M] [--repeat 3] [--analyze-max 100k]
#                [--budget 60] [--no-nomap] [--seed 1] [--regen]
#
# Environment: BUILD_DIR (default build), PYTHON (default /usr/bin/python3).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
DATA=bench/data

sizes="10k,100k,1M"
full=0
repeat=3
analyze_max=100k
budget=60
nomap=1
seed=1
regen=0

usage() {
    cat <<'EOF'
usage: bench/run.sh [options]
  --sizes LIST        comma-separated tie counts (k/M suffixes); default 10k,100k,1M
  --full              add 2M to the sizes
  --repeat N          runs per measurement, best taken (default 3)
  --analyze-max SIZE  time analyze and the python measures only up to SIZE ties
                      (default 100k; they are O(actors x ties))
  --budget SECONDS    stop repeating an analyze/measures timing once its runs
                      took this long in total (default 60; the first run always counts)
  --no-nomap          skip the extra `analyze --no-map` timing
  --seed S            generator seed (default 1)
  --regen             regenerate the data even when present
environment: BUILD_DIR (default build), PYTHON (default /usr/bin/python3)
EOF
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --full) full=1; shift ;;
        --repeat) repeat=$2; shift 2 ;;
        --analyze-max) analyze_max=$2; shift 2 ;;
        --budget) budget=$2; shift 2 ;;
        --no-nomap) nomap=0; shift ;;
        --seed) seed=$2; shift 2 ;;
        --regen) regen=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
if [[ $full == 1 && ,$sizes, != *,2M,* ]]; then sizes="$sizes,2M"; fi

# "10k" -> 10000, "1M" -> 1000000, "2500" -> 2500
to_count() {
    local s=$1
    case $s in
        *k|*K) echo $(( ${s%[kK]} * 1000 )) ;;
        *m|*M) echo $(( ${s%[mM]} * 1000000 )) ;;
        *[!0-9]*|'') echo "run.sh: bad size '$s'" >&2; exit 2 ;;
        *) echo "$s" ;;
    esac
}
analyze_max_n=$(to_count "$analyze_max")

# ---------------------------------------------------------------- build
GEN=$BUILD_DIR/bench/bm_bench_gen
LOAD=$BUILD_DIR/bench/bm_bench_load
BRIDGEMAP=$BUILD_DIR/bridgemap
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)
if [[ $build_type != Release || ! -x $GEN || ! -x $LOAD || ! -x $BRIDGEMAP ]]; then
    echo "== configuring $BUILD_DIR (Release)" >&2
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >&2
fi
echo "== building $BUILD_DIR" >&2
cmake --build "$BUILD_DIR" -j2 >&2
"$PYTHON" -c 'import igraph' || { echo "run.sh: $PYTHON cannot import igraph (apt install python3-igraph)" >&2; exit 1; }

# ---------------------------------------------------------------- helpers
now() { date +%s.%N; }
# field KEY: the value of the line "KEY value" on stdin
field() { awk -v k="$1" '$1 == k { print $2; exit }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.3f", a / b }'; }
fmt() { awk -v x="$1" 'BEGIN { if (x == "" || x == "-") print "-"; else if (x < 10) printf "%.4f", x; else printf "%.1f", x }'; }

# best_cmd N BUDGET CMD...: runs CMD up to N times (stopping early once the
# runs took BUDGET seconds in total), prints the best wall time in seconds.
best_cmd() {
    local n=$1 bud=$2; shift 2
    local best="" total=0 i t0 t1 t
    for (( i = 0; i < n; i++ )); do
        t0=$(now)
        "$@" >/dev/null
        t1=$(now)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
        best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
        total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
        if awk -v a="$total" -v b="$bud" 'BEGIN { exit !(a >= b) }'; then break; fi
    done
    echo "$best"
}

# ---------------------------------------------------------------- data
gen_size() {
    local label=$1 n=$2 dir=$DATA/$1
    local stamp="ties=$n seed=$seed"
    if [[ $regen == 0 && -f $dir/stamp && $(cat "$dir/stamp") == "$stamp" \
          && -f $dir/records.csv && -f $dir/actors.csv && -f $dir/records.ncol ]]; then
        return
    fi
    mkdir -p "$dir"
    rm -f "$dir/stamp"
    echo "== generating $label ($n ties)" >&2
    "$GEN" --ties "$n" --seed "$seed" "$dir" >&2
    # Space-separated copy for Graph.Read_Ncol (untimed): no header, ids have no spaces.
    tail -n +2 "$dir/records.csv" | tr ',' ' ' > "$dir/records.ncol"
    echo "$stamp" > "$dir/stamp"
}

# ---------------------------------------------------------------- run
mkdir -p "$DATA"
IFS=, read -r -a size_list <<< "$sizes"
for label in "${size_list[@]}"; do gen_size "$label" "$(to_count "$label")"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=$DATA/results.tsv

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
igraph_c=$(pkg-config --modversion igraph 2>/dev/null || echo '?')
igraph_py=$("$PYTHON" -c 'import igraph; print(igraph.__version__)')
{
    echo "# bridgemap bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $cpu"
    echo "# igraph C $igraph_c, python-igraph $igraph_py, $("$PYTHON" --version 2>&1)"
    echo "# best of $repeat (analyze/measures: stop after ${budget}s); times in seconds"
} | tee "$results"

cols=(size records actors ties bm_load bm_load+act py_ncol py_csv load/ncol load/csv
      bm_analyze bm_nomap py_measures analyze/py nomap/py)
(IFS=$'\t'; echo "${cols[*]}") >> "$results"
print_row() {
    printf '%-5s %8s %7s %8s | %7s %11s %7s %7s %9s %8s | %10s %8s %11s %10s %8s\n' "$@"
}
print_row "${cols[@]}"

for label in "${size_list[@]}"; do
    n=$(to_count "$label")
    dir=$DATA/$label

    # (a) bridgemap load, best of N inside one process: the records alone (what
    # Read_Ncol reads), then with the actors file (what analyze reads)
    out=$("$LOAD" "$dir/records.csv" --repeat "$repeat")
    bm_load=$(field load_seconds <<< "$out")
    out=$("$LOAD" "$dir/records.csv" --actors "$dir/actors.csv" --repeat "$repeat")
    bm_load_act=$(field load_seconds <<< "$out")
    actors=$(field actors <<< "$out")
    ties=$(field ties <<< "$out")
    records=$(field records <<< "$out")

    # (b) python-igraph Read_Ncol, (c) csv module + Graph.TupleList
    py_ncol=$("$PYTHON" bench/peer_igraph.py ncol "$dir/records.ncol" --repeat "$repeat" | field seconds)
    py_csv=$("$PYTHON" bench/peer_igraph.py csv "$dir/records.csv" --repeat "$repeat" | field seconds)

    # (d) bridgemap analyze, whole command; (e) python-igraph measures
    bm_an=- bm_nomap=- py_meas=-
    if (( n <= analyze_max_n )); then
        bm_an=$(best_cmd "$repeat" "$budget" "$BRIDGEMAP" analyze "$dir/records.csv" \
                    --actors "$dir/actors.csv" -o "$tmp/an" --quiet)
        rm -rf "$tmp/an"
        if [[ $nomap == 1 ]]; then
            bm_nomap=$(best_cmd "$repeat" "$budget" "$BRIDGEMAP" analyze "$dir/records.csv" \
                           --actors "$dir/actors.csv" -o "$tmp/an" --quiet --no-map)
            rm -rf "$tmp/an"
        fi
        py_meas=$("$PYTHON" bench/peer_igraph.py measures "$dir/records.csv" \
                      --repeat "$repeat" --budget "$budget" | field seconds)
    fi

    row=("$label" "$records" "$actors" "$ties" "$(fmt "$bm_load")" "$(fmt "$bm_load_act")" "$(fmt "$py_ncol")"
         "$(fmt "$py_csv")" "$(ratio "$bm_load" "$py_ncol")" "$(ratio "$bm_load" "$py_csv")"
         "$(fmt "$bm_an")" "$(fmt "$bm_nomap")" "$(fmt "$py_meas")"
         "$(ratio "$bm_an" "$py_meas")" "$(ratio "$bm_nomap" "$py_meas")")
    print_row "${row[@]}"
    (IFS=$'\t'; echo "${row[*]}") >> "$results"
done

echo "# issue target: load/ncol <= 0.3 at 1M ties. Table saved to $results"
