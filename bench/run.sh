#!/usr/bin/env bash
# bench/run.sh: bridgemap against python-igraph (and optionally NetworkX) on
# synthetic collaboration networks (see bench/README.md). Run by hand from anywhere:
#
#   bench/run.sh [--full] [--sizes 10k,100k,1M] [--repeat 3] [--analyze-max 100k]
#                [--budget 60] [--no-nomap] [--seed 1] [--regen]
#                [--analyze-flags "FLAGS"] [--jobs-compare] [--py-max 100k]
#                [--networkx] [--nx-sample 200] [--nx-max 100k] [--no-build]
#
# Environment: BUILD_DIR (default build), PYTHON (default /usr/bin/python3),
# DATA_DIR (default bench/data), RSS_TOOL (auto, time or python).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
DATA=${DATA_DIR:-bench/data}
RSS_TOOL=${RSS_TOOL:-auto}

sizes="10k,100k,1M"
full=0
repeat=3
analyze_max=100k
py_max=100k
budget=60
nomap=1
seed=1
regen=0
build=1
analyze_flags=""
jobs_compare=0
networkx=0
nx_sample=200
nx_max=100k

usage() {
    cat <<'EOF'
usage: bench/run.sh [options]
  --sizes LIST        comma-separated tie counts (k/M suffixes); default 10k,100k,1M
  --full              add 2M to the sizes
  --repeat N          runs per measurement, best taken (default 3)
  --analyze-max SIZE  time bridgemap analyze (and the peers' measures) only up to
                      SIZE ties (default 100k; exact measures are O(actors x ties))
  --py-max SIZE       run the python-igraph measures only up to SIZE ties
                      (default 100k; ~10 hours at 1M) and at most --analyze-max
  --budget SECONDS    stop repeating an analyze/measures timing once its runs
                      took this long in total (default 60; the first run always counts)
  --no-nomap          skip the extra `analyze --no-map` timing
  --analyze-flags "F" extra flags for every `bridgemap analyze` run, split on
                      spaces, e.g. "--approx --jobs 2" or "--exact"; checked on
                      a tiny network first, the run stops if bridgemap rejects them
  --jobs-compare      also time `analyze --no-map --jobs 1` and `--jobs 2`
                      (columns nomap_j1, nomap_j2, j1/j2)
  --networkx          also run the NetworkX peer (bench/peer_networkx.py:
                      constraint in full, betweenness and closeness from a
                      sample of sources, extrapolated to all of them)
  --nx-sample K       sources sampled by the NetworkX peer (default 200)
  --nx-max SIZE       run the NetworkX peer only up to SIZE ties (default 100k)
                      and at most --analyze-max
  --seed S            generator seed (default 1; also the NetworkX sample's seed)
  --regen             regenerate the data even when present
  --no-build          use the binaries in BUILD_DIR as they are (no cmake)
environment: BUILD_DIR (default build), PYTHON (default /usr/bin/python3),
  DATA_DIR (default bench/data), RSS_TOOL (auto: GNU time when Debian's `time`
  package is installed, else bench/peak_rss.py; or force `time` / `python`)
EOF
}

need() { [[ $# -ge 2 ]] || { echo "run.sh: $1 needs a value" >&2; usage >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) need "$@"; sizes=$2; shift 2 ;;
        --full) full=1; shift ;;
        --repeat) need "$@"; repeat=$2; shift 2 ;;
        --analyze-max) need "$@"; analyze_max=$2; shift 2 ;;
        --py-max) need "$@"; py_max=$2; shift 2 ;;
        --budget) need "$@"; budget=$2; shift 2 ;;
        --no-nomap) nomap=0; shift ;;
        --analyze-flags) need "$@"; analyze_flags=$2; shift 2 ;;
        --jobs-compare) jobs_compare=1; shift ;;
        --networkx) networkx=1; shift ;;
        --nx-sample) need "$@"; nx_sample=$2; shift 2 ;;
        --nx-max) need "$@"; nx_max=$2; shift 2 ;;
        --seed) need "$@"; seed=$2; shift 2 ;;
        --regen) regen=1; shift ;;
        --no-build) build=0; shift ;;
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
py_max_n=$(to_count "$py_max")
nx_max_n=$(to_count "$nx_max")
[[ $repeat =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --repeat needs a whole number >= 1" >&2; exit 2; }
[[ $nx_sample =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --nx-sample needs a whole number >= 1" >&2; exit 2; }
read -r -a extra <<< "$analyze_flags"
if [[ $jobs_compare == 1 ]]; then
    for f in "${extra[@]}"; do
        if [[ $f == --jobs || $f == --jobs=* ]]; then
            echo "run.sh: --jobs-compare sets --jobs itself; leave it out of --analyze-flags" >&2
            exit 2
        fi
    done
fi

# ---------------------------------------------------------------- build
GEN=$BUILD_DIR/bench/bm_bench_gen
LOAD=$BUILD_DIR/bench/bm_bench_load
BRIDGEMAP=$BUILD_DIR/bridgemap
if [[ $build == 1 ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)
    if [[ $build_type != Release || ! -x $GEN || ! -x $LOAD || ! -x $BRIDGEMAP ]]; then
        echo "== configuring $BUILD_DIR (Release)" >&2
        cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >&2
    fi
    echo "== building $BUILD_DIR" >&2
    cmake --build "$BUILD_DIR" -j2 >&2
fi
for b in "$GEN" "$LOAD" "$BRIDGEMAP"; do
    [[ -x $b ]] || { echo "run.sh: $b is missing (build $BUILD_DIR first, or drop --no-build)" >&2; exit 1; }
done
"$PYTHON" -c 'import igraph' || { echo "run.sh: $PYTHON cannot import igraph (apt install python3-igraph)" >&2; exit 1; }
if [[ $networkx == 1 ]]; then
    "$PYTHON" -c 'import networkx' || { echo "run.sh: $PYTHON cannot import networkx (apt install python3-networkx)" >&2; exit 1; }
fi
if [[ $RSS_TOOL == auto ]]; then
    if dpkg -s time >/dev/null 2>&1 && [[ -x /usr/bin/time ]]; then RSS_TOOL="time"; else RSS_TOOL="python"; fi
fi
case $RSS_TOOL in
    time|python) ;;
    *) echo "run.sh: RSS_TOOL must be auto, time or python, not '$RSS_TOOL'" >&2; exit 2 ;;
esac

# ---------------------------------------------------------------- helpers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log() { echo "== $*" >&2; }
now() { date +%s.%N; }
# field KEY: the value of the line "KEY value" on stdin
field() { awk -v k="$1" '$1 == k { print $2; exit }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.3f", a / b }'; }
fmt() { awk -v x="$1" 'BEGIN { if (x == "" || x == "-") print "-"; else if (x < 10) printf "%.4f", x; else printf "%.1f", x }'; }
# KiB -> MiB; KiB -> bytes per tie
mib() { awk -v x="$1" 'BEGIN { if (x == "" || x == "-") print "-"; else printf "%.1f", x / 1024 }'; }
per_tie() { awk -v x="$1" -v t="$2" 'BEGIN { if (x == "" || x == "-" || t + 0 == 0) print "-"; else printf "%.0f", x * 1024 / t }'; }
maxof() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || a == "") print b; else if (b == "-" || b == "") print a; else print (b + 0 > a + 0) ? b : a }'; }

# run_once OUTFILE CMD...: runs CMD once, stdout to OUTFILE; sets RUN_WALL
# (seconds, process start to exit) and RUN_KIB (peak RSS in KiB). Stops the
# whole script, showing CMD's stderr, when CMD fails.
run_once() {
    local out=$1; shift
    local rc=0 t0 t1
    if [[ $RSS_TOOL == time ]]; then
        t0=$(now)
        /usr/bin/time -f %M -o "$tmp/rss" "$@" >"$out" 2>"$tmp/err" || rc=$?
        t1=$(now)
        RUN_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
        RUN_KIB=$(tail -n 1 "$tmp/rss" 2>/dev/null || echo -)
    else
        "$PYTHON" bench/peak_rss.py "$tmp/rss" "$@" >"$out" 2>"$tmp/err" || rc=$?
        read -r RUN_KIB RUN_WALL < "$tmp/rss" || { RUN_KIB=-; RUN_WALL=-; }
    fi
    if (( rc != 0 )); then
        {
            echo "run.sh: FAILED (exit $rc): $*"
            tail -n 20 "$tmp/err" | sed 's/^/  | /'
            if grep -q -i -E 'unknown option|unexpected argument|needs a value|takes no value' "$tmp/err"; then
                echo "run.sh: $BRIDGEMAP rejected an option; analyze flags in use: ${extra[*]:-(none)}$([[ $jobs_compare == 1 ]] && echo ' + --jobs 1/2 (--jobs-compare)'). Not implemented in this build yet?"
            fi
        } >&2
        exit 1
    fi
}

# best_cmd N BUDGET CMD...: runs CMD up to N times (stopping early once the
# runs took BUDGET seconds in total); sets BEST (best wall time in seconds) and
# PEAK_KIB (largest peak RSS of the runs).
best_cmd() {
    local n=$1 bud=$2; shift 2
    local total=0 i
    BEST="" PEAK_KIB=-
    for (( i = 0; i < n; i++ )); do
        run_once /dev/null "$@"
        BEST=$(awk -v a="$BEST" -v b="$RUN_WALL" 'BEGIN { print (a == "" || b < a) ? b : a }')
        PEAK_KIB=$(maxof "$PEAK_KIB" "$RUN_KIB")
        total=$(awk -v a="$total" -v b="$RUN_WALL" 'BEGIN { print a + b }')
        if awk -v a="$total" -v b="$bud" 'BEGIN { exit !(a >= b) }'; then break; fi
    done
}

# capture CMD...: runs CMD once (a peer or bm_bench_load, which time
# themselves); sets OUT (its stdout) and RUN_KIB.
capture() {
    run_once "$tmp/out" "$@"
    OUT=$(cat "$tmp/out")
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
    log "generating $label ($n ties)"
    local t0; t0=$(now)
    "$GEN" --ties "$n" --seed "$seed" "$dir" >&2
    # Space-separated copy for Graph.Read_Ncol (untimed): no header, ids have no spaces.
    tail -n +2 "$dir/records.csv" | tr ',' ' ' > "$dir/records.ncol"
    echo "$stamp" > "$dir/stamp"
    log "generated $label in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"
}

# ---------------------------------------------------------------- run
mkdir -p "$DATA"
IFS=, read -r -a size_list <<< "$sizes"
for label in "${size_list[@]}"; do gen_size "$label" "$(to_count "$label")"; done
results=$DATA/results.tsv

any_analyze=0
for label in "${size_list[@]}"; do
    if (( $(to_count "$label") <= analyze_max_n )); then any_analyze=1; fi
done

# Preflight: every analyze variant this run uses, once on a tiny network, so
# that a flag bridgemap does not know stops the run at once, not hours in.
if [[ $any_analyze == 1 ]]; then
    log "preflight: bridgemap analyze --no-map${extra[*]:+ ${extra[*]}} on 300 ties"
    "$GEN" --ties 300 --seed 1 "$tmp/pre" >/dev/null 2>&1
    pre=("$BRIDGEMAP" analyze "$tmp/pre/records.csv" --actors "$tmp/pre/actors.csv" -o "$tmp/pre_out" --quiet --no-map)
    run_once /dev/null "${pre[@]}" "${extra[@]}"
    if [[ $jobs_compare == 1 ]]; then
        run_once /dev/null "${pre[@]}" "${extra[@]}" --jobs 1
        run_once /dev/null "${pre[@]}" "${extra[@]}" --jobs 2
    fi
    rm -rf "$tmp/pre" "$tmp/pre_out"
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
igraph_c=$(pkg-config --modversion igraph 2>/dev/null || echo '?')
igraph_py=$("$PYTHON" -c 'import igraph; print(igraph.__version__)')
nx_version=-
if [[ $networkx == 1 ]]; then nx_version=$("$PYTHON" -c 'import networkx; print(networkx.__version__)'); fi
bm_version=$("$BRIDGEMAP" --version 2>/dev/null | head -1 || echo '?')
git_rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
if [[ -n $(git status --porcelain -- src include CMakeLists.txt 2>/dev/null) ]]; then git_rev="$git_rev+uncommitted src"; fi
{
    echo "# bridgemap bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $cpu"
    echo "# $bm_version (git $git_rev, $BUILD_DIR); igraph C $igraph_c, python-igraph $igraph_py, networkx $nx_version, $("$PYTHON" --version 2>&1)"
    echo "# best of $repeat (analyze/measures: stop after ${budget}s); times in seconds; memory: peak RSS in MiB ($RSS_TOOL)"
    echo "# analyze flags: ${extra[*]:-(none)}; analyze up to $analyze_max, python-igraph measures up to $py_max$([[ $networkx == 1 ]] && echo ", NetworkX up to $nx_max (K=$nx_sample, seed $seed)")"
} | tee "$results"

cols=(size records actors ties
      bm_load bm_load+act py_ncol py_csv load/ncol load/csv
      load_mb load_B/tie ncol_mb mem_load/ncol
      bm_analyze bm_nomap py_measures analyze/py nomap/py
      an_mb nomap_mb bm_peak_mb bytes/tie py_meas_mb mem/py)
if [[ $networkx == 1 ]]; then cols+=(nx_K nx_meas nx_extrap nx_se analyze/nx nomap/nx); fi
if [[ $jobs_compare == 1 ]]; then cols+=(nomap_j1 nomap_j2 j1/j2 j1_mb j2_mb); fi
(IFS=$'\t'; echo "${cols[*]}") >> "$results"
widths=()
for c in "${cols[@]}"; do w=${#c}; if (( w < 7 )); then w=7; fi; widths+=("$w"); done
print_row() {
    local i=0 line="" v
    for v in "$@"; do
        line+=$(printf '%*s ' "${widths[$i]}" "$v")
        i=$((i + 1))
    done
    echo "${line% }"
}
print_row "${cols[@]}"

for label in "${size_list[@]}"; do
    n=$(to_count "$label")
    dir=$DATA/$label

    # (a) bridgemap load, best of N inside one process: the records alone (what
    # Read_Ncol reads), then with the actors file (what analyze reads)
    log "$label: load"
    capture "$LOAD" "$dir/records.csv" --repeat "$repeat"
    bm_load=$(field load_seconds <<< "$OUT")
    load_kib=$RUN_KIB
    capture "$LOAD" "$dir/records.csv" --actors "$dir/actors.csv" --repeat "$repeat"
    bm_load_act=$(field load_seconds <<< "$OUT")
    actors=$(field actors <<< "$OUT")
    ties=$(field ties <<< "$OUT")
    records=$(field records <<< "$OUT")

    # (b) python-igraph Read_Ncol, (c) csv module + Graph.TupleList
    capture "$PYTHON" bench/peer_igraph.py ncol "$dir/records.ncol" --repeat "$repeat"
    py_ncol=$(field seconds <<< "$OUT")
    ncol_kib=$RUN_KIB
    capture "$PYTHON" bench/peer_igraph.py csv "$dir/records.csv" --repeat "$repeat"
    py_csv=$(field seconds <<< "$OUT")

    # (d) bridgemap analyze, whole command; (e) python-igraph measures;
    # (f) NetworkX peer; (g) --jobs 1 against --jobs 2
    bm_an=- bm_nomap=- py_meas=- an_kib=- nomap_kib=- py_kib=-
    nx_k=- nx_meas=- nx_extrap=- nx_se=-
    j1=- j2=- j1_kib=- j2_kib=-
    an=("$BRIDGEMAP" analyze "$dir/records.csv" --actors "$dir/actors.csv" -o "$tmp/an" --quiet)
    if (( n <= analyze_max_n )); then
        log "$label: bridgemap analyze ${extra[*]:-}"
        best_cmd "$repeat" "$budget" "${an[@]}" "${extra[@]}"
        bm_an=$BEST an_kib=$PEAK_KIB
        rm -rf "$tmp/an"
        if [[ $nomap == 1 ]]; then
            log "$label: bridgemap analyze --no-map ${extra[*]:-}"
            best_cmd "$repeat" "$budget" "${an[@]}" --no-map "${extra[@]}"
            bm_nomap=$BEST nomap_kib=$PEAK_KIB
            rm -rf "$tmp/an"
        fi
        if [[ $jobs_compare == 1 ]]; then
            log "$label: bridgemap analyze --no-map --jobs 1 / --jobs 2"
            best_cmd "$repeat" "$budget" "${an[@]}" --no-map "${extra[@]}" --jobs 1
            j1=$BEST j1_kib=$PEAK_KIB
            rm -rf "$tmp/an"
            best_cmd "$repeat" "$budget" "${an[@]}" --no-map "${extra[@]}" --jobs 2
            j2=$BEST j2_kib=$PEAK_KIB
            rm -rf "$tmp/an"
        fi
        if (( n <= py_max_n )); then
            log "$label: python-igraph measures"
            capture "$PYTHON" bench/peer_igraph.py measures "$dir/records.csv" \
                --repeat "$repeat" --budget "$budget"
            py_meas=$(field seconds <<< "$OUT")
            py_kib=$RUN_KIB
        fi
        if [[ $networkx == 1 ]] && (( n <= nx_max_n )); then
            log "$label: NetworkX peer (K=$nx_sample)"
            capture "$PYTHON" bench/peer_networkx.py "$dir/records.csv" --sample "$nx_sample" --seed "$seed"
            nx_k=$(field sample <<< "$OUT")
            nx_meas=$(field measured_seconds <<< "$OUT")
            nx_extrap=$(field seconds <<< "$OUT")
            nx_se=$(field extrap_rel_se <<< "$OUT")
        fi
    fi
    peak_kib=$(maxof "$(maxof "$an_kib" "$nomap_kib")" "$(maxof "$j1_kib" "$j2_kib")")

    row=("$label" "$records" "$actors" "$ties"
         "$(fmt "$bm_load")" "$(fmt "$bm_load_act")" "$(fmt "$py_ncol")" "$(fmt "$py_csv")"
         "$(ratio "$bm_load" "$py_ncol")" "$(ratio "$bm_load" "$py_csv")"
         "$(mib "$load_kib")" "$(per_tie "$load_kib" "$ties")" "$(mib "$ncol_kib")" "$(ratio "$load_kib" "$ncol_kib")"
         "$(fmt "$bm_an")" "$(fmt "$bm_nomap")" "$(fmt "$py_meas")"
         "$(ratio "$bm_an" "$py_meas")" "$(ratio "$bm_nomap" "$py_meas")"
         "$(mib "$an_kib")" "$(mib "$nomap_kib")" "$(mib "$peak_kib")" "$(per_tie "$peak_kib" "$ties")"
         "$(mib "$py_kib")" "$(ratio "$nomap_kib" "$py_kib")")
    if [[ $networkx == 1 ]]; then
        row+=("$nx_k" "$(fmt "$nx_meas")" "$(fmt "$nx_extrap")" "$nx_se"
              "$(ratio "$bm_an" "$nx_extrap")" "$(ratio "$bm_nomap" "$nx_extrap")")
    fi
    if [[ $jobs_compare == 1 ]]; then
        row+=("$(fmt "$j1")" "$(fmt "$j2")" "$(ratio "$j1" "$j2")" "$(mib "$j1_kib")" "$(mib "$j2_kib")")
    fi
    print_row "${row[@]}"
    (IFS=$'\t'; echo "${row[*]}") >> "$results"
done

echo "# issue target: load/ncol <= 0.2 at 1M ties. Table saved to $results"
